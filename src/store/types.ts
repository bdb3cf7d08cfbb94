import type { QuotePageStore } from '../library/quote-pages';
import type { StreamPosition } from '../library/reader';

/** A place in the article stream (defined with the library's readers). */
export type { StreamPosition };

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
  /** While a worker holds a run of it: until when (epoch ms) its lease runs; null otherwise. Past it, another worker redoes the run. */
  leaseUntil: number | null;
  /** True once the first run has happened (it posts only the newest article). */
  primed: boolean;
  /**
   * Where the schedule starts in the article stream: articles before this
   * position were there when it began and are never posted. Null before the
   * first run, or (a schedule from before stream positions) until its next run
   * derives it from its delivery rows.
   */
  position: StreamPosition | null;
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
  /**
   * Write the real next run of runs this store claimed with {@link claimDue},
   * only where it still holds the lease (owner compare-and-set, one
   * statement) and the schedule is active. The lease stays until
   * {@link finishRun}: a worker that dies before then leaves the run to the
   * next claimer once the lease ends. A worker whose lease was taken over, or
   * whose schedule was paused meanwhile, loses the run here, so two ticks or
   * two processes never both run one.
   *
   * @returns The ids this call confirmed.
   */
  claimRuns(entries: readonly RunClaim[]): number[];
  /** Extend the leases this store holds on `ids` to `until` (a run still going); returns the ids still held. */
  renewLeases(ids: readonly number[], until: number): number[];
  /**
   * Give back claimed runs that do not start now (their channel is busy, or
   * in backoff): each due again at `nextRunAt`, its lease ended, where this
   * store still holds it. One statement.
   */
  releaseRuns(entries: ReadonlyArray<{ id: number; nextRunAt: number }>): void;
  /**
   * End at `now` the leases of owners that are gone, so their runs are redone
   * at once rather than when the leases run out (at start). SQLite: every
   * other owner's (one process holds the file: the last one ended); Postgres:
   * those whose owner lease (`store_owners`) ran out or was ended. Returns how many.
   */
  endAbandonedLeases(now: number): number;
  /** Write the outcome of a run that ended and end this store's lease on it (the next run was written by {@link claimRuns}). */
  finishRun(id: number, run: RunRecord): void;
  /** Write the outcome of a run. */
  recordRun(id: number, run: RunRecord): void;
  /** Mark the first run done, and store where the schedule starts in the article stream (null: from the start). */
  markPrimed(id: number, position?: StreamPosition | null): void;
  /** When the scheduler should look next: the earliest `next_run_at` of the active schedules nobody holds, or lease end of those held; undefined if none. */
  earliestNextRun(): number | undefined;
  /** Make every active schedule of these channels due at `now` (used to retry pending deliveries at start). */
  makeDueForChannels(channelIds: readonly string[], now: number): number;
  /**
   * Claim up to `limit` schedules for one worker, in one transaction: the
   * active ones due by `now` that nobody holds, and those whose lease ran out
   * (their worker died before it finished the run: the run is redone). Each
   * gets this store as its owner and a lease until `now + leaseMs`; its
   * `next_run_at` is left alone (the worker writes the real next run with
   * {@link claimRuns}). Returned earliest due first. Postgres: `FOR UPDATE
   * SKIP LOCKED` (workers never wait for one another); SQLite: an immediate
   * transaction.
   */
  claimDue(now: number, limit: number, leaseMs: number): ScheduleRecord[];
}

/** One confirmation of {@link ScheduleStore.claimRuns}: a claimed schedule and its real next run. */
export interface RunClaim {
  id: number;
  /** The new `next_run_at`. */
  to: number;
}

/**
 * State of the delivery of one article to one channel. `uncertain`: a post
 * may or may not have landed, and the channel's history could not be read to
 * tell (no Read Message History); never posted again blind.
 */
export type DeliveryStatus = 'pending' | 'sent' | 'failed' | 'skipped' | 'rejected' | 'uncertain';

