/**
 * The index terms of one id in a single string, ` term1 term2 … ` (terms
 * never contain spaces), tested with one native substring search. It is
 * kept one byte a character where it can be: V8 stores a string whose every
 * UTF-16 unit is below 0x100 in one byte a unit, any other in two, and the
 * folded Arabic letters (U+0600–U+067F) would make a list two-byte. So each
 * unit of that block is stored swapped with the one of U+0080–U+00FF at the
 * same offset (both 128 units; see {@link swapBlocks}): an Arabic, English
 * or French list takes half the memory of its plain text (the term lists of
 * the 10,000-article bench library, 15 MB plain). A list with a unit outside
 * ASCII and the Arabic block (a Latin-1 letter the fold keeps, such as ß or
 * ø, or another script) stays two-byte, and is as correct. Read a list only
 * through this module: {@link splitTerms} gives the plain terms back.
 */
export type TermList = string;

/** The list of no terms. */
export const NO_TERMS: TermList = '  ';

/** Terms as a {@link TermList}. */
export function joinTerms(terms: readonly string[]): TermList {
  // One join makes one flat string; a template literal would keep a rope of three parts (two more string headers per list).
  return terms.length === 0 ? NO_TERMS : swapBlocks(['', ...terms, ''].join(' '));
}

/** The terms of a {@link TermList}. */
export function splitTerms(list: TermList): string[] {
  // An empty list is two spaces; any other has one space each side, none doubled.
  return list.length <= 2 ? [] : swapBlocks(list.slice(1, -1)).split(' ');
}

/** The terms of a {@link TermList} as it keeps them (swapped, see {@link swapBlocks}): the keys of a term index. */
export function storedTerms(list: TermList): string[] {
  return list.length <= 2 ? [] : list.slice(1, -1).split(' ');
}

/** What {@link hasTerm} searches a list for: made once per query word, then tested on many lists with `list.includes(needle)`. */
export function termNeedle(term: string, prefix: boolean): string {
  return swapBlocks(prefix ? ` ${term}` : ` ${term} `);
}

/** True when the list has `term` (or, with `prefix`, a term starting with it). */
export function hasTerm(list: TermList, term: string, prefix: boolean): boolean {
  return list.includes(termNeedle(term, prefix));
}

/** UTF-16 units swapped at once by one `String.fromCharCode` call (its arguments go on the stack). */
const CHUNK = 4096;
/** Units of the text being swapped (a plain array: `fromCharCode.apply` takes it fastest). */
const units: number[] = [];

/**
 * `text` with each unit of U+0600–U+067F and of U+0080–U+00FF swapped with
 * the other block's at the same offset, every other unit as it is: a
 * one-to-one map of units, its own inverse, that keeps spaces and so keeps
 * which terms a list has and which start with what.
 */
export function swapBlocks(text: string): string {
  let first = 0;
  while (first < text.length && !swapped(text.charCodeAt(first))) first++;
  if (first === text.length) return text;
  const chunks: string[] = [];
  for (let start = 0; start < text.length; start += CHUNK) {
    const end = Math.min(text.length, start + CHUNK);
    units.length = end - start;
    for (let i = start; i < end; i++) {
      const code = text.charCodeAt(i);
      units[i - start] = swapped(code) ? code ^ SWAP : code;
    }
    chunks.push(String.fromCharCode.apply(null, units));
  }
  units.length = 0;
  // A list longer than one chunk (rare) is joined into one flat string: `+=` would keep a rope of its parts.
  return chunks.length === 1 ? chunks[0]! : chunks.join('');
}

/** U+0080 ^ U+0600 = U+0680: xor with it moves a unit of either block to the other at the same offset. */
const SWAP = 0x0680;

function swapped(code: number): boolean {
  return (code >= 0x80 && code < 0x100) || (code >= 0x600 && code < 0x680);
}

/**
 * The plain term list {@link joinTerms} and {@link hasTerm} are held to (a
 * property test): the spaced terms as they are. Not for use.
 */
export const plainTermList = {
  join: (terms: readonly string[]): string => ` ${terms.join(' ')} `,
  has: (list: string, term: string, prefix: boolean): boolean => list.includes(prefix ? ` ${term}` : ` ${term} `),
};
