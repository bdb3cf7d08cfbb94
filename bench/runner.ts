import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchContext, BenchModule, BenchRow } from './types';

/** The bench modules, in table order: `bench/<group>.ts` each. */
export const GROUPS = ['engine', 'library', 'bot', 'scheduler', 'web', 'feeds', 'search', 'pages'] as const;

/** Options of `npm run bench`. */
export interface BenchArgs {
  json: boolean;
  /** Groups to run; all when absent. */
  only?: string[];
  help: boolean;
}

/** Parse `[--json] [--only a,b]`. @throws Error naming a bad argument. */
export function parseBenchArgs(argv: readonly string[], known: readonly string[] = GROUPS): BenchArgs {
  const args: BenchArgs = { json: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--json') args.json = true;
    else if (arg === '--help' || arg === '-h') args.help = true;
    else if (arg === '--only' || arg.startsWith('--only=')) {
      const value = arg === '--only' ? argv[++i] : arg.slice('--only='.length);
      if (!value) throw new Error('--only needs a list such as engine,library');
      const groups = value.split(',').map((g) => g.trim()).filter(Boolean);
      const unknown = groups.filter((g) => !known.includes(g));
      if (unknown.length > 0) throw new Error(`unknown group ${unknown.join(', ')} (known: ${known.join(', ')})`);
      args.only = groups;
    } else throw new Error(`unknown argument ${arg} (use --json, --only ${known.join(',')})`);
  }
  return args;
}

/** Name of the row standing for a module that could not run. */
const NOT_RUN = 'module did not run';

/** The ✗ row standing for a module that is missing or failed. */
export function failureRow(group: string, message: string): BenchRow {
  return { group, name: NOT_RUN, value: Number.NaN, unit: '', pass: false, note: message.split('\n')[0]!.slice(0, 200) };
}

/**
 * One line per module that could not run (`engine did not run: ANT corpus not
 * found at …`); empty when every module ran. A missed goal is not in it: the
 * ✓/✗ marks report those.
 */
export function notRunLines(rows: readonly BenchRow[]): string[] {
  return rows.filter((r) => r.name === NOT_RUN).map((r) => `${r.group} did not run: ${r.note ?? 'no reason given'}`);
}

function isRow(value: unknown): value is BenchRow {
  if (typeof value !== 'object' || value === null) return false;
  const row = value as Record<string, unknown>;
  return typeof row.group === 'string' && typeof row.name === 'string' && typeof row.value === 'number' && typeof row.unit === 'string'
    && (row.pass === undefined || typeof row.pass === 'boolean');
}

/**
 * Run one module with a time cap. Whatever goes wrong (it cannot be loaded,
 * has no `run`, throws, times out, returns malformed rows) becomes one ✗ row
 * with the reason, never an exception.
 */
export async function runModule(
  group: string,
  load: () => Promise<unknown>,
  ctx: BenchContext,
  timeoutMs: number,
): Promise<BenchRow[]> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const mod = (await load()) as Partial<BenchModule>;
    if (typeof mod.run !== 'function') return [failureRow(group, `bench/${group}.ts does not export run(ctx)`)];
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs / 1000} s`)), timeoutMs);
      timer.unref();
    });
    const rows: unknown = await Promise.race([mod.run(ctx), timeout]);
    if (!Array.isArray(rows)) return [failureRow(group, 'run(ctx) did not return an array of rows')];
    const bad = rows.findIndex((r) => !isRow(r));
    if (bad >= 0) return [failureRow(group, `row ${bad} is not a BenchRow {group, name, value, unit}`)];
    return rows.length > 0 ? rows : [failureRow(group, 'run(ctx) returned no rows')];
  } catch (err) {
    return [failureRow(group, err instanceof Error ? err.message : String(err))];
  } finally {
    clearTimeout(timer);
  }
}

const BENCH_DIR = fileURLToPath(new URL('.', import.meta.url));

/** Loader of `bench/<group>.ts`, rejecting with a clear message when the file is absent. */
export function moduleLoader(group: string, dir = BENCH_DIR): () => Promise<unknown> {
  return async () => {
    const file = join(dir, `${group}.ts`);
    if (!existsSync(file)) throw new Error(`bench/${group}.ts not found`);
    return import(pathToFileURL(file).href);
  };
}

/** A context for one module: its own scratch folder under the run's. */
export async function moduleContext(base: Omit<BenchContext, 'tmpDir'>, runTmp: string, group: string): Promise<BenchContext> {
  const tmpDir = join(runTmp, group);
  await mkdir(tmpDir, { recursive: true });
  return { ...base, tmpDir };
}
