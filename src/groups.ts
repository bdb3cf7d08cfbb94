/**
 * Small groups of distinct strings by key, as `Map<string, Set<string>>` is
 * used, at a fraction of its memory: a group of one is the bare string (the
 * very common case: one file per article id, one article per title), a
 * larger one an array. A `Set` per key cost ~150 bytes: 1.5 MB for each map
 * of a 10,000-article library.
 */
export type Groups = Map<string, string | string[]>;

/** Add `value` to the group of `key` (nothing when it is in it already). */
export function addToGroup(groups: Groups, key: string, value: string): void {
  const group = groups.get(key);
  if (group === undefined) groups.set(key, value);
  else if (typeof group === 'string') {
    if (group !== value) groups.set(key, [group, value]);
  } else if (!group.includes(value)) group.push(value);
}

/** Take `value` out of the group of `key`; the key goes once its group is empty. */
export function removeFromGroup(groups: Groups, key: string, value: string): void {
  const group = groups.get(key);
  if (group === undefined) return;
  if (typeof group === 'string') {
    if (group === value) groups.delete(key);
    return;
  }
  const rest = group.filter((other) => other !== value);
  if (rest.length !== group.length) groups.set(key, rest.length === 1 ? rest[0]! : rest);
}

/** The values of the group of `key`, in the order they were added (empty when none). */
export function groupOf(groups: Groups, key: string): readonly string[] {
  const group = groups.get(key);
  return group === undefined ? [] : typeof group === 'string' ? [group] : group;
}
