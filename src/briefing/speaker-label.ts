/**
 * How a quote's speaker is shown to a reader (terminal and Discord alike):
 * the name and the role once each.
 */
import { normalizeArabic, stripArabicPrefixes } from './arabic';
import type { Quote } from './schema';

const MARKS = /\p{M}/gu;
const WORD = /[\p{L}\p{N}]+/gu;

/**
 * The speaker of a quote for display, or `undefined` when the article names
 * nobody: "Name (role)" when both are known and differ; the one that contains
 * the other when one repeats the other ("The mayor" and "the mayor", or
 * `الوزير` and `وزير الخارجية`: words are
 * compared ignoring case, accents, Arabic diacritics and letter forms, and a
 * light Arabic prefix such as ال or و); else whichever is known. White space
 * is collapsed to single spaces. Pure.
 */
export function speakerLabel(quote: Pick<Quote, 'speaker' | 'speakerRole'>): string | undefined {
  const name = collapseSpaces(quote.speaker ?? '');
  const role = collapseSpaces(quote.speakerRole ?? '');
  if (!name || !role) return name || role || undefined;
  const nameWords = comparableWords(name);
  const roleWords = comparableWords(role);
  if (containsRun(nameWords, roleWords)) return name;
  if (containsRun(roleWords, nameWords)) return role;
  return `${name} (${role})`;
}

/**
 * The role of a quote's speaker when it adds something to the name, for the
 * CLI's `--json`: null when there is no role, or when the speaker already says
 * it ("The mayor" / "the mayor", "Russian President Vladimir Putin" /
 * "Russian President", compared as {@link speakerLabel} compares). A role
 * without a name is kept: it is then all we know of the speaker.
 */
export function quoteRole(quote: Pick<Quote, 'speaker' | 'speakerRole'>): string | null {
  const role = collapseSpaces(quote.speakerRole ?? '');
  if (!role) return null;
  const name = collapseSpaces(quote.speaker ?? '');
  return name && containsRun(comparableWords(name), comparableWords(role)) ? null : role;
}

function collapseSpaces(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Words as compared: Arabic letter forms folded, marks (diacritics, accents) removed, lower case. */
function comparableWords(text: string): string[] {
  const folded = normalizeArabic(text).normalize('NFD').replace(MARKS, '').toLowerCase();
  return folded.match(WORD) ?? [];
}

/** Whether two compared words are the same, with or without a light Arabic prefix (`الوزير`, `وزير`; but `وزير` is no `زير`). */
function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  const bareA = stripArabicPrefixes(a);
  const bareB = stripArabicPrefixes(b);
  return bareA === b || a === bareB || (bareA !== a && bareA === bareB);
}

/** Whether `inner` occurs as a contiguous run of words in `outer` (an empty `inner` always does). */
function containsRun(outer: readonly string[], inner: readonly string[]): boolean {
  for (let start = 0; start + inner.length <= outer.length; start++) {
    if (inner.every((word, i) => sameWord(outer[start + i]!, word))) return true;
  }
  return false;
}
