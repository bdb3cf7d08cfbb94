/**
 * Arabic attribution: a speech verb and its subject before the quote
 * (`وقال السفير … إن "…"`, `وأضاف:`, `قائلا`), or after it
 * (`"…"، قال ترامب`, `بحسب وزارة الصحة`).
 */
import { arabicNameAt, isArabicHonorific, isArabicPlace, isArabicRoleNoun, isDefiniteToken, parseArabicPhrase, parseArabicPhraseAt, type Phrase } from './arabic-phrase';
import { AUX, hasPhrase, wordCount, type Attribution } from './clause';
import { ANONYMOUS, DOCUMENT_ANAPHORS, INSTITUTION_HEADS, JOINT_STATEMENT, isMediaHead } from './arabic-lexicon';
import { normForm, tokenize, type Token } from './tokens';
import {
  ARABIC_INTRODUCERS, ARABIC_SAYING, arabicSpeechWord, isAddresseeArabicVerb, isBareArabicSpeechWord, isWeakArabicSpeechWord,
  needsArabicIntroducer,
} from '../speech-verbs';

/** Attribution from the Arabic words before a quote, within its sentence. */
export function arabicBefore(tokens: readonly Token[]): Attribution | null {
  for (let v = tokens.length - 1; v >= 0; v--) {
    const tok = tokens[v]!;
    if (tok.punct) continue;
    // وجاء على لسان الوزير: "…"
    if ((tok.norm === 'لسان' || tok.norm === 'بلسان') && (tok.norm === 'بلسان' || /^و?علي$/u.test(tokens[v - 1]?.norm ?? ''))
      && tongueLeads(tokens, tok.norm === 'بلسان' ? v : v - 1)) {
      const phrase = tongueOf(tokens, v);
      if (phrase) return { phrase, continuation: false, gender: 'unknown', fragment: false };
    }
    const saying = ARABIC_SAYING.get(tok.norm);
    if (saying !== undefined) {
      // نقلت وكالة X عن Y قوله: "…"
      // ونقل البيان على لسان المتحدثة، هيذر نويرت، قولها: the one on whose tongue the words are.
      let from = v - 1;
      while (from >= 0 && tokens[from]!.norm !== 'عن' && tokens[from]!.norm !== 'لسان' && v - from < 20) from--;
      const fragment = wordCount(tokens.slice(v + 1)) > 1;
      // نقلت عن صديقه منذ الطفولة أبو بكر إبراهيم قوله: the one cited; failing the phrase, the name right before قوله
      // (else the last speaker, cited again: نقلت عن رئيس الحركة قوله).
      if (from >= 0 && (tokens[from]!.norm === 'عن' || tokens[from]!.norm === 'لسان')) {
        const cited = parseArabicPhrase(tokens.slice(from + 1, v));
        const phrase = hasPhrase(cited) ? cited : nameEndingAt(tokens, from + 1, v);
        return { ...(phrase ? { phrase } : {}), continuation: !phrase, gender: saying, fragment };
      }
      // ونقلت الوكالة عنه قوله: the one the pronoun points back to, never the one citing; ونقلت المتحدثة باسم رئيس
      // المفوضية جان كلود يونكر عنه قوله: the one the spokesperson speaks for.
      const pronoun = tokens[v - 1]?.norm;
      if (pronoun === 'عنه' || pronoun === 'عنها') {
        const spokenFor = spokenForBy(tokens, v - 1);
        if (spokenFor) return { phrase: spokenFor, continuation: false, gender: saying, fragment };
        return { continuation: true, gender: pronoun === 'عنه' ? 'm' : 'f', fragment };
      }
      const phrase = arabicSubjectBefore(tokens.slice(0, v));
      return { ...(hasPhrase(phrase) ? { phrase } : {}), continuation: !hasPhrase(phrase), gender: saying, fragment };
    }
    // وجاء في البيان: "…" — the document speaks.
    if ((tok.norm === 'جاء' || tok.norm === 'وجاء') && tokens[v + 1]?.norm === 'في') {
      const rest = tokens.slice(v + 2);
      const stop = rest.findIndex((t) => t.norm === ':' || ARABIC_INTRODUCERS.has(t.norm));
      const phrase = parseArabicPhrase(stop === -1 ? rest : rest.slice(0, stop));
      // وجاء في البيان: a statement the sentence does not say whose; nobody rather than a guess.
      // A joint one (البيان الختامي المشترك) is the leaders' the article names: the registry looks.
      if (/^ال/u.test(rest[0]?.norm ?? '') && isDocumentHead(rest[0]!.norm)) {
        const joint = JOINT_STATEMENT.has(rest[1]?.norm ?? '') && !rest[1]!.punct;
        return { ...(joint ? { phrase: { role: `${rest[0]!.text} ${rest[1]!.text}` } } : {}), continuation: false, gender: 'unknown', fragment: false };
      }
      if (hasPhrase(phrase)) return { phrase, continuation: false, gender: 'unknown', fragment: false };
    }
    // نشر تغريدة جاء فيها: "…" — the writer is the sentence's subject.
    if ((tok.norm === 'جاء' || tok.norm === 'وجاء') && /^(فيه|فيها)$/u.test(tokens[v + 1]?.norm ?? '')) {
      const earlier = arabicBefore(tokens.slice(0, v));
      if (earlier?.phrase) return { ...earlier, fragment: false };
      const subject = arabicSubjectBefore(tokens.slice(0, v));
      return subject ? { phrase: subject, continuation: false, gender: 'unknown', fragment: false } : { continuation: true, gender: 'unknown', fragment: false };
    }
    let match = arabicSpeechWord(tok.norm);
    if (!match) continue;
    if (match.kind === 'verb' && isWeakArabicSpeechWord(tok.norm)) {
      const strong = strongerVerbBefore(tokens, v);
      if (strong !== -1) {
        v = strong;
        match = arabicSpeechWord(tokens[v]!.norm)!;
      }
    }
    if (match.kind === 'according') {
      const stripped = sourceWords(tokens.slice(v + 1));
      // وقالت الشبكة، نقلا عن مسؤولين، إن … / كما أكد رئيس الاتحاد، بحسب البيان، أنه …: the verb's
      // subject speaks, the source only reported it.
      if ((isCiting(tok.norm) || isDocumentHead(stripped[0]?.norm ?? '')) && speechVerbBefore(tokens, v)) continue;
      const rest = issuedBy(stripped);
      const phrase = parseArabicPhrase(rest);
      if (!hasPhrase(phrase) || (isCiting(tok.norm) && isMediaHead(stripped[0]?.norm ?? ''))) continue;
      const comma = rest.findIndex((t) => t.norm === '،' || t.norm === ',');
      return { phrase, continuation: false, gender: 'unknown', fragment: comma !== -1 && wordCount(rest.slice(comma + 1)) > 1 };
    }
    if (match.kind === 'participle') {
      // The sentence's subject speaks: an earlier verb's subject, else the last speaker.
      const earlier = arabicBefore(tokens.slice(0, v));
      const fragment = introducedFragment(tokens.slice(v + 1));
      if (earlier?.phrase) return { ...earlier, fragment };
      // …، جوناثان غرينبلات، قائلا: the name in apposition right before the participle.
      const apposed = appositionBefore(tokens, v);
      if (apposed) return { phrase: apposed, continuation: false, gender: match.gender, fragment };
      // وسارع نتنياهو، الذي كان يحضر المؤتمر، بالرد قائلا: the subject of the sentence's first verb.
      const subject = arabicSubjectBefore(tokens.slice(0, v));
      if (subject) return { phrase: subject, continuation: false, gender: match.gender, fragment };
      return { continuation: true, gender: match.gender, fragment };
    }
    // أردوغان، الذي دعا الوزير …: the relative's antecedent speaks, what follows is the object.
    if (v > 0 && RELATIVES.has(tokens[v - 1]!.norm)) {
      const antecedent = antecedentBefore(tokens, v - 1);
      if (antecedent) return { phrase: antecedent, continuation: false, gender: match.gender, fragment: true };
    }
    // وكانت الشركة قد وصفت …: the subject stands before the verb, what follows is its object.
    if (v > 0 && (tokens[v - 1]!.norm === 'قد' || tokens[v - 1]!.norm === 'لقد')) {
      const subject = arabicSubjectBefore(tokens.slice(0, v));
      if (subject) {
        const rest = tokens.slice(v + 1);
        const stop = rest.findIndex((t) => t.norm === ':' || ARABIC_INTRODUCERS.has(t.norm));
        return { phrase: subject, continuation: false, gender: match.gender, fragment: stop === -1 ? rest.length > 0 : introducedFragment(rest.slice(stop)) };
      }
    }
    // وفق ما صرح به الوزير: the object pronoun after ما + verb stands before the subject.
    const objectFirst = v > 0 && SOURCE_LINKS.has(tokens[v - 1]!.norm) && /^(به|بها)$/u.test(tokens[v + 1]?.norm ?? '');
    const after = tokens.slice(objectFirst ? v + 2 : v + 1);
    let stop = after.findIndex((t) => t.norm === ':' || ARABIC_INTRODUCERS.has(t.norm));
    if (stop === -1 && needsArabicIntroducer(tokens[v]!.norm)) continue;
    if (stop === -1) stop = after.length;
    // أبلغ ترامب، سأل الوزير: the one told or asked follows the verb, not the speaker.
    const { phrase, end } = isAddresseeArabicVerb(tokens[v]!.norm) ? { phrase: {}, end: 0 } : parseArabicPhraseAt(after.slice(0, stop), isWeakArabicSpeechWord(tokens[v]!.norm));
    const fragment = stop < after.length ? introducedFragment(after.slice(stop)) : embeddedAfterPhrase(after, end);
    if (hasPhrase(phrase)) return { phrase, continuation: false, gender: match.gender, fragment };
    // وكتب آخر، وقال ثالث: someone new and unnamed speaks, not the last speaker.
    if (ANONYMOUS.has(after[0]?.norm ?? '')) return { continuation: false, gender: match.gender, fragment };
    // وقال ديان إنه …، وأضاف "…": the subject of an earlier speech verb of the sentence.
    const earlier = v > 0 ? arabicBefore(tokens.slice(0, v)) : null;
    if (earlier?.phrase) return { ...earlier, gender: match.gender, fragment };
    const subject = arabicSubjectBefore(tokens.slice(0, v));
    if (hasPhrase(subject)) return { phrase: subject, continuation: false, gender: match.gender, fragment };
    return { continuation: true, gender: match.gender, fragment };
  }
  return null;
}

