import type { Awaitable, DeliveryStore, FeedStore, ScheduleStore } from '../store/types';
import type { SchedulerLogger } from './tick';

/** What {@link adoptAbandoned} needs. */
export interface AdoptionDeps {
  store: {
    deliveries: Awaitable<Pick<DeliveryStore, 'adoptPending' | 'channelsWithPending'>>;
    schedules: Awaitable<Pick<ScheduleStore, 'makeDueForChannels'>>;
    /** Feeds, when the store keeps them: a feed owed an adopted post is checked at once. */
    feeds?: Awaitable<Pick<FeedStore, 'makeDueWithOwed'>>;
  };
  now: () => number;
  logger?: SchedulerLogger;
  /** Called when posts were adopted (wake the scheduler and the feed poller). */
  onAdopted?: (count: number) => void;
}

/**
 * Take over the pending posts of every worker whose owner lease ran out (it
 * crashed or was cut off) and make their channels' schedules and feeds due at
 * once, so the re-send, with the same nonce, lands inside Discord's window.
 * Returns how many posts were adopted.
 */
export async function adoptAbandoned(deps: AdoptionDeps): Promise<number> {
  const adopted = await deps.store.deliveries.adoptPending();
  if (!adopted) return 0;
  const now = deps.now();
  const channels = await deps.store.deliveries.channelsWithPending();
  const schedules = await deps.store.schedules.makeDueForChannels(channels, now);
  const feeds = (await deps.store.feeds?.makeDueWithOwed(now)) ?? 0;
  deps.logger?.warn({ adopted, schedules, feeds }, `took over ${adopted} post(s) left pending by a worker whose lease ran out; re-sending with their nonces`);
  deps.onAdopted?.(adopted);
  return adopted;
}

/**
 * {@link adoptAbandoned} every `everyMs` (a third of the owner lease: a dead
 * worker's posts wait at most a lease and a third), as an app service: a live
 * worker adopts while it runs, not only when one starts.
 */
export function adoptionService(deps: AdoptionDeps, everyMs: number): { name: string; start(): void; stop(): void } {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  return {
    name: 'adoption',
    start() {
      timer = setInterval(() => {
        running = running.then(() => adoptAbandoned(deps)).catch((error: unknown) => deps.logger?.error({ err: error }, 'could not take over abandoned posts'));
      }, everyMs);
      timer.unref();
    },
    stop() {
      clearInterval(timer);
    },
  };
}
