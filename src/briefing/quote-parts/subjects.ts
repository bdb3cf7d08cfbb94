/**
 * Named subjects of sentences without a quotation: `Treasury Secretary Janet
 * Yellen told lawmakers…`, `La maire de Paris Anne Hidalgo a critiqué…`,
 * `ورفض وزير الدفاع الإسرائيلي أفيغدور ليبرمان…`. A later "she said",
 * `a-t-elle ajouté` or `وكتب` refers to the most recent of them, so they are
 * recorded in the speaker registry even when they say nothing quoted.
 */
import { isArabicRoleNoun, isDefiniteToken, parseArabicPhraseAt, type Phrase } from './packs/ar/phrase';
import { AR_NOT_VERBS, DOCUMENT_ANAPHORS } from './packs/ar/lexicon';
import { isTitleWord, parseLatinSubject, type LatinPhrase } from './packs/latin/phrase';
import { isCapitalized, type Token } from './tokens';
import type { Gender } from '../speech-verbs';

/** A subject found, with the gender the verb or title tells. */
export interface NamedSubject {
  phrase: Phrase;
  gender: Gender;
  /** A single capitalised word (`Raman also addressed…`): a subject only when it is the surname of someone already named. */
  surnameOnly?: boolean;
  /**
   * The sentence may carry the subject's words: it runs on unfinished (into a quotation) or names a
   * document (`أصدر المكتب … بيانا`). Otherwise the subject is only named (`ورفض الوزير …`) and is
   * not the issuer a later `وأضاف البيان` points back to.
   */
  speaking?: boolean;
}

/** Most words read from a sentence start looking for its subject. */
const SUBJECT_WINDOW = 14;

/** Finite verbs and auxiliaries that may follow a subject (besides -ed/-s forms). */
const LATIN_VERBS = new Set(['has', 'had', 'have', 'was', 'is', 'will', 'would', 'could', 'can', 'may', 'might', 'did', 'does', 'told',
  'met', 'led', 'spoke', 'made', 'gave', 'took', 'went', 'sent', 'wrote', 'said', 'a', 'avait', 'est', 'était', 'va', 'doit', 'peut',
  'ont', 'sont', "s'est", 'se', 'ne', "n'a", "n'est", 'struck', 'took', 'sent', 'won', 'lost', 'began', 'came', 'ran', 'sought', 'fought',
  'urged', 'faced', 'held', 'left', 'kept', 'brought', 'spent', 'stood', 'chose', 'flew', 'saw', 'knew', 'got', 'put', 'set', 'cut']);

function lower(t: Token): string {
  return t.text.toLowerCase().replace(/’/g, "'");
}

/** The sentences of a token run (split at . ! ? ؟ ;), and whether each is ended by one of these marks. */
function* sentences(tokens: readonly Token[]): Generator<{ words: readonly Token[]; ended: boolean }> {
  let start = 0;
  for (let i = 0; i < tokens.length; i++) {
    const n = tokens[i]!.norm;
    if (n === '.' || n === '!' || n === '?' || n === '؟' || n === ';' || n === '؛') {
      if (i > start) yield { words: tokens.slice(start, i), ended: true };
      start = i + 1;
    }
  }
  if (start < tokens.length) yield { words: tokens.slice(start), ended: false };
}

/** A document noun in the sentence (`بيانا`، `في بيان`، `التقرير`): its subject issued words. */
function namesDocument(sentence: readonly Token[]): boolean {
  return sentence.some((t) => !t.punct && (DOCUMENT_ANAPHORS.has(t.norm) || DOCUMENT_ANAPHORS.has(t.norm.replace(/ا$/u, '')) || DOCUMENT_ANAPHORS.has(t.norm.replace(/^[وب]/u, ''))));
}

/** Lower-case words inside a subject phrase, never its verb. */
const LATIN_LINKS = new Set(['of', 'for', 'at', 'in', 'on', 'from', 'and', 'de', 'du', 'des', "d'", 'la', 'le', 'les', "l'", 'the', 'et', 'à',
  'au', 'aux', 'van', 'von', 'der', 'den', 'da', 'di', 'bin', 'ibn', 'al', 'el', 'y', 'a.', 'who', 'qui', 'dont']);

function latinVerbLike(t: Token): boolean {
  const w = lower(t);
  if (t.punct || isCapitalized(t.text) || isTitleWord(t) || LATIN_LINKS.has(w)) return false;
  return LATIN_VERBS.has(w) || (/^[a-zà-ÿ]+(ed|es|s)$/u.test(w) && w.length > 3);
}

/** The word before a verb ends a subject: a name or title, possibly followed by an apposition's comma. */
function subjectEndsAt(sentence: readonly Token[], k: number): boolean {
  let p = sentence[k - 1];
  if (p?.norm === ',' && k >= 2) p = sentence[k - 2];
  // An age between commas: `Linda Broussard, 67, spent the night…`.
  if (p && /^\d{1,3}$/u.test(p.text) && sentence[k - 3]?.norm === ',' && k >= 4) p = sentence[k - 4];
  return p !== undefined && !p.punct && (isCapitalized(p.text) || isTitleWord(p));
}

