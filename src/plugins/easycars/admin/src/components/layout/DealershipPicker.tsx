import { Field, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import { useSelectedDealership } from '../../context/DealershipContext';
import { useT } from '../../utils/useT';

/** Chooses the dealership every EasyCars page works on (only the admin's own dealerships). */
export const DealershipPicker = () => {
  const t = useT();
  const { dealership, dealerships, select } = useSelectedDealership();
  return (
    <Field.Root name="dealership" id="easycars-dealership" width="100%">
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
    </Field.Root>
  );
};
