/**
 * Key-quote extraction: every direct quotation of the article's paragraphs,
 * with who said it (speech verbs before or after, continuations, pronouns,
 * roles resolved to names), ranked so the ones worth reading come first.
 */
import { isWhiteSpace } from './char-class';
import { attributeAfterTokens, attributeBeforeTokens, type Attribution } from './quote-parts/attribution';
import { findQuotations, type MarkSpan } from './quote-parts/marks';
import { splitIncises } from './quote-parts/packs/latin/incise';
import { rankQuotes, type Candidate } from './quote-parts/rank';
import { MAX_TOKENISED_CHARS, TokenCache } from './quote-parts/token-cache';
import { countWords, isTitleAbbreviation, type Token } from './quote-parts/tokens';
import type { Language, Quote } from './schema';
import { SpeakerBook, type ResolvedSpeaker } from './speakers';
import { arabicReportedSpeakers } from './quote-parts/packs/ar/reported';
import { namedSubjects } from './quote-parts/subjects';

export { MAX_QUOTES, MAX_QUOTE_LENGTH } from './quote-parts/rank';

/** Options of {@link extractQuotes}. */
export interface ExtractQuotesOptions {
  /** The article's headline; quotes sharing its words rank a little higher. */
  headline?: string;
}

/** Most quotations examined per article (bounds the work on pathological input). */
const MAX_CANDIDATES = 400;
/** Characters of the article searched for quotations: key quotes of a news article come long before this. */
const SCAN_CHARS = 150_000;
/** Most quotations examined per paragraph. */
const MAX_PER_PARAGRAPH = 60;
/** How far back (characters) the words before a quote are read. */
const BEFORE_WINDOW = 400;
/** How far (characters) the words after a quote are read. */
const AFTER_WINDOW = 300;
/** Largest gap (characters) over which neighbouring quotes share a speaker. */
const NEIGHBOUR_GAP = 160;
/** Fewest words of a paragraph-opening quote that goes on with the previous paragraph's speaker. */
const MIN_CONTINUED_WORDS = 6;
/** Most words of a quoted name read as part of the clause of the quote after it. */
const SHORT_NAME_WORDS = 3;
/** Prefix of a quote-less paragraph scanned for speakers of reported speech. */
const REPORTED_SPEECH_SCAN = 400;

