/** `"…," said Jane Smith, the mayor`, « … », a déclaré le maire: the subject after the verb. */
import type { LatinAfterContext } from '../context';
import { parseLatinInverted } from '../phrase';
import type { Rule } from '../../types';
import { hasPhrase } from '../../../clause';

export const invertedSubjectAfter: Rule<LatinAfterContext> = {
  name: 'inverted-subject-after',
  examples: [
    { language: 'en', input: '"We are ready," said Jane Smith, the mayor.', expected: { name: 'Jane Smith', role: 'the mayor' } },
    { language: 'fr', input: '« Rien n’est joué », a déclaré le maire de Besançon.', expected: { role: 'le maire de Besançon' } },
  ],
  match({ tokens, v, match }) {
    const inverted = parseLatinInverted(tokens.slice(v + match.length));
    if (inverted.pronoun !== undefined) return { continuation: true, gender: inverted.pronoun, fragment: false };
    return hasPhrase(inverted) ? { phrase: inverted, continuation: false, gender: inverted.gender ?? 'unknown', fragment: false } : null;
  },
};
