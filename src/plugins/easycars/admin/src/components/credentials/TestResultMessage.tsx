import { Box, Typography } from '@strapi/design-system';
import type { TestResult } from '../../api/credentials';
import { useT } from '../../utils/useT';

/** The outcome of "Test connection", inline under the form: which pair failed and why, in words. */
export const TestResultMessage = ({ result }: { result: TestResult }) => {
  const t = useT();
  const pair =
    !result.ok && result.failedPair === 'client'
      ? t('credentials.test.pair.client', 'Client ID / Client Secret')
      : t('credentials.test.pair.account', 'Account Number / Account Secret');
  const reasons: Record<string, string> = {
    authentication: t('credentials.test.reason.authentication', 'rejected by EasyCars'),
    unreachable: t('credentials.test.reason.unreachable', 'EasyCars could not be reached'),
    timeout: t('credentials.test.reason.timeout', 'EasyCars did not answer in time'),
    easycars_error: t('credentials.test.reason.easycars_error', 'EasyCars returned an error'),
  };
  return (
    <Box
      role="status"
      data-testid="test-result"
      padding={4}
      hasRadius
      borderColor={result.ok ? 'success200' : 'danger200'}
      background={result.ok ? 'success100' : 'danger100'}
    >
      <Typography fontWeight="bold" textColor={result.ok ? 'success700' : 'danger700'} tag="p">
        {result.ok && result.stockListSlow
          ? t('credentials.test.slow', 'Connected, stock list slow: the stock list did not arrive in time for this test.')
          : result.ok
          ? t('credentials.test.ok', 'Connection succeeded: {count} stock items found.', { count: result.stockCount ?? 0 })
          : t('credentials.test.failed', 'Connection failed: {pair} — {reason}.', { pair, reason: reasons[result.reason] ?? result.reason })}
      </Typography>
      {(!result.ok || result.stockListSlow) && (
        <Box paddingTop={1}>
          <Typography textColor="neutral800" tag="p">
            {result.message}
          </Typography>
        </Box>
      )}
    </Box>
  );
};
