import { QuoteType, Tokenizer, type TokenizerCallbacks } from 'htmlparser2';

/**
 * One element of a scanned XML document: its name (lower-case, as written
 * with its prefix), its raw attribute values and the raw source between its
 * start and end tags, left for the reader to decode as it needs.
 */
export interface XmlElement {
  name: string;
  /** Raw attribute values by lower-case name (a shared empty map when there are none). */
  attributes: ReadonlyMap<string, string>;
  children: XmlElement[];
  /** Source offsets of the content: `source.slice(innerStart, innerEnd)` is everything between the tags. */
  innerStart: number;
  innerEnd: number;
}

const NO_ATTRIBUTES: ReadonlyMap<string, string> = new Map();
/** Deeper nesting than this is no feed a reader should walk recursively: left to the full parser. */
const MAX_DEPTH = 256;

/**
 * Scan a well-formed XML document into its element tree with htmlparser2's
 * tokenizer (no entity decoding, no DOM). Undefined when the markup is not
 * well-formed (a stray or mismatched end tag, an element left open, no root,
 * a `<` that starts no tag, a `<!…>` declaration inside an element, an
 * attribute without a quoted value or with a `<` in it) or nested deeper
 * than {@link MAX_DEPTH}:
 * the caller then uses the full parser, which knows how to treat it.
 */
export function scanXml(source: string): XmlElement | undefined {
  const roots: XmlElement[] = [];
  const stack: XmlElement[] = [];
  let broken = false;
  let open: XmlElement | undefined;
  let attribute: { name: string; start: number; end: number } | undefined;
  const slice = (start: number, end: number): string => source.slice(start, end);
  /** Whether the end tag's name at start..end is `name` (lower-case), without making a string of it. */
  const sameName = (name: string, start: number, end: number): boolean => {
    if (end - start !== name.length) return false;
    for (let i = 0; i < name.length; i++) {
      let code = source.charCodeAt(start + i);
      if (code >= 65 && code <= 90) code += 32;
      if (code !== name.charCodeAt(i)) return false;
    }
    return true;
  };
  const callbacks: TokenizerCallbacks = {
    onopentagname(start, end) {
      open = { name: slice(start, end).toLowerCase(), attributes: NO_ATTRIBUTES, children: [], innerStart: 0, innerEnd: 0 };
    },
    onattribname(start, end) {
      attribute = { name: slice(start, end).toLowerCase(), start: -1, end: -1 };
    },
    onattribdata(start, end) {
      if (!attribute) return;
      if (attribute.start < 0) attribute.start = start;
      attribute.end = end;
    },
    onattribentity() {
      // entities are not decoded (decodeEntities: false): attribute data stays raw
    },
    onattribend(quote) {
      if (open && attribute) {
        const value = attribute.start < 0 ? '' : slice(attribute.start, attribute.end);
        // XML quotes every attribute value and allows no `<` in one: anything else is markup a full parser must judge.
        if (quote !== QuoteType.Double && quote !== QuoteType.Single) broken = true;
        else if (value.includes('<')) broken = true;
        else if (!open.attributes.has(attribute.name)) {
          if (open.attributes === NO_ATTRIBUTES) open.attributes = new Map();
          (open.attributes as Map<string, string>).set(attribute.name, value);
        }
      }
      attribute = undefined;
    },
    onopentagend(endIndex) {
      if (!open) return;
      open.innerStart = endIndex + 1;
      (stack.at(-1)?.children ?? roots).push(open);
      stack.push(open);
      if (stack.length > MAX_DEPTH) broken = true;
      open = undefined;
    },
    onselfclosingtag(endIndex) {
      if (!open) return;
      open.innerStart = open.innerEnd = endIndex + 1;
      (stack.at(-1)?.children ?? roots).push(open);
      open = undefined;
    },
    onclosetag(start, end) {
      const element = stack.pop();
      if (!element || !sameName(element.name, start, end)) broken = true;
      else element.innerEnd = source.lastIndexOf('<', start);
    },
    ontext(start, end) {
      // A `<` the tokenizer took for text (`<>`, `< b`, `<3`) is no markup XML allows.
      const lt = source.indexOf('<', start);
      if (lt !== -1 && lt < end) broken = true;
    },
    ontextentity() {},
    oncdata() {},
    oncomment() {},
    ondeclaration() {
      // `<!…>` inside an element (a broken `<![CDATA[`, a stray DOCTYPE) is no XML; before the root it is the DOCTYPE.
      if (stack.length > 0) broken = true;
    },
    onprocessinginstruction() {},
    onend() {},
  };
  const tokenizer = new Tokenizer({ xmlMode: true, decodeEntities: false }, callbacks);
  tokenizer.write(source);
  tokenizer.end();
  return broken || stack.length > 0 || open || roots.length !== 1 ? undefined : roots[0];
}

/** The first child element of that name, if any. */
export function child(element: XmlElement | undefined, name: string): XmlElement | undefined {
  return element?.children.find((candidate) => candidate.name === name);
}

/** Every child element of that name, in document order. */
export function childrenNamed(element: XmlElement | undefined, name: string): XmlElement[] {
  return element ? element.children.filter((candidate) => candidate.name === name) : [];
}
