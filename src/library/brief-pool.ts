import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { startModuleWorker } from '../worker-bootstrap';
import type { BriefReplyBatch, BriefRequestBatch } from './brief-protocol';
import type { PortableRead } from '../content/portable';
import { briefPortable, type BriefedArticle, type BriefPart } from './load';

/**
 * Files sent ahead to each worker, so that it never waits for the main thread
 * (which is busy indexing and briefing files itself between two feeds).
 */
const IN_FLIGHT_PER_WORKER = 24;
/** Fewest files sent to a worker in one message, unless it is running low (messages cost more than their bytes). */
const MIN_BATCH = 8;

const ENTRY = new URL('./brief-worker.ts', import.meta.url);

interface Task {
  seq: number;
  read: PortableRead;
  part: BriefPart;
  resolve(article: BriefedArticle): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  inFlight: Map<number, Task>;
}

/** Options of {@link BriefPool}. */
export interface BriefPoolOptions {
  /** Worker threads (default: the available parallelism). */
  size?: number;
  /**
   * The calling thread briefs queued files too, one at a time between its
   * other work (default false). With `size` = cores − 1, every core briefs
   * and none is oversubscribed.
   */
  alsoHere?: boolean;
  /** Called once if the workers fail (the pool then briefs in the calling thread). */
  onFailure?: (reason: string) => void;
}

/** The number of workers a pool uses by default: one per core. */
export function defaultPoolSize(): number {
  return Math.max(1, availableParallelism());
}

/**
 * Briefs articles in `worker_threads` (one per core by default), so that
 * a large library loads on every core while the main thread builds its
 * indexes. Workers start on the first file and stop at {@link BriefPool.close}.
 * Should the workers fail to start or crash, the files in flight and every
 * later one are briefed in the calling thread instead: the pool is a speed-up,
 * never a new way to fail.
 */
export class BriefPool {
  private readonly size: number;
  private slots: Slot[] | undefined;
  private readonly queue: Task[] = [];
  private nextSeq = 1;
  private broken = false;
  private hereScheduled = false;
  private pumpScheduled = false;
  private alsoHere: boolean;

  constructor(private readonly options: BriefPoolOptions = {}) {
    this.size = Math.max(1, options.size ?? defaultPoolSize());
    this.alsoHere = options.alsoHere === true;
  }

  /** Stop briefing queued files in the calling thread (see {@link BriefPoolOptions.alsoHere}): from now on the workers alone do. */
  workersOnly(): void {
    this.alsoHere = false;
  }

  /** Read (see {@link PortableRead}), decode and brief one article. Rejects with the reason it is bad (the content reader's message). */
  brief(read: PortableRead, part: BriefPart = 'whole'): Promise<BriefedArticle> {
    if (this.broken) return inline(read, part);
    return new Promise((resolve, reject) => {
      this.queue.push({ seq: this.nextSeq++, read, part, resolve, reject });
      this.schedulePump();
    });
  }

  /** Stop the workers (files still queued are briefed in the calling thread). */
  async close(): Promise<void> {
    const slots = this.slots ?? [];
    this.slots = undefined;
    this.fail(slots, undefined);
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }

  /** Feed the workers once the current burst of calls is queued (one message for the burst, not one per file). */
  private schedulePump(): void {
    if (this.pumpScheduled) return;
    this.pumpScheduled = true;
    queueMicrotask(() => {
      this.pumpScheduled = false;
      if (!this.broken) this.pump();
    });
  }

  private pump(): void {
    this.scheduleHere();
    let slots = this.slots;
    if (!slots) {
      try {
        slots = this.slots = this.start();
      } catch (error) {
        this.fail([], `the briefing workers could not start: ${(error as Error).message}`);
        return;
      }
    }
    for (const slot of slots) {
      const room = IN_FLIGHT_PER_WORKER - slot.inFlight.size;
      if (this.queue.length === 0) return;
      if (room < MIN_BATCH && slot.inFlight.size >= MIN_BATCH) continue;
      const batch: BriefRequestBatch = [];
      for (const task of this.queue.splice(0, room)) {
        slot.inFlight.set(task.seq, task);
        batch.push({ seq: task.seq, read: task.read, part: task.part });
      }
      slot.worker.postMessage(batch);
    }
  }

  /** Brief the next queued file in this thread, after pending I/O (worker answers) has been handled. */
  private scheduleHere(): void {
    if (!this.alsoHere || this.hereScheduled || this.queue.length === 0) return;
    this.hereScheduled = true;
    setImmediate(() => {
      this.hereScheduled = false;
      const task = this.queue.pop();
      if (!task) return;
      inline(task.read, task.part).then(task.resolve, task.reject);
      this.scheduleHere();
    });
  }

  private start(): Slot[] {
    const slots: Slot[] = [];
    for (let n = 0; n < this.size; n++) {
      const slot: Slot = { worker: startModuleWorker(ENTRY), inFlight: new Map() };
      slot.worker.on('message', (replies: BriefReplyBatch) => this.settle(slot, replies));
      slot.worker.on('error', (error) => this.fail(slots, `a briefing worker failed: ${error.message}`));
      slot.worker.on('exit', (code) => {
        if (this.slots === slots) this.fail(slots, `a briefing worker exited (code ${code})`);
      });
      slots.push(slot);
    }
    return slots;
  }

  private settle(slot: Slot, replies: BriefReplyBatch): void {
    for (const reply of replies) {
      const task = slot.inFlight.get(reply.seq);
      if (!task) continue;
      slot.inFlight.delete(reply.seq);
      if (reply.ok) task.resolve(reply.article);
      else task.reject(new Error(reply.message));
    }
    if (this.slots) this.pump();
  }

  /** Give up on the workers: everything in flight or queued is briefed here. `reason` undefined = a normal close. */
  private fail(slots: Slot[], reason: string | undefined): void {
    if (reason !== undefined && !this.broken) {
      this.broken = true;
      this.options.onFailure?.(reason);
      if (this.slots === slots) this.slots = undefined;
      for (const slot of slots) void slot.worker.terminate();
    }
    const orphans = [...slots.flatMap((slot) => [...slot.inFlight.values()]), ...this.queue.splice(0)];
    for (const slot of slots) slot.inFlight.clear();
    for (const task of orphans) inline(task.read, task.part).then(task.resolve, task.reject);
  }
}

/** Brief in this thread, as a promise (a bad file rejects). */
function inline(read: PortableRead, part: BriefPart): Promise<BriefedArticle> {
  try {
    return Promise.resolve(briefPortable(read, part));
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}
