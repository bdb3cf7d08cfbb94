import { z } from 'zod';
import { FrontMatterError } from '../errors';
import { ArticleMetaSchema, LANGUAGE_CODE, MAX_NAME_LENGTH, MAX_TITLE_LENGTH, PUBLISHED_DATETIME, URL_PROTOCOL, type ArticleMeta } from './types';

const FENCE = /^---[ \t]*$/;

/**
 * Split a Markdown article into its front matter and body, and validate the
 * front matter. The front matter is the YAML subset news tools write: one
 * `key: value` a line, values optionally quoted, `#` comments.
 *
 * @param source Name of the file, used in error messages.
 * @throws FrontMatterError naming the file and the field.
 */
export function parseFrontMatter(text: string, source: string): { meta: ArticleMeta; body: string } {
  const block = fencedBlock(text, source);
  if (!block) return { meta: {}, body: text };
  // No prototype: `constructor:` or `__proto__:` lines are fields like any other (refused as unknown), not Object's own keys.
  const raw: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const line of block.lines) {
    if (/^\s*(#.*)?$/.test(line)) continue;
    const match = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (!match) throw new FrontMatterError(source, line.trim().slice(0, 40), 'is not a "key: value" line');
    const key = match[1]!.toLowerCase();
    if (Object.hasOwn(raw, key)) throw new FrontMatterError(source, key, 'is given twice');
    raw[key] = unquote(match[2]!.replace(/\s+#.*$/, '').trim());
  }

  return { meta: quickMeta(raw) ?? validatedMeta(raw, source), body: block.body };
}

/**
 * The lines between an opening `---` line and the closing one, and the text
 * after it; undefined when the text does not open with `---`. Only these
 * lines are cut out: the body is one slice of the text.
 */
function fencedBlock(text: string, source: string): { lines: string[]; body: string } | undefined {
  const first = lineAt(text, 0);
  if (!FENCE.test(first.line)) return undefined;
  const lines: string[] = [];
  for (let at = first.next; at >= 0; ) {
    const { line, next } = lineAt(text, at);
    if (FENCE.test(line)) return { lines, body: next < 0 ? '' : text.slice(next) };
    lines.push(line);
    at = next;
  }
  throw new FrontMatterError(source, '---', 'block is never closed: add a line with --- after the last field');
}

/** The line starting at `start`, and where the next one starts (-1 after the last line). */
function lineAt(text: string, start: number): { line: string; next: number } {
  const newline = text.indexOf('\n', start);
  return newline < 0 ? { line: text.slice(start), next: -1 } : { line: text.slice(start, newline), next: newline + 1 };
}

/** The front matter as zod makes it, or a {@link FrontMatterError} for its first issue. */
function validatedMeta(raw: Record<string, string>, source: string): ArticleMeta {
  const parsed = ArticleMetaSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.code === 'unrecognized_keys' ? String(issue.keys[0]) : String(issue.path[0] ?? '?');
    const detail = issue.code === 'unrecognized_keys'
      ? 'is not a known field (title, source, url, published, language, author)'
      : issue.message;
    throw new FrontMatterError(source, field, detail);
  }
  return parsed.data;
}

const DATETIME = z.regexes.datetime(PUBLISHED_DATETIME);
const DATE = z.regexes.date;
/** What zod's URL check requires before parsing (and no white space, which it would strip). */
const PLAIN_HTTP_URL = /^https?:\/\/\S*$/i;

/**
 * Per field, the value {@link ArticleMetaSchema} outputs when it surely
 * accepts `value` (the same checks, without zod's cost per call), else
 * undefined: zod then decides and words the error.
 */
const QUICK_CHECKS = new Map<string, (value: string) => string | undefined>([
  ['title', (value) => trimmedWithin(value, MAX_TITLE_LENGTH)],
  ['source', (value) => trimmedWithin(value, MAX_NAME_LENGTH)],
  ['author', (value) => trimmedWithin(value, MAX_NAME_LENGTH)],
  ['language', (value) => (LANGUAGE_CODE.test(value.trim()) ? value.trim() : undefined)],
  ['published', (value) => (DATETIME.test(value) || DATE.test(value) ? value : undefined)],
  ['url', (value) => (PLAIN_HTTP_URL.test(value) && URL_PROTOCOL.test(URL.parse(value)?.protocol.slice(0, -1) ?? '') ? value : undefined)],
]);

/** The validated front matter when every field passes its quick check, else undefined. */
function quickMeta(raw: Record<string, string>): ArticleMeta | undefined {
  const meta: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) {
    const checked = QUICK_CHECKS.get(key)?.(value);
    if (checked === undefined) return undefined;
    meta[key] = checked;
  }
  return meta as ArticleMeta;
}

function trimmedWithin(value: string, max: number): string | undefined {
  const trimmed = value.trim();
  return trimmed.length >= 1 && trimmed.length <= max ? trimmed : undefined;
}

function unquote(value: string): string {
  const quoted = /^"(.*)"$/.exec(value) ?? /^'(.*)'$/.exec(value);
  if (!quoted) return value;
  return value.startsWith('"') ? quoted[1]!.replace(/\\"/g, '"').replace(/\\\\/g, '\\') : quoted[1]!.replace(/''/g, "'");
}
