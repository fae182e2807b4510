import { Field, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import { useSelectedDealership } from '../../context/DealershipContext';
import { useT } from '../../utils/useT';

/** Chooses the dealership every EasyCars page works on (only the admin's own dealerships). */
export const DealershipPicker = () => {
  const t = useT();
  const { dealership, dealerships, select } = useSelectedDealership();
  const credential = dealership?.credential;
  const unreadable =
    credential?.configured && credential.readable === false
      ? t('layout.dealership.unreadable', 'Credentials cannot be read — check the encryption key.')
      : undefined;
  return (
    <Field.Root name="dealership" id="easycars-dealership" width="100%" error={unreadable}>
      <Field.Label>{t('layout.dealership', 'Dealership')}</Field.Label>
      <SingleSelect
        value={dealership?.documentId ?? ''}
        onChange={(value) => select(String(value))}
        placeholder={t('layout.dealership.placeholder', 'Choose a dealership')}
      >
        {dealerships.map((d) => (
          <SingleSelectOption key={d.documentId} value={d.documentId}>
            {d.name}
          </SingleSelectOption>
        ))}
      </SingleSelect>
      <Field.Error />
    </Field.Root>
  );
};
