import { Box, Field, Flex, Toggle, Typography } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';
import { leadsUrl } from '../../api/leads';
import { toApiError } from '../../utils/apiError';
import { useT } from '../../utils/useT';

/** The credential's on/off switch (isActive): off stops every EasyCars call of the dealership, stock and leads. */
export const ConnectionSwitch = ({ dealership, canEdit, onSaved }: { dealership: string; canEdit: boolean; onSaved: () => void }) => {
  const t = useT();
  const { get, put } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [credential, setCredential] = useState<{ id: number; isActive: boolean } | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    get<any>(leadsUrl('/credentials'), { params: { dealership } })
      .then((res) => {
        const c = res.data.data;
        setCredential(c ? { id: c.id, isActive: Boolean(c.isActive) } : null);
      })
      .catch(() => setCredential(null));
  }, [get, dealership]);
  if (!credential) return null;

  const change = async (isActive: boolean) => {
    setSaving(true);
    try {
      await put(leadsUrl(`/credentials/${credential.id}`), { isActive });
      setCredential({ ...credential, isActive });
      toggleNotification({
        type: 'success',
        message: isActive ? t('leads.connection.on', 'The EasyCars connection is on.') : t('leads.connection.off', 'The EasyCars connection is off: nothing is sent to or read from EasyCars.'),
      });
      onSaved();
    } catch (e) {
      toggleNotification({ type: 'danger', message: toApiError(e).message });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius tag="section" data-testid="leads-connection">
      <Typography variant="delta" tag="h3">{t('leads.connection.title', 'EasyCars connection')}</Typography>
      <Flex paddingTop={4} direction="column" alignItems="flex-start" gap={2}>
        <Field.Root name="isActive" hint={t('leads.connection.hint', 'Off stops every EasyCars call of this dealership, stock and leads.')}>
          <Field.Label>{t('leads.connection.label', 'Connection')}</Field.Label>
          <Toggle
            checked={credential.isActive}
            onLabel={t('stock.schedule.on', 'On')}
            offLabel={t('stock.schedule.off', 'Off')}
            disabled={!canEdit || saving}
            onChange={(e: React.ChangeEvent<HTMLInputElement>) => void change(e.target.checked)}
          />
          <Field.Hint />
        </Field.Root>
        {canEdit ? null : (
          <Typography variant="pi" textColor="neutral600">{t('leads.connection.readOnly', 'You need the "Manage credentials" permission to change this.')}</Typography>
        )}
      </Flex>
    </Box>
  );
};
