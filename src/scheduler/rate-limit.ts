import PQueue from 'p-queue';
import type { RestLike } from './poster';

/** Discord's global limit on one bot's REST requests, per second (interaction answers are exempt). */
export const DISCORD_GLOBAL_RATE = 50;

/** Lets requests leave no faster than a steady rate, whoever sends them in the process. */
export interface RequestPacer {
  /** Requests per second it lets through. */
  readonly perSecond: number;
  /** Run `request` in its turn (the promise settles with the request's own result). */
  run<T>(request: () => Promise<T>): Promise<T>;
}

/**
 * A {@link RequestPacer} over p-queue's strict (sliding-window) interval
 * limit, one request per `1000 / perSecond` ms: evenly spaced rather than in
 * bursts, so no one-second window, wherever it starts, holds more than
 * `perSecond` (rounded up) requests of this process, and a worker's share of
 * Discord's global 50/s holds against Discord's own unaligned window.
 *
 * @throws RangeError when `perSecond` is not a positive finite number.
 */
export function requestPacer(perSecond: number): RequestPacer {
  if (!Number.isFinite(perSecond) || perSecond <= 0) throw new RangeError(`requests per second must be a positive number, got ${perSecond}`);
  const queue = new PQueue({ intervalCap: 1, interval: 1000 / perSecond, strict: true });
  return { perSecond, run: (request) => queue.add(request) };
}

/**
 * `rest` with every request (posts and history reads: all count toward
 * Discord's global limit) taken in turn by `pacer`. Rate-limit answers are
 * still discord.js's: a 429 (global or not) waits its `retry_after` and is
 * retried inside the same turn.
 */
export function pacedRest(rest: RestLike, pacer: RequestPacer): RestLike {
  const { get } = rest;
  return {
    post: (route, options) => pacer.run(() => rest.post(route, options)),
    ...(get ? { get: (route: `/${string}`, options?: { query?: URLSearchParams }) => pacer.run(() => get.call(rest, route, options)) } : {}),
  };
}
