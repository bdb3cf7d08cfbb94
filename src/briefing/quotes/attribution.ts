/**
 * Read the words around a quotation to find its attribution: a speech verb
 * with its subject before the quote (`وقال السفير … إن "…"`, `Smith said:`,
 * `le maire a déclaré :`) or after it (`"…"، قال ترامب`, `"…," she said`,
 * `« … », a déclaré le maire`).
 */
import { isArabicRoleNoun, isDefiniteToken, parseArabicPhrase, parseArabicPhraseAt, type Phrase } from './arabic-phrase';
import { parseLatinInverted, parseLatinSubject } from './latin-phrase';
import { tokenize, type Token } from './tokens';
import type { Language } from '../schema';
import {
  ARABIC_INTRODUCERS, ARABIC_SAYING, arabicSpeechWord, isBareArabicSpeechWord, isWeakArabicSpeechWord, englishSpeechWord, frenchSpeechWord,
  type Gender, type SpeechMatch,
} from '../speech-verbs';

/** What the context says about who is speaking. */
export interface Attribution {
  /** The speaker phrase, when the context names one. */
  phrase?: Phrase;
  /** True when the verb has no subject of its own (`وأضاف:`, "she said"): the last speaker goes on. */
  continuation: boolean;
  /** Gender told by the verb or pronoun. */
  gender: Gender;
  /** True when the quotation is embedded in the clause (`قال إن الوضع "كارثي"`). */
  fragment: boolean;
}

/** Words dropped between a subject and its verb (`وكان ترامب قد قال`, "Smith has said"). */
const AUX = new Set(['قد', 'لقد', 'كان', 'وكان', 'كانت', 'وكانت', 'has', 'had', 'have', 'was', 'is', 'also', 'then', 'later',
  'reportedly', 'previously', 'once', 'earlier', 'lui', 'leur', 'nous', 'vous', 'y', 'en', 'me', 'ne', 'pas', 'aussi',
  'encore', 'déjà', 'alors', 'further', 'again', 'would', 'will', 'could', 'may', 'might', 'ont', 'avait']);
/** Words that start a new clause: the subject cannot lie before them. */
const CLAUSE_BREAKS = new Set(['and', 'but', 'while', 'because', 'although', 'though', 'whereas', 'et', 'mais', 'car', 'tandis',
  'puisque', 'lorsque', 'quand', 'so', 'or', 'ou', 'donc']);
