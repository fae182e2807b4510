/**
 * Sync-history retention, applied hourly by the scheduler: finished runs older than `days` are
 * removed with their items; in `archive` mode they are first written to one gzipped NDJSON file
 * (a run per line, with its items) saved in the media library under "EasyCars/Sync history archives".
 * If the archive cannot be saved, nothing is deleted.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createGzip } from 'node:zlib';
import type { Core } from '@strapi/strapi';
import type { RetentionSettings } from '../../../shared/history';
import type { PluginConfig } from '../config/schema';
import { getConfig, getService, pluginUid, PLUGIN_ID } from '../utils/plugin';
import { easycarsFolder } from '../images/media-folder';

const STORE_KEY = 'history-retention';
const CHUNK = 500;
export const ARCHIVE_FOLDER = 'Sync history archives';

const store = (strapi: Core.Strapi) => strapi.store({ type: 'plugin', name: PLUGIN_ID, key: STORE_KEY });

export async function readRetention(strapi: Core.Strapi): Promise<RetentionSettings> {
  const saved = (await store(strapi).get({})) as Partial<RetentionSettings> | null;
  return {
    days: saved?.days ?? getConfig<PluginConfig['sync']>(strapi, 'sync').logRetentionDays,
    mode: saved?.mode ?? 'delete',
  };
}

export async function saveRetention(strapi: Core.Strapi, value: RetentionSettings): Promise<RetentionSettings> {
  await store(strapi).set({ value });
  return value;
}

async function* ndjson(strapi: Core.Strapi, ids: number[]) {
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const [runs, items] = await Promise.all([
      strapi.db.query(pluginUid('sync-log')).findMany({ where: { id: { $in: chunk } }, orderBy: { id: 'asc' } }),
      strapi.db.query(pluginUid('sync-item')).findMany({ where: { syncLogId: { $in: chunk } }, orderBy: { id: 'asc' } }),
    ]);
    const byRun = new Map<number, unknown[]>();
    for (const item of items as Array<Record<string, any>>) {
      const { id: _id, syncLogId, ...rest } = item;
      byRun.set(syncLogId, [...(byRun.get(syncLogId) ?? []), rest]);
    }
    for (const run of runs as Array<Record<string, any>>) {
      const { activeKey: _a, instanceId: _i, ...rest } = run;
      yield `${JSON.stringify({ ...rest, touched: byRun.get(run.id) ?? [] })}\n`;
    }
  }
}

async function archive(strapi: Core.Strapi, ids: number[], cutoff: Date): Promise<{ fileId: number; name: string }> {
  const name = `easycars-sync-history-before-${cutoff.toISOString().slice(0, 10)}-${randomUUID().slice(0, 8)}.ndjson.gz`;
  const tmp = path.join(os.tmpdir(), name);
  try {
    await pipeline(Readable.from(ndjson(strapi, ids)), createGzip(), fs.createWriteStream(tmp));
    const size = (await fs.promises.stat(tmp)).size;
    const [file] = await strapi
      .plugin('upload')
      .service('upload')
      .upload({
        data: { fileInfo: { name, caption: `${ids.length} EasyCars sync run(s) created before ${cutoff.toISOString()}`, folder: await easycarsFolder(strapi, ARCHIVE_FOLDER) } },
        files: { filepath: tmp, originalFilename: name, mimetype: 'application/gzip', size },
      });
    return { fileId: file.id, name };
  } finally {
    await fs.promises.rm(tmp, { force: true });
  }
}

/** Removes (archiving first, if so set) the finished runs older than the retention, with their items. */
export async function applyRetention(strapi: Core.Strapi, now = new Date()): Promise<{ removed: number; archive: { fileId: number; name: string } | null }> {
  const settings = await readRetention(strapi);
  const cutoff = new Date(now.getTime() - settings.days * 86_400_000);
  const logs = getService(strapi, 'syncLogs');
  const ids = await logs.finishedBefore(cutoff);
  if (!ids.length) return { removed: 0, archive: null };
  const saved = settings.mode === 'archive' ? await archive(strapi, ids, cutoff) : null;
  return { removed: await logs.deleteRuns(ids), archive: saved };
}
