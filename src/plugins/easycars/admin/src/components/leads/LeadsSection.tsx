import { Box, Flex, Loader, Typography } from '@strapi/design-system';
import type { ReactNode } from 'react';
import { toApiError } from '../../utils/apiError';
import { useT } from '../../utils/useT';

/** A card of the Leads page with its own loading and error states (one failing list does not blank the page). */
export const LeadsSection = ({
  title,
  ready,
  error,
  children,
  testId,
}: {
  title: string;
  /** The list has arrived (after a later failed refresh the last answer stays on screen under the error). */
  ready: boolean;
  error?: unknown;
  children: ReactNode;
  testId?: string;
}) => {
  const t = useT();
  return (
    <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius tag="section" data-testid={testId}>
      <Typography variant="delta" tag="h3">{title}</Typography>
      <Box paddingTop={4}>
        {error ? (
          <Box role="alert" paddingBottom={ready ? 4 : 0}>
            <Typography textColor="danger600">
              {t('leads.section.error', 'Could not load this list: {message}', { message: toApiError(error).message })}
            </Typography>
          </Box>
        ) : null}
        {ready ? children : error ? null : (
          <Flex gap={2}>
            <Loader small>{t('leads.section.loading', 'Loading…')}</Loader>
            <Typography textColor="neutral600">{t('leads.section.loading', 'Loading…')}</Typography>
          </Flex>
        )}
      </Box>
    </Box>
  );
};
