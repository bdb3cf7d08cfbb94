/**
 * Text helpers for anything taken from an article and shown in Discord:
 * markdown escaping, mention neutralising and limit-safe truncation.
 */

const ZWSP = '\u200b';
const ELLIPSIS = '…';

/** Inline markdown characters, escaped wherever they appear. */
const INLINE = /[\\*_~`|[\]]/g;
/** Line starts that format a whole line: headings, subtext, block quotes, list markers. */
const LINE_START = /^([ \t]*)(#{1,3}(?=[ \t])|-#(?=[ \t])|>|[-*+](?=[ \t])|\d{1,9}(?=[.)][ \t]))/gm;
/** `](` of a masked link (after `[`/`]` are escaped the link cannot form, but `(`/`)` are escaped too for clients that differ). */
const LINK_PAREN = /\\\]\(/g;
/** Mentions, channel links, custom emoji, timestamps and slash-command mentions: `<@…>`, `<@&…>`, `<#…>`, `<:…>`, `<a:…>`, `<t:…>`, `</…>`. */
const ANGLE_MENTION = /<(?=[@#:/]|a:|t:)/g;
const EVERYONE = /@(everyone|here)\b/gi;

/**
 * Make article text inert in Discord: escape markdown (`* _ ~ \` | [ ] \\`
 * everywhere; `#`, `-#`, `>`, `-`, `*`, `+` and the dot of `1.` at a line start; the
 * `(` of a masked link) and break mentions visually with a zero-width space
 * (`@everyone`, `@here`, `<@id>`, `<@&id>`, `<#id>`…) even though
 * `allowed_mentions` already prevents pings. The text is otherwise unchanged.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(INLINE, (char) => `\\${char}`)
    .replace(LINK_PAREN, '\\]\\(')
    .replace(LINE_START, (_match, indent: string, marker: string) => (/^\d/.test(marker) ? `${indent}${marker}\\` : `${indent}\\${marker}`))
    .replace(ANGLE_MENTION, `<${ZWSP}`)
    .replace(EVERYONE, (_match, word: string) => `@${ZWSP}${word}`);
}

/** Graphemes, so that a cut never splits a surrogate pair, an emoji sequence or a base letter from its Arabic marks. */
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Largest grapheme boundary ≤ `index` in `text`. */
export function graphemeBoundaryAtOrBefore(text: string, index: number): number {
  if (index >= text.length) return text.length;
  if (index <= 0) return 0;
  const start = Math.max(0, index - 64);
  const window = text.slice(start, Math.min(text.length, index + 64));
  let best = start;
  for (const { index: offset } of graphemes.segment(window)) {
    const at = start + offset;
    if (at > index) break;
    best = at;
  }
  return best;
}

/**
 * Shorten `text` to at most `max` UTF-16 code units. When it is cut, the cut is
 * at a word boundary where one is near (else at a grapheme boundary), trailing
 * spaces and a dangling escape backslash are removed and "…" is appended.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  if (max === 1) return ELLIPSIS;
  const budget = max - ELLIPSIS.length;
  let cut = graphemeBoundaryAtOrBefore(text, budget);
  const space = lastSpaceBefore(text, cut);
  if (space > 0 && space >= cut * 0.6) cut = space;
  let head = text.slice(0, cut).replace(/[\s\u200b\u200f]+$/u, '');
  // An odd run of trailing backslashes would escape the ellipsis or half an escape pair.
  const slashes = /\\+$/.exec(head)?.[0].length ?? 0;
  if (slashes % 2 === 1) head = head.slice(0, -1);
  // A half-neutralised mention (`<` + ZWSP) is harmless, a bare `<` or `@` at the end is too.
  return `${head}${ELLIPSIS}`;
}

function lastSpaceBefore(text: string, index: number): number {
  for (let i = index; i > 0; i--) {
    const code = text.charCodeAt(i);
    if (code === 32 || code === 10 || code === 9 || code === 0xa0 || code === 0x202f) return i;
  }
  return -1;
}

/** Collapse every run of whitespace (newlines included) to one space, for one-line texts such as titles and names. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Right-to-left mark, put before Arabic lines so Discord aligns them right even when they start with a neutral character. */
export const RLM = '\u200f';
