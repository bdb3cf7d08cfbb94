import { Routes } from 'discord.js';
import type { APIEmbed } from 'discord.js';
import { classifyPostError, type PostOutcome } from './outcome';

/** The message to post (the briefing embeds from `renderBriefingMessage`). */
export interface ChannelMessage {
  embeds: APIEmbed[];
  allowed_mentions?: { parse: []; replied_user?: boolean };
  content?: string;
}

/** Posts one message to a channel and says how it went. Never throws. */
export interface Poster {
  post(channelId: string, message: ChannelMessage, nonce: string): Promise<PostOutcome>;
}

/** The slice of discord.js's `REST` the poster uses (so tests can pass a fake). */
export interface RestLike {
  post(route: `/${string}`, options: { body: unknown }): Promise<unknown>;
}

/** Options of {@link RestPoster}. */
export interface RestPosterOptions {
  /** Extra attempts after a transient failure, on top of discord.js's own (default 2). */
  retries?: number;
  /** Delay before the first extra attempt, doubled each time, ms (default 1000). */
  backoffMs?: number;
  /** Sleep function (tests pass an instant one). */
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms).unref());

/**
 * {@link Poster} over discord.js REST: `POST /channels/{id}/messages` with the
 * delivery's `nonce` and `enforce_nonce: true`, and `allowed_mentions` forced
 * to none. 429s are left to discord.js (it waits and retries). Transient
 * errors get a bounded exponential backoff (the same nonce each time, so a
 * request that did land is not duplicated), then `retry` for the next run.
 */
export class RestPoster implements Poster {
  private readonly retries: number;
  private readonly backoffMs: number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly rest: RestLike, options: RestPosterOptions = {}) {
    this.retries = Math.max(0, options.retries ?? 2);
    this.backoffMs = Math.max(0, options.backoffMs ?? 1000);
    this.sleep = options.sleep ?? defaultSleep;
  }

  async post(channelId: string, message: ChannelMessage, nonce: string): Promise<PostOutcome> {
    const body = { ...message, allowed_mentions: { parse: [], replied_user: false }, nonce, enforce_nonce: true };
    let outcome: PostOutcome = { kind: 'retry', reason: 'not attempted' };
    for (let attempt = 0; attempt <= this.retries; attempt++) {
      if (attempt > 0) await this.sleep(this.backoffMs * 2 ** (attempt - 1));
      try {
        const created = (await this.rest.post(Routes.channelMessages(channelId), { body })) as { id?: unknown } | null;
        if (typeof created?.id !== 'string') return { kind: 'retry', reason: 'Discord answered without a message id' };
        return { kind: 'ok', messageId: created.id };
      } catch (error) {
        outcome = classifyPostError(error);
        if (outcome.kind !== 'retry') return outcome;
      }
    }
    return outcome;
  }
}
