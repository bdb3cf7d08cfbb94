import { isBoilerplateLine, isReadMoreMarker, isSourceLine } from './boilerplate';
import { isTimestampLine, matchByline, splitDateline } from './metadata';
import { AD_MARKER, normalizeText } from './normalize';
import { unwrapLines } from './unwrap';

/** What a cleaned paragraph is: running text, a section heading, or a list item / short line. */
export type ParagraphKind = 'body' | 'heading' | 'list';

/** An article with boilerplate removed and metadata set apart. */
export interface CleanedArticle {
  /** Paragraphs of the body in order, headings included (their index is the `paragraph` of quotes and sections). */
  paragraphs: string[];
  /** Kind of each paragraph, same indexes. */
  kinds: ParagraphKind[];
  /** A title-like first line (short, no closing punctuation), taken out of the body. */
  title?: string;
  byline?: string;
  dateline?: string;
}

/** Longest line (in words) that may be a heading. */
const MAX_HEADING_WORDS = 6;
/** Longest line (in words) that may be a title or a related-article headline. */
const MAX_TITLE_WORDS = 18;
/** Lines after a read-more marker dropped at most. */
const MAX_RELATED_BLOCK = 8;
/** Lines at the start searched for a byline or timestamp. */
const HEAD_LINES = 6;

const LIST_ITEM = /^(?:[•·▪◦●■►*+]|[-–—]\s|\d{1,3}\s?[-.)–]\s?|\(\d{1,3}\)\s)/u;
/** Punctuation that ends a sentence or a clause (a line ending in one is not a title). */
const FINAL_CHARS = '.!?؟…:;،,؛';
/** Closing marks and spaces skipped before looking for final punctuation. */
const CLOSER_CHARS = ' \n"\'”»’)]}*_';
const QUOTE_END = '”»"’)';
const QUOTE_START = '“«"‘„(';

/** Number of space-separated words in `line`, counting no further than `limit + 1`. */
function wordCount(line: string, limit: number): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const space = line.charCodeAt(i) === 32;
    if (!space && !inWord && ++count > limit) return count;
    inWord = !space;
  }
  return count;
}

/** A short line with no closing punctuation, like a title or a heading. */
export function isTitleLike(line: string, maxWords = MAX_TITLE_WORDS): boolean {
  if (line.length > 200 || line.length < 2) return false;
  // A line ending in a closing quote is a sentence, unless the whole line is quoted ("عدو قديم، صديق جديد").
  if (QUOTE_END.includes(line[line.length - 1]!) && !QUOTE_START.includes(line[0]!)) return false;
  let end = line.length - 1;
  while (end >= 0 && CLOSER_CHARS.includes(line[end]!)) end--;
  if (end >= 0 && FINAL_CHARS.includes(line[end]!)) return false;
  if (wordCount(line, maxWords) > maxWords) return false;
  return /\p{L}/u.test(line);
}

const MD_IMAGE = /!\[[^\]\n]{0,300}\]\([^)\s]{0,500}(?:\s+"[^"\n]{0,200}")?\)/g;
const MD_LINK = /\[([^\]\n]{1,300})\]\([^)\s]{0,500}(?:\s+"[^"\n]{0,200}")?\)/g;

/** Strip light Markdown decoration: `#` headings, `>` quotes, whole-line `**bold**`, links and images. */
/** A line of the article, with whether Markdown marked it a heading (and whether a top-level one). */
interface Line {
  text: string;
  heading: boolean;
  topLevel?: boolean;
}

