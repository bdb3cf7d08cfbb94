/** `وقال السفير الروسي لدى الأمم المتحدة أوليغ بورميستروف إن "…"`: the phrase after the verb, up to إن/أن/`:`. */
import { speechVerb, verbClause, type ArabicBeforeContext } from '../context';
import type { Rule } from '../../types';
import { hasPhrase } from '../../../clause';

export const subjectAfterVerb: Rule<ArabicBeforeContext> = {
  name: 'subject-after-verb',
  examples: [
    { input: 'وقال السفير الروسي لدى الأمم المتحدة أوليغ بورميستروف إن "الحل سياسي"', expected: { role: 'السفير الروسي لدى الأمم المتحدة', name: 'أوليغ بورميستروف', gender: 'm', fragment: false } },
    { input: 'وقالت خديجة بن قنة: "لا نملك شيئا"', expected: { name: 'خديجة بن قنة', gender: 'f' } },
    { input: 'وصرح بلاتيني "لن أستقيل"', expected: { name: 'بلاتيني', fragment: false } },
  ],
  match(context) {
    const speech = speechVerb(context);
    if (!speech) return undefined;
    const { phrase, fragment } = verbClause(context, speech.v);
    return hasPhrase(phrase) ? { phrase, continuation: false, gender: speech.match.gender, fragment } : undefined;
  },
};
