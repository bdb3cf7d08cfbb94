/**
 * `npm run bench [-- --json] [--only engine,library,bot,scheduler]`: run every
 * bench module once and print one table, each figure beside its goal with
 * ✓/✗. A missing or failing module is a ✗ row, never a crash. Exit 0 when
 * every module ran (the marks report the goals), 1 when one could not run
 * (with one stderr line each), 2 on bad arguments.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { formatMachine, machineInfo } from './machine';
import { createProgress } from './progress';
import { GROUPS, moduleContext, moduleLoader, notRunLines, parseBenchArgs, runModule } from './runner';
import { sharedDir as resolveSharedDir } from './shared-data';
import { formatTable, formatVerdict } from './table';
import type { BenchRow } from './types';

/** Longest a single module may run before it is reported as timed out. */
const MODULE_TIMEOUT_MS = 150_000;
/** Groups that need longer: `search` loads a million quotes into Postgres first. */
const MODULE_TIMEOUTS_MS: Record<string, number> = { search: 900_000 };

async function main(): Promise<number> {
  let args;
  try {
    args = parseBenchArgs(process.argv.slice(2));
  } catch (err) {
    console.error(`bench: ${(err as Error).message}`);
    return 2;
  }
  if (args.help) {
    console.log(`usage: npm run bench -- [--json] [--only ${GROUPS.join(',')}]`);
    return 0;
  }
  const sharedDir = resolveSharedDir();
  const runTmp = await mkdtemp(join(os.tmpdir(), 'briefing-bench-'));
  const tty = Boolean(process.stdout.isTTY);
  const progress = createProgress(process.stderr, tty && Boolean(process.stderr.isTTY));
  const machine = machineInfo();
  const rows: BenchRow[] = [];
  const seconds: Record<string, number> = {};
  try {
    for (const group of GROUPS) {
      if (args.only && !args.only.includes(group)) continue;
      const started = performance.now();
      if (tty && !args.json) process.stderr.write(`bench: ${group}…\n`);
      const ctx = await moduleContext({ sharedDir, progress }, runTmp, group);
      rows.push(...(await runModule(group, moduleLoader(group), ctx, MODULE_TIMEOUTS_MS[group] ?? MODULE_TIMEOUT_MS)));
      seconds[group] = Math.round((performance.now() - started) / 100) / 10;
    }
  } finally {
    await rm(runTmp, { recursive: true, force: true }).catch(() => {});
  }
  if (args.json) {
    console.log(JSON.stringify({ machine, seconds, rows }, null, 2));
  } else {
    console.log(`Benchmarks — ${formatMachine(machine)}\n`);
    console.log(formatTable(rows));
    console.log(`\n${formatVerdict(rows)}. Time per group: ${Object.entries(seconds).map(([g, s]) => `${g} ${s} s`).join(', ')}.`);
  }
  const notRun = notRunLines(rows);
  for (const line of notRun) console.error(`bench: ✗ ${line}`);
  return notRun.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
