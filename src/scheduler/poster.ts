import { Routes } from 'discord.js';
import type { APIEmbed } from 'discord.js';
import { isOurPost, snowflakeTime, type HistoryMessage } from './history';
import { classifyPostError, type FindOutcome, type PostOutcome } from './outcome';

/** The message to post (the briefing embeds from `renderBriefingMessage`). */
export interface ChannelMessage {
  embeds: APIEmbed[];
  allowed_mentions?: { parse: []; replied_user?: boolean };
  content?: string;
}

/** Posts one message to a channel and says how it went. Never throws. */
export interface Poster {
  post(channelId: string, message: ChannelMessage, nonce: string): Promise<PostOutcome>;
  /**
   * Look for a post made earlier (at or after `since`, epoch ms) in the
   * channel's recent history: by nonce when Discord returns it, else by the
   * message's signature (see `isOurPost`). Absent when the poster cannot read
   * history at all (a poster without it then posts blind, as before).
   */
  find?(channelId: string, message: ChannelMessage, nonce: string, since: number): Promise<FindOutcome>;
}

/** The slice of discord.js's `REST` the poster uses (so tests can pass a fake). */
export interface RestLike {
  post(route: `/${string}`, options: { body: unknown }): Promise<unknown>;
  /** `GET`, for reading a channel's history when a post must be reconciled. */
  get?(route: `/${string}`, options?: { query?: URLSearchParams }): Promise<unknown>;
}

/** Options of {@link RestPoster}. */
export interface RestPosterOptions {
  /** Extra attempts after a transient failure, on top of discord.js's own (default 2). */
  retries?: number;
  /** Delay before the first extra attempt, doubled each time, ms (default 1000). */
  backoffMs?: number;
  /** Sleep function (tests pass an instant one). */
  sleep?: (ms: number) => Promise<void>;
  /**
   * How long Discord folds a repeated nonce, ms (default 5 minutes): an extra
   * attempt made later than this after the first one looks in the history
   * first instead of posting blind.
   */
  nonceWindowMs?: number;
  /**
   * Pages of 100 messages read back at most when looking for a post (default
   * {@link HISTORY_MAX_PAGES}). The look stops as soon as the history is
   * older than the first attempt; a channel so busy that the cap comes first
   * answers "unknown" (the post is then left uncertain, not sent blind).
   */
  historyMaxPages?: number;
  /** Clock, epoch ms (default `Date.now`). */
  now?: () => number;
  /**
   * Whether the bot may read a channel's history (Read Message History), as
   * far as it knows (undefined: unknown). Discord answers a history request
   * without that permission with an empty list, not an error: an empty
   * history counts as "absent" only when the permission is known.
   */
  canReadHistory?: (channelId: string) => boolean | undefined;
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms).unref());

/** Default of {@link RestPosterOptions.nonceWindowMs}. */
export const DEFAULT_NONCE_WINDOW_MS = 5 * 60_000;

/** The nonce window in ms from `DELIVERY_NONCE_WINDOW_SECONDS` (the default when unset). */
export const nonceWindowMsOf = (seconds: number | undefined): number => (seconds === undefined ? DEFAULT_NONCE_WINDOW_MS : seconds * 1000);

/** Default of {@link RestPosterOptions.historyMaxPages}: 2,000 messages back. */
export const HISTORY_MAX_PAGES = 20;

/** Slack on the time of the first attempt when reading history back (clocks of bot and Discord differ). */
const CLOCK_SLACK_MS = 60_000;

/**
 * {@link Poster} over discord.js REST: `POST /channels/{id}/messages` with the
 * delivery's `nonce` and `enforce_nonce: true`, and `allowed_mentions` forced
 * to none. 429s are left to discord.js (it waits and retries). Transient
 * errors get a bounded exponential backoff (the same nonce each time, so a
 * request that did land is not duplicated while Discord still folds it, and a
 * look in the history first once it may not), then `retry` for the next run.
 */
