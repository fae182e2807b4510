import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { EncryptionKeyError, KEY_HELP, parseKey, parseKeyList, type EncryptionKey } from './keys';

export interface KeySettings {
  encryptionKey?: string;
  oldEncryptionKeys?: string | string[];
  /** Where a development key is kept when no key is configured outside production. */
  devKeyFile: string;
  /** EASYCARS_DEV_KEY=generate: the only way to get a development key (never in production). */
  generateDevKey?: boolean;
  isProduction: boolean;
}

export interface LoadedKeys {
  current: EncryptionKey;
  older: EncryptionKey[];
  /** Set when a development key file was used or created, so bootstrap can warn. */
  devKeyFile?: string;
}

/**
 * EASYCARS_ENCRYPTION_KEY is required. Only when explicitly asked (EASYCARS_DEV_KEY=generate, set
 * by the demo and the tests) and never in production, a missing key is replaced by one kept in a
 * local file (created on first start), so restarts never lose access to stored credentials. A
 * staging server with NODE_ENV unset therefore refuses instead of quietly encrypting with a key
 * lying next to its database.
 */
export function loadKeys(settings: KeySettings): LoadedKeys {
  const older = parseKeyList(settings.oldEncryptionKeys, 'EASYCARS_ENCRYPTION_OLD_KEYS');
  if (settings.encryptionKey && settings.encryptionKey.trim() !== '') {
    return { current: parseKey(settings.encryptionKey, 'EASYCARS_ENCRYPTION_KEY'), older };
  }
  if (settings.isProduction) {
    throw new EncryptionKeyError(
      `EasyCars plugin: EASYCARS_ENCRYPTION_KEY is not set, and production refuses to store credentials without it. ${KEY_HELP}`,
    );
  }
  if (!settings.generateDevKey) {
    throw new EncryptionKeyError(
      `EasyCars plugin: EASYCARS_ENCRYPTION_KEY is not set. ${KEY_HELP} ` +
        '(For local development only, EASYCARS_DEV_KEY=generate keeps a development key in EASYCARS_DEV_KEY_FILE instead.)',
    );
  }
  const file = settings.devKeyFile;
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 });
  }
  return { current: parseKey(fs.readFileSync(file, 'utf8'), `development key file ${file}`), older, devKeyFile: file };
}
