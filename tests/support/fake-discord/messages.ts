import { nextSnowflake } from './ids';
import { isObj, type Json } from './json';
import type { FakeUser } from './state';

/** Where a stored message came from. */
export type MessageSource = 'channel' | 'interaction' | 'followup';

/** A message the bot created, as the fake stores it. */
export interface StoredMessage {
  /** The API object returned to the client. */
  message: Json;
  source: MessageSource;
  channelId: string;
  /** True if Discord would have pinged someone (allowed_mentions let a mention through). */
  wouldPing: boolean;
  /** Interaction token, for interaction replies and follow-ups. */
  interactionToken?: string;
  createdAt: number;
}

const MENTION_USER = /<@!?(\d{17,20})>/g;
const MENTION_ROLE = /<@&(\d{17,20})>/g;

/**
 * Which mentions in `content` would notify, given `allowed_mentions` (absent
 * means Discord's default: parse everything in the content).
 */
export function resolveMentions(content: string, allowed: unknown): { everyone: boolean; users: string[]; roles: string[] } {
  const users = [...content.matchAll(MENTION_USER)].map((m) => m[1]!);
  const roles = [...content.matchAll(MENTION_ROLE)].map((m) => m[1]!);
  const everyone = /@(everyone|here)/.test(content);
  if (!isObj(allowed)) return { everyone, users, roles };
  const parse = Array.isArray(allowed.parse) ? allowed.parse : [];
  const listed = (key: string): string[] => (Array.isArray(allowed[key]) ? (allowed[key] as unknown[]).map(String) : []);
  return {
    everyone: everyone && parse.includes('everyone'),
    users: users.filter((u) => parse.includes('users') || listed('users').includes(u)),
    roles: roles.filter((r) => parse.includes('roles') || listed('roles').includes(r)),
  };
}

type Mentions = ReturnType<typeof resolveMentions>;

/** Write the mention fields of a message object; true when anyone would be notified. */
function applyMentions(m: Json, mentions: Mentions): boolean {
  m.mention_everyone = mentions.everyone;
  m.mentions = mentions.users.map((u) => ({ id: u, username: `user${u.slice(-4)}`, discriminator: '0', global_name: null, avatar: null }));
  m.mention_roles = mentions.roles;
  return mentions.everyone || mentions.users.length > 0 || mentions.roles.length > 0;
}

/** Stores the bot's messages and builds API message objects. */
export class MessageStore {
  readonly byId = new Map<string, StoredMessage>();
  /** `channelId|nonce` → message id and time, for `enforce_nonce`. */
  private readonly nonces = new Map<string, { id: string; at: number }>();

  constructor(private readonly author: FakeUser, private readonly guildId: string, private readonly nonceWindowMs: number) {}

  /** Build and store a message from a create/execute body. */
  create(channelId: string, body: Json, source: MessageSource, extra: Json = {}, interactionToken?: string): StoredMessage {
    const id = nextSnowflake();
    const content = typeof body.content === 'string' ? body.content : '';
    const message: Json = {
      id, channel_id: channelId, guild_id: this.guildId, author: this.author, content,
      timestamp: new Date().toISOString(), edited_timestamp: null, tts: body.tts === true,
      mention_channels: [], attachments: [],
      embeds: Array.isArray(body.embeds) ? body.embeds.map(normaliseEmbed) : [],
      reactions: [], pinned: false, type: 0, flags: typeof body.flags === 'number' ? body.flags : 0,
      components: Array.isArray(body.components) ? body.components : [],
      ...(body.nonce !== undefined ? { nonce: body.nonce } : {}),
      ...extra,
    };
    const wouldPing = applyMentions(message, resolveMentions(content, body.allowed_mentions));
    const stored: StoredMessage = { message, source, channelId, createdAt: Date.now(), interactionToken, wouldPing };
    this.byId.set(id, stored);
    return stored;
  }

  /** Apply an edit body (PATCH) to a stored message. */
  edit(stored: StoredMessage, body: Json): StoredMessage {
    const m = stored.message;
    if ('content' in body) {
      m.content = typeof body.content === 'string' ? body.content : '';
      stored.wouldPing = applyMentions(m, resolveMentions(m.content as string, body.allowed_mentions));
    }
    if ('embeds' in body) m.embeds = Array.isArray(body.embeds) ? body.embeds.map(normaliseEmbed) : [];
    if ('components' in body) m.components = Array.isArray(body.components) ? body.components : [];
    if (typeof body.flags === 'number') m.flags = body.flags;
    m.flags = (Number(m.flags) & ~128); // an edit always ends the "thinking…" state
    m.edited_timestamp = new Date().toISOString();
    return stored;
  }

  /** The earlier message created with the same nonce in this channel, still inside the window. */
  findByNonce(channelId: string, nonce: string): StoredMessage | undefined {
    const hit = this.nonces.get(`${channelId}|${nonce}`);
    if (!hit || Date.now() - hit.at >= this.nonceWindowMs) return undefined;
    return this.byId.get(hit.id);
  }

  /** Remember a nonce for `enforce_nonce`. */
  rememberNonce(channelId: string, nonce: string, id: string): void {
    this.nonces.set(`${channelId}|${nonce}`, { id, at: Date.now() });
  }

  /** Messages of one channel, oldest first, optionally only from one source. */
  inChannel(channelId: string, source?: MessageSource): StoredMessage[] {
    return [...this.byId.values()].filter((m) => m.channelId === channelId && (!source || m.source === source));
  }
}

function normaliseEmbed(e: unknown): unknown {
  return isObj(e) ? { type: 'rich', ...e } : e;
}
