import { Button, Dialog, Field, Textarea } from '@strapi/design-system';
import { useState } from 'react';
import { useT } from '../../utils/useT';

/** Ignore needs a reason: it is shown on the row and kept in the audit trail. */
export const IgnoreDialog = ({ open, count, onClose, onConfirm, busy }: { open: boolean; count: number; onClose: () => void; onConfirm: (reason: string) => void; busy: boolean }) => {
  const t = useT();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const confirm = () => {
    if (!reason.trim()) return setError(t('recon.ignore.reasonRequired', 'Say why these differences are fine.'));
    onConfirm(reason.trim());
  };
  return (
    <Dialog.Root open={open} onOpenChange={(o: boolean) => (o ? undefined : onClose())}>
      <Dialog.Content>
        <Dialog.Header>{t('recon.ignore.title', '{count, plural, one {Ignore this difference?} other {Ignore # differences?}}', { count })}</Dialog.Header>
        <Dialog.Body>
          <Field.Root name="reason" id="recon-ignore-reason" error={error ?? undefined} hint={t('recon.ignore.hint', 'It stays ignored until the data changes on either side.')} required>
            <Field.Label>{t('recon.ignore.reason', 'Reason')}</Field.Label>
            <Textarea value={reason} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => { setReason(e.target.value); setError(null); }} />
            <Field.Hint />
            <Field.Error />
          </Field.Root>
        </Dialog.Body>
        <Dialog.Footer>
          <Dialog.Cancel><Button variant="tertiary" onClick={onClose}>{t('recon.cancel', 'Cancel')}</Button></Dialog.Cancel>
          <Button onClick={confirm} loading={busy}>{t('recon.ignore.confirm', 'Ignore')}</Button>
        </Dialog.Footer>
      </Dialog.Content>
    </Dialog.Root>
  );
};
