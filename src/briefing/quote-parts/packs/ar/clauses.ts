/**
 * What the Arabic rules share: reading a source after بحسب/نقلا عن, the
 * speaker of على لسان, the subject standing before a verb, whether the quote
 * is embedded in the sentence.
 */
import { QUOTE_MARKS, isArabicHonorific, isArabicPlace, isArabicRoleNoun, isDefiniteToken, parseArabicPhrase, type Phrase } from './phrase';
import { hasPhrase, wordCount } from '../../clause';
import {
  ARABIC_INTRODUCERS, AR_AUX, AR_CONJUNCTIONS, CAME, DEMONSTRATIVES, DOCUMENT_ANAPHORS, INSTITUTION_HEADS, LEADING_PREPOSITIONS, PRONOUN_SUBJECTS, RELATIVES, REPORT_VERBS, SOURCE_LINKS, WORDS_SAID, isMediaHead,
} from './lexicon';
import { tokenize, type Token } from '../../tokens';
import { arabicSpeechWord, isWeakArabicSpeechWord } from '../../../speech-verbs';

/** Documents and media that report what someone said (بحسب البيان، وفق الوكالة، بحسب التسجيل المذاع). */
export function isDocumentHead(norm: string): boolean {
  return isMediaHead(norm) || DOCUMENT_ANAPHORS.has(norm) || (norm.startsWith('ال') && DOCUMENT_ANAPHORS.has(norm.slice(2)));
}

/** `بيان صادر عن مكتب رئاسة الوزراء`, `تقرير صادر من X`: the issuer's words, past the document. */
export function issuedBy(tokens: readonly Token[]): readonly Token[] {
  if (!isDocumentHead(tokens[0]?.norm ?? '') || !/^(ال)?صادر(ه)?$/u.test(tokens[1]?.norm ?? '') || !/^(عن|من)$/u.test(tokens[2]?.norm ?? '')) return tokens;
  return tokens.slice(3);
}

/** نقلا / ونقلا: "citing". */
export function isCiting(norm: string): boolean {
  return norm === 'نقلا' || norm === 'ونقلا';
}

/**
 * The words naming the source after بحسب/وفق/نقلا, past the links of
 * `نقلا عن X`, `بحسب ما قاله X`, `وفق ما صرح به X` and a glued ل (`وفقا لـ X`).
 */
export function sourceWords(tokens: readonly Token[]): Token[] {
  let k = 0;
  if (tokens[k] && SOURCE_LINKS.has(tokens[k]!.norm)) {
    k++;
    if (tokens[k - 1]!.norm !== 'عن') {
      // ما قاله / ما صرح به / ما نقلت: a speech or report verb, then its object pronoun; anything else names nobody.
      const next = tokens[k];
      if (!next || next.punct || (arabicSpeechWord(next.norm)?.kind !== 'verb' && !REPORT_VERBS.has(next.norm))) return [];
      k++;
      if (tokens[k] && /^(به|بها|عنه|عنها)$/u.test(tokens[k]!.norm)) k++;
      // بحسب ما نقلته وكالة الأناضول: the outlet reported the words, it did not say them.
      if (tokens[k] && (isDocumentHead(tokens[k]!.norm) || isMediaHead(tokens[k]!.norm))) return [];
      // وفق ما قال للمحققين: the audience follows, the speaker is the verb's own subject.
      if (tokens[k] && /^(لل.|ل(وكاله|صحيفه|قناه|شبكه|موقع|مجله|اذاعه|بي|رويترز|فرانس|سي))/u.test(tokens[k]!.norm)) return [];
    }
  }
  let rest = tokens.slice(k);
  if (rest[0] && /^لـ?$/u.test(rest[0].norm)) rest = rest.slice(1);
  return rest.map((t, j) => (j === 0 && /^ل[^ل]/u.test(t.norm) && t.text.length > 3 ? { ...t, text: t.text.replace(/^لـ?/u, ''), norm: t.norm.slice(1) } : t));
}

/**
 * `على لسان` at `at` introduces the quote's speaker when it opens the clause
 * or follows جاء/ورد (`وجاء على لسان الوزير:`), not inside a relative clause
 * (`الاتهامات التي جاءت على لسان X، قائلا`).
 */
