/**
 * Vehicle writes, always through the Document Service: a synced vehicle is made exactly as the
 * content manager makes one (documentId, draft + published rows, relations, locale, timestamps,
 * document middlewares and events).
 */
import type { Core, UID } from '@strapi/strapi';

export interface VehicleWriter {
  create(data: Record<string, unknown>): Promise<string>;
  update(documentId: string, data: Record<string, unknown>, publish: boolean): Promise<void>;
  publish(documentId: string): Promise<void>;
  unpublish(documentId: string): Promise<void>;
}

export function createVehicleWriter(strapi: Core.Strapi, uid: UID.ContentType): VehicleWriter {
  const docs = () => strapi.documents(uid as any) as any;
  return {
    async create(data) {
      // status 'published' creates the draft and its published copy in one call.
      const entry = await docs().create({ data, status: 'published', fields: ['documentId'] });
      return entry.documentId as string;
    },
    async update(documentId, data, publish) {
      await docs().update({ documentId, data, fields: ['documentId'], ...(publish ? { status: 'published' } : {}) });
    },
    async publish(documentId) {
      await docs().publish({ documentId });
    },
    async unpublish(documentId) {
      await docs().unpublish({ documentId });
    },
  };
}
