import { RateLimitError } from 'discord.js';
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
  /** Let no request start for `ms` (Discord answered a global 429: the whole process waits). */
  hold(ms: number): void;
}

/** Attempts of one request that keep getting 429s before the error is handed on (the poster then retries at the next run). */
const MAX_RATE_LIMITED_ATTEMPTS = 10;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms).unref());

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
  let resumeAt = 0;
  let timer: NodeJS.Timeout | undefined;
  const hold = (ms: number): void => {
    const until = Date.now() + Math.max(0, ms);
    if (until <= resumeAt) return;
    resumeAt = until;
    queue.pause();
    clearTimeout(timer);
    timer = setTimeout(() => queue.start(), until - Date.now());
    timer.unref();
  };
  return { perSecond, run: (request) => queue.add(request), hold };
}

/**
 * `rest` with every request (posts and history reads: all count toward
 * Discord's global limit) taken in turn by `pacer`. A REST that hands 429s
 * back as `RateLimitError` (`singleAttemptRest`) has them waited out here:
 * a global one holds the whole pacer for its `retry_after`, and the retry
 * takes a new turn, so retries never go out on top of the pace (with
 * discord.js's own waiting, the retries of several workers land together and
 * draw more 429s). Any other REST waits out its 429s itself, inside its turn.
 */
export function pacedRest(rest: RestLike, pacer: RequestPacer): RestLike {
  const { get } = rest;
  const paced = async <T>(request: () => Promise<T>): Promise<T> => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await pacer.run(request);
      } catch (error) {
        if (!(error instanceof RateLimitError) || attempt >= MAX_RATE_LIMITED_ATTEMPTS) throw error;
        if (error.global) pacer.hold(error.retryAfter);
        await sleep(error.retryAfter);
      }
    }
  };
  return {
    post: (route, options) => paced(() => rest.post(route, options)),
    ...(get ? { get: (route: `/${string}`, options?: { query?: URLSearchParams }) => paced(() => get.call(rest, route, options)) } : {}),
  };
}
