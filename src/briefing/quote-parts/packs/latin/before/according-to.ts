/** "according to the mayor", « selon le préfet »: the source named; a document names nobody or, with a pronoun, its owner. */
import { accordingTo as documentOrSource } from '../clauses';
import { onSpeechWord, wordsAfter, type LatinBeforeContext } from '../context';
import { parseLatinInverted } from '../phrase';
import { NEXT_WORD, type Rule } from '../../types';
import { hasPhrase, wordCount } from '../../../clause';

export const accordingTo: Rule<LatinBeforeContext> = {
  name: 'according-to',
  examples: [
    { language: 'en', input: 'According to Mayor Jane Smith, "the bridge will reopen".', expected: { role: 'Mayor', name: 'Jane Smith', continuation: false } },
    { language: 'fr', input: 'Selon le préfet, « la situation est sous contrôle ».', expected: { role: 'le préfet' } },
    { language: 'en', input: 'According to the report, "nothing was done".', expected: { continuation: false } },
  ],
  match(context) {
    if (!onSpeechWord(context) || context.match.kind !== 'according') return undefined;
    const after = wordsAfter(context);
    const phrase = parseLatinInverted(after);
    if (!hasPhrase(phrase)) return NEXT_WORD;
    const comma = after.findIndex((t) => t.norm === ',');
    return documentOrSource(phrase, after, comma !== -1 && wordCount(after.slice(comma + 1)) > 0);
  },
};
