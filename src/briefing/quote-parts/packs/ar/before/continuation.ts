/** `وأضاف: "…"`, `وتابعت`: a verb with no subject of its own; the last speaker goes on. */
import { speechVerb, verbClause, type ArabicBeforeContext } from '../context';
import type { Rule } from '../../types';

export const continuation: Rule<ArabicBeforeContext> = {
  name: 'continuation',
  examples: [
    { input: 'وأضاف: "سنواصل العمل"', expected: { continuation: true, gender: 'm', fragment: false } },
    { input: 'وتابعت "لن نتراجع"', expected: { continuation: true, gender: 'f' } },
  ],
  match(context) {
    const speech = speechVerb(context);
    return speech ? { continuation: true, gender: speech.match.gender, fragment: verbClause(context, speech.v).fragment } : undefined;
  },
};