/** An article a first run records as skipped: its id and, when known, its content key. */
export interface SkippedArticle {
  id: string;
  contentKey?: string | null;
}

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
  /** Key of the article's content when it was begun or skipped (see `LibraryArticle.contentKey`), or null. */
  contentKey: string | null;
  /** The store instance ({@link DeliveryStore.owner}) that last began it, or null. */
  owner: string | null;
  /** While pending: until when (epoch ms) its owner holds it; past it another worker may take it over. Null when adopted or never leased. */
  leaseUntil: number | null;
}

/** What {@link DeliveryStore.begin} returns: the row as it stands, and whether this call claimed it. */
export interface BegunDelivery extends DeliveryRecord {
  /** True when this call made the row `pending` in this store's hands (so the caller, and no one else, sends it now). */
  claimed: boolean;
}

/** Persistence of deliveries: the record that makes posting exactly-once. */
export interface DeliveryStore {
  /** This store instance's id (random per process start), recorded on the deliveries it begins. */
  readonly owner: string;
  /** Status of every article this channel has a record for. */
  statusesForChannel(channelId: string): Map<string, DeliveryStatus>;
  get(channelId: string, articleId: string): DeliveryRecord | undefined;
  /**
   * Claim the delivery before the request leaves: status `pending`, attempts
   * + 1, owner = this instance, leased until `now + leaseMs` (default
   * `DEFAULT_DELIVERY_LEASE_MS`, src/store/rows.ts). Creates the row with `nonce` or, if it
   * exists, keeps its original nonce. Only a new row, a `failed` or
   * `uncertain` one (a re-check), a `pending` one whose lease ran out (its
   * worker died or gave up), or one without a lease that this instance owns
   * (adopted) is claimed; a pending row under a running lease, even this
   * instance's own, is left alone. Returns the row as it now
   * stands, with `claimed`.
   */
  begin(channelId: string, articleId: string, scheduleId: number | null, nonce: string, now: number, contentKey?: string | null, leaseMs?: number): BegunDelivery;
  /** Record the post as sent, only while this instance still holds the row pending; false (nothing changed) when another took it over. */
  markSent(channelId: string, articleId: string, messageId: string, now: number): boolean;
  /**
   * End an attempt, only while this instance still holds the row pending (false otherwise, nothing changed).
   * `failed`: retried at the next run. `rejected`: Discord refused this payload, never retried. `uncertain`: see {@link DeliveryStatus}.
   */
  markFailed(channelId: string, articleId: string, status: 'failed' | 'rejected' | 'uncertain', error: string, now: number): boolean;
  /** This channel's deliveries with this status, oldest first, at most `limit` (e.g. the `uncertain` ones to check again). */
  withStatus(channelId: string, status: DeliveryStatus, limit: number): DeliveryRecord[];
  /** Record articles as skipped (never to be posted), leaving existing rows alone. */
  skip(channelId: string, articles: readonly SkippedArticle[], scheduleId: number, now: number): number;
  /** Channels that have a delivery left `pending` (a crash between send and record). */
  channelsWithPending(): string[];
  /** Take over every `pending` delivery of an instance that is gone, its lease ended (at start: retried at once): this store becomes the owner and the row's lease ends, so the next run of its channel, in any worker, sends it. Returns how many. */
  adoptPending(): number;
  /** Content keys this channel has received, or must never receive (sent, skipped, rejected, uncertain). */
  settledContentKeys(channelId: string): Set<string>;
  /** How many of this channel's deliveries have this status (e.g. `uncertain`, for `/schedule list`). */
  countWithStatus(channelId: string, status: DeliveryStatus): number;
}

export type { QuotePageStore, QuoteSearch, QuoteSearchRecord } from '../library/quote-pages';

