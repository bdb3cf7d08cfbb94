/** « Pour Marine Le Pen, « … » » / "For Smith, "…"": the opinion of the person named (no speech verb in the sentence); « Pour lui, … », "In her view, …": of the person named last. */
import { opinionOf, opinionOfPronoun } from '../clauses';
import type { LatinBeforeContext } from '../context';
import type { Rule } from '../../types';

export const opinion: Rule<LatinBeforeContext> = {
  name: 'opinion',
  examples: [
    { language: 'fr', input: 'Pour Marine Le Pen, « le gouvernement a échoué »', expected: { name: 'Marine Le Pen', fragment: false } },
    { language: 'fr', input: 'Pour la syndicaliste, il n’existe qu’une voie pour « sortir de la crise »', expected: { role: 'la syndicaliste', fragment: true, needsName: true } },
    { language: 'fr', input: 'Pour lui, « le gouvernement a échoué »', expected: { continuation: true, gender: 'm', fragment: false } },
    { language: 'fr', input: 'À ses yeux, le gouvernement est « en train de trahir »', expected: { continuation: true, gender: 'unknown', fragment: true } },
    { language: 'en', input: 'In her view, the budget is "a betrayal"', expected: { continuation: true, gender: 'f', fragment: true } },
  ],
  match: ({ first, tokens, lowered, speechWord }) => (first ? opinionOfPronoun(lowered, speechWord) ?? opinionOf(tokens, lowered, speechWord) ?? undefined : undefined),
};
