import type { Core } from '@strapi/strapi';
import { createCipher, loadKeys, type Cipher } from '../encryption';
import { getConfig } from '../utils/plugin';

/**
 * Holds the AES-256-GCM cipher built from the configured keys. Built lazily on first use
 * and eagerly in register(), so a missing or malformed key stops Strapi at start-up.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  let cipher: Cipher | undefined;
  let devKeyFile: string | undefined;

  const build = (): Cipher => {
    const keys = loadKeys({
      encryptionKey: getConfig<string | undefined>(strapi, 'encryptionKey'),
      oldEncryptionKeys: getConfig<string | string[] | undefined>(strapi, 'oldEncryptionKeys'),
      devKeyFile: require('node:path').resolve(strapi.dirs.app.root, getConfig<string>(strapi, 'devKeyFile')),
      generateDevKey: getConfig<string | undefined>(strapi, 'devKey') === 'generate',
      isProduction: process.env.NODE_ENV === 'production',
    });
    devKeyFile = keys.devKeyFile;
    return createCipher(keys.current, keys.older);
  };

  return {
    get(): Cipher {
      cipher ??= build();
      return cipher;
    },
    devKeyFile(): string | undefined {
      this.get();
      return devKeyFile;
    },
  };
};
