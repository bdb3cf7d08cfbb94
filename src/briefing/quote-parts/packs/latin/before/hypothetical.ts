/** `as if to say "…"`, « comme pour dire « … » »: words nobody said, the writer's reading of a look or a gesture. */
import { HYPOTHETICAL_OPENERS, HYPOTHETICAL_VERBS } from '../lexicon';
import type { LatinBeforeContext } from '../context';
import type { Rule } from '../../types';

/** True when the words ending just before `v` are one of {@link HYPOTHETICAL_OPENERS} (as if to, comme pour). */
function opensHypothesis(lowered: readonly string[], v: number): boolean {
  return HYPOTHETICAL_OPENERS.some((opener) => opener.length <= v && opener.every((w, k) => lowered[v - opener.length + k] === w));
}

export const hypothetical: Rule<LatinBeforeContext> = {
  name: 'hypothetical',
  examples: [
    { language: 'en', input: 'She smiled at Jane Smith as if to say "you think you got me?"', expected: null },
    { language: 'fr', input: 'Jean Martin a haussé les épaules, comme pour dire « à quoi bon ».', expected: null },
  ],
  match: ({ lowered, v }) => (HYPOTHETICAL_VERBS.has(lowered[v]!) && opensHypothesis(lowered, v) ? null : undefined),
};
