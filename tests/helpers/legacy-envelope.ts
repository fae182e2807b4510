import { createCipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * An ec1 envelope as the plugin wrote them before ec2 (field name as the only AAD), made
 * independently of the plugin's code, so tests can put old rows in the database.
 */
export function legacyEc1Envelope(base64Key: string, plaintext: string, field: string): string {
  const key = Buffer.from(base64Key, 'base64');
  const keyId = createHash('sha256').update(key).digest('hex').slice(0, 8);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(field, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return ['ec1', keyId, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ciphertext.toString('base64url')].join(':');
}
