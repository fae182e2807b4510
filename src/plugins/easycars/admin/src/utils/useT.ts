import { useIntl } from 'react-intl';
import { getTranslation } from './getTranslation';

/** formatMessage for this plugin's keys: t('credentials.save', 'Save'). */
export function useT() {
  const { formatMessage } = useIntl();
  return (id: string, defaultMessage: string, values?: Record<string, string | number>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values);
}
