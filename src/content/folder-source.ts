import { watch } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ArticleNotFoundError } from '../errors';
import { articleFormatOf, articleIdOf, assertArticleId, readArticleFile } from './read-article';
import type { ContentChange, ContentEntry, ContentSource } from './source';
import { ARTICLE_EXTENSIONS } from './types';

/**
 * The operator's folder of `.txt`/`.md` articles as a {@link ContentSource}:
 * a thin wrapper over the content reader (the library's own loader keeps its
 * cache and workers). Version: file size and modification time.
 */
export function createFolderSource(dir: string, maxBytes: number): ContentSource {
  const pathOf = async (id: string): Promise<string> => {
    assertArticleId(id);
    for (const ext of ARTICLE_EXTENSIONS) {
      const path = join(dir, `${id}${ext}`);
      if (await stat(path).then((info) => info.isFile(), () => false)) return path;
    }
    throw new ArticleNotFoundError(id);
  };
  const entryOf = async (name: string): Promise<ContentEntry | undefined> => {
    const info = await stat(join(dir, name)).catch(() => undefined);
    return info?.isFile() ? { id: articleIdOf(name), version: `${info.size}:${info.mtimeMs}` } : undefined;
  };
  return {
    kind: 'folder',
    async list() {
      const names = (await readdir(dir)).filter((name) => articleFormatOf(name) !== undefined && !name.startsWith('.'));
      const entries = await Promise.all(names.map(entryOf));
      return entries.filter((entry): entry is ContentEntry => entry !== undefined);
    },
    async read(id) {
      const path = await pathOf(id);
      const info = await stat(path);
      return { source: await readArticleFile(path, maxBytes), version: `${info.size}:${info.mtimeMs}` };
    },
    watch(onChange: (change: ContentChange) => void) {
      const watcher = watch(dir, (_event, name) => {
        if (!name || articleFormatOf(name) === undefined) return;
        void entryOf(name).then((entry) => onChange(entry ? { kind: 'changed', entry } : { kind: 'removed', id: articleIdOf(name) }));
      });
      return () => watcher.close();
    },
  };
}
