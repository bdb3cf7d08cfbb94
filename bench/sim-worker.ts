/**
 * One scheduler worker of `npm run sim`, in its own process: the real
 * scheduler (`createScheduling`: claims, runs, nonces, the paced REST poster)
 * against the sim's Postgres and fake Discord, posting the sim's one article
 * to every channel that is owed it, and adopting the pending posts of killed
 * workers as the app's adoption service does. Sends its RSS and heap in use, after a full GC, to the parent every 2 s (`sampleMs`).
 * Argument: JSON {@link SimWorkerArgs}.
 */
import { REST } from 'discord.js';
import { honourBodyRetryAfter } from '../src/discord/rest-compat';
import { memoryReader, type ArticleReader } from '../src/library/reader';
import type { LibraryArticle } from '../src/library/types';
import { createLogger } from '../src/logger';
import { adoptionService } from '../src/scheduler/adoption';
import { pacedRest, requestPacer } from '../src/scheduler/rate-limit';
import { singleAttemptRest } from '../src/scheduler/rest';
import { createScheduling } from '../src/scheduler/wire';
import { createPostgresStore } from '../src/store/postgres';

/** What the parent passes. */
export interface SimWorkerArgs {
  databaseUrl: string;
  apiUrl: string;
  /** Requests per second of this worker (Discord's 50 × its share). */
  perSecond: number;
  /** The article every owed channel gets. */
  article: LibraryArticle;
  /** WORKER_LEASE_SECONDS: a killed worker's pending posts are adopted by a live one after this long. */
  leaseSeconds: number;
  /** ms between RSS reports (default 2000). */
  sampleMs?: number;
  /** The soak: a new article (id and timestamp of its period) every this many ms, so a channel due again is owed a post again. */
  rotateArticleMs?: number;
}

/** A message to the parent. */
/** `cpuMs`: the process's user + system CPU time so far; `heap`: V8 heap in use, bytes. */
export type SimWorkerMessage = { kind: 'ready' } | { kind: 'rss'; rss: number; heap: number; cpuMs: number; at: number };

const TOKEN = 'c2ltLWJvdA.sim.token-not-a-secret';

function oneArticleLibrary(article: LibraryArticle): ArticleReader {
  return memoryReader({ all: () => [article], get: (id) => (id === article.id ? article : undefined), newest: () => article });
}

/**
 * The soak's library: one article at a time, `base` renamed `<id>-<n>` and
 * dated at the start of period n (`periodMs` long), so every period brings a
 * newer article; an older one is still found by its id (a pending post re-sent).
 */
function rotatingLibrary(base: LibraryArticle, periodMs: number, now: () => number = Date.now): ArticleReader {
  const prefix = `${base.id}-`;
  const numbered = (n: number): LibraryArticle => ({ ...base, id: `${prefix}${n}`, timestamp: n * periodMs });
  const current = (): LibraryArticle => numbered(Math.floor(now() / periodMs));
  const get = (id: string): LibraryArticle | undefined => {
    const n = id.startsWith(prefix) ? Number(id.slice(prefix.length)) : Number.NaN;
    return Number.isSafeInteger(n) ? numbered(n) : undefined;
  };
  return memoryReader({ all: () => [current()], get, newest: current });
}

async function main(): Promise<void> {
  const args = JSON.parse(process.argv[2] ?? '{}') as SimWorkerArgs;
  const logger = createLogger({ level: 'error', destination: process.stderr });
  const leaseMs = args.leaseSeconds * 1000;
  const store = await createPostgresStore(args.databaseUrl, (error) => logger.error({ err: error }, 'postgres connection error'), { ownerLeaseMs: leaseMs });
  const rest = singleAttemptRest(new REST({ api: args.apiUrl, makeRequest: honourBodyRetryAfter() }), TOKEN);
  const { service, scheduling } = createScheduling({
    config: { databasePath: ':unused:', deliveryNonceWindowSeconds: 300, scheduleSpreadSeconds: 60, workerLeaseSeconds: args.leaseSeconds },
    logger,
    rest: pacedRest(rest, requestPacer(args.perSecond)),
    library: args.rotateArticleMs ? rotatingLibrary(args.article, args.rotateArticleMs) : oneArticleLibrary(args.article),
    store,
  });
  await service.start();
  // As the app does on Postgres: the pending posts of a killed worker are taken over while this one runs.
  const adoption = adoptionService({ store, now: Date.now, logger, onAdopted: () => scheduling.wake() }, Math.max(1000, Math.floor(leaseMs / 3)));
  adoption.start();
  const send = (message: SimWorkerMessage): void => void process.send?.(message);
  send({ kind: 'ready' });
  const sample = (): void => {
    const cpu = process.cpuUsage();
    // After a full collection (the fleet starts workers with --expose-gc): what is retained, not garbage awaiting the next GC.
    (globalThis as { gc?: () => void }).gc?.();
    const memory = process.memoryUsage();
    send({ kind: 'rss', rss: memory.rss, heap: memory.heapUsed, cpuMs: (cpu.user + cpu.system) / 1000, at: Date.now() });
  };
  sample();
  setInterval(sample, args.sampleMs ?? 2000);
  process.on('SIGTERM', () => void Promise.resolve(adoption.stop()).then(() => service.stop()).finally(() => process.exit(0)));
  process.on('disconnect', () => process.exit(0));
}

main().catch((error: unknown) => {
  process.stderr.write(`sim worker: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
