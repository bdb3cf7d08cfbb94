import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * Runs in each worker (as CommonJS): registers tsx's ESM hooks when the entry
 * is TypeScript, then loads it. Worker `execArgv` cannot do this on Node 20
 * (`--import` hooks do not apply to a worker's entry).
 */
const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
(workerData.tsx ? import(workerData.tsx).then((api) => api.register()) : Promise.resolve()).then(() => import(workerData.entry));
`;

/** A worker thread running the module at `entry` (TypeScript under tsx, or JavaScript). */
export function startModuleWorker(entry: URL): Worker {
  const workerData = { entry: entry.href, tsx: entry.pathname.endsWith('.ts') ? tsxApiUrl() : undefined };
  return new Worker(BOOTSTRAP, { eval: true, workerData });
}

let tsxApi: string | undefined;

/** file: URL of tsx's ESM API (`tsx/esm/api`, import condition), which registers its hooks in a worker; found once per process. */
function tsxApiUrl(): string {
  tsxApi ??= findTsxApi();
  return tsxApi;
}

function findTsxApi(): string {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve('tsx/package.json');
  const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { exports: Record<string, { import?: { default?: string } }> };
  const file = pkg.exports['./esm/api']?.import?.default;
  if (!file) throw new Error('tsx/esm/api not found');
  return pathToFileURL(join(dirname(manifest), file)).href;
}
