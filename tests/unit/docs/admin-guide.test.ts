/**
 * docs/admin-guide.md names every option of the plugin's configuration (each leaf of the zod schema
 * in server/src/config/schema.ts, as a dotted path such as `limits.testBackoff.maxSeconds`) and every
 * environment variable the project's code reads (the same scan as tests/unit/env-example.test.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { pluginConfigSchema } from '../../../src/plugins/easycars/server/src/config/schema';
import { variablesRead } from './env-read';

const GUIDE = path.join(__dirname, '../../../docs/admin-guide.md');

interface ZodLike {
  _def: { typeName: string; innerType?: ZodLike; schema?: ZodLike; shape?: () => Record<string, ZodLike> };
}

/** The dotted path of every leaf option: objects are walked, optional/default/refined wrappers unwrapped. */
function configKeys(schema: ZodLike, prefix = ''): string[] {
  const def = schema._def;
  if (def.typeName === 'ZodOptional' || def.typeName === 'ZodNullable' || def.typeName === 'ZodDefault') return configKeys(def.innerType!, prefix);
  if (def.typeName === 'ZodEffects') return configKeys(def.schema!, prefix);
  if (def.typeName === 'ZodObject') {
    return Object.entries(def.shape!()).flatMap(([key, child]) => configKeys(child, prefix ? `${prefix}.${key}` : key));
  }
  return [prefix];
}

describe('docs/admin-guide.md', () => {
  const guide = fs.readFileSync(GUIDE, 'utf8');

  it('names every option of the plugin configuration by its dotted path', () => {
    const keys = configKeys(pluginConfigSchema as unknown as ZodLike);
    expect(keys).toEqual(expect.arrayContaining(['encryptionKey', 'limits.testBackoff.maxSeconds', 'client.rateLimit.maxConcurrent', 'vehicleFieldMap']));
    expect(keys.filter((key) => !guide.includes(`\`${key}\``))).toEqual([]); // each as `a.b.c` in the guide
  });

  it('names every environment variable the code reads', () => {
    const read = variablesRead();
    expect(read.size).toBeGreaterThan(40);
    const missing = [...read.entries()].filter(([name]) => !new RegExp(`\\b${name}\\b`).test(guide)).map(([name, where]) => `${name} (read in ${where})`);
    expect(missing).toEqual([]);
  });

  it('covers installing, permissions, several instances, monitoring, backups and key rotation', () => {
    for (const heading of ['## Installing', '## Configuration', '## Permissions and roles', '## Several instances', '## Monitoring', '## Backups and key rotation']) {
      expect(guide).toContain(heading);
    }
    for (const link of ['installing.md', 'monitoring.md', 'encryption.md', 'troubleshooting.md']) expect(guide).toContain(`(${link}`);
  });
});
