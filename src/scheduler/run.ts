import type { ArticleReader } from '../library/reader';
import type { LibraryArticle } from '../library/types';
import type { AnyStore, RunResult, ScheduleRecord } from '../store/types';
import { deliverOnce, runningClock, type DeliveryDeps } from './deliver';
import { MAX_POSTS_PER_RUN, planRun } from './planning';
import { withTimeout } from './pool';
import type { ChannelMessage } from './poster';

export { MAX_POSTS_PER_RUN, planRun } from './planning';

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
  /** New articles recorded as skipped: their content is in the channel under another id (a renamed file). */
  skipped: number;
  /** Articles Discord rejected for good. */
  rejected: string[];
  /** Articles whose earlier post could be neither found nor ruled out (no Read Message History): left `uncertain`, checked again next run. */
  uncertain?: string[];
  detail: string;
}

/** What a run needs: the store, the library, the poster, and how to deliver (see {@link DeliveryDeps}). */
export interface RunDeps extends Omit<DeliveryDeps, 'deliveries'> {
  store: Pick<AnyStore, 'schedules' | 'deliveries' | 'checkFile'>;
  /** The operator's articles (in memory, or read from Postgres on a `ROLE=scheduler` replica). */
  library: ArticleReader;
  /** The briefing message of an article (`renderBriefingMessage`). */
  render: (article: LibraryArticle) => ChannelMessage;
  /** Cap per run (default {@link MAX_POSTS_PER_RUN}); as many deliveries left uncertain are checked again besides. */
  maxPerRun?: number;
  /** What a server's schedules see: the library plus the server's own feed articles (absent: `library` alone). */
  libraryFor?: (guildId: string) => ArticleReader;
}

/** The articles a schedule posts from: its server's view of the library. */
const libraryOfSchedule = (schedule: ScheduleRecord, deps: RunDeps): ArticleReader => deps.libraryFor?.(schedule.guildId) ?? deps.library;

/** The channel's deliveries left uncertain whose article is still in the library: checked again by this run. */
async function uncertainArticles(schedule: ScheduleRecord, library: ArticleReader, deps: RunDeps): Promise<LibraryArticle[]> {
  const rows = await deps.store.deliveries.withStatus(schedule.channelId, 'uncertain', deps.maxPerRun ?? MAX_POSTS_PER_RUN);
  const articles = await Promise.all(rows.map((row) => library.get(row.articleId)));
  return articles.filter((article) => article !== undefined);
}

/**
 * One run of one schedule: check again the channel's posts left uncertain,
 * then post what it is owed (see {@link planRun}), one article at a time
 * and in order, each through {@link deliverOnce} (claimed under a lease,
 * sent with its nonce, reconciled with the history when an earlier attempt
 * may have landed). The selection waits (bounded) for the library to take in
 * files that are arriving, so it sees them all. A transient failure stops
 * the run (order kept; retried next run); a refusal pauses the schedule; a
 * rejected payload is recorded and skipped; a post that can be neither found
 * nor ruled out stays `uncertain`. A delivery another worker holds is left
 * alone. Writes the run's result to the schedule and ends this worker's lease
 * on it (`finishRun`). Never throws for Discord errors.
 */
export async function runSchedule(schedule: ScheduleRecord, deps: RunDeps, now: number): Promise<RunReport> {
  const { schedules } = deps.store;
  const report: RunReport = { scheduleId: schedule.id, channelId: schedule.channelId, result: 'ok', posted: [], skipped: 0, rejected: [], uncertain: [], detail: '' };
  if (deps.library.whenIdle) await withTimeout(deps.library.whenIdle(), LIBRARY_IDLE_WAIT_MS, () => undefined);
  const library = libraryOfSchedule(schedule, deps);
  const recheck = await uncertainArticles(schedule, library, deps);
  const plan = await planRun(schedule, library, deps, now);
  report.skipped = plan.skipped;
  const delivery = { ...deps, deliveries: deps.store.deliveries };
  const clock = runningClock(now);
  for (const article of [...recheck, ...plan.articles]) {
    // From get(): the stream may hold an article whose summary is still being filled in.
    const shown = (await library.get(article.id)) ?? article;
    const render = (): ChannelMessage => deps.render(shown);
    const result = await deliverOnce({ channelId: schedule.channelId, articleId: article.id, scheduleId: schedule.id, contentKey: article.contentKey ?? null, render }, delivery, clock());
    if (result.kind === 'sent') report.posted.push(article.id);
    else if (result.kind === 'rejected') report.rejected.push(article.id);
    else if (result.kind === 'uncertain') report.uncertain!.push(article.id);
    else if (result.kind === 'paused') {
      await schedules.pause(schedule.id, result.reason, now);
      await schedules.finishRun(schedule.id, { at: now, result: 'paused', detail: result.reason });
      return { ...report, result: 'paused', detail: result.reason };
    } else if (result.kind === 'failed') {
      report.result = 'failed';
      report.detail = result.reason;
      break;
    }
  }
  if (report.result === 'ok') report.detail = describe(report);
  await schedules.finishRun(schedule.id, { at: now, result: report.result === 'failed' ? 'failed' : 'ok', detail: report.detail });
  return report;
}

function describe(report: RunReport): string {
  const parts = [report.posted.length ? `posted ${report.posted.length}` : 'nothing new'];
  if (report.rejected.length) parts.push(`${report.rejected.length} rejected by Discord`);
  if (report.uncertain?.length) parts.push(`${report.uncertain.length} uncertain (cannot read the channel's history)`);
  return parts.join(', ');
}
