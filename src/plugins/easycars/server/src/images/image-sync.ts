/**
 * Image phase of a stock sync (story 2.6): for each vehicle whose image list changed, put its
 * EasyCars images in the media library (reusing earlier downloads), attach them in feed order to
 * the draft and published versions, and delete images that left the feed once nothing uses them.
 * A missing or broken image is a warning, never a failed sync.
 *
 * A pipeline: a few vehicles are worked on at once, so the image host is kept busy (at most
 * `concurrency` downloads at once, per host) while earlier images go through the upload plugin
 * (at most `uploadConcurrency` at once). A downloaded image holds one of a fixed number of slots
 * until it is stored, so downloads wait for slow uploads instead of piling up in memory.
 */
import Bottleneck from 'bottleneck';
import type { Core, UID } from '@strapi/strapi';
import { getService, pluginUid } from '../utils/plugin';
import type { SyncWarning } from '../sync-logs/types';
import { imagesHash } from '../stock/hash';
import { createImageStore } from './image-store';
import { dealershipFolder } from './media-folder';
import { downloadLimiter } from './download-limiter';
import { forEachLimited } from './for-each-limited';
import { holdGauge, timed } from './image-phase-timings';
import { ImageFetchError, safeFetchImage, type SafeFetchOptions } from './safe-fetch';

export interface ImageWork {
  stockNumber: string;
  recordId: number;
  vehicleDocumentId: string;
  published: boolean;
  title: string;
  urls: string[];
}

export interface ImageSyncOptions extends SafeFetchOptions {
  /** Downloads at once from one image host (per process, whatever the number of runs). */
  concurrency: number;
  /** Minimum time between two downloads from one host. */
  minTimeMs: number;
  /** Images in the upload plugin at once (sharp's optimisation and resized formats, the provider's writes). */
  uploadConcurrency: number;
  /** Images beyond this many per vehicle are not attached (a warning says how many). */
  maxPerVehicle: number;
  /** Once a run has downloaded this much, further downloads wait for the next run (reused images still attach). */
  maxMegabytesPerRun: number;
}

export interface ImageSyncResult {
  downloaded: number;
  reused: number;
  removed: number;
  failed: number;
  /** Left for the next run because the run's download budget (maxMegabytesPerRun) was spent. */
  deferred: number;
  warnings: SyncWarning[];
}

