import { isBoilerplateLine, isMediaTeaserTitle, isReadMoreMarker, isSourceLine } from './boilerplate';
import { isTimestampLine, matchByline, splitDateline, startsWithAgencyDateline } from './metadata';
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
/** Longest heading (in words) that reads as a label (`السعر`, `عبد الهادي الخواجة`) rather than a linked headline. */
const MAX_LABEL_WORDS = 3;
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

const EMBED_LINK = /\s*(?:https?:\/\/)?(?:pic\.twitter\.com|t\.co)\/\w{4,20}/g;

/** Drop a leading stray comma, and the `pic.twitter.com/…` and `t.co/…` links a pasted tweet ends with. */
function withoutEmbedLinks(line: string): string {
  const first = line.charCodeAt(0);
  // `,جاء هذا بعد …`: a paragraph the scraper cut just after a comma.
  const text = first === 0x2c || first === 0x60c ? line.replace(/^[,،\s]+/u, '') : line;
  if (!text.includes('pic.twitter.com/') && !text.includes('t.co/')) return text;
  return text.replace(EMBED_LINK, '').trim();
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
    const line = stripMarkdown(withoutEmbedLinks(trimmed));
    if (line.text !== '') lines.push(line);
  }
  const result: CleanedArticle = { paragraphs: [], kinds: [] };
  const kept = dropBoilerplate(lines, result);
  trimTrailingSources(kept);
  pickTitle(kept, result);
  classify(kept, result);
  cutAtNextArticle(result);
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
    if (i === 0 && lines.length > 1 && isMediaTeaserTitle(line.text)) {
      kept.push(line); // `شاهد.. X`, `WATCH: X` first: the article's own title, not a link to another page
      continue;
    }
    if (isReadMoreMarker(line.text)) {
      related = MAX_RELATED_BLOCK;
      continue;
    }
    if (isBoilerplateLine(line.text)) {
      // An Instagram embed: the post's caption sits just above its `A post shared by …` footer.
      const previous = kept[kept.length - 1];
      if (previous && /^a post shared by\b/i.test(line.text) && isTitleLike(previous.text)) kept.pop();
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
    } else if (/^هذا (?:المقال|التقرير|التحليل) بقلم/u.test(line.text) && line.text.length <= 600) {
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
  if (isTitleLike(withoutFinalQuestion(first.text), 30) && !LIST_ITEM.test(first.text) && !splitDateline(first.text)) {
    result.title = first.text;
    lines.shift();
  }
}

/** A title may end in a question or an exclamation (`What's next for Gaza …?`, `ما هو التوكن؟ وما علاقته بالبلوك تشين؟`): drop it before the title test. */
function withoutFinalQuestion(line: string): string {
  return line.replace(/\s*[?؟!]+[\s"'”»’)]*$/u, '');
}

/** A line opening with a conjunction and a question word or adverb continues the text (`ولكن هل …؟`, `فما الذي …؟`). */
const CONTINUATION = /^(?:و|ف)(?:لكن|ما|هل|كيف|لماذا|لم|من|متى|أين|ماذا|إذا|اذا|ربما|لعل|أي|اي)\s|^(?:but|and|so|yet|mais|et|alors|donc)\s/iu;

/**
 * A line that reads like a linked headline though it is not title-like: a
 * short question, or a short line ending in a quoted phrase with no closing
 * punctuation (`… بعلم "كوريا الموحدة"`). Such lines next to a title-like
 * line form a block of related-article links.
 */
function isHeadlineLike(line: string): boolean {
  if (line.length > 200 || wordCount(line, MAX_TITLE_WORDS) > MAX_TITLE_WORDS || CONTINUATION.test(line)) return false;
  const last = line[line.length - 1]!;
  if (last === '?' || last === '؟') return !/[.!?؟]\s/u.test(line.slice(0, -1));
  if (!QUOTE_END.includes(last) || /[:：]\s*["“«]/u.test(line)) return false;
  let end = line.length - 1;
  while (end >= 0 && CLOSER_CHARS.includes(line[end]!)) end--;
  return end >= 0 && !FINAL_CHARS.includes(line[end]!) && !/[.!?؟]\s/u.test(line);
}

/**
 * Mark the title-like lines that sit in a block of linked headlines: next to
 * another title-like line, or next to a headline-like question or quoted
 * line. Those blocks are related-article links, not sections.
 */
function relatedBlocks(lines: readonly Line[], titleLike: readonly boolean[]): boolean[] {
  const linkish = lines.map((line, i) => titleLike[i]! || (!line.heading && isHeadlineLike(line.text)));
  const related = new Array<boolean>(lines.length).fill(false);
  for (let i = 0; i < lines.length; ) {
    if (!linkish[i]) {
      i++;
      continue;
    }
    let end = i;
    while (end < lines.length && linkish[end]) end++;
    const next = end;
    // A short title-like line closing the block, before running text, is the section heading the links precede.
    if (end < lines.length && titleLike[end - 1] && wordCount(lines[end - 1]!.text, MAX_LABEL_WORDS) <= MAX_LABEL_WORDS) end--;
    // Links are headlines: a block needs a title-like line beyond a short first one (a heading before a question is running text).
    const first = titleLike[i] && wordCount(lines[i]!.text, MAX_LABEL_WORDS) <= MAX_LABEL_WORDS ? i + 1 : i;
    let titles = 0;
    for (let k = first; k < end; k++) if (titleLike[k]) titles++;
    if (end - i >= 2 && titles >= 1) related.fill(true, i, end);
    i = next;
  }
  return related;
}

function classify(lines: Line[], result: CleanedArticle): void {
  const titleLike = lines.map((line) => !line.heading && isTitleLike(line.text) && !LIST_ITEM.test(line.text));
  const inBlock = relatedBlocks(lines, titleLike);
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
    if (inBlock[i]) {
      kinds.push('related');
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

/**
 * Cut the article at a later paragraph that opens with an agency dateline
 * (`دبي، الإمارات العربية المتحدة (CNN)- …`): scraped pages append the leads
 * of other articles after the story, each with its own dateline.
 */
function cutAtNextArticle(result: CleanedArticle): void {
  const first = result.kinds.indexOf('body');
  // Only a story that opened with its own agency dateline is known to end where another one starts.
  if (first < 0 || !startsWithAgencyDateline(result.paragraphs[first]!)) return;
  for (let i = first + 1; i < result.paragraphs.length; i++) {
    if (result.kinds[i] !== 'body' || !startsWithAgencyDateline(result.paragraphs[i]!)) continue;
    result.paragraphs.length = i;
    result.kinds.length = i;
    return;
  }
}

function takeDateline(result: CleanedArticle): void {
  // The dateline opens the first paragraph of running text, or the second when an intro line precedes it.
  let seen = 0;
  for (let i = 0; i < result.paragraphs.length && i <= 3 && seen < 2; i++) {
    if (result.kinds[i] !== 'body') continue;
    seen++;
    const split = splitDateline(result.paragraphs[i]!);
    if (!split) continue;
    result.dateline = split.dateline;
    result.paragraphs[i] = split.rest;
    return;
  }
}
