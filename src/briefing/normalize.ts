/**
 * Character-level normalisation of raw article text, before any parsing.
 */

/** Zero-width and bidi control characters (U+200B-U+200F, U+202A-U+202E, U+2060-U+2069, U+FEFF, U+00AD). */
const INVISIBLES = /[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\u00ad]/g;
/** C0/C1 controls except tab and newline. */
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
/** Horizontal spaces of every kind. */
const SPACES = /[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+/g;

/**
 * Normalise raw text: Unicode NFC, CRLF/CR/U+2028/U+2029 to LF, BOM,
 * zero-width, bidi and other control characters removed, exotic spaces to
 * plain spaces, runs of spaces collapsed.
 */
export function normalizeText(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
    .replace(INVISIBLES, '')
    .replace(CONTROLS, ' ')
    .replace(SPACES, ' ')
    .replace(/ {2,}/g, ' ');
}

/** `[ad_1]`, `[ad]`, `[ad-2]`, `[AD_12]` scraper markers. */
export const AD_MARKER = /\[\s*ad(?:[_ -]?\d{1,4})?\s*\]/gi;
