import { ChannelLocks } from './channel-locks';
import { tick, type TickDeps, type TickReport } from './tick';

/** Options of {@link SchedulerService}. */
export interface SchedulerServiceOptions extends TickDeps {
  /** The clock (tests may pass a fake one). */
  clock?: () => Date;
  /** Longest sleep between two looks at the store, ms (default 30 s). */
  maxSleepMs?: number;
  /** How long `stop()` waits for runs in flight, ms (default 10 s). */
  stopTimeoutMs?: number;
  /** Called after each tick (metrics, tests). */
  onTick?: (report: TickReport) => void;
}

/**
 * Runs {@link tick} on a timer aligned to the earliest `next_run_at` (capped
 * at `maxSleepMs`, `unref`'d so it never holds the process open). Ticks may
 * overlap: each claims its schedules before posting, and a channel is posted
 * to by one run at a time, so a slow channel never holds up the others.
 *
 * A tick claims no more schedules than this process has free run slots
 * (`concurrency` minus those held by ticks in flight; at most a quarter of
 * them, so slots are refilled without waiting for the slowest run of a big
 * batch), and none while all are held: a tick that ends looks again. So a worker never takes runs it cannot
 * start soon (at its share of Discord's rate), the due schedules of a spike
 * are shared among all workers, and a worker that dies takes at most
 * `concurrency` claimed runs with it.
 *
 * At start, runs claimed by an instance that is gone (see
 * `ScheduleStore.endAbandonedLeases`) are redone at once; channels with a delivery left `pending` (the process stopped
 * between recording and confirming a post) are made due at once, so the
 * re-send with the same nonce lands inside Discord's dedup window; schedules
 * whose `next_run_at` passed while the bot was down run once.
 */
export class SchedulerService {
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private readonly inFlight = new Set<Promise<unknown>>();
  /** The channels being posted to (shared with the feed poller when the composition root passes one). */
  private readonly channels: ChannelLocks;
  /** Run slots held by ticks in flight (each holds what it may claim until it ends). */
  private reserved = 0;
  private readonly clock: () => Date;

  constructor(private readonly options: SchedulerServiceOptions) {
    this.clock = options.clock ?? (() => new Date());
    this.channels = options.channels ?? new ChannelLocks(options.store.locks);
  }

  /** Start the timer (idempotent). */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    // Deliveries left pending by an instance that is gone are ours now: SQLite's instance lock means the last one ended;
    // Postgres takes over only rows whose owner's lease has run out (a live worker keeps its own).
    await this.options.store.deliveries.adoptPending();
    // Runs claimed by an instance that is gone are redone now, not when their leases run out.
    const redone = await this.options.store.schedules.endAbandonedLeases(this.clock().getTime());
    if (redone) this.options.logger?.info({ schedules: redone }, 'redoing runs claimed by an instance that stopped before finishing them');
    const pending = await this.options.store.deliveries.channelsWithPending();
    if (pending.length) {
      const woken = await this.options.store.schedules.makeDueForChannels(pending, this.clock().getTime());
      this.options.logger?.info({ channels: pending.length, schedules: woken }, 'retrying deliveries left pending by the last run');
    }
    this.arm();
  }

  /** Look at the store again now (after a schedule is added, resumed or removed). */
  wake(): void {
    if (this.running) this.arm();
  }

  /** Stop the timer and wait (bounded) for runs in flight. */
  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.inFlight.size) return;
    let timer: NodeJS.Timeout | undefined;
    const limit = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, this.options.stopTimeoutMs ?? 10_000);
      timer.unref();
    });
    await Promise.race([Promise.allSettled([...this.inFlight]), limit]);
    clearTimeout(timer);
  }

  /** Set the timer for the earliest due time (read from the store; a failed read retries after the cap). */
  private arm(): void {
    void this.armAsync().catch((error: unknown) => {
      this.options.logger?.error({ err: error }, 'scheduler could not read the next due time');
      this.setTimer(this.options.maxSleepMs ?? 30_000);
    });
  }

  private async armAsync(): Promise<void> {
    if (!this.running) return;
    const earliest = await this.options.store.schedules.earliestNextRun();
    const now = this.clock().getTime();
    const cap = this.options.maxSleepMs ?? 30_000;
    // +2 ms: Node may fire a timer a hair early; arriving before the due time would only re-arm.
    this.setTimer(earliest === undefined ? cap : Math.min(cap, Math.max(0, earliest - now + 2)));
  }

  private setTimer(delay: number): void {
    clearTimeout(this.timer);
    if (!this.running) return;
    this.timer = setTimeout(() => this.fire(), delay);
    this.timer.unref();
  }

  private fire(): void {
    if (!this.running) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    const concurrency = this.options.concurrency ?? 8;
    // At most a quarter of the slots a tick: a tick holds its slots until its slowest run ends, so smaller ticks refill sooner.
    const slots = Math.min(this.options.dueLimit ?? 1000, Math.ceil(concurrency / 4), concurrency - this.reserved);
    // Every slot is held by a tick in flight: the first to end looks again.
    if (slots <= 0) return;
    this.reserved += slots;
    let run: Promise<void>;
    try {
      // Re-armed once this tick has claimed its schedules (earlier, the store would still show them due).
      run = tick(this.clock(), { ...this.options, dueLimit: slots, channels: this.channels, onClaimed: () => this.arm() }).then(
        (report) => this.options.onTick?.(report),
        (error: unknown) => this.options.logger?.error({ err: error }, 'scheduler tick failed'),
      );
    } catch (error) {
      this.options.logger?.error({ err: error }, 'scheduler tick failed');
      run = Promise.resolve();
    }
    this.inFlight.add(run);
    void run.finally(() => {
      this.inFlight.delete(run);
      this.reserved -= slots;
      this.arm();
    });
  }
}
