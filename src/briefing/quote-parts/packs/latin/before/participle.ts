/** "…, saying: "…"", « …, estimant que « … » »: a participle with no subject goes on with the sentence's subject. */
import { goesOn, onSpeechWord, type LatinBeforeContext } from '../context';
import type { Rule } from '../../types';

export const participle: Rule<LatinBeforeContext> = {
  name: 'participle',
  examples: [
    { language: 'en', input: 'The talks failed and, saying: "no", he left.', expected: { continuation: true, fragment: false } },
  ],
  match: (context) => (onSpeechWord(context) && context.match.kind === 'participle' ? goesOn(context) : undefined),
};
