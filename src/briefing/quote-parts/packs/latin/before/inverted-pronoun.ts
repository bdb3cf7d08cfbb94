/** « a-t-il déclaré », « souligne-t-elle »: the pronoun is the subject; the last speaker of that gender goes on. */
import { goesOn, onSpeechWord, type LatinBeforeContext } from '../context';
import type { Rule } from '../../types';

export const invertedPronoun: Rule<LatinBeforeContext> = {
  name: 'inverted-pronoun',
  examples: [
    { language: 'fr', input: 'Et, a-t-elle ajouté : « nous ne lâcherons rien »', expected: { continuation: true, gender: 'f' } },
  ],
  match: (context) => (onSpeechWord(context) && context.match.pronoun !== undefined ? goesOn(context, context.match.pronoun) : undefined),
};
