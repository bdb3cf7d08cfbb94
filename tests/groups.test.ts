import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addToGroup, groupOf, removeFromGroup, type Groups } from '../src/groups';

describe('groups of strings by key', () => {
  it.each([
    ['one value', [['add', 'a.md']], ['a.md']],
    ['the same value twice', [['add', 'a.md'], ['add', 'a.md']], ['a.md']],
    ['two values, in order', [['add', 'a.txt'], ['add', 'a.md']], ['a.txt', 'a.md']],
    ['a value removed from two', [['add', 'a.txt'], ['add', 'a.md'], ['remove', 'a.txt']], ['a.md']],
    ['the last value removed', [['add', 'a.md'], ['remove', 'a.md']], []],
    ['a value never added removed', [['add', 'a.md'], ['remove', 'b.md']], ['a.md']],
    ['Arabic, English and French titles', [['add', 'اعلان الحكومه'], ['add', 'the bridge'], ['add', 'le pont'], ['remove', 'the bridge']], ['اعلان الحكومه', 'le pont']],
  ] as const)('keeps %s', (_name, steps, expected) => {
    const groups: Groups = new Map();
    for (const [op, value] of steps) (op === 'add' ? addToGroup : removeFromGroup)(groups, 'key', value);
    expect(groupOf(groups, 'key')).toEqual(expected);
    expect(groups.has('key')).toBe(expected.length > 0);
    expect(groupOf(groups, 'other')).toEqual([]);
  });

  it('holds what a map of sets holds, through any adds and removals', () => {
    const op = fc.record({ add: fc.boolean(), key: fc.constantFrom('k1', 'k2'), value: fc.constantFrom('a', 'b', 'c', 'd') });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const groups: Groups = new Map();
        const sets = new Map<string, Set<string>>();
        for (const { add, key, value } of ops) {
          if (add) {
            addToGroup(groups, key, value);
            sets.set(key, (sets.get(key) ?? new Set()).add(value));
          } else {
            removeFromGroup(groups, key, value);
            sets.get(key)?.delete(value);
            if (sets.get(key)?.size === 0) sets.delete(key);
          }
        }
        for (const key of ['k1', 'k2']) expect(groupOf(groups, key)).toEqual([...(sets.get(key) ?? [])]);
        expect([...groups.keys()].sort()).toEqual([...sets.keys()].sort());
      }),
    );
  });
});
