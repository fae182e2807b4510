/** "EasyCars" column of the vehicle list (FR19): a text badge plus when it was last synced. */
import { Badge, Flex, Typography } from '@strapi/design-system';
import { useVehicleColumnLink } from '../api/vehicles-queries';
import { getTranslation } from '../utils/getTranslation';
import { useT } from '../utils/useT';
import { formatWhen } from './vehicle-links';
import { hasHostRole } from './host-role';

export const VehicleSyncCell = ({ documentId }: { documentId: string }) => {
  const t = useT();
  const { data: link, isError } = useVehicleColumnLink(documentId);

  if (isError) return <Typography textColor="neutral500">{t('stock.cm.column.unknown', 'Unknown')}</Typography>;
  if (link === undefined) return <Typography textColor="neutral500">…</Typography>;
  if (!link) {
    return (
      <Badge data-testid="easycars-badge" data-source="manual">
        {t('stock.cm.column.manual', 'Manual')}
      </Badge>
    );
  }
  return (
    <Flex direction="column" alignItems="flex-start" gap={1}>
      <Badge variant={link.inFeed ? 'success' : 'warning'} data-testid="easycars-badge" data-source="easycars">
        {link.inFeed ? t('stock.cm.column.easycars', 'EasyCars') : t('stock.cm.column.removed', 'EasyCars · removed')}
      </Badge>
      <Typography variant="pi" textColor="neutral600">
        {t('stock.cm.column.synced', 'Synced {when}', { when: formatWhen(link.lastSyncedAt) })}
      </Typography>
    </Flex>
  );
};

/** The waterfall hook for 'Admin/CM/pages/ListView/inject-column-in-table'. */
export const addVehicleColumn = ({ displayedHeaders, layout }: { displayedHeaders: any[]; layout: any }) => {
  if (!hasHostRole(layout, 'vehicle')) return { displayedHeaders, layout };
  return {
    displayedHeaders: [
      ...displayedHeaders,
      {
        attribute: { type: 'string' },
        label: { id: getTranslation('stock.cm.column.label'), defaultMessage: 'EasyCars' },
        name: 'easycars',
        searchable: false,
        sortable: false,
        cellFormatter: (doc: { documentId: string }) => <VehicleSyncCell documentId={doc.documentId} />,
      },
    ],
    layout,
  };
};
