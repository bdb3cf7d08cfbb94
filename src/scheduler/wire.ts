import type { Config } from '../config';
import { renderBriefingMessage } from '../discord/message';
import type { ArticleLibrary } from '../library/types';
import type { Logger } from '../logger';
import { createSqliteStore } from '../store';
import type { Store } from '../store/types';
import { RestPoster, type RestLike } from './poster';
import type { Scheduling } from './scheduling';
import { SchedulerService } from './service';

/** What {@link createScheduling} needs from the composition root. */
export interface SchedulingOptions {
  config: Pick<Config, 'databasePath'>;
  logger: Logger;
  /** discord.js `client.rest`. */
  rest: RestLike;
  library: ArticleLibrary;
  /** Clock, epoch ms (default `Date.now`). */
  now?: () => number;
  /** Another store than SQLite at `config.databasePath` (tests). */
  store?: Store;
  /** What a server's schedules see (the library plus its feed articles). */
  libraryFor?: (guildId: string) => ArticleLibrary;
}

/** The scheduler as an app service (start after login, stop before logout), and the handle `/schedule` uses. */
export interface SchedulingParts {
  service: { name: string; start(): void; stop(): Promise<void> };
  scheduling: Scheduling;
}

/**
 * Open the store (SQLite at `DATABASE_PATH` by default) and build the
 * scheduler around it: the REST poster over the client's REST, the briefing
 * embeds of `/brief`. The service's `stop()` waits for runs in flight, then
 * closes the database.
 */
export function createScheduling(options: SchedulingOptions): SchedulingParts {
  const logger = options.logger.child({ component: 'scheduler' });
  const store = options.store ?? createSqliteStore(options.config.databasePath);
  const now = options.now ?? Date.now;
  const scheduler = new SchedulerService({
    store,
    library: options.library,
    ...(options.libraryFor ? { libraryFor: options.libraryFor } : {}),
    poster: new RestPoster(options.rest),
    render: (article) => renderBriefingMessage(article),
    logger,
    clock: () => new Date(now()),
    // Well inside main's 10 s shutdown budget; a post cut short stays pending and is re-sent with its nonce at start.
    stopTimeoutMs: 5000,
  });
  return {
    scheduling: { store, wake: () => scheduler.wake() },
    service: {
      name: 'scheduler',
      start: () => scheduler.start(),
      stop: async () => {
        try {
          await scheduler.stop();
        } finally {
          store.close();
        }
      },
    },
  };
}
