import { fork } from 'node:child_process';

/** A child that did not answer: it failed to start, exited early or was killed at the time cap. */
export interface ChildFailure {
  ok: false;
  error: string;
  timedOut?: true;
}

/**
 * Run a TypeScript worker in a child Node process (through tsx) with one
 * JSON argument and wait for its single IPC message. The child is killed
 * after `timeoutMs`; failures resolve to a {@link ChildFailure}, never reject.
 */
export function runChild<T>(file: string, arg: unknown, timeoutMs: number, nodeFlags: readonly string[] = []): Promise<T | ChildFailure> {
  return new Promise((resolve) => {
    const child = fork(file, [JSON.stringify(arg)], {
      execArgv: ['--import', 'tsx', ...nodeFlags],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-2000);
    });
    let settled = false;
    const finish = (outcome: T | ChildFailure): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (child.exitCode === null) child.kill('SIGKILL');
      resolve(outcome);
    };
    const timer = setTimeout(() => finish({ ok: false, error: `no answer within ${timeoutMs / 1000} s`, timedOut: true }), timeoutMs);
    child.on('message', (message) => finish(message as T));
    child.on('error', (err) => finish({ ok: false, error: err.message }));
    child.on('exit', (code, signal) => {
      const last = stderr.trim().split('\n').pop() ?? '';
      finish({ ok: false, error: `exited (${signal ?? code}) without a result${last ? `: ${last}` : ''}` });
    });
  });
}
