import { FrontMatterError } from '../errors';
import { ArticleMetaSchema, type ArticleMeta } from './types';

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
  const lines = text.split('\n');
  if (lines.length === 0 || !FENCE.test(lines[0] ?? '')) return { meta: {}, body: text };
  const end = lines.findIndex((line, i) => i > 0 && FENCE.test(line));
  if (end < 0) throw new FrontMatterError(source, '---', 'block is never closed: add a line with --- after the last field');

  const raw: Record<string, string> = {};
  for (let i = 1; i < end; i++) {
    const line = lines[i] ?? '';
    if (/^\s*(#.*)?$/.test(line)) continue;
    const match = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (!match) throw new FrontMatterError(source, line.trim().slice(0, 40), 'is not a "key: value" line');
    const key = match[1]!.toLowerCase();
    if (key in raw) throw new FrontMatterError(source, key, 'is given twice');
    raw[key] = unquote(match[2]!.replace(/\s+#.*$/, '').trim());
  }

  const parsed = ArticleMetaSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.code === 'unrecognized_keys' ? String(issue.keys[0]) : String(issue.path[0] ?? '?');
    const detail = issue.code === 'unrecognized_keys'
      ? 'is not a known field (title, source, url, published, language, author)'
      : issue.message;
    throw new FrontMatterError(source, field, detail);
  }
  return { meta: parsed.data, body: lines.slice(end + 1).join('\n') };
}

function unquote(value: string): string {
  const quoted = /^"(.*)"$/.exec(value) ?? /^'(.*)'$/.exec(value);
  if (!quoted) return value;
  return value.startsWith('"') ? quoted[1]!.replace(/\\"/g, '"').replace(/\\\\/g, '\\') : quoted[1]!.replace(/''/g, "'");
}
