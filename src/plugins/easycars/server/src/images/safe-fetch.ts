/**
 * Fetches one image without letting a stock feed turn the server into a proxy (SSRF):
 *  - https only, plain http only for hosts in allowHttpHosts, never a redirect from https to http;
 *  - host on the allow-list, every redirect (at most 3) checked again;
 *  - the host is resolved first and private/loopback addresses are refused unless allowed,
 *    and the connection is pinned to the checked address (no DNS rebinding in between);
 *  - size cap (Content-Length and streamed bytes), a whole-request timeout;
 *  - Content-Type image/* AND image magic bytes.
 */
import http from 'node:http';
import https from 'node:https';
import { lookup as dnsLookup } from 'node:dns/promises';
import type { LookupAddress } from 'node:dns';
import { isPublicAddress } from './address-check';
import { hostAllowed } from './host-allow-list';
import { EXTENSION, GENERIC_TYPE_KINDS, MIME, imageKind, isGenericContentType } from './image-signature';

export interface SafeFetchOptions {
  allowedHosts: readonly string[];
  /** Hosts images may come from over plain http (the local sandbox); all others must be https. */
  allowHttpHosts?: readonly string[];
  allowPrivateAddresses: boolean;
  maxBytes: number;
  timeoutMs: number;
  maxRedirects?: number;
  /** Tests: resolve names without DNS. */
  resolve?: (host: string) => Promise<LookupAddress[]>;
}

export interface FetchedImage {
  body: Buffer;
  mime: string;
  ext: string;
  /** The final URL (after redirects). */
  url: string;
}

export type RefusalReason =
  | 'bad-url'
  | 'scheme'
  | 'host-not-allowed'
  | 'private-address'
  | 'dns'
  | 'too-many-redirects'
  | 'http-status'
  | 'not-an-image'
  | 'too-large'
  | 'timeout'
  | 'network';

export class ImageFetchError extends Error {
  constructor(readonly reason: RefusalReason, message: string) {
    super(message);
    this.name = 'ImageFetchError';
  }
}

const describe = (u: URL) => `${u.protocol}//${u.host}${u.pathname}`;

/** Where a redirect leads; never from https down to plain http, whatever host. */
export function redirectTarget(from: URL, location: string): URL {
  const next = new URL(location, from);
  if (from.protocol === 'https:' && next.protocol === 'http:') {
    throw new ImageFetchError('scheme', `${describe(from)} redirects from https to plain http (${describe(next)}); refused`);
  }
  return next;
}

async function checkTarget(url: URL, opts: SafeFetchOptions): Promise<LookupAddress> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ImageFetchError('scheme', `${url.protocol} URLs are not fetched (https only)`);
  if (url.username || url.password) throw new ImageFetchError('bad-url', 'URLs with credentials are not fetched');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!hostAllowed(host, opts.allowedHosts)) {
    throw new ImageFetchError('host-not-allowed', `host ${host} is not on the image allow-list (images.allowedHosts)`);
  }
  if (url.protocol === 'http:' && !hostAllowed(host, opts.allowHttpHosts ?? [])) {
    throw new ImageFetchError('scheme', `${describe(url)} is plain http; images are fetched over https only unless the host is in images.allowHttpHosts (EASYCARS_IMAGE_HTTP_HOSTS)`);
  }
  let addresses: LookupAddress[];
  try {
    addresses = opts.resolve ? await opts.resolve(host) : await dnsLookup(host, { all: true, verbatim: true });
  } catch (error) {
    throw new ImageFetchError('dns', `host ${host} could not be resolved: ${(error as Error).message}`);
  }
  if (addresses.length === 0) throw new ImageFetchError('dns', `host ${host} has no address`);
  if (!opts.allowPrivateAddresses) {
    const bad = addresses.find((a) => !isPublicAddress(a.address));
    if (bad) throw new ImageFetchError('private-address', `host ${host} resolves to a non-public address (${bad.address}); refused`);
  }
  return addresses[0]!;
}

function request(url: URL, address: LookupAddress, opts: SafeFetchOptions, signal: AbortSignal): Promise<http.IncomingMessage> {
  const lib = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = lib.request(
      url,
      {
        method: 'GET',
        signal,
        headers: { accept: 'image/*', 'user-agent': 'strapi-plugin-easycars' },
        // Connect to the address that was checked, whatever DNS says now.
        lookup: (_host: string, options: any, cb: any) => {
          if (options?.all) cb(null, [address]);
          else cb(null, address.address, address.family);
        },
      },
      resolve,
    );
    req.on('error', reject);
    req.end();
  });
}

async function readCapped(res: http.IncomingMessage, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of res) {
    total += (chunk as Buffer).length;
    if (total > maxBytes) {
      res.destroy();
      throw new ImageFetchError('too-large', `image is larger than ${maxBytes} bytes`);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export async function safeFetchImage(rawUrl: string, opts: SafeFetchOptions): Promise<FetchedImage> {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    throw new ImageFetchError('bad-url', 'not a valid URL');
  }
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), opts.timeoutMs);
  try {
    const maxRedirects = opts.maxRedirects ?? 3;
    for (let hop = 0; ; hop++) {
      const address = await checkTarget(url, opts);
      let res: http.IncomingMessage;
      try {
        res = await request(url, address, opts, controller.signal);
      } catch (error) {
        if (controller.signal.aborted) throw new ImageFetchError('timeout', `no answer within ${opts.timeoutMs} ms`);
        throw new ImageFetchError('network', `${describe(url)}: ${(error as Error).message}`);
      }
      const status = res.statusCode ?? 0;
      if ([301, 302, 303, 307, 308].includes(status)) {
        res.resume();
        const location = res.headers.location;
        if (!location) throw new ImageFetchError('http-status', `redirect ${status} without a Location`);
        if (hop >= maxRedirects) throw new ImageFetchError('too-many-redirects', `more than ${maxRedirects} redirects`);
        url = redirectTarget(url, location);
        continue;
      }
      if (status !== 200) {
        res.resume();
        throw new ImageFetchError('http-status', `HTTP ${status}`);
      }
      const type = String(res.headers['content-type'] ?? '').toLowerCase();
      const generic = isGenericContentType(type);
      if (!generic && !type.startsWith('image/')) {
        res.resume();
        throw new ImageFetchError('not-an-image', `Content-Type is "${type || 'missing'}", not an image`);
      }
      const length = Number(res.headers['content-length']);
      if (Number.isFinite(length) && length > opts.maxBytes) {
        res.destroy();
        throw new ImageFetchError('too-large', `image is ${length} bytes, more than ${opts.maxBytes}`);
      }
      let body: Buffer;
      try {
        body = await readCapped(res, opts.maxBytes);
      } catch (error) {
        if (error instanceof ImageFetchError) throw error;
        if (controller.signal.aborted) throw new ImageFetchError('timeout', `no complete answer within ${opts.timeoutMs} ms`);
        throw new ImageFetchError('network', (error as Error).message);
      }
      const kind = imageKind(body.subarray(0, 16));
      if (!kind) throw new ImageFetchError('not-an-image', 'the body is not a recognised image (jpeg, png, gif, webp, avif, bmp)');
      if (generic && !GENERIC_TYPE_KINDS.has(kind)) {
        throw new ImageFetchError('not-an-image', `Content-Type is "${type || 'missing'}" and the body is ${kind}, not a JPEG, PNG, WebP or GIF`);
      }
      return { body, mime: MIME[kind]!, ext: EXTENSION[kind]!, url: url.toString() };
    }
  } finally {
    clearTimeout(timer);
  }
}