const sameList = (a: number[], b: number[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Images held between the start of their download and their upload's end: downloading, waiting for the upload plugin, or in it. */
export const imageSlots = (options: Pick<ImageSyncOptions, 'concurrency' | 'uploadConcurrency'>) => options.concurrency + 2 * options.uploadConcurrency;

export async function syncImages(args: {
  strapi: Core.Strapi;
  dealership: { documentId: string; name: string };
  vehicleUid: UID.ContentType;
  imagesAttribute: string;
  work: ImageWork[];
  options: ImageSyncOptions;
  onProgress: (done: number, total: number) => Promise<void>;
}): Promise<ImageSyncResult> {
  const { strapi, dealership, vehicleUid, imagesAttribute, work, options } = args;
  const result: ImageSyncResult = { downloaded: 0, reused: 0, removed: 0, failed: 0, deferred: 0, warnings: [] };
  const budgetBytes = options.maxMegabytesPerRun * 1024 * 1024;
  let downloadedBytes = 0;
  if (work.length === 0) return result;
  const store = createImageStore(strapi, dealership.documentId);
  // An image holds a slot from the start of its download to the end of its upload; uploads have their own limit.
  const slots = new Bottleneck({ maxConcurrent: imageSlots(options) });
  const uploads = new Bottleneck({ maxConcurrent: options.uploadConcurrency });
  let folder: Promise<number> | undefined;
  // Shared by the parallel uploads; forgotten on failure so the next image tries again.
  const folderId = () =>
    (folder ??= dealershipFolder(strapi, dealership.name).catch((error) => {
      folder = undefined;
      throw error;
    }));
  const docs = () => strapi.documents(vehicleUid as any) as any;
  const metrics = getService(strapi, 'metrics');

  const download = (url: string) =>
    downloadLimiter(url, options).schedule(async () => {
      // Checked again when its turn comes: downloads queued behind the one that spent the budget wait too.
      if (downloadedBytes >= budgetBytes) return null;
      const started = Date.now();
      const done = holdGauge('downloadsInFlight');
      try {
        const fetched = await timed('download', () => safeFetchImage(url, options));
        metrics.recordImage({ dealership: dealership.documentId, ok: true, bytes: fetched.body.length, durationMs: Date.now() - started });
        return fetched;
      } catch (error) {
        metrics.recordImage({ dealership: dealership.documentId, ok: false, bytes: 0, durationMs: Date.now() - started });
        throw error;
      } finally {
        done();
      }
    });

  const fileFor = async (item: ImageWork, url: string, index: number, known: Map<string, number>): Promise<number | null> => {
    const reused = known.get(url);
    if (reused !== undefined) {
      result.reused++;
      return reused;
    }
    if (downloadedBytes >= budgetBytes) {
      result.deferred++;
      return null;
    }
    return slots.schedule(async () => {
      const unbuffer = holdGauge('buffered');
      try {
        const image = await download(url);
        if (!image) {
          result.deferred++;
          return null;
        }
        downloadedBytes += image.body.length;
        const fileId = await uploads.schedule(async () =>
          store.save(url, image, {
            name: `${item.stockNumber}-${index + 1}.${image.ext}`,
            alternativeText: item.title,
            folder: await folderId(),
          }),
        );
        result.downloaded++;
        return fileId;
      } catch (error) {
        result.failed++;
        const reason = error instanceof ImageFetchError ? error.message : `could not be stored: ${(error as Error).message}`;
        result.warnings.push({ ref: item.stockNumber, field: 'ImageURLs', message: `image ${index + 1} skipped: ${reason}`, value: url });
        return null;
      } finally {
        unbuffer();
      }
    });
  };

  /** Attaches the files in feed order (draft and published) and returns those it had before. */
  const attach = (item: ImageWork, fileIds: number[]) =>
    timed('attach', async () => {
      const current = await docs().findOne({ documentId: item.vehicleDocumentId, fields: ['documentId'], populate: { [imagesAttribute]: { fields: ['id'] } } });
      const before: number[] = ((current?.[imagesAttribute] as Array<{ id: number }> | null) ?? []).map((f) => f.id);
      if (!sameList(before, fileIds)) {
        await docs().update({
          documentId: item.vehicleDocumentId,
          data: { [imagesAttribute]: fileIds },
          fields: ['documentId'],
          ...(item.published ? { status: 'published' } : {}),
        });
      }
      return before;
    });

  const markSynced = (item: ImageWork, complete: boolean) =>
    timed('attach', () =>
      strapi.db.query(pluginUid('stock-record')).update({
        where: { id: item.recordId },
        // A list with a failed image keeps no hash, so the next run tries the missing ones again.
        data: { imagesHash: complete ? imagesHash(item.urls) : null, imageSyncedAt: new Date() },
      }),
    );

  const syncVehicle = async (item: ImageWork) => {
    const all = [...new Set(item.urls)];
    const urls = all.slice(0, options.maxPerVehicle);
    if (all.length > urls.length) {
      result.warnings.push({
        ref: item.stockNumber,
        field: 'ImageURLs',
        message: `${all.length - urls.length} image(s) beyond the limit of ${options.maxPerVehicle} per vehicle (images.maxPerVehicle) not attached`,
      });
    }
    const known = await store.findMany(urls);
    const files = await Promise.all(urls.map((url, i) => fileFor(item, url, i, known)));
    const fileIds = files.filter((id): id is number => id !== null);
    const before = await attach(item, fileIds);
    for (const old of before.filter((id) => !fileIds.includes(id))) {
      if (await store.deleteIfUnused(old)) result.removed++;
    }
    await markSynced(item, fileIds.length === urls.length);
  };

  let done = 0;
  // As many vehicles at once as downloads (at least two), so vehicles with few images still keep the host busy.
  await forEachLimited(work, Math.max(2, options.concurrency), async (item) => {
    try {
      await syncVehicle(item);
    } catch (error) {
      result.warnings.push({ ref: item.stockNumber, field: 'images', message: `images not attached: ${(error as Error).message}` });
    }
    done++;
    await args.onProgress(done, work.length);
  });
  if (result.deferred) {
    result.warnings.push({
      ref: '(images)',
      message: `The image download limit of ${options.maxMegabytesPerRun} MB per run (images.maxMegabytesPerRun) was reached: ${result.deferred} image(s) were left for the next run.`,
    });
  }
  return result;
}