/** The persistence the scheduler and the `/schedule` command use. */
export interface Store {
  schedules: ScheduleStore;
  deliveries: DeliveryStore;
  /**
   * Make sure the store still writes where it will read at the next start:
   * a database file deleted or replaced while open is written back from the
   * open connection (and reopened). The scheduler calls it before each tick.
   *
   * @throws when the file can be neither checked nor restored (the tick then claims nothing).
   */
  checkFile?(): void;
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
  /** Postgres: locks across processes (a channel posted to by one worker at a time). Absent on SQLite: one process holds the file. */
  locks?: SessionLocks;
  /** See {@link Store.checkFile} (SQLite only: a Postgres database is not a file the bot can lose). */
  checkFile?(): void | Promise<void>;
  close(): void | Promise<void>;
}

/**
 * Named locks shared by every process on one Postgres: session advisory locks
 * held on one dedicated connection. A process that dies (SIGKILL, power,
 * network) loses its connection and with it every lock it held, at once: no
 * lease to wait out. Locks are reentrant within the process (one session), so
 * a process still keeps its own bookkeeping of what it holds.
 */
export interface SessionLocks {
  /** Take `name` if no other process holds it; false when another does or the connection is down. */
  tryLock(name: string): Promise<boolean>;
  /** Release `name` (no-op when not held or the connection is gone). */
  unlock(name: string): Promise<void>;
  /** Called once when the connection is lost: every lock held is gone (the next `tryLock` reconnects). */
  onLost(listener: (error: Error) => void): void;
  /** Release every lock and close the connection. */
  close(): Promise<void>;
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
  /** Tell the other processes that feed articles were stored or deleted (Postgres `NOTIFY`; the active `ROLE=ingest` follows them). */
  announceFeedArticles?(): Promise<void>;
  /** Call `listener` whenever a process announces feed articles stored or deleted (Postgres `LISTEN`); resolves with a function that stops listening. */
  onFeedArticles?(listener: () => void): Promise<() => Promise<void>>;
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
  /** Feeds, where the store keeps them (SQLite's through `asAsyncStore`, Postgres's). */
  feeds?: Async<FeedStore>;
  /** The kept `/quote` searches, where the store keeps them (SQLite's through `asAsyncStore`, Postgres's). */
  quotePages?: Async<QuotePageStore>;
  /** See {@link AnyStore.locks}. */
  locks?: SessionLocks;
  close(): Promise<void>;
}

/** One feed subscription: post a feed's new items to a channel of a guild. */
export interface FeedRecord {
  id: number;
  guildId: string;
  channelId: string;
  /** The feed's URL (updated when the feed moves with a permanent redirect). */
  url: string;
  /** The feed's own title ('' until known). */
  title: string;
  /** Conditional GET validators of the last 200. */
  etag: string | null;
  lastModified: string | null;
  createdBy: string;
  createdAt: number;
  /** Epoch ms of the last check, null before the first. */
  lastCheckAt: number | null;
  /** Epoch ms of the next check. */
  nextCheckAt: number;
  /** Failures in a row (reset by a good check); drives the backoff. */
  failures: number;
  /** What the last check did ("2 new", "not modified", "HTTP 500"). */
  lastDetail: string | null;
  /** Why the feed is paused (a moderator, a gone feed, too many failures); null when active. */
  pausedReason: string | null;
}

/** What subscribing needs. */
export type NewFeed = Pick<FeedRecord, 'guildId' | 'channelId' | 'url' | 'title' | 'createdBy' | 'createdAt' | 'nextCheckAt'>;

/** The outcome of one check, written back to the feed. */
export interface FeedCheck {
  at: number;
  nextCheckAt: number;
  failures: number;
  detail: string;
  /** Set only when they change (a 200 with validators, a permanent redirect, a new title). */
  etag?: string | null;
  lastModified?: string | null;
  url?: string;
  title?: string;
}

/** A feed item's article as fetched: what is briefed and posted, kept so a restart neither refetches nor reposts. */
export interface FeedArticleRecord {
  /** Library id of the article (`feed<feedId>-<hash of the item key>`). */
  id: string;
  feedId: number;
  guildId: string;
  itemKey: string;
  /** The article page, if the item links one. */
  url: string | null;
  title: string;
  author: string | null;
  /** The feed's title, shown as the source. */
  source: string;
  /** Epoch ms of publication, else when it was found. */
  publishedAt: number;
  /** The article text (the linked page's, else the item's own). */
  text: string;
  fetchedAt: number;
}

