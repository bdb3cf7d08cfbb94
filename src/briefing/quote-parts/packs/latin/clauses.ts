/**
 * What the English and French rules share: the speech word at a position,
 * the subject standing before a verb, "according to" a document, whether the
 * quote is embedded in the sentence.
 */
import { documentIssuer, documentOwner, isLatinDescriptor, joinWords, latinNameAt, latinNameBefore, parseLatinInverted, type LatinPhrase } from './phrase';
import { ADVERBIAL, CLAUSE_BREAKS, LATIN_AUX, RELATIVES, SOURCE_PRONOUNS, TELL, THAT, VIEW_NOUNS, VIEW_POSSESSIVES } from './lexicon';
import { wordCount, type Attribution } from '../../clause';
import { isCapitalized, type Token } from '../../tokens';
import type { Gender } from '../../../speech-verbs';
import type { SpeechWordReader } from './context';

/** Most words between an after-quote attribution's start and its verb ("the mayor, Jane Smith, said"). */
const MAX_AFTER_SUBJECT = 9;

/** Most tokens when the attribution opens with a name and a comma: an apposition follows ("Lina Khatib, an expert on the conflict at U.K. think-tank Chatham House, told"). */
const MAX_AFTER_APPOSITION = 24;

/** True when the period token at `k` follows a single capital letter: an initial (U.K., J. Smith), not a sentence end. */
export function isInitial(tokens: readonly Token[], k: number): boolean {
  const prev = tokens[k - 1]?.text;
  return prev !== undefined && prev.length === 1 && isCapitalized(prev);
}

/** How far an after-quote attribution starting at `i` may run to its verb: further when it opens with a name and a comma. */
export function afterSubjectLimit(tokens: readonly Token[], i: number): number {
  const comma = tokens.findIndex((t, k) => k > i && t.norm === ',');
  if (comma === -1 || comma - i > 5 || !latinNameAt(tokens, i) || latinNameAt(tokens, i)!.split(' ').length !== comma - i) return MAX_AFTER_SUBJECT;
  return MAX_AFTER_APPOSITION;
}


export function lowerAll(tokens: readonly Token[]): string[] {
  return tokens.map((t) => t.text.toLowerCase().replace(/’/g, "'"));
}

/**
 * "According to X": X, unless X is a document or an account, which names
 * its issuer ("according to a statement from the Foreign Ministry"), else
 * nobody ("according to the report") or, with a pronoun, the person whose it
 * is (« d’après le récit qu’elle livre » → the last woman quoted).
 */
export function accordingTo(phrase: LatinPhrase, tokens: readonly Token[], fragment: boolean): Attribution {
  const issuer = documentIssuer(tokens);
  if (issuer) return { phrase: issuer, continuation: false, gender: issuer.gender ?? 'unknown', fragment };
  const owner = documentOwner(phrase, tokens);
  if (owner === undefined) return { phrase, continuation: false, gender: phrase.gender ?? 'unknown', fragment };
  return { continuation: owner !== 'unknown', gender: owner, fragment };
}

/**
 * "according to him", « selon elle »: a pronoun alone (the end of the
 * clause after it) is the person named last, of its gender; `undefined` when
 * the words are no such pronoun ("according to her lawyer").
 */
export function pronounSource(tokens: readonly Token[], fragment: boolean): Attribution | undefined {
  const gender = tokens[0] && !tokens[0].punct ? SOURCE_PRONOUNS.get(tokens[0].text.toLowerCase()) : undefined;
  const next = tokens[1];
  if (gender === undefined || (next !== undefined && !next.punct)) return undefined;
  return { continuation: true, gender, fragment };
}

/**
 * The antecedent of a relative pronoun subject: "… the Palestinian Dialogue
 * Group in Turkey, which says" → that group; "… Jane Smith, who said" → Jane
 * Smith. `undefined` when the verb at `v` has no relative subject; `null`
 * when it has one whose antecedent is not a name (nobody is better than the
 * last speaker).
 */
export function relativeSubject(tokens: readonly Token[], lowered: readonly string[], v: number): LatinPhrase | null | undefined {
  let r = v - 1;
  while (r > 0 && LATIN_AUX.has(lowered[r]!)) r--;
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
export function opinionOf(tokens: readonly Token[], lowered: readonly string[], speechWord: SpeechWordReader): Attribution | null {
  if ((lowered[0] !== 'pour' && lowered[0] !== 'for') || lowered.some((w, k) => speechWord(lowered, k) !== null)) return null;
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

/**
 * « Pour lui, … », « À ses yeux, … », "For her, …", "In his view, …": the
 * opinion of the person named last (a singular pronoun or possessive opens
 * the sentence, no speech verb in it); undefined when the sentence opens
 * otherwise.
 */
export function opinionOfPronoun(lowered: readonly string[], speechWord: SpeechWordReader): Attribution | undefined {
  const comma = lowered.indexOf(',');
  if (comma < 2 || comma > 3 || lowered.some((w, k) => speechWord(lowered, k) !== null)) return undefined;
  let gender: Gender | undefined;
  if (comma === 2 && (lowered[0] === 'pour' || lowered[0] === 'for')) gender = SOURCE_PRONOUNS.get(lowered[1]!);
  else if (comma === 3 && /^(?:in|à|a)$/u.test(lowered[0]!) && VIEW_NOUNS.has(lowered[2]!)) gender = VIEW_POSSESSIVES.get(lowered[1]!);
  if (gender === undefined || (gender === 'unknown' && lowered[1] !== 'ses' && lowered[1] !== 'son')) return undefined;
  return { continuation: true, gender, fragment: comma < lowered.length - 1 };
}

/** The gender of a pronoun right after a speech verb, referring to its subject (qu'elle, que il, she, that he). */
export function ownPronoun(lowered: readonly string[], k: number): Gender | undefined {
  let w = lowered[k];
  if (w === 'que' || w === 'that') w = lowered[k + 1];
  if (w === "qu'elle" || w === 'elle' || w === 'she') return 'f';
  if (w === "qu'il" || w === 'il' || w === 'he') return 'm';
  return undefined;
}

/** The subject tokens before the verb at `v`: from the clause start, without auxiliaries. */
export function latinClause(tokens: readonly Token[], lowered: readonly string[], v: number): Token[] {
  let end = v;
  while (end > 0 && LATIN_AUX.has(lowered[end - 1]!)) end--;
  let start = end;
  while (start > 0) {
    const w = lowered[start - 1]!;
    if (w === '.' || w === ';' || w === ':' || w === '!' || w === '?' || CLAUSE_BREAKS.has(w) || THAT.test(w)) break;
    if (end - start >= 14) break;
    start--;
  }
  return tokens.slice(start, end);
}


/**
 * A quote after "that"/"que" plus words, or after other words than an object
 * of "told" and adverbials ("Brown said the budget was …"), is embedded in
 * the sentence.
 */
export function latinFragment(after: readonly Token[], lowered: readonly string[], verb: string): boolean {
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

