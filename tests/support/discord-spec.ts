/**
 * Validates what the bot sends to Discord against Discord's own OpenAPI
 * description (`tests/fixtures/discord-api-spec/openapi.json`, a copy of
 * github.com/discord/discord-api-spec `specs/openapi.json` at 74fda0f), plus the rules the
 * spec does not carry: the 6000-character total of a message's embeds, and
 * (optionally) `allowed_mentions` on every message.
 *
 * - `validatePayload(schemaName, body)`: a component schema (`RichEmbed`,
 *   `MessageCreateRequest`, …) or an alias: `InteractionCallbackRequest` (the
 *   callback union, picked by `type`), `ApplicationCommandBulkOverwriteRequest`
 *   (the PUT …/commands array), `WebhookExecuteRequest` (POST /webhooks/:id/:token).
 * - `validateRequest(method, path, body)`: finds the documented request body
 *   of any route in the spec's `paths` (concrete path or template).
 * - `assertAllValid(fake)`: validates every request the bot made to the fake
 *   and throws one readable list of problems.
 */
import { readFileSync } from 'node:fs';
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { isObj, type Json } from './fake-discord/json';
import { embedChars } from './fake-discord/limits';
import { templatePattern } from './fake-discord/routes';
import type { RecordedRequest } from './fake-discord/types';
import { fixturePath } from './shared-data';

type Spec = { paths: Record<string, Record<string, Json>>; components: { schemas: Record<string, unknown> } };

const SPEC_PATH = fixturePath('discord-api-spec/openapi.json');
const ROOT_ID = 'https://discord.invalid/openapi.json';
const REF = '#/components/schemas/';

/** Rewrite `#/components/schemas/X` refs to `<root>#/$defs/X` throughout a JSON value. */
function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (typeof value !== 'object' || value === null) return value;
  const out: Json = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = k === '$ref' && typeof v === 'string' && v.startsWith(REF) ? `${ROOT_ID}#/$defs/${v.slice(REF.length)}` : rewriteRefs(v);
  }
  return out;
}

interface Loaded {
  spec: Spec;
  ajv: Ajv2020;
  routes: { method: string; template: string; pattern: RegExp; literal: number }[];
}

let loaded: Loaded | null = null;
const cache = new Map<string, ValidateFunction>();

function load(): Loaded {
  if (loaded) return loaded;
  const spec = JSON.parse(readFileSync(SPEC_PATH, 'utf8')) as Spec;
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  ajv.addFormat('snowflake', /^(0|[1-9][0-9]{0,19})$/);
  ajv.addFormat('nonce', { type: 'string', validate: (s: string) => s.length <= 25 });
  ajv.addSchema({ $id: ROOT_ID, $defs: rewriteRefs(spec.components.schemas) as Json });
  const routes: Loaded['routes'] = [];
  for (const [template, ops] of Object.entries(spec.paths)) {
    const { pattern, params } = templatePattern(template);
    const literal = template.split('/').length - params.length;
    for (const method of Object.keys(ops)) {
      if (method !== 'parameters') routes.push({ method: method.toUpperCase(), template, pattern, literal });
    }
  }
  // Templates with more literal segments win (`…/messages/@original` over `…/messages/{message_id}`).
  routes.sort((a, b) => b.literal - a.literal);
  loaded = { spec, ajv, routes };
  return loaded;
}

function requestBodySchema(spec: Spec, method: string, template: string): unknown {
  const op = spec.paths[template]?.[method.toLowerCase()] as { requestBody?: { content?: Record<string, { schema?: unknown }> } } | undefined;
  return op?.requestBody?.content?.['application/json']?.schema;
}

function compiled(key: string, schema: () => unknown): ValidateFunction {
  let v = cache.get(key);
  if (!v) {
    const { ajv } = load();
    v = ajv.compile(rewriteRefs(schema()) as Json);
    cache.set(key, v);
  }
  return v;
}

const CALLBACK_TEMPLATE = '/interactions/{interaction_id}/{interaction_token}/callback';
const CALLBACK_BY_TYPE: Record<number, string> = {
  1: 'PongInteractionCallbackRequest', 4: 'CreateMessageInteractionCallbackRequest',
  5: 'CreateMessageInteractionCallbackRequest', 6: 'UpdateMessageInteractionCallbackRequest',
  7: 'UpdateMessageInteractionCallbackRequest', 8: 'ApplicationCommandAutocompleteCallbackRequest',
  9: 'ModalInteractionCallbackRequest', 12: 'LaunchActivityInteractionCallbackRequest',
};

function validatorFor(schemaName: string, body: unknown): ValidateFunction {
  const { spec } = load();
  if (schemaName === 'InteractionCallbackRequest') {
    const type = isObj(body) ? Number(body.type) : NaN;
    const branch = CALLBACK_BY_TYPE[type];
    if (branch) return validatorFor(branch, body);
    return compiled('POST callback', () => requestBodySchema(spec, 'POST', CALLBACK_TEMPLATE));
  }
  if (schemaName === 'ApplicationCommandBulkOverwriteRequest') {
    return compiled('PUT commands', () => requestBodySchema(spec, 'PUT', '/applications/{application_id}/commands'));
  }
  if (schemaName === 'WebhookExecuteRequest') {
    return compiled('POST webhook', () => requestBodySchema(spec, 'POST', '/webhooks/{webhook_id}/{webhook_token}'));
  }
  if (!(schemaName in spec.components.schemas)) throw new Error(`discord-spec: no schema named ${schemaName}`);
  return compiled(schemaName, () => ({ $ref: `${REF}${schemaName}` }));
}

