/** Options of {@link ChannelBackoff}. */
export interface ChannelBackoffOptions {
  /** Pause after the first failed run, ms (default 30 s); doubled after each further one. */
  baseMs?: number;
  /** Longest pause, ms (default 30 minutes). */
  maxMs?: number;
}

/** A channel's state: failures in a row, and the time before which it is left alone. */
interface Backoff {
  failures: number;
  until: number;
}

/**
 * Per-channel backoff after runs that fail on Discord's side (5xx, network):
 * exponential from `baseMs`, capped at `maxMs`, reset by a run that gets
 * through. A channel in backoff is not posted to; the others go on.
 */
export class ChannelBackoff {
  private readonly channels = new Map<string, Backoff>();
  private readonly baseMs: number;
  private readonly maxMs: number;

  constructor(options: ChannelBackoffOptions = {}) {
    this.baseMs = Math.max(0, options.baseMs ?? 30_000);
    this.maxMs = Math.max(this.baseMs, options.maxMs ?? 30 * 60_000);
  }

  /** Epoch ms until which this channel waits, or undefined when it may be posted to at `now`. */
  waitingUntil(channelId: string, now: number): number | undefined {
    const state = this.channels.get(channelId);
    return state && state.until > now ? state.until : undefined;
  }

  /** Record a failed run at `now`; returns the pause, ms, and how many failures in a row. */
  failed(channelId: string, now: number): { delayMs: number; failures: number } {
    const failures = (this.channels.get(channelId)?.failures ?? 0) + 1;
    const delayMs = Math.min(this.maxMs, this.baseMs * 2 ** Math.min(failures - 1, 30));
    this.channels.set(channelId, { failures, until: now + delayMs });
    return { delayMs, failures };
  }

  /** A run got through: forget the channel's failures. */
  succeeded(channelId: string): void {
    this.channels.delete(channelId);
  }
}
