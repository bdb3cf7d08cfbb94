/** `"…," according to the mayor`, « …, selon le préfet »: the source named (a document names nobody). */
import { accordingTo as documentOrSource } from '../clauses';
import type { LatinAfterContext } from '../context';
import { parseLatinInverted } from '../phrase';
import type { Rule } from '../../types';
import { hasPhrase } from '../../../clause';

export const accordingToAfter: Rule<LatinAfterContext> = {
  name: 'according-to-after',
  examples: [
    { language: 'en', input: '"The bridge will reopen," according to the mayor.', expected: { role: 'the mayor' } },
    { language: 'fr', input: '« La situation est grave », selon Anne Vignot.', expected: { name: 'Anne Vignot' } },
  ],
  match({ tokens, v, match }) {
    if (match.kind !== 'according') return undefined;
    const rest = tokens.slice(v + match.length);
    const phrase = parseLatinInverted(rest);
    return hasPhrase(phrase) ? documentOrSource(phrase, rest, false) : null;
  },
};