export function tongueLeads(tokens: readonly Token[], at: number): boolean {
  const prev = tokens[at - 1];
  if (!prev || prev.punct) return true;
  // وقال البيان على لسان يوليا: a document carries the words of the one named; واحتجت إيران على لسان نائب
  // وزير خارجيتها، وردت الحكومة على لسان المتحدث باسمها: a state or a body speaks through them.
  if (isDocumentHead(prev.norm) || isArabicPlace(prev.norm) || (prev.norm.startsWith('ال') && INSTITUTION_HEADS.has(prev.norm.slice(2)))) return true;
  // وجاءت هذه العبارات على لسان X: the words meant are these.
  if (WORDS_SAID.has(prev.norm) && DEMONSTRATIVES.has(tokens[at - 2]?.norm ?? '')) return tongueLeads(tokens, at - 2);
  if (!CAME.test(prev.norm)) return false;
  const before = tokens[at - 2];
  return !before || before.punct || !RELATIVES.has(before.norm);
}

/** `على لسان X`: the speaker named after لسان at `v` (the index of لسان). */
export function tongueOf(tokens: readonly Token[], v: number): Phrase | undefined {
  const rest = tokens.slice(v + 1);
  const stop = rest.findIndex((t) => t.norm === ':' || t.norm === '.' || ARABIC_INTRODUCERS.has(t.norm));
  const phrase = parseArabicPhrase(stop === -1 ? rest : rest.slice(0, stop));
  return hasPhrase(phrase) ? phrase : undefined;
}

/** A speech verb earlier in the sentence than `v` (no full stop between). */
export function speechVerbBefore(tokens: readonly Token[], v: number): boolean {
  for (let u = v - 1; u >= 0 && v - u <= 12; u--) {
    const t = tokens[u]!;
    if (t.punct) {
      if (t.norm === '.' || t.norm === ':') return false;
      continue;
    }
    if (arabicSpeechWord(t.norm)?.kind === 'verb') return true;
  }
  return false;
}

/** An earlier, non-weak speech verb followed by إن/أن before `v`: the main attribution of the sentence. */
export function strongerVerbBefore(tokens: readonly Token[], v: number): number {
  let introducer = false;
  for (let u = v - 1; u >= 0; u--) {
    const t = tokens[u]!;
    if (t.punct && t.norm === '.') return -1;
    if (ARABIC_INTRODUCERS.has(t.norm) || t.norm === ':') introducer = true;
    const m = t.punct ? null : arabicSpeechWord(t.norm);
    if (m?.kind === 'verb' && introducer && !isWeakArabicSpeechWord(t.norm)) return u;
  }
  return -1;
}

/** After إن/أن/`:`, more words before the quote mean the quote is embedded in reported speech. */
export function introducedFragment(rest: readonly Token[]): boolean {
  const first = rest[0];
  if (!first) return false;
  const words = wordCount(rest.slice(1));
  return words > 0;
}

/**
 * The subject of a verb with none after it: subject-first order (`لكن مارلين
 * عطاالله، من وزارة العمل، قالت`), or the subject of the sentence's first
 * verb (`وانفجر كوسبي في الادعاء وقال إنه`). Only a name, or a role headed
 * by a role noun, is trusted.
 */
export function arabicSubjectBefore(tokens: readonly Token[]): Phrase | undefined {
  let start = tokens.length;
  // The clause starts after a full stop, a colon or an إن/أن (أوردت الوكالة أن الرئيس السوري قال).
  while (start > 0 && tokens.length - start < 24) {
    const prev = tokens[start - 1]!.norm;
    if (prev === '.' || prev === ':' || ARABIC_INTRODUCERS.has(prev)) break;
    start--;
  }
  const words = tokens.slice(start).filter((t) => !AR_AUX.has(t.norm));
  // "لكنه قال", "وهو يقول": a pronoun subject, the last speaker goes on.
  const last = words[words.length - 1];
  if (last && PRONOUN_SUBJECTS.has(last.norm)) return undefined;
  while (words.length > 0 && AR_CONJUNCTIONS.has(words[0]!.norm)) words.shift();
  const first = words[0];
  if (!first || first.punct) return undefined;
  // A role with a name anywhere in the clause: كرر وزير الخارجية الروسي سيرغي لافروف …، إذ قال
  // A guessed subject is read strictly (the verb may have an object); with a role, only the role is
  // trusted, the registry then looks for the name the article gives it.
  for (let k = 0; k < words.length; k++) {
    if (words[k]!.punct || !isArabicRoleNoun(words[k]!.norm)) continue;
    const phrase = parseArabicPhrase(words.slice(k));
    if (phrase.role && phrase.name) return { role: phrase.role };
    // كما يتذكر السيد دياللو: after an honorific, the name itself.
    if (phrase.name && k + 1 < words.length && isArabicHonorific(words[k]!.norm)) return { name: phrase.name };
    break;
  }
  // A sentence-initial word with و/ف that is not a noun is a verb: its subject follows it.
  const verbFirst = /^[وف]/u.test(first.norm) && !isArabicRoleNoun(first.norm) && !isDefiniteToken(first);
  if (verbFirst && LEADING_PREPOSITIONS.has(first.norm)) return undefined;
  const phrase = parseArabicPhrase(words.slice(verbFirst ? 1 : 0), true);
  const head = phrase.role ? tokenize(phrase.role)[0] : undefined;
  if (head && isArabicRoleNoun(head.norm)) return { role: phrase.role! };
  if (phrase.name && !phrase.role && trustedName(phrase.name)) return { name: phrase.name };
  return undefined;
}

