import { positionOf, type ArticleReader, type OwedArticle, type StreamStart } from '../library/reader';
import type { LibraryArticle } from '../library/types';
import type { AnyStore, DeliveryStatus, ScheduleRecord, StreamPosition } from '../store/types';

export { compareToPosition, firstIndexFrom, firstIndexFromPlain, positionOf } from '../library/reader';

/** Most articles posted to one channel by one run; the rest wait for the next. */
export const MAX_POSTS_PER_RUN = 5;

/** What planning a run needs. */
export interface PlanDeps {
  store: Pick<AnyStore, 'schedules' | 'deliveries'>;
  /** Cap per run (default {@link MAX_POSTS_PER_RUN}). */
  maxPerRun?: number;
  /** Articles read per page of the stream (default {@link pageSizeFor} the cap). */
  pageSize?: number;
}

/** What a run should do. */
export interface RunPlan {
  /** The articles to post, oldest first. */
  articles: LibraryArticle[];
  /** New articles recorded as skipped because the channel has their content under another id (a renamed file). */
  skipped: number;
}

/** Statuses that settle an article (the channel has it, or must never get it). */
const SETTLED: ReadonlySet<DeliveryStatus | undefined> = new Set(['sent', 'skipped', 'rejected', 'uncertain']);

/** Articles read per page when a schedule from before positions gets one (once, possibly over the whole stream): large pages, few reads. */
const DERIVE_PAGE_SIZE = 1000;

/** Articles read per page of the stream: a few runs' worth, so that most runs read one page. */
export const pageSizeFor = (maxPerRun: number): number => Math.max(16, 4 * maxPerRun);

/**
 * Every item of pages read by `read` from `start` (null: the beginning),
 * oldest first, until `visit` returns false or a page comes short: the next
 * page starts just after the last item's article.
 */
async function walkPages<T>(read: (from: StreamStart | null, limit: number) => Promise<T[]>, articleOf: (item: T) => LibraryArticle, start: StreamStart | null, pageSize: number, visit: (item: T) => boolean): Promise<void> {
  for (let from = start; ; ) {
    const page = await read(from, pageSize);
    for (const item of page) if (!visit(item)) return;
    const last = page.at(-1);
    if (!last || page.length < pageSize) return;
    from = { position: positionOf(articleOf(last)), exclusive: true };
  }
}

/**
 * Every article of the stream from `start` (null: the beginning), page by
 * page, oldest first, until `visit` returns false or the stream ends: what
 * a run reads instead of the whole library.
 */
export async function walkStream(reader: Pick<ArticleReader, 'stream'>, start: StreamStart | null, pageSize: number, visit: (article: LibraryArticle) => boolean): Promise<void> {
  await walkPages((from, limit) => reader.stream(from, limit), (article) => article, start, pageSize, visit);
}

/**
 * The position of a schedule made before positions were stored (its first
 * run recorded every article it found as skipped): the first article of the
 * stream its channel has not settled, else the newest. Articles owed then
 * stay owed, those settled before it are never reconsidered. Reads the
 * stream in pages, up to that article.
 */
export async function derivePosition(reader: Pick<ArticleReader, 'stream'>, statuses: ReadonlyMap<string, DeliveryStatus>, pageSize = DERIVE_PAGE_SIZE): Promise<StreamPosition | null> {
  let found: LibraryArticle | undefined;
  let last: LibraryArticle | undefined;
  await walkStream(reader, null, pageSize, (article) => {
    last = article;
    if (SETTLED.has(statuses.get(article.id))) return true;
    found = article;
    return false;
  });
  const at = found ?? last;
  return at ? positionOf(at) : null;
}

/**
 * Where the schedule starts in the stream, stored on its first run: the
 * newest article (so a first run posts that one only, and nothing written
 * for the others). A schedule from before positions gets one derived from
 * its delivery rows (see {@link derivePosition}). Null while the library is
 * empty: from the start.
 */
async function startOf(schedule: ScheduleRecord, reader: ArticleReader, statuses: () => Promise<ReadonlyMap<string, DeliveryStatus>>, deps: PlanDeps): Promise<StreamPosition | null> {
  if (schedule.position) return schedule.position;
  const newest = schedule.primed ? undefined : await reader.newest();
  const position = !schedule.primed ? (newest ? positionOf(newest) : null) : await derivePosition(reader, await statuses(), deps.pageSize ?? DERIVE_PAGE_SIZE);
  if (!schedule.primed || position) await deps.store.schedules.markPrimed(schedule.id, position);
  return position;
}

