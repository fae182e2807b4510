import { Box, Flex, Typography } from '@strapi/design-system';
import type { LeadServiceCheck, StockServiceCheck, TestResult } from '../../api/credentials';
import { useT } from '../../utils/useT';

type T = ReturnType<typeof useT>;

const failureHeadline = (t: T, check: Extract<StockServiceCheck | LeadServiceCheck, { ok: false }>) => {
  const pair =
    check.failedPair === 'client'
      ? t('credentials.test.pair.client', 'Client ID / Client Secret')
      : t('credentials.test.pair.account', 'Account Number / Account Secret');
  const reasons: Record<string, string> = {
    authentication: t('credentials.test.reason.authentication', 'rejected by EasyCars'),
    unreachable: t('credentials.test.reason.unreachable', 'EasyCars could not be reached'),
    timeout: t('credentials.test.reason.timeout', 'EasyCars did not answer in time'),
    easycars_error: t('credentials.test.reason.easycars_error', 'EasyCars returned an error'),
  };
  return t('credentials.test.failedPair', '{pair} — {reason}', { pair, reason: reasons[check.reason] ?? check.reason });
};

const ServiceLine = ({ label, ok, headline, detail, testId }: { label: string; ok: boolean; headline: string; detail?: string; testId: string }) => (
  <Box data-testid={testId}>
    <Typography fontWeight="bold" textColor={ok ? 'success700' : 'danger700'} tag="p">
      {label}: {headline}
    </Typography>
    {detail && (
      <Typography textColor="neutral800" tag="p">
        {detail}
      </Typography>
    )}
  </Box>
);

/** The outcome of "Test connection", inline under the form: each EasyCars service on its own line, which pair failed and why. */
export const TestResultMessage = ({ result }: { result: TestResult }) => {
  const t = useT();
  const { stock, leads } = result;
  const stockHeadline = !stock.ok
    ? failureHeadline(t, stock)
    : stock.stockListSlow
      ? t('credentials.test.slow', 'connected, stock list slow (it did not arrive in time for this test)')
      : t('credentials.test.ok', 'connected, {count} stock items found', { count: stock.stockCount ?? 0 });
  const leadHeadline = !leads.ok
    ? failureHeadline(t, leads)
    : leads.clientPair === 'lead'
      ? t('credentials.test.leadsOkOwnClient', 'connected with the lead service client')
      : t('credentials.test.leadsOk', 'connected');
  const leadOff = !leads.ok && !leads.required ? ` ${t('credentials.test.leadSyncOff', '(Lead sync is off for this dealership.)')}` : '';
  return (
    <Box
      role="status"
      data-testid="test-result"
      padding={4}
      hasRadius
      borderColor={result.ok ? 'success200' : 'danger200'}
      background={result.ok ? 'success100' : 'danger100'}
    >
      <Flex direction="column" alignItems="stretch" gap={2}>
        <Typography variant="omega" fontWeight="bold" tag="p">
          {result.ok ? t('credentials.test.summaryOk', 'Connection succeeded.') : t('credentials.test.summaryFailed', 'Connection failed.')}
        </Typography>
        <ServiceLine
          testId="test-result-stock"
          label={t('credentials.test.stock', 'Stock')}
          ok={stock.ok}
          headline={stockHeadline}
          detail={!stock.ok || stock.stockListSlow ? stock.message : undefined}
        />
        <ServiceLine
          testId="test-result-leads"
          label={t('credentials.test.leads', 'Leads')}
          ok={leads.ok}
          headline={leadHeadline + leadOff}
          detail={!leads.ok ? leads.message : undefined}
        />
      </Flex>
    </Box>
  );
};
