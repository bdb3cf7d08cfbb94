import { createPublicKey, verify, type KeyObject } from 'node:crypto';

/** DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410): the raw 32-byte key follows it. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** A signature older (or newer) than this is refused: a replayed request. Discord's own libraries use 5 minutes. */
export const MAX_SIGNATURE_AGE_SECONDS = 300;

/** The application's public key (64 hex digits, from the developer portal) as a node:crypto key. */
export function publicKeyFromHex(hex: string): KeyObject {
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) throw new Error('an Ed25519 public key is 64 hex digits');
  return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(hex, 'hex')]), format: 'der', type: 'spki' });
}

/** What {@link isSignedByDiscord} checks. */
export interface SignedRequest {
  /** `X-Signature-Ed25519` (hex). */
  signature: string | undefined;
  /** `X-Signature-Timestamp` (Unix seconds). */
  timestamp: string | undefined;
  /** The raw request body, exactly as received. */
  body: Buffer;
}

/**
 * True when Discord signed `timestamp + body` with the application's key and
 * the timestamp is within {@link MAX_SIGNATURE_AGE_SECONDS} of `nowMs`.
 * Never throws: a missing or malformed header is simply not valid.
 */
export function isSignedByDiscord(request: SignedRequest, key: KeyObject, nowMs: number): boolean {
  const { signature, timestamp } = request;
  if (!signature || !timestamp || !/^[0-9a-fA-F]{128}$/.test(signature) || !/^\d{1,12}$/.test(timestamp)) return false;
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > MAX_SIGNATURE_AGE_SECONDS) return false;
  return verify(null, Buffer.concat([Buffer.from(timestamp, 'utf8'), request.body]), key, Buffer.from(signature, 'hex'));
}
