/**
 * Abbreviations that end in a period without ending the sentence.
 */

/** Latin-script abbreviations (lower case, without the period) that never end a sentence. */
export const NEVER_FINAL = new Set([
  'dr', 'mr', 'mrs', 'ms', 'mme', 'mlle', 'mm', 'st', 'ste', 'prof', 'pr', 'gen', 'sen', 'rep', 'gov', 'lt', 'col', 'sgt',
  'capt', 'cmdr', 'adm', 'maj', 'rev', 'hon', 'pres', 'supt', 'insp', 'jr', 'sr', 'mt', 'ft', 'vs',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'cf', 'approx', 'dept',
  'av', 'ave', 'blvd', 'bd', 'mgr', 'env',
]);

/** Abbreviations that never end a sentence when a number follows (`No. 5`, `p. 12`, `art. 49`). */
export const BEFORE_NUMBER = new Set(['no', 'nos', 'nr', 'n', 'p', 'pp', 'art', 'vol', 'fig', 'figs', 'op', 'ca', 'v', 'ch', 'sec']);

/** Abbreviations that end a sentence only when a capitalised word follows (e.g. `etc.`). */
export const MAYBE_FINAL = new Set(['etc', 'inc', 'ltd', 'co', 'corp', 'cie', 'bros', 'al']);

/** Arabic abbreviations (normalised letters, dots removed): د. (doctor), أ.د. (professor), م. (engineer), ق.م … */
export const ARABIC_ABBREVIATIONS = new Set(['د', 'ا', 'اد', 'م', 'ق', 'قم', 'ص', 'ج', 'ه', 'ت', 'ط', 'ش', 'مج', 'ع']);

/** English and French words that commonly start a sentence after an initialism such as `U.S.`. */
export const SENTENCE_STARTERS = new Set([
  'the', 'a', 'an', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'this', 'that', 'these', 'those', 'but', 'and', 'in', 'on',
  'at', 'his', 'her', 'its', 'their', 'our', 'there', 'when', 'while', 'after', 'before', 'however', 'meanwhile', 'yet',
  'le', 'la', 'les', 'il', 'elle', 'ils', 'elles', 'nous', 'vous', 'on', 'un', 'une', 'des', 'mais', 'et', 'en', 'dans',
  'ce', 'cette', 'ces', 'son', 'sa', 'ses', 'leur', 'leurs', 'pour', 'selon', 'depuis', 'après', 'avant',
]);
