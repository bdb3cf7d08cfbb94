import { createBriefing } from '../briefing';
import { isHtmlFile, readHtmlFile } from '../content/html-file';
import { articleIdOf, DEFAULT_MAX_ARTICLE_BYTES, readArticleFile } from '../content/read-article';
import type { ArticleSource } from '../content/types';
import type { Fetcher } from '../content/web/fetch-types';
import { type ExtractFn, fetchWebArticle } from '../content/web/page-source';
import { UserError } from '../errors';
import { type BriefArgs, parseBriefArgs, USAGE } from './args';
import { renderBriefing, toBriefJson } from './render';
import { resolveArticle } from './resolve';

/** Where the CLI writes, and the settings it runs with (injected so tests run it in-process). */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** ANSI colours in the terminal output. */
  color: boolean;
  /** Folder of the article library (for ids). */
  contentDir: string;
  /** Size cap when `--max-bytes` is not given. */
  maxArticleBytes?: number;
  /** How http(s) URLs are fetched; without it a URL is refused. */
  fetcher?: Fetcher;
  /** Size cap of a fetched page when `--max-bytes` is not given (FETCH_MAX_BYTES). */
  fetchMaxBytes?: number;
  /** Whole-fetch timeout (FETCH_TIMEOUT_MS). */
  fetchTimeoutMs?: number;
  /** How a fetched page is taken apart (a worker with a time limit); in this thread when absent. */
  extract?: ExtractFn;
}

/** Exit codes: 0 done, 1 internal error, 2 bad input. */
export type ExitCode = 0 | 1 | 2;

/**
 * Run `brief` with the given arguments. Never throws: bad input is one line
 * on stderr and exit code 2; an unexpected failure is one line and code 1.
 */
export async function main(argv: readonly string[], io: CliIO): Promise<ExitCode> {
  try {
    const args = parseBriefArgs(argv);
    if (args.help) {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    const article = await loadArticle(args, io);
    const briefing = createBriefing(article.body, {
      title: article.meta.title,
      language: article.meta.language,
      sentences: args.sentences,
      words: args.words,
    });
    if (args.json) io.stdout(`${JSON.stringify(toBriefJson(article.id, briefing, { url: article.meta.url, text: article.body }))}\n`);
    else io.stdout(renderBriefing(briefing, { color: io.color, url: article.meta.url }));
    return 0;
  } catch (error) {
    if (error instanceof UserError) {
      io.stderr(`${oneLine(error.message)}\n`);
      return 2;
    }
    io.stderr(`brief: unexpected error: ${oneLine(error instanceof Error ? error.message : String(error))}\n`);
    return 1;
  }
}

/** An http(s) URL on the command line (anything else is a file or an article id). */
export function isWebUrl(target: string): boolean {
  return /^https?:\/\//i.test(target.trim());
}

/** The article the target names: a web page, a saved .html page, an article file or an id of the library. */
async function loadArticle(args: BriefArgs, io: CliIO): Promise<ArticleSource> {
  if (isWebUrl(args.target)) {
    if (!io.fetcher) throw new UserError('Web links cannot be fetched here.');
    const web = await fetchWebArticle(args.target.trim(), { fetcher: io.fetcher, extract: io.extract, maxBytes: args.maxBytes ?? io.fetchMaxBytes, timeoutMs: io.fetchTimeoutMs });
    return web.source;
  }
  const path = await resolveArticle(args.target, io.contentDir);
  const maxBytes = args.maxBytes ?? io.maxArticleBytes ?? DEFAULT_MAX_ARTICLE_BYTES;
  if (isHtmlFile(path)) return (await readHtmlFile(path, maxBytes)).source;
  const article = await readArticleFile(path, maxBytes);
  return { ...article, id: articleIdOf(path) };
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