function stripMarkdown(line: string): Line {
  const first = line[0];
  if (first !== '#' && first !== '>' && first !== '*' && first !== '_' && !line.includes('](')) return { text: line, heading: false };
  const heading = /^#{1,6}\s+/.test(line);
  const topLevel = /^#\s+/.test(line);
  let text = line.replace(/^#{1,6}\s+/, '').replace(/^>\s?/, '');
  if (text.includes('](')) text = text.replace(MD_IMAGE, '').replace(MD_LINK, '$1');
  const bold = /^(\*\*|__)(.+)\1$/.exec(text);
  if (bold) text = bold[2]!;
  return { text: text.trim(), heading, topLevel };
}

/**
 * Clean an article: normalise characters, drop `[ad_N]` markers, read-more
 * lines and the related headlines after them, ad labels, promotions,
 * separators and trailing source/credit lines; keep bylines and datelines as
 * metadata; mark section headings and list items.
 */
export function cleanArticle(raw: string): CleanedArticle {
  const text = withoutAdMarkers(normalizeText(raw));
  const lines: Line[] = [];
  for (const rawLine of unwrapLines(text.split('\n'))) {
    const trimmed = rawLine.trim();
    if (trimmed === '') continue;
    const line = stripMarkdown(trimmed);
    if (line.text !== '') lines.push(line);
  }
  const result: CleanedArticle = { paragraphs: [], kinds: [] };
  const kept = dropBoilerplate(lines, result);
  trimTrailingSources(kept);
  pickTitle(kept, result);
  classify(kept, result);
  takeDateline(result);
  return result;
}

/** Remove `[ad_N]` markers (a quick look for `[` first: most texts have none). */
function withoutAdMarkers(text: string): string {
  if (!text.includes('[')) return text;
  const replaced = text.replace(AD_MARKER, ' ');
  return replaced === text ? text : replaced.replace(/ {2,}/g, ' ');
}

function dropBoilerplate(lines: Line[], result: CleanedArticle): Line[] {
  const kept: Line[] = [];
  let related = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (related > 0) {
      related--;
      if (isTitleLike(line.text) || (/[?؟]$/u.test(line.text) && wordCount(line.text, 25) <= 25)) continue;
      related = 0;
    }
    if (isReadMoreMarker(line.text)) {
      related = MAX_RELATED_BLOCK;
      continue;
    }
    if (isBoilerplateLine(line.text)) {
      const byline = matchByline(line.text);
      if (byline && !result.byline) result.byline = byline;
      continue;
    }
    if (kept.length < HEAD_LINES) {
      const byline = matchByline(line.text);
      if (byline) {
        result.byline ??= byline;
        continue;
      }
      if (isTimestampLine(line.text)) {
        result.dateline ??= line.text;
        continue;
      }
    } else if (/^هذا المقال بقلم/u.test(line.text) && line.text.length <= 600) {
      result.byline ??= matchByline(line.text);
      continue;
    }
    kept.push(line);
  }
  return kept;
}

function trimTrailingSources(lines: { text: string }[]): void {
  let checked = 0;
  while (lines.length > 0 && checked < 4) {
    const last = lines[lines.length - 1]!.text;
    if (!isSourceLine(last)) break;
    lines.pop();
    checked++;
  }
}

function pickTitle(lines: Line[], result: CleanedArticle): void {
  const first = lines[0];
  if (!first || lines.length < 2) return;
  if (first.heading && !first.topLevel) return; // `## Background` is a section, not the title
  if (isTitleLike(first.text, 30) && !LIST_ITEM.test(first.text) && !splitDateline(first.text)) {
    result.title = first.text;
    lines.shift();
  }
}

function classify(lines: Line[], result: CleanedArticle): void {
  const titleLike = lines.map((line) => !line.heading && isTitleLike(line.text) && !LIST_ITEM.test(line.text));
  const kinds: (ParagraphKind | 'related')[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.heading) {
      kinds.push('heading');
      continue;
    }
    const previous = lines[i - 1]?.text ?? '';
    if (LIST_ITEM.test(line.text) || (previous.endsWith(':') && wordCount(line.text, 40) <= 40 && i > 0)) {
      kinds.push('list');
      continue;
    }
    if (!titleLike[i]) {
      kinds.push('body');
      continue;
    }
    const inRun = titleLike[i - 1] === true || titleLike[i + 1] === true;
    const isLast = i === lines.length - 1;
    const short = wordCount(line.text, MAX_HEADING_WORDS) <= MAX_HEADING_WORDS;
    const headlineColon = /\S:\s/u.test(line.text);
    kinds.push(!inRun && !isLast && short && !headlineColon ? 'heading' : 'related');
  }
  const anyBody = kinds.includes('body');
  for (let i = 0; i < lines.length; i++) {
    let kind = kinds[i]!;
    if (kind === 'related') {
      if (anyBody) continue;
      kind = 'body'; // no running text at all: keep the lines rather than an empty article
    }
    result.paragraphs.push(lines[i]!.text);
    result.kinds.push(kind);
  }
}

function takeDateline(result: CleanedArticle): void {
  const first = result.kinds.findIndex((kind) => kind === 'body');
  if (first < 0 || first > 2) return;
  const split = splitDateline(result.paragraphs[first]!);
  if (!split) return;
  result.dateline = split.dateline;
  result.paragraphs[first] = split.rest;
}
