/**
 * Fast path for creating many new vehicles at once (an initial sync), below the Document
 * Service but writing exactly what `documents(uid).create({ status: 'published' })` writes:
 *  - data validated by Strapi's entity validator (as the Document Service does), with the schema
 *    Strapi builds reused across the batch where it cannot differ (creation-validator.ts);
 *  - a draft row and a published row sharing a documentId made by Strapi's own generator,
 *    both with the same createdAt/updatedAt, locale left empty (type not localized);
 *  - the relation rows for both versions, with the inverse order column computed the way
 *    Strapi does (max + 1 for the draft, the same place for its published version);
 *  - 'entry.create' and 'entry.publish' events.
 * It is used only where that equivalence is known to hold (bulkCreateAvailable for the content
 * type, bulkCreateFits for each vehicle's data); anything else (components, localized types,
 * firstPublishedAt, other relations) uses the Document Service. Document Service middlewares do
 * not run for these creates, so the fast path is also refused while any middleware is
 * registered that the plugin cannot vouch for (utils/document-middlewares.ts).
 * tests/integration/stock-sync.test.ts compares both paths row by row.
 */
import type { Core, UID } from '@strapi/strapi';
import { middlewaresBulkCreateWouldSkip } from '../utils/document-middlewares';
import { copyRow } from './copy-row';
import { createCreationValidator, type CreationValidator } from './creation-validator';

export type BulkSupport = { ok: true } | { ok: false; reason: string };

const SCALAR = new Set([
  'string', 'text', 'richtext', 'email', 'integer', 'biginteger', 'float', 'decimal', 'boolean', 'date', 'datetime',
  'time', 'enumeration', 'json',
]);

/** Whether new vehicles of this type may be bulk-created at all, checked once per sync. */
export function bulkCreateAvailable(strapi: Core.Strapi, uid: UID.ContentType): BulkSupport {
  const ct = strapi.contentType(uid as any) as any;
  if (!ct?.options?.draftAndPublish) return { ok: false, reason: 'content type without draft & publish' };
  if (ct.pluginOptions?.i18n?.localized) return { ok: false, reason: 'localized content type' };
  if (strapi.config.get('features.future.experimental_firstPublishedAt', false)) return { ok: false, reason: 'firstPublishedAt feature on' };
  const skipped = middlewaresBulkCreateWouldSkip(strapi);
  if (skipped.length) return { ok: false, reason: `Document Service middleware(s) registered by other code would be skipped: ${skipped.join('; ')}` };
  return { ok: true };
}

/** Whether one vehicle's data can be bulk-created (bulkCreateAvailable said yes for its type). */
export function bulkCreateFits(strapi: Core.Strapi, uid: UID.ContentType, data: Record<string, unknown>, relationAttr: string | undefined): BulkSupport {
  const ct = strapi.contentType(uid as any) as any;
  for (const [name, value] of Object.entries(data)) {
    const attr = ct.attributes[name];
    if (!attr) return { ok: false, reason: `unknown attribute ${name}` };
    if (name === relationAttr) {
      const target = strapi.contentType(attr.target) as any;
      if (attr.type !== 'relation' || attr.relation !== 'manyToOne' || target?.options?.draftAndPublish) {
        return { ok: false, reason: `${name} is not a manyToOne relation to a type without draft & publish` };
      }
      continue;
    }
    if (!SCALAR.has(attr.type) && value !== undefined) return { ok: false, reason: `${name} is a ${attr.type}` };
  }
  return { ok: true };
}

export async function bulkCreatePublished(
  strapi: Core.Strapi,
  uid: UID.ContentType,
  items: Array<Record<string, unknown>>,
  relation: { attribute: string; targetDocumentId: string } | null,
  validate: CreationValidator = createCreationValidator(strapi, uid),
): Promise<string[]> {
  const meta = strapi.db.metadata.get(uid) as any;
  const newDocumentId = meta.attributes.documentId.default as () => string;
  const now = new Date();

  const documentIds: string[] = [];
  const rows: Record<string, unknown>[] = [];
  for (const item of items) {
    const scalars = copyRow(item, {}, relation?.attribute);
    // The validator's result is a new object: it becomes the draft row without another copy.
    const draft = Object.assign(await validate(scalars), { documentId: newDocumentId(), locale: null, createdAt: now, updatedAt: now, publishedAt: null });
    documentIds.push(draft.documentId);
    rows.push(draft, copyRow(draft, { publishedAt: now }));
  }
  await strapi.db.query(uid).createMany({ data: rows });

  const created = (await strapi.db.query(uid).findMany({
    select: ['id', 'documentId', 'publishedAt'],
    where: { documentId: { $in: documentIds } },
  })) as Array<{ id: number; documentId: string; publishedAt: unknown }>;
  const idOf = new Map(created.map((r) => [`${r.documentId}:${r.publishedAt ? 'p' : 'd'}`, r.id]));

  if (relation) {
    const attr = meta.attributes[relation.attribute];
    const { joinTable } = attr;
    const target = await strapi.db.query(attr.target).findOne({ select: ['id'], where: { documentId: relation.targetDocumentId } });
    if (!target) throw new Error(`${relation.attribute} ${relation.targetDocumentId} does not exist`);
    // Joins the batch's transaction (Strapi reuses an open one).
    await strapi.db.transaction(async ({ trx }: any) => {
      const conn = () => strapi.db.getConnection(joinTable.name).transacting(trx);
      let order = 0;
      if (joinTable.inverseOrderColumnName) {
        // Grouped, as Strapi's own relation code asks it: an ungrouped max() lets PostgreSQL walk the order
        // column's index backwards, which reads every link of every dealership while its statistics are
        // still those of an empty table (a fresh install's first sync: 4 ms instead of 0.03 ms per batch).
        const [max] = await conn()
          .max(joinTable.inverseOrderColumnName, { as: 'max' })
          .where(joinTable.inverseJoinColumn.name, target.id)
          .where(joinTable.on || {})
          .groupBy(joinTable.inverseJoinColumn.name);
        order = Number(max?.max ?? 0);
      }
      // Like publish(): the published version keeps the draft's place in the target's list.
      const links = documentIds.flatMap((documentId) => {
        const place = ++order;
        return (['d', 'p'] as const).map((v) => ({
          [joinTable.joinColumn.name]: idOf.get(`${documentId}:${v}`),
          [joinTable.inverseJoinColumn.name]: target.id,
          ...(joinTable.on ?? {}),
          ...(joinTable.inverseOrderColumnName ? { [joinTable.inverseOrderColumnName]: place } : {}),
        }));
      });
      for (let i = 0; i < links.length; i += 200) await conn().insert(links.slice(i, i + 200));
    });
  }

  const model = strapi.getModel(uid as any) as any;
  // Strapi's createMany inserted its own copies, so the rows themselves become the events' entries.
  for (const row of rows) {
    row.id = idOf.get(`${row.documentId}:${row.publishedAt ? 'p' : 'd'}`);
    strapi.eventHub.emit(row.publishedAt ? 'entry.publish' : 'entry.create', { model: model.modelName, uid, entry: row });
  }
  return documentIds;
}
