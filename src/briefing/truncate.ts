/**
 * Cutting text to a length at a word boundary.
 */

/**
 * Cut `text` to at most `max` characters (UTF-16 units), at a word boundary
 * when one is near, ending with "…". Never splits a surrogate pair.
 */
export function truncateAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = max - 1;
  if (cut > 0 && isHighSurrogate(text.charCodeAt(cut - 1))) cut--;
  const space = text.lastIndexOf(' ', cut);
  if (space > max * 0.6) cut = space;
  const head = text.slice(0, cut).replace(/[\s,،;؛:\-–—]+$/u, '');
  return `${head === '' ? text.slice(0, cut) : head}…`;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
