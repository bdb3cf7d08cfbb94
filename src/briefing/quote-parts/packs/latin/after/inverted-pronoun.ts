/** « … », a-t-il ajouté: the pronoun is the subject; the last speaker of that gender goes on. */
import type { LatinAfterContext } from '../context';
import type { Rule } from '../../types';

export const invertedPronounAfter: Rule<LatinAfterContext> = {
  name: 'inverted-pronoun-after',
  examples: [
    { language: 'fr', input: '« Nous ne lâcherons rien », a-t-elle ajouté.', expected: { continuation: true, gender: 'f', adds: true } },
  ],
  match: ({ match }) => (match.pronoun !== undefined ? { continuation: true, gender: match.pronoun, fragment: false } : undefined),
};
