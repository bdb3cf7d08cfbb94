/**
 * The sim's scheduler workers: child processes (through tsx) running
 * `sim-worker.ts`, started, killed with SIGKILL and replaced, each one's RSS
 * and CPU time recorded from its reports.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { SimWorkerArgs, SimWorkerMessage } from './sim-worker';

const WORKER_FILE = fileURLToPath(new URL('./sim-worker.ts', import.meta.url));

/** One worker's life as the sim saw it. */
export interface WorkerRecord {
  pid: number;
  startedAt: number;
  /** When it said it was ready (scheduler started). */
  readyAt?: number;
  endedAt?: number;
  killed: boolean;
  /** RSS and V8 heap-in-use reports (bytes) with their time. */
  rss: Array<{ at: number; rss: number; heap: number }>;
  /** Last reported CPU time (user + system), ms. */
  cpuMs: number;
  /** Last lines of its stderr. */
  stderr: string;
}

/** A set of workers kept at a fixed size. */
export class SimFleet {
  readonly records: WorkerRecord[] = [];
  private readonly live = new Map<number, ChildProcess>();

  constructor(private readonly args: SimWorkerArgs) {}

  /** Start one worker. */
  start(): WorkerRecord {
    const child = fork(WORKER_FILE, [JSON.stringify(this.args)], { execArgv: ['--import', 'tsx', '--expose-gc'], stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    const record: WorkerRecord = { pid: child.pid ?? -1, startedAt: Date.now(), killed: false, rss: [], cpuMs: 0, stderr: '' };
    this.records.push(record);
    this.live.set(record.pid, child);
    child.stderr?.on('data', (chunk: Buffer) => {
      record.stderr = (record.stderr + chunk.toString()).slice(-2000);
    });
    child.on('message', (message: SimWorkerMessage) => {
      if (message.kind === 'ready') record.readyAt = Date.now();
      if (message.kind !== 'rss') return;
      record.rss.push({ at: message.at, rss: message.rss, heap: message.heap });
      record.cpuMs = message.cpuMs;
    });
    child.on('exit', () => {
      record.endedAt ??= Date.now();
      this.live.delete(record.pid);
    });
    return record;
  }

  /** SIGKILL one live worker chosen by `pick` (0 ≤ pick < 1) and start its replacement. */
  killOne(pick: number): void {
    const pids = [...this.live.keys()];
    if (!pids.length) return;
    const pid = pids[Math.floor(pick * pids.length)]!;
    const record = this.records.find((r) => r.pid === pid)!;
    record.killed = true;
    record.endedAt = Date.now();
    this.live.get(pid)!.kill('SIGKILL');
    this.live.delete(pid);
    this.start();
  }

  /** Stop every live worker (SIGTERM, then SIGKILL after `graceMs`). */
  async stopAll(graceMs = 5000): Promise<void> {
    const children = [...this.live.values()];
    await Promise.all(children.map((child) => new Promise<void>((resolve) => {
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill('SIGTERM');
    })));
  }
}

/** Seconds of worker time spent ready (started and not yet ended) within [from, to], over all records. */
export function readySeconds(records: readonly WorkerRecord[], from: number, to: number): number {
  let total = 0;
  for (const record of records) {
    if (record.readyAt === undefined) continue;
    const start = Math.max(from, record.readyAt);
    const end = Math.min(to, record.endedAt ?? to);
    if (end > start) total += end - start;
  }
  return total / 1000;
}

/**
 * RSS (or V8 heap) growth of a worker over its life, in %: its last report against its
 * first report after `warmupMs` (start-up, connections, JIT). NaN when it
 * lived too short to tell.
 */
export function rssGrowthPercent(record: WorkerRecord, warmupMs: number, of: 'rss' | 'heap' = 'rss'): number {
  const settled = record.rss.filter((sample) => sample.at - record.startedAt >= warmupMs);
  if (settled.length < 3) return Number.NaN;
  const first = settled[0]![of];
  return ((settled.at(-1)![of] - first) / first) * 100;
}
