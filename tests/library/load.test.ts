import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { detachedCopy } from '../../src/library/load';

/** The garbage collector, exposed at run time. */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

describe('detached copy', () => {
  it('copies JSON-like data exactly', () => {
    const data = { a: 'short', b: 'a string longer than thirteen', c: [1, null, true, { d: 'x'.repeat(50), e: undefined }], f: 0 };
    expect(detachedCopy(data)).toStrictEqual(data);
    expect(detachedCopy(data).c).not.toBe(data.c);
  });

  it('keeps no reference into the long texts its strings were cut from', () => {
    const gc = collector();
    gc();
    const before = process.memoryUsage().heapUsed;
    const copies: unknown[] = [];
    for (let i = 0; i < 20; i++) {
      // 20 two-byte texts of 2 MB each: 40 MB if any of them stayed alive.
      const text = `${i} ${'نص طويل جدا '.repeat(90_000)}`;
      copies.push(detachedCopy({ headline: text.slice(3, 80), quotes: [{ text: text.slice(1000, 1200), speaker: text.slice(7, 12) }] }));
    }
    gc();
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(10_000_000);
    expect(copies).toHaveLength(20);
  });
});
