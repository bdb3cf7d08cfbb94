import type { ArticleLibrary, LibraryArticle } from '../library/types';
import type { DeliveryStatus, RunResult, ScheduleRecord, Store } from '../store/types';
import { deliveryNonce } from './nonce';
import type { ChannelMessage, Poster } from './poster';

/** Most articles posted to one channel by one run; the rest wait for the next. */
export const MAX_POSTS_PER_RUN = 5;

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
  detail: string;
}

/** What a run needs. */
export interface RunDeps {
  store: Pick<Store, 'schedules' | 'deliveries'>;
  library: ArticleLibrary;
  poster: Poster;
  /** The briefing message of an article (`renderBriefingMessage`). */
  render: (article: LibraryArticle) => ChannelMessage;
  /** Cap per run (default {@link MAX_POSTS_PER_RUN}). */
  maxPerRun?: number;
  /** What a server's schedules see: the library plus the server's own feed articles (absent: `library` alone). */
  libraryFor?: (guildId: string) => ArticleLibrary;
}

/** The articles a schedule posts from: its server's view of the library. */
const libraryOfSchedule = (schedule: ScheduleRecord, deps: RunDeps): ArticleLibrary => deps.libraryFor?.(schedule.guildId) ?? deps.library;

const OWED: ReadonlySet<DeliveryStatus | undefined> = new Set([undefined, 'pending', 'failed']);

/**
 * The articles a run should post, oldest first, at most `max`: those the
 * channel has no record of, plus those left pending or failed. A first run
 * (schedule not primed) takes only the newest article and records every
 * other unrecorded one as skipped, so it is never posted later.
 */
export function planRun(schedule: ScheduleRecord, deps: RunDeps, now: number): { articles: LibraryArticle[]; skipped: number } {
  const statuses = deps.store.deliveries.statusesForChannel(schedule.channelId);
  const max = deps.maxPerRun ?? MAX_POSTS_PER_RUN;
  const library = libraryOfSchedule(schedule, deps);
  if (!schedule.primed) {
    const newest = library.newest();
    const others = library.all().filter((article) => article.id !== newest?.id && !statuses.has(article.id)).map((article) => article.id);
    const skipped = deps.store.deliveries.skip(schedule.channelId, others, schedule.id, now);
    deps.store.schedules.markPrimed(schedule.id);
    return { articles: newest && OWED.has(statuses.get(newest.id)) ? [newest] : [], skipped };
  }
  const articles: LibraryArticle[] = [];
  for (const article of library.all()) {
    if (!OWED.has(statuses.get(article.id))) continue;
    articles.push(article);
    if (articles.length >= max) break;
  }
  return { articles, skipped: 0 };
}

/**
 * One run of one schedule: post what the channel is owed, one article at a
 * time and in order. Each post is first recorded as `pending` with its
 * deterministic nonce (see {@link deliveryNonce}), then sent, then marked
 * `sent`. A transient failure stops the run (order kept; retried next run);
 * a refusal pauses the schedule; a rejected payload is recorded and skipped.
 * Writes the run's result to the schedule. Never throws for Discord errors.
 */
export async function runSchedule(schedule: ScheduleRecord, deps: RunDeps, now: number): Promise<RunReport> {
  const { deliveries, schedules } = deps.store;
  const report: RunReport = { scheduleId: schedule.id, channelId: schedule.channelId, result: 'ok', posted: [], skipped: 0, rejected: [], detail: '' };
  const plan = planRun(schedule, deps, now);
  report.skipped = plan.skipped;
  for (const article of plan.articles) {
    const row = deliveries.begin(schedule.channelId, article.id, schedule.id, deliveryNonce(schedule.channelId, article.id), now);
    if (row.status !== 'pending') continue;
    let message: ChannelMessage;
    try {
      // From get(): `all()` may hold an article whose summary is still being filled in.
      message = deps.render(libraryOfSchedule(schedule, deps).get(article.id) ?? article);
    } catch (error) {
      deliveries.markFailed(schedule.channelId, article.id, 'rejected', `render failed: ${error instanceof Error ? error.message : String(error)}`, now);
      report.rejected.push(article.id);
      continue;
    }
    const outcome = await deps.poster.post(schedule.channelId, message, row.nonce);
    if (outcome.kind === 'ok') {
      deliveries.markSent(schedule.channelId, article.id, outcome.messageId, now);
      report.posted.push(article.id);
      continue;
    }
    if (outcome.kind === 'reject') {
      deliveries.markFailed(schedule.channelId, article.id, 'rejected', outcome.reason, now);
      report.rejected.push(article.id);
      continue;
    }
    if (outcome.kind === 'pause') {
      // The delivery stays pending: after /schedule resume it is retried with the same nonce.
      schedules.pause(schedule.id, outcome.reason, now);
      schedules.recordRun(schedule.id, { at: now, result: 'paused', detail: outcome.reason });
      return { ...report, result: 'paused', detail: outcome.reason };
    }
    deliveries.markFailed(schedule.channelId, article.id, 'failed', outcome.reason, now);
    report.result = 'failed';
    report.detail = outcome.reason;
    break;
  }
  if (report.result === 'ok') report.detail = describe(report);
  schedules.recordRun(schedule.id, { at: now, result: report.result === 'failed' ? 'failed' : 'ok', detail: report.detail });
  return report;
}

function describe(report: RunReport): string {
  const parts = [report.posted.length ? `posted ${report.posted.length}` : 'nothing new'];
  if (report.rejected.length) parts.push(`${report.rejected.length} rejected by Discord`);
  return parts.join(', ');
}
