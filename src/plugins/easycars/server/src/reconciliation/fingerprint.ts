import { createHash } from 'node:crypto';

/** A short digest of what a finding says: an ignore holds while the finding's data keeps this fingerprint. */
export const fingerprint = (parts: unknown): string => createHash('sha1').update(JSON.stringify(parts)).digest('hex').slice(0, 20);
