/**
 * What a speech word is (verb, participle, "according to"; gender; length),
 * shared by the language packs, and the Arabic speech-word look-up: its
 * tables are built from the word lists of `quote-parts/packs/ar/lexicon.ts`
 * (stored normalised, {@link normalizeArabic}, looked up with or without a
 * و/ف prefix and an object pronoun). The English and French readers are in
 * `quote-parts/packs/en/speech.ts` and `quote-parts/packs/fr/speech.ts`.
 */
import { normalizeArabic } from './arabic';
import {
  AR_ACCORDING, AR_ADDRESSEE, AR_FEM_PAST, AR_MASC_PAST, AR_NEEDS_INTRODUCER, AR_PARTICIPLES, AR_WEAK,
} from './quote-parts/packs/ar/lexicon';

/** Grammatical gender a verb form or pronoun tells about its subject. */
export type Gender = 'm' | 'f' | 'unknown';

/** What kind of attribution word a token is. */
export type SpeechKind =
  /** A verb whose subject is the speaker: قال, said, a déclaré. */
  | 'verb'
  /** A participle continuing the sentence's subject: قائلا, مضيفا. */
  | 'participle'
  /** A preposition introducing the speaker: بحسب, according to, selon. */
  | 'according';

/** A speech word found in a token list. */
export interface SpeechMatch {
  kind: SpeechKind;
  gender: Gender;
  /** Number of tokens the word spans (e.g. "according to" = 2, "a déclaré" = 2). */
  length: number;
  /** Pronoun subject carried by an inverted French form (`a-t-il déclaré`). */
  pronoun?: Gender;
}

const arabicVerbs = new Map<string, SpeechMatch>();
for (const v of AR_MASC_PAST) arabicVerbs.set(normalizeArabic(v), { kind: 'verb', gender: 'm', length: 1 });
for (const v of AR_FEM_PAST) arabicVerbs.set(normalizeArabic(v), { kind: 'verb', gender: 'f', length: 1 });
for (const [v, g] of Object.entries(AR_PARTICIPLES)) arabicVerbs.set(normalizeArabic(v), { kind: 'participle', gender: g, length: 1 });
for (const v of AR_ACCORDING) arabicVerbs.set(normalizeArabic(v), { kind: 'according', gender: 'unknown', length: 1 });
// Plural subjects are "unknown" gender, not masculine.
for (const v of ['قالوا', 'اكدوا', 'اضافوا', 'يقولون']) arabicVerbs.set(v, { kind: 'verb', gender: 'unknown', length: 1 });

/**
 * The Arabic speech word `token` is, if any. `token` must be normalised; a
 * leading و or ف (or both, `فو` never occurs) is ignored.
 */
export function arabicSpeechWord(token: string): SpeechMatch | null {
  return speechForms.get(token) ?? null;
}

/** {@link arabicSpeechWord} worked out from the verb list; {@link speechForms} holds its answers. */
function readSpeechWord(token: string): SpeechMatch | null {
  const direct = arabicVerbs.get(token);
  if (direct) return direct;
  // Shorter words carry no prefix or object pronoun on a speech verb.
  if (token.length < 4) return null;
  return prefixedSpeechWord(token);
}

/** A bare وكتب / فكتب: "and he wrote". */
const WROTE: SpeechMatch = { kind: 'verb', gender: 'm', length: 1 };

/** A speech word with a و/ف prefix or an object pronoun (وقال، ووصفه، سألها). */
function prefixedSpeechWord(token: string): SpeechMatch | null {
  const bare = token.length > 3 && (token.startsWith('و') || token.startsWith('ف')) ? token.slice(1) : token;
  if (bare !== token) {
    const prefixed = arabicVerbs.get(bare);
    if (prefixed) return prefixed;
    // وكتب is the verb "and he wrote"; bare كتب is usually the noun "books".
    if (bare === 'كتب') return WROTE;
  }
  // An object pronoun on the verb: ووصفه، سألها، أبلغهم.
  const cut = bare.endsWith('\u0647') ? 1 : bare.endsWith('\u0647\u0627') || bare.endsWith('\u0647\u0645') ? 2 : 0;
  const object = cut > 0 && bare.length - cut >= 3 ? arabicVerbs.get(bare.slice(0, -cut)) : undefined;
  return object?.kind === 'verb' ? object : null;
}

/**
 * Every form a speech word can take (the verb, with و/ف, with an object
 * pronoun, with both; وكتب/فكتب) and what {@link readSpeechWord} answers for
 * it; a word that is none of these forms is no speech word.
 */
const speechForms = ((): Map<string, SpeechMatch> => {
  const forms = new Map<string, SpeechMatch>();
  const stems = [...arabicVerbs.keys(), 'كتب'];
  for (const stem of stems) {
    for (const prefix of ['', 'و', 'ف']) {
      for (const suffix of ['', '\u0647', '\u0647\u0627', '\u0647\u0645']) {
        const form = prefix + stem + suffix;
        const match = readSpeechWord(form);
        if (match) forms.set(form, match);
      }
    }
  }
  return forms;
})();

/** True when the (normalised, possibly و/ف-prefixed) Arabic speech word speaks only before إن/أن or a colon. */
export function needsArabicIntroducer(token: string): boolean {
  return AR_NEEDS_INTRODUCER.has(token) || (token.length > 3 && /^[وف]/u.test(token) && AR_NEEDS_INTRODUCER.has(token.slice(1)));
}

/** True when the (normalised) Arabic speech verb is followed by the one it addresses (أبلغ ترامب), not by its subject. */
export function isAddresseeArabicVerb(token: string): boolean {
  return AR_ADDRESSEE.test(token);
}

/** True when the (normalised, possibly و/ف-prefixed) Arabic speech word is a weak one. */
export function isWeakArabicSpeechWord(token: string): boolean {
  return AR_WEAK.has(token) || (token.length > 3 && /^[وف]/u.test(token) && AR_WEAK.has(token.slice(1)));
}

/** True when the normalised `token` is a speech word as written, with no و/ف prefix. */
export function isBareArabicSpeechWord(token: string): boolean {
  return arabicVerbs.has(token);
}

/** Subject pronouns and the gender they tell (English and French, lower-case). */
export const PRONOUNS: ReadonlyMap<string, Gender> = new Map([
  ['he', 'm'], ['she', 'f'], ['they', 'unknown'], ['il', 'm'], ['elle', 'f'], ['ils', 'unknown'], ['elles', 'f'],
  ['هو', 'm'], ['هي', 'f'],
]);
