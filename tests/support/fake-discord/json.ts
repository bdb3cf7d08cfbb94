/** A JSON object as the fake handles it. */
export type Json = Record<string, unknown>;

/** True for a plain JSON object (not an array, not null). */
export const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

const HIGH_SURROGATES = /[\uD800-\uDBFF]/g;

/** Length of a string in code points (what Discord counts); 0 for a non-string. No array per call. */
export function codePointLength(v: unknown): number {
  if (typeof v !== 'string') return 0;
  const pairs = v.match(HIGH_SURROGATES);
  return v.length - (pairs ? pairs.length : 0);
}
