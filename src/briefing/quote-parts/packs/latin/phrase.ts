/**
 * Split an English or French speaker phrase into a role and a name:
 * "Jane Smith, the mayor" / "the mayor, Jane Smith" / "Mayor Jane Smith" /
 * "le ministre de l'Intérieur Gérald Darmanin".
 */
import type { Phrase } from '../ar/phrase';
import {
  TITLES, NOT_NAMES, AFTER_CUTS, FEMININE, MASCULINE, FILLERS, DOCUMENTS, POSSESSORS, PARTICLES, OF_WORDS, APPOSITION_STARTS, CLAUSE_STARTS,
  ARTICLE_LINKS, CLAUSE_WORDS, INSTITUTIONS, ISSUED, ISSUER_LINKS,
} from './lexicon';
import type { Gender } from '../../../speech-verbs';
import { PRONOUNS } from '../../../speech-verbs';
import { isCapitalized, type Token } from '../../tokens';

/** A speaker phrase with the extra facts Latin-script text gives. */
export interface LatinPhrase extends Phrase {
  /** Set when the subject is a pronoun (he, she, il, elle). */
  pronoun?: Gender;
  /** Gender told by a title or role word (Mrs, spokeswoman, la ministre). */
  gender?: Gender;
}

function lower(t: Token): string {
  return t.text.toLowerCase().replace(/’/g, "'");
}

/**
 * Gender told by the words of a phrase, if any: Mrs/Mme/spokeswoman/directrice,
 * `la` before a title (la maire, la ministre) and pronouns are sure; `le`
 * before a title (le maire, le préfet) is only a hint (French often keeps the
 * masculine title for a woman), so it is marked weak.
 */
function genderOf(tokens: readonly Token[]): { gender: Gender; weak: boolean } | undefined {
  let hint: Gender | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const w = lower(tokens[i]!);
    // French articles tell the gender of a title only: la ministre, le maire.
    // (any lower-case noun after the article at the head of the phrase: le préfet, la porte-parole).
    const next = tokens[i + 1];
    if ((w === 'la' || w === 'le') && next && (TITLES.has(lower(next)) || (i === 0 && !isCapitalized(next.text)))) {
      if (w === 'la') return { gender: 'f', weak: false };
      hint ??= 'm';
      continue;
    }
    if (FEMININE.has(w)) return { gender: 'f', weak: false };
    if (MASCULINE.has(w)) return { gender: 'm', weak: false };
  }
  return hint ? { gender: hint, weak: true } : undefined;
}

function isNameToken(t: Token): boolean {
  const w = lower(t);
  return !t.punct && isCapitalized(t.text) && !NOT_NAMES.has(w) && !/^\d/u.test(w) && !/'s$/u.test(w) && w.length > 1;
}

/** True when the capitalised particle at `k` starts a name with the capitalised word after it (Al Saud, El Saife, De Gaulle). */
function opensName(words: readonly Token[], k: number): boolean {
  const next = words[k + 1];
  return isCapitalized(words[k]!.text) && next !== undefined && isNameToken(next) && !PARTICLES.has(lower(next));
}

