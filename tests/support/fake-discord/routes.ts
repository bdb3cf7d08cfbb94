import * as core from './rest-core';
import * as interactions from './rest-interactions';
import * as messages from './rest-messages';
import type { Handler } from './world';

/** One REST route the fake serves: method, OpenAPI path template, handler. */
export interface Route {
  method: string;
  template: string;
  handler: Handler;
  /** True when Discord accepts the request without `Authorization` (interaction tokens). */
  tokenAuth: boolean;
  pattern: RegExp;
  params: string[];
}

/**
 * A regex for an OpenAPI path template (`/channels/{channel_id}/messages`): each `{param}` captures one
 * path segment, literal segments (`@me`, `@original`) match exactly. `params` names the captures in order.
 */
export function templatePattern(template: string): { pattern: RegExp; params: string[] } {
  const params: string[] = [];
  const source = template.split('/').map((seg) => {
    const m = /^\{(\w+)\}$/.exec(seg);
    if (!m) return seg.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
    params.push(m[1]!);
    return '([^/]+)';
  }).join('/');
  return { pattern: new RegExp(`^${source}$`), params };
}

function route(method: string, template: string, handler: Handler, tokenAuth = false): Route {
  return { method, template, handler, tokenAuth, ...templatePattern(template) };
}

const W = '/webhooks/{webhook_id}/{webhook_token}';

/** All routes, literal segments (`@me`, `@original`) before parameters. */
export const ROUTES: Route[] = [
  route('GET', '/gateway/bot', core.getGatewayBot),
  route('GET', '/gateway', core.getGateway, true),
  route('GET', '/users/@me', core.getMe),
  route('GET', '/users/{user_id}', core.getUser),
  route('GET', '/applications/@me', core.getApplication),
  route('GET', '/applications/{application_id}/commands', core.getCommands),
  route('PUT', '/applications/{application_id}/commands', core.putCommands),
  route('POST', '/applications/{application_id}/commands', core.postCommand),
  route('GET', '/applications/{application_id}/guilds/{guild_id}/commands', core.getCommands),
  route('PUT', '/applications/{application_id}/guilds/{guild_id}/commands', core.putCommands),
  route('POST', '/applications/{application_id}/guilds/{guild_id}/commands', core.postCommand),
  route('POST', '/interactions/{interaction_id}/{interaction_token}/callback', interactions.postCallback, true),
  route('GET', `${W}/messages/@original`, interactions.getWebhookMessage, true),
  route('PATCH', `${W}/messages/@original`, interactions.patchWebhookMessage, true),
  route('DELETE', `${W}/messages/@original`, interactions.deleteWebhookMessage, true),
  route('GET', `${W}/messages/{message_id}`, interactions.getWebhookMessage, true),
  route('PATCH', `${W}/messages/{message_id}`, interactions.patchWebhookMessage, true),
  route('DELETE', `${W}/messages/{message_id}`, interactions.deleteWebhookMessage, true),
  route('POST', W, interactions.postFollowUp, true),
  route('GET', '/channels/{channel_id}', core.getChannel),
  route('GET', '/channels/{channel_id}/messages', messages.getChannelMessages),
  route('POST', '/channels/{channel_id}/messages', messages.postChannelMessage),
  route('GET', '/channels/{channel_id}/messages/{message_id}', messages.getChannelMessage),
  route('PATCH', '/channels/{channel_id}/messages/{message_id}', messages.patchChannelMessage),
  route('DELETE', '/channels/{channel_id}/messages/{message_id}', messages.deleteChannelMessage),
  route('GET', '/guilds/{guild_id}', core.getGuild),
  route('GET', '/guilds/{guild_id}/channels', core.getGuildChannels),
  route('GET', '/guilds/{guild_id}/roles', core.getGuildRoles),
  route('GET', '/guilds/{guild_id}/members/{user_id}', core.getGuildMember),
];

/** The route template a path belongs to (any method), for recording. */
export function templateOf(path: string): string | null {
  return ROUTES.find((r) => r.pattern.test(path))?.template ?? null;
}

/** Find the route for a method and path, with its decoded parameters. */
export function matchRoute(method: string, path: string): { route: Route; params: Record<string, string> } | null {
  for (const r of ROUTES) {
    if (r.method !== method) continue;
    const m = r.pattern.exec(path);
    if (!m) continue;
    const params: Record<string, string> = {};
    r.params.forEach((name, i) => { params[name] = decodeURIComponent(m[i + 1]!); });
    return { route: r, params };
  }
  return null;
}