/** Adverbs between a subject and its verb (`Raman also addressed…`, `Le ministre a aussi…`). */
const SUBJECT_ADVERBS = new Set(['also', 'then', 'later', 'reportedly', 'previously', 'once', 'earlier', 'again', 'still', 'already', 'aussi', 'ensuite', 'alors', 'déjà']);

/** Index of the verb at `k` with the adverbs before it skipped back over: where the subject ends. */
function withoutAdverbs(sentence: readonly Token[], k: number): number {
  let e = k;
  while (e > 1 && SUBJECT_ADVERBS.has(lower(sentence[e - 1]!))) e--;
  return e;
}

/** The weak-gender mark of a phrase, to pass on. */
function weak(phrase: LatinPhrase): { weakGender?: true } {
  return phrase.weakGender ? { weakGender: true } : {};
}

/** `Janet Yellen testified…`, `The mayor, Ann Lee, announced…`: a named subject opening the sentence. */
function latinSubject(sentence: readonly Token[]): NamedSubject | null {
  // The first verb right after a capitalised word ends the subject (`La maire de Paris Anne Hidalgo a`).
  let k = 1;
  const end = Math.min(sentence.length, SUBJECT_WINDOW);
  while (k < end && !(latinVerbLike(sentence[k]!) && subjectEndsAt(sentence, withoutAdverbs(sentence, k)))) k++;
  if (k >= end) return null;
  k = withoutAdverbs(sentence, k);
  const phrase: LatinPhrase = parseLatinSubject(sentence.slice(0, k));
  if (phrase.pronoun !== undefined) return null;
  const gender = phrase.gender ?? 'unknown';
  // A definite role alone (le Premier ministre, the mayor) is a subject too.
  if (!phrase.name) {
    const role = phrase.role?.trim() ?? '';
    return /^(the|le|la|l')\s/iu.test(role) && isTitleWord(sentence[k - 1]!) ? { phrase: { role, ...weak(phrase) }, gender } : null;
  }
  // One capitalised word opening a sentence may be any noun ("Economists were…"): only with a role, or as a known surname.
  if (!phrase.name.includes(' ') && !phrase.role) return { phrase: { name: phrase.name }, gender, surnameOnly: true };
  return { phrase: { name: phrase.name, ...(phrase.role ? { role: phrase.role } : {}), ...weak(phrase) }, gender };
}


/** `ورفض وزير الدفاع الإسرائيلي أفيغدور ليبرمان…`: a verb, then a role and a name. */
function arabicSubject(sentence: readonly Token[]): NamedSubject | null {
  let v = 0;
  // Skip a leading adverbial (من جانبه، …).
  const comma = sentence.findIndex((t) => t.norm === '،' || t.norm === ',');
  if (comma !== -1 && comma <= 3) v = comma + 1;
  const verb = sentence[v];
  if (!verb || verb.punct || isDefiniteToken(verb) || isArabicRoleNoun(verb.norm) || AR_NOT_VERBS.has(verb.norm)) return null;
  const head = sentence[v + 1];
  if (!head || head.punct) return null;
  const gender: Gender = /ت$/u.test(verb.norm) && verb.norm.length >= 4 ? 'f' : 'm';
  // وغادر ترامب القمة: a lone name after the verb, a subject only as the surname of someone already named.
  if (!isArabicRoleNoun(head.norm)) return knownSurnameAfter(sentence, v + 1, gender);
  const words = sentence.slice(v + 1, v + 1 + SUBJECT_WINDOW);
  const { phrase, end } = parseArabicPhraseAt(words, true);
  if (!phrase.name || !phrase.role) return null;
  // ونقلت المتحدثة باسم الرئيس جان كلود يونكر عنه: the subject passes on another's words (the name may be cut short here).
  if (words.slice(end, end + 2).some((t) => t.norm === 'عنه' || t.norm === 'عنها')) return null;
  return { phrase, gender };
}

/** A one-word name (no ال) right after the verb at `at - 1`, as a surname to look up among those already named. */
function knownSurnameAfter(sentence: readonly Token[], at: number, gender: Gender): NamedSubject | null {
  const word = sentence[at]!;
  if (isDefiniteToken(word)) return null;
  const { phrase } = parseArabicPhraseAt(sentence.slice(at, at + 1), true);
  return phrase.name && !phrase.role ? { phrase: { name: phrase.name }, gender, surnameOnly: true } : null;
}

/** The named subjects of the sentences of `tokens`, in order. */
export function namedSubjects(tokens: readonly Token[], arabic: boolean): NamedSubject[] {
  const out: NamedSubject[] = [];
  for (const { words, ended } of sentences(tokens)) {
    const found = arabic ? arabicSubject(words) : latinSubject(words);
    if (found) out.push(!ended || (arabic && namesDocument(words)) ? { ...found, speaking: true } : found);
  }
  return out;
}
