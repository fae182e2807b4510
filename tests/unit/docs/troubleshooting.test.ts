/**
 * docs/troubleshooting.md explains every message the plugin can show an admin, write to a sync log,
 * the audit trail or a lead's push state, or stop Strapi with. Which messages, and what of each the
 * guide must quote, is defined in ./user-messages.ts; a message added to the server code without its
 * cause and remedy in the guide fails this test with the file and line that makes it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { collectUserMessages } from './user-messages';

const GUIDE = path.join(__dirname, '../../../docs/troubleshooting.md');

/** One space for any run of whitespace; Markdown's backslash escapes (`\|`, `\*`) read as the character. */
const normalise = (text: string) => text.replace(/\\([\\`*_{}[\]()#+\-.!|<>])/g, '$1').replace(/\s+/g, ' ');

describe('docs/troubleshooting.md', () => {
  const guide = normalise(fs.readFileSync(GUIDE, 'utf8'));

  it('quotes every message of the plugin', () => {
    const messages = collectUserMessages();
    // A sanity floor: the collector still finds the plugin's messages.
    expect(messages.length).toBeGreaterThan(250);
    const missing = messages.filter((m) => !guide.includes(normalise(m.key))).map((m) => `${m.file}:${m.line}  ${m.text}`);
    expect(missing).toEqual([]); // add each to docs/troubleshooting.md with its cause and what to do
  });

  it('covers a failed sync, re-syncing everything and reading the metrics in an incident', () => {
    for (const heading of ['## When a sync failed', '## Re-syncing everything', '## Reading the metrics during an incident']) {
      expect(guide).toContain(heading);
    }
  });
});
