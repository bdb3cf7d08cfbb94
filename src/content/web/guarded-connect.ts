import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { buildConnector } from 'undici';
import type { AddressPolicy } from './address-policy';

/** Resolves a host name to its addresses (injectable so tests can point a DNS name anywhere). */
export type Resolver = (hostname: string) => Promise<LookupAddress[]>;

/** The system resolver (getaddrinfo, as every other program on the machine). */
export const systemResolver: Resolver = (hostname) =>
  new Promise((resolve, reject) => {
    dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) => (error ? reject(error) : resolve(addresses)));
  });

/** A connection refused by the {@link AddressPolicy}; the fetcher turns it into a `refused-address` FetchError. */
export class RefusedAddressError extends Error {
  override name = 'RefusedAddressError';
  readonly code = 'ERR_BRIEFING_REFUSED_ADDRESS';
  constructor(readonly host: string) {
    super(`${host} is a local or private address`);
  }
}

/**
 * A `net.connect` lookup that resolves with `resolver` and keeps only the
 * addresses the policy allows; none left is a {@link RefusedAddressError}.
 */
export function guardedLookup(policy: AddressPolicy, resolver: Resolver): LookupFunction {
  return (hostname, options, callback) => {
    resolver(hostname).then(
      (addresses) => {
        const wanted = options.family === 4 || options.family === 6 ? addresses.filter((a) => a.family === options.family) : addresses;
        const allowed = wanted.filter((a) => policy.allows(a.address));
        if (allowed.length === 0) {
          callback(wanted.length === 0 ? Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }) : new RefusedAddressError(hostname), '', 0);
        } else if (options.all) {
          (callback as unknown as (error: null, addresses: LookupAddress[]) => void)(null, allowed);
        } else {
          callback(null, allowed[0]!.address, allowed[0]!.family);
        }
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 0),
    );
  };
}

type Connector = ReturnType<typeof buildConnector>;

/**
 * An undici connector that resolves through {@link guardedLookup} and then
 * checks the address the socket actually reached (which also covers literal
 * IPs, for which Node skips the lookup).
 */
export function guardedConnector(policy: AddressPolicy, resolver: Resolver, options: buildConnector.BuildOptions = {}): Connector {
  const connect = buildConnector({ ...options, lookup: guardedLookup(policy, resolver) } as buildConnector.BuildOptions);
  return (connectOptions, callback) => {
    connect(connectOptions, (error, socket) => {
      if (error) return callback(error, null);
      const remote = socket.remoteAddress;
      if (!remote || !policy.allows(remote)) {
        socket.destroy();
        return callback(new RefusedAddressError(connectOptions.hostname), null);
      }
      callback(null, socket);
    });
  };
}
