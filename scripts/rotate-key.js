#!/usr/bin/env node
/**
 * Re-encrypts every stored EasyCars credential with the current EASYCARS_ENCRYPTION_KEY, upgrading
 * ec1 envelopes to ec2 (bound to their dealership) on the way.
 * Usage (see docs/encryption.md):
 *   EASYCARS_ENCRYPTION_KEY=<new> EASYCARS_ENCRYPTION_OLD_KEYS=<old> npm run easycars:rotate-key
 * Boots Strapi without its HTTP server, rotates in one transaction, prints counts only.
 */
const path = require('node:path');

async function main() {
  process.env.STRAPI_TELEMETRY_DISABLED = 'true';
  process.env.CRON_ENABLED = 'false';
  process.env.EASYCARS_SYNC_DISABLED = 'true';
  const { compileStrapi, createStrapi } = require('@strapi/strapi');
  const appDir = path.resolve(__dirname, '..');
  const ctx = await compileStrapi({ appDir, ignoreDiagnostics: true });
  const strapi = await createStrapi(ctx).load();
  try {
    const report = await strapi.plugin('easycars').service('keyRotation').rotateAll();
    console.log(
      `Re-encrypted ${report.reencrypted} value(s) across ${report.credentials} credential(s) with key ${report.currentKeyId} ` +
        `(${report.upgraded} upgraded from ec1 to ec2, now bound to their dealership); ${report.alreadyCurrent} were already current.`,
    );
  } finally {
    await strapi.destroy();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`Key rotation failed, nothing was changed: ${error.message}`);
    process.exit(1);
  },
);
