import { describe, expect, it } from 'vitest';
import { createAddressPolicy, isIpLiteral } from '../../../src/content/web/address-policy';

describe('address policy without an allow-list', () => {
  const policy = createAddressPolicy();
  it.each([
    ['93.184.215.14', true, 'public IPv4'],
    ['2606:4700:4700::1111', true, 'public IPv6'],
    ['127.0.0.1', false, 'loopback'],
    ['127.0.0.2', false, 'loopback, not only .1'],
    ['::1', false, 'IPv6 loopback'],
    ['10.0.0.5', false, 'private 10/8'],
    ['172.16.3.4', false, 'private 172.16/12'],
    ['192.168.1.1', false, 'private 192.168/16'],
    ['169.254.169.254', false, 'cloud metadata (link-local)'],
    ['fd00:ec2::254', false, 'AWS IPv6 metadata (unique local)'],
    ['100.100.100.200', false, 'Alibaba metadata (CGNAT)'],
    ['100.64.0.1', false, 'carrier-grade NAT'],
    ['0.0.0.0', false, 'unspecified'],
    ['::', false, 'IPv6 unspecified'],
    ['224.0.0.1', false, 'multicast'],
    ['ff02::1', false, 'IPv6 multicast'],
    ['fe80::1', false, 'IPv6 link-local'],
    ['255.255.255.255', false, 'broadcast'],
    ['198.18.0.1', false, 'benchmarking (reserved)'],
    ['::ffff:127.0.0.1', false, 'IPv4-mapped loopback'],
    ['::ffff:10.0.0.1', false, 'IPv4-mapped private'],
    ['::ffff:7f00:2', false, 'IPv4-mapped loopback in hex'],
    ['64:ff9b::a9fe:a9fe', false, 'NAT64 form of the metadata address'],
    ['2002:7f00:1::', false, '6to4 form of loopback'],
    ['not-an-ip', false, 'a name is never allowed here'],
  ])('%s → %s (%s)', (address, allowed) => {
    expect(policy.allows(address)).toBe(allowed);
  });
});

describe('address policy with FETCH_ALLOW_ADDRESSES', () => {
  const policy = createAddressPolicy(['127.0.0.1', '10.1.0.0/16', '::ffff:192.168.7.0/120']);
  it.each([
    ['127.0.0.1', true],
    ['::ffff:127.0.0.1', true],
    ['127.0.0.2', false],
    ['10.1.200.3', true],
    ['10.2.0.1', false],
    ['192.168.7.9', true],
    ['169.254.169.254', false],
  ])('%s → %s', (address, allowed) => {
    expect(policy.allows(address)).toBe(allowed);
  });

  it('refuses an entry that is not an address, naming it', () => {
    expect(() => createAddressPolicy(['localhost'])).toThrow(/"localhost" is not an IP address/);
  });
});

describe('isIpLiteral', () => {
  it.each([
    ['127.0.0.1', true],
    ['[::1]', true],
    ['::ffff:7f00:1', true],
    ['example.com', false],
    ['1.2.3', false],
  ])('%s → %s', (host, literal) => {
    expect(isIpLiteral(host)).toBe(literal);
  });
});