/** discord.js sends `default_member_permissions` as a decimal string; the spec says integer. */
function normalise(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalise);
  if (typeof value !== 'object' || value === null) return value;
  const out: Json = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = k === 'default_member_permissions' && typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : normalise(v);
  }
  return out;
}

function describe(errors: readonly ErrorObject[] | null | undefined): string[] {
  const seen = new Set<string>();
  for (const e of errors ?? []) {
    const where = e.instancePath || '/';
    const extra = e.keyword === 'enum' ? ` ${JSON.stringify(e.params.allowedValues)}`
      : e.keyword === 'additionalProperties' ? ` (${String(e.params.additionalProperty)})` : '';
    seen.add(`${where} ${e.message ?? e.keyword}${extra}`);
  }
  return [...seen].slice(0, 25);
}

/** The embeds of a message-like body (a callback's `data` included). */
function embedsOf(body: unknown): unknown[] {
  if (!isObj(body)) return [];
  if (Array.isArray(body.embeds)) return body.embeds;
  return isObj(body.data) && Array.isArray(body.data.embeds) ? body.data.embeds : [];
}

/** Errors for the 6000-character total across a message's embeds (not in the spec). */
export function embedTotalErrors(body: unknown): string[] {
  const total = embedsOf(body).reduce<number>((n, e) => n + embedChars(e), 0);
  return total > 6000 ? [`/embeds total of ${total} characters exceeds 6000 (title, description, fields, footer, author)`] : [];
}

/** Validate a body against a named schema (or alias, see the module doc). Empty = valid. */
export function validatePayload(schemaName: string, body: unknown): string[] {
  const data = normalise(body);
  const v = validatorFor(schemaName, data);
  const errors = v(data) ? [] : describe(v.errors);
  return [...errors, ...embedTotalErrors(body)];
}

/** The spec's path template for a concrete path (or a template) and method, or null. */
export function specRouteOf(method: string, path: string): string | null {
  const { spec, routes } = load();
  const m = method.toUpperCase();
  if (spec.paths[path]?.[m.toLowerCase()]) return path;
  return routes.find((r) => r.method === m && r.pattern.test(path))?.template ?? null;
}

/**
 * Validate a request body against the documented request body of its route.
 * Routes without a documented body accept no body check; unknown routes are an error.
 */
export function validateRequest(method: string, path: string, body: unknown): string[] {
  const clean = path.split('?')[0]!.replace(/^\/api(\/v\d+)?/, '');
  const template = specRouteOf(method, clean);
  if (!template) return [`${method.toUpperCase()} ${clean}: no such route in Discord's API`];
  if (template === CALLBACK_TEMPLATE) return validatePayload('InteractionCallbackRequest', body);
  const { spec } = load();
  if (!requestBodySchema(spec, method, template)) return [];
  const data = normalise(body);
  const v = compiled(`${method.toUpperCase()} ${template}`, () => requestBodySchema(spec, method, template));
  const errors = v(data) ? [] : describe(v.errors);
  return [...errors, ...embedTotalErrors(body)];
}

/** Bodies that create or edit a visible message (they must carry `allowed_mentions`). */
function isMessageBody(r: RecordedRequest): Json | null {
  const b = r.body;
  if (!isObj(b)) return null;
  if (r.route === CALLBACK_TEMPLATE) return (b.type === 4 || b.type === 7) && isObj(b.data) ? b.data : null;
  const messageRoutes = ['/channels/{channel_id}/messages', '/webhooks/{webhook_id}/{webhook_token}',
    '/webhooks/{webhook_id}/{webhook_token}/messages/@original', '/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}',
    '/channels/{channel_id}/messages/{message_id}'];
  return r.route && messageRoutes.includes(r.route) && (r.method === 'POST' || r.method === 'PATCH') ? b : null;
}

/** Options of {@link assertAllValid}. */
export interface AssertAllValidOptions {
  /** Require `allowed_mentions` on every message body (default true). */
  requireAllowedMentions?: boolean;
}

/** Anything with recorded requests (the fake Discord). */
export interface HasRequests {
  readonly requests: readonly RecordedRequest[];
}

/** Every problem in what the bot sent: spec errors, embed totals, unknown routes, 400s, missing allowed_mentions. */
export function collectProblems(fake: HasRequests, options: AssertAllValidOptions = {}): string[] {
  const problems: string[] = [];
  fake.requests.forEach((r, i) => {
    const label = `#${i} ${r.method} ${r.route ?? r.path}`;
    if (r.route === null) problems.push(`${label}: route unknown to the fake (404)`);
    if (r.status === 400) {
      const res = isObj(r.response) ? r.response : {};
      const detail = res.errors ? ` ${JSON.stringify(res.errors)}` : '';
      problems.push(`${label}: refused with 400 (${String(res.code ?? '?')} ${String(res.message ?? '')})${detail}`);
    }
    if (r.body !== undefined) {
      for (const e of validateRequest(r.method, r.path, r.body)) problems.push(`${label}: ${e}`);
    }
    const message = isMessageBody(r);
    if (message && (options.requireAllowedMentions ?? true) && !('allowed_mentions' in message)) {
      problems.push(`${label}: message without allowed_mentions`);
    }
  });
  return problems;
}

/** Throw one readable error listing every problem in the bot's recorded requests. */
export function assertAllValid(fake: HasRequests, options: AssertAllValidOptions = {}): void {
  const problems = collectProblems(fake, options);
  if (problems.length > 0) {
    throw new Error(`Discord payload validation failed (${problems.length}):\n  ${problems.join('\n  ')}`);
  }
}
