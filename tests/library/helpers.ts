import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach } from 'vitest';
import { createFolderLibrary, type FolderLibraryOptions, type Library } from '../../src/library';
import { createLogger, type Logger } from '../../src/logger';

/** A logger whose JSON lines are kept in `lines`. */
export function captureLogger(level = 'debug'): { logger: Logger; lines: Array<Record<string, unknown>> } {
  const lines: Array<Record<string, unknown>> = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString().split('\n')) if (line.trim()) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { logger: createLogger({ level, destination }), lines };
}

/** A fresh temporary folder and its cleanup. */
export function tempDir(prefix = 'briefing-lib-'): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Resolve when `check` holds, polling; reject after `ms`. */
export async function waitFor(check: () => boolean, ms = 5000, what = 'condition'): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Folders and libraries that last one test: call at the top of a test file;
 * after each test its libraries are stopped, then its folders removed.
 */
export function perTest(): { folder(prefix?: string): string; library(options: FolderLibraryOptions): Library } {
  const libraries: Library[] = [];
  const cleanups: Array<() => void> = [];
  afterEach(async () => {
    for (const library of libraries.splice(0)) await library.stop();
    for (const cleanup of cleanups.splice(0)) cleanup();
  });
  return {
    folder(prefix) {
      const temp = tempDir(prefix);
      cleanups.push(temp.cleanup);
      return temp.dir;
    },
    library(options) {
      const library = createFolderLibrary(options);
      libraries.push(library);
      return library;
    },
  };
}
