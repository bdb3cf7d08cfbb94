import { describe, expect, it } from 'vitest';
import { deliveryNonce, MAX_NONCE_LENGTH } from '../../src/scheduler';
import { offsetChanges } from '../../src/scheduler/timing';

describe('deliveryNonce', () => {
  it.each([
    ['an Arabic id', '200000000000000001', 'بيان-وزارة-الخارجية'],
    ['an English id', '200000000000000001', 'mayor-speech'],
    ['a French id', '200000000000000001', 'déclaration-élysée'],
    ['a very long id', '200000000000000001', 'x'.repeat(500)],
  ])('is deterministic, ≤ 25 characters of [0-9a-z], for %s', (_label, channel, article) => {
    const nonce = deliveryNonce(channel, article);
    expect(nonce).toBe(deliveryNonce(channel, article));
    expect(nonce).toMatch(/^[0-9a-z]+$/);
    expect(nonce.length).toBeLessThanOrEqual(MAX_NONCE_LENGTH);
  });

  it('differs by channel and by article, and does not confuse the separator', () => {
    const nonces = new Set([
      deliveryNonce('200000000000000001', 'a'),
      deliveryNonce('200000000000000002', 'a'),
      deliveryNonce('200000000000000001', 'b'),
      deliveryNonce('20000000000000000', '1:a'),
    ]);
    expect(nonces.size).toBe(4);
  });
});

describe('offsetChanges', () => {
  it.each([
    ['Europe/Paris', 2, '2026-03-29T01:0'],
    ['America/New_York', 2, '2026-03-08T07:0'],
    ['Pacific/Auckland', 2, '2026-04-04T14:0'], // 03:00 NZDT on the 5th,
    ['Asia/Riyadh', 0, undefined],
    ['UTC', 0, undefined],
  ])('finds the DST changes of %s in 2026', (zone, count, first) => {
    const changes = offsetChanges(zone, new Date('2026-01-01T00:00:00Z'), 365);
    expect(changes).toHaveLength(count);
    if (first) expect(changes[0]!.toISOString().slice(0, 15)).toBe(first);
  });
});
