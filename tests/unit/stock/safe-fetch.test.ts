import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { redirectTarget, safeFetchImage, ImageFetchError, type SafeFetchOptions } from '../../../src/plugins/easycars/server/src/images/safe-fetch';
import { hostAllowed } from '../../../src/plugins/easycars/server/src/images/host-allow-list';
import { isPublicAddress } from '../../../src/plugins/easycars/server/src/images/address-check';
import { imageKind } from '../../../src/plugins/easycars/server/src/images/image-signature';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100, 1)]);

describe('image host allow-list and addresses', () => {
  it('matches exact hosts and *.domain wildcards (not the bare domain, not look-alikes)', () => {
    const list = ['*.easycars.com.au', '127.0.0.1'];
    expect(hostAllowed('images.easycars.com.au', list)).toBe(true);
    expect(hostAllowed('IMAGES.EasyCars.com.au.', list)).toBe(true);
    expect(hostAllowed('easycars.com.au', list)).toBe(false);
    expect(hostAllowed('evil-easycars.com.au', list)).toBe(false);
    expect(hostAllowed('easycars.com.au.evil.com', list)).toBe(false);
    expect(hostAllowed('127.0.0.1', list)).toBe(true);
  });
  it('only public unicast addresses are public', () => {
    for (const a of ['127.0.0.1', '10.1.2.3', '192.168.1.1', '172.16.0.1', '169.254.169.254', '::1', 'fd00::1', '::ffff:127.0.0.1', '0.0.0.0', 'nonsense']) {
      expect(isPublicAddress(a)).toBe(false);
    }
    expect(isPublicAddress('8.8.8.8')).toBe(true);
    expect(isPublicAddress('2606:4700::1111')).toBe(true);
  });
  it('recognises image magic bytes', () => {
    expect(imageKind(PNG)).toBe('png');
    expect(imageKind(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpeg');
    expect(imageKind(Buffer.from('<html>'))).toBeNull();
  });
});

describe('safeFetchImage', () => {
  let server: http.Server;
  let base: string;
  let hits: string[];
  beforeAll(async () => {
    hits = [];
    server = http.createServer((req, res) => {
      hits.push(req.url!);
      const u = req.url!;
      if (u === '/ok.png') return res.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
      if (u === '/octet.png') return res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(PNG);
      if (u === '/untyped.png') return res.writeHead(200).end(PNG);
      if (u === '/octet.svg') return res.writeHead(200, { 'content-type': 'application/octet-stream' }).end('<svg xmlns="http://www.w3.org/2000/svg"/>');
      if (u === '/untyped.html') return res.writeHead(200).end('<html><body>hi</body></html>');
      if (u === '/octet.bmp') return res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(Buffer.from([0x42, 0x4d, 0, 0, 0, 0]));
      if (u === '/html') return res.writeHead(200, { 'content-type': 'text/html' }).end('<html>');
      if (u === '/liar.png') return res.writeHead(200, { 'content-type': 'image/png' }).end('<html>not an image</html>');
      if (u === '/big.png') return res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.concat([PNG, Buffer.alloc(5000)]));
      if (u === '/stream-big.png') {
        res.writeHead(200, { 'content-type': 'image/png', 'transfer-encoding': 'chunked' });
        res.write(PNG);
        res.write(Buffer.alloc(5000));
        return res.end();
      }
      if (u === '/redirect-ok') return res.writeHead(302, { location: '/ok.png' }).end();
      if (u === '/redirect-away') return res.writeHead(302, { location: 'http://evil.example/x.png' }).end();
      if (u === '/loop') return res.writeHead(302, { location: '/loop' }).end();
      if (u === '/missing.png') return res.writeHead(404).end();
      if (u === '/hang.png') return; // never answers
      res.writeHead(500).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  const opts = (over: Partial<SafeFetchOptions> = {}): SafeFetchOptions => ({
    allowedHosts: ['127.0.0.1'], allowHttpHosts: ['127.0.0.1'], allowPrivateAddresses: true, maxBytes: 1000, timeoutMs: 1000, ...over,
  });
  const reason = async (p: Promise<unknown>) => {
    try {
      await p;
    } catch (e) {
      expect(e).toBeInstanceOf(ImageFetchError);
      return (e as ImageFetchError).reason;
    }
    throw new Error('expected a refusal');
  };

  it('fetches an allowed image', async () => {
    const img = await safeFetchImage(`${base}/ok.png`, opts());
    expect(img).toMatchObject({ mime: 'image/png', ext: 'png' });
    expect(img.body.equals(PNG)).toBe(true);
  });

  it('refuses other schemes and hosts off the allow-list, before any request', async () => {
    hits.length = 0;
    expect(await reason(safeFetchImage('file:///etc/passwd', opts()))).toBe('scheme');
    expect(await reason(safeFetchImage('ftp://127.0.0.1/x.png', opts()))).toBe('scheme');
    expect(await reason(safeFetchImage(`${base.replace('127.0.0.1', 'localhost')}/ok.png`, opts()))).toBe('host-not-allowed');
    expect(await reason(safeFetchImage('not a url', opts()))).toBe('bad-url');
    expect(hits).toEqual([]);
  });

  it('refuses private and loopback addresses unless allowed (also through DNS)', async () => {
    expect(await reason(safeFetchImage(`${base}/ok.png`, opts({ allowPrivateAddresses: false })))).toBe('private-address');
    const rebind = opts({ allowedHosts: ['images.easycars.com.au'], allowPrivateAddresses: false, resolve: async () => [{ address: '169.254.169.254', family: 4 }] });
    expect(await reason(safeFetchImage('https://images.easycars.com.au/x.png', rebind))).toBe('private-address');
  });

  it('fetches https only: plain http only from hosts in allowHttpHosts, and never after an https→http redirect', async () => {
    hits.length = 0;
    const httpsOnly = opts({ allowHttpHosts: [] });
    const refused = safeFetchImage(`${base}/ok.png`, httpsOnly);
    expect(await reason(refused)).toBe('scheme');
    await expect(safeFetchImage(`${base}/ok.png`, httpsOnly)).rejects.toThrow(/is plain http; images are fetched over https only unless the host is in images.allowHttpHosts/);
    const evil = opts({ allowedHosts: ['images.easycars.com.au'], allowHttpHosts: [], resolve: async () => [{ address: '8.8.8.8', family: 4 }] });
    expect(await reason(safeFetchImage('http://images.easycars.com.au/x.png', evil))).toBe('scheme');
    expect(hits).toEqual([]); // refused before any request
    expect((await safeFetchImage(`${base}/ok.png`, opts())).mime).toBe('image/png');

    const from = new URL('https://images.easycars.com.au/a.png');
    expect(redirectTarget(from, '/b.png').toString()).toBe('https://images.easycars.com.au/b.png');
    expect(redirectTarget(new URL(`${base}/a`), '/ok.png').protocol).toBe('http:'); // http → http stays as allowed
    expect(() => redirectTarget(from, 'http://images.easycars.com.au/b.png')).toThrow(/redirects from https to plain http/);
    expect(() => redirectTarget(from, 'http://127.0.0.1/b.png')).toThrow(ImageFetchError);
  });

  it('follows redirects on the allow-list, refuses one that leaves it, and caps the number', async () => {
    expect((await safeFetchImage(`${base}/redirect-ok`, opts())).mime).toBe('image/png');
    expect(await reason(safeFetchImage(`${base}/redirect-away`, opts()))).toBe('host-not-allowed');
    expect(await reason(safeFetchImage(`${base}/loop`, opts()))).toBe('too-many-redirects');
  });

  it('requires an image content type AND image bytes', async () => {
    expect(await reason(safeFetchImage(`${base}/html`, opts()))).toBe('not-an-image');
    expect(await reason(safeFetchImage(`${base}/liar.png`, opts()))).toBe('not-an-image');
  });

  it('accepts application/octet-stream or no Content-Type when the bytes are a JPEG, PNG, WebP or GIF; SVG and HTML stay refused', async () => {
    expect(await safeFetchImage(`${base}/octet.png`, opts())).toMatchObject({ mime: 'image/png', ext: 'png' });
    expect(await safeFetchImage(`${base}/untyped.png`, opts())).toMatchObject({ mime: 'image/png', ext: 'png' });
    expect(await reason(safeFetchImage(`${base}/octet.svg`, opts()))).toBe('not-an-image');
    expect(await reason(safeFetchImage(`${base}/untyped.html`, opts()))).toBe('not-an-image');
    expect(await reason(safeFetchImage(`${base}/octet.bmp`, opts()))).toBe('not-an-image');
  });

  it('caps the size by Content-Length and while streaming', async () => {
    expect(await reason(safeFetchImage(`${base}/big.png`, opts()))).toBe('too-large');
    expect(await reason(safeFetchImage(`${base}/stream-big.png`, opts()))).toBe('too-large');
  });

  it('reports HTTP errors and times out a hanging host', async () => {
    expect(await reason(safeFetchImage(`${base}/missing.png`, opts()))).toBe('http-status');
    const started = Date.now();
    expect(await reason(safeFetchImage(`${base}/hang.png`, opts({ timeoutMs: 300 })))).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
