/** FR20 in the vehicle's EasyCars panel: pin a field ("Keep this site's value") or release it. */
import { Box, Button, Field, Flex, SingleSelect, SingleSelectOption, Tag, Typography } from '@strapi/design-system';
import { Cross } from '@strapi/icons';
import { useNotification } from '@strapi/strapi/admin';
import { useState } from 'react';
import { usePinField } from '../api/conflicts-queries';
import { toApiError } from '../utils/apiError';
import { useT } from '../utils/useT';
import type { VehicleLink } from './vehicle-links';

export const VehiclePins = ({ link }: { link: VehicleLink }) => {
  const t = useT();
  const pin = usePinField(link.vehicleDocumentId);
  const { toggleNotification } = useNotification();
  const [choice, setChoice] = useState<string>('');
  const pinned = link.pinnedFields ?? [];
  const pinnable = (link.pinnable ?? []).filter((f) => !pinned.includes(f.target));
  const label = (target: string) => link.pinnable?.find((f) => f.target === target)?.attribute ?? target;

  const change = async (field: string, value: boolean) => {
    try {
      await pin.mutateAsync({ field, pinned: value });
      toggleNotification({
        type: 'success',
        message: value ? t('pins.pinned', 'EasyCars will no longer overwrite {field} of this vehicle.', { field: label(field) }) : t('pins.released', 'EasyCars updates {field} of this vehicle again.', { field: label(field) }),
      });
      setChoice('');
    } catch (e) {
      toggleNotification({ type: 'danger', message: toApiError(e).message });
    }
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={2} data-testid="easycars-pins">
      <Typography variant="sigma" textColor="neutral600">{t('pins.title', 'Kept from EasyCars')}</Typography>
      {pinned.length ? (
        <Flex gap={1} wrap="wrap">
          {pinned.map((field) => (
            <Tag key={field} icon={<Cross />} onClick={() => void change(field, false)} label={t('pins.release', 'Let EasyCars update {field} again', { field: label(field) })}>
              {label(field)}
            </Tag>
          ))}
        </Flex>
      ) : (
        <Typography variant="pi" textColor="neutral600">{t('pins.none', 'None: the stock sync may update every EasyCars field.')}</Typography>
      )}
      {pinnable.length ? (
        <Flex gap={2} alignItems="flex-end">
          <Box style={{ flex: 1, minWidth: 0 }}>
            <Field.Root name="pin-field" id="easycars-pin-field">
              <Field.Label>{t('pins.choose', 'Keep this site’s value of')}</Field.Label>
              <SingleSelect size="S" placeholder={t('pins.placeholder', 'Choose a field')} value={choice} onChange={(v: string | number) => setChoice(String(v))}>
                {pinnable.map((f) => <SingleSelectOption key={f.target} value={f.target}>{f.attribute}</SingleSelectOption>)}
              </SingleSelect>
            </Field.Root>
          </Box>
          <Button size="S" variant="secondary" disabled={!choice} loading={pin.isLoading} onClick={() => void change(choice, true)}>{t('pins.keep', 'Keep')}</Button>
        </Flex>
      ) : null}
    </Flex>
  );
};
