import { sign, type KeyObject } from 'node:crypto';
import { isObj } from './json';
import { withUnknownFields } from './variants';
import type { InteractionRecord } from './interactions';
import { postCallback } from './rest-interactions';
import type { RecordedRequest } from './types';
import type { World } from './world';

/** Where and how the fake sends interactions over HTTP (Discord's "Interactions Endpoint URL"). */
export interface HttpDelivery {
  /** The bot's endpoint, e.g. `http://127.0.0.1:PORT/interactions`. */
  url: string;
  /** The application's Ed25519 private key: every request is signed with it, as Discord signs. */
  privateKey: KeyObject;
}

/** What a bot's endpoint answered. */
export interface HttpAnswer {
  status: number;
  contentType: string;
  text: string;
  /** The parsed JSON body, when it was JSON. */
  json?: unknown;
}

/** Options of {@link postSigned}: what a test may change to play an attacker or a replay. */
export interface SignOptions {
  /** Unix seconds put in `X-Signature-Timestamp` (default now). */
  timestamp?: number;
  /** Sign this body but send `body` (a tampered request). */
  signedBody?: string;
  /** Sign with another key than `privateKey` (a forged request). */
  signingKey?: KeyObject;
  /** `Content-Type` sent instead of `application/json` (null: none). */
  contentType?: string | null;
}

/** The `X-Signature-*` headers Discord sends: Ed25519 over `timestamp + body`. */
export function signatureHeaders(body: string, key: KeyObject, timestamp = Math.floor(Date.now() / 1000)): Record<string, string> {
  const signature = sign(null, Buffer.from(`${timestamp}${body}`, 'utf8'), key).toString('hex');
  return { 'X-Signature-Ed25519': signature, 'X-Signature-Timestamp': String(timestamp) };
}

/** POST `body` to a bot's interactions endpoint, signed like Discord (or not quite, see {@link SignOptions}). */
export async function postSigned(url: string, body: string, privateKey: KeyObject, options: SignOptions = {}): Promise<HttpAnswer> {
  const headers = signatureHeaders(options.signedBody ?? body, options.signingKey ?? privateKey, options.timestamp);
  const type = options.contentType === undefined ? 'application/json' : options.contentType;
  const sent = type === null ? new Blob([body]) : body;
  const res = await fetch(url, { method: 'POST', body: sent, headers: { ...(type === null ? {} : { 'Content-Type': type }), 'User-Agent': 'Discord-Interactions/1.0 (+https://discord.com)', ...headers } });
  const text = await res.text();
  const contentType = res.headers.get('content-type') ?? '';
  let json: unknown;
  if (contentType.includes('json')) json = JSON.parse(text) as unknown;
  return { status: res.status, contentType, text, json };
}

/**
 * Deliver an interaction over HTTP instead of the gateway: POST it signed to
 * the bot's endpoint and take the answer as the interaction's first callback,
 * recorded exactly as if the bot had POSTed it to `/callback` (so
 * `assertAllValid` checks it against the spec and `response()`/`visible()`
 * work as for the gateway).
 */
export async function deliverOverHttp(delivery: HttpDelivery, world: World, requests: RecordedRequest[], rec: InteractionRecord): Promise<HttpAnswer> {
  rec.dispatchedAt = performance.now();
  const payload = world.unknownFields ? withUnknownFields(rec.payload) : rec.payload;
  const answer = await postSigned(delivery.url, JSON.stringify(payload), delivery.privateKey);
  if (answer.status !== 200 || !isObj(answer.json)) {
    rec.callback = { type: 0, data: undefined, latencyMs: performance.now() - rec.dispatchedAt, status: answer.status };
    world.signal.notify();
    return answer;
  }
  const path = `/interactions/${rec.id}/${rec.token}/callback`;
  const params = { interaction_id: rec.id, interaction_token: rec.token };
  const result = postCallback({ method: 'POST', path, params, query: {}, body: answer.json }, world);
  requests.push({
    method: 'POST', path, query: {}, route: '/interactions/{interaction_id}/{interaction_token}/callback', body: answer.json,
    headers: { 'x-delivered-over': 'http' }, auth: 'missing', status: result.status, response: result.body, injected: false, time: Date.now(),
  });
  world.signal.notify();
  return answer;
}
