/** Edit-view side panel of a vehicle: where it comes from and what EasyCars owns (FR18/FR19). */
import { Badge, Box, Flex, Typography } from '@strapi/design-system';
import { useVehicleLink } from '../api/vehicles-queries';
import { useT } from '../utils/useT';
import { formatWhen } from './vehicle-links';
import { useHostContentTypes } from '../api/setup-queries';
import { VehiclePins } from './vehicle-pins';

const Row = ({ label, value }: { label: string; value: string }) => (
  <Flex direction="column" alignItems="flex-start" gap={1}>
    <Typography variant="sigma" textColor="neutral600">{label}</Typography>
    <Typography variant="omega">{value}</Typography>
  </Flex>
);

export const VehicleEasyCarsDetails = ({ documentId }: { documentId?: string }) => {
  const t = useT();
  const query = useVehicleLink(documentId);
  // A vehicle not saved yet is entered by hand: nothing to ask.
  const link = documentId ? query.data : null;

  if (query.isError) return <Typography textColor="neutral600">{t('stock.cm.panel.error', 'EasyCars details could not be loaded.')}</Typography>;
  if (link === undefined) return <Typography textColor="neutral500">…</Typography>;
  if (!link) {
    return (
      <Flex direction="column" alignItems="flex-start" gap={2} data-testid="easycars-panel">
        <Badge>{t('stock.cm.column.manual', 'Manual')}</Badge>
        <Typography variant="pi" textColor="neutral600">
          {t('stock.cm.panel.manual', 'Entered by hand: the EasyCars stock sync does not change this vehicle.')}
        </Typography>
      </Flex>
    );
  }
  return (
    <Flex direction="column" alignItems="stretch" gap={3} data-testid="easycars-panel">
      <Box>
        <Badge variant={link.inFeed ? 'success' : 'warning'}>
          {link.inFeed ? t('stock.cm.panel.inFeed', 'In the EasyCars feed') : t('stock.cm.panel.removed', 'Removed from EasyCars')}
        </Badge>
      </Box>
      <Row label={t('stock.cm.panel.stockNumber', 'Stock number')} value={link.stockNumber} />
      <Row label={t('stock.cm.panel.yard', 'Yard')} value={[link.yardName, link.yardCode && `(${link.yardCode})`].filter(Boolean).join(' ') || '—'} />
      <Row label={t('stock.cm.panel.lastSynced', 'Last synced')} value={formatWhen(link.lastSyncedAt)} />
      {!link.inFeed ? <Row label={t('stock.cm.panel.removedAt', 'Removed')} value={formatWhen(link.removedAt)} /> : null}
      <Row label={t('stock.cm.panel.owned', 'Fields EasyCars overwrites')} value={link.ownedFields.join(', ')} />
      <VehiclePins link={link} />
      <Typography variant="pi" textColor="neutral600">
        {t('stock.cm.panel.ownedHelp', 'What happens to your edits of these fields when EasyCars changes them follows the dealership’s Local edits setting (EasyCars → Stock). Other fields are yours.')}
      </Typography>
    </Flex>
  );
};

/** Registered with the content manager's addEditViewSidePanel (rendered as a component: hooks are fine; the title must be text). */
export const VehicleEasyCarsPanel = ({ model, documentId }: { model: string; documentId?: string }) => {
  const t = useT();
  const { data: types } = useHostContentTypes();
  if (!types || model !== types.vehicle) return null;
  return {
    title: t('stock.cm.panel.title', 'EasyCars'),
    content: <VehicleEasyCarsDetails documentId={documentId} />,
  };
};