/** Most words of a name read back from the word it ends before. */
const MAX_NAME_WORDS = 4;

/** The name of two words or more ending right before `end` and starting at or after `start` (`صديقه منذ الطفولة أبو بكر إبراهيم`). */
function nameEndingAt(tokens: readonly Token[], start: number, end: number): Phrase | undefined {
  const upTo = tokens.slice(0, end);
  for (let k = Math.max(start, end - MAX_NAME_WORDS); k <= end - 2; k++) {
    // A first word with ة is a noun or adjective of the descriptor (منذ سنوات طويلة), no given name.
    const name = /[ةه]$/u.test(tokens[k]!.text) ? undefined : arabicNameAt(upTo, k);
    if (name && k + name.split(' ').length === end) return { name };
  }
  return undefined;
}

/**
 * `نقلت المتحدثة باسم رئيس المفوضية جان كلود يونكر عنه`: the subject of the
 * report verb before `pronoun` is a spokesperson, the pronoun is the person
 * named after باسم; that person speaks, with the role after باسم.
 */
function spokenForBy(tokens: readonly Token[], pronoun: number): Phrase | undefined {
  let verb = pronoun - 1;
  while (verb >= 0 && pronoun - verb <= 12 && !tokens[verb]!.punct && !REPORT_VERBS.has(tokens[verb]!.norm.replace(/^و/u, ''))) verb--;
  if (verb < 0 || tokens[verb]!.punct || pronoun - verb > 12) return undefined;
  const subject = tokens.slice(verb + 1, pronoun);
  const on = subject.findIndex((t) => t.norm === 'باسم');
  if (on < 1) return undefined;
  const phrase = parseArabicPhrase(subject.slice(on + 1));
  return phrase.name && phrase.role ? phrase : undefined;
}

