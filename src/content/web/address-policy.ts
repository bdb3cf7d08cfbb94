import ipaddr from 'ipaddr.js';

/**
 * Which IP addresses the fetcher may connect to: public unicast addresses
 * only, plus whatever the operator lists in `FETCH_ALLOW_ADDRESSES`.
 * Everything else (loopback, RFC 1918 private, link-local — which holds the
 * 169.254.169.254 cloud-metadata service —, unique-local fc00::/7 — which holds
 * AWS's fd00:ec2::254 —, multicast, unspecified, carrier-grade NAT
 * 100.64.0.0/10 — which holds Alibaba's 100.100.100.200 —, reserved and
 * documentation ranges, NAT64/6to4/Teredo forms that embed an IPv4 address) is
 * refused. IPv4-mapped IPv6 (::ffff:10.0.0.1) is judged as the IPv4 address
 * it carries.
 */
export interface AddressPolicy {
  /** True when a connection to `address` (an IPv4 or IPv6 literal) is allowed. */
  allows(address: string): boolean;
}

type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];

/**
 * Build the policy from the allow-list: IP addresses or CIDR ranges
 * (`127.0.0.1`, `10.1.0.0/16`, `::1`).
 *
 * @throws Error naming the first entry that is neither.
 */
export function createAddressPolicy(allowList: readonly string[] = []): AddressPolicy {
  const allowed = allowList.map(parseRange);
  return {
    allows(address: string): boolean {
      const ip = parseAddress(address);
      if (!ip) return false;
      if (allowed.some(([base, bits]) => base.kind() === ip.kind() && ip.match(base, bits))) return true;
      return ip.range() === 'unicast';
    },
  };
}

/** The address as ipaddr.js sees it, IPv4-mapped IPv6 turned into IPv4; undefined when not an IP literal. */
export function parseAddress(address: string): ipaddr.IPv4 | ipaddr.IPv6 | undefined {
  const bare = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  // Zone ids (fe80::1%eth0) are link-local anyway; ipaddr.js parses them.
  if (!ipaddr.isValid(bare)) return undefined;
  try {
    return ipaddr.process(bare);
  } catch {
    return undefined;
  }
}

/** True when `host` (a URL's hostname, brackets allowed) is an IP literal rather than a DNS name. */
export function isIpLiteral(host: string): boolean {
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  return ipaddr.IPv4.isValidFourPartDecimal(bare) || ipaddr.IPv6.isValid(bare);
}

function parseRange(entry: string): Range {
  const text = entry.trim();
  try {
    if (!text.includes('/')) {
      const ip = ipaddr.process(text);
      return [ip, ip.kind() === 'ipv4' ? 32 : 128];
    }
    const [base, bits] = ipaddr.parseCIDR(text);
    if (base.kind() === 'ipv6' && (base as ipaddr.IPv6).isIPv4MappedAddress()) return [(base as ipaddr.IPv6).toIPv4Address(), Math.max(0, bits - 96)];
    return [base, bits];
  } catch {
    throw new Error(`"${text}" is not an IP address or CIDR range`);
  }
}
