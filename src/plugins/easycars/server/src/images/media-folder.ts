/** Media-library folders "EasyCars/<name>" (a dealership's images, the sync-history archives), created on first use. */
import type { Core } from '@strapi/strapi';
import { withDatabaseLock } from '../locks/db-lock';

const FOLDER_UID = 'plugin::upload.folder';
const MEDIA_FOLDER_LOCK = 'media-folder:EasyCars';

async function find(strapi: Core.Strapi, name: string, parent: number | null): Promise<number | undefined> {
  const where = parent === null ? { name, parent: { id: { $null: true } } } : { name, parent: { id: parent } };
  const existing = await strapi.db.query(FOLDER_UID as any).findOne({ where, select: ['id'] });
  return existing?.id;
}

async function findOrCreate(strapi: Core.Strapi, name: string, parent: number | null): Promise<number> {
  const existing = await find(strapi, name, parent);
  if (existing !== undefined) return existing;
  try {
    const folder = await strapi.plugin('upload').service('folder').create({ name, parent });
    return folder.id;
  } catch (error) {
    // Another Strapi instance made it first.
    const made = await find(strapi, name, parent);
    if (made !== undefined) return made;
    throw error;
  }
}

async function resolveFolder(strapi: Core.Strapi, name: string): Promise<number> {
  const root = await findOrCreate(strapi, 'EasyCars', null);
  // Folder names cannot contain "/" in the media library.
  return findOrCreate(strapi, name.replace(/\//g, '-').trim() || 'Dealership', root);
}

let previous: Promise<unknown> = Promise.resolve();

/**
 * One lookup at a time in this process (images downloaded in parallel, or two dealerships' syncs) and,
 * through a database lock, across instances: each must not create its own "EasyCars" (the upload
 * plugin does not refuse a second folder of the same name).
 */
export function easycarsFolder(strapi: Core.Strapi, name: string): Promise<number> {
  const next = previous.then(() => withDatabaseLock(strapi, MEDIA_FOLDER_LOCK, () => resolveFolder(strapi, name)));
  previous = next.catch(() => undefined);
  return next;
}

/** A dealership's image folder, "EasyCars/<dealership name>". */
export const dealershipFolder = (strapi: Core.Strapi, dealershipName: string) => easycarsFolder(strapi, dealershipName);
