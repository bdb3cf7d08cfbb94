/** Files that are not regular files, for tests of what readers refuse. */
import { execFileSync } from 'node:child_process';

/** Make a named pipe at `path` (no writer ever opens it: a reader that opens it blocking would hang) and return the path. */
export function makeFifo(path: string): string {
  execFileSync('mkfifo', [path]);
  return path;
}
