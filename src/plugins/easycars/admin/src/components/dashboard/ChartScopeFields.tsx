import { Field, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import type { DealershipItem } from '../../api/dealerships';
import { useT } from '../../utils/useT';

/** The dashboard charts' "Type" (stock or leads) and "Dealership" (one, or all of the admin's) choices. */
export const ChartScopeFields = ({
  idPrefix,
  type,
  scope,
  dealerships,
  onType,
  onScope,
}: {
  idPrefix: string;
  type: 'stock' | 'leads';
  scope: string;
  dealerships: DealershipItem[];
  onType: (type: 'stock' | 'leads') => void;
  onScope: (scope: string) => void;
}) => {
  const t = useT();
  return (
    <>
      <Field.Root name={`${idPrefix}-type`} id={`${idPrefix}-type`}>
        <Field.Label>{t('dashboard.trend.type', 'Type')}</Field.Label>
        <SingleSelect value={type} onChange={(v) => onType(String(v) as 'stock' | 'leads')}>
          <SingleSelectOption value="stock">{t('dashboard.stock', 'Stock')}</SingleSelectOption>
          <SingleSelectOption value="leads">{t('dashboard.leads', 'Leads')}</SingleSelectOption>
        </SingleSelect>
      </Field.Root>
      <Field.Root name={`${idPrefix}-scope`} id={`${idPrefix}-scope`}>
        <Field.Label>{t('dashboard.trend.dealership', 'Dealership')}</Field.Label>
        <SingleSelect value={scope} onChange={(v) => onScope(String(v))}>
          <SingleSelectOption value="all">{t('history.filters.allDealerships', 'All my dealerships')}</SingleSelectOption>
          {dealerships.map((d) => (
            <SingleSelectOption key={d.documentId} value={d.documentId}>{d.name}</SingleSelectOption>
          ))}
        </SingleSelect>
      </Field.Root>
    </>
  );
};
