/** `أردوغان، الذي دعا الوزير …`: the relative's antecedent speaks, what follows is the object. */
import { antecedentBefore } from '../clauses';
import { speechVerb, type ArabicBeforeContext } from '../context';
import { RELATIVES } from '../lexicon';
import type { Rule } from '../../types';

export const relativeAntecedent: Rule<ArabicBeforeContext> = {
  name: 'relative-antecedent',
  examples: [
    { input: 'وكان الرئيس التركي رجب طيب أردوغان، الذي وصف الهجوم بأنه "عمل إرهابي"', expected: { name: 'رجب طيب أردوغان', fragment: true } },
  ],
  match(context) {
    const speech = speechVerb(context);
    const { tokens } = context;
    if (!speech || speech.v === 0 || !RELATIVES.has(tokens[speech.v - 1]!.norm)) return undefined;
    const antecedent = antecedentBefore(tokens, speech.v - 1);
    return antecedent ? { phrase: antecedent, continuation: false, gender: speech.match.gender, fragment: true } : undefined;
  },
};
