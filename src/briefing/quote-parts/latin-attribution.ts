/**
 * English and French attribution: "Smith said:", "said Jane Smith, the
 * mayor", "according to X", "she added", « … », a déclaré le maire,
 * a-t-il ajouté, selon X.
 */
import { documentOwner, isLatinDescriptor, joinWords, latinNameAt, latinNameBefore, parseLatinInverted, parseLatinSubject, type LatinPhrase } from './latin-phrase';
import { AUX, hasPhrase, wordCount, type Attribution } from './clause';
import { isCapitalized, type Token } from './tokens';
import type { Language } from '../schema';
import { englishSpeechWord, frenchSpeechWord, type Gender, type SpeechMatch } from '../speech-verbs';

/** Words that start a new clause: the subject cannot lie before them. */
const CLAUSE_BREAKS = new Set(['and', 'but', 'while', 'because', 'although', 'though', 'whereas', 'et', 'mais', 'car', 'tandis',
  'puisque', 'lorsque', 'quand', 'so', 'or', 'ou', 'donc']);
/** "that" / "que": what follows is reported speech, a quote inside it is a fragment. */
const THAT = /^(that|que|qu'.*|qu’.*)$/u;
/** Most words between an after-quote attribution's start and its verb ("the mayor, Jane Smith, said"). */
const MAX_AFTER_SUBJECT = 9;
/** Most tokens when the attribution opens with a name and a comma: an apposition follows ("Lina Khatib, an expert on the conflict at U.K. think-tank Chatham House, told"). */
const MAX_AFTER_APPOSITION = 24;

/** True when the period token at `k` follows a single capital letter: an initial (U.K., J. Smith), not a sentence end. */
function isInitial(tokens: readonly Token[], k: number): boolean {
  const prev = tokens[k - 1]?.text;
  return prev !== undefined && prev.length === 1 && isCapitalized(prev);
}

/** How far an after-quote attribution starting at `i` may run to its verb: further when it opens with a name and a comma. */
function afterSubjectLimit(tokens: readonly Token[], i: number): number {
  const comma = tokens.findIndex((t, k) => k > i && t.norm === ',');
  if (comma === -1 || comma - i > 5 || !latinNameAt(tokens, i) || latinNameAt(tokens, i)!.split(' ').length !== comma - i) return MAX_AFTER_SUBJECT;
  return MAX_AFTER_APPOSITION;
}

/** The speech word at `i`: French, English, or (language `other`) either. */
function speechAt(lowered: readonly string[], i: number, language: Language): SpeechMatch | null {
  if (language === 'fr') return frenchSpeechWord(lowered, i);
  if (language === 'en') return englishSpeechWord(lowered, i);
  return frenchSpeechWord(lowered, i) ?? englishSpeechWord(lowered, i);
}

function lowerAll(tokens: readonly Token[]): string[] {
  return tokens.map((t) => t.text.toLowerCase().replace(/’/g, "'"));
}

/** Attribution from the English/French words before a quote, within its sentence. */
export function latinBefore(tokens: readonly Token[], language: Language): Attribution | null {
  const lowered = lowerAll(tokens);
  // « Pour Marine Le Pen, « … » » / "For Smith, "…"": the opinion of the person named.
  // An apposition may follow the name (« Pour Nathalie Perrin, infirmière et déléguée Sud Santé, « … » »).
  const opinion = opinionOf(tokens, lowered, language);
  if (opinion) return opinion;
  for (let v = tokens.length - 1; v >= 0; v--) {
    const match = speechAt(lowered, v, language);
    if (!match) continue;
    const after = tokens.slice(v + match.length);
    if (match.kind === 'according') {
      const phrase = parseLatinInverted(after);
      if (!hasPhrase(phrase)) continue;
      const comma = after.findIndex((t) => t.norm === ',');
      return accordingTo(phrase, after, comma !== -1 && wordCount(after.slice(comma + 1)) > 0);
    }
    const fragment = latinFragment(after, lowered.slice(v + match.length), lowered[v + match.length - 1]!);
    if (match.pronoun !== undefined) return { continuation: true, gender: match.pronoun, fragment };
    // « tout en prévenant que … »: a French gerund goes on with the sentence's subject.
    if (match.kind === 'participle' && lowered[v - 1] === 'en') return { continuation: true, gender: 'unknown', fragment };
    const relative = relativeSubject(tokens, lowered, v);
    if (relative !== undefined) return { ...(relative && { phrase: relative }), continuation: false, gender: 'unknown', fragment };
    const subject = parseLatinSubject(latinClause(tokens, lowered, v));
    if (subject.pronoun !== undefined) return { continuation: true, gender: subject.pronoun, fragment };
    if (hasPhrase(subject)) {
      // "Anne Vignot a déclaré qu'elle …", "Smith said she …": the subject's own pronoun tells the gender.
      const own = ownPronoun(lowered, v + match.length);
      if (own) {
        subject.gender = own;
        delete subject.weakGender;
      }
      return { phrase: subject, continuation: false, gender: subject.gender ?? 'unknown', fragment };
    }
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

/**
 * "According to X": X, unless X is a document or an account, which names
 * nobody ("according to the report") or, with a pronoun, the person whose it
 * is (« d’après le récit qu’elle livre » → the last woman quoted).
 */
function accordingTo(phrase: LatinPhrase, tokens: readonly Token[], fragment: boolean): Attribution {
  const owner = documentOwner(phrase, tokens);
  if (owner === undefined) return { phrase, continuation: false, gender: phrase.gender ?? 'unknown', fragment };
  return { continuation: owner !== 'unknown', gender: owner, fragment };
}

/** Relative pronouns that may stand as the subject of a speech verb ("the group, which says"). */
const RELATIVES = new Set(['which', 'who', 'qui']);

/**
 * The antecedent of a relative pronoun subject: "… the Palestinian Dialogue
 * Group in Turkey, which says" → that group; "… Jane Smith, who said" → Jane
 * Smith. `undefined` when the verb at `v` has no relative subject; `null`
 * when it has one whose antecedent is not a name (nobody is better than the
 * last speaker).
 */
function relativeSubject(tokens: readonly Token[], lowered: readonly string[], v: number): LatinPhrase | null | undefined {
  let r = v - 1;
  while (r > 0 && AUX.has(lowered[r]!)) r--;
  if (r < 1 || !RELATIVES.has(lowered[r]!) || lowered[r - 1] !== ',') return undefined;
  if (lowered[r] !== 'which') {
    const name = latinNameBefore(tokens, r - 1);
    return name ? { name } : null;
  }
  let start = r - 1;
  while (start > 0 && !tokens[start - 1]!.punct && !/^(the|la|le|les|l')$/u.test(lowered[start - 1]!)) start--;
  const words = tokens.slice(start, r - 1);
  if (start === 0 || words.length === 0 || words.length > 8 || !isCapitalized(words[0]!.text)) return null;
  return { name: joinWords(words) };
}

/**
 * « Pour Marine Le Pen, « … » » / "For Smith, "…"": the opinion of the
 * person named (an apposition may follow the name: « Pour Nathalie Perrin,
 * infirmière et déléguée Sud Santé, « … » »). Words may stand between the
 * comma and the quote (« Pour la syndicaliste, il n’existe qu’une voie pour
 * « … » ») when a person is named (two words or more) or described (la
 * syndicaliste); a single capitalised word there is more often a country or
 * a party (Pour la France, …). No speech verb may stand in the sentence.
 */
function opinionOf(tokens: readonly Token[], lowered: readonly string[], language: Language): Attribution | null {
  if ((lowered[0] !== 'pour' && lowered[0] !== 'for') || lowered.some((w, k) => speechAt(lowered, k, language) !== null)) return null;
  if (lowered[lowered.length - 1] === ',' && lowered.filter((w) => w === ',').length <= 3) {
    const phrase = parseLatinInverted(tokens.slice(1, -1));
    if (phrase.name) return { phrase, continuation: false, gender: phrase.gender ?? 'unknown', fragment: false };
  }
  const comma = lowered.indexOf(',');
  if (comma < 2 || comma > 7 || comma === lowered.length - 1) return null;
  const phrase = parseLatinInverted(tokens.slice(1, comma));
  const person = phrase.name ? phrase.name.includes(' ') : phrase.role !== undefined && isLatinDescriptor(phrase.role);
  return person ? { phrase, continuation: false, gender: phrase.gender ?? 'unknown', fragment: true, needsName: true } : null;
}

/** The gender of a pronoun right after a speech verb, referring to its subject (qu'elle, que il, she, that he). */
function ownPronoun(lowered: readonly string[], k: number): Gender | undefined {
  let w = lowered[k];
  if (w === 'que' || w === 'that') w = lowered[k + 1];
  if (w === "qu'elle" || w === 'elle' || w === 'she') return 'f';
  if (w === "qu'il" || w === 'il' || w === 'he') return 'm';
  return undefined;
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

/** Verbs of going on: the speaker said the words before too ("…", he added; « … », a ajouté Laurent Fabius). */
const ADD_VERBS = new Set(['added', 'adds', 'continued', 'ajouté', 'ajoute', 'poursuivi', 'poursuit', 'renchéri', 'renchérit']);

/** Attribution from the English/French words after a closed quote, starting at token `i`. */
export function latinAfter(tokens: readonly Token[], i: number, language: Language): Attribution | null {
  const lowered = lowerAll(tokens);
  const limit = afterSubjectLimit(tokens, i);
  for (let v = i; v < tokens.length && v - i <= limit; v++) {
    const w = lowered[v]!;
    if ((w === '.' && !isInitial(tokens, v)) || w === ';' || w === '!' || w === '?' || w === ':') return null;
    const match = speechAt(lowered, v, language);
    if (!match) continue;
    const attribution = readAfter(tokens, lowered, i, v, match);
    const verb = lowered[v + match.length - 1]!.replace(/(?:-t)?-(?:il|elle|ils|elles|on)$/u, '');
    return attribution && ADD_VERBS.has(verb) ? { ...attribution, adds: true } : attribution;
  }
  return null;
}

/** The attribution of the speech word `match` at `v`, read after a quote whose attribution starts at `i`. */
function readAfter(tokens: readonly Token[], lowered: readonly string[], i: number, v: number, match: SpeechMatch): Attribution | null {
  const rest = tokens.slice(v + match.length);
  if (match.kind === 'according') {
    const phrase = parseLatinInverted(rest);
    return hasPhrase(phrase) ? accordingTo(phrase, rest, false) : null;
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
