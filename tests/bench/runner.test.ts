import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failureRow, moduleLoader, parseBenchArgs, runModule } from '../../bench/runner';
import type { BenchContext, BenchRow } from '../../bench/types';

const ctx: BenchContext = { sharedDir: '/nonexistent', tmpDir: os.tmpdir(), progress: () => {} };
const good: BenchRow = { group: 'bot', name: 'brief p99', value: 12, unit: 'ms', goal: '≤ 100 ms', pass: true };

describe('parseBenchArgs', () => {
  it.each([
    ['nothing', [], { json: false, help: false }],
    ['--json', ['--json'], { json: true, help: false }],
    ['--only list', ['--only', 'engine,library'], { json: false, help: false, only: ['engine', 'library'] }],
    ['--only= form with spaces', ['--only=bot, scheduler', '--json'], { json: true, help: false, only: ['bot', 'scheduler'] }],
    ['--help', ['--help'], { json: false, help: true }],
  ])('%s', (_name, argv, expected) => {
    expect(parseBenchArgs(argv)).toEqual(expected);
  });

  it.each([
    ['an unknown flag', ['--fast'], /unknown argument --fast/],
    ['an unknown group', ['--only', 'engine,gpu'], /unknown group gpu/],
    ['--only without a value', ['--only'], /--only needs a list/],
  ])('rejects %s', (_name, argv, message) => {
    expect(() => parseBenchArgs(argv)).toThrow(message);
  });
});

describe('runModule', () => {
  it('returns the rows of a working module', async () => {
    expect(await runModule('bot', async () => ({ run: async () => [good] }), ctx, 5_000)).toEqual([good]);
  });

  it.each([
    ['a module that cannot be loaded', async () => { throw new Error('Cannot find module discord.js'); }, 'Cannot find module discord.js'],
    ['a module without run', async () => ({}), 'does not export run(ctx)'],
    ['a run that throws', async () => ({ run: async () => { throw new Error('fake Discord refused'); } }), 'fake Discord refused'],
    ['a run that returns no array', async () => ({ run: async () => 'done' }), 'did not return an array'],
    ['a run that returns a malformed row', async () => ({ run: async () => [good, { group: 'bot', name: 'x' }] }), 'row 1 is not a BenchRow'],
    ['a run that returns nothing', async () => ({ run: async () => [] }), 'returned no rows'],
    ['a run that never finishes', async () => ({ run: () => new Promise(() => {}) }), 'timed out after 0.05 s'],
  ])('turns %s into one ✗ row', async (_name, load, message) => {
    const rows = await runModule('bot', load, ctx, 50);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ group: 'bot', pass: false, unit: '' });
    expect(rows[0]!.value).toBeNaN();
    expect(rows[0]!.note).toContain(message);
  });
});

describe('moduleLoader', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(os.tmpdir(), 'bench-loader-'));
    await writeFile(join(dir, 'ok.ts'), "export async function run() { return [{ group: 'ok', name: 'n', value: 1, unit: 'ms' }]; }\n");
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('loads bench/<group>.ts', async () => {
    const rows = await runModule('ok', moduleLoader('ok', dir), ctx, 5_000);
    expect(rows).toEqual([{ group: 'ok', name: 'n', value: 1, unit: 'ms' }]);
  });

  it('reports a missing module by its file name', async () => {
    const rows = await runModule('scheduler', moduleLoader('scheduler', dir), ctx, 5_000);
    expect(rows[0]!.note).toBe('bench/scheduler.ts not found');
  });
});

describe('failureRow', () => {
  it('keeps only the first line of a long message', () => {
    const row = failureRow('engine', `boom\n    at stack frame\n${'x'.repeat(500)}`);
    expect(row.note).toBe('boom');
    expect(row.pass).toBe(false);
  });
});
