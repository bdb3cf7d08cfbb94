import { parseHTML } from 'linkedom';

const BLOCK_END = /<\/(p|div|h[1-6]|li|blockquote|section|article|tr|pre|figure)\s*>|<br\s*\/?>/gi;
const DROPPED = /<(script|style|noscript|iframe|svg)\b[\s\S]*?<\/\1\s*>/gi;

/**
 * Plain text of an HTML fragment (a feed item's description or content):
 * tags dropped, entities decoded, one paragraph per block, paragraphs
 * separated by a blank line. Text without markup comes back trimmed.
 */
export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return tidy(html);
  const marked = html.replace(DROPPED, ' ').replace(BLOCK_END, (tag) => `${tag}\n\n`);
  const { document } = parseHTML(`<!doctype html><html><body>${marked}</body></html>`);
  return tidy(document.body?.textContent ?? '');
}

function tidy(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((part) => part.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
}
