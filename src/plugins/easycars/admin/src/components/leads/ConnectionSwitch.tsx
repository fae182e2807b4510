import { Box, Field, Flex, Toggle, Typography } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import { useCredential, useUpdateCredentialFields } from '../../api/credentials-queries';
import { toApiError } from '../../utils/apiError';
import { useT } from '../../utils/useT';

/** The credential's on/off switch (isActive): off stops every EasyCars call of the dealership, stock and leads. */
export const ConnectionSwitch = ({ dealership, canEdit }: { dealership: string; canEdit: boolean }) => {
  const t = useT();
  const { toggleNotification } = useNotification();
  const { data: credential } = useCredential(dealership);
  const update = useUpdateCredentialFields(dealership);
  if (!credential) return null;

  const change = (isActive: boolean) =>
    update.mutate(
      { id: credential.id, fields: { isActive } },
      {
        onSuccess: () =>
          toggleNotification({
            type: 'success',
            message: isActive ? t('leads.connection.on', 'The EasyCars connection is on.') : t('leads.connection.off', 'The EasyCars connection is off: nothing is sent to or read from EasyCars.'),
          }),
        onError: (e) => toggleNotification({ type: 'danger', message: toApiError(e).message }),
      },
    );
  // While saving, the switch shows the value being saved.
  const checked = update.isLoading && update.variables ? Boolean(update.variables.fields.isActive) : Boolean(credential.isActive);

  return (
    <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius tag="section" data-testid="leads-connection">
      <Typography variant="delta" tag="h3">{t('leads.connection.title', 'EasyCars connection')}</Typography>
      <Flex paddingTop={4} direction="column" alignItems="flex-start" gap={2}>
        <Field.Root name="isActive" hint={t('leads.connection.hint', 'Off stops every EasyCars call of this dealership, stock and leads.')}>
          <Field.Label>{t('leads.connection.label', 'Connection')}</Field.Label>
          <Toggle
            checked={checked}
            onLabel={t('stock.schedule.on', 'On')}
            offLabel={t('stock.schedule.off', 'Off')}
            disabled={!canEdit || update.isLoading}
            onChange={(e: React.ChangeEvent<HTMLInputElement>) => change(e.target.checked)}
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