/** Complementisers and pronoun objects between a source word and its speaker (نقلا عن، بحسب ما قاله، وفق ما صرح به). */
const SOURCE_LINKS = new Set(['عن', 'ما', 'لما']);

/** Documents and media that report what someone said (بحسب البيان، وفق الوكالة، بحسب التسجيل المذاع). */
function isDocumentHead(norm: string): boolean {
  return isMediaHead(norm) || DOCUMENT_ANAPHORS.has(norm) || (norm.startsWith('ال') && DOCUMENT_ANAPHORS.has(norm.slice(2)));
}

/** `بيان صادر عن مكتب رئاسة الوزراء`, `تقرير صادر من X`: the issuer's words, past the document. */
function issuedBy(tokens: readonly Token[]): readonly Token[] {
  if (!isDocumentHead(tokens[0]?.norm ?? '') || !/^(ال)?صادر(ه)?$/u.test(tokens[1]?.norm ?? '') || !/^(عن|من)$/u.test(tokens[2]?.norm ?? '')) return tokens;
  return tokens.slice(3);
}

/** نقلا / ونقلا: "citing". */
function isCiting(norm: string): boolean {
  return norm === 'نقلا' || norm === 'ونقلا';
}

/** Verbs of reporting after ما (بحسب ما نقلت صحيفة X، وفق ما أوردت الوكالة). */
const REPORT_VERBS = new Set(['نقل', 'نقلت', 'نقلته', 'اورد', 'اوردت', 'اوردته', 'نشر', 'نشرت', 'نشرته', 'اوضح', 'اوضحت', 'بث', 'بثت']);

