/**
 * `Maria Lopez: "…"`, « Sophie Binet : « … » », `President Macron: "…"`: a
 * name and a colon before the quote, no verb (headlines, interview lines). A
 * lone word is left alone: `Covid: "…"`, `Gaza: "…"` label a topic as often
 * as `Starmer: "…"` names a speaker.
 */
import type { LatinBeforeContext } from '../context';
import { COLON_LABELS } from '../lexicon';
import { parseLatinSubject } from '../phrase';
import type { Rule } from '../../types';

/** Most words of a name standing alone before a colon ("Prime Minister Keir Starmer"). */
const MAX_NAME_WORDS = 5;

export const nameColon: Rule<LatinBeforeContext> = {
  name: 'name-colon',
  examples: [
    { language: 'en', input: 'Maria Lopez: "We will not back down on the budget"', expected: { name: 'Maria Lopez', fragment: false } },
    { language: 'en', input: 'President Macron: "We will not back down"', expected: { name: 'Macron', role: 'President', fragment: false } },
    { language: 'fr', input: 'Sophie Binet : « Notre désaccord est total »', expected: { name: 'Sophie Binet', fragment: false } },
    { language: 'en', input: 'Update: "The bridge is closed"', expected: null },
  ],
  match({ first, tokens, lowered, speechWord }) {
    if (!first || lowered[lowered.length - 1] !== ':') return undefined;
    const words = tokens.slice(0, -1);
    if (words.length === 0 || words.length > MAX_NAME_WORDS || words.some((t) => t.punct && t.norm !== '.')) return undefined;
    if (words.some((_, k) => speechWord(lowered, k) !== null)) return undefined;
    if (words.some((_, k) => COLON_LABELS.has(lowered[k]!))) return null;
    const phrase = parseLatinSubject(words);
    if (phrase.name === undefined || (!phrase.name.includes(' ') && phrase.role === undefined)) return undefined;
    return { phrase, continuation: false, gender: phrase.gender ?? 'unknown', fragment: false };
  },
};
