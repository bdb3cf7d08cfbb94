/**
 * Turn an extracted article element into blocks of text: one per paragraph,
 * heading or list item, with what the post-filter needs to judge it.
 */

/** One paragraph-like run of text. */
export interface Block {
  text: string;
  /** Lower-case tag of the nearest block element (`p`, `h2`, `li`, `div` …). */
  tag: string;
  /** Share of the text's letters that sit inside links (0–1). */
  linkShare: number;
}

/** Minimal DOM surface used here (linkedom's nodes satisfy it). */
interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TBODY', 'TD', 'TFOOT',
  'TH', 'THEAD', 'TR', 'UL', 'BR', 'SUMMARY',
]);
const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'svg', 'BUTTON', 'SELECT', 'TEXTAREA', 'IFRAME', 'OBJECT', 'EMBED']);

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
/** Deeper than this, an element's text is taken whole (a hostile page nesting 100,000 elements must not overflow the stack). */
const MAX_DEPTH = 200;

/** The blocks of `root`, in document order, whitespace collapsed, empty ones left out. */
export function blocksOf(root: DomNode): Block[] {
  const blocks: Block[] = [];
  let text = '';
  let linkChars = 0;
  let tag = 'div';
  const flush = () => {
    const clean = text.replace(/\s+/g, ' ').trim();
    const letters = clean === '' ? 0 : letterCount(clean);
    if (clean !== '') blocks.push({ text: clean, tag, linkShare: letters === 0 ? 0 : Math.min(1, linkChars / letters) });
    text = '';
    linkChars = 0;
  };
  const walk = (node: DomNode, inLink: boolean, blockTag: string, depth: number) => {
    if (node.nodeType === TEXT_NODE || (depth > MAX_DEPTH && node.nodeType === ELEMENT_NODE)) {
      const value = node.textContent ?? '';
      if (text === '') tag = blockTag;
      text += value;
      if (inLink) linkChars += letterCount(value);
      return;
    }
    if (node.nodeType !== ELEMENT_NODE || SKIPPED_TAGS.has(node.nodeName)) return;
    const name = node.nodeName.toUpperCase();
    const isBlock = BLOCK_TAGS.has(name);
    if (isBlock) flush();
    const childTag = isBlock ? name.toLowerCase() : blockTag;
    const childLink = inLink || name === 'A';
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) walk(children[i]!, childLink, childTag, depth + 1);
    if (isBlock) flush();
  };
  walk(root, false, 'div', 0);
  flush();
  return blocks;
}

const NOT_LETTER = /[^\p{L}\p{N}]+/gu;

/**
 * Letters and digits in `text` (what link share and lengths are measured
 * in), counted in code points. Same count as {@link letterCountReference}
 * without making a string of every letter: the page's whole text goes
 * through here several times per extraction.
 */
export function letterCount(text: string): number {
  const letters = text.replace(NOT_LETTER, '');
  let astral = 0;
  for (let i = 0; i < letters.length; i++) {
    const unit = letters.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) astral++;
  }
  return letters.length - astral;
}

/** The plain definition of {@link letterCount}, kept as the reference its property test compares with. */
export function letterCountReference(text: string): number {
  return text.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
}

/** Words in `text`. */
export function wordCount(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}
