/**
 * Legal variations of Discord's answers that the fake can switch on (its
 * defaults stay as they were): unknown fields in every object, rate-limit
 * headers absent, bucket-only or complete.
 */

/** The unknown field added to every object (a newer API version's addition, as far as the bot can tell). */
export const UNKNOWN_FIELD = 'x_stand_in_extra';

/** Which rate-limit headers successful REST answers carry: none (default), `X-RateLimit-Bucket` alone, or the full set. */
export type RateLimitHeaders = 'none' | 'bucket' | 'full';

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A deep copy of `value` with an unknown field (an object and a number) in every
 * object. Maps keyed by ids (`resolved.users`, `authorizing_integration_owners`)
 * are left as they are, their values decorated: Discord never puts a field
 * that is not an id among their keys.
 */
export function withUnknownFields(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withUnknownFields);
  if (!isPlainObject(value)) return value;
  const keys = Object.keys(value);
  const out: Record<string, unknown> = {};
  for (const k of keys) out[k] = withUnknownFields(value[k]);
  const idMap = keys.length === 0 || keys.every((k) => /^\d+$/.test(k));
  if (!idMap) out[UNKNOWN_FIELD] = { since: 'v11', flags: 1 << 20 };
  return out;
}

/** Headers of a successful answer for `route` under the chosen rate-limit header variant. */
export function rateLimitHeaders(variant: RateLimitHeaders, route: string | null): Record<string, string> {
  if (variant === 'none' || !route) return {};
  const bucket = { 'x-ratelimit-bucket': Buffer.from(route).toString('hex').slice(0, 32) };
  if (variant === 'bucket') return bucket;
  return {
    ...bucket, 'x-ratelimit-limit': '5', 'x-ratelimit-remaining': '4',
    'x-ratelimit-reset': (Date.now() / 1000 + 1).toFixed(3), 'x-ratelimit-reset-after': '1.000',
  };
}

/** Fields of a message object a sparse stand-in leaves out of its answers. */
const OPTIONAL_MESSAGE_FIELDS = ['nonce', 'embeds', 'components', 'mentions', 'mention_roles', 'attachments', 'flags', 'pinned', 'tts', 'mention_everyone', 'edited_timestamp', 'webhook_id', 'application_id', 'interaction_metadata'];

/** A message object (or list of them) without its optional fields, as a sparse stand-in answers; anything else unchanged. */
export function withoutOptionalMessageFields(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutOptionalMessageFields);
  if (!isPlainObject(value) || typeof value.channel_id !== 'string' || !isPlainObject(value.author)) return value;
  return Object.fromEntries(Object.entries(value).filter(([k]) => !OPTIONAL_MESSAGE_FIELDS.includes(k)));
}
