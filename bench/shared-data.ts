/**
 * Where the large read-only data lives (`../shared` beside the project:
 * ANT, EASC, web pages, quotes-dev). A fresh clone has none of it: every
 * reader (tests, bench, eval) resolves it here, so `BRIEFING_SHARED_DIR`
 * moves or hides it everywhere at once.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Default location: `<project>/../shared`. */
const DEFAULT_SHARED_DIR = fileURLToPath(new URL('../../shared', import.meta.url));

/** The shared-data folder: `BRIEFING_SHARED_DIR` when set (and not empty), else `<project>/../shared`. */
export function sharedDir(env: Record<string, string | undefined> = process.env): string {
  const configured = env.BRIEFING_SHARED_DIR?.trim();
  return configured ? configured : DEFAULT_SHARED_DIR;
}

/** A path inside the shared-data folder, e.g. `sharedPath('ant')`. */
export function sharedPath(...parts: string[]): string {
  return join(sharedDir(), ...parts);
}

/**
 * Why a part of the shared data cannot be used, as one line, or undefined when
 * it is there: `"EASC not found at /x/shared/easc (set BRIEFING_SHARED_DIR)"`.
 */
export function missingShared(relative: string, what: string, base: string = sharedDir()): string | undefined {
  const path = join(base, relative);
  return existsSync(path) ? undefined : `${what} not found at ${path} (set BRIEFING_SHARED_DIR to the shared-data folder)`;
}
