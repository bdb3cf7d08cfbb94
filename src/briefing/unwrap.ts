/**
 * Re-join hard-wrapped paragraphs (text broken every 60-80 characters, as in
 * e-mail, some scraped archives and EASC).
 */

const ENDS_SENTENCE = /[.!?؟…:;»”"')\]]$/u;

function endsSentence(line: string): boolean {
  return ENDS_SENTENCE.test(line.trimEnd());
}
/** Lines shorter than this never count as wrapped text. */
const MIN_WRAPPED = 40;
/** Share of long lines without closing punctuation that reveals wrapping. */
const WRAPPED_SHARE = 0.3;

/**
 * Join hard-wrapped lines back into paragraphs. Only acts when the text
 * looks wrapped (many long lines stop without punctuation); a blank line, a
 * short line or a line ending a sentence always ends a paragraph.
 */
export function unwrapLines(lines: readonly string[]): string[] {
  const open: number[] = [];
  let long = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.length < MIN_WRAPPED) continue;
    long++;
    // Evidence of wrapping: an unfinished line the text goes on from. One followed by a blank line is a title, a heading or a caption.
    const next = lines[i + 1];
    if (!endsSentence(line) && next !== undefined && next.trim() !== '') open.push(line.length);
  }
  if (open.length < 3 || open.length / Math.max(1, long) < WRAPPED_SHARE) return [...lines];
  open.sort((a, b) => a - b);
  const width = open[Math.floor(open.length / 2)]!;
  const out: string[] = [];
  let current = '';
  for (const line of lines) {
    const trimmed = line.trim();
    if (trimmed === '') {
      if (current !== '') out.push(current);
      current = '';
      out.push('');
      continue;
    }
    current = current === '' ? trimmed : `${current} ${trimmed}`;
    const wrapped = trimmed.length >= width * 0.6 && !endsSentence(trimmed);
    if (!wrapped) {
      out.push(current);
      current = '';
    }
  }
  if (current !== '') out.push(current);
  return out;
}
