/** "the Palestinian Dialogue Group, which says", "Jane Smith, who said": the relative's antecedent; nobody when it is no name. */
import { relativeSubject as antecedent } from '../clauses';
import { fragmentOf, onSpeechWord, type LatinBeforeContext } from '../context';
import type { Rule } from '../../types';

export const relativeSubject: Rule<LatinBeforeContext> = {
  name: 'relative-subject',
  examples: [
    { language: 'en', input: 'The statement was read by Jane Smith, who said: "we are ready".', expected: { name: 'Jane Smith', fragment: false } },
    { language: 'en', input: 'He spoke to the crowd, who said: "go home".', expected: { continuation: false } },
  ],
  match(context) {
    if (!onSpeechWord(context)) return undefined;
    const relative = antecedent(context.tokens, context.lowered, context.v);
    if (relative === undefined) return undefined;
    return { ...(relative && { phrase: relative }), continuation: false, gender: 'unknown', fragment: fragmentOf(context) };
  },
};
