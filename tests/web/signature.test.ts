import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isSignedByDiscord, MAX_SIGNATURE_AGE_SECONDS, publicKeyFromHex } from '../../src/web/signature';

const pair = generateKeyPairSync('ed25519');
const other = generateKeyPairSync('ed25519');
/** The raw 32-byte public key in hex, as the developer portal shows it. */
const hexOf = (key: typeof pair.publicKey): string => key.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex');
const publicKey = publicKeyFromHex(hexOf(pair.publicKey));
const NOW = 1_765_000_000_000;
const nowSeconds = NOW / 1000;

const signed = (body: string, timestamp: number, key = pair.privateKey) => ({
  body: Buffer.from(body, 'utf8'),
  timestamp: String(timestamp),
  signature: sign(null, Buffer.from(`${timestamp}${body}`, 'utf8'), key).toString('hex'),
});

describe('isSignedByDiscord', () => {
  const bodies = [
    ['English', '{"type":2,"data":{"name":"brief","options":[{"name":"article","value":"bridge"}]}}'],
    ['Arabic', '{"type":2,"data":{"name":"quote","options":[{"name":"query","value":"قال الوزير"}]}}'],
    ['French', '{"type":2,"data":{"name":"quote","options":[{"name":"query","value":"« réforme » déclaré"}]}}'],
  ];

  it.each(bodies)('accepts a request Discord signed (%s body)', (_lang, body) => {
    expect(isSignedByDiscord(signed(body, nowSeconds), publicKey, NOW)).toBe(true);
  });

  it.each(bodies)('refuses a tampered %s body', (_lang, body) => {
    const request = signed(body, nowSeconds);
    expect(isSignedByDiscord({ ...request, body: Buffer.from(body.replace('"type":2', '"type":3'), 'utf8') }, publicKey, NOW)).toBe(false);
  });

  it.each([
    ['a changed timestamp', (r: ReturnType<typeof signed>) => ({ ...r, timestamp: String(nowSeconds - 1) })],
    ['a signature by another key', () => signed(bodies[0]![1]!, nowSeconds, other.privateKey)],
    ['a stale timestamp (replay)', () => signed(bodies[0]![1]!, nowSeconds - MAX_SIGNATURE_AGE_SECONDS - 1)],
    ['a timestamp in the future', () => signed(bodies[0]![1]!, nowSeconds + MAX_SIGNATURE_AGE_SECONDS + 1)],
    ['no signature header', (r: ReturnType<typeof signed>) => ({ ...r, signature: undefined })],
    ['no timestamp header', (r: ReturnType<typeof signed>) => ({ ...r, timestamp: undefined })],
    ['a signature that is not hex', (r: ReturnType<typeof signed>) => ({ ...r, signature: 'z'.repeat(128) })],
    ['a short signature', (r: ReturnType<typeof signed>) => ({ ...r, signature: r.signature.slice(0, 64) })],
    ['a timestamp that is not a number', (r: ReturnType<typeof signed>) => ({ ...r, timestamp: 'yesterday' })],
  ])('refuses %s', (_name, change) => {
    expect(isSignedByDiscord(change(signed(bodies[0]![1]!, nowSeconds)), publicKey, NOW)).toBe(false);
  });

  it('accepts a timestamp at the edge of the allowed age', () => {
    expect(isSignedByDiscord(signed('{}', nowSeconds - MAX_SIGNATURE_AGE_SECONDS), publicKey, NOW)).toBe(true);
  });
});

describe('publicKeyFromHex', () => {
  it.each([['empty', ''], ['too short', 'ab'.repeat(31)], ['not hex', 'zz'.repeat(32)]])('refuses a key that is %s', (_name, hex) => {
    expect(() => publicKeyFromHex(hex)).toThrow(/64 hex digits/);
  });

  it('reads upper-case hex as the portal may show it', () => {
    const key = publicKeyFromHex(hexOf(pair.publicKey).toUpperCase());
    expect(isSignedByDiscord(signed('{}', nowSeconds), key, NOW)).toBe(true);
  });
});
