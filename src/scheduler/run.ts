import type { ArticleLibrary, LibraryArticle } from '../library/types';
import type { AnyStore, DeliveryRecord, DeliveryStatus, RunResult, ScheduleRecord } from '../store/types';
import { deliveryNonce } from './nonce';
import type { FindOutcome, PostOutcome } from './outcome';
import { withTimeout } from './pool';
import { DEFAULT_NONCE_WINDOW_MS, type ChannelMessage, type Poster } from './poster';

/** Most articles posted to one channel by one run; the rest wait for the next. */
export const MAX_POSTS_PER_RUN = 5;

/** Longest a run waits for the library to finish taking in files that are arriving, before it selects (ms). */
export const LIBRARY_IDLE_WAIT_MS = 20_000;

/** What one run of one schedule did. */
export interface RunReport {
  scheduleId: number;
  channelId: string;
  /** ok, failed (retry next run), paused (Discord refused the channel), or busy/timeout (see detail). */
  result: RunResult | 'busy';
  /** Article ids posted, in order. */
  posted: string[];
  /** Articles recorded as skipped by a first run. */
  skipped: number;
  /** Articles Discord rejected for good. */
  rejected: string[];
  /** Articles whose earlier post could be neither found nor ruled out (no Read Message History): recorded `uncertain`. */
  uncertain?: string[];
  detail: string;
}

/** What a run needs. */
export interface RunDeps {
  store: Pick<AnyStore, 'schedules' | 'deliveries' | 'checkFile'>;
  library: ArticleLibrary;
  poster: Poster;
  /** The briefing message of an article (`renderBriefingMessage`). */
  render: (article: LibraryArticle) => ChannelMessage;
  /** Cap per run (default {@link MAX_POSTS_PER_RUN}). */
  maxPerRun?: number;
  /**
   * How long Discord folds a repeated nonce, ms (default 5 minutes). A
   * delivery left pending or failed longer ago than this is reconciled with
   * the channel's history before it is posted again.
   */
  nonceWindowMs?: number;
  /** Look in the history before re-sending (default true; false only to show what happens without). */
  reconcile?: boolean;
  /** What a server's schedules see: the library plus the server's own feed articles (absent: `library` alone). */
  libraryFor?: (guildId: string) => ArticleLibrary;
}

/** The articles a schedule posts from: its server's view of the library. */
const libraryOfSchedule = (schedule: ScheduleRecord, deps: RunDeps): ArticleLibrary => deps.libraryFor?.(schedule.guildId) ?? deps.library;

const OWED: ReadonlySet<DeliveryStatus | undefined> = new Set([undefined, 'pending', 'failed']);

/** Prefix of the error of a delivery that certainly did not land (Discord refused the channel). */
const NOT_SENT = 'not sent: ';

/**
 * The articles a run should post, oldest first (by timestamp, then id, as
 * the library orders them), at most `max`: those the channel has no record
 * of, plus those left pending or failed, except content the channel already
 * has under another id (a renamed file: recorded as skipped). A first run
 * (schedule not primed) takes only the newest article and records every
 * other unrecorded one as skipped, so it is never posted later.
 */
export async function planRun(schedule: ScheduleRecord, deps: RunDeps, now: number): Promise<{ articles: LibraryArticle[]; skipped: number }> {
  const { deliveries } = deps.store;
  const { channelId } = schedule;
  const statuses = await deliveries.statusesForChannel(channelId);
  const settled = await deliveries.settledContentKeys(channelId);
  const max = deps.maxPerRun ?? MAX_POSTS_PER_RUN;
  const duplicates: LibraryArticle[] = [];
  /** Owed, and not content the channel has (or is getting in this run) under another id. */
  const owed = (article: LibraryArticle): boolean => {
    if (!OWED.has(statuses.get(article.id))) return false;
    if (!article.contentKey || !settled.has(article.contentKey)) return true;
    if (!statuses.has(article.id)) duplicates.push(article);
    return false;
  };
  const take = (article: LibraryArticle): void => {
    if (article.contentKey) settled.add(article.contentKey);
  };
  let articles: LibraryArticle[] = [];
  let skipped = 0;
  const library = libraryOfSchedule(schedule, deps);
  if (!schedule.primed) {
    const newest = library.newest();
    const others = library.all().filter((article) => article.id !== newest?.id && !statuses.has(article.id));
    skipped = await deliveries.skip(channelId, others, schedule.id, now);
    await deps.store.schedules.markPrimed(schedule.id);
    articles = newest && owed(newest) ? [newest] : [];
  } else {
    for (const article of library.all()) {
      if (!owed(article)) continue;
      take(article);
      articles.push(article);
      if (articles.length >= max) break;
    }
  }
  if (duplicates.length) skipped += await deliveries.skip(channelId, duplicates, schedule.id, now);
  return { articles, skipped };
}

/** True when an earlier attempt of this delivery may have created the message (unknown end, or a transient failure). */
function mayHaveLanded(previous: DeliveryRecord | undefined): previous is DeliveryRecord {
  if (!previous) return false;
  return previous.status === 'pending' || (previous.status === 'failed' && !previous.error?.startsWith(NOT_SENT));
}

