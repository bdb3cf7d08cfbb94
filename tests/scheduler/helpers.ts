import type { ArticleLibrary, LibraryArticle } from '../../src/library/types';
import { byAge } from '../../src/library/views';
import type { ChannelMessage, Poster, PostOutcome } from '../../src/scheduler';
import { createSqliteStore, type NewSchedule, type Store } from '../../src/store';

/** A library article with a minimal briefing, timestamped `minute` minutes into 2026. */
export function article(id: string, minute: number, headline = `Headline ${id}`): LibraryArticle {
  const language = /[\u0600-\u06ff]/.test(headline) ? 'ar' : /[éèàç]/.test(headline) ? 'fr' : 'en';
  return {
    id,
    format: 'txt',
    meta: {},
    briefing: { headline, language, direction: language === 'ar' ? 'rtl' : 'ltr', sections: [], quotes: [], summary: [`Summary of ${id}.`] },
    timestamp: Date.UTC(2026, 0, 1) + minute * 60_000,
    mtimeMs: 0,
  };
}

/** An in-memory {@link ArticleLibrary} whose articles tests add and remove. */
export class FakeLibrary implements ArticleLibrary {
  private articles: LibraryArticle[] = [];
  constructor(initial: LibraryArticle[] = []) {
    initial.forEach((a) => this.add(a));
  }
  add(a: LibraryArticle): void {
    this.articles = [...this.articles.filter((x) => x.id !== a.id), a].sort(byAge);
  }
  remove(id: string): void {
    this.articles = this.articles.filter((x) => x.id !== id);
  }
  all(): readonly LibraryArticle[] {
    return this.articles;
  }
  get(id: string): LibraryArticle | undefined {
    return this.articles.find((x) => x.id === id);
  }
  newest(): LibraryArticle | undefined {
    return this.articles.at(-1);
  }
}

/** One request the fake poster received. */
export interface PostCall {
  channelId: string;
  message: ChannelMessage;
  nonce: string;
}

/**
 * A {@link Poster} that records calls and answers from a script per channel
 * (an outcome, or a function of the call); `ok` with a fresh id by default.
 * Like Discord with `enforce_nonce`, a repeated nonce returns the first message id.
 */
export class FakePoster implements Poster {
  readonly calls: PostCall[] = [];
  private readonly scripts = new Map<string, Array<PostOutcome | (() => Promise<PostOutcome>)>>();
  private readonly byNonce = new Map<string, string>();
  private nextId = 900000000000000000n;

  script(channelId: string, ...outcomes: Array<PostOutcome | (() => Promise<PostOutcome>)>): void {
    this.scripts.set(channelId, [...(this.scripts.get(channelId) ?? []), ...outcomes]);
  }

  /** Messages that really exist (distinct nonces that got an id). */
  created(channelId?: string): number {
    return [...this.byNonce.keys()].filter((key) => !channelId || key.startsWith(`${channelId}/`)).length;
  }

  async post(channelId: string, message: ChannelMessage, nonce: string): Promise<PostOutcome> {
    this.calls.push({ channelId, message, nonce });
    const step = this.scripts.get(channelId)?.shift();
    const outcome = typeof step === 'function' ? await step() : step;
    if (outcome && outcome.kind !== 'ok') return outcome;
    const key = `${channelId}/${nonce}`;
    let id = this.byNonce.get(key);
    if (!id) {
      id = String(this.nextId++);
      this.byNonce.set(key, id);
    }
    return { kind: 'ok', messageId: id };
  }

  /** Article ids (from the summary) posted to a channel, in order. */
  postedTo(channelId: string): string[] {
    return this.calls.filter((c) => c.channelId === channelId).map((c) => String(c.message.content));
  }
}

/** Render used in tests: the article id as content, so tests can read what was posted. */
export const renderForTest = (a: LibraryArticle): ChannelMessage => ({ content: a.id, embeds: [{ title: a.briefing.headline }], allowed_mentions: { parse: [] } });

/** A fresh in-memory store. */
export function memoryStore(): Store {
  return createSqliteStore(':memory:');
}

export const GUILD = '100000000000000001';
export const CHANNEL_A = '200000000000000001';
export const CHANNEL_B = '200000000000000002';
export const CHANNEL_C = '200000000000000003';

/** A schedule to create. */
export function schedule(overrides: Partial<NewSchedule> = {}): NewSchedule {
  return {
    guildId: GUILD,
    channelId: CHANNEL_A,
    when: '08:00',
    pattern: '0 8 * * *',
    timezone: 'UTC',
    createdBy: '300000000000000001',
    createdAt: Date.UTC(2026, 0, 1),
    nextRunAt: Date.UTC(2026, 0, 2, 8),
    ...overrides,
  };
}
