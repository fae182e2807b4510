import { Button, Dialog } from '@strapi/design-system';
import { ArrowClockwise, WarningCircle } from '@strapi/icons';
import { useState } from 'react';
import { useT } from '../../utils/useT';

/** "Sync now", behind a confirmation that says what a sync overwrites. */
export const SyncNowButton = ({ onConfirm, disabled, running }: { onConfirm: () => Promise<void>; disabled?: boolean; running?: boolean }) => {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [sending, setSending] = useState(false);
  const confirm = async () => {
    setSending(true);
    try {
      await onConfirm();
      setOpen(false);
    } finally {
      setSending(false);
    }
  };
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger>
        <Button startIcon={<ArrowClockwise />} disabled={disabled || running} loading={running}>
          {running ? t('stock.syncing', 'Syncing…') : t('stock.syncNow', 'Sync now')}
        </Button>
      </Dialog.Trigger>
      <Dialog.Content>
        <Dialog.Header>{t('stock.confirm.title', 'Sync stock from EasyCars now?')}</Dialog.Header>
        <Dialog.Body icon={<WarningCircle fill="warning600" />}>
          {t(
            'stock.confirm.body',
            'Vehicles from EasyCars get EasyCars’ current values: changes made here to EasyCars-owned fields (price, description, status, images…) are overwritten. Stock no longer in EasyCars is unpublished. Fields EasyCars does not own are left as they are.',
          )}
        </Dialog.Body>
        <Dialog.Footer>
          <Dialog.Cancel>
            <Button fullWidth variant="tertiary" disabled={sending}>{t('stock.confirm.cancel', 'Cancel')}</Button>
          </Dialog.Cancel>
          <Button
            fullWidth
            loading={sending}
            onClick={(e: React.MouseEvent) => {
              e.preventDefault();
              void confirm();
            }}
          >
            {t('stock.confirm.action', 'Yes, sync now')}
          </Button>
        </Dialog.Footer>
      </Dialog.Content>
    </Dialog.Root>
  );
};
