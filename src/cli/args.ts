import { InvalidOptionError, UserError } from '../errors';

/** Parsed command line of `npm run brief`. */
export interface BriefArgs {
  /** A file path (.txt, .md, .html), an article id or an http(s) URL. */
  target: string;
  json: boolean;
  sentences?: number;
  words?: number;
  maxBytes?: number;
  help: boolean;
}

/** One-line usage, shown with `--help` and after argument errors. */
export const USAGE = 'Usage: npm run brief -- <file|article-id|url> [--json] [--sentences N] [--words N] [--max-bytes N]';

/** Most summary sentences accepted by `--sentences`. */
export const MAX_SENTENCES = 20;
/** Largest word budget accepted by `--words`. */
export const MAX_WORDS = 2000;
/** Largest `--max-bytes` accepted (50 MB, as the configuration). */
export const MAX_BYTES = 50_000_000;

const NUMERIC: Readonly<Record<string, { key: 'sentences' | 'words' | 'maxBytes'; max: number }>> = {
  '--sentences': { key: 'sentences', max: MAX_SENTENCES },
  '--words': { key: 'words', max: MAX_WORDS },
  '--max-bytes': { key: 'maxBytes', max: MAX_BYTES },
};

/**
 * Parse the CLI arguments (without `node` and the script). Pure.
 *
 * @throws InvalidOptionError for an unknown flag or a bad value, UserError for a missing or extra argument.
 */
export function parseBriefArgs(argv: readonly string[]): BriefArgs {
  const args: Partial<BriefArgs> & { json: boolean; help: boolean } = { json: false, help: false };
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '--json') {
      args.json = true;
      continue;
    }
    if (arg === '--help' || arg === '-h') {
      args.help = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const flag = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const spec = NUMERIC[flag];
    if (spec) {
      const value = eq > 0 && flag !== arg ? arg.slice(eq + 1) : argv[++i];
      args[spec.key] = parsePositiveInt(flag, value, spec.max);
      continue;
    }
    if (arg.startsWith('-') && arg.length > 1) throw new InvalidOptionError('option', `unknown flag "${arg.slice(0, 40)}". ${USAGE}`);
    positional.push(arg);
  }
  if (args.help) return { target: positional[0] ?? '', ...args };
  if (positional.length === 0) throw new UserError(`Missing the article to brief. ${USAGE}`);
  if (positional.length > 1) throw new UserError(`Expected one article, got ${positional.length}. ${USAGE}`);
  const target = positional[0]!;
  if (target.trim() === '') throw new UserError(`The article name is empty. ${USAGE}`);
  return { ...args, target };
}

function parsePositiveInt(flag: string, value: string | undefined, max: number): number {
  if (value === undefined || value.startsWith('--')) throw new InvalidOptionError(flag, 'expects a number');
  if (!/^\d{1,12}$/.test(value.trim())) throw new InvalidOptionError(flag, `"${value.slice(0, 20)}" is not a whole number`);
  const n = Number(value.trim());
  if (n < 1 || n > max) throw new InvalidOptionError(flag, `must be between 1 and ${max}`);
  return n;
}
