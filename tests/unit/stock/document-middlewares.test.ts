/**
 * The record of Document Service middlewares that decides whether the stock sync may bulk-create,
 * on Strapi's real Document Service (its middleware list, its remover), not a stand-in.
 */
import path from 'node:path';
import {
  middlewaresBulkCreateWouldSkip,
  skippableByBulkCreate,
  trackDocumentMiddlewares,
} from '../../../src/plugins/easycars/server/src/utils/document-middlewares';

// Not in @strapi/core's exports map: loaded by its file path.
const { createDocumentService } = require(path.join(path.dirname(require.resolve('@strapi/core')), 'services/document-service/index.js'));

const UID = 'api::vehicle.vehicle';

function fakeStrapi() {
  const strapi: any = {
    dirs: { app: { root: path.resolve(__dirname, '../../..') } },
    contentType: () => ({ uid: UID, attributes: {} }),
    getModel: () => ({ uid: UID, attributes: {} }),
  };
  strapi.documents = createDocumentService(strapi);
  return { strapi };
}

/** Runs the real middleware chain for one action and returns which middlewares ran, in order. */
async function runChain(strapi: any, ran: string[]) {
  ran.length = 0;
  // Strapi's repository reads the global strapi; with no database it fails, after every middleware has run.
  (global as any).strapi = strapi;
  try {
    await strapi.documents(UID).create({ data: {} }).catch(() => undefined);
  } finally {
    delete (global as any).strapi;
  }
  return [...ran];
}

describe('Document Service middlewares the bulk create would skip', () => {
  it('none but Strapi\'s own and the plugin\'s: the bulk create may be used', () => {
    const { strapi } = fakeStrapi();
    trackDocumentMiddlewares(strapi);
    strapi.documents.use(skippableByBulkCreate(async (_ctx: any, next: any) => next()));
    expect(middlewaresBulkCreateWouldSkip(strapi)).toEqual([]);
  });

  it('one registered after the plugin is reported with the file and line that registered it', () => {
    const { strapi } = fakeStrapi();
    trackDocumentMiddlewares(strapi);
    strapi.documents.use(async function indexForSearch(_ctx: any, next: any) {
      return next();
    });
    const skipped = middlewaresBulkCreateWouldSkip(strapi);
    expect(skipped).toHaveLength(1);
    expect(skipped[0]).toMatch(/^indexForSearch \(registered at tests\/unit\/stock\/document-middlewares\.test\.ts:\d+:\d+\)$/);
  });

  it('one registered before the plugin (an earlier plugin\'s register) is found, and the list is left as it was', async () => {
    const { strapi } = fakeStrapi();
    const ran: string[] = [];
    strapi.documents.use(async function earlyA(_ctx: any, next: any) {
      ran.push('A');
      return next();
    });
    strapi.documents.use(async function earlyB(_ctx: any, next: any) {
      ran.push('B');
      return next();
    });
    trackDocumentMiddlewares(strapi);
    strapi.documents.use(async function later(_ctx: any, next: any) {
      ran.push('C');
      return next();
    });
    expect(middlewaresBulkCreateWouldSkip(strapi)).toEqual([
      'earlyA (registered before the EasyCars plugin loaded)',
      'earlyB (registered before the EasyCars plugin loaded)',
      expect.stringMatching(/^later \(registered at tests\/unit/),
    ]);
    expect(await runChain(strapi, ran)).toEqual(['A', 'B', 'C']);
  });

  it('a removed middleware no longer counts, and removing it twice takes out nobody else\'s', async () => {
    const { strapi } = fakeStrapi();
    trackDocumentMiddlewares(strapi);
    const ran: string[] = [];
    strapi.documents.use(skippableByBulkCreate(async (_ctx: any, next: any) => {
      ran.push('ours');
      return next();
    }));
    const remove = strapi.documents.use(async (_ctx: any, next: any) => next());
    expect(middlewaresBulkCreateWouldSkip(strapi)).toHaveLength(1);
    remove();
    remove();
    expect(middlewaresBulkCreateWouldSkip(strapi)).toEqual([]);
    expect(await runChain(strapi, ran)).toEqual(['ours']);
  });

  it('without tracking (or on a Strapi whose list cannot be read) the answer is "not safe"', () => {
    const { strapi } = fakeStrapi();
    expect(middlewaresBulkCreateWouldSkip(strapi)).toEqual(['the EasyCars plugin could not track the Document Service middlewares']);

    const other: any = { dirs: { app: { root: '/' } } };
    const list: any[] = [];
    other.documents = Object.assign(() => undefined, {
      // A fixed remover: removes only its own middleware.
      use: (fn: any) => {
        list.push(fn);
        return () => (list.includes(fn) ? list.splice(list.indexOf(fn), 1) : []);
      },
    });
    other.documents.use(async function databaseErrorsMiddleware(_c: any, n: any) {
      return n();
    });
    trackDocumentMiddlewares(other);
    expect(list.map((f) => f.name)).toEqual(['databaseErrorsMiddleware']);
    expect(middlewaresBulkCreateWouldSkip(other)).toEqual([expect.stringMatching(/registered before the EasyCars plugin could not be read/)]);
  });
});
