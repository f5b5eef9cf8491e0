/**
 * Fetching an address a person typed (an actor's iCal feed), guarded against server-side request forgery: only
 * http(s), and neither the address as written nor any address its name resolves to may be private, loopback,
 * link-local, shared, multicast or reserved (unless the setting FETCH_ALLOW_PRIVATE allows it). The check runs in the
 * connection's own DNS lookup, so the address connected to is the one checked (no second lookup to rebind), and
 * again on every redirect. Size and time are limited. Pure Node (no module imports).
 */
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP } from 'node:net';

/** Why a fetch failed: a stable code the caller records or translates. */
export type OutsideFetchProblem =
  | 'url_invalid'
  | 'address_refused'
  | 'unreachable'
  | 'timeout'
  | 'status'
  | 'too_large'
  | 'too_many_redirects';

export class OutsideFetchError extends Error {
  constructor(
    readonly problem: OutsideFetchProblem,
    readonly status: number | null = null,
  ) {
    super(`outside fetch: ${problem}${status ? ` (${status})` : ''}`);
  }
}

const blocked = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  blocked.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 127], // :: and ::1
  ['64:ff9b::', 96],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const)
  blocked.addSubnet(net, prefix, 'ipv6');

/**
 * Whether an IP address (v4 or v6) is one on the public internet. IPv4-mapped IPv6 addresses (::ffff:127.0.0.1) are
 * judged by the IPv4 rules (BlockList does that itself).
 */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  return !blocked.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** The URL, if it is http(s) without credentials and its host (when an address literal or localhost) is allowed. */
export function checkOutsideUrl(text: string, allowPrivate: boolean): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new OutsideFetchError('url_invalid');
  }
  if (!['http:', 'https:'].includes(url.protocol) || url.username || url.password)
    throw new OutsideFetchError('url_invalid');
  if (allowPrivate) return url;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) ? !isPublicAddress(host) : /(^|\.)localhost\.?$/i.test(host))
    throw new OutsideFetchError('address_refused');
  return url;
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/** dns.lookup for the connection, refusing names that resolve to any non-public address. */
function guardedLookup(hostname: string, options: LookupOptions, callback: LookupCallback): void {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    const list = addresses as LookupAddress[];
    if (list.length === 0 || list.some((a) => !isPublicAddress(a.address))) {
      const refused = Object.assign(new Error('address refused'), { code: 'EADDRREFUSED' });
      return callback(refused, []);
    }
    if (options.all) return callback(null, list);
    const first = list[0] as LookupAddress;
    return callback(null, first.address, first.family);
  });
}

export type OutsideFetchOptions = {
  allowPrivate: boolean;
  /** Largest body read, in bytes (default 2 MB). */
  maxBytes?: number;
  /** For the whole fetch, redirects included (default 10 s). */
  timeoutMs?: number;
  maxRedirects?: number;
  accept?: string;
};

/** GETs an outside URL as text (UTF-8), guarded (see the file's comment); throws OutsideFetchError. */
export async function fetchOutside(text: string, options: OutsideFetchOptions): Promise<string> {
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  let url = checkOutsideUrl(text, options.allowPrivate);
  for (let redirects = 0; ; redirects++) {
    const reply = await getOnce(url, options, deadline);
    if ('body' in reply) return reply.body;
    if (redirects >= (options.maxRedirects ?? 3)) throw new OutsideFetchError('too_many_redirects');
    url = checkOutsideUrl(new URL(reply.location, url).toString(), options.allowPrivate);
  }
}

function getOnce(
  url: URL,
  options: OutsideFetchOptions,
  deadline: number,
): Promise<{ body: string } | { location: string }> {
  const maxBytes = options.maxBytes ?? 2_000_000;
  return new Promise((resolve, reject) => {
    const client = url.protocol === 'https:' ? https : http;
    const request = client.get(
      url,
      {
        headers: { accept: options.accept ?? '*/*', 'user-agent': 'Lotse (calendar import)' },
        ...(options.allowPrivate ? {} : { lookup: guardedLookup as unknown as typeof dnsLookup }),
      },
      (response) => {
        const status = response.statusCode ?? 0;
        if (status >= 300 && status < 400 && response.headers.location) {
          response.resume();
          return resolve({ location: response.headers.location });
        }
        if (status !== 200) {
          response.resume();
          return reject(new OutsideFetchError('status', status));
        }
        if (Number(response.headers['content-length'] ?? 0) > maxBytes) {
          response.destroy();
          return reject(new OutsideFetchError('too_large'));
        }
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) {
            response.destroy();
            reject(new OutsideFetchError('too_large'));
          } else chunks.push(chunk);
        });
        response.on('end', () => resolve({ body: Buffer.concat(chunks).toString('utf8') }));
        response.on('error', () => reject(new OutsideFetchError('unreachable')));
      },
    );
    // The whole fetch has one deadline (a slow trickle of bytes included), not only an idle socket's.
    const timer = setTimeout(
      () => {
        reject(new OutsideFetchError('timeout'));
        request.destroy();
      },
      Math.max(1, deadline - Date.now()),
    );
    request.on('close', () => clearTimeout(timer));
    request.on('error', (error: NodeJS.ErrnoException) =>
      reject(new OutsideFetchError(error.code === 'EADDRREFUSED' ? 'address_refused' : 'unreachable')),
    );
  });
}
