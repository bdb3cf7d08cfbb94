/** `أردوغان، الذي دعا الوزير …`: the relative's antecedent speaks, what follows is the object. */
import { antecedentBefore } from '../clauses';
import { speechVerb, type ArabicBeforeContext } from '../context';
import { RELATIVES } from '../lexicon';
import type { Rule } from '../../types';
import { arabicSpeechWord } from '../../../../speech-verbs';

/** A speech verb with an object pronoun (تعتبرها، يصفه، وصفتهم), not one whose stem ends in ه (نوه). */
function takesAntecedentAsObject(norm: string): boolean {
  const bare = /^(.{3,}?)(ها|هم|ه)$/u.exec(norm)?.[1];
  return bare !== undefined && arabicSpeechWord(norm) !== null && arabicSpeechWord(bare)?.kind === 'verb';
}

export const relativeAntecedent: Rule<ArabicBeforeContext> = {
  name: 'relative-antecedent',
  examples: [
    { input: 'رجب طيب أردوغان، الذي دعا الوزير إلى "التحرك فورا"', expected: { name: 'رجب طيب أردوغان', gender: 'm', fragment: true } },
  ],
  match(context) {
    const speech = speechVerb(context);
    const { tokens } = context;
    if (!speech || speech.v === 0 || !RELATIVES.has(tokens[speech.v - 1]!.norm)) return undefined;
    // حركة "حسم" التي تعتبرها …: the verb's object pronoun is the antecedent; someone else speaks.
    if (takesAntecedentAsObject(tokens[speech.v]!.norm)) return undefined;
    const antecedent = antecedentBefore(tokens, speech.v - 1);
    return antecedent ? { phrase: antecedent, continuation: false, gender: speech.match.gender, fragment: true } : undefined;
  },
};
