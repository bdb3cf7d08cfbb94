/** `وكتب آخر`, `وقال ثالث`: someone new and unnamed speaks, not the last speaker. */
import { speechVerb, verbClause, type ArabicBeforeContext } from '../context';
import { ANONYMOUS } from '../lexicon';
import type { Rule } from '../../types';

export const unnamedSubject: Rule<ArabicBeforeContext> = {
  name: 'unnamed-subject',
  examples: [
    { input: 'وقال آخر: "لم نر شيئا"', expected: { continuation: false, gender: 'm' } },
  ],
  match(context) {
    const speech = speechVerb(context);
    if (!speech) return undefined;
    const { after, fragment } = verbClause(context, speech.v);
    return ANONYMOUS.has(after[0]?.norm ?? '') ? { continuation: false, gender: speech.match.gender, fragment } : undefined;
  },
};
