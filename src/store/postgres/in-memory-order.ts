/**
 * Postgres orders strings `COLLATE "C"`, by code points (what the search
 * indexes hold); the in-memory index orders ids and names by JavaScript's
 * `<`, by UTF-16 code units. The two differ only between a character in
 * U+E000–U+FFFF (private use, Arabic presentation forms, full-width forms…)
 * and one past U+FFFF, whose surrogates (D800–DFFF) come below E000 in
 * UTF-16 and above it as code points: 𝐀 (U+1D400) is before Ａ (U+FF21) in
 * memory, after it in "C".
 */

/** A Postgres regular expression: a string with a character at or above U+E000, the only strings the two orders can place differently. */
export const PARTING_CHARACTER = '[\\uE000-\\U0010FFFF]';

/** JavaScript's order of two strings (UTF-16 code units), as the in-memory index compares ids and names. */
export const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The first `limit` rows in the in-memory order `compare`, from `page` (the
 * first `limit` rows in Postgres's order: the same keys, strings
 * `COLLATE "C"`) and, only when it is full, `tied(last)`: the rows equal to
 * its last row on every key but the string, whose string has a
 * {@link PARTING_CHARACTER}. Nothing else can belong: a row the page left out
 * that JavaScript places above one it kept first differs from that one at a
 * character in U+E000–U+FFFF against one past U+FFFF, so it holds one of them.
 * `keyOf` tells rows apart (the page and `tied` may share some).
 */
export async function inMemoryOrder<T>(page: T[], limit: number, compare: (a: T, b: T) => number, keyOf: (row: T) => unknown, tied: (last: T) => Promise<T[]>): Promise<T[]> {
  const last = page.at(-1);
  if (!last || page.length < limit) return page.sort(compare);
  const kept = new Set(page.map(keyOf));
  const more = (await tied(last)).filter((row) => !kept.has(keyOf(row)));
  return [...page, ...more].sort(compare).slice(0, limit);
}

/** What {@link tiedSql} reads: `table`'s rows equal to a page's last row on `atTie`, then kept by `where` and a {@link PARTING_CHARACTER} in `column`. */
export interface TiedQuery {
  table: string;
  /** Equalities on the leading columns of the index the page was read in (with their parameters). */
  atTie: string;
  /** The page's columns. */
  columns: string;
  /** The page's own conditions (text searches among them). */
  where: string;
  column: string;
  /** The parameter holding {@link PARTING_CHARACTER}. */
  parting: string;
}

/**
 * The SQL of `tied` for {@link inMemoryOrder}: the rows at the tie are read
 * first, through the index of the page's order (a few rows: those of one
 * timestamp), and only then filtered by the page's conditions, so that a
 * common word never sends this query through its text index (every match
 * again) for the few rows it needs.
 */
export function tiedSql(q: TiedQuery): string {
  return `WITH tied AS MATERIALIZED (SELECT * FROM ${q.table} WHERE ${q.atTie}) SELECT ${q.columns} FROM tied WHERE ${q.where} AND ${q.column} ~ ${q.parting}`;
}
