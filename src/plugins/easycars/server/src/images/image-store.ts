/**
 * Downloaded images: URL -> media-library file, per dealership (image-asset rows). An image
 * already downloaded from the same URL is reused, never fetched again (the URL ends in the
 * image's content hash).
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { pluginUid } from '../utils/plugin';
import { urlHash } from '../stock/hash';
import type { FetchedImage } from './safe-fetch';
import { timed } from './image-phase-timings';

const FILE_UID = 'plugin::upload.file';

export function createImageStore(strapi: Core.Strapi, dealership: string) {
  const assets = () => strapi.db.query(pluginUid('image-asset'));

  return {
    /**
     * The files of earlier downloads of these URLs (two queries for the lot). Rows whose file is
     * gone (deleted in the media library) are removed, so the URL is downloaded again.
     */
    findMany: (urls: string[]): Promise<Map<string, number>> =>
      timed('lookup', async () => {
        const found = new Map<string, number>();
        if (urls.length === 0) return found;
        const byHash = new Map(urls.map((url) => [urlHash(url), url]));
        const rows: Array<{ id: number; urlHash: string; fileId: number | null }> = await assets().findMany({
          where: { dealership, urlHash: { $in: [...byHash.keys()] } },
          select: ['id', 'urlHash', 'fileId'],
        });
        const fileIds = [...new Set(rows.map((r) => r.fileId).filter((id): id is number => id !== null))];
        const files: Array<{ id: number }> = fileIds.length
          ? await strapi.db.query(FILE_UID as any).findMany({ where: { id: { $in: fileIds } }, select: ['id'] })
          : [];
        const existing = new Set(files.map((f) => f.id));
        const stale: number[] = [];
        for (const row of rows) {
          const url = byHash.get(row.urlHash);
          if (row.fileId === null || !existing.has(row.fileId)) stale.push(row.id);
          else if (url !== undefined && !found.has(url)) found.set(url, row.fileId);
        }
        if (stale.length) await assets().deleteMany({ where: { id: { $in: stale } } });
        return found;
      }),

    /** Puts a downloaded image in the media library (the host's upload settings apply) and remembers its URL. */
    async save(url: string, image: FetchedImage, info: { name: string; alternativeText: string; folder: number }): Promise<number> {
      const tmp = path.join(os.tmpdir(), `easycars-${randomUUID()}.${image.ext}`);
      await timed('tmpWrite', () => fs.writeFile(tmp, image.body));
      try {
        const [file] = await timed<Array<{ id: number }>>('upload', () =>
          strapi
            .plugin('upload')
            .service('upload')
            .upload({
              data: { fileInfo: { name: info.name, alternativeText: info.alternativeText, caption: null, folder: info.folder } },
              files: { filepath: tmp, originalFilename: info.name, mimetype: image.mime, size: image.body.length },
            }),
        );
        // findMany cleared any earlier row of this URL, and one dealership syncs one run at a time.
        // createMany: one INSERT, where create() would read the row back.
        await timed('assetRow', () => assets().createMany({ data: [{ dealership, url, urlHash: urlHash(url), fileId: file!.id, bytes: image.body.length }] }));
        return file!.id;
      } finally {
        await fs.rm(tmp, { force: true });
      }
    },

    /**
     * Deletes a file this plugin downloaded once nothing uses it any more. Files an editor
     * uploaded (no image-asset row) are never deleted.
     */
    deleteIfUnused: (fileId: number): Promise<boolean> =>
      timed('cleanup', async () => {
        const asset = await assets().findOne({ where: { dealership, fileId }, select: ['id'] });
        if (!asset) return false;
        const joinTable = (strapi.db.metadata.get(FILE_UID as any).attributes as any).related?.joinTable?.name ?? 'files_related_mph';
        const [{ count }] = await strapi.db.connection(joinTable).where({ file_id: fileId }).count({ count: '*' });
        if (Number(count) > 0) return false;
        const file = await strapi.db.query(FILE_UID as any).findOne({ where: { id: fileId } });
        if (file) await strapi.plugin('upload').service('upload').remove(file);
        await assets().delete({ where: { id: asset.id } });
        return true;
      }),
  };
}
