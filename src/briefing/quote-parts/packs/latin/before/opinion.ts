/** « Pour Marine Le Pen, « … » » / "For Smith, "…"": the opinion of the person named (no speech verb in the sentence). */
import { opinionOf } from '../clauses';
import type { LatinBeforeContext } from '../context';
import type { Rule } from '../../types';

export const opinion: Rule<LatinBeforeContext> = {
  name: 'opinion',
  examples: [
    { language: 'fr', input: 'Pour Marine Le Pen, « le gouvernement a échoué »', expected: { name: 'Marine Le Pen', fragment: false } },
    { language: 'fr', input: 'Pour la syndicaliste, il n’existe qu’une voie pour « sortir de la crise »', expected: { role: 'la syndicaliste', fragment: true, needsName: true } },
  ],
  match: ({ first, tokens, lowered, speechWord }) => (first ? opinionOf(tokens, lowered, speechWord) ?? undefined : undefined),
};
