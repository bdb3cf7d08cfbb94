import type { RecordedRequest } from './types';

/** One body the bot sent that Discord would validate, with the schema that describes it. */
export interface SentPayload {
  method: string;
  route: string;
  /**
   * The request body schema: a component name of the OpenAPI spec, or one of
   * the aliases `validatePayload` understands (`InteractionCallbackRequest`,
   * `ApplicationCommandBulkOverwriteRequest`, `WebhookExecuteRequest`).
   */
  schema: string;
  body: unknown;
}

const W = '/webhooks/{webhook_id}/{webhook_token}';

/** Request body schema by `METHOD template`, for the routes the fake serves. */
export const BODY_SCHEMAS: Record<string, string> = {
  'PUT /applications/{application_id}/commands': 'ApplicationCommandBulkOverwriteRequest',
  'PUT /applications/{application_id}/guilds/{guild_id}/commands': 'ApplicationCommandBulkOverwriteRequest',
  'POST /applications/{application_id}/commands': 'ApplicationCommandCreateRequest',
  'POST /applications/{application_id}/guilds/{guild_id}/commands': 'ApplicationCommandCreateRequest',
  'POST /interactions/{interaction_id}/{interaction_token}/callback': 'InteractionCallbackRequest',
  [`PATCH ${W}/messages/@original`]: 'IncomingWebhookUpdateRequestPartial',
  [`PATCH ${W}/messages/{message_id}`]: 'IncomingWebhookUpdateRequestPartial',
  [`POST ${W}`]: 'WebhookExecuteRequest',
  'POST /channels/{channel_id}/messages': 'MessageCreateRequest',
  'PATCH /channels/{channel_id}/messages/{message_id}': 'MessageEditRequestPartial',
};

/** Every recorded request with a body that has a documented schema. */
export function sentPayloads(requests: readonly RecordedRequest[]): SentPayload[] {
  const out: SentPayload[] = [];
  for (const r of requests) {
    if (r.route === null || r.body === undefined) continue;
    const schema = BODY_SCHEMAS[`${r.method} ${r.route}`];
    if (schema) out.push({ method: r.method, route: r.route, schema, body: r.body });
  }
  return out;
}
