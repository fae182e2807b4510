import { Flex, Typography } from '@strapi/design-system';
import type { SyncRun } from '../../api/stock';
import { useT } from '../../utils/useT';

/** The counts of one run as labelled numbers. */
export const RunCounts = ({ run }: { run: SyncRun }) => {
  const t = useT();
  const items: Array<[string, number]> = [
    [t('stock.count.fetched', 'Fetched'), run.fetched],
    [t('stock.count.created', 'Created'), run.created],
    [t('stock.count.updated', 'Updated'), run.updated],
    [t('stock.count.unchanged', 'Unchanged'), run.unchanged],
    [t('stock.count.removed', 'Removed'), run.removed],
    [t('stock.count.restored', 'Restored'), run.restored],
    [t('stock.count.failed', 'Failed'), run.failed],
    [t('stock.count.imagesDownloaded', 'Images downloaded'), run.imagesDownloaded],
    [t('stock.count.imagesReused', 'Images reused'), run.imagesReused],
    [t('stock.count.imagesRemoved', 'Images removed'), run.imagesRemoved],
    [t('stock.count.imagesFailed', 'Images failed'), run.imagesFailed],
    [t('stock.count.apiCalls', 'API calls'), run.apiCalls],
  ];
  return (
    <Flex gap={5} wrap="wrap" tag="dl">
      {items.map(([label, value]) => (
        <Flex key={label} direction="column" alignItems="flex-start">
          <Typography tag="dt" variant="sigma" textColor="neutral600">{label}</Typography>
          <Typography tag="dd" variant="omega" fontWeight="bold">{value ?? 0}</Typography>
        </Flex>
      ))}
    </Flex>
  );
};
