/** `Said the mayor: "…"`: the subject after the verb. */
import { fragmentOf, goesOn, onSpeechWord, wordsAfter, type LatinBeforeContext } from '../context';
import { parseLatinInverted } from '../phrase';
import type { Rule } from '../../types';
import { hasPhrase } from '../../../clause';

export const invertedSubject: Rule<LatinBeforeContext> = {
  name: 'inverted-subject',
  examples: [
    { language: 'en', input: 'Said the mayor: "we are ready".', expected: { role: 'the mayor', fragment: false } },
  ],
  match(context) {
    if (!onSpeechWord(context)) return undefined;
    const after = wordsAfter(context);
    const colon = after.findIndex((t) => t.norm === ':');
    const inverted = parseLatinInverted(colon === -1 ? after : after.slice(0, colon));
    if (inverted.pronoun !== undefined) return goesOn(context, inverted.pronoun);
    return hasPhrase(inverted) ? { phrase: inverted, continuation: false, gender: inverted.gender ?? 'unknown', fragment: fragmentOf(context) } : undefined;
  },
};
