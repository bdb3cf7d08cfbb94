/**
 * Membership of a text's characters in one Unicode class (a one-character
 * expression such as `/^[\p{L}\p{N}]$/u`), read by a hand-written scan:
 * ASCII and the Arabic letters by range, any other code unit or astral code
 * point by the expression once and from a cache after that. This runs over
 * every paragraph that holds a quotation, where an expression with Unicode
 * classes costs several times more.
 */
export class CharClass {
  /** Class of each UTF-16 code unit, filled on first use: 0 unknown, 1 in the class, 2 not. */
  private readonly units = new Uint8Array(0x10000);
  /** Astral code points already classified. */
  private readonly astral = new Map<number, boolean>();

  /** @param pattern One character of the class, anchored, with the `u` flag; it must hold ASCII letters and digits and the Arabic letters U+0621–U+064A. */
  constructor(private readonly pattern: RegExp) {}

  /** Width in code units (1 or 2) of the class character at `i`, or 0 when there is none. */
  width(text: string, i: number): number {
    const c = text.charCodeAt(i);
    if (c < 0x80) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ? 1 : 0;
    // The Arabic letters and tatweel (U+0621–U+064A), most of what this reads.
    if (c >= 0x0621 && c <= 0x064a) return 1;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        const cp = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
        let known = this.astral.get(cp);
        if (known === undefined) {
          known = this.pattern.test(String.fromCodePoint(cp));
          this.astral.set(cp, known);
        }
        return known ? 2 : 0;
      }
    }
    let k = this.units[c]!;
    if (k === 0) {
      k = c >= 0xd800 && c <= 0xdfff ? 2 : this.pattern.test(String.fromCharCode(c)) ? 1 : 2;
      this.units[c] = k;
    }
    return k === 1 ? 1 : 0;
  }
}

const WHITE_SPACE = /\s/u;

/**
 * True for the white space of `/\s/u` (`text.trim()` removes the same),
 * read from the code unit: ASCII and the Arabic block without the expression.
 */
export function isWhiteSpace(code: number): boolean {
  if (code < 0x80) return code === 32 || (code >= 9 && code <= 13);
  if (code >= 0x0600 && code <= 0x06ff) return false;
  return code >= 0xa0 && WHITE_SPACE.test(String.fromCharCode(code));
}