/** Words right before a quote that make it a title or a name rather than speech. */
const TITLE_WORDS = /(?:^|\s)(?:(?:[وبل]|لل|ول|بـ|لـ)?(?:ال)?(?:فيلم|كتاب|رواية|روايه|صحيفة|صحيفه|مجلة|مجله|عملية|عمليه|حملة|حمله|برنامج|مسلسل|أغنية|اغنيه|شركة|شركه|حزب|جائزة|جائزه|اسم|باسم|عنوان|مبادرة|مبادره|قناة|قناه|موقع|وكالة|وكاله|تطبيق|مؤتمر|منتدى|مهرجان|ألبوم|البوم|مشروع|حركة|حركه|جماعة|جماعه|منظمة|منظمه|وسم|هاشتاغ|مسرحية|مسرحيه|معرض|كلمة|كلمه|لقب|شعار|مصطلح|دور|قانون|مؤسسة|مؤسسه|هيئة|هيئه|فرقة|فرقه|نادي|منصة|منصه|وثائقي|عرض|سلسلة|سلسله|مسابقة|مسابقه|بطولة|بطوله|عملية|تنظيم|ما يسمى|ما يعرف ب|يسمى|يدعى|تدعى|تسمى|المعروف ب|المعروفة ب|المعروفه ب)|film|book|novel|newspaper|operation|campaign|titled|entitled|called|named|dubbed|journal|magazine|show|series|song|album|hashtag|slogan|term|word|nickname|livre|roman|journal|opération|intitulée?|baptisée?|surnommée?|nommée?|appelée?|chanson|émission|mot|terme|slogan)\s*[«“"„‘'‹]?$/iu;

/** A construct role noun right before a quote: the quote names an organisation (رئيس "المرصد السوري"). */
/** What stands between two names of a list (`"X" و"Y"`, `"X"، "Y"`, `"X" and "Y"`, `"X" et "Y"`), the marks included. */
const LIST_GAP = /^[\s"«»“”„‘’'‹›]*(?:[و،,]|and|et|or|ou|أو|او)?[\s"«»“”„‘’'‹›]*$/iu;

/**
 * Heads whose name follows in marks when they stand without ال (`لإذاعة "فرانس إنتر"`،
 * `معهد "بروكينغز"`، `كليب "…"`); with ال they point back (`في بيان أصدرته الجامعة "…"`).
 */
const NAME_HEADS = /(?:^|\s)(?:[وبل]|ول|بـ|لـ)?(?:إذاعة|اذاعة|اذاعه|معهد|مركز|جامعة|جامعه|كليب|فيلمه|كتابه|روايته|ثلاثية|ثلاثيته)\s*[«“"„‘'‹]?$/u;

const CONSTRUCT_ROLE = /(?:^|\s)[وبل]?(?:رئيس|رئيسة|مدير|مديرة|مؤسس|مؤسسة|عضو|زعيم|أمين|نائب|ممثل|مندوب|متحدث باسم|متحدثة باسم)\s*$/u;

interface Pending {
  span: MarkSpan;
  attribution: Attribution | null;
  who: ResolvedSpeaker | null;
  before: string;
  /** True when the attribution was read after the quote (`"…," she said.`): its clause is one sentence of the gap that follows. */
  attributedAfter: boolean;
}

/**
 * Whole sentences ending in `text` from `from` to `to`: sentence ends (`. ! ?
 * ؟` before a space or the end, not after an abbreviated title) with words
 * before them; the full stop right after a closing quotation mark ends the
 * quote's own sentence and does not count.
 */
function sentenceEnds(text: string, from: number, to: number): number {
  let n = 0;
  let words = false;
  for (let k = from; k < to; k++) {
    const ch = text.charCodeAt(k);
    if ((ch === 46 || ch === 33 || ch === 63 || ch === 0x061f) && (k + 1 >= text.length || text.charCodeAt(k + 1) === 32 || text.charCodeAt(k + 1) === 10)
      && !(ch === 46 && isTitleAbbreviation(text, k))) {
      if (words) n++;
      words = false;
    } else if (!words && ch > 64 && /[\p{L}\p{N}]/u.test(text[k]!)) {
      words = true;
    }
  }
  return n;
}

/**
 * May a quote without attribution take the speaker of `p`, with the text
 * from `from` to `to` between them? Only when no whole sentence stands
 * between the two (the attribution clause after `p` itself aside): a speaker
 * further away is more often wrong than right, and no speaker is better than
 * a wrong one.
 */
function closeEnough(text: string, p: Pending, from: number, to: number): boolean {
  return sentenceEnds(text, from, to) <= (p.attributedAfter ? 1 : 0);
}

/** Start of the sentence containing `pos` (after the last terminator), not before `floor`. */
function sentenceStart(text: string, pos: number, floor: number): number {
  // Char codes, not one-character strings: this walks back up to BEFORE_WINDOW characters per quote.
  for (let k = pos - 1; k >= floor; k--) {
    const ch = text.charCodeAt(k);
    if ((ch === 46 || ch === 33 || ch === 63 || ch === 0x061f) && k + 1 < pos && isWhiteSpace(text.charCodeAt(k + 1)) && !(ch === 46 && isTitleAbbreviation(text, k))) return k + 1;
  }
  return floor;
}

/** True when `text` is empty or white space only (as `text.trim() === ''`). */
function isBlank(text: string): boolean {
  for (let k = text.length - 1; k >= 0; k--) if (!isWhiteSpace(text.charCodeAt(k))) return false;
  return true;
}

/** A letter or a tatweel, alone. */
const LETTER_OR_TATWEEL = /^[\p{L}\u0640]$/u;

/** True when `text` ends with a letter or a tatweel (`/[\p{L}\u0640]$/u`): a mark glued to a word. */
function endsInLetter(text: string): boolean {
  const n = text.length;
  if (n === 0) return false;
  // Only the last code point is read (an end-anchored expression would try every position of the context).
  const last = text.charCodeAt(n - 1);
  const high = n >= 2 ? text.charCodeAt(n - 2) : 0;
  const pair = last >= 0xdc00 && last <= 0xdfff && high >= 0xd800 && high <= 0xdbff;
  return LETTER_OR_TATWEEL.test(text.slice(pair ? n - 2 : n - 1));
}

/** `text` without trailing white space, commas, semicolons and colons (as `text.replace(/[\s،,;:]+$/u, '')`, read from the end). */
function trimEndPunctuation(text: string): string {
  let end = text.length;
  for (let c = text.charCodeAt(end - 1); end > 0 && (c === 0x060c || c === 44 || c === 59 || c === 58 || isWhiteSpace(c)); c = text.charCodeAt(end - 1)) end--;
  return end === text.length ? text : text.slice(0, end);
}

/** True when the quotation is still open at the end of its paragraph. */
function runsOn(span: MarkSpan, paragraph: string): boolean {
  return !span.closed && span.close >= paragraph.length;
}

function isNamed(who: ResolvedSpeaker | null): boolean {
  return who !== null && who.speaker !== who.speakerRole;
}

/** Record the speakers of quote-less reported speech (`وزعم بوتين أن …`) so continuations can find them. */
function noteReportedSpeech(tokens: readonly Token[], language: Language, book: SpeakerBook): void {
  if (language !== 'ar') {
    const a = attributeBeforeTokens(tokens, language);
    if (a?.phrase) book.mention(a.phrase, a.gender);
    return;
  }
  for (const s of arabicReportedSpeakers(tokens)) book.mention(s.phrase, s.gender);
}

/** Record the speakers of Arabic reported speech introduced by إن/أن in sentences between two quotations (`وأكد ماكرون أن …`). */
function noteReportedSpeechBetween(tokens: readonly Token[], book: SpeakerBook): void {
  for (const s of arabicReportedSpeakers(tokens, true)) book.mention(s.phrase, s.gender);
}

/** Complementisers of reported speech in English and French (said that …, a expliqué que …). */
const REPORTING_THAT = /^(?:that|que|qu['’]\p{L}*)$/iu;

/**
 * The speaker of the reported speech in the last sentence of a quote-less
 * paragraph (English, French), recorded as the latest mention: a speech verb
 * with that/que (`Levitt said that …`), or a pronoun going on with the last
 * speaker (`However, he defended his decision to …`).
 */
function reportedSpeaker(text: string, pi: number, language: Language, cache: TokenCache, book: SpeakerBook): ResolvedSpeaker | null {
  const from = sentenceStart(text, text.length, Math.max(0, text.length - REPORTED_SPEECH_SCAN));
  const tokens = cache.range(pi, from, text.length);
  const a = attributeBeforeTokens(tokens, language);
  if (!a?.fragment) return null;
  const pronoun = a.continuation && !a.phrase && a.gender !== 'unknown';
  return pronoun || tokens.some((t) => REPORTING_THAT.test(t.text)) ? attribute(book, a, false) : null;
}

/** Record the named subjects of the sentences in `tokens` (`La maire Anne Hidalgo a critiqué…`) for later continuations. */
function noteSubjects(tokens: readonly Token[], language: Language, book: SpeakerBook): void {
  for (const s of namedSubjects(tokens, language === 'ar')) {
    if (s.surnameOnly) book.mentionKnown(s.phrase.name!, s.gender);
    else book.mention(s.phrase, s.gender, false, s.speaking === true);
  }
}

/** Index just after the first sentence end at or after `from` (before `to`), else `to`. */
function nextSentence(text: string, from: number, to: number): number {
  for (let k = from; k < to - 1; k++) {
    const ch = text.charCodeAt(k);
    if ((ch === 46 || ch === 33 || ch === 63 || ch === 0x061f) && (text.charCodeAt(k + 1) === 32 || text.charCodeAt(k + 1) === 10)
      && !(ch === 46 && isTitleAbbreviation(text, k))) return k + 1;
  }
  return to;
}

/** Who an attribution names; `quoted` when a quote is attributed to them (the main speaker is the one quoted most). */
function attribute(book: SpeakerBook, a: Attribution | null, quoted = true): ResolvedSpeaker | null {
  if (!a) return null;
  if (a.phrase && a.needsName) {
    const who = book.mention(a.phrase, a.gender, false);
    return isNamed(who) ? book.mention(a.phrase, a.gender, quoted) : null;
  }
  if (a.phrase) return book.mention(a.phrase, a.gender, quoted);
  if (a.continuation) return book.continuation(a.gender, quoted);
  return null;
}

function toCandidate(p: Pending, paragraph: number, language: Language, order: number): Candidate {
  const startsLower = language !== 'ar' && /^\p{Ll}/u.test(p.span.text);
  const quote: Quote = {
    text: trimEndPunctuation(p.span.text),
    speaker: p.who?.speaker ?? null,
    paragraph,
    // A mark glued to a prefix (بـ"…", لـ"…") or a lower-case start means a fragment of a sentence.
    partial: !p.span.closed || (p.attribution?.fragment ?? false) || startsLower || endsInLetter(p.before),
  };
  if (p.who?.speakerRole) quote.speakerRole = p.who.speakerRole;
  return {
    quote,
    attributed: p.attribution !== null || p.who !== null,
    named: isNamed(p.who),
    titleLike: TITLE_WORDS.test(p.before.slice(-40)) || NAME_HEADS.test(p.before.slice(-30)) || CONSTRUCT_ROLE.test(p.before.slice(-30)),
    order,
  };
}

function extract(paragraphs: readonly string[], language: Language, headline: string | undefined): Quote[] {
  const cache = new TokenCache(paragraphs);
  const book = new SpeakerBook(cache, language);
  const candidates: Candidate[] = [];
  let lastSpokenParagraph = -2;
  let lastSpokenNear = false;
  let openEnded: Candidate | null = null;
  // The quotations of each paragraph scanned; paragraphs after the last one holding a quotation
  // cannot change any quote's speaker, so they are never read (an article without any quotation costs one scan).
  const texts: string[] = [];
  const allSpans: MarkSpan[][] = [];
  let last = -1;
  let budget = SCAN_CHARS;
  for (let pi = 0; pi < paragraphs.length && budget > 0; pi++) {
    const full = paragraphs[pi]!;
    const text = full.length > MAX_TOKENISED_CHARS ? full.slice(0, MAX_TOKENISED_CHARS) : full;
    budget -= text.length;
    texts.push(text);
    const found = splitIncises(text, findQuotations(text, MAX_PER_PARAGRAPH), language);
    allSpans.push(found);
    if (found.length > 0) last = pi;
  }
  if (last === -1) return [];
  for (let pi = 0; pi <= last && candidates.length < MAX_CANDIDATES; pi++) {
    const text = texts[pi]!;
    const spans = allSpans[pi]!;
    // Reported speech before the first quotation (`وزعم بوتين أن …`) names a speaker for continuations.
    const leadEnd = Math.min(spans.length === 0 ? text.length : spans[0]!.open, REPORTED_SPEECH_SCAN);
    if (leadEnd > 0) {
      const lead = cache.range(pi, 0, leadEnd);
      noteSubjects(lead, language, book);
      noteReportedSpeech(lead, language, book);
    }
    if (spans.length === 0) {
      openEnded = null;
      // Reported speech ending the paragraph ("He lamented that …"): a quote opening the next one is likely its speaker's.
      if (language !== 'ar' && reportedSpeaker(text, pi, language, cache, book)) {
        lastSpokenParagraph = pi;
        lastSpokenNear = true;
      }
      continue;
    }
    const pending: Pending[] = [];
    let lastFloor = 0;
    for (let j = 0; j < spans.length; j++) {
      const span = spans[j]!;
      const prevClose = j > 0 ? spans[j - 1]!.close : 0;
      // A short quoted name before (وقالت شركة "نتفليكس" إن … "…") is part of this quote's clause.
      const shortBefore = j > 0 && spans[j - 1]!.closed && countWords(spans[j - 1]!.text) <= SHORT_NAME_WORDS;
      const floor = Math.max(shortBefore ? lastFloor : prevClose, span.open - BEFORE_WINDOW);
      lastFloor = floor;
      const from = sentenceStart(text, span.open, floor);
      // Whole sentences between two quotations may name the next speaker's antecedent,
      // as their subject or as the speaker of their reported speech (`وأكد ماكرون أن …. وقال: "…"`).
      if (j > 0) {
        const gap = nextSentence(text, prevClose, from);
        if (gap < from) {
          const between = cache.range(pi, gap, from);
          noteSubjects(between, language, book);
          if (language === 'ar') noteReportedSpeechBetween(between, book);
        }
      }
      const before = text.slice(from, span.open);
      let attribution = attributeBeforeTokens(cache.range(pi, from, span.open), language);
      let attributedAfter = false;
      if ((!attribution || (!attribution.phrase && attribution.continuation && isBlank(before))) && span.closed) {
        const nextOpen = j + 1 < spans.length ? spans[j + 1]!.open : text.length;
        const after = attributeAfterTokens(cache.range(pi, span.close, Math.min(nextOpen, span.close + AFTER_WINDOW)), language);
        if (after) {
          attribution = after;
          attributedAfter = true;
        }
      }
      pending.push({ span, attribution, who: attribute(book, attribution), before, attributedAfter });
    }
    // Neighbouring quotes of one paragraph share a speaker: "A," he said. "B." / “A. وقال الرئيس: “B”.
    for (let j = 0; j < pending.length; j++) {
      const p = pending[j]!;
      if (p.who) continue;
      const prev = pending[j - 1];
      const next = pending[j + 1];
      if (prev?.who && p.span.open - prev.span.close <= NEIGHBOUR_GAP && closeEnough(text, prev, prev.span.close, p.span.open)) p.who = prev.who;
      else if (next?.who && next.span.open - p.span.close <= NEIGHBOUR_GAP && !next.attribution?.fragment
        && sentenceEnds(text, p.span.close, next.span.open) <= (next.attribution?.adds ? 1 : 0)) p.who = next.who;
    }
    // A quote opening a paragraph goes on with the previous paragraph's speaker.
    const first = pending[0]!;
    if (!first.who && isBlank(first.before) && first.span.open <= 1 && lastSpokenParagraph === pi - 1 && lastSpokenNear
      && countWords(first.span.text) >= MIN_CONTINUED_WORDS && !runsOn(first.span, text)) {
      first.who = book.continuation('unknown', true);
    }
    // A quote left open at the end of the previous paragraph goes on here: it has this quote's speaker.
    if (openEnded && first.span.open <= 1 && first.who) {
      openEnded.quote.speaker = first.who.speaker;
      if (first.who.speakerRole) openEnded.quote.speakerRole = first.who.speakerRole;
      openEnded.attributed = true;
      openEnded.named = isNamed(first.who);
    }
    openEnded = null;
    // The next paragraph's opening quote goes on with this speaker only when no whole sentence follows the spoken quote.
    let spoken = -1;
    for (let j = pending.length - 1; j >= 0 && spoken === -1; j--) if (pending[j]!.who) spoken = j;
    if (spoken !== -1) {
      lastSpokenParagraph = pi;
      lastSpokenNear = closeEnough(text, pending[spoken]!, pending[spoken]!.span.close, text.length);
    }
    // Sentences after the last quotation (`… a-t-elle dit. La maire Anne Hidalgo a critiqué le projet.`).
    const lastClose = spans[spans.length - 1]!.close;
    const tail = nextSentence(text, lastClose, text.length);
    if (tail < text.length) noteSubjects(cache.range(pi, tail, Math.min(text.length, tail + REPORTED_SPEECH_SCAN)), language, book);
    for (let j = 0; j < pending.length; j++) {
      const c = toCandidate(pending[j]!, pi, language, candidates.length);
      // A list of names: "جيوستودو أستير" و"ثري دي جيوماجينج", "X" and "Y" (not `لإذاعة "فرانس إنتر" أنه "…"`).
      const prev = candidates[candidates.length - 1];
      if (j > 0 && prev?.titleLike && pending[j]!.span.open - pending[j - 1]!.span.close <= 6
        && LIST_GAP.test(text.slice(pending[j - 1]!.span.close, pending[j]!.span.open))) c.titleLike = true;
      candidates.push(c);
      if (j === pending.length - 1 && !pending[j]!.who && runsOn(pending[j]!.span, text)) openEnded = c;
    }
  }
  return rankQuotes(candidates, paragraphs.length, headline);
}

/**
 * The key quotes of an article, best first (at most {@link MAX_QUOTES}).
 *
 * @param paragraphs the cleaned body paragraphs; `Quote.paragraph` indexes into them
 * @param language the article's language (speech verbs are read in that language; `other` tries English and French)
 * @param options `headline`: quotes sharing its words rank a little higher
 * @returns ranked quotes; never throws
 */
export function extractQuotes(paragraphs: readonly string[], language: Language, options: ExtractQuotesOptions = {}): Quote[] {
  try {
    return extract(paragraphs, language, options.headline);
  } catch {
    return [];
  }
}
