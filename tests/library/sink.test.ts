import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFolderLibrary } from '../../src/library/folder-library';
import { createLogger } from '../../src/logger';
import { publishLibrary, type ArticleSink } from '../../src/library/sink';
import type { LibraryArticle } from '../../src/library/types';

const ARTICLES: Record<string, string> = {
  'ar.md': ['---', 'title: خطة النقل الجديدة', 'published: 2024-02-01', 'language: ar', '---', '«هذه الخطة ستغير حياة السكان»، قال الوزير أحمد سالم.'].join('\n'),
  'en.md': ['---', 'title: New transport plan', 'published: 2024-02-02', 'language: en', '---', '"This plan will change how people move," said councillor Mary Jones.'].join('\n'),
};

/** A sink that keeps what it was given, in order. */
function recordingSink(): ArticleSink & { stored: Map<string, LibraryArticle>; writes: string[] } {
  const stored = new Map<string, LibraryArticle>();
  const writes: string[] = [];
  return {
    stored,
    writes,
    put: async (articles) => {
      for (const a of articles) stored.set(a.id, a);
      writes.push(`put ${articles.map((a) => a.id).join(',')}`);
    },
    remove: async (ids) => {
      for (const id of ids) stored.delete(id);
      writes.push(`remove ${ids.join(',')}`);
    },
  };
}

describe('publishLibrary: the ingest publishes the library to the article store', () => {
  it('every article (Arabic, English, French) once at start, then each change and removal', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefing-sink-'));
    for (const [name, text] of Object.entries(ARTICLES)) writeFileSync(join(dir, name), text);
    const library = createFolderLibrary({ contentDir: dir, maxBytes: 1_000_000, logger: createLogger({ level: 'silent' }), rescanSeconds: 0, watch: false, settleMs: 0 });
    const sink = recordingSink();
    try {
      await library.start();
      const stop = await publishLibrary(library, sink);
      expect([...sink.stored.keys()].sort()).toEqual(['ar', 'en']);
      expect(sink.stored.get('ar')!.briefing.headline).toBe('خطة النقل الجديدة');
      writeFileSync(join(dir, 'fr.md'), ['---', 'title: Le nouveau plan de transport', 'published: 2024-02-03', 'language: fr', '---', '« Ce plan va changer la vie des habitants », a déclaré la maire Claire Martin.'].join('\n'));
      unlinkSync(join(dir, 'en.md'));
      await library.rescan();
      await expect.poll(() => [...sink.stored.keys()].sort()).toEqual(['ar', 'fr']);
      stop();
      writeFileSync(join(dir, 'later.md'), ARTICLES['en.md']!);
      await library.rescan();
      expect(sink.stored.has('later')).toBe(false);
    } finally {
      await library.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
