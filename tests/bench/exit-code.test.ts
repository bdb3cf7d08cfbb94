import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { failureRow, notRunLines } from '../../bench/runner';
import type { BenchRow } from '../../bench/types';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
/** A shared-data folder with nothing in it: what a fresh clone has. */
const EMPTY = mkdtempSync(join(tmpdir(), 'no-shared-'));
afterAll(() => rmSync(EMPTY, { recursive: true, force: true }));

interface Outcome { code: number; stdout: string; stderr: string }

/** Run a script of the project as `npm run` would, with the shared data out of reach. */
async function runScript(script: string, args: string[]): Promise<Outcome> {
  const env = { ...process.env, BRIEFING_SHARED_DIR: EMPTY, NO_COLOR: '1' };
  return promisify(execFile)(TSX, [script, ...args], { cwd: ROOT, env }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );
}

describe('notRunLines', () => {
  const ran: BenchRow = { group: 'bot', name: 'brief p99', value: 12, unit: 'ms', goal: '≤ 100 ms', pass: true };
  const missedGoal: BenchRow = { ...ran, value: 300, pass: false };
  it.each([
    ['every module ran', [ran], []],
    ['a goal was missed (the marks report it, the run still counts)', [ran, missedGoal], []],
    ['a module could not run', [ran, failureRow('engine', 'ANT corpus not found at /x/ant')], ['engine did not run: ANT corpus not found at /x/ant']],
    ['two modules could not run', [failureRow('engine', 'a'), failureRow('library', 'b')], ['engine did not run: a', 'library did not run: b']],
  ])('%s', (_name, rows, lines) => {
    expect(notRunLines(rows)).toEqual(lines);
  });
});

describe('npm run bench / eval without the shared data', () => {
  it('bench exits 1 with one line per module that could not run', { timeout: 60_000 }, async () => {
    const { code, stdout, stderr } = await runScript('bench/index.ts', ['--only', 'engine,library']);
    expect(code).toBe(1);
    expect(stdout).toContain('module did not run');
    expect(stderr.trimEnd().split('\n')).toEqual([
      `bench: ✗ engine did not run: ANT corpus not found at ${join(EMPTY, 'ant')} (set BRIEFING_SHARED_DIR to the shared-data folder)`,
      `bench: ✗ library did not run: ANT corpus not found at ${join(EMPTY, 'ant')} (set BRIEFING_SHARED_DIR to the shared-data folder)`,
    ]);
  });

  it('bench --json still prints one JSON object on stdout', { timeout: 60_000 }, async () => {
    const { code, stdout } = await runScript('bench/index.ts', ['--only', 'engine', '--json']);
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as { rows: BenchRow[] };
    expect(report.rows.map((r) => r.name)).toEqual(['module did not run']);
  });

  it('eval runs the quote part it can, then exits 1 with one line for each missing corpus (EASC, quotes-dev)', { timeout: 60_000 }, async () => {
    const { code, stdout, stderr } = await runScript('eval/index.ts', []);
    expect(code).toBe(1);
    expect(stdout).toContain('Quotes');
    expect(stderr.trimEnd().split('\n')).toEqual([
      `eval: ✗ summaries: EASC not found at ${join(EMPTY, 'easc')} (set BRIEFING_SHARED_DIR to the shared-data folder)`,
      `eval: ✗ quotes (quotes-dev): quotes-dev (hand-annotated real news) not found at ${join(EMPTY, 'quotes-dev')} (set BRIEFING_SHARED_DIR to the shared-data folder)`,
    ]);
  });
});
