import { ArticleNotFoundError } from '../errors';
import type { ContentChange, ContentEntry, ContentSource } from '../content/source';
import type { Awaitable, FeedArticleRecord, FeedStore } from '../store/types';
import { articleSourceOf } from './article';

/** What the library needs to give each server its feed articles. */
export interface ScopedLibrary {
  addScope(guildId: string, source: ContentSource): Promise<void>;
  /** Resolves once the library has taken in every change it was told of. */
  whenIdle(): Promise<void>;
}

/** A stored feed article as listed: enough to list it and find its feed, not its text. */
interface Listed {
  feedId: number;
  entry: ContentEntry;
}

const entryOf = (record: FeedArticleRecord): Listed => ({
  feedId: record.feedId,
  // Stored once and never changed: when it was fetched is its version.
  entry: { id: record.id, version: String(record.fetchedAt), changedMs: record.fetchedAt, label: `feed article ${record.id}` },
});

/**
 * One server's feed articles, stored in the database, as a {@link ContentSource}:
 * listed from memory (what was stored, less what was deleted), read from the
 * store, and telling the library of each article stored or deleted.
 */
class GuildFeedArticles implements ContentSource {
  readonly kind = 'feed';
  /** Told of each article once it is stored whole: taken in at once. */
  readonly changesAreWhole = true;
  private readonly listed = new Map<string, Listed>();
  private readonly listeners = new Set<(change: ContentChange) => void>();

  constructor(private readonly guildId: string, private readonly feeds: Awaitable<FeedStore>) {}

  async list(): Promise<ContentEntry[]> {
    return [...this.listed.values()].map((listed) => listed.entry);
  }

  async read(id: string): Promise<{ source: ReturnType<typeof articleSourceOf>; version: string }> {
    const record = this.listed.has(id) ? await this.feeds.getArticle(id) : undefined;
    if (!record || record.guildId !== this.guildId) throw new ArticleNotFoundError(id);
    return { source: articleSourceOf(record), version: entryOf(record).entry.version };
  }

  watch(onChange: (change: ContentChange) => void): () => void {
    this.listeners.add(onChange);
    return () => this.listeners.delete(onChange);
  }

  /** Articles just stored (or found at start). */
  put(records: readonly FeedArticleRecord[]): void {
    for (const record of records) {
      const listed = entryOf(record);
      this.listed.set(record.id, listed);
      this.emit({ kind: 'changed', entry: listed.entry });
    }
  }

  /** Articles deleted (past retention, or their feed removed). */
  drop(ids: Iterable<string>): void {
    for (const id of ids) if (this.listed.delete(id)) this.emit({ kind: 'removed', id });
  }

  has(id: string): boolean {
    return this.listed.has(id);
  }

  ids(): string[] {
    return [...this.listed.keys()];
  }

  idsOfFeed(feedId: number): string[] {
    return [...this.listed].filter(([, listed]) => listed.feedId === feedId).map(([id]) => id);
  }

  private emit(change: ContentChange): void {
    this.listeners.forEach((listener) => listener(change));
  }
}

/**
 * Each server's feed articles as its own library scope: a server's
 * `/brief`, `/quote` and schedules see them, no other server does. Told by the
 * feed service of what is stored, deleted and unsubscribed.
 */
export class FeedArticleSources {
  private readonly sources = new Map<string, GuildFeedArticles>();

  /** `onChange`: told after articles are stored or deleted through this object (announced to other processes), not for an empty batch. */
  constructor(private readonly feeds: Awaitable<FeedStore>, private readonly library: ScopedLibrary, private readonly onChange?: () => void) {}

  /** Whether a server's scope holds this article. */
  has(guildId: string, id: string): boolean {
    return this.sources.get(guildId)?.has(id) ?? false;
  }

  /** Give every server that has stored feed articles its scope (at start). */
  async start(): Promise<void> {
    await this.take(await this.feeds.allArticles());
  }

  /** Articles just stored: each joins its server's scope (created on the server's first); resolves once the library has briefed them. */
  async stored(records: readonly FeedArticleRecord[]): Promise<void> {
    await this.take(records);
    if (records.length) this.onChange?.();
  }

  /** Articles taken in (stored here, or found stored): each joins its server's scope. */
  async take(records: readonly FeedArticleRecord[]): Promise<void> {
    const byGuild = new Map<string, FeedArticleRecord[]>();
    for (const record of records) byGuild.set(record.guildId, [...(byGuild.get(record.guildId) ?? []), record]);
    for (const [guildId, list] of byGuild) {
      const known = this.sources.get(guildId);
      if (known) {
        known.put(list);
        await this.library.whenIdle();
        continue;
      }
      const source = new GuildFeedArticles(guildId, this.feeds);
      source.put(list);
      this.sources.set(guildId, source);
      await this.library.addScope(guildId, source);
    }
  }

  /** Articles deleted from the store. */
  deleted(articles: readonly { guildId: string; id: string }[]): void {
    for (const { guildId, id } of articles) this.sources.get(guildId)?.drop([id]);
    if (articles.length) this.onChange?.();
  }

  /** Keep only the articles still stored (`stored`: every stored one): the others were deleted by another process. Resolves with how many were dropped, once the library has let them go. */
  async keepOnly(stored: readonly { guildId: string; id: string }[]): Promise<number> {
    const still = new Set(stored.map(({ guildId, id }) => `${guildId}/${id}`));
    let dropped = 0;
    for (const [guildId, source] of this.sources) {
      const gone = source.ids().filter((id) => !still.has(`${guildId}/${id}`));
      source.drop(gone);
      dropped += gone.length;
    }
    if (dropped) await this.library.whenIdle();
    return dropped;
  }

  /** A feed removed (its articles went with it). */
  feedRemoved(guildId: string, feedId: number): void {
    const source = this.sources.get(guildId);
    source?.drop(source.idsOfFeed(feedId));
    this.onChange?.();
  }
}
