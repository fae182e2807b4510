/** Image sync (story 2.6) on the real Strapi upload plugin and the sandbox's image host. */
import { RECORD, VEHICLE, startStockWorld, type StockWorld } from '../helpers/stock-sync';
import { dealershipFolder } from '../../src/plugins/easycars/server/src/images/media-folder';

const ACCOUNT = 'EC208841';

describe(`stock image sync (${process.env.DB_TEST_CLIENT ?? 'sqlite'})`, () => {
  let w: StockWorld;
  let d: string;
  const imageRequests = () => w.sandbox.control.requestLog().filter((e) => e.endpoint === 'image');
  const urlsOf = (sn: string) => String(w.sandbox.control.listStock(ACCOUNT).find((i) => i.StockNumber === sn)!.ImageURLs).split(',').filter(Boolean);
  const vehicleImages = async (sn: string, status: 'draft' | 'published' = 'published') => {
    const [v] = await w.app.strapi.documents(VEHICLE as any).findMany({ filters: { stockNumber: sn, dealership: { documentId: d } }, status, populate: ['images'] } as any);
    return ((v as any).images ?? []) as Array<{ id: number; name: string; folderPath: string }>;
  };

  beforeAll(async () => {
    w = await startStockWorld({ stockCount: { EC114575: 1, EC208841: 5 } });
    d = await w.dealership('Image Motors', ACCOUNT);
  });
  afterAll(async () => {
    await w?.close();
  });

  it('downloads every image into the dealership\'s media folder and attaches them in feed order', async () => {
    const feed = w.sandbox.control.listStock(ACCOUNT);
    const total = feed.reduce((n, i) => n + urlsOf(i.StockNumber).length, 0);
    const log = await w.sync(d);
    expect(log.warnings ?? []).toEqual([]);
    expect(log.status).toBe('success');
    expect(log.imagesDownloaded).toBe(total);
    expect(log.imagesFailed).toBe(0);
    const withImages = feed.find((i) => urlsOf(i.StockNumber).length >= 2)!;
    for (const status of ['draft', 'published'] as const) {
      const images = await vehicleImages(withImages.StockNumber, status);
      expect(images.map((f) => f.name)).toEqual(urlsOf(withImages.StockNumber).map((_, i) => `${withImages.StockNumber}-${i + 1}.png`));
    }
    const folder = await w.app.strapi.db.query('plugin::upload.folder' as any).findOne({ where: { name: 'Image Motors' }, populate: ['parent'] });
    expect(folder.parent.name).toBe('EasyCars');
    expect((await vehicleImages(withImages.StockNumber))[0]!.folderPath).toBe(folder.path);
  });

  it('re-sync reuses everything: 0 image requests', async () => {
    w.sandbox.control.clearRequestLog();
    const log = await w.sync(d);
    expect(log).toMatchObject({ imagesDownloaded: 0, imagesFailed: 0, updated: 0 });
    expect(imageRequests()).toHaveLength(0);
  });

  it('a changed list reuses known images (no download), follows the new order, and deletes the dropped one', async () => {
    const item = w.sandbox.control.listStock(ACCOUNT).find((i) => urlsOf(i.StockNumber).length >= 3)!;
    const urls = urlsOf(item.StockNumber);
    const dropped = (await vehicleImages(item.StockNumber))[0]!;
    const next = [...urls.slice(1)].reverse();
    w.sandbox.control.updateStock(ACCOUNT, item.StockNumber, { ImageURLs: next.join(','), ImageCount: next.length });
    w.sandbox.control.clearRequestLog();
    const log = await w.sync(d);
    expect(log).toMatchObject({ updated: 1, imagesDownloaded: 0, imagesReused: next.length, imagesRemoved: 1 });
    expect(imageRequests()).toHaveLength(0);
    const names = (await vehicleImages(item.StockNumber)).map((f) => f.name);
    expect(names).toEqual(next.map((u) => `${item.StockNumber}-${urls.indexOf(u) + 1}.png`));
    expect(await w.app.strapi.db.query('plugin::upload.file' as any).findOne({ where: { id: dropped.id } })).toBeNull();
  });

  it('refuses unsafe and broken image URLs as warnings, keeping the good ones (SSRF)', async () => {
    const item = w.sandbox.control.listStock(ACCOUNT).find((i) => urlsOf(i.StockNumber).length >= 1)!;
    const good = urlsOf(item.StockNumber)[0]!;
    const base = new URL(good).origin;
    const bad = [
      'file:///etc/passwd',
      'http://169.254.169.254/latest/meta-data/iam',
      'http://evil.example/car.jpg',
      `${base}/images/none/missing.png`,
      `${base}/TestECService/StockService/RequestToken`,
    ];
    w.sandbox.control.updateStock(ACCOUNT, item.StockNumber, { ImageURLs: [good, ...bad].join(','), ImageCount: 6 });
    const log = await w.sync(d);
    expect(log.status).toBe('warning');
    expect(log.imagesFailed).toBe(bad.length);
    const messages = (log.warnings as Array<{ ref: string; message: string; field: string }>).filter((x) => x.field === 'ImageURLs' && x.ref === item.StockNumber).map((x) => x.message);
    expect(messages).toEqual(expect.arrayContaining([
      expect.stringMatching(/file: URLs are not fetched/),
      expect.stringMatching(/169\.254\.169\.254 is not on the image allow-list/),
      expect.stringMatching(/evil\.example is not on the image allow-list/),
      expect.stringMatching(/HTTP 404/),
      expect.stringMatching(/HTTP 405/),
    ]));
    // Only the good image stays attached (the one downloaded earlier, reused).
    expect(await vehicleImages(item.StockNumber)).toHaveLength(1);
    // The failed list is retried next time, the good image is not downloaded again.
    w.sandbox.control.clearRequestLog();
    const again = await w.sync(d);
    expect(again.imagesReused).toBeGreaterThanOrEqual(1);
    expect(imageRequests().map((e) => e.path)).not.toContain(new URL(good).pathname);
    // Private/loopback addresses are refused unless explicitly allowed.
    w.app.strapi.config.set('plugin::easycars.images.allowPrivateAddresses', false);
    try {
      w.sandbox.control.addStock(ACCOUNT, {});
      w.sandbox.control.clearRequestLog();
      const priv = await w.sync(d);
      expect(priv.imagesFailed).toBeGreaterThan(0);
      expect(JSON.stringify(priv.warnings)).toMatch(/non-public address \(127\.0\.0\.1\)/);
      expect(imageRequests()).toHaveLength(0);
    } finally {
      w.app.strapi.config.set('plugin::easycars.images.allowPrivateAddresses', true);
    }
  });

  it('parallel downloads asking for a new dealership folder at once get one folder', async () => {
    const ids = await Promise.all(Array.from({ length: 6 }, () => dealershipFolder(w.app.strapi, 'Race Motors')));
    expect(new Set(ids).size).toBe(1);
    const folders = (name: string) => w.app.strapi.db.query('plugin::upload.folder' as any).findMany({ where: { name } });
    expect(await folders('Race Motors')).toHaveLength(1);
    expect(await folders('EasyCars')).toHaveLength(1);
  });

  const warningsFor = (log: any, ref: string) =>
    ((log.warnings ?? []) as Array<{ ref: string; field: string; message: string }>).filter((x) => x.ref === ref && x.field === 'ImageURLs').map((x) => x.message);

  it.each(['application/octet-stream', 'none'] as const)('accepts an image served as %s when its bytes are an image', async (type) => {
    w.sandbox.control.setImageContentType(type);
    try {
      const item = w.sandbox.control.addStock(ACCOUNT, {});
      const urls = urlsOf(item.StockNumber);
      expect(urls.length).toBeGreaterThan(0);
      const log = await w.sync(d);
      expect(warningsFor(log, item.StockNumber)).toEqual([]);
      expect((await vehicleImages(item.StockNumber)).map((f) => f.name)).toEqual(urls.map((_, i) => `${item.StockNumber}-${i + 1}.png`));
    } finally {
      w.sandbox.control.setImageContentType('as-image');
    }
  });

  it('refuses an image served as text/html even when its bytes are an image', async () => {
    w.sandbox.control.setImageContentType('text/html');
    try {
      const item = w.sandbox.control.addStock(ACCOUNT, {});
      const log = await w.sync(d);
      const warnings = warningsFor(log, item.StockNumber);
      expect(warnings).toHaveLength(urlsOf(item.StockNumber).length);
      expect(warnings[0]).toMatch(/text\/html/);
      expect(await vehicleImages(item.StockNumber)).toHaveLength(0);
    } finally {
      w.sandbox.control.setImageContentType('as-image');
    }
  });

  it('images can be switched off', async () => {
    w.app.strapi.config.set('plugin::easycars.images.enabled', false);
    try {
      w.sandbox.control.addStock(ACCOUNT, {});
      w.sandbox.control.clearRequestLog();
      const log = await w.sync(d);
      expect(log.created).toBe(1);
      expect(log.imagesDownloaded).toBe(0);
      expect(imageRequests()).toHaveLength(0);
    } finally {
      w.app.strapi.config.set('plugin::easycars.images.enabled', true);
    }
    const records = await w.app.strapi.db.query(RECORD as any).findMany({ where: { dealership: d } });
    expect(records.length).toBe(w.sandbox.control.listStock(ACCOUNT).length);
  });
});
