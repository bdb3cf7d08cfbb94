/** `أردوغان، الذي دعا الوزير …`: the relative's antecedent speaks, what follows is the object. */
import { antecedentBefore } from '../clauses';
import { speechVerb, verbClause, type ArabicBeforeContext } from '../context';
import { hasPhrase } from '../../../clause';
import { RELATIVES } from '../lexicon';
import { NEXT_WORD, type Rule } from '../../types';
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
    { input: 'ورأى الوزير أن الشروط التي أقرها البرلمان "ظالمة"', expected: { role: 'الوزير', gender: 'm' } },
  ],
  match(context) {
    const speech = speechVerb(context);
    const { tokens } = context;
    if (!speech || speech.v === 0 || !RELATIVES.has(tokens[speech.v - 1]!.norm)) return undefined;
    // حركة "حسم" التي تعتبرها …: the verb's object pronoun is the antecedent, not its speaker; the other rules
    // read the sentence's subject. With a subject of its own (الشروط التي أقرها البرلمان) the relative clause
    // is skipped whole: the speaker is named before it.
    if (takesAntecedentAsObject(tokens[speech.v]!.norm)) return hasPhrase(verbClause(context, speech.v).phrase) ? NEXT_WORD : undefined;
    const antecedent = antecedentBefore(tokens, speech.v - 1);
    return antecedent ? { phrase: antecedent, continuation: false, gender: speech.match.gender, fragment: true } : undefined;
  },
};
