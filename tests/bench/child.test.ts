import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runChild } from '../../bench/child';

const WORKERS: Record<string, string> = {
  answers: "const arg = JSON.parse(process.argv[2] ?? 'null') as { n: number };\nprocess.send?.({ ok: true, doubled: arg.n * 2 }, () => process.exit(0));\n",
  hangs: 'setInterval(() => {}, 1000);\n',
  crashes: "console.error('worker blew up: out of cheese');\nprocess.exit(3);\n",
};

describe('runChild', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(os.tmpdir(), 'bench-child-'));
    for (const [name, code] of Object.entries(WORKERS)) await writeFile(join(dir, `${name}.ts`), code);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('passes the JSON argument and returns the one message', async () => {
    expect(await runChild(join(dir, 'answers.ts'), { n: 21 }, 20_000)).toEqual({ ok: true, doubled: 42 });
  });

  it.each([
    ['kills a worker that never answers', 'hangs', 1_500, { ok: false, timedOut: true, error: 'no answer within 1.5 s' }],
    ['reports a worker that exits without answering, with its last stderr line', 'crashes', 20_000, { ok: false, error: 'exited (3) without a result: worker blew up: out of cheese' }],
  ])('%s', async (_name, worker, timeout, expected) => {
    expect(await runChild(join(dir, `${worker}.ts`), null, timeout)).toEqual(expected);
  });
});