/** Analyse one comma-free chunk: trailing capitalised run = name, the rest = role. */
function analyseChunk(chunk: readonly Token[]): LatinPhrase {
  const words = chunk.filter((t) => !t.punct);
  if (words.length === 0) return {};
  if (words.length === 1) {
    const pronoun = PRONOUNS.get(lower(words[0]!));
    if (pronoun !== undefined) return { pronoun };
  }
  // Trailing run of capitalised words and particles.
  let start = words.length;
  while (start > 0) {
    const t = words[start - 1]!;
    if (isCapitalized(t.text) || (PARTICLES.has(lower(t)) && start < words.length && start - 1 > 0)) start--;
    else break;
  }
  // Titles, determiners and sentence adverbs at the head of the run belong to the role.
  // A capitalised particle before another capitalised word opens the name (Al Saud, El Saife).
  while (start < words.length && (TITLES.has(lower(words[start]!)) || NOT_NAMES.has(lower(words[start]!)) || (PARTICLES.has(lower(words[start]!)) && !opensName(words, start)))) start++;
  // "mayor of Springfield": a run right after "of" names a place, not the speaker.
  let before = start - 1;
  while (before > 0 && /^(la|le|les|the)$/u.test(lower(words[before]!))) before--; // de la Santé, of the Treasury
  if (before >= 0 && start < words.length && OF_WORDS.has(lower(words[before]!))) {
    start++;
    // "economist at Grant Thornton": one word left is the rest of the place, not a person.
    if (words.length - start < 2) start = words.length;
  }
  while (start < words.length && !isNameToken(words[start]!)) start++;
  // A title inside the run belongs to the role: "Treasury Secretary Janet Yellen", "Federal Reserve Chair Jerome Powell".
  for (let k = words.length - 2; k >= start; k--) {
    if (TITLES.has(lower(words[k]!)) && isCapitalized(words[k]!.text)) {
      start = k + 1;
      break;
    }
  }
  // "Capt. Maria Lopez of the fire department": no name at the end, the name stands before "of".
  if (start >= words.length) {
    const of = words.findIndex((t, k) => k > 0 && OF_WORDS.has(lower(t)) && isNameToken(words[k - 1]!));
    if (of !== -1) {
      const head = analyseChunk(chunk.slice(0, chunk.indexOf(words[of]!)));
      if (head.name && head.name.includes(' ')) return head;
    }
  }
  // "the US President", "the Foreign Secretary": a capitalised run ending in a title is a role, and names nobody.
  if (start < words.length && TITLES.has(lower(words[words.length - 1]!))) start = words.length;
  const nameTokens = words.slice(start);
  const roleTokens = words.slice(0, start);
  const phrase: LatinPhrase = {};
  if (nameTokens.length > 0 && nameTokens.length <= 5) phrase.name = nameTokens.map((t) => t.text).join(' ');
  else if (nameTokens.length > 5) roleTokens.push(...nameTokens);
  const role = joinWords(roleTokens).trim();
  // An abbreviated title alone ("Capt. said") names nobody; before a name it is the role.
  const roleWords = roleTokens.filter((t) => !FILLERS.has(lower(t)) && (phrase.name !== undefined || !(t.text.endsWith('.') && TITLES.has(lower(t)))));
  if (roleWords.length > 0 && roleTokens.length <= 10) phrase.role = role;
  const gender = genderOf(words);
  if (gender) {
    phrase.gender = gender.gender;
    if (gender.weak) phrase.weakGender = true;
  }
  return phrase;
}

function splitChunks(tokens: readonly Token[]): Token[][] {
  const chunks: Token[][] = [[]];
  for (const t of tokens) {
    if (t.norm === ',' || t.norm === '—' || t.norm === '–' || t.norm === '(' || t.norm === ')') chunks.push([]);
    else chunks[chunks.length - 1]!.push(t);
  }
  // Ages and other bare numbers ("Johnson, 55, said") are not appositions.
  return chunks.filter((c) => c.length > 0 && !c.every((t) => /^\d+$/u.test(t.text)));
}

function merge(core: LatinPhrase, other: LatinPhrase): LatinPhrase {
  const out: LatinPhrase = { ...core };
  if (!out.name && other.name) out.name = other.name;
  if (!out.role && other.role) out.role = other.role;
  if (other.gender && (!out.gender || (out.weakGender && !other.weakGender))) {
    out.gender = other.gender;
    if (other.weakGender) out.weakGender = true;
    else delete out.weakGender;
  }
  return out;
}

