/**
 * The image pipeline (issue 15, images/image-sync.ts): downloads overlap uploads, yet the image host
 * never gets more than `images.concurrency` downloads at once, downloaded images wait for the upload
 * plugin in a bounded number of slots, and an image whose upload fails costs only itself.
 */
import { VEHICLE, startStockWorld, type StockWorld } from '../helpers/stock-sync';
import { mostAtOnce } from '../helpers/request-overlap';

interface LogEntry {
  endpoint: string;
  at: number;
  endedAt: number | null;
}

const waitFor = async (check: () => boolean, what: string) => {
  for (let i = 0; i < 600 && !check(); i++) await new Promise((r) => setTimeout(r, 50));
  if (!check()) throw new Error(`timed out waiting for ${what}`);
};

describe(`image pipeline (${process.env.DB_TEST_CLIENT ?? 'sqlite'})`, () => {
  let w: StockWorld;
  const imageRequests = () => (w.sandbox.control.requestLog() as LogEntry[]).filter((e) => e.endpoint === 'image');
  const urlsOf = (account: string, sn: string) =>
    String(w.sandbox.control.listStock(account).find((i) => i.StockNumber === sn)!.ImageURLs).split(',').filter(Boolean);
  const totalImages = (account: string) => w.sandbox.control.listStock(account).reduce((n, i) => n + urlsOf(account, i.StockNumber).length, 0);
  const attachedNames = async (dealership: string, sn: string, status: 'draft' | 'published') => {
    const [v] = await w.app.strapi.documents(VEHICLE as any).findMany({ filters: { stockNumber: sn, dealership: { documentId: dealership } }, status, populate: ['images'] } as any);
    return (((v as any).images ?? []) as Array<{ name: string }>).map((f) => f.name);
  };
  /** Replaces the upload plugin's upload() for the duration of `fn`. */
  const withUpload = async <T>(replacement: (original: (args: any) => Promise<any>, args: any) => Promise<any>, fn: () => Promise<T>) => {
    const service = w.app.strapi.plugin('upload').service('upload') as { upload: (args: any) => Promise<any> };
    const original = service.upload;
    service.upload = (args: any) => replacement((a) => original.call(service, a), args);
    try {
      return await fn();
    } finally {
      service.upload = original;
    }
  };

  beforeAll(async () => {
    w = await startStockWorld({
      stockCount: { EC114575: 12, EC208841: 6 },
      env: { EASYCARS_IMAGES_CONCURRENCY: '2', EASYCARS_IMAGES_MIN_TIME_MS: '0', EASYCARS_IMAGES_UPLOAD_CONCURRENCY: '2' },
    });
  });
  afterAll(async () => {
    w.sandbox.control.setImageLatencyMs(0);
    await w?.close();
  });

  it('the image host gets at most images.concurrency downloads at once (EASYCARS_IMAGES_CONCURRENCY), and all of them are used', async () => {
    expect(w.app.strapi.config.get('plugin::easycars.images')).toMatchObject({ concurrency: 2, minTimeMs: 0, uploadConcurrency: 2 });
    const d = await w.dealership('Queue Motors', 'EC114575');
    w.sandbox.control.setImageLatencyMs(100);
    w.sandbox.control.clearRequestLog();
    const log = await w.sync(d);
    w.sandbox.control.setImageLatencyMs(0);
    expect(log).toMatchObject({ status: 'success', imagesDownloaded: totalImages('EC114575'), imagesFailed: 0 });
    const downloads = imageRequests();
    expect(downloads).toHaveLength(log.imagesDownloaded);
    expect(mostAtOnce(downloads)).toBe(2);
  });

  it('while the upload plugin is busy, downloads stop once every slot holds an image (concurrency + 2 × uploadConcurrency), then go on', async () => {
    const d = await w.dealership('Slow Disk Motors', 'EC114575');
    const gates: Array<() => void> = [];
    let open = false;
    w.sandbox.control.clearRequestLog();
    const log = await withUpload(
      async (original, args) => {
        if (!open) await new Promise<void>((release) => gates.push(release));
        return original(args);
      },
      async () => {
        const run = w.sync(d);
        await waitFor(() => gates.length === 2 && imageRequests().filter((e) => e.endedAt !== null).length >= 6, 'two blocked uploads and six downloads');
        // Give a pipeline that ignored the slots time to download more.
        await new Promise((r) => setTimeout(r, 500));
        const downloaded = imageRequests().length;
        open = true;
        for (const release of gates) release();
        expect(gates).toHaveLength(2);
        expect(downloaded).toBe(6);
        return run;
      },
    );
    expect(log).toMatchObject({ status: 'success', imagesDownloaded: totalImages('EC114575'), imagesFailed: 0 });
  });

  it('an image whose upload fails costs only itself: the vehicle gets its other images in feed order, and the next run adds the missing one', async () => {
    const d = await w.dealership('Flaky Upload Motors', 'EC208841');
    const item = w.sandbox.control.listStock('EC208841').find((i) => urlsOf('EC208841', i.StockNumber).length >= 3)!;
    const names = urlsOf('EC208841', item.StockNumber).map((_, i) => `${item.StockNumber}-${i + 1}.png`);
    const failing = names[1]!;
    const log = await withUpload(
      async (original, args) => {
        if (args.data.fileInfo.name === failing) throw new Error('disk full');
        return original(args);
      },
      () => w.sync(d),
    );
    expect(log).toMatchObject({ status: 'warning', imagesFailed: 1, imagesDownloaded: totalImages('EC208841') - 1 });
    expect(log.warnings).toEqual([expect.objectContaining({ ref: item.StockNumber, field: 'ImageURLs', message: 'image 2 skipped: could not be stored: disk full' })]);
    for (const status of ['draft', 'published'] as const) expect(await attachedNames(d, item.StockNumber, status)).toEqual(names.filter((n) => n !== failing));

    w.sandbox.control.clearRequestLog();
    const again = await w.sync(d);
    expect(again).toMatchObject({ status: 'success', imagesDownloaded: 1, imagesFailed: 0, imagesReused: names.length - 1 });
    expect(imageRequests()).toHaveLength(1);
    for (const status of ['draft', 'published'] as const) expect(await attachedNames(d, item.StockNumber, status)).toEqual(names);
  });
});
