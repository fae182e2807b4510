import { Box, Checkbox, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import { WEBHOOK_EVENT_NAMES, type WebhookEventName, type WebhookSubscription } from '../../api/alerts';
import { useSetWebhookEvents, useWebhookSubscriptions } from '../../api/alerts-queries';
import { toApiError } from '../../utils/apiError';
import { useT } from '../../utils/useT';

/**
 * Which of the site's Strapi webhooks receive EasyCars events (Settings → Webhooks lists only Strapi's
 * own events). Shown to Super Admins: the webhooks belong to the whole site.
 */
export const WebhookSubscriptions = () => {
  const t = useT();
  const { toggleNotification } = useNotification();
  const query = useWebhookSubscriptions();
  const setEvents = useSetWebhookEvents();
  // Shown once the server has said this admin may see the site's webhooks (not as an empty flash for others).
  if (query.isLoading || (query.error && toApiError(query.error).status === 403)) return null;
  const labels: Record<WebhookEventName, string> = {
    'easycars.alert.opened': t('alerts.webhooks.opened', 'Alert opened'),
    'easycars.alert.resolved': t('alerts.webhooks.resolved', 'Alert resolved'),
    'easycars.sync.failed': t('alerts.webhooks.failed', 'Sync failed'),
  };
  const toggle = (hook: WebhookSubscription, event: WebhookEventName, on: boolean) => {
    const events = on ? [...hook.events, event] : hook.events.filter((e) => e !== event);
    setEvents.mutate(
      { id: hook.id, events },
      {
        onSuccess: () => toggleNotification({ type: 'success', message: t('alerts.webhooks.saved', '{name} now receives: {events}.', { name: hook.name, events: events.length ? events.join(', ') : t('alerts.webhooks.none', 'no EasyCars event') }) }),
        onError: (e) => toggleNotification({ type: 'danger', message: toApiError(e).message }),
      },
    );
  };
  return (
    <Box background="neutral0" padding={6} hasRadius shadow="tableShadow" tag="section" aria-labelledby="alert-webhooks" data-testid="alert-webhooks">
      <Typography variant="delta" tag="h3" id="alert-webhooks">{t('alerts.webhooks.title', 'Webhooks')}</Typography>
      <Box paddingTop={1} paddingBottom={4}>
        <Typography textColor="neutral600">
          {t('alerts.webhooks.intro', 'Which of the site’s webhooks (Settings → Webhooks) receive EasyCars events, for every dealership. Their other events are kept.')}
        </Typography>
      </Box>
      {query.error ? <Typography textColor="danger600" role="alert">{toApiError(query.error).message}</Typography> : null}
      {query.data && query.data.length === 0 ? (
        <Typography textColor="neutral600">{t('alerts.webhooks.empty', 'The site has no webhook yet: add one in Settings → Webhooks, then choose its EasyCars events here.')}</Typography>
      ) : null}
      {query.data?.length ? (
        <Table colCount={2 + WEBHOOK_EVENT_NAMES.length} rowCount={query.data.length + 1}>
          <Thead>
            <Tr>
              <Th><Typography variant="sigma">{t('alerts.webhooks.name', 'Webhook')}</Typography></Th>
              {WEBHOOK_EVENT_NAMES.map((e) => (
                <Th key={e}><Typography variant="sigma">{labels[e]}</Typography></Th>
              ))}
            </Tr>
          </Thead>
          <Tbody>
            {query.data.map((hook) => (
              <Tr key={hook.id}>
                <Td>
                  <Typography fontWeight="bold" tag="p">{hook.name}</Typography>
                  <Typography variant="pi" textColor="neutral600">{hook.host}{hook.isEnabled ? '' : ` · ${t('alerts.webhooks.disabled', 'disabled')}`}</Typography>
                </Td>
                {WEBHOOK_EVENT_NAMES.map((e) => (
                  <Td key={e}>
                    <Checkbox
                      aria-label={`${hook.name}: ${labels[e]}`}
                      checked={hook.events.includes(e)}
                      disabled={setEvents.isLoading}
                      onCheckedChange={(v: boolean | 'indeterminate') => toggle(hook, e, v === true)}
                    />
                  </Td>
                ))}
              </Tr>
            ))}
          </Tbody>
        </Table>
      ) : null}
    </Box>
  );
};
