/** "She said:", « Il a déclaré : »: a pronoun subject; the last speaker of that gender goes on. */
import { goesOn, onSpeechWord, subjectOf, type LatinBeforeContext } from '../context';
import type { Rule } from '../../types';

export const pronounSubject: Rule<LatinBeforeContext> = {
  name: 'pronoun-subject',
  examples: [
    { language: 'en', input: 'She said: "we will appeal".', expected: { continuation: true, gender: 'f' } },
    { language: 'fr', input: 'Il a déclaré : « nous ferons appel ».', expected: { continuation: true, gender: 'm' } },
  ],
  match(context) {
    if (!onSpeechWord(context)) return undefined;
    const { pronoun } = subjectOf(context);
    return pronoun !== undefined ? goesOn(context, pronoun) : undefined;
  },
};
