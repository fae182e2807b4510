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

const FILE_UID = 'plugin::upload.file';

export interface StoredImage {
  fileId: number;
  reused: boolean;
}

export function createImageStore(strapi: Core.Strapi, dealership: string) {
  const assets = () => strapi.db.query(pluginUid('image-asset'));

  return {
    /** The file of an earlier download of this URL, if the file still exists. */
    async find(url: string): Promise<number | null> {
      const asset = await assets().findOne({ where: { dealership, urlHash: urlHash(url) }, select: ['id', 'fileId'] });
      if (!asset?.fileId) return null;
      const file = await strapi.db.query(FILE_UID as any).findOne({ where: { id: asset.fileId }, select: ['id'] });
      if (file) return file.id;
      await assets().delete({ where: { id: asset.id } });
      return null;
    },

    async save(url: string, image: FetchedImage, info: { name: string; alternativeText: string; folder: number }): Promise<number> {
      const tmp = path.join(os.tmpdir(), `easycars-${randomUUID()}.${image.ext}`);
      await fs.writeFile(tmp, image.body);
      try {
        const [file] = await strapi
          .plugin('upload')
          .service('upload')
          .upload({
            data: { fileInfo: { name: info.name, alternativeText: info.alternativeText, caption: null, folder: info.folder } },
            files: { filepath: tmp, originalFilename: info.name, mimetype: image.mime, size: image.body.length },
          });
        const hash = urlHash(url);
        const existing = await assets().findOne({ where: { dealership, urlHash: hash }, select: ['id'] });
        if (existing) await assets().update({ where: { id: existing.id }, data: { fileId: file.id, bytes: image.body.length, url } });
        else await assets().create({ data: { dealership, url, urlHash: hash, fileId: file.id, bytes: image.body.length } });
        return file.id as number;
      } finally {
        await fs.rm(tmp, { force: true });
      }
    },

    /**
     * Deletes a file this plugin downloaded once nothing uses it any more. Files an editor
     * uploaded (no image-asset row) are never deleted.
     */
    async deleteIfUnused(fileId: number): Promise<boolean> {
      const asset = await assets().findOne({ where: { dealership, fileId }, select: ['id'] });
      if (!asset) return false;
      const joinTable = (strapi.db.metadata.get(FILE_UID as any).attributes as any).related?.joinTable?.name ?? 'files_related_mph';
      const [{ count }] = await strapi.db.connection(joinTable).where({ file_id: fileId }).count({ count: '*' });
      if (Number(count) > 0) return false;
      const file = await strapi.db.query(FILE_UID as any).findOne({ where: { id: fileId } });
      if (file) await strapi.plugin('upload').service('upload').remove(file);
      await assets().delete({ where: { id: asset.id } });
      return true;
    },
  };
}