/** Persistence of feeds, their seen keys and their articles. Every method a user reaches is scoped by guild. */
export interface FeedStore {
  /** Subscribe; undefined when this guild already has this URL in this channel. */
  create(feed: NewFeed): FeedRecord | undefined;
  /** Any feed by id (poller use). */
  get(id: number): FeedRecord | undefined;
  /** A feed of this guild, or undefined if the id belongs to another guild or none. */
  getInGuild(guildId: string, id: number): FeedRecord | undefined;
  listByGuild(guildId: string): FeedRecord[];
  /** Unsubscribe (its seen keys and articles go too); false if this guild has no such feed. */
  remove(guildId: string, id: number): boolean;
  pause(id: number, reason: string, at: number): void;
  /** Clear the pause and the failure count; check at `nextCheckAt`. */
  resume(id: number, nextCheckAt: number): void;
  /** Active feeds with `next_check_at <= now`, earliest first. */
  due(now: number, limit?: number): FeedRecord[];
  /** Earliest `next_check_at` of the active feeds. */
  earliestNextCheck(): number | undefined;
  /** Move the next check (claiming it before it starts). */
  setNextCheck(id: number, nextCheckAt: number): void;
  /**
   * Claim up to `limit` due feeds for one checker, in one transaction: each
   * claimed feed's `next_check_at` becomes `now + leaseMs` (the lease), so no
   * other checker takes it while the lease runs, and the feed of a checker
   * that dies is due again when the lease ends. The check's
   * {@link recordCheck} then writes the real next check. Returned earliest
   * first. Postgres: `FOR UPDATE SKIP LOCKED`; SQLite: an immediate transaction.
   */
  claimDue(now: number, limit: number, leaseMs: number): FeedRecord[];
  recordCheck(id: number, check: FeedCheck): void;
  /** Which of `keys` this feed has seen. */
  seen(feedId: number, keys: readonly string[]): Set<string>;
  /** Record keys as seen at `at` (again, for keys still in the feed) and store articles, in one transaction. */
  remember(feedId: number, keys: readonly string[], articles: readonly FeedArticleRecord[], at: number): void;
  /** Forget keys last seen `olderThanMs` before the feed's latest sighting (items long gone from it). Returns how many. */
  forgetOlder(feedId: number, olderThanMs: number): number;
  /** This feed's stored articles its channel has not received (no delivery, or pending/failed), oldest first. */
  owed(feedId: number, channelId: string): FeedArticleRecord[];
  getArticle(id: string): FeedArticleRecord | undefined;
  /** Every stored article of this guild's feeds, oldest first. */
  articlesOfGuild(guildId: string): FeedArticleRecord[];
  /** Every stored feed article, oldest first (loading the library at start). */
  allArticles(): FeedArticleRecord[];
  /** The stored articles fetched at or after `since` (epoch ms), earliest fetched first (a follower catching up). */
  articlesFetchedSince(since: number): FeedArticleRecord[];
  /** Which articles are stored: id and server of each, no text (a follower finding the deleted ones). */
  storedArticleIds(): PrunedArticle[];
  /** Make every active feed whose channel is owed a stored article due at `now` (start-up after a stop mid-poll). */
  makeDueWithOwed(now: number): number;
  /**
   * Delete the articles fetched before `fetchedBefore`, except each feed's
   * `keepNewest` newest (by publication) and those its channel is still owed.
   * Seen keys are left alone: a deleted article is never posted again.
   * Returns what was deleted.
   */
  pruneArticles(fetchedBefore: number, keepNewest: number): PrunedArticle[];
}

/** A feed article deleted by {@link FeedStore.pruneArticles}. */
export interface PrunedArticle {
  id: string;
  guildId: string;
}

/** A {@link Store} that also keeps feeds and `/quote` searches (the SQLite store does). */
export interface StoreWithFeeds extends Store {
  feeds: FeedStore;
  quotePages: QuotePageStore;
}
