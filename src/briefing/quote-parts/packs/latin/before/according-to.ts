/** "according to the mayor", « selon le préfet »: the source named; a document names nobody or, with a pronoun, its owner; a pronoun alone (selon lui) is the last speaker. */
import { accordingTo as documentOrSource, pronounSource } from '../clauses';
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
    { language: 'en', input: 'According to him, the city "will not back down".', expected: { continuation: true, gender: 'm', fragment: true } },
    { language: 'fr', input: 'Selon elle, « la situation est sous contrôle ».', expected: { continuation: true, gender: 'f', fragment: false } },
  ],
  match(context) {
    if (!onSpeechWord(context) || context.match.kind !== 'according') return undefined;
    const after = wordsAfter(context);
    const comma = after.findIndex((t) => t.norm === ',');
    const fragment = comma !== -1 && wordCount(after.slice(comma + 1)) > 0;
    const pronoun = pronounSource(after, fragment);
    if (pronoun) return pronoun;
    const phrase = parseLatinInverted(after);
    if (!hasPhrase(phrase)) return NEXT_WORD;
    return documentOrSource(phrase, after, fragment);
  },
};
