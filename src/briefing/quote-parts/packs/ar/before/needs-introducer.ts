/** `ترى زميلا لها`, `يعتبره زعيما`: a verb of opinion without إن/أن or a colon takes an object, it reports no words. */
import { speechVerb, verbClause, type ArabicBeforeContext } from '../context';
import { NEXT_WORD, type Rule } from '../../types';
import { needsArabicIntroducer } from '../../../../speech-verbs';

export const needsIntroducer: Rule<ArabicBeforeContext> = {
  name: 'needs-introducer',
  examples: [
    { input: 'وترى الأم ابنها "بطلا"', expected: null },
  ],
  match(context) {
    const speech = speechVerb(context);
    if (!speech || !needsArabicIntroducer(context.tokens[speech.v]!.norm)) return undefined;
    return verbClause(context, speech.v).stop === -1 ? NEXT_WORD : undefined;
  },
};
