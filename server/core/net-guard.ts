/**
 * Requests to addresses that users typed (links in information pages, push endpoints, actors' iCal feeds) must not
 * reach the server's own network (SSRF). `guardedFetch` refuses loopback, private, link-local (with the cloud
 * metadata address 169.254.169.254), unique-local, carrier-grade NAT, multicast and reserved addresses, IPv4 and IPv6
 * (an IPv4-mapped or NAT64 IPv6 address is judged by its IPv4 address). The check runs when the connection is made
 * (the resolver's answer is checked, so a name that resolves to 127.0.0.1 is refused, and a second resolution
 * cannot swap the address), and again at every redirect it follows.
 *
 * `fetchOutside` is the same for reading a document (an actor's iCal feed): GET, the body as text with a size limit,
 * and every failure as one stable problem code.
 *
 * The setting PRIVATE_FETCH_ALLOW (tests only) names origins (`http://127.0.0.1:8080`) that may be private, or `*`.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { Readable } from 'node:stream';

/** The host of a URL resolves to (or is) an address the server must not ask. */
export class RefusedAddressError extends Error {
  readonly code = 'refused_address';
}

const blocked = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, with the metadata service 169.254.169.254
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24], // documentation
  ['192.168.0.0', 16],
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved and broadcast
] as const)
  blocked.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 96], // unspecified, loopback ::1 and the old IPv4-compatible addresses
  ['100::', 64], // discard
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique local (with fd00:ec2::254, a metadata address)
  ['fe80::', 10], // link-local
  ['fec0::', 10], // the old site-local
  ['ff00::', 8], // multicast
] as const)
  blocked.addSubnet(net, prefix, 'ipv6');

/** The IPv4 address inside an IPv4-mapped (::ffff:a.b.c.d) or NAT64 (64:ff9b::a.b.c.d) IPv6 address. */
function embeddedIpv4(ipv6: string): string | null {
  const canonical = new URL(`http://[${ipv6}]/`).hostname.slice(1, -1);
  const match = /^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(canonical);
  if (!match) return null;
  const high = Number.parseInt(match[1] as string, 16);
  const low = Number.parseInt(match[2] as string, 16);
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}

/** Whether an IP address is on the public internet (false for the ranges above, and for what is no address). */
export function isPublicAddress(address: string): boolean {
  const version = isIP(address);
  if (version === 4) return !blocked.check(address, 'ipv4');
  if (version !== 6) return false;
  const ipv4 = embeddedIpv4(address);
  if (ipv4) return isPublicAddress(ipv4);
  return !blocked.check(address, 'ipv6');
}

/** Resolves like dns.lookup, but fails when any address of the name is not public. */
const guardedLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, '', 4);
    if (!addresses.length || addresses.some((a) => !isPublicAddress(a.address)))
      return callback(new RefusedAddressError(hostname), '', 4);
    if (options.all) return (callback as unknown as (e: null, all: LookupAddress[]) => void)(null, addresses);
    const first = addresses[0] as LookupAddress;
    callback(null, first.address, first.family);
  });
};

export type GuardedInit = {
  method?: string;
  headers?: Record<string, string>;
  body?: Uint8Array;
  /** The whole request, redirects included. */
  timeoutMs: number;
  /** Origins that may be private (PRIVATE_FETCH_ALLOW, tests only); `*` allows every address. */
  allowPrivate: readonly string[];
  /** Redirects followed (each target checked again); 0 answers the redirect itself. */
  maxRedirects?: number;
};

/** Whether the test setting lets this URL's origin be private. */
const allows = (allowPrivate: readonly string[], url: URL) =>
  allowPrivate.includes('*') || allowPrivate.includes(url.origin);

function requestOnce(url: URL, init: GuardedInit, signal: AbortSignal): Promise<IncomingMessage> {
  const allowed = allows(init.allowPrivate, url);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  // An address in the URL is not resolved, so the lookup never sees it: it is checked here.
  if (!allowed && isIP(host) && !isPublicAddress(host)) return Promise.reject(new RefusedAddressError(host));
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(url, {
      method: init.method ?? 'GET',
      headers: init.headers,
      signal,
      ...(allowed ? {} : { lookup: guardedLookup }),
    });
    request.on('response', resolve);
    request.on('error', reject);
    request.end(init.body);
  });
}

