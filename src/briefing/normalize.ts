/**
 * Character-level normalisation of raw article text, before any parsing.
 */

/** What a character becomes: kept, removed, a plain space, or a line feed. */
const enum Action {
  Keep,
  Drop,
  Space,
  Newline,
}

/**
 * Zero-width and bidi controls, BOM and soft hyphen are dropped; C0/C1
 * controls (but tab and LF) become spaces; exotic spaces become plain ones;
 * CR, NEL, U+2028 and U+2029 become line feeds (CRLF is one line feed).
 */
function actionOf(code: number): Action {
  if (code < 0x20) return code === 0x0a ? Action.Keep : code === 0x09 ? Action.Space : code === 0x0d ? Action.Newline : Action.Space;
  if (code < 0x7f) return Action.Keep;
  if (code <= 0xa0) return code === 0x85 ? Action.Newline : code === 0xa0 ? Action.Space : Action.Space; // DEL, C1 controls, NBSP
  if (code === 0xad) return Action.Drop;
  if (code < 0x1680) return Action.Keep;
  if (code === 0x1680) return Action.Space;
  if (code < 0x2000) return Action.Keep;
  if (code <= 0x200a) return Action.Space;
  if (code <= 0x200f) return Action.Drop;
  if (code === 0x2028 || code === 0x2029) return Action.Newline;
  if (code >= 0x202a && code <= 0x202e) return Action.Drop;
  if (code === 0x202f || code === 0x205f || code === 0x3000) return Action.Space;
  if (code >= 0x2060 && code <= 0x2069) return Action.Drop;
  return code === 0xfeff ? Action.Drop : Action.Keep;
}

/** Characters {@link actionOf} does not keep as they are, and runs of two spaces. */
const NEEDS_WORK = /[\u0000-\u0009\u000b-\u001f\u007f-\u00a0\u00ad\u1680\u2000-\u200f\u2028-\u202f\u205f-\u2069\u3000\ufeff]| {2}/;

/**
 * Normalise raw text: Unicode NFC, CRLF/CR/U+2028/U+2029 to LF, BOM,
 * zero-width, bidi and other control characters removed, exotic spaces to
 * plain spaces, runs of spaces collapsed. One pass; text that needs nothing
 * is returned as it is.
 */
export function normalizeText(raw: string): string {
  const text = raw.normalize('NFC');
  // A regex scan finds the first character to act on far faster than the loop below; most texts have none.
  const first = text.search(NEEDS_WORK);
  if (first < 0) return text;
  const length = text.length;
  let out = '';
  let copied = 0; // text[copied, i) is still to be appended
  let lastSpace = first > 0 && text.charCodeAt(first - 1) === 0x20;
  for (let i = first; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x20) {
      if (lastSpace) {
        out += text.slice(copied, i);
        copied = i + 1;
      }
      lastSpace = true;
      continue;
    }
    // Fast path: printable ASCII, Latin, Greek, Cyrillic, Hebrew, Arabic… and CJK are kept as they are.
    if ((code > 0x20 && code < 0x7f) || (code > 0xad && code < 0x1680) || (code > 0x3000 && code !== 0xfeff)) {
      lastSpace = false;
      continue;
    }
    const action = actionOf(code);
    if (action === Action.Keep) {
      lastSpace = false;
      continue;
    }
    out += text.slice(copied, i);
    copied = i + 1;
    if (action === Action.Space) {
      if (!lastSpace) out += ' ';
      lastSpace = true;
    } else if (action === Action.Newline) {
      out += '\n';
      lastSpace = false;
      if (code === 0x0d && text.charCodeAt(i + 1) === 0x0a) {
        i++;
        copied = i + 1;
      }
    }
  }
  if (copied === 0) return text;
  return out + text.slice(copied);
}

/** `[ad_1]`, `[ad]`, `[ad-2]`, `[AD_12]` scraper markers. */
export const AD_MARKER = /\[\s*ad(?:[_ -]?\d{1,4})?\s*\]/gi;
