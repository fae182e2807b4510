/**
 * Compiles the app's TypeScript (config/, src/) once into dist/ before the integration
 * tests, so every test file can boot Strapi from dist/ without racing each other.
 * The plugin itself must already be built (scripts/test.js runs `npm run build:plugin`).
 */
const path = require('node:path');
const fs = require('node:fs');

module.exports = async () => {
  process.env.STRAPI_TELEMETRY_DISABLED = 'true';
  const root = path.resolve(__dirname, '..', '..');
  if (!fs.existsSync(path.join(root, 'src/plugins/easycars/dist/server/index.js'))) {
    throw new Error('The easycars plugin is not built: run `npm run build:plugin` first (scripts/test.js does).');
  }
  const { compileStrapi } = require('@strapi/strapi');
  await compileStrapi({ appDir: root, ignoreDiagnostics: true });
};