/**
 * fetch for addresses from users: http and https only, private addresses refused (RefusedAddressError), redirects
 * followed by hand (GET after 301/302/303, as fetch does) with each target checked. Returns a web Response.
 */
export async function guardedFetch(address: string, init: GuardedInit): Promise<Response> {
  const signal = AbortSignal.timeout(init.timeoutMs);
  let url = new URL(address);
  let method = init.method ?? 'GET';
  let body = init.body;
  for (let hop = 0; ; hop++) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new RefusedAddressError(url.protocol);
    const response = await requestOnce(url, { ...init, method, body }, signal);
    const status = response.statusCode ?? 0;
    const location = response.headers.location;
    if (status >= 300 && status < 400 && location && hop < (init.maxRedirects ?? 5)) {
      response.resume();
      url = new URL(location, url);
      if (status === 303 || ((status === 301 || status === 302) && method === 'POST')) {
        method = method === 'HEAD' ? 'HEAD' : 'GET';
        body = undefined;
      }
      continue;
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(response.headers))
      for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value])
        headers.append(name, one);
    const empty = method === 'HEAD' || status === 204 || status === 304 || status < 200;
    if (empty) response.resume();
    return new Response(empty ? null : (Readable.toWeb(response) as ReadableStream), {
      status: status < 200 ? 502 : status,
      headers,
    });
  }
}

/** Why `fetchOutside` failed: a stable code the caller records or translates. */
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

/**
 * The URL, if it is http(s) without credentials and its host, when written as an address or as localhost, is
 * public (names are checked when the connection resolves them).
 */
export function checkOutsideUrl(text: string, allowPrivate: readonly string[]): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new OutsideFetchError('url_invalid');
  }
  if (!['http:', 'https:'].includes(url.protocol) || url.username || url.password)
    throw new OutsideFetchError('url_invalid');
  if (allows(allowPrivate, url)) return url;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) ? !isPublicAddress(host) : /(^|\.)localhost\.?$/i.test(host))
    throw new OutsideFetchError('address_refused');
  return url;
}

export type OutsideFetchOptions = {
  allowPrivate: readonly string[];
  /** Largest body read, in bytes (default 2 MB). */
  maxBytes?: number;
  /** For the whole fetch, redirects included (default 10 s). */
  timeoutMs?: number;
  maxRedirects?: number;
  accept?: string;
};

/** GETs an outside document as text (UTF-8) through `guardedFetch`; every failure is an OutsideFetchError. */
export async function fetchOutside(text: string, options: OutsideFetchOptions): Promise<string> {
  const url = checkOutsideUrl(text, options.allowPrivate);
  const maxBytes = options.maxBytes ?? 2_000_000;
  let response: Response;
  try {
    response = await guardedFetch(url.toString(), {
      headers: { accept: options.accept ?? '*/*', 'user-agent': 'Lotse (calendar import)' },
      timeoutMs: options.timeoutMs ?? 10_000,
      allowPrivate: options.allowPrivate,
      maxRedirects: options.maxRedirects ?? 3,
    });
  } catch (error) {
    throw failure(error);
  }
  const status = response.status;
  if (status >= 300 && status < 400 && response.headers.get('location')) {
    await response.body?.cancel();
    throw new OutsideFetchError('too_many_redirects');
  }
  if (status !== 200) {
    await response.body?.cancel();
    throw new OutsideFetchError('status', status);
  }
  if (Number(response.headers.get('content-length') ?? 0) > maxBytes) {
    await response.body?.cancel();
    throw new OutsideFetchError('too_large');
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for await (const chunk of response.body ?? []) {
      size += chunk.length;
      if (size > maxBytes) throw new OutsideFetchError('too_large');
      chunks.push(chunk);
    }
  } catch (error) {
    throw failure(error);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** A failed request as its problem code. */
function failure(error: unknown): OutsideFetchError {
  if (error instanceof OutsideFetchError) return error;
  if (error instanceof RefusedAddressError) return new OutsideFetchError('address_refused');
  const name = (error as { name?: string })?.name;
  if (name === 'TimeoutError' || name === 'AbortError') return new OutsideFetchError('timeout');
  return new OutsideFetchError('unreachable');
}
