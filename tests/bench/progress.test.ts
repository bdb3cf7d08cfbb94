import { describe, expect, it } from 'vitest';
import { createProgress } from '../../bench/progress';

function sink() {
  const out: string[] = [];
  return { out, stream: { isTTY: true, write: (s: string) => out.push(s) } };
}

describe('createProgress', () => {
  it('prints nothing when disabled (stdout is not a TTY)', () => {
    const { out, stream } = sink();
    const progress = createProgress(stream, false);
    progress('library: converting', 1, 10);
    progress('library: converting', 10, 10);
    expect(out).toEqual([]);
  });

  it.each([
    ['first update', 3, 10, '\r\x1b[2Klibrary 3/10 (30%)'],
    ['completion ends the line', 10, 10, '\r\x1b[2Klibrary 10/10 (100%)\n'],
    ['empty total counts as done', 0, 0, '\r\x1b[2Klibrary 0/0 (100%)\n'],
  ])('%s', (_name, done, total, expected) => {
    const { out, stream } = sink();
    createProgress(stream, true)('library', done, total);
    expect(out).toEqual([expected]);
  });

  it('redraws at most once per interval but always on completion', () => {
    const { out, stream } = sink();
    let now = 0;
    const progress = createProgress(stream, true, 100, () => now);
    progress('eval: EASC', 1, 153);
    now = 50;
    progress('eval: EASC', 2, 153);
    now = 150;
    progress('eval: EASC', 3, 153);
    now = 160;
    progress('eval: EASC', 153, 153);
    expect(out).toHaveLength(3);
    expect(out[1]).toContain('3/153');
    expect(out[2]).toContain('153/153 (100%)\n');
  });
});
