import { nextSnowflake } from './ids';
import type { Json } from './json';

/** A registered application command, as Discord returns it. */
export interface StoredCommand extends Json {
  id: string;
  application_id: string;
  name: string;
  type: number;
  version: string;
  guild_id?: string;
  options?: Json[];
}

/** Global and per-guild application commands (bulk overwrite semantics). */
export class CommandStore {
  readonly global: StoredCommand[] = [];
  readonly guild = new Map<string, StoredCommand[]>();
  /** How many bulk overwrites happened (`npm run deploy` should do exactly one). */
  bulkOverwrites = 0;

  constructor(private readonly applicationId: string) {}

  /** The list for a scope (`guildId` undefined = global). */
  list(guildId?: string): StoredCommand[] {
    if (!guildId) return this.global;
    let l = this.guild.get(guildId);
    if (!l) this.guild.set(guildId, (l = []));
    return l;
  }

  /** Build a stored command from a request body, keeping the id of a same-name command. */
  private build(body: Json, previous: StoredCommand | undefined, guildId?: string): StoredCommand {
    const perms = body.default_member_permissions;
    return {
      type: 1, description: '', options: [], nsfw: false, contexts: null, integration_types: [0],
      ...body,
      default_member_permissions: perms === undefined || perms === null ? null : String(perms),
      id: previous?.id ?? nextSnowflake(),
      application_id: this.applicationId,
      name: String(body.name),
      version: nextSnowflake(),
      ...(guildId ? { guild_id: guildId } : {}),
    } as StoredCommand;
  }

  /** PUT: replace the whole scope; returns the new list. */
  overwrite(bodies: Json[], guildId?: string): StoredCommand[] {
    const old = this.list(guildId);
    const next = bodies.map((b) =>
      this.build(b, old.find((o) => o.name === b.name && o.type === (b.type ?? 1)), guildId));
    old.splice(0, old.length, ...next);
    this.bulkOverwrites += 1;
    return next;
  }

  /** POST: create or update one command. */
  upsert(body: Json, guildId?: string): StoredCommand {
    const l = this.list(guildId);
    const i = l.findIndex((o) => o.name === body.name && o.type === (body.type ?? 1));
    const cmd = this.build(body, l[i], guildId);
    if (i >= 0) l[i] = cmd;
    else l.push(cmd);
    return cmd;
  }

  /** Find a chat-input command by name: guild scope first, then global. */
  find(name: string, guildId: string, type = 1): StoredCommand | undefined {
    return this.list(guildId).find((c) => c.name === name && c.type === type)
      ?? this.global.find((c) => c.name === name && c.type === type);
  }
}
