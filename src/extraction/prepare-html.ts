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

const TAG_NAMES = CONTAINERS.join('|');
/** A start or end tag of any of {@link CONTAINERS}: `<tag …>` (group 1) or `</tag >` (group 2). */
const CONTAINER_TAG = new RegExp(`<(${TAG_NAMES})\\b[^>]*>|<\\/(${TAG_NAMES})\\s*>`, 'gi');

/** The page without the elements and attributes that cannot matter to extraction. */
export function prepareHtml(html: string): string {
  return removeContainers(removeComments(html)).replace(VOID_ELEMENTS, '').replace(START_TAG, keepUsefulAttributes);
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

/** A start or end tag of a container, where it sits in the page. */
interface ContainerTag {
  start: number;
  end: number;
  keep: boolean;
}

/**
 * Every `<tag …>…</tag>` of {@link CONTAINERS} removed, with the result of
 * one pass per tag in the order of the list (what
 * {@link prepareHtmlReference} does) but from a single scan of the page:
 * the tags are found once, then each pass works on those positions, skipping
 * what an earlier pass removed. In a pass, a start tag goes with everything
 * up to the first closing tag after it; a start tag without one ends the
 * pass (scanning on for each would make a hostile page quadratic). A JSON-LD
 * script stays: it carries the headline and the date.
 */
function removeContainers(html: string): string {
  const starts = new Map<string, ContainerTag[]>();
  const ends = new Map<string, ContainerTag[]>();
  for (const match of html.matchAll(CONTAINER_TAG)) {
    const isStart = match[1] !== undefined;
    const tag = (match[1] ?? match[2]!).toLowerCase();
    const list = (isStart ? starts : ends).get(tag) ?? [];
    list.push({ start: match.index, end: match.index + match[0].length, keep: isStart && tag === 'script' && /application\/ld\+json/i.test(match[0]) });
    (isStart ? starts : ends).set(tag, list);
  }
  let removed: [number, number][] = [];
  for (const tag of CONTAINERS) removed = mergeIntervals(removed, passOf(starts.get(tag) ?? [], ends.get(tag) ?? [], removed));
  let out = '';
  let from = 0;
  for (const [start, end] of removed) {
    out += html.slice(from, start);
    from = end;
  }
  return out + html.slice(from);
}

/** The spans one tag's pass removes, given the (sorted, disjoint) spans earlier passes removed. */
function passOf(starts: ContainerTag[], ends: ContainerTag[], removed: [number, number][]): [number, number][] {
  const spans: [number, number][] = [];
  let from = 0;
  let next = 0;
  for (const open of starts) {
    if (open.start < from || open.keep || isInside(removed, open.start)) continue;
    while (next < ends.length && (ends[next]!.start < open.end || isInside(removed, ends[next]!.start))) next++;
    const close = ends[next];
    if (!close) break;
    spans.push([open.start, close.end]);
    from = close.end;
  }
  return spans;
}

/** Whether `at` lies in one of the sorted, disjoint `spans`. */
function isInside(spans: [number, number][], at: number): boolean {
  let low = 0;
  let high = spans.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const [start, end] = spans[middle]!;
    if (at < start) high = middle - 1;
    else if (at >= end) low = middle + 1;
    else return true;
  }
  return false;
}

/** Two sorted lists of spans as one sorted list of disjoint spans. */
function mergeIntervals(a: [number, number][], b: [number, number][]): [number, number][] {
  const all = [...a, ...b].sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const span of all) {
    const last = merged.at(-1);
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push([span[0], span[1]]);
  }
  return merged;
}

/**
 * The plain definition of {@link prepareHtml}, kept as the reference its
 * property test compares with: one scan of the page per container tag, in
 * the order of {@link CONTAINERS}.
 */
export function prepareHtmlReference(html: string): string {
  let out = removeComments(html);
  for (const tag of CONTAINERS) out = removeElements(out, tag);
  return out.replace(VOID_ELEMENTS, '').replace(START_TAG, keepUsefulAttributes);
}

/** One tag's pass of {@link prepareHtmlReference}: every `<tag …>…</tag>` removed, scanning once. */
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
