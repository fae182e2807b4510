import type { Core } from '@strapi/strapi';
import { CURRENT_VERSION } from '../encryption';
import { SECRET_FIELDS, type CredentialRow } from '../credentials/types';
import { getService, pluginUid } from '../utils/plugin';

export interface RotationReport {
  credentials: number;
  /** Values rewritten with the current key (for a new key, an old envelope version, or both). */
  reencrypted: number;
  /** Of those, ec1 envelopes (field-only binding) now ec2 (bound to their dealership too). */
  upgraded: number;
  alreadyCurrent: number;
  currentKeyId: string;
}

/**
 * Re-encrypts every stored credential secret with the current key and envelope version. Old
 * keys (in EASYCARS_ENCRYPTION_OLD_KEYS) are only needed for reading; after a rotation they can
 * go. All-or-nothing: one undecryptable value rolls the whole rotation back and names it.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async rotateAll(): Promise<RotationReport> {
    const cipher = getService(strapi, 'cipher').get();
    const uid = pluginUid('credential');
    const report: RotationReport = { credentials: 0, reencrypted: 0, upgraded: 0, alreadyCurrent: 0, currentKeyId: cipher.currentKeyId };

    await strapi.db.transaction(async () => {
      const rows = (await strapi.db.query(uid).findMany({ orderBy: { id: 'asc' } })) as CredentialRow[];
      for (const row of rows) {
        report.credentials += 1;
        const data: Record<string, string> = {};
        for (const field of SECRET_FIELDS) {
          const envelope = row[field];
          if (!envelope) continue;
          const version = cipher.versionOf(envelope);
          if (cipher.keyIdOf(envelope) === cipher.currentKeyId && version === CURRENT_VERSION) {
            report.alreadyCurrent += 1;
            continue;
          }
          const binding = { dealership: row.dealership, field };
          const plain = cipher.decrypt(envelope, binding, `EasyCars credential ${row.id} (dealership ${row.dealership}) ${field}`);
          data[field] = cipher.encrypt(plain, binding);
          report.reencrypted += 1;
          if (version !== CURRENT_VERSION) report.upgraded += 1;
        }
        if (Object.keys(data).length > 0) await strapi.db.query(uid).update({ where: { id: row.id }, data });
      }
    });
    return report;
  },
});
