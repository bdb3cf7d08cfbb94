import { Client, Events, type ClientOptions } from 'discord.js';
import type { Config } from './config';
import { createFetcher, userAgent } from './content/web/fetcher';
import { createIsolatedExtractor } from './content/web/isolated-extractor';
import { botClientOptions, shardingOptions } from './discord/client-options';
import type { CommandContext, Command } from './discord/command';
import { fatalGatewayClose } from './discord/gateway-close';
import { tolerateGatewayVariants } from './discord/gateway-compat';
import { loadCommands } from './discord/load-commands';
import { createRouter } from './discord/router';
import { FEEDS_SERVICE, createFeeds } from './feeds/wire';
import { memoryReader, readerOf, type ArticleReader, type Library, type ReaderView } from './library';
import type { Logger } from './logger';
import { ChannelLocks } from './scheduler/channel-locks';
import { historyReadable } from './scheduler/permissions';
import { pacedRest, requestPacer } from './scheduler/rate-limit';
import { singleAttemptRest } from './scheduler/rest';
import { SCHEDULING_SERVICE } from './scheduler/scheduling';
import { createScheduling } from './scheduler/wire';
import { asAsyncStore } from './store/async';
import { createPostgresStore } from './store/postgres';
import { createPostgresSearchService, type PostgresSearchService } from './store/postgres/search-service';
import { createInteractionEndpoint, HttpReplies, loginWithoutGateway, webClientOptions } from './web/endpoint';
import { tryToLead, waitToLead } from './ingest-lock';
import { feedArticleFollowing, folderLibrary, othersFeedArticles, takenOverIngest } from './ingest';
import { adoptionService } from './scheduler/adoption';
import { createSessionLocks } from './store/postgres/locks';

/** Whether every gateway shard has a session now: one came up, and none has dropped since without coming back. */
function shardsUp(client: Client): { allUp(): boolean } {
  const down = new Set<number>();
  let sessions = 0;
  const up = (shardId: number): void => void (sessions++, down.delete(shardId));
  client.on(Events.ShardReady, up).on(Events.ShardResume, up);
  client.on(Events.ShardReconnecting, (shardId) => down.add(shardId)).on(Events.ShardDisconnect, (_event, shardId) => down.add(shardId));
  return { allUp: () => sessions > 0 && down.size === 0 };
}

/**
 * Longest wait for the gateway to close on shutdown, ms: connected, for its
 * close handshake (1000), which can take seconds on a loaded machine (a bot
 * gone before it ends leaves Discord a 1006 and a session to resume);
 * otherwise (reconnecting, or no gateway), for a connection that may never come.
 */
const DESTROY_TIMEOUT_MS = { connected: 10_000, otherwise: 2000 } as const;

