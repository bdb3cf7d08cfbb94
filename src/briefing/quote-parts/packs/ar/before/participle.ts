/**
 * `… قائلا: "…"`, `مضيفة`: the sentence's subject speaks — an earlier verb's
 * subject, a name in apposition right before, the subject of the first verb,
 * else the last speaker goes on.
 */
import { appositionBefore, arabicSubjectBefore, introducedFragment } from '../clauses';
import type { ArabicBeforeContext } from '../context';
import type { Rule } from '../../types';

export const participle: Rule<ArabicBeforeContext> = {
  name: 'participle',
  examples: [
    { input: 'وعلق وزير الخارجية على القرار قائلا: "هذا خطأ"', expected: { role: 'وزير الخارجية', gender: 'm' } },
    { input: 'ورد المبعوث الأمريكي، جوناثان غرينبلات، قائلا: "لا"', expected: { name: 'جوناثان غرينبلات', gender: 'm' } },
    { input: 'ثم ختمت حديثها قائلة: "شكرا"', expected: { continuation: true, gender: 'f' } },
  ],
  match({ tokens, at, speech, again }) {
    if (speech?.match.kind !== 'participle') return undefined;
    const { gender } = speech.match;
    const earlier = again(tokens.slice(0, at));
    const fragment = introducedFragment(tokens.slice(at + 1));
    if (earlier?.phrase) return { ...earlier, fragment };
    const apposed = appositionBefore(tokens, at);
    if (apposed) return { phrase: apposed, continuation: false, gender, fragment };
    const subject = arabicSubjectBefore(tokens.slice(0, at));
    if (subject) return { phrase: subject, continuation: false, gender, fragment };
    return { continuation: true, gender, fragment };
  },
};
