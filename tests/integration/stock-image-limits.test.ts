/**
 * Image download limits (issue 11): at most `images.maxPerVehicle` images per vehicle, and at most
 * `images.maxMegabytesPerRun` downloaded per sync run; what is over the limit is a warning, never a
 * failed sync, and what a run left is downloaded by the next one.
 */
import { RECORD, VEHICLE, startStockWorld, type StockWorld } from '../helpers/stock-sync';

describe(`image download limits (${process.env.DB_TEST_CLIENT ?? 'sqlite'})`, () => {
  let w: StockWorld;
  const urlsOf = (account: string, sn: string) =>
    String(w.sandbox.control.listStock(account).find((i) => i.StockNumber === sn)!.ImageURLs).split(',').filter(Boolean);
  const setImages = (over: Record<string, unknown>) => {
    const images = w.app.strapi.config.get('plugin::easycars.images') as Record<string, unknown>;
    w.app.strapi.config.set('plugin::easycars.images', { ...images, ...over });
  };
  const attached = async (dealership: string, sn: string) => {
    const [v] = await w.app.strapi.documents(VEHICLE as any).findMany({ filters: { stockNumber: sn, dealership: { documentId: dealership } }, status: 'published', populate: ['images'] } as any);
    return (((v as any).images ?? []) as unknown[]).length;
  };

  beforeAll(async () => {
    w = await startStockWorld({ stockCount: { EC114575: 6, EC208841: 5 } });
  });
  afterAll(async () => {
    await w?.close();
  });

  it('attaches at most maxPerVehicle images to a vehicle, with a warning naming how many were left out', async () => {
    setImages({ maxPerVehicle: 2, maxMegabytesPerRun: 500 });
    const d = await w.dealership('Few Images Motors', 'EC208841');
    const log = await w.sync(d);
    expect(log.status).toBe('success');
    expect(log.imagesFailed).toBe(0);
    const many = w.sandbox.control.listStock('EC208841').filter((i) => urlsOf('EC208841', i.StockNumber).length > 2);
    expect(many.length).toBeGreaterThan(0);
    for (const item of many) {
      expect(await attached(d, item.StockNumber)).toBe(2);
      expect(log.warnings).toContainEqual(
        expect.objectContaining({ ref: item.StockNumber, field: 'ImageURLs', message: `${urlsOf('EC208841', item.StockNumber).length - 2} image(s) beyond the limit of 2 per vehicle (images.maxPerVehicle) not attached` }),
      );
    }
    expect(log.imagesDownloaded).toBe(w.sandbox.control.listStock('EC208841').reduce((n, i) => n + Math.min(2, urlsOf('EC208841', i.StockNumber).length), 0));
  });

  it('stops downloading once a run reached maxMegabytesPerRun (a warning), and the next run downloads the rest', async () => {
    setImages({ maxPerVehicle: 50, maxMegabytesPerRun: 0.000001 });
    const d = await w.dealership('Big Feed Motors', 'EC114575');
    const total = w.sandbox.control.listStock('EC114575').reduce((n, i) => n + urlsOf('EC114575', i.StockNumber).length, 0);
    const first = await w.sync(d);
    expect(first.status).toBe('warning');
    expect(first.created).toBe(6);
    expect(first.imagesFailed).toBe(0);
    expect(first.imagesDownloaded).toBeGreaterThanOrEqual(1);
    expect(first.imagesDownloaded).toBeLessThan(total);
    const left = total - first.imagesDownloaded;
    expect(first.warnings).toContainEqual({
      ref: '(images)',
      message: `The image download limit of 0.000001 MB per run (images.maxMegabytesPerRun) was reached: ${left} image(s) were left for the next run.`,
    });
    const incomplete = await w.app.strapi.db.query(RECORD as any).count({ where: { dealership: d, imagesHash: { $null: true } } });
    expect(incomplete).toBeGreaterThan(0);

    setImages({ maxMegabytesPerRun: 500 });
    const second = await w.sync(d);
    expect(second).toMatchObject({ status: 'success', imagesDownloaded: left, imagesFailed: 0 });
    for (const item of w.sandbox.control.listStock('EC114575')) {
      expect(await attached(d, item.StockNumber)).toBe(urlsOf('EC114575', item.StockNumber).length);
    }
  });

  it('refuses plain http image URLs from hosts not allowed for http: a warning per image, the vehicles still synced', async () => {
    setImages({ allowHttpHosts: [], maxMegabytesPerRun: 500 });
    const d = await w.dealership('Https Only Motors', 'EC208841');
    const log = await w.sync(d);
    expect(log).toMatchObject({ status: 'warning', created: 5, imagesDownloaded: 0 });
    expect(log.imagesFailed).toBeGreaterThan(0);
    expect(log.warnings[0].message).toMatch(/image 1 skipped: http:\/\/127\.0\.0\.1:\d+\/.* is plain http; images are fetched over https only unless the host is in images\.allowHttpHosts/);
    setImages({ allowHttpHosts: ['127.0.0.1'] });
  });
});