/** "that" / "que": what follows is reported speech, a quote inside it is a fragment. */
const THAT = /^(that|que|qu'.*|qu’.*)$/u;
/** Most words between an after-quote attribution's start and its verb ("the mayor, Jane Smith, said"). */
const MAX_AFTER_SUBJECT = 9;

function speechAt(tokens: readonly Token[], lowered: readonly string[], i: number, language: Language): SpeechMatch | null {
  if (language === 'ar') return tokens[i]!.punct ? null : arabicSpeechWord(tokens[i]!.norm);
  if (language === 'fr') return frenchSpeechWord(lowered, i);
  if (language === 'en') return englishSpeechWord(lowered, i);
  return frenchSpeechWord(lowered, i) ?? englishSpeechWord(lowered, i);
}

function lowerAll(tokens: readonly Token[]): string[] {
  return tokens.map((t) => t.text.toLowerCase().replace(/’/g, "'"));
}

function wordCount(tokens: readonly Token[]): number {
  return tokens.reduce((n, t) => n + (t.punct ? 0 : 1), 0);
}

function hasPhrase(p: Phrase | undefined): p is Phrase {
  return p !== undefined && (p.name !== undefined || p.role !== undefined);
}

/** Attribution from the words before a quotation, within its sentence. */
export function attributeBefore(before: string, language: Language): Attribution | null {
  const tokens = tokenize(before.length > 600 ? before.slice(-600) : before);
  if (tokens.length === 0) return null;
  return language === 'ar' ? arabicBefore(tokens) : latinBefore(tokens, language);
}

/** Attribution from the words after a closed quotation (up to the next quotation). */
export function attributeAfter(after: string, language: Language): Attribution | null {
  const tokens = tokenize(after.length > 400 ? after.slice(0, 400) : after);
  let i = 0;
  if (tokens[i]?.norm === ',' || tokens[i]?.norm === '،' || tokens[i]?.norm === '—' || tokens[i]?.norm === '–') i++;
  if (i >= tokens.length || (tokens[i]!.punct && tokens[i]!.norm !== '(')) return null;
  return language === 'ar' ? arabicAfter(tokens, i) : latinAfter(tokens, i, language);
}

function arabicBefore(tokens: readonly Token[]): Attribution | null {
  for (let v = tokens.length - 1; v >= 0; v--) {
    const tok = tokens[v]!;
    if (tok.punct) continue;
    const saying = ARABIC_SAYING.get(tok.norm);
    if (saying !== undefined) {
      // نقلت وكالة X عن Y قوله: "…"
      let from = v - 1;
      while (from >= 0 && tokens[from]!.norm !== 'عن' && v - from < 10) from--;
      const phrase = from >= 0 && tokens[from]!.norm === 'عن' ? parseArabicPhrase(tokens.slice(from + 1, v)) : arabicSubjectBefore(tokens.slice(0, v));
      return { ...(hasPhrase(phrase) ? { phrase } : {}), continuation: !hasPhrase(phrase), gender: saying, fragment: wordCount(tokens.slice(v + 1)) > 1 };
    }
    // وجاء في البيان: "…" — the document speaks.
    if ((tok.norm === 'جاء' || tok.norm === 'وجاء') && tokens[v + 1]?.norm === 'في') {
      const rest = tokens.slice(v + 2);
      const stop = rest.findIndex((t) => t.norm === ':' || ARABIC_INTRODUCERS.has(t.norm));
      const phrase = parseArabicPhrase(stop === -1 ? rest : rest.slice(0, stop));
      if (hasPhrase(phrase)) return { phrase, continuation: false, gender: 'unknown', fragment: false };
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
      let rest = tokens.slice(v + 1);
      if (rest[0] && /^لـ?$/u.test(rest[0].norm)) rest = rest.slice(1);
      const stripped = rest.map((t, k) => (k === 0 && /^ل[^ل]/u.test(t.norm) && t.text.length > 3 ? { ...t, text: t.text.replace(/^لـ?/u, ''), norm: t.norm.slice(1) } : t));
      const phrase = parseArabicPhrase(stripped);
      if (!hasPhrase(phrase)) continue;
      const comma = rest.findIndex((t) => t.norm === '،' || t.norm === ',');
      return { phrase, continuation: false, gender: 'unknown', fragment: comma !== -1 && wordCount(rest.slice(comma + 1)) > 1 };
    }
    if (match.kind === 'participle') {
      // The sentence's subject speaks: an earlier verb's subject, else the last speaker.
      const earlier = arabicBefore(tokens.slice(0, v));
      const fragment = introducedFragment(tokens.slice(v + 1));
      if (earlier?.phrase) return { ...earlier, fragment };
      // وسارع نتنياهو، الذي كان يحضر المؤتمر، بالرد قائلا: the subject of the sentence's first verb.
      const subject = arabicSubjectBefore(tokens.slice(0, v));
      if (subject) return { phrase: subject, continuation: false, gender: match.gender, fragment };
      return { continuation: true, gender: match.gender, fragment };
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
    const after = tokens.slice(v + 1);
    let stop = after.findIndex((t) => t.norm === ':' || ARABIC_INTRODUCERS.has(t.norm));
    if (stop === -1) stop = after.length;
    const { phrase, end } = parseArabicPhraseAt(after.slice(0, stop), isWeakArabicSpeechWord(tokens[v]!.norm));
    const fragment = stop < after.length ? introducedFragment(after.slice(stop)) : embeddedAfterPhrase(after, end);
    if (hasPhrase(phrase)) return { phrase, continuation: false, gender: match.gender, fragment };
    // وقال ديان إنه …، وأضاف "…": the subject of an earlier speech verb of the sentence.
    const earlier = v > 0 ? arabicBefore(tokens.slice(0, v)) : null;
    if (earlier?.phrase) return { ...earlier, gender: match.gender, fragment };
    const subject = arabicSubjectBefore(tokens.slice(0, v));
    if (hasPhrase(subject)) return { phrase: subject, continuation: false, gender: match.gender, fragment };
    return { continuation: true, gender: match.gender, fragment };
  }
  return null;
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
  for (let k = 0; k < words.length; k++) {
    if (words[k]!.punct || !isArabicRoleNoun(words[k]!.norm)) continue;
    const phrase = parseArabicPhrase(words.slice(k));
    if (phrase.name && trustedName(phrase.name)) return phrase;
    break;
  }
  // A sentence-initial word with و/ف that is not a noun is a verb: its subject follows it.
  const verbFirst = /^[وف]/u.test(first.norm) && !isArabicRoleNoun(first.norm) && !isDefiniteToken(first);
  if (verbFirst && LEADING_PREPOSITIONS.has(first.norm)) return undefined;
  const phrase = parseArabicPhrase(words.slice(verbFirst ? 1 : 0));
  if (phrase.name && trustedName(phrase.name)) return phrase;
  const head = phrase.role ? tokenize(phrase.role)[0] : undefined;
  if (head && isArabicRoleNoun(head.norm)) return { role: phrase.role! };
  return undefined;
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

function arabicAfter(tokens: readonly Token[], i: number): Attribution | null {
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
    if (rest[0] && /^(تعبير|ما|لما)$/u.test(rest[0].norm)) rest = rest.slice(1);
    if (rest[0] && /^لـ?$/u.test(rest[0].norm)) rest = rest.slice(1);
    rest = rest.map((t, k) => (k === 0 && /^ل[^ل]/u.test(t.norm) && t.text.length > 3 ? { ...t, text: t.text.replace(/^لـ?/u, ''), norm: t.norm.slice(1) } : t));
  }
  const stop = rest.findIndex((t) => t.norm === ':' || ARABIC_INTRODUCERS.has(t.norm) || t.norm === '.');
  const phrase = parseArabicPhrase(stop === -1 ? rest : rest.slice(0, stop));
  if (hasPhrase(phrase)) return { phrase, continuation: false, gender: match.gender, fragment: false };
  if (match.kind === 'verb' && (stop === 0 || rest.length === 0 || rest[0]!.punct)) return { continuation: true, gender: match.gender, fragment: false };
  return null;
}

function latinBefore(tokens: readonly Token[], language: Language): Attribution | null {
  const lowered = lowerAll(tokens);
  // « Pour Marine Le Pen, « … » » / "For Smith, "…"": the opinion of the person named.
  if ((lowered[0] === 'pour' || lowered[0] === 'for') && lowered[lowered.length - 1] === ',' && lowered.indexOf(',') === lowered.length - 1) {
    const phrase = parseLatinInverted(tokens.slice(1, -1));
    if (phrase.name) return { phrase, continuation: false, gender: phrase.gender ?? 'unknown', fragment: false };
  }
  for (let v = tokens.length - 1; v >= 0; v--) {
    const match = speechAt(tokens, lowered, v, language);
    if (!match) continue;
    const after = tokens.slice(v + match.length);
    if (match.kind === 'according') {
      const phrase = parseLatinInverted(after);
      if (!hasPhrase(phrase)) continue;
      const comma = after.findIndex((t) => t.norm === ',');
      return { phrase, continuation: false, gender: phrase.gender ?? 'unknown', fragment: comma !== -1 && wordCount(after.slice(comma + 1)) > 0 };
    }
    const fragment = latinFragment(after, lowered.slice(v + match.length), lowered[v + match.length - 1]!);
    if (match.pronoun !== undefined) return { continuation: true, gender: match.pronoun, fragment };
    const subject = parseLatinSubject(latinClause(tokens, lowered, v));
    if (subject.pronoun !== undefined) return { continuation: true, gender: subject.pronoun, fragment };
    if (hasPhrase(subject)) return { phrase: subject, continuation: false, gender: subject.gender ?? 'unknown', fragment };
    if (match.kind === 'participle') return { continuation: true, gender: 'unknown', fragment };
    // Inverted: `Said the mayor: "…"`.
    const colon = after.findIndex((t) => t.norm === ':');
    const inverted = parseLatinInverted(colon === -1 ? after : after.slice(0, colon));
    if (inverted.pronoun !== undefined) return { continuation: true, gender: inverted.pronoun, fragment };
    if (hasPhrase(inverted)) return { phrase: inverted, continuation: false, gender: inverted.gender ?? 'unknown', fragment };
    return { continuation: true, gender: 'unknown', fragment };
  }
  return null;
}

/** The subject tokens before the verb at `v`: from the clause start, without auxiliaries. */
function latinClause(tokens: readonly Token[], lowered: readonly string[], v: number): Token[] {
  let end = v;
  while (end > 0 && AUX.has(lowered[end - 1]!)) end--;
  let start = end;
  while (start > 0) {
    const w = lowered[start - 1]!;
    if (w === '.' || w === ';' || w === ':' || w === '!' || w === '?' || CLAUSE_BREAKS.has(w) || THAT.test(w)) break;
    if (end - start >= 14) break;
    start--;
  }
  return tokens.slice(start, end);
}

/** Words opening an adverbial between a verb and its quote (said in a statement, told reporters on Monday). */
const ADVERBIAL = /^(in|on|at|during|after|before|last|this|yesterday|today|earlier|later|via|through|from|to|dans|lors|sur|à|au|devant|après|avant|hier|ce|cette|mardi|lundi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/u;
/** Verbs whose object (reporters, the BBC) may stand between them and the quote. */
const TELL = /^(told|tells|telling|asked|asks|warned|urged|assured|a-t-il|a-t-elle|dit|déclaré|confié|expliqué|lancé)$/u;

/**
 * A quote after "that"/"que" plus words, or after other words than an object
 * of "told" and adverbials ("Brown said the budget was …"), is embedded in
 * the sentence.
 */
function latinFragment(after: readonly Token[], lowered: readonly string[], verb: string): boolean {
  const colon = after.findIndex((t) => t.norm === ':');
  if (colon !== -1) return wordCount(after.slice(colon + 1)) > 0;
  const that = lowered.findIndex((w) => THAT.test(w));
  if (that !== -1) return wordCount(after.slice(that + 1)) > 0;
  const words = lowered.filter((w, k) => !after[k]!.punct && w !== '');
  let k = 0;
  if (TELL.test(verb)) while (k < words.length && k < 3 && !ADVERBIAL.test(words[k]!)) k++;
  if (k >= words.length) return false;
  return !ADVERBIAL.test(words[k]!) || words.length - k > 6;
}

function latinAfter(tokens: readonly Token[], i: number, language: Language): Attribution | null {
  const lowered = lowerAll(tokens);
  for (let v = i; v < tokens.length && v - i <= MAX_AFTER_SUBJECT; v++) {
    const w = lowered[v]!;
    if (w === '.' || w === ';' || w === '!' || w === '?' || w === ':') return null;
    const match = speechAt(tokens, lowered, v, language);
    if (!match) continue;
    const rest = tokens.slice(v + match.length);
    if (match.kind === 'according') {
      const phrase = parseLatinInverted(rest);
      return hasPhrase(phrase) ? { phrase, continuation: false, gender: phrase.gender ?? 'unknown', fragment: false } : null;
    }
    if (match.pronoun !== undefined) return { continuation: true, gender: match.pronoun, fragment: false };
    const subjectTokens = tokens.slice(i, v).filter((_, k) => !AUX.has(lowered[i + k]!));
    if (subjectTokens.length > 0) {
      const subject = parseLatinSubject(subjectTokens);
      if (subject.pronoun !== undefined) return { continuation: true, gender: subject.pronoun, fragment: false };
      return hasPhrase(subject) ? { phrase: subject, continuation: false, gender: subject.gender ?? 'unknown', fragment: false } : null;
    }
    const inverted = parseLatinInverted(rest);
    if (inverted.pronoun !== undefined) return { continuation: true, gender: inverted.pronoun, fragment: false };
    if (hasPhrase(inverted)) return { phrase: inverted, continuation: false, gender: inverted.gender ?? 'unknown', fragment: false };
    return null;
  }
  return null;
}
