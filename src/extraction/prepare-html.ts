/**
 * Shrink a page before it is parsed: parsing and Readability cost grows with
 * every element and attribute (linkedom makes an object of each), and most
 * of a news page is scripts, styles, navigation, images and tracking
 * attributes that never hold article text. Pure string work, linear in the
 * page's size whatever the markup (unclosed tags included).
 */

/** Elements removed with everything inside them. `form` is not among them: ASP.NET pages wrap the whole page in one. */
const CONTAINERS = ['script', 'style', 'svg', 'noscript', 'template', 'iframe', 'select', 'button', 'video', 'audio', 'object', 'canvas', 'map', 'nav', 'footer', 'aside'] as const;

/** Elements without content that never matter to the text. */
const VOID_ELEMENTS = /<(?:img|source|link|input|wbr|track|embed|param|area|col)\b(?:"[^"]*"|'[^']*'|[^'">])*>/gi;

/** Attributes Readability or the extraction reads; every other one is dropped. */
const KEPT_ATTRIBUTES = new Set([
  'class', 'id', 'lang', 'dir', 'href', 'rel', 'name', 'property', 'content', 'itemprop', 'type', 'role', 'hidden', 'aria-hidden', 'datetime', 'charset', 'http-equiv', 'title',
]);

const HIDING_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;
const START_TAG = /<([a-zA-Z][\w:-]*)((?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+))?)*)\s*(\/?)>/g;
const ATTRIBUTE = /([^\s=/>]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>"']+))?/g;

/** The page without the elements and attributes that cannot matter to extraction. */
export function prepareHtml(html: string): string {
  let out = removeComments(html);
  for (const tag of CONTAINERS) out = removeElements(out, tag);
  return out.replace(VOID_ELEMENTS, '').replace(START_TAG, keepUsefulAttributes);
}

/** `<!-- … -->` removed by scanning (an unclosed comment runs to the end, as in a browser). */
function removeComments(html: string): string {
  let out = '';
  let from = 0;
  for (let start = html.indexOf('<!--'); start >= 0; start = html.indexOf('<!--', from)) {
    out += html.slice(from, start);
    const end = html.indexOf('-->', start + 4);
    if (end < 0) return out;
    from = end + 3;
  }
  return out + html.slice(from);
}

/**
 * Every `<tag …>…</tag>` removed, scanning once: an opening tag without its
 * closing tag is left alone (a regex would rescan the rest of the page for
 * each, which a hostile page could make quadratic). A JSON-LD script stays:
 * it carries the headline and the date.
 */
function removeElements(html: string, tag: string): string {
  const open = new RegExp(`<${tag}\\b[^>]*>`, 'gi');
  const close = new RegExp(`</${tag}\\s*>`, 'gi');
  let out = '';
  let from = 0;
  for (let match = open.exec(html); match; match = open.exec(html)) {
    if (match.index < from) continue;
    if (tag === 'script' && /application\/ld\+json/i.test(match[0])) continue;
    close.lastIndex = match.index + match[0].length;
    const end = close.exec(html);
    if (!end) break;
    out += html.slice(from, match.index);
    from = end.index + end[0].length;
    open.lastIndex = from;
  }
  return out + html.slice(from);
}

function keepUsefulAttributes(tag: string, name: string, attributes: string, selfClosing: string): string {
  if (!attributes) return tag;
  let kept = '';
  for (const [, attribute, value] of attributes.matchAll(ATTRIBUTE)) {
    const lower = attribute!.toLowerCase();
    if (KEPT_ATTRIBUTES.has(lower)) kept += value === undefined ? ` ${attribute}` : ` ${attribute}=${value}`;
    // An inline style matters only when it hides the element (Readability skips hidden ones): say so with `hidden`.
    else if (lower === 'style' && value && HIDING_STYLE.test(value)) kept += ' hidden';
  }
  return `<${name}${kept}${selfClosing ? ' /' : ''}>`;
}
