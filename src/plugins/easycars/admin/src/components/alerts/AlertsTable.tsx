import { Badge, Button, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import type { AlertView } from '../../api/alerts';
import type { DealershipItem } from '../../api/dealerships';
import { formatInZone } from '../../utils/zonedTime';
import { useT } from '../../utils/useT';
import { ruleTitle, severityText, severityVariant, statusText } from './alertLabels';

export interface AlertActions {
  canManage: boolean;
  busy: number | null;
  onAcknowledge: (alert: AlertView) => void;
  onSnooze: (alert: AlertView, hours: number) => void;
}

/** Alerts with severity and status in words, when they opened (dealership's timezone) and, for open ones, acknowledge and snooze. */
export const AlertsTable = ({ alerts, dealerships, actions }: { alerts: AlertView[]; dealerships: DealershipItem[]; actions?: AlertActions }) => {
  const t = useT();
  const zoneOf = (documentId: string) => dealerships.find((d) => d.documentId === documentId)?.timezone ?? 'Australia/Sydney';
  return (
    <Table colCount={actions ? 6 : 5} rowCount={alerts.length + 1} data-testid="alerts-table">
      <Thead>
        <Tr>
          <Th><Typography variant="sigma">{t('alerts.col.severity', 'Severity')}</Typography></Th>
          <Th><Typography variant="sigma">{t('alerts.col.alert', 'Alert')}</Typography></Th>
          <Th><Typography variant="sigma">{t('alerts.col.dealership', 'Dealership')}</Typography></Th>
          <Th><Typography variant="sigma">{t('alerts.col.opened', 'Opened')}</Typography></Th>
          <Th><Typography variant="sigma">{t('alerts.col.status', 'Status')}</Typography></Th>
          {actions ? <Th><Typography variant="sigma">{t('alerts.col.actions', 'Actions')}</Typography></Th> : null}
        </Tr>
      </Thead>
      <Tbody>
        {alerts.map((a) => {
          const zone = zoneOf(a.dealership.documentId);
          return (
            <Tr key={a.id} data-testid={`alert-${a.rule}`}>
              <Td><Badge variant={severityVariant(a.severity)}>{severityText(t, a.severity)}</Badge></Td>
              <Td style={{ whiteSpace: 'normal', maxWidth: '36rem' }}>
                <Typography fontWeight="bold" tag="p">{ruleTitle(t, a.rule)}</Typography>
                <Typography variant="pi" textColor="neutral700" style={{ overflowWrap: 'anywhere' }}>{a.message}</Typography>
              </Td>
              <Td><Typography>{a.dealership.name}</Typography></Td>
              <Td><Typography>{formatInZone(a.openedAt, zone)}</Typography></Td>
              <Td style={{ whiteSpace: 'normal' }}>
                <Typography tag="p">{statusText(t, a)}</Typography>
                {a.resolvedAt ? <Typography variant="pi" textColor="neutral600">{formatInZone(a.resolvedAt, zone)}</Typography> : null}
                {a.status === 'acknowledged' && a.acknowledgedBy ? (
                  <Typography variant="pi" textColor="neutral600">{t('alerts.ackBy', 'by {name}', { name: a.acknowledgedBy })}</Typography>
                ) : null}
                {a.snoozedUntil && Date.parse(a.snoozedUntil) > Date.now() ? (
                  <Typography variant="pi" textColor="neutral600">{t('alerts.snoozedUntil', 'until {time}', { time: formatInZone(a.snoozedUntil, zone) })}</Typography>
                ) : null}
              </Td>
              {actions ? (
                <Td>
                  {a.status !== 'resolved' && actions.canManage ? (
                    <Flex gap={2} wrap="wrap">
                      {a.status === 'open' ? (
                        <Button size="S" variant="secondary" loading={actions.busy === a.id} onClick={() => actions.onAcknowledge(a)}>
                          {t('alerts.acknowledge', 'Acknowledge')}
                        </Button>
                      ) : null}
                      <Button size="S" variant="tertiary" disabled={actions.busy === a.id} onClick={() => actions.onSnooze(a, 4)}>
                        {t('alerts.snooze4', 'Snooze 4 h')}
                      </Button>
                      <Button size="S" variant="tertiary" disabled={actions.busy === a.id} onClick={() => actions.onSnooze(a, 24)}>
                        {t('alerts.snooze24', 'Snooze 1 day')}
                      </Button>
                    </Flex>
                  ) : (
                    <Typography textColor="neutral500">—</Typography>
                  )}
                </Td>
              ) : null}
            </Tr>
          );
        })}
      </Tbody>
    </Table>
  );
};
