/** What a sync log stores as its request/response summary (services/sync-logs.ts): utils/redact.ts' redactValue. */
import { redactValue } from '../../src/plugins/easycars/server/src/utils/redact';

describe('sync-log summaries', () => {
  it('hide secrets, tokens, the ClientID and customer personal data by key, and token-like text anywhere, keeping the rest', () => {
    const summary = {
      environment: 'test',
      yardCode: 'MAIN',
      ClientID: '2d9c4c38-8b1a-4a44-b4b3-5ab1b8e6d001',
      AccountSecret: 'acc-secret-value',
      request: { Token: 'abc.def.ghi', CustomerName: 'Jo Citizen', Email: 'jo@example.com', Phone: '0400 000 000' },
      response: { code: 0, items: 300, errorMessage: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl rejected' },
      modifiedSince: '2026-11-29 10:00:00',
      missing: null,
    };
    expect(redactValue(summary)).toEqual({
      environment: 'test',
      yardCode: 'MAIN',
      ClientID: '[REDACTED]',
      AccountSecret: '[REDACTED]',
      request: { Token: '[REDACTED]', CustomerName: '[REDACTED]', Email: '[REDACTED]', Phone: '[REDACTED]' },
      response: { code: 0, items: 300, errorMessage: 'Bearer [REDACTED] rejected' },
      modifiedSince: '2026-11-29 10:00:00',
      missing: null,
    });
  });
});
