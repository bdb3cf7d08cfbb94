import { performance } from 'node:perf_hooks';
import type { StoredCommand } from './commands';
import type { FakeGateway } from './gateway';
import { deliverOverHttp } from './http-delivery';
import { nextSnowflake } from './ids';
import { baseInteraction, InteractionHandle, invokerId, newRecord, type InteractionRecord, type InvokeContext } from './interactions';
import type { StoredMessage } from './messages';
import { buildOptions, definitionsAt, type OptionInput, type Resolved } from './options';
import type { Signal } from './signal';
import type { World } from './world';
import type { Json } from './json';

/** Extra context for autocomplete: the subcommand (`'add'` or `'group sub'`) the focused option belongs to. */
export interface AutocompleteContext extends InvokeContext {
  subcommand?: string;
}

/** Builds INTERACTION_CREATE payloads, sends them on the gateway and tracks them. */
export class Dispatcher {
  /** Every dispatched interaction, oldest first. */
  readonly list: InteractionRecord[] = [];
  private readonly unregisteredIds = new Map<string, string>();

  constructor(private readonly world: World, private readonly gateway: FakeGateway, private readonly signal: Signal) {}

  private commandData(name: string): { cmd: StoredCommand | undefined; data: Json } {
    const cmd = this.world.commands.find(name, this.world.state.guildId);
    let id = cmd?.id ?? this.unregisteredIds.get(name);
    if (!id) this.unregisteredIds.set(name, (id = nextSnowflake()));
    return { cmd, data: { id, name, type: 1, ...(cmd?.guild_id ? { guild_id: cmd.guild_id } : {}) } };
  }

  private send(type: number, data: Json, ctx: InvokeContext, extra: Json = {}): InteractionHandle {
    const { id, token, payload } = baseInteraction(this.world.state, this.world.applicationId, type, data, ctx);
    Object.assign(payload, extra);
    for (const field of ctx.omit ?? []) delete payload[field];
    const rec = newRecord(id, token, type, String(payload.channel_id), payload);
    this.world.interactions.set(token, rec);
    this.list.push(rec);
    const http = this.world.httpDelivery;
    if (http) {
      deliverOverHttp(http, this.world, http.requests, rec).catch((e: unknown) => http.errors.push(e instanceof Error ? e : new Error(String(e))));
    } else {
      this.gateway.dispatch('INTERACTION_CREATE', payload, () => { rec.dispatchedAt = performance.now(); });
    }
    return new InteractionHandle(rec, this.signal);
  }

  private static wrap(path: string[], inner: Json[]): Json[] {
    if (path.length === 0) return inner;
    if (path.length === 1) return [{ type: 1, name: path[0], options: inner }];
    return [{ type: 2, name: path[0], options: [{ type: 1, name: path[1], options: inner }] }];
  }

  private invoke(name: string, path: string[], options: OptionInput, ctx: InvokeContext, focused?: string): InteractionHandle {
    const { cmd, data } = this.commandData(name);
    const resolved: Resolved = {};
    const userId = invokerId(this.world.state, ctx);
    const inner = buildOptions(options, definitionsAt(cmd, path), this.world.state, userId, resolved, focused, this.world.guilds.slice(1));
    const opts = Dispatcher.wrap(path, inner);
    if (opts.length > 0) data.options = opts;
    if (Object.keys(resolved).length > 0) data.resolved = resolved;
    return this.send(focused === undefined ? 2 : 4, data, ctx);
  }

  /** A slash command (`/name option:value …`). */
  command(name: string, options: OptionInput, ctx: InvokeContext): InteractionHandle {
    return this.invoke(name, [], options, ctx);
  }

  /** A subcommand: `sub` is `'add'` or `'group add'`. */
  subcommand(name: string, sub: string, options: OptionInput, ctx: InvokeContext): InteractionHandle {
    return this.invoke(name, sub.split(' ').filter(Boolean), options, ctx);
  }

  /** An autocomplete request: the user is typing `value` in option `focused`. */
  autocomplete(name: string, focused: string, value: string, other: OptionInput, ctx: AutocompleteContext): InteractionHandle {
    const path = (ctx.subcommand ?? '').split(' ').filter(Boolean);
    return this.invoke(name, path, { ...other, [focused]: value }, ctx, focused);
  }

  /** A context-menu command (`kind` 2: on a user, 3: on a message) on `targetId`, registered or not, with its `resolved` target user. */
  contextMenu(name: string, kind: 2 | 3, targetId: string, ctx: InvokeContext): InteractionHandle {
    const { data } = this.commandData(name);
    const user = this.world.state.members.get(targetId)?.user;
    const resolved = kind === 2 && user ? { users: { [targetId]: { ...user } } } : { messages: {} };
    return this.send(2, { ...data, type: kind, target_id: targetId, resolved }, ctx);
  }

  private componentSource(messageId: string): StoredMessage {
    const m = this.world.messages.byId.get(messageId);
    if (!m) throw new Error(`fake-discord: no message ${messageId} to click on`);
    return m;
  }

  /** A component interaction (button 2, string select 3) on a message the bot sent. */
  component(customId: string, componentType: number, values: string[] | undefined, ctx: InvokeContext & { messageId: string }): InteractionHandle {
    const m = this.componentSource(ctx.messageId);
    const data: Json = { custom_id: customId, component_type: componentType, ...(values ? { values } : {}) };
    return this.send(3, data, { ...ctx, channelId: m.channelId }, { message: m.message });
  }
}
