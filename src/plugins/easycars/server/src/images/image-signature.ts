/** Recognises image bodies by their first bytes: a Content-Type header alone is not trusted. */
export function imageKind(head: Buffer): string | null {
  const starts = (...bytes: number[]) => bytes.every((b, i) => head[i] === b);
  if (starts(0xff, 0xd8, 0xff)) return 'jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'png';
  if (head.subarray(0, 4).toString('latin1') === 'GIF8') return 'gif';
  if (head.subarray(0, 4).toString('latin1') === 'RIFF' && head.subarray(8, 12).toString('latin1') === 'WEBP') return 'webp';
  if (head.subarray(4, 8).toString('latin1') === 'ftyp' && /^(avif|avis|heic|heix|mif1)$/.test(head.subarray(8, 12).toString('latin1'))) return 'avif';
  if (starts(0x42, 0x4d)) return 'bmp';
  return null;
}

export const EXTENSION: Record<string, string> = { jpeg: 'jpg', png: 'png', gif: 'gif', webp: 'webp', avif: 'avif', bmp: 'bmp' };
export const MIME: Record<string, string> = { jpeg: 'image/jpeg', png: 'image/png', gif: 'image/gif', webp: 'image/webp', avif: 'image/avif', bmp: 'image/bmp' };

/** Kinds accepted from a host that labels its images generically (application/octet-stream or no Content-Type). */
export const GENERIC_TYPE_KINDS: ReadonlySet<string> = new Set(['jpeg', 'png', 'webp', 'gif']);

/** A Content-Type that says nothing about the body: the bytes decide (SVG, HTML and the rest still need no help to be refused). */
export function isGenericContentType(type: string): boolean {
  const base = type.split(';')[0]!.trim();
  return base === '' || base === 'application/octet-stream';
}
