import type { AnyStore } from '../store/types';

/**
 * What `/schedule` needs from the running bot, registered by the composition
 * root as `ctx.services.scheduling`: the store and a way to wake the
 * scheduler after a change.
 */
export interface Scheduling {
  /** SQLite's store or Postgres's: await every call. */
  store: AnyStore;
  /** Re-arm the scheduler's timer (a schedule was added, resumed or removed). */
  wake(): void;
}

/** Name under which {@link Scheduling} is registered in `CommandContext.services`. */
export const SCHEDULING_SERVICE = 'scheduling';

/** The {@link Scheduling} service from a command context's services, or throw (wiring bug). */
export function schedulingFrom(services: Record<string, unknown>): Scheduling {
  const candidate = services[SCHEDULING_SERVICE] as Partial<Scheduling> | undefined;
  if (!candidate?.store || typeof candidate.wake !== 'function') throw new Error('the scheduling service is not registered in the command context');
  return candidate as Scheduling;
}
