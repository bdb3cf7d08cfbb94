/**
 * Every rule of every language pack, on its own examples: the pack reads the
 * words before (or after) the example's quotation, the rule gives a verdict
 * on the way, and the attribution is the one the example expects.
 */
import { describe, expect, it } from 'vitest';
import { PACKS } from '../../src/briefing/quote-parts/packs/registry';
import type { ExpectedAttribution, LanguagePack, RuleExample } from '../../src/briefing/quote-parts/packs/types';
import { tokenize } from '../../src/briefing/quote-parts/tokens';
import type { Attribution } from '../../src/briefing/quote-parts/clause';

/** The words before the example's quotation and those after it. */
function around(input: string): { before: string; after: string } {
  const quote = /["«“][^"»”]*["»”]/u.exec(input);
  if (!quote) throw new Error(`no quotation in example: ${input}`);
  return { before: input.slice(0, quote.index), after: input.slice(quote.index + quote[0].length) };
}

/** What the pack reads on the side of the quotation the rule belongs to. */
function read(pack: LanguagePack, side: 'before' | 'after', example: RuleExample, trace: string[]): Attribution | null {
  const { before, after } = around(example.input);
  if (side === 'before') return pack.before(tokenize(before), trace);
  const tokens = tokenize(after);
  const skip = tokens[0]?.norm === ',' || tokens[0]?.norm === '،' ? 1 : 0;
  return pack.after(tokens, skip, trace);
}

/** The attribution reduced to the facts the example states (name and role always). */
function stated(attribution: Attribution | null, expected: ExpectedAttribution | null): ExpectedAttribution | null {
  if (attribution === null || expected === null) return attribution === null ? null : { name: attribution.phrase?.name, role: attribution.phrase?.role };
  const out: ExpectedAttribution = { name: attribution.phrase?.name, role: attribution.phrase?.role };
  for (const key of ['continuation', 'gender', 'fragment', 'adds', 'needsName'] as const) {
    if (key in expected) (out as Record<string, unknown>)[key] = attribution[key];
  }
  return out;
}

const cases = Object.entries(PACKS).flatMap(([language, pack]) =>
  (['before', 'after'] as const).flatMap((side) =>
    (side === 'before' ? pack.beforeRules : pack.afterRules).flatMap((rule) =>
      rule.examples
        .filter((example) => example.language === undefined || example.language === language)
        .map((example) => ({ language, pack, side, rule: rule.name, example })))));

describe('attribution rules, on their own examples', () => {
  it('every rule of every pack has examples and a name unique in its list', () => {
    for (const pack of Object.values(PACKS)) {
      for (const rules of [pack.beforeRules, pack.afterRules]) {
        expect(new Set(rules.map((r) => r.name)).size).toBe(rules.length);
        for (const rule of rules) expect(rule.examples.length, rule.name).toBeGreaterThan(0);
      }
    }
  });

  it.each(cases)('$language $side · $rule · $example.input', ({ pack, side, rule, example }) => {
    const trace: string[] = [];
    const attribution = read(pack, side, example, trace);
    expect(trace, `rules that gave a verdict: ${trace.join(' → ')}`).toContain(rule);
    const expected = example.expected === null ? null : { name: undefined, role: undefined, ...example.expected };
    expect(stated(attribution, example.expected)).toEqual(expected);
  });
});
