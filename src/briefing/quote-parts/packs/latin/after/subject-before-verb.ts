/** `"…," the mayor said`, `"…," she said`: the subject between the quote and the verb; nobody when it names no one. */
import type { LatinAfterContext } from '../context';
import { parseLatinSubject } from '../phrase';
import type { Rule } from '../../types';
import { hasPhrase } from '../../../clause';
import { LATIN_AUX } from '../lexicon';

export const subjectBeforeVerbAfter: Rule<LatinAfterContext> = {
  name: 'subject-before-verb-after',
  examples: [
    { language: 'en', input: '"We are ready," the mayor, Jane Smith, said.', expected: { role: 'the mayor', name: 'Jane Smith' } },
    { language: 'en', input: '"We are ready," she said.', expected: { continuation: true } },
  ],
  match({ tokens, lowered, i, v }) {
    const subjectTokens = tokens.slice(i, v).filter((_, k) => !LATIN_AUX.has(lowered[i + k]!));
    if (subjectTokens.length === 0) return undefined;
    const subject = parseLatinSubject(subjectTokens);
    if (subject.pronoun !== undefined) return { continuation: true, gender: subject.pronoun, fragment: false };
    return hasPhrase(subject) ? { phrase: subject, continuation: false, gender: subject.gender ?? 'unknown', fragment: false } : null;
  },
};