/**
 * The words naming the source after بحسب/وفق/نقلا, past the links of
 * `نقلا عن X`, `بحسب ما قاله X`, `وفق ما صرح به X` and a glued ل (`وفقا لـ X`).
 */
function sourceWords(tokens: readonly Token[]): Token[] {
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

/** جاء/ورد, as the words "came" on someone's tongue. */
const CAME = /^(و?جاء|و?جاءت|و?ورد|و?وردت)$/u;
/** Nouns of words said, after a demonstrative (هذه الكلمات، هذه العبارات). */
const WORDS_SAID = new Set(['الكلمات', 'الكلمه', 'العبارات', 'العباره', 'التصريحات', 'الكلام', 'الجمله']);
/** Demonstratives before {@link WORDS_SAID}. */
const DEMONSTRATIVES = new Set(['هذه', 'هذا', 'بهذه', 'بهذا', 'وبهذه', 'وبهذا']);

/**
 * The words after a quote's sentence that point back at it: `بهذه الكلمات
 * أعلن X …`, `جاءت هذه العبارات على لسان X`, from the token `k` after the full stop.
 */
function pointingBack(tokens: readonly Token[], k: number): Attribution | null {
  const first = tokens[k]?.norm ?? '';
  const demonstrative = DEMONSTRATIVES.has(first) ? k : CAME.test(first) && DEMONSTRATIVES.has(tokens[k + 1]?.norm ?? '') ? k + 1 : -1;
  if (demonstrative === -1 || !WORDS_SAID.has(tokens[demonstrative + 1]?.norm ?? '')) return null;
  const next = demonstrative + 2;
  if (tokens[next]?.norm === 'علي' && tokens[next + 1]?.norm === 'لسان') {
    const phrase = tongueOf(tokens, next + 1);
    return phrase ? { phrase, continuation: false, gender: 'unknown', fragment: false } : null;
  }
  // جاءت هذه العبارات في أحدث فيديو للمغنية اللبنانية إليسا: the one whose video or interview it is.
  if (tokens[next]?.norm === 'في' && !first.startsWith('ب')) {
    for (let k = next + 1; k < tokens.length && k <= next + 5 && !tokens[k]!.punct; k++) {
      if (!/^ل/u.test(tokens[k]!.norm) || tokens[k]!.norm.length < 4) continue;
      const phrase = parseArabicPhrase(sourceWords(tokens.slice(k)));
      return phrase.name ? { phrase, continuation: false, gender: 'unknown', fragment: false } : null;
    }
    return null;
  }
  // بهذه الكلمات أعلن X، بهذه الكلمات شكر X: the verb, whichever it is, and its subject.
  const verb = tokens[next];
  if (!first.startsWith('ب') || !verb || verb.punct || isDefiniteToken(verb) || isArabicRoleNoun(verb.norm)) return null;
  const rest = tokens.slice(next + 1);
  const stop = rest.findIndex((t) => t.norm === ':' || t.norm === '.' || ARABIC_INTRODUCERS.has(t.norm));
  const phrase = parseArabicPhrase(stop === -1 ? rest : rest.slice(0, stop), true);
  // (نادي الزمالك read as the name نادي: an institution's head alone names nobody.)
  if (!hasPhrase(phrase) || (!phrase.role && INSTITUTION_HEADS.has(normForm(phrase.name!)))) return null;
  return { phrase, continuation: false, gender: arabicSpeechWord(verb.norm)?.gender ?? 'unknown', fragment: false };
}

/**
 * `على لسان` at `at` introduces the quote's speaker when it opens the clause
 * or follows جاء/ورد (`وجاء على لسان الوزير:`), not inside a relative clause
 * (`الاتهامات التي جاءت على لسان X، قائلا`).
 */
function tongueLeads(tokens: readonly Token[], at: number): boolean {
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
function tongueOf(tokens: readonly Token[], v: number): Phrase | undefined {
  const rest = tokens.slice(v + 1);
  const stop = rest.findIndex((t) => t.norm === ':' || t.norm === '.' || ARABIC_INTRODUCERS.has(t.norm));
  const phrase = parseArabicPhrase(stop === -1 ? rest : rest.slice(0, stop));
  return hasPhrase(phrase) ? phrase : undefined;
}

/** A speech verb earlier in the sentence than `v` (no full stop between). */
function speechVerbBefore(tokens: readonly Token[], v: number): boolean {
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
function strongerVerbBefore(tokens: readonly Token[], v: number): number {
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
function introducedFragment(rest: readonly Token[]): boolean {
  const first = rest[0];
  if (!first) return false;
  const words = wordCount(rest.slice(1));
  return words > 0;
}

/** Words opening a clause before its subject: لكن الوزير قال. */
const AR_CONJUNCTIONS = new Set(['لكن', 'ولكن', 'بينما', 'فيما', 'كما', 'حيث', 'ثم', 'اما', 'واما', 'غير', 'بل']);

/**
 * The subject of a verb with none after it: subject-first order (`لكن مارلين
 * عطاالله، من وزارة العمل، قالت`), or the subject of the sentence's first
 * verb (`وانفجر كوسبي في الادعاء وقال إنه`). Only a name, or a role headed
 * by a role noun, is trusted.
 */
function arabicSubjectBefore(tokens: readonly Token[]): Phrase | undefined {
  let start = tokens.length;
  // The clause starts after a full stop, a colon or an إن/أن (أوردت الوكالة أن الرئيس السوري قال).
  while (start > 0 && tokens.length - start < 24) {
    const prev = tokens[start - 1]!.norm;
    if (prev === '.' || prev === ':' || ARABIC_INTRODUCERS.has(prev)) break;
    start--;
  }
  const words = tokens.slice(start).filter((t) => !AUX.has(t.norm));
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
function appositionBefore(tokens: readonly Token[], v: number): Phrase | undefined {
  const comma = (t: Token | undefined): boolean => t !== undefined && (t.norm === '،' || t.norm === ',');
  if (!comma(tokens[v - 1])) return undefined;
  let start = v - 1;
  while (start > 0 && !tokens[start - 1]!.punct && v - 1 - start < 4) start--;
  if (start === v - 1 || !comma(tokens[start - 1])) return undefined;
  const phrase = parseArabicPhrase(tokens.slice(start, v - 1));
  return phrase.name && !phrase.role && trustedName(phrase.name) ? { name: phrase.name } : undefined;
}

/** Relative pronouns: the speaker is the noun phrase before them. */
const RELATIVES = new Set(['الذي', 'التي', 'الذين', 'والذي', 'والتي', 'والذين']);

/** The noun phrase just before a relative pronoun at `rel` (رجب طيب أردوغان، الذي …), back to the previous comma. */
function antecedentBefore(tokens: readonly Token[], rel: number): Phrase | undefined {
  let end = rel;
  if (end > 0 && (tokens[end - 1]!.norm === '،' || tokens[end - 1]!.norm === ',')) end--;
  let start = end;
  while (start > 0 && !tokens[start - 1]!.punct && end - start < 6) start--;
  if (start === end) return undefined;
  const phrase = parseArabicPhrase(tokens.slice(start, end));
  if (phrase.name && trustedName(phrase.name)) return phrase;
  const head = phrase.role ? tokenize(phrase.role)[0] : undefined;
  return head && isArabicRoleNoun(head.norm) ? { role: phrase.role! } : undefined;
}

/** Pronoun subjects right before a verb (لكنه قال، وهي تقول). */
const PRONOUN_SUBJECTS = new Set(['لكنه', 'لكنها', 'ولكنه', 'ولكنها', 'فانه', 'فانها', 'وهو', 'وهي', 'هو', 'هي', 'انه', 'انها', 'بينما', 'الذي', 'التي', 'والذي', 'والتي']);
/** و/ف + preposition at the start of a sentence: not a verb. */
const LEADING_PREPOSITIONS = new Set(['وفي', 'ومن', 'وعلى', 'وعن', 'والى', 'وبعد', 'وقبل', 'وخلال', 'ومع', 'وبين', 'وحول', 'وفيما', 'وبينما', 'ولدى', 'وعند', 'فمن', 'وفق']);

/** A name found by guessing the subject must not look like a common noun (ending in ة: جائزة، وزارة). */
function trustedName(name: string): boolean {
  const first = name.split(' ')[0] ?? '';
  return !/[ةه]$/u.test(first) || name.includes(' ');
}

/**
 * A verb with its subject and no إن/أن/`:` (`وصرح بلاتيني "…"`): the quote is
 * a whole statement when it follows the subject directly or after adverbials
 * (`على حسابه على تويتر`); other words in between (`أعلنت الدولة تشكيل "…"`)
 * embed it in the sentence.
 */
function embeddedAfterPhrase(after: readonly Token[], end: number): boolean {
  const rest = after.slice(end).filter((t) => !t.punct);
  if (rest.length === 0) return false;
  return !/^(في|على|عبر|خلال|امام|الى|مع|ل.+|ب.+|يوم|اليوم|امس|مساء|صباح|الاحد|الاثنين|الثلاثاء|الاربعاء|الخميس|الجمعه|السبت|من)$/u.test(rest[0]!.norm);
}

/** Attribution from the Arabic words after a closed quote, starting at token `i`. */
export function arabicAfter(tokens: readonly Token[], i: number): Attribution | null {
  // "…". بهذه الكلمات أعلن X …، "…".. بهذه الكلمات تحدث X: the next sentence points back at the quote.
  let dots = i;
  while (tokens[dots]?.norm === '.' || tokens[dots]?.norm === '…') dots++;
  if (dots > i) return pointingBack(tokens, dots);
  // "…"، بهذه الكلمات شكر X، "…"، جاءت هذه العبارات في فيديو للمغنية X
  const back = pointingBack(tokens, i);
  if (back) return back;
  // "…"، قال ترامب / كما قال X / بحسب X / وفقا لـ X / على حد قوله
  let v = i;
  if (tokens[v]?.norm === 'كما' || tokens[v]?.norm === 'حسبما' || tokens[v]?.norm === 'بحسبما') {
    if (tokens[v]!.norm !== 'كما') {
      const next = tokens[v + 1] ? arabicSpeechWord(tokens[v + 1]!.norm) : null;
      if (!next) return null;
    }
    v++;
  }
  if (tokens[v]?.norm === 'علي' && tokens[v + 1]?.norm === 'حد') {
    const what = tokens[v + 2]?.norm ?? '';
    if (/^(قوله|تعبيره|وصفه)$/u.test(what)) return { continuation: true, gender: 'm', fragment: false };
    if (/^(قولها|تعبيرها|وصفها)$/u.test(what)) return { continuation: true, gender: 'f', fragment: false };
    if (/^(قول|تعبير|وصف)$/u.test(what)) {
      const phrase = parseArabicPhrase(tokens.slice(v + 3));
      return hasPhrase(phrase) ? { phrase, continuation: false, gender: 'unknown', fragment: false } : null;
    }
    return null;
  }
  // "…"، على لسان الوزير / بلسان الوزير
  if ((tokens[v]?.norm === 'علي' && tokens[v + 1]?.norm === 'لسان') || tokens[v]?.norm === 'بلسان') {
    const phrase = tongueOf(tokens, tokens[v]!.norm === 'بلسان' ? v : v + 1);
    return phrase ? { phrase, continuation: false, gender: 'unknown', fragment: false } : null;
  }
  const tok = tokens[v];
  if (!tok || tok.punct) return null;
  const match = arabicSpeechWord(tok.norm);
  if (!match || match.kind === 'participle') return null;
  // A verb with و after a quote starts a new sentence; only bare forms attribute backwards.
  if (match.kind === 'verb' && !isBareArabicSpeechWord(tok.norm)) return null;
  let rest = tokens.slice(v + 1);
  if (match.kind === 'according') {
    // حسب رأيه، بحسب تعبيره: the last speaker.
    if (rest[0] && /^(رايه|قوله|تعبيره|وصفه)$/u.test(rest[0].norm)) return { continuation: true, gender: 'm', fragment: false };
    if (rest[0] && /^(رايها|قولها|تعبيرها|وصفها)$/u.test(rest[0].norm)) return { continuation: true, gender: 'f', fragment: false };
    if (rest[0] && rest[0].norm === 'تعبير') rest = rest.slice(1);
    rest = sourceWords(rest);
    if (isCiting(tok.norm) && isMediaHead(rest[0]?.norm ?? '')) return null;
  }
  const stop = rest.findIndex((t) => t.norm === ':' || ARABIC_INTRODUCERS.has(t.norm) || t.norm === '.');
  const phrase = parseArabicPhrase(stop === -1 ? rest : rest.slice(0, stop));
  if (hasPhrase(phrase)) return { phrase, continuation: false, gender: match.gender, fragment: false };
  if (match.kind === 'verb' && (stop === 0 || rest.length === 0 || rest[0]!.punct)) return { continuation: true, gender: match.gender, fragment: false };
  return null;
}
