import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { joinTerms } from '../../src/library/term-list';
import { matchAll, PlainTermIndex, TermIndex } from '../../src/library/term-index';

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

  it('answers as the plain index does, through any mix of adds, removals (one by one and in bulk) and prepares (terms frozen, then overridden by changes)', () => {
    const words = ['bridge', 'bride', 'river', 'حكومه', 'الحكومه', 'حكم', 'straße', 'strasse', 'élysée'];
    const term = fc.constantFrom(...words);
    const op = fc.oneof(
      fc.record({ kind: fc.constant('add' as const), terms: fc.uniqueArray(term, { maxLength: 4 }), id: fc.integer({ min: 1, max: 40 }), bulk: fc.boolean() }),
      fc.record({ kind: fc.constant('remove' as const), terms: fc.uniqueArray(term, { maxLength: 4 }), id: fc.integer({ min: 1, max: 40 }), bulk: fc.boolean() }),
      fc.record({ kind: fc.constant('prepare' as const) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 150 }), (ops) => {
        const idx = new TermIndex();
        const plain = new PlainTermIndex();
        const has = new Map<number, Set<string>>();
        for (const o of ops) {
          if (o.kind === 'prepare') idx.prepare();
          else if (o.kind === 'add') {
            // The index is told each id's terms once (as the search index does): add only terms the id lacks.
            const fresh = o.terms.filter((t) => !has.get(o.id)?.has(t));
            if (o.bulk) idx.addList(joinTerms(fresh), o.id);
            else idx.add(fresh, o.id);
            plain.add(fresh, o.id);
            for (const t of fresh) has.set(o.id, (has.get(o.id) ?? new Set()).add(t));
          } else {
            if (o.bulk) idx.removeList(joinTerms(o.terms), o.id);
            else idx.remove(o.terms, o.id);
            plain.remove(o.terms, o.id);
            for (const t of o.terms) has.get(o.id)?.delete(t);
          }
        }
        const sorted = (ids: Iterable<number>) => [...ids].sort((a, b) => a - b);
        for (const [query, prefix] of [...words.map((w) => [w, false] as const), ['bri', true], ['حك', true], ['ال', true], ['b', true], ['zebra', true], ['stra', true], ['é', true], ['', true]] as const) {
          const expected = sorted(plain.lookup(query, prefix));
          expect(sorted(idx.lookup(query, prefix))).toEqual(expected);
          const out: number[] = [];
          idx.collect(query, prefix, new Uint8Array(idx.maxId + 1), out);
          expect(sorted(out)).toEqual(expected);
          expect(idx.count(query, prefix)).toBeGreaterThanOrEqual(expected.length);
          if (!prefix) expect(idx.count(query, prefix)).toBe(expected.length);
        }
        expect(idx.terms).toBe(plain.terms);
      }),
      { numRuns: 300 },
    );
  });
});
