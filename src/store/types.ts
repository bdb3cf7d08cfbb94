/** How the last run of a schedule ended, as shown by `/schedule list`. */
export type RunResult = 'ok' | 'failed' | 'paused';

/** One stored schedule: post new briefings to a channel at the times of a cron pattern. */
export interface ScheduleRecord {
  id: number;
  guildId: string;
  channelId: string;
  /** What the user typed for `when` (`08:30` or a cron expression), shown back in lists. */
  when: string;
  /** The cron pattern (5 or 6 fields) that `when` compiles to. */
  pattern: string;
  /** IANA time zone the pattern is read in. */
  timezone: string;
  /** User id of the creator. */
  createdBy: string;
  /** Epoch ms. */
  createdAt: number;
  /** Why the schedule is paused (a moderator, or Discord refusing); null when active. */
  pausedReason: string | null;
  /** Epoch ms of the last run, null before the first one. */
  lastRunAt: number | null;
  lastResult: RunResult | null;
  /** Detail of the last result (an error, "nothing new", "posted 3"). */
  lastDetail: string | null;
  /** Epoch ms of the next due time. */
  nextRunAt: number;
  /** True once the first run has happened (it posts only the newest article). */
  primed: boolean;
}

/** What creating a schedule needs. */
export type NewSchedule = Pick<ScheduleRecord, 'guildId' | 'channelId' | 'when' | 'pattern' | 'timezone' | 'createdBy' | 'createdAt' | 'nextRunAt'>;

/** Outcome of one run, written back to the schedule. */
export interface RunRecord {
  at: number;
  result: RunResult;
  detail: string | null;
}

/** Persistence of schedules. Every method that a user reaches is scoped by guild. */
export interface ScheduleStore {
  create(schedule: NewSchedule): ScheduleRecord;
  /** Any schedule by id (scheduler use). */
  get(id: number): ScheduleRecord | undefined;
  /** A schedule of this guild, or undefined if the id belongs to another guild or none. */
  getInGuild(guildId: string, id: number): ScheduleRecord | undefined;
  /** This guild's schedules, by id. */
  listByGuild(guildId: string): ScheduleRecord[];
  /** Delete a schedule of this guild; false if there is none with that id there. */
  remove(guildId: string, id: number): boolean;
  /** Pause (moderator or refusal), recording the reason. */
  pause(id: number, reason: string, at: number): void;
  /** Clear the pause and set the next due time. */
  resume(id: number, nextRunAt: number): void;
  /** Active schedules with `next_run_at <= now`, earliest first (index-backed). */
  due(now: number, limit?: number): ScheduleRecord[];
  /** Move the next due time (claiming a run before it starts). */
  setNextRun(id: number, nextRunAt: number): void;
  /** Move several next due times in one transaction (a tick's claims). */
  setNextRuns(entries: ReadonlyArray<{ id: number; nextRunAt: number }>): void;
  /** Write the outcome of a run. */
  recordRun(id: number, run: RunRecord): void;
  /** Mark the first run done. */
  markPrimed(id: number): void;
  /** Earliest `next_run_at` of the active schedules, or undefined if none. */
  earliestNextRun(): number | undefined;
  /** Make every active schedule of these channels due at `now` (used to retry pending deliveries at start). */
  makeDueForChannels(channelIds: readonly string[], now: number): number;
  /**
   * Claim up to `limit` due schedules for one worker, in one transaction: each
   * claimed schedule's `next_run_at` becomes `now + leaseMs` (the lease), so no
   * other worker takes it while the lease runs, and a worker that dies loses it
   * when the lease ends. The worker sets the real next run when done
   * ({@link setNextRun}). Returned records carry the due time they were claimed
   * at, earliest first. Postgres: `FOR UPDATE SKIP LOCKED` (workers never wait
   * for one another); SQLite: an immediate transaction.
   */
  claimDue(now: number, limit: number, leaseMs: number): ScheduleRecord[];
}

/** State of the delivery of one article to one channel. */
export type DeliveryStatus = 'pending' | 'sent' | 'failed' | 'skipped' | 'rejected';

/** One article's delivery to one channel (unique per channel and article). */
export interface DeliveryRecord {
  channelId: string;
  articleId: string;
  scheduleId: number | null;
  status: DeliveryStatus;
  nonce: string;
  messageId: string | null;
  attempts: number;
  error: string | null;
  createdAt: number;
  updatedAt: number;
}

/** Persistence of deliveries: the record that makes posting exactly-once. */
export interface DeliveryStore {
  /** Status of every article this channel has a record for. */
  statusesForChannel(channelId: string): Map<string, DeliveryStatus>;
  get(channelId: string, articleId: string): DeliveryRecord | undefined;
  /**
   * Record the intent to send (status `pending`, attempts + 1) before the request
   * leaves. Creates the row with `nonce` or, if it exists (a retry), keeps its
   * original nonce. Returns the row as it now stands.
   */
  begin(channelId: string, articleId: string, scheduleId: number, nonce: string, now: number): DeliveryRecord;
  markSent(channelId: string, articleId: string, messageId: string, now: number): void;
  /** `failed`: retried at the next run. `rejected`: Discord refused this payload, never retried. */
  markFailed(channelId: string, articleId: string, status: 'failed' | 'rejected', error: string, now: number): void;
  /** Record articles as skipped (never to be posted), leaving existing rows alone. */
  skip(channelId: string, articleIds: readonly string[], scheduleId: number, now: number): number;
  /** Channels that have a delivery left `pending` (a crash between send and record). */
  channelsWithPending(): string[];
}

/** The persistence the scheduler and the `/schedule` command use. */
export interface Store {
  schedules: ScheduleStore;
  deliveries: DeliveryStore;
  close(): void;
}

/** `T`'s methods, each returning what it returns or a promise of it. */
export type Awaitable<T> = { [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => R | Promise<Awaited<R>> : T[K] };

/**
 * What the scheduler and `/schedule` use: either store, SQLite's synchronous
 * {@link Store} or Postgres's {@link AsyncStore}. Callers await every call.
 */
export interface AnyStore extends ChangeSignal {
  schedules: Awaitable<ScheduleStore>;
  deliveries: Awaitable<DeliveryStore>;
  close(): void | Promise<void>;
}

/**
 * Across processes sharing one database (Postgres): a process that changes
 * schedules announces it, the schedulers listening wake at once instead of at
 * their next look. Absent on SQLite (one process wakes its own scheduler).
 */
export interface ChangeSignal {
  /** Tell the other processes that schedules changed (Postgres `NOTIFY`). */
  announceChange?(): Promise<void>;
  /** Call `listener` whenever a process announces a change (Postgres `LISTEN`); resolves with a function that stops listening. */
  onChange?(listener: () => void): Promise<() => Promise<void>>;
}

/** `T`'s methods, each returning a promise of what it returns (the same contract, asynchronously). */
export type Async<T> = { [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : T[K] };

/**
 * The store contract as promises: what Postgres implements, and what SQLite
 * offers through `asAsyncStore` (the same interfaces, so the two can never
 * drift: a method added to {@link ScheduleStore} or {@link DeliveryStore} is
 * a compile error until Postgres has it).
 */
export interface AsyncStore extends ChangeSignal {
  schedules: Async<ScheduleStore>;
  deliveries: Async<DeliveryStore>;
  close(): Promise<void>;
}
