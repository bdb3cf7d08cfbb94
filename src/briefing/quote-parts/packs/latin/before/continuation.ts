/** "Added: "…"", « Et d'ajouter : »: a verb with no subject; the last speaker goes on. */
import { goesOn, onSpeechWord, type LatinBeforeContext } from '../context';
import type { Rule } from '../../types';

export const continuation: Rule<LatinBeforeContext> = {
  name: 'continuation',
  examples: [
    { language: 'en', input: 'And then, added: "we are done".', expected: { continuation: true } },
  ],
  match: (context) => (onSpeechWord(context) ? goesOn(context) : undefined),
};