/** `work`'s value, or false after `ms`. */
async function withinMs(work: Promise<boolean>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
    timer.unref();
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** discord.js's "invalid token" (401 on `GET /gateway/bot`) as the operator's one line; other errors unchanged. */
function tokenRefused(error: unknown): never {
  if ((error as { code?: unknown } | null)?.code === 'TokenInvalid') throw new Error('Discord refused the bot token (401 Unauthorized): check DISCORD_TOKEN');
  throw error;
}

/** Something the app starts after login and stops before logging out (e.g. the scheduler). */
export interface Service {
  name: string;
  start(): void | Promise<void>;
  stop(): void | Promise<void>;
}

/** Options of {@link createApp}. */
export interface AppOptions {
  config: Config;
  logger: Logger;
  /** Extra discord.js client options (tests). */
  clientOptions?: Partial<ClientOptions>;
  /** Folder of command modules (default: the project's `commands/`). */
  commandsDir?: string;
  /** Clock, epoch ms (default `Date.now`). */
  now?: () => number;
  /** Something this process cannot carry on after (the ingest lock lost): the entry point stops and exits non-zero. */
  onFatal?: (reason: string) => void;
}

/** The composed bot. */
export interface App {
  client: Client;
  /** The folder library this process loads and briefs; absent on a `ROLE=web` or `ROLE=scheduler` replica that reads articles from Postgres. */
  library?: Library;
  commands: ReadonlyMap<string, Command>;
  /** Started in order after login, stopped in reverse order on shutdown. */
  services: Service[];
  ctx: CommandContext;
  /** Load the library and log in (in parallel), wait for READY, then start the services. */
  start(): Promise<void>;
  /** Stop the services, the library and the gateway (closed with code 1000). Idempotent. */
  stop(): Promise<void>;
}

/** What {@link addStoreServices} wires together. */
interface StoreServiceParts {
  config: Config;
  logger: Logger;
  client: Client;
  library?: Library;
  /** What a server's schedules and feed posts read: in memory, or from Postgres. */
  articles: ArticleSources;
  now: () => number;
  fetcher: ReturnType<typeof createFetcher>;
  ctx: CommandContext;
  services: Service[];
  /** Whether this process runs schedules and feed checks (`all`, `scheduler`), or only serves `/schedule` and `/feed` (`web`). */
  runsWork: boolean;
}

/**
 * The store (SQLite at `DATABASE_PATH`, or Postgres at `DATABASE_URL`) and
 * what works on it: the scheduler, the feed poller and, on Postgres, the
 * adoption of a dead worker's pending posts. Registered for `/schedule` and
 * `/feed` in `ctx.services` (and its kept `/quote` searches as `ctx.pages`),
 * and pushed to `services` in start order.
 */
async function addStoreServices({ config, logger, client, library, articles, now, fetcher, ctx, services, runsWork }: StoreServiceParts): Promise<void> {
  // A worker that stops renewing (killed) loses its pending posts and feed claims after this long; live ones adopt them.
  const leaseMs = config.workerLeaseSeconds * 1000;
  const store = config.databaseUrl ? await createPostgresStore(config.databaseUrl, (error) => logger.error({ err: error }, 'postgres connection error'), { ownerLeaseMs: leaseMs }) : undefined;
  // Scheduled and feed posts share one pace: this process's part of Discord's global limit (DISCORD_GLOBAL_RATE × DISCORD_RATE_SHARE).
  const postPacer = requestPacer(config.discordGlobalRate * config.discordRateShare);
  // Scheduled and feed posts to one channel take turns: one lock per channel, in this process and (Postgres) across processes.
  const channels = new ChannelLocks(store?.locks);
  const scheduling = createScheduling({ config, logger, rest: pacedRest(singleAttemptRest(client.rest, config.token), postPacer), library: articles.reader(null), now, canReadHistory: historyReadable(client), runScheduler: runsWork, store, libraryFor: articles.reader, channels });
  services.push(scheduling.service);
  ctx.services[SCHEDULING_SERVICE] = scheduling.scheduling;
  // /quote pages live in the same database (closed with it), so that a click through any replica finds its search.
  ctx.pages = store?.quotePages ?? (scheduling.sqlite && asAsyncStore(scheduling.sqlite).quotePages);

  // The feed poller, through the same fetcher and extraction worker (stopped before the scheduler; the web closed last).
  // The scheduler's store: SQLite (one connection, one instance lock per file) or Postgres (DATABASE_URL, closed by the scheduler).
  const feeds = createFeeds({ config, logger, rest: pacedRest(client.rest, postPacer), canReadHistory: historyReadable(client), fetcher, extract: ctx.extract, ...(library ? { library } : {}), now, store: scheduling.sqlite ?? (store?.feeds && { feeds: store.feeds, deliveries: store.deliveries }), runPoller: runsWork, changes: store, locks: store?.locks, claimLeaseMs: leaseMs, channels });
  services.push(feeds.service);
  ctx.services[FEEDS_SERVICE] = feeds.feeds;
  // Postgres, the ROLE=all that writes the articles: feed articles other processes poll join its library too (then Postgres).
  const { feeds: feedStore, onFeedArticles } = store ?? {};
  if (feedStore && onFeedArticles && library) services.push(othersFeedArticles({ config, store: { feeds: feedStore, onFeedArticles: (listener) => onFeedArticles.call(store, listener) }, articles: feeds.feeds.articles, logger }));
  // Postgres: the pending posts of a worker that died are taken over while this one runs (not only when one starts).
  if (store && runsWork) {
    services.push(adoptionService({ store, now, logger: logger.child({ component: 'scheduler' }), onAdopted: () => {
      scheduling.scheduling.wake();
      feeds.feeds.wake();
    } }, Math.max(1000, Math.floor(leaseMs / 3))));
  }
}

/** Where commands and schedules read articles: one view or reader per server (null: a DM, the operator's articles alone). */
interface ArticleSources {
  /** What a command sees: articles and their search. */
  view(guildId: string | null): ReaderView;
  /** What a schedule reads. */
  reader(guildId: string | null): ArticleReader;
}

/**
 * Where this process reads articles: its folder library in memory (searched
 * in Postgres with `DATABASE_URL`), or, without a library (a `ROLE=web` or
 * `ROLE=scheduler` replica), Postgres alone, where `ROLE=ingest` writes them.
 */
function articleSources(library: Library | undefined, search: PostgresSearchService | undefined): ArticleSources {
  if (!library) {
    if (!search) throw new Error('a process without a library reads articles from Postgres: DATABASE_URL is required');
    return { view: (guildId) => search.postgresView(guildId), reader: (guildId) => search.articles.reader(guildId) };
  }
  return {
    view: (guildId) => (search ? search.readerView(library.view(guildId), guildId) : readerOf(library.view(guildId))),
    reader: (guildId) => memoryReader(library.view(guildId)),
  };
}

/**
 * Composition root: library + commands + router + discord.js client, and the
 * list of {@link Service}s.
 *
 * To add a service (the scheduler): create it below where marked, push it to
 * `services` (its `stop()` also closes what it owns, e.g. the database), and
 * expose it to commands with `ctx.services.<name> = …` (or a typed field on
 * `CommandContext`). Never start work before `start()`.
 */
export async function createApp(options: AppOptions): Promise<App> {
  const { config, logger } = options;
  const now = options.now ?? Date.now;
  const { role } = config;
  // DATABASE_URL: one process per database writes the articles (the active ROLE=ingest, or a ROLE=all): it holds the ingest lock.
  const ingestLocks = config.databaseUrl && (role === 'ingest' || role === 'all') ? createSessionLocks(config.databaseUrl) : undefined;
  const leading = new AbortController();
  const lead = { locks: ingestLocks!, logger, signal: leading.signal, onLost: (error: Error): void => options.onFatal?.(`ingest lock lost (${error.message}): stopping so that a standby takes over`) };
  // A ROLE=all that finds the lock held serves commands and runs schedules all the same, reading the articles from Postgres.
  const standby = role === 'all' && ingestLocks !== undefined && !(await tryToLead(lead));
  if (standby) logger.info({ role }, 'another process writes the articles: this one reads them from Postgres (as ROLE=web does) and takes over when it goes');
  // With DATABASE_URL, ROLE=web and ROLE=scheduler read whole articles from Postgres (ROLE=ingest writes them): no folder, no briefing.
  const readsPostgres = Boolean(config.databaseUrl) && (role === 'web' || role === 'scheduler' || standby);
  const library = readsPostgres ? undefined : folderLibrary(config, logger);
  const commands = await loadCommands(options.commandsDir);
  // ROLE=web: no gateway; interactions arrive over HTTP and their first callback becomes the HTTP response.
  // ROLE=scheduler: REST only (posts, channel checks), no gateway and no interactions. ROLE=ingest: no Discord at all.
  const web = role === 'web';
  const gateway = role === 'all';
  const runsWork = role === 'all' || role === 'scheduler';
  const replies = new HttpReplies();
  const extra = { ...options.clientOptions, rest: { timeout: config.restTimeoutMs, ...options.clientOptions?.rest } };
  const client = new Client(botClientOptions(config.apiUrl, web ? webClientOptions(replies, extra) : { ...(gateway ? shardingOptions(config.shards) : {}), ...extra }));
  const services: Service[] = [];
  // DATABASE_URL: /quote and autocomplete read Postgres; the process that briefs the library (ROLE=all, or the active
  // ROLE=ingest once it holds the lock) writes the search tables and the whole articles. Started before the feeds, so
  // that the feed articles they load at start are written too.
  const writes = role === 'all' || role === 'ingest';
  const search = config.databaseUrl ? await createPostgresSearchService({ url: config.databaseUrl, logger, ...(library && writes ? { write: library } : {}) }) : undefined;
  // Each server's feed articles are its own library scope: its commands and schedules see the operator's articles and its own, no other server's.
  const articles = articleSources(library, search);
  const ctx: CommandContext = { ...(library ? { library } : {}), logger, config, now, services: {}, libraryFor: articles.view };

  // The one way the bot reaches the web (/brief url:, feeds): every address checked, size and time capped, 2 connections per host.
  const fetcher = createFetcher({ allowAddresses: config.fetchAllowAddresses, userAgent: userAgent(config.fetchContact), maxBytes: config.fetchMaxBytes, timeoutMs: config.fetchTimeoutMs });
  ctx.fetcher = fetcher;
  // Pages are taken apart in a worker thread, each within a time limit: hostile markup must not stall the gateway.
  const extractor = createIsolatedExtractor();
  ctx.extract = (html, url) => extractor.extract(html, url);
  services.push({ name: 'web', start: () => undefined, stop: async () => void (await Promise.all([fetcher.close(), extractor.close()])) });
  if (search) services.push(search);

  // ── Services: add the scheduler here (see the TSDoc above). ──
  // DATABASE_URL: schedules and deliveries in Postgres (migrated here), shared by every process; else SQLite at DATABASE_PATH.
  if (role !== 'ingest') await addStoreServices({ config, logger, client, library, articles, now, fetcher, ctx, services, runsWork });
  // The active ROLE=ingest with DATABASE_URL also keeps every server's feed articles (polled by ROLE=scheduler) in its library
  // scopes, so that its search writer (started before) puts them in Postgres for the replicas. It polls and posts nothing.
  else if (library && search) services.push(feedArticleFollowing(config, library, search, logger));

  // Interactions can arrive as soon as the gateway is ready, before a large library has loaded: handlers wait for it (deferred meanwhile).
  let libraryLoaded!: () => void;
  const libraryReady = new Promise<void>((resolve) => (libraryLoaded = resolve));
  const route = createRouter({ commands, ctx, logger, ready: libraryReady });
  const reportedVariants = new Set<string>();
  tolerateGatewayVariants(client, config.clientId, (fields, event) => {
    // Once per kind: a stand-in that leaves a field out of every interaction must not flood the log.
    const kind = `${event}:${fields.join(',')}`;
    if (reportedVariants.has(kind)) return;
    reportedVariants.add(kind);
    logger.warn({ event, fields }, `${event} lacked fields discord.js reads; filled in (logged once)`);
  });
  const endpoint = web ? createInteractionEndpoint({ client, replies, route, publicKeyHex: config.publicKey!, port: config.port, host: config.host, logger }) : undefined;
  if (endpoint) services.push(endpoint);
  else if (gateway) client.on(Events.InteractionCreate, (interaction) => void route(interaction));
  client.on(Events.Error, (error) => logger.error({ err: error }, 'discord client error'));
  client.on(Events.Warn, (message) => logger.warn({ message }, 'discord client warning'));
  // A close discord.js will not recover from (bad token, disallowed intents…): start-up fails, or a running bot stops (exit 1), with one line naming what to fix.
  let failGateway: (reason: string) => void = (reason) => options.onFatal?.(reason);
  client.on(Events.ShardDisconnect, (event, shardId) => {
    const fatal = fatalGatewayClose(event.code, client.options.intents.toArray().map(String));
    if (fatal) failGateway(fatal);
    else logger.warn({ code: event.code, shardId }, 'gateway disconnected');
  });
  // Reconnects are routine on Discord (op 7, op 9, a zombie connection, a dropped socket): one info line each, and how it came back.
  // Not while stopping: discord.js reports the closing shards as reconnecting then.
  client.on(Events.ShardReconnecting, (shardId) => {
    if (!stopping) logger.info({ shardId }, 'gateway reconnecting');
  });
  client.on(Events.ShardResume, (shardId, replayed) => logger.info({ shardId, replayed }, 'gateway resumed'));
  client.on(Events.ShardReady, (shardId, unavailable) => logger.info({ shardId, unavailableGuilds: unavailable?.size ?? 0 }, 'gateway session started'));
  const shards = shardsUp(client);

  let stopping: Promise<void> | undefined;
  const started: Service[] = [];
  // A standby ROLE=all: the active ingest's work, started here once the writer is gone.
  let takingOver: Promise<void> | undefined;
  const takeOver = async (): Promise<void> => {
    if (!(await waitToLead({ ...lead, standby: true }))) return;
    const ingest = takenOverIngest(config, logger);
    started.push(ingest);
    try {
      await ingest.start();
    } catch (error) {
      options.onFatal?.(`could not take over the articles: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const app: App = {
    client,
    library,
    commands,
    services,
    ctx,
    async start() {
      // ROLE=ingest: one active per database; a standby waits here (logged) until the active one is gone.
      if (role === 'ingest' && !(await waitToLead(lead))) return;
      // Log in while the library loads (a large library takes a while); services start once both are done.
      const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
      // An HTTP replica or a scheduler never opens the gateway: REST (posts, follow-ups, channel checks) only needs the token.
      const refused = new Promise<never>((_resolve, reject) => (failGateway = (reason) => reject(new Error(reason))));
      const connect = gateway ? Promise.race([client.login(config.token).then(() => ready, tokenRefused), refused]) : role === 'ingest' ? Promise.resolve() : loginWithoutGateway(client, config.token ?? '');
      try {
        await Promise.all([(library?.start() ?? Promise.resolve()).then(libraryLoaded), connect]);
      } finally {
        failGateway = (reason) => options.onFatal?.(reason);
      }
      for (const service of services) {
        await service.start();
        started.push(service);
      }
      logger.info({ user: client.user?.tag, role: config.role, articles: library ? library.size : 'read from Postgres', commands: [...commands.keys()] }, 'bot ready');
      if (standby && !stopping) takingOver = takeOver();
    },
    stop() {
      stopping ??= (async () => {
        leading.abort();
        await takingOver;
        for (const service of [...started].reverse()) {
          try {
            await service.stop();
          } catch (error) {
            logger.error({ err: error, service: service.name }, 'service failed to stop');
          }
        }
        await library?.stop();
        await ingestLocks?.close();
        // Connected: closes with 1000 at once. Reconnecting (no HELLO yet), discord.js's destroy() can wait for a
        // connection that never comes: bounded, so a signal during a reconnect still stops the bot cleanly.
        const ms = shards.allUp() ? DESTROY_TIMEOUT_MS.connected : DESTROY_TIMEOUT_MS.otherwise;
        const destroyed = await withinMs(client.destroy().then(() => true), ms);
        if (!destroyed) logger.warn({ ms }, 'gateway did not close in time; stopping anyway');
        logger.info('bot stopped');
      })();
      return stopping;
    },
  };
  return app;
}