/** A visit of one owed article (see {@link walkOwed}): false to stop. */
type OwedVisit = (owed: OwedArticle) => boolean;

/** What the channel has settled, as the plain walk reads it: each article's row's status, and the content keys of settled rows. */
export interface ChannelRecord {
  statuses: ReadonlyMap<string, DeliveryStatus>;
  settledContent: ReadonlySet<string>;
}

/**
 * The owed articles of the stream from `start` (those the channel has not
 * settled, with their row's status and whether their content is settled),
 * oldest first, until `visit` returns false: the plain way, every article
 * of the stream read (see {@link walkStream}) and those the channel's
 * `record` settles dropped here. What {@link walkOwed} does without a reader
 * that can leave them out itself, and the reference its property test
 * compares with.
 */
export async function walkOwedPlain(reader: Pick<ArticleReader, 'stream'>, record: ChannelRecord, start: StreamStart | null, pageSize: number, visit: OwedVisit): Promise<void> {
  await walkStream(reader, start, pageSize, (article) => {
    const status = record.statuses.get(article.id);
    if (SETTLED.has(status)) return true;
    const contentSettled = article.contentKey !== undefined && record.settledContent.has(article.contentKey);
    return visit({ article, ...(status === 'pending' || status === 'failed' ? { status } : {}), ...(contentSettled ? { contentSettled } : {}) });
  });
}

/**
 * The owed articles of channel `channelId` in the stream from `start`,
 * oldest first, until `visit` returns false: read owed alone, page by page,
 * when the reader can (`streamOwed`: Postgres leaves out settled articles in
 * its query), else as {@link walkOwedPlain} reads them, with the channel's
 * `record` (loaded only then).
 */
export async function walkOwed(reader: ArticleReader, channelId: string, record: () => Promise<ChannelRecord>, start: StreamStart | null, pageSize: number, visit: OwedVisit): Promise<void> {
  if (!reader.streamOwed) return walkOwedPlain(reader, await record(), start, pageSize, visit);
  await walkPages((from, limit) => reader.streamOwed!(from, channelId, limit), (owed) => owed.article, start, pageSize, visit);
}

/** `load` run once, on the first call (the channel's statuses: only the plain walk and a schedule from before positions need them). */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () => (loaded ??= load());
}

/**
 * The articles a run should post, oldest first (by timestamp, then id, as
 * the library orders them), at most `maxPerRun`: those at or after the
 * schedule's position in the stream that the channel has no record of, plus
 * those left pending or failed, except content the channel already has
 * under another id (a renamed file: recorded as skipped). No row is written
 * for an article that is not posted: a schedule made over a library of a
 * million articles writes one position, not a million rows. The stream is
 * read in pages from the position (see {@link walkOwed}: on Postgres
 * the articles the channel settled are left out in the query), never whole.
 */
export async function planRun(schedule: ScheduleRecord, reader: ArticleReader, deps: PlanDeps, now: number): Promise<RunPlan> {
  const { deliveries } = deps.store;
  const { channelId } = schedule;
  const statuses = once(async () => deliveries.statusesForChannel(channelId));
  const record = async (): Promise<ChannelRecord> => ({ statuses: await statuses(), settledContent: await deliveries.settledContentKeys(channelId) });
  const start = await startOf(schedule, reader, statuses, deps);
  const max = deps.maxPerRun ?? MAX_POSTS_PER_RUN;
  const duplicates: LibraryArticle[] = [];
  const articles: LibraryArticle[] = [];
  // Content planned by this run: a second article of it is a duplicate too.
  const planned = new Set<string>();
  // An id the stream gives twice (a server's article and the operator's of that id) is one delivery: the first only.
  const seen = new Set<string>();
  if (max > 0) await walkOwed(reader, channelId, record, start && { position: start }, deps.pageSize ?? pageSizeFor(max), ({ article, status, contentSettled }) => {
    if (seen.has(article.id)) return true;
    seen.add(article.id);
    const key = article.contentKey;
    if (key && (contentSettled || planned.has(key))) {
      if (!status) duplicates.push(article);
      return true;
    }
    if (key) planned.add(key);
    articles.push(article);
    return articles.length < max;
  });
  const skipped = duplicates.length ? await deliveries.skip(channelId, duplicates, schedule.id, now) : 0;
  return { articles, skipped };
}
