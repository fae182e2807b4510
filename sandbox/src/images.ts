/**
 * Small, real, distinct PNG images, deterministic from a key. URLs end in the
 * SHA-1 of the bytes, like EasyCars' image host.
 */
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { Rng } from './prng';

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/**
 * A minimal RGBA PNG encoder (filter 0, zlib). pngjs's encoder is ~100x slower
 * inside Jest's VM, and the tests start many sandboxes; pngjs is used by the
 * tests to decode and check these files.
 */
function encodePng(width: number, height: number, rgba: Buffer): Buffer {
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export interface SandboxImage {
  hash: string;
  ext: 'png';
  contentType: 'image/png';
  bytes: Buffer;
}

const WIDTH = 64;
const HEIGHT = 48;
const cache = new Map<string, SandboxImage>();

/** Renders the image for `key` (memoised: generation is deterministic). */
export function renderImage(key: string): SandboxImage {
  const hit = cache.get(key);
  if (hit) return hit;
  const rng = new Rng(`img:${key}`);
  const png = { data: Buffer.alloc(WIDTH * HEIGHT * 4) };
  const c1 = [rng.int(0, 255), rng.int(0, 255), rng.int(0, 255)];
  const c2 = [rng.int(0, 255), rng.int(0, 255), rng.int(0, 255)];
  const pattern = rng.int(0, 3);
  const size = rng.int(3, 12);
  const bits = rng.int(0, 0xffff);
  for (let y = 0; y < HEIGHT; y++) {
    for (let x = 0; x < WIDTH; x++) {
      let useSecond: boolean;
      switch (pattern) {
        case 0:
          useSecond = Math.floor(x / size) % 2 === 0;
          break;
        case 1:
          useSecond = Math.floor(y / size) % 2 === 0;
          break;
        case 2:
          useSecond = (Math.floor(x / size) + Math.floor(y / size)) % 2 === 0;
          break;
        default:
          useSecond = (x + y) % (size * 2) < size;
      }
      // a 16-bit signature strip along the top guarantees distinct bytes per key
      if (y < 4) useSecond = ((bits >> Math.floor(x / 4)) & 1) === 1;
      const c = useSecond ? c2 : c1;
      const i = (y * WIDTH + x) << 2;
      png.data[i] = c[0]!;
      png.data[i + 1] = c[1]!;
      png.data[i + 2] = c[2]!;
      png.data[i + 3] = 255;
    }
  }
  // the key's hash in the last row's red channel makes collisions practically impossible
  const digest = createHash('sha1').update(key).digest();
  for (let x = 0; x < Math.min(WIDTH, digest.length); x++) png.data[((HEIGHT - 1) * WIDTH + x) << 2] = digest[x]!;
  const bytes = encodePng(WIDTH, HEIGHT, png.data);
  const img: SandboxImage = { hash: createHash('sha1').update(bytes).digest('hex'), ext: 'png', contentType: 'image/png', bytes };
  cache.set(key, img);
  return img;
}

export function imagePath(account: string, stockNumber: string, img: SandboxImage): string {
  return `/images/${encodeURIComponent(account)}/${encodeURIComponent(stockNumber)}/${img.hash}.${img.ext}`;
}
