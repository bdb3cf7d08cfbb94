import { createBriefing } from '../briefing';
import { articleIdOf, DEFAULT_MAX_ARTICLE_BYTES, readArticleFile } from '../content/read-article';
import { UserError } from '../errors';
import { parseBriefArgs, USAGE } from './args';
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
    const path = await resolveArticle(args.target, io.contentDir);
    const article = await readArticleFile(path, args.maxBytes ?? io.maxArticleBytes ?? DEFAULT_MAX_ARTICLE_BYTES);
    const briefing = createBriefing(article.body, {
      title: article.meta.title,
      language: article.meta.language,
      sentences: args.sentences,
      words: args.words,
    });
    if (args.json) io.stdout(`${JSON.stringify(toBriefJson(articleIdOf(path), briefing))}\n`);
    else io.stdout(renderBriefing(briefing, { color: io.color }));
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

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