/** True when a chunk is an introductory phrase, not a speaker (In a statement, On Monday). */
function isAdverbial(chunk: readonly Token[]): boolean {
  const first = chunk[0] ? lower(chunk[0]) : '';
  return /^(in|on|at|after|before|during|speaking|asked|earlier|later|meanwhile|however|still|for|with|as|like|by|from|since|according|d'après|en|à|au|aux|depuis|dans|lors|après|avant|pendant|interrogé|interrogée|mais|ensuite|puis|pour|avec|comme|par|selon)$/u.test(first);
}

/**
 * A definite descriptor of a person that is no office: `la syndicaliste`,
 * `the analyst`, `l’ancienne ministre` is an office and is left out (the
 * article may have several ministers; an office is resolved by name only).
 */
export function isLatinDescriptor(role: string): boolean {
  const words = role.toLowerCase().replace(/’/g, "'").split(/\s+/u);
  let k = 0;
  if (words[0] === 'the' || words[0] === 'la' || words[0] === 'le') k = 1;
  else if (words[0]?.startsWith("l'")) words[0] = words[0].slice(2);
  else return false;
  const rest = words.slice(k);
  return rest.length >= 1 && rest.length <= 3 && !rest.some((w) => TITLES.has(w) || DOCUMENTS.has(w)) && /^\p{Ll}/u.test(rest[0]!);
}

/**
 * A speaker phrase that is a document or account rather than a person:
 * `undefined` when it is none; else the gender of the person whose it is
 * (her account → 'f'), or 'unknown' when the phrase does not say.
 */
export function documentOwner(phrase: LatinPhrase, tokens: readonly Token[]): Gender | undefined {
  if (phrase.name !== undefined || phrase.role === undefined) return undefined;
  const head = phrase.role.split(/\s+/u).map((w) => w.toLowerCase()).find((w) => !FILLERS.has(w) && !NOT_NAMES.has(w));
  if (head === undefined || !DOCUMENTS.has(head)) return undefined;
  for (const t of tokens) {
    const g = POSSESSORS.get(lower(t));
    if (g !== undefined) return g;
  }
  return 'unknown';
}

/**
 * The issuer named right after the document noun that heads `tokens`: "a
 * statement from the Foreign Ministry", « un communiqué du ministère des
 * Affaires étrangères », "a report issued by Amnesty International". A
 * capitalised word must name it ("a statement from the ministry" names
 * nobody the article can be sure of); an institution is kept whole as the
 * speaker, a person is split into role and name. `undefined` when no issuer
 * is named.
 */
export function documentIssuer(tokens: readonly Token[]): LatinPhrase | undefined {
  const doc = tokens.findIndex((t) => !FILLERS.has(lower(t)));
  if (doc === -1 || !DOCUMENTS.has(lower(tokens[doc]!))) return undefined;
  let link = doc + 1;
  if (tokens[link] && ISSUED.has(lower(tokens[link]!))) link++;
  if (!tokens[link] || !ISSUER_LINKS.has(lower(tokens[link]!))) return undefined;
  const rest = tokens.slice(link + 1);
  const end = rest.findIndex((t) => t.punct);
  const words = end === -1 ? rest : rest.slice(0, end);
  if (!words.some((t) => isCapitalized(t.text.replace(/^[ld]['’]/u, ''))) || words.some((t) => DOCUMENTS.has(lower(t)))) return undefined;
  if (words.some((t) => INSTITUTIONS.has(lower(t)))) return { role: joinWords(words) };
  const phrase = parseLatinInverted(words);
  return phrase.name !== undefined || phrase.role !== undefined ? phrase : undefined;
}

/** Tokens back to text: no space before an apostrophe or a period (l'Intérieur, U.K.). */
export function joinWords(tokens: readonly Token[]): string {
  return tokens.map((t) => t.text).join(' ').replace(/ (['’.])/gu, '$1').replace(/\b([A-Z])\. (?=[A-Z]\.)/gu, '$1.');
}

/** A chunk made of a name alone (2 to 5 words: Lina Khatib, Charles de Gaulle). */
function bareName(chunk: readonly Token[]): string | undefined {
  const name = latinNameAt(chunk, 0);
  if (!name) return undefined;
  const count = name.split(' ').length;
  return count >= 2 && count === chunk.filter((t) => !t.punct).length ? name : undefined;
}

/**
 * "Name, the Y of Z": a bare name and an apposition opening with an article
 * or possessive. The apposition is all role, even when it names a place or
 * an institution ("an expert at U.K. think-tank Chatham House").
 */
function apposition(nameChunk: readonly Token[] | undefined, roleChunk: readonly Token[] | undefined): LatinPhrase | undefined {
  if (!nameChunk || !roleChunk || roleChunk.length > 14 || !APPOSITION_STARTS.has(lower(roleChunk[0]!))) return undefined;
  const name = bareName(nameChunk);
  if (!name) return undefined;
  const phrase: LatinPhrase = { name, role: joinWords(roleChunk) };
  const gender = genderOf(roleChunk);
  if (gender) {
    phrase.gender = gender.gender;
    if (gender.weak) phrase.weakGender = true;
  }
  return phrase;
}

/**
 * The speaker phrase standing before its verb: `tokens` run from the start
 * of the clause to the verb ("Jane Smith, the mayor," / "The mayor").
 */
export function parseLatinSubject(tokens: readonly Token[]): LatinPhrase {
  const chunks = splitChunks(tokens).filter((c) => !isAdverbial(c));
  const core = chunks[chunks.length - 1];
  const appositive = apposition(chunks[chunks.length - 2], core);
  if (appositive) return appositive;
  if (!core || core.length > 12) return {};
  const phrase = analyseChunk(core);
  if (phrase.pronoun !== undefined) return phrase;
  const prev = chunks[chunks.length - 2];
  if (prev && prev.length <= 8 && (!phrase.name || !phrase.role)) return merge(phrase, analyseChunk(prev));
  return phrase;
}

/**
 * The speaker phrase standing after an inverted verb or "according to":
 * `tokens` run from just after the verb ("the mayor, Jane Smith." /
 * "Smith, who …").
 */
export function parseLatinInverted(tokens: readonly Token[]): LatinPhrase {
  const cut: Token[] = [];
  for (const t of tokens) {
    if (t.norm === '.' || t.norm === ';' || t.norm === ':' || t.norm === '!' || t.norm === '?') break;
    if (AFTER_CUTS.has(lower(t)) && cut.length > 0 && !(lower(t) === 'of' || lower(t) === 'de' || lower(t) === 'du' || lower(t) === 'des' || lower(t) === 'for')) break;
    cut.push(t);
    if (cut.length >= 16) break;
  }
  const chunks = splitChunks(cut);
  const core = chunks[0];
  if (!core) return {};
  const appositive = apposition(core, chunks[1]);
  if (appositive) return appositive;
  const phrase = analyseChunk(core);
  if (phrase.pronoun !== undefined) return phrase;
  const next = chunks[1];
  if (next && next.length <= 8 && (!phrase.name || !phrase.role)) return merge(phrase, analyseChunk(next));
  return phrase;
}

/** The capitalised name right after index `from` (skipping one comma), for "Mayor Jane Smith" / "the mayor, Jane Smith". */
export function latinNameAt(tokens: readonly Token[], from: number): string | undefined {
  let i = from;
  if (tokens[i]?.norm === ',') i++;
  const name: string[] = [];
  while (i < tokens.length && name.length < 4) {
    const t = tokens[i]!;
    if (isNameToken(t) && !TITLES.has(lower(t))) name.push(t.text);
    else if (PARTICLES.has(lower(t)) && name.length > 0 && tokens[i + 1] && isCapitalized(tokens[i + 1]!.text)) name.push(t.text);
    else break;
    i++;
  }
  return name.length ? name.join(' ') : undefined;
}

/** The capitalised name ending just before index `end` ("Jane Smith, the mayor"), skipping one comma. */
export function latinNameBefore(tokens: readonly Token[], end: number): string | undefined {
  let i = end - 1;
  if (tokens[i]?.norm === ',') i--;
  const name: string[] = [];
  while (i >= 0 && name.length < 4) {
    const t = tokens[i]!;
    if (isNameToken(t) && !TITLES.has(lower(t))) name.unshift(t.text);
    else break;
    i--;
  }
  return name.length ? name.join(' ') : undefined;
}

/** True for a title or role word that may stand in a subject (Chair, ministre, porte-parole). */
export function isTitleWord(t: Token): boolean {
  return !t.punct && TITLES.has(lower(t));
}

/**
 * True when a role standing without a name is a run of a sentence rather
 * than a speaker: it ends in a pronoun, holds the verb of a clause, or runs
 * a second phrase on without a preposition ("The only body swerve the
 * president performed was when I").
 */
export function clauseLikeRole(text: string): boolean {
  const words = text.trim().split(/\s+/u);
  if (CLAUSE_STARTS.has(words[words.length - 1]!.toLowerCase()) || words.some((w) => CLAUSE_WORDS.has(w.toLowerCase()))) return true;
  return words.some((w, k) => k > 0 && /^(the|le|la|les)$/u.test(w) && !/,$/u.test(words[k - 1]!) && !ARTICLE_LINKS.has(words[k - 1]!.toLowerCase()));
}

/**
 * A plausible English/French speaker phrase: no clause led by a pronoun, no
 * dangling preposition at the end, balanced parentheses.
 */
export function plausibleLatin(text: string): boolean {
  const words = text.trim().split(/\s+/u);
  const first = (words[0] ?? '').toLowerCase();
  const last = (words[words.length - 1] ?? '').toLowerCase().replace(/[),.]+$/u, '');
  if (CLAUSE_STARTS.has(first)) return false;
  if (/^(of|for|at|in|de|du|des|d'|la|le|les|the|and|et|à|au|aux)$/u.test(last)) return false;
  let depth = 0;
  for (const ch of text) {
    if (ch === '(') depth++;
    else if (ch === ')' && --depth < 0) return false;
  }
  return depth === 0;
}
