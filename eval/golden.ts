/**
 * `npm run golden [-- --check] [--only eval-quotes,quotes-dev,easc,ant]`:
 * the engine's output (headline, each quote's text, speaker and role,
 * summary) for every article of eval/quotes and of ../shared's quotes-dev,
 * EASC and ANT, in `golden/<corpus>.jsonl` (one line per article, sorted by
 * id). Without `--check` it writes the files; with it, it compares and prints
 * what changed, per article, and exits 1 when something did. Corpora missing
 * from ../shared (BRIEFING_SHARED_DIR) are skipped with one line.
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createProgress } from '../bench/progress';
import { sharedDir } from '../bench/shared-data';
import { GOLDEN_CORPORA } from './golden-corpora';
import { runGolden } from './golden-run';

function main(): Promise<number> | number {
  const known = GOLDEN_CORPORA.map((c) => c.name);
  let values: { check?: boolean; only?: string };
  try {
    values = parseArgs({ options: { check: { type: 'boolean' }, only: { type: 'string' } }, strict: true }).values;
  } catch (err) {
    console.error(`golden: ${(err as Error).message} (use --check, --only ${known.join(',')})`);
    return 2;
  }
  const only = values.only?.split(',');
  const unknown = only?.find((name) => !known.includes(name));
  if (unknown !== undefined) {
    console.error(`golden: unknown corpus ${unknown} (use --only ${known.join(',')})`);
    return 2;
  }
  return runGolden({
    check: values.check === true,
    corpora: GOLDEN_CORPORA.filter((c) => only === undefined || only.includes(c.name)),
    sharedDir: sharedDir(),
    goldenDir: fileURLToPath(new URL('../golden/', import.meta.url)),
    log: (line) => console.log(line),
    progress: createProgress(process.stderr, Boolean(process.stderr.isTTY)),
  });
}

Promise.resolve(main()).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`golden: ${(err as Error).message}`);
    process.exit(1);
  },
);
