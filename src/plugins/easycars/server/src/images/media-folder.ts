/** The media-library folder "EasyCars/<dealership name>" (created on first use). */
import type { Core } from '@strapi/strapi';

const FOLDER_UID = 'plugin::upload.folder';

async function findOrCreate(strapi: Core.Strapi, name: string, parent: number | null): Promise<number> {
  const where = parent === null ? { name, parent: { id: { $null: true } } } : { name, parent: { id: parent } };
  const existing = await strapi.db.query(FOLDER_UID as any).findOne({ where, select: ['id'] });
  if (existing) return existing.id;
  const folder = await strapi.plugin('upload').service('folder').create({ name, parent });
  return folder.id;
}

export async function dealershipFolder(strapi: Core.Strapi, dealershipName: string): Promise<number> {
  const root = await findOrCreate(strapi, 'EasyCars', null);
  // Folder names cannot contain "/" in the media library.
  return findOrCreate(strapi, dealershipName.replace(/\//g, '-').trim() || 'Dealership', root);
}