function fromFind(found: FindOutcome): PostOutcome | undefined {
  if (found.kind === 'found') return { kind: 'ok', messageId: found.messageId };
  if (found.kind === 'forbidden') return { kind: 'uncertain', reason: found.reason };
  if (found.kind === 'retry') return found;
  return undefined;
}

/**
 * Post one article, or find that an earlier attempt already did: an attempt
 * older than the nonce window (Discord no longer folds its nonce) is first
 * looked for in the channel's history.
 */
async function deliver(deps: RunDeps, channelId: string, message: ChannelMessage, nonce: string, previous: DeliveryRecord | undefined, now: number): Promise<PostOutcome> {
  const window = deps.nonceWindowMs ?? DEFAULT_NONCE_WINDOW_MS;
  if (deps.reconcile !== false && deps.poster.find && mayHaveLanded(previous) && now - previous.updatedAt >= window) {
    const known = fromFind(await deps.poster.find(channelId, message, nonce, previous.createdAt));
    if (known) return known;
  }
  return deps.poster.post(channelId, message, nonce);
}

/**
 * One run of one schedule: post what the channel is owed, one article at a
 * time and in order. The selection waits (bounded) for the library to take
 * in files that are arriving, so it sees them all. Each post is first
 * recorded as `pending` with its deterministic nonce (see
 * {@link deliveryNonce}), then sent (or reconciled, see {@link deliver}),
 * then marked `sent`. A transient failure stops the run (order kept; retried
 * next run); a refusal pauses the schedule; a rejected payload is recorded
 * and skipped; a post that can be neither found nor ruled out is recorded
 * `uncertain`. A delivery pending in another instance's hands is left alone.
 * Writes the run's result to the schedule. Never throws for Discord errors.
 */
export async function runSchedule(schedule: ScheduleRecord, deps: RunDeps, now: number): Promise<RunReport> {
  const { deliveries, schedules } = deps.store;
  const report: RunReport = { scheduleId: schedule.id, channelId: schedule.channelId, result: 'ok', posted: [], skipped: 0, rejected: [], uncertain: [], detail: '' };
  if (deps.library.whenIdle) await withTimeout(deps.library.whenIdle(), LIBRARY_IDLE_WAIT_MS, () => undefined);
  const plan = await planRun(schedule, deps, now);
  report.skipped = plan.skipped;
  for (const article of plan.articles) {
    const previous = await deliveries.get(schedule.channelId, article.id);
    const row = await deliveries.begin(schedule.channelId, article.id, schedule.id, deliveryNonce(schedule.channelId, article.id), now, article.contentKey ?? null);
    if (row.status !== 'pending' || row.owner !== deliveries.owner) continue;
    let message: ChannelMessage;
    try {
      // From get(): `all()` may hold an article whose summary is still being filled in.
      message = deps.render(libraryOfSchedule(schedule, deps).get(article.id) ?? article);
    } catch (error) {
      await deliveries.markFailed(schedule.channelId, article.id, 'rejected', `render failed: ${error instanceof Error ? error.message : String(error)}`, now);
      report.rejected.push(article.id);
      continue;
    }
    const outcome = await deliver(deps, schedule.channelId, message, row.nonce, previous, now);
    if (outcome.kind === 'ok') {
      await deliveries.markSent(schedule.channelId, article.id, outcome.messageId, now);
      report.posted.push(article.id);
      continue;
    }
    if (outcome.kind === 'reject' || outcome.kind === 'uncertain') {
      await deliveries.markFailed(schedule.channelId, article.id, outcome.kind === 'reject' ? 'rejected' : 'uncertain', outcome.reason, now);
      (outcome.kind === 'reject' ? report.rejected : report.uncertain!).push(article.id);
      continue;
    }
    if (outcome.kind === 'pause') {
      // Refused: it did not land. After /schedule resume it is retried with the same nonce, without a look in the history.
      await deliveries.markFailed(schedule.channelId, article.id, 'failed', `${NOT_SENT}${outcome.reason}`, now);
      await schedules.pause(schedule.id, outcome.reason, now);
      await schedules.recordRun(schedule.id, { at: now, result: 'paused', detail: outcome.reason });
      return { ...report, result: 'paused', detail: outcome.reason };
    }
    await deliveries.markFailed(schedule.channelId, article.id, 'failed', outcome.reason, now);
    report.result = 'failed';
    report.detail = outcome.reason;
    break;
  }
  if (report.result === 'ok') report.detail = describe(report);
  await schedules.recordRun(schedule.id, { at: now, result: report.result === 'failed' ? 'failed' : 'ok', detail: report.detail });
  return report;
}

function describe(report: RunReport): string {
  const parts = [report.posted.length ? `posted ${report.posted.length}` : 'nothing new'];
  if (report.rejected.length) parts.push(`${report.rejected.length} rejected by Discord`);
  if (report.uncertain?.length) parts.push(`${report.uncertain.length} uncertain (cannot read the channel's history)`);
  return parts.join(', ');
}
