/** `لكن مارلين عطاالله، من وزارة العمل، قالت:`, `وانفجر كوسبي في الادعاء وقال`: the subject standing before the verb. */
import { arabicSubjectBefore } from '../clauses';
import { speechVerb, verbClause, type ArabicBeforeContext } from '../context';
import type { Rule } from '../../types';
import { hasPhrase } from '../../../clause';

export const subjectFirst: Rule<ArabicBeforeContext> = {
  name: 'subject-first',
  examples: [
    { input: 'لكن مارلين عطاالله قالت: "الأمر صعب"', expected: { name: 'مارلين عطاالله', gender: 'f' } },
  ],
  match(context) {
    const speech = speechVerb(context);
    if (!speech) return undefined;
    const subject = arabicSubjectBefore(context.tokens.slice(0, speech.v));
    return hasPhrase(subject) ? { phrase: subject, continuation: false, gender: speech.match.gender, fragment: verbClause(context, speech.v).fragment } : undefined;
  },
};
