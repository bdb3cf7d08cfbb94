/**
 * Test access to data: the small files every test needs are in
 * `tests/fixtures/` (see its README); the large corpora of `../shared` (ANT,
 * EASC, web, quotes-dev) are optional, and a test that needs one skips with
 * one line saying what is missing.
 *
 * ```ts
 * const ant = sharedCorpus('ant', 'ANT corpus');
 * describe.skipIf(!ant.present)('the ANT corpus', () => { … readdirSync(ant.path) … });
 * ```
 */
import { fileURLToPath } from 'node:url';
import { missingShared, sharedPath } from '../../bench/shared-data';

export { sharedDir, sharedPath } from '../../bench/shared-data';

/** A file of `tests/fixtures/`, e.g. `fixturePath('seed/expected.json')`. */
export function fixturePath(relative: string): string {
  return fileURLToPath(new URL(`../fixtures/${relative}`, import.meta.url));
}

/** A corpus of the shared-data folder and whether it is there. */
export interface SharedCorpus {
  /** Absolute path (it may not exist). */
  path: string;
  present: boolean;
}

/**
 * Locate a corpus of the shared-data folder; when it is missing, print one
 * line saying so (the caller skips with `describe.skipIf(!corpus.present)`).
 */
export function sharedCorpus(relative: string, what: string): SharedCorpus {
  const missing = missingShared(relative, what);
  if (missing) console.log(`skipped: ${missing}`);
  return { path: sharedPath(relative), present: missing === undefined };
}
