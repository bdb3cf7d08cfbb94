/** "according to the mayor", « selon le préfet »: the source named; a document names nobody or, with a pronoun, its owner; a pronoun alone (selon lui) is the last speaker. */
import { accordingTo as documentOrSource, pronounSource } from '../clauses';
import { onSpeechWord, wordsAfter, type LatinBeforeContext } from '../context';
import { APPOSITION_STARTS } from '../lexicon';
import { parseLatinInverted, type LatinPhrase } from '../phrase';
import { NEXT_WORD, type Rule } from '../../types';
import { hasPhrase, wordCount } from '../../../clause';
import type { Token } from '../../../tokens';

/**
 * The source of "According to Amnesty International, detainees were": the
 * name before the comma alone, when no apposition follows it (the words
 * after the comma are the sentence, not a role); undefined otherwise.
 */
function sourceBeforeComma(after: readonly Token[], comma: number): LatinPhrase | undefined {
  if (comma === -1 || APPOSITION_STARTS.has(after[comma + 1]?.text.toLowerCase() ?? '')) return undefined;
  const own = parseLatinInverted(after.slice(0, comma));
  return own.name !== undefined ? own : undefined;
}

export const accordingTo: Rule<LatinBeforeContext> = {
  name: 'according-to',
  examples: [
    { language: 'en', input: 'According to Mayor Jane Smith, "the bridge will reopen".', expected: { role: 'Mayor', name: 'Jane Smith', continuation: false } },
    { language: 'en', input: 'According to Amnesty International, detainees were "held for weeks".', expected: { name: 'Amnesty International', continuation: false, fragment: true } },
    { language: 'en', input: 'According to a statement from the Foreign Ministry, the strikes were "a violation".', expected: { role: 'the Foreign Ministry', continuation: false } },
    { language: 'fr', input: 'Selon un communiqué du ministère des Affaires étrangères, les frappes sont « une violation ».', expected: { role: 'ministère des Affaires étrangères' } },
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
    const phrase = sourceBeforeComma(after, comma) ?? parseLatinInverted(after);
    if (!hasPhrase(phrase)) return NEXT_WORD;
    return documentOrSource(phrase, after, fragment);
  },
};