export class RestPoster implements Poster {
  private readonly retries: number;
  private readonly backoffMs: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly nonceWindowMs: number;
  private readonly now: () => number;

  constructor(private readonly rest: RestLike, private readonly options: RestPosterOptions = {}) {
    this.retries = Math.max(0, options.retries ?? 2);
    this.backoffMs = Math.max(0, options.backoffMs ?? 1000);
    this.sleep = options.sleep ?? defaultSleep;
    this.nonceWindowMs = Math.max(0, options.nonceWindowMs ?? DEFAULT_NONCE_WINDOW_MS);
    this.now = options.now ?? Date.now;
  }

  async post(channelId: string, message: ChannelMessage, nonce: string): Promise<PostOutcome> {
    const body = { ...message, allowed_mentions: { parse: [], replied_user: false }, nonce, enforce_nonce: true };
    let outcome: PostOutcome = { kind: 'retry', reason: 'not attempted' };
    const first = this.now();
    for (let attempt = 0; attempt <= this.retries; attempt++) {
      if (attempt > 0) {
        await this.sleep(this.backoffMs * 2 ** (attempt - 1));
        const earlier = await this.lookBeforeResending(channelId, message, nonce, first);
        if (earlier) return earlier;
      }
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

  /** Past the nonce window, an attempt that may have landed is looked for before a re-send: found → ok, unreadable → uncertain. */
  private async lookBeforeResending(channelId: string, message: ChannelMessage, nonce: string, first: number): Promise<PostOutcome | undefined> {
    if (this.now() - first < this.nonceWindowMs || !this.rest.get) return undefined;
    const found = await this.find(channelId, message, nonce, first);
    if (found.kind === 'found') return { kind: 'ok', messageId: found.messageId };
    if (found.kind === 'forbidden' || found.kind === 'unknown') return { kind: 'uncertain', reason: found.reason };
    if (found.kind === 'retry') return found;
    return undefined;
  }

  async find(channelId: string, message: ChannelMessage, nonce: string, since: number): Promise<FindOutcome> {
    // A REST client without GET (a test double) cannot look: it posts as it always did.
    if (!this.rest.get) return { kind: 'absent' };
    const readable = this.options.canReadHistory?.(channelId);
    if (readable === false) return { kind: 'forbidden', reason: 'the bot lacks Read Message History in the channel, so an earlier post cannot be checked' };
    const oldest = since - CLOCK_SLACK_MS;
    let before: string | undefined;
    const pages = Math.max(1, this.options.historyMaxPages ?? HISTORY_MAX_PAGES);
    for (let page = 0; page < pages; page++) {
      const query = new URLSearchParams({ limit: '100', ...(before ? { before } : {}) });
      let batch: HistoryMessage[];
      try {
        batch = (await this.rest.get(Routes.channelMessages(channelId), { query })) as HistoryMessage[];
      } catch (error) {
        const outcome = classifyPostError(error);
        if (outcome.kind === 'retry') return outcome;
        return { kind: 'forbidden', reason: `cannot read the channel's history to check an earlier post: ${'reason' in outcome ? outcome.reason : 'refused'}` };
      }
      if (!Array.isArray(batch)) return { kind: 'retry', reason: 'Discord answered the history request without a list' };
      if (page === 0 && batch.length === 0 && readable !== true) {
        return { kind: 'forbidden', reason: 'the channel\'s history came back empty, as it does without Read Message History, so an earlier post cannot be checked' };
      }
      const hit = batch.find((candidate) => isOurPost(candidate, message, nonce));
      if (hit) return { kind: 'found', messageId: hit.id };
      const last = batch.at(-1);
      if (batch.length < 100 || !last || snowflakeTime(last.id) < oldest) return { kind: 'absent' };
      before = last.id;
    }
    return { kind: 'unknown', reason: `more than ${pages * 100} messages came after the earlier attempt, so it cannot be checked` };
  }
}