/** `، جوناثان غرينبلات، قائلا`: a name between commas right before `v`. */
export function appositionBefore(tokens: readonly Token[], v: number): Phrase | undefined {
  const comma = (t: Token | undefined): boolean => t !== undefined && (t.norm === '،' || t.norm === ',');
  if (!comma(tokens[v - 1])) return undefined;
  let start = v - 1;
  while (start > 0 && !tokens[start - 1]!.punct && v - 1 - start < 4) start--;
  if (start === v - 1 || !comma(tokens[start - 1])) return undefined;
  const phrase = parseArabicPhrase(tokens.slice(start, v - 1));
  return phrase.name && !phrase.role && trustedName(phrase.name) ? { name: phrase.name } : undefined;
}

/**
 * The noun phrase just before a relative pronoun at `rel` (رجب طيب أردوغان، الذي …), back to the
 * previous comma; an institution's name in quotation marks is part of it (منظمة "أوكسفام" الخيرية التي).
 */
export function antecedentBefore(tokens: readonly Token[], rel: number): Phrase | undefined {
  let end = rel;
  if (end > 0 && (tokens[end - 1]!.norm === '،' || tokens[end - 1]!.norm === ',')) end--;
  let start = end;
  while (start > 0 && !tokens[start - 1]!.punct && end - start < 6) start--;
  start = quotedHeadBefore(tokens, start) ?? start;
  if (start === end) return undefined;
  const phrase = parseArabicPhrase(tokens.slice(start, end));
  if (phrase.name && trustedName(phrase.name)) return phrase;
  const head = phrase.role ? tokenize(phrase.role)[0] : undefined;
  return head && isArabicRoleNoun(head.norm) ? { role: phrase.role! } : undefined;
}

/**
 * `منظمة "أوكسفام" الخيرية`: when the words from `start` follow a name in quotation marks
 * (of at most four words) that an institution noun heads (منظمة، حزب، جماعة), the index of that noun.
 */
function quotedHeadBefore(tokens: readonly Token[], start: number): number | undefined {
  const close = start - 1;
  if (close < 0 || !QUOTE_MARKS.has(tokens[close]!.norm)) return undefined;
  let open = close - 1;
  while (open >= 0 && close - open <= 5 && !tokens[open]!.punct) open--;
  if (open < 0 || open === close - 1 || !QUOTE_MARKS.has(tokens[open]!.norm)) return undefined;
  const head = tokens[open - 1];
  // رئيس حزب "التجمع" الذي: the party is the complement of the role before it, not the antecedent.
  const before = tokens[open - 2];
  if (before && !before.punct && isArabicRoleNoun(before.norm) && !isDefiniteToken(before)) return undefined;
  // Only an institution's head takes the name in marks with it (not صحيفة, nor لمؤسسة with a preposition).
  return head && !head.punct && INSTITUTION_HEADS.has(head.norm.replace(/^ال/u, '')) ? open - 1 : undefined;
}

/** A name found by guessing the subject must not look like a common noun (ending in ة: جائزة، وزارة). */
export function trustedName(name: string): boolean {
  const first = name.split(' ')[0] ?? '';
  return !/[ةه]$/u.test(first) || name.includes(' ');
}

/**
 * A verb with its subject and no إن/أن/`:` (`وصرح بلاتيني "…"`): the quote is
 * a whole statement when it follows the subject directly or after adverbials
 * (`على حسابه على تويتر`); other words in between (`أعلنت الدولة تشكيل "…"`)
 * embed it in the sentence.
 */
export function embeddedAfterPhrase(after: readonly Token[], end: number): boolean {
  const rest = after.slice(end).filter((t) => !t.punct);
  if (rest.length === 0) return false;
  return !/^(في|على|عبر|خلال|امام|الى|مع|ل.+|ب.+|يوم|اليوم|امس|مساء|صباح|الاحد|الاثنين|الثلاثاء|الاربعاء|الخميس|الجمعه|السبت|من)$/u.test(rest[0]!.norm);
}
