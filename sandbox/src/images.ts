/**
 * Small, real, distinct PNG images, deterministic from a key. URLs end in the
 * SHA-1 of the bytes, like EasyCars' image host.
 */
import { createHash } from 'node:crypto';
import { PNG } from 'pngjs';
import { Rng } from './prng';

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
  const png = new PNG({ width: WIDTH, height: HEIGHT });
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
  const bytes = PNG.sync.write(png);
  const img: SandboxImage = { hash: createHash('sha1').update(bytes).digest('hex'), ext: 'png', contentType: 'image/png', bytes };
  cache.set(key, img);
  return img;
}

export function imagePath(account: string, stockNumber: string, img: SandboxImage): string {
  return `/images/${encodeURIComponent(account)}/${encodeURIComponent(stockNumber)}/${img.hash}.${img.ext}`;
}
