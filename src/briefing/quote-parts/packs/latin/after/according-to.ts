/** `"…," according to the mayor`, « …, selon le préfet »: the source named (a document names nobody; a pronoun alone, selon elle, is the last speaker). */
import { accordingTo as documentOrSource, pronounSource } from '../clauses';
import type { LatinAfterContext } from '../context';
import { parseLatinInverted } from '../phrase';
import type { Rule } from '../../types';
import { hasPhrase } from '../../../clause';

export const accordingToAfter: Rule<LatinAfterContext> = {
  name: 'according-to-after',
  examples: [
    { language: 'en', input: '"The bridge will reopen," according to the mayor.', expected: { role: 'the mayor' } },
    { language: 'fr', input: '« La situation est grave », selon Anne Vignot.', expected: { name: 'Anne Vignot' } },
    { language: 'fr', input: '« La situation est grave », selon lui.', expected: { continuation: true, gender: 'm' } },
    { language: 'en', input: '"The bridge will reopen," according to her.', expected: { continuation: true, gender: 'f' } },
  ],
  match({ tokens, v, match }) {
    if (match.kind !== 'according') return undefined;
    const rest = tokens.slice(v + match.length);
    const pronoun = pronounSource(rest, false);
    if (pronoun) return pronoun;
    const phrase = parseLatinInverted(rest);
    return hasPhrase(phrase) ? documentOrSource(phrase, rest, false) : null;
  },
};
