import { Box, Flex, Modal, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import type { Finding } from '../../api/reconciliation';
import { useT } from '../../utils/useT';
import { categoryText, shown } from './labels';

const WRAP = { whiteSpace: 'normal', verticalAlign: 'top', overflowWrap: 'anywhere', maxWidth: '24rem' } as const;

/** "View details": this site and EasyCars side by side, field by field, the differing values highlighted. */
export const FindingDetails = ({ finding, onClose }: { finding: Finding | null; onClose: () => void }) => {
  const t = useT();
  if (!finding) return null;
  const fields = finding.details?.fields ?? [];
  const images = finding.details?.images;
  return (
    <Modal.Root open onOpenChange={(o: boolean) => (o ? undefined : onClose())}>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>{`${categoryText(t, finding.category)} · ${finding.ref}`}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4} data-testid="recon-details">
            <Typography>{finding.reason}</Typography>
            {fields.length ? (
              <Table colCount={3} rowCount={fields.length + 1}>
                <Thead>
                  <Tr>
                    <Th><Typography variant="sigma">{t('recon.details.field', 'Field')}</Typography></Th>
                    <Th><Typography variant="sigma">{t('recon.details.here', 'This site')}</Typography></Th>
                    <Th><Typography variant="sigma">{t('recon.details.easycars', 'EasyCars')}</Typography></Th>
                  </Tr>
                </Thead>
                <Tbody>
                  {fields.map((f) => (
                    <Tr key={f.field}>
                      <Td><Typography fontWeight="bold">{f.field}</Typography></Td>
                      <Td style={WRAP}><Box background="warning100" padding={1} hasRadius><Typography>{shown(f.here)}</Typography></Box></Td>
                      <Td style={WRAP}><Box background="success100" padding={1} hasRadius><Typography>{shown(f.easycars)}</Typography></Box></Td>
                    </Tr>
                  ))}
                </Tbody>
              </Table>
            ) : null}
            {images ? (
              <Typography>
                {t('recon.details.images', 'EasyCars has {feed} image(s), this site {local}. Missing here: {missing}. Not from EasyCars: {extra}. {order}', {
                  feed: images.feedCount,
                  local: images.localCount,
                  missing: images.missing.length,
                  extra: images.extra,
                  order: images.outOfOrder ? t('recon.details.outOfOrder', 'The order differs.') : '',
                })}
              </Typography>
            ) : null}
            {finding.ignoredReason ? <Typography textColor="neutral600">{t('recon.details.ignored', 'Ignored: {reason}', { reason: finding.ignoredReason })}</Typography> : null}
          </Flex>
        </Modal.Body>
      </Modal.Content>
    </Modal.Root>
  );
};
