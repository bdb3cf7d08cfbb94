/** « tout en prévenant que « … » »: a French gerund goes on with the sentence's subject. */
import { goesOn, onSpeechWord, type LatinBeforeContext } from '../context';
import type { Rule } from '../../types';

export const gerund: Rule<LatinBeforeContext> = {
  name: 'gerund',
  examples: [
    { language: 'fr', input: 'Le ministre a salué l’accord, tout en prévenant que « rien n’est acquis »', expected: { continuation: true, fragment: false } },
  ],
  match: (context) => (onSpeechWord(context) && context.match.kind === 'participle' && context.lowered[context.v - 1] === 'en' ? goesOn(context) : undefined),
};
