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
import { getConfig, pluginUid, PLUGIN_ID } from '../utils/plugin';

const STORE_KEY = 'history-retention';
const CHUNK = 500;
const ACTIVE = ['queued', 'running'];
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

async function oldRunIds(strapi: Core.Strapi, cutoff: Date): Promise<number[]> {
  const rows = (await strapi.db.query(pluginUid('sync-log')).findMany({
    select: ['id'],
    where: { createdAt: { $lt: cutoff }, status: { $notIn: ACTIVE } },
    orderBy: { id: 'asc' },
  })) as Array<{ id: number }>;
  return rows.map((r) => r.id);
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

async function archiveFolder(strapi: Core.Strapi): Promise<number> {
  const folders = strapi.db.query('plugin::upload.folder' as any);
  const find = async (name: string, parent: number | null) =>
    (await folders.findOne({ where: parent === null ? { name, parent: { id: { $null: true } } } : { name, parent: { id: parent } }, select: ['id'] }))?.id as number | undefined;
  const ensure = async (name: string, parent: number | null) => (await find(name, parent)) ?? (await strapi.plugin('upload').service('folder').create({ name, parent })).id;
  return ensure(ARCHIVE_FOLDER, await ensure('EasyCars', null));
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
        data: { fileInfo: { name, caption: `${ids.length} EasyCars sync run(s) created before ${cutoff.toISOString()}`, folder: await archiveFolder(strapi) } },
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
  const ids = await oldRunIds(strapi, cutoff);
  if (!ids.length) return { removed: 0, archive: null };
  const saved = settings.mode === 'archive' ? await archive(strapi, ids, cutoff) : null;
  let removed = 0;
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    await strapi.db.query(pluginUid('sync-item')).deleteMany({ where: { syncLogId: { $in: chunk } } });
    removed += Number((await strapi.db.query(pluginUid('sync-log')).deleteMany({ where: { id: { $in: chunk } } }))?.count ?? 0);
  }
  return { removed, archive: saved };
}
