/**
 * Shrink a page before it is parsed: parsing and Readability cost grows with
 * every element and attribute (linkedom makes an object of each), and most
 * of a news page is scripts, styles, navigation, images and tracking
 * attributes that never hold article text. Pure string work.
 */

/** Whole elements that never hold article text (a JSON-LD script stays: it carries the headline and date). */
const DROPPED_ELEMENTS = new RegExp(
  [
    '<script\\b(?![^>]*application\\/ld\\+json)[^>]*>[\\s\\S]*?<\\/script\\s*>',
    '<(style|svg|noscript|template|iframe|select|button|video|audio|object|canvas|map|nav|footer|aside|form)\\b[^>]*>[\\s\\S]*?<\\/\\1\\s*>',
    '<!--[\\s\\S]*?-->',
    '<(?:img|source|link|input|wbr|track|embed|param|area|col)\\b(?:"[^"]*"|\'[^\']*\'|[^\'">])*>',
  ].join('|'),
  'gi',
);

/** Attributes Readability or the extraction reads; every other one is dropped. */
const KEPT_ATTRIBUTES = new Set([
  'class', 'id', 'lang', 'dir', 'href', 'rel', 'name', 'property', 'content', 'itemprop', 'type', 'role', 'hidden', 'aria-hidden', 'datetime', 'charset', 'http-equiv', 'title',
]);

const HIDING_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;
const START_TAG = /<([a-zA-Z][\w:-]*)((?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+))?)*)\s*(\/?)>/g;
const ATTRIBUTE = /([^\s=/>]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>"']+))?/g;

/** The page without the elements and attributes that cannot matter to extraction. */
export function prepareHtml(html: string): string {
  return html.replace(DROPPED_ELEMENTS, '').replace(START_TAG, (tag: string, name: string, attributes: string, selfClosing: string) => {
    if (!attributes) return tag;
    let kept = '';
    for (const [, attribute, value] of attributes.matchAll(ATTRIBUTE)) {
      const lower = attribute!.toLowerCase();
      if (KEPT_ATTRIBUTES.has(lower)) kept += value === undefined ? ` ${attribute}` : ` ${attribute}=${value}`;
      // An inline style matters only when it hides the element (Readability skips hidden ones): say so with `hidden`.
      else if (lower === 'style' && value && HIDING_STYLE.test(value)) kept += ' hidden';
    }
    return `<${name}${kept}${selfClosing ? ' /' : ''}>`;
  });
}
