import { Box, Link, Typography } from '@strapi/design-system';
import { useSupport } from '../../api/support-queries';
import { useT } from '../../utils/useT';

/** "Need help? <contact>" at the bottom of the plugin's pages, when the operator configured one (docs/getting-help.md). */
export const SupportLine = () => {
  const t = useT();
  const { data } = useSupport();
  if (!data?.contact && !data?.url) return null;
  return (
    <Box paddingTop={2} data-testid="support-line">
      <Typography variant="pi" textColor="neutral600">
        {t('layout.support.needHelp', 'Need help?')} {data.contact}
        {data.url ? (
          <>
            {data.contact ? ' · ' : ''}
            <Link href={data.url} isExternal>
              {data.url}
            </Link>
          </>
        ) : null}
      </Typography>
    </Box>
  );
};
