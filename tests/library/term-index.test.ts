import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { joinTerms, splitTerms } from '../../src/library/match';
import { matchAll, TermIndex } from '../../src/library/term-index';

function index(): TermIndex {
  const idx = new TermIndex();
  idx.add(['bridge', 'river'], 1);
  idx.add(['bridge', 'bride'], 2);
  idx.add(['حكومه', 'الحكومه'], 3);
  return idx;
}

describe('TermIndex', () => {
  it.each([
    ['an exact English term', 'bridge', false, [1, 2]],
    ['an English prefix', 'brid', true, [1, 2]],
    ['a prefix that is not asked for', 'brid', false, []],
    ['an Arabic term', 'حكومه', false, [3]],
    ['an Arabic prefix', 'حكو', true, [3]],
    ['nothing', 'zebra', true, []],
  ])('looks up %s', (_name, term, prefix, expected) => {
    expect([...index().lookup(term, prefix)].sort()).toEqual(expected);
  });

  it('files term lists added in bulk before any lookup, count or removal', () => {
    const idx = new TermIndex();
    for (let id = 1; id <= 5000; id++) idx.addList(id % 2 ? ' bridge river ' : ' bride ', id);
    idx.addList('  ', 5001);
    expect(idx.maxId).toBe(5001);
    expect(idx.count('bridge', false)).toBe(2500);
    expect(idx.lookup('brid', true).size).toBe(5000);
    idx.addList(' bridge ', 5002);
    idx.remove(['bridge'], 5002);
    idx.remove(['bride'], 2);
    const found: number[] = [];
    idx.collect('bride', false, new Uint8Array(idx.maxId + 1), found);
    expect(found).toHaveLength(2499);
    expect(idx.terms).toBe(3);
  });

  it('forgets ids as they are removed, whether a term has one id or several', () => {
    const idx = index();
    idx.remove(['bridge', 'river'], 1);
    expect([...idx.lookup('bridge', false)]).toEqual([2]);
    expect([...idx.lookup('river', true)]).toEqual([]);
    idx.remove(['bridge', 'bride'], 2);
    expect([...idx.lookup('bri', true)]).toEqual([]);
    idx.add(['bridge'], 4);
    expect([...idx.lookup('bri', true)]).toEqual([4]);
  });

  it.each([
    ['every word must match', ['bridge', 'river'], [1]],
    ['no words', [], undefined],
    ['a missing word empties the result', ['bridge', 'zebra'], []],
  ])('matchAll: %s', (_name, words, expected) => {
    const idx = index();
    const result = matchAll(words, (w) => idx.lookup(w, false));
    expect(result ? [...result] : undefined).toEqual(expected);
  });

  it.each([
    ['an exact English term', 'bridge', false, [1, 2]],
    ['an English prefix, each id once', 'bri', true, [1, 2]],
    ['an Arabic prefix', 'حكو', true, [3]],
    ['nothing', 'zebra', true, []],
  ])('collects %s like lookup, and counts at least as many', (_name, term, prefix, expected) => {
    const idx = index();
    const seen = new Uint8Array(idx.maxId + 1);
    const out: number[] = [];
    idx.collect(term, prefix, seen, out);
    expect(out.sort()).toEqual(expected);
    expect([...seen.keys()].filter((id) => seen[id] === 1)).toEqual(expected);
    expect(idx.count(term, prefix)).toBeGreaterThanOrEqual(expected.length);
  });

  it('answers as a plain map of sets would, through any mix of adds, removals and prepares (postings trimmed or not)', () => {
    const term = fc.constantFrom('bridge', 'bride', 'river', 'حكومه', 'الحكومه', 'حكم');
    const op = fc.oneof(
      fc.record({ kind: fc.constant('add' as const), terms: fc.uniqueArray(term, { maxLength: 4 }), id: fc.integer({ min: 1, max: 40 }) }),
      fc.record({ kind: fc.constant('remove' as const), terms: fc.uniqueArray(term, { maxLength: 4 }), id: fc.integer({ min: 1, max: 40 }) }),
      fc.record({ kind: fc.constant('prepare' as const) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 120 }), (ops) => {
        const idx = new TermIndex();
        const plain = new Map<string, Set<number>>();
        const has = new Map<number, Set<string>>();
        for (const o of ops) {
          if (o.kind === 'prepare') idx.prepare();
          else if (o.kind === 'add') {
            // The index is told each id's terms once (as the search index does): add only terms the id lacks.
            const fresh = o.terms.filter((t) => !has.get(o.id)?.has(t));
            idx.addList(joinTerms(fresh), o.id);
            for (const t of fresh) {
              plain.set(t, (plain.get(t) ?? new Set()).add(o.id));
              has.set(o.id, (has.get(o.id) ?? new Set()).add(t));
            }
          } else {
            idx.remove(o.terms, o.id);
            for (const t of o.terms) {
              plain.get(t)?.delete(o.id);
              has.get(o.id)?.delete(t);
            }
          }
        }
        for (const t of ['bridge', 'bride', 'river', 'حكومه', 'الحكومه', 'حكم']) {
          expect([...idx.lookup(t, false)].sort((a, b) => a - b)).toEqual([...(plain.get(t) ?? [])].sort((a, b) => a - b));
        }
        const prefixed = [...plain].filter(([t]) => t.startsWith('bri')).flatMap(([, ids]) => [...ids]);
        expect([...idx.lookup('bri', true)].sort((a, b) => a - b)).toEqual([...new Set(prefixed)].sort((a, b) => a - b));
      }),
    );
  });

  it('keeps term lists as the spaced strings they always were, and splits them back (Arabic, English, French terms)', () => {
    const term = fc.oneof(fc.constantFrom('حكومه', 'بوتين', 'bridge', 'élysée', 'generations'), fc.stringMatching(/^[a-z\u0621-\u064a]{1,8}$/));
    fc.assert(
      fc.property(fc.uniqueArray(term, { maxLength: 12 }), (terms) => {
        expect(joinTerms(terms)).toBe(` ${terms.join(' ')} `);
        expect(splitTerms(joinTerms(terms))).toEqual(terms);
      }),
    );
  });
});
