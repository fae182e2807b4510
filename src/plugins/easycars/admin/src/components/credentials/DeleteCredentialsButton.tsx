import { Button, Dialog } from '@strapi/design-system';
import { Trash, WarningCircle } from '@strapi/icons';
import { useState } from 'react';
import { useT } from '../../utils/useT';

/** "Delete credentials", behind the confirmation the PRD asks for. */
export const DeleteCredentialsButton = ({ onConfirm, disabled }: { onConfirm: () => Promise<void>; disabled?: boolean }) => {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [deleting, setDeleting] = useState(false);

  const confirm = async () => {
    setDeleting(true);
    try {
      await onConfirm();
      setOpen(false);
    } finally {
      setDeleting(false);
    }
  };

  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger>
        <Button variant="danger-light" startIcon={<Trash />} disabled={disabled}>
          {t('credentials.delete', 'Delete credentials')}
        </Button>
      </Dialog.Trigger>
      <Dialog.Content>
        <Dialog.Header>{t('credentials.delete.title', 'Delete EasyCars credentials')}</Dialog.Header>
        <Dialog.Body icon={<WarningCircle fill="danger600" />}>
          {t('credentials.delete.confirm', 'Are you sure? This will stop all EasyCars synchronization.')}
        </Dialog.Body>
        <Dialog.Footer>
          <Dialog.Cancel>
            <Button fullWidth variant="tertiary" disabled={deleting}>
              {t('credentials.delete.cancel', 'Cancel')}
            </Button>
          </Dialog.Cancel>
          <Button
            fullWidth
            variant="danger"
            loading={deleting}
            onClick={(e: React.MouseEvent) => {
              e.preventDefault();
              void confirm();
            }}
          >
            {t('credentials.delete.action', 'Yes, delete')}
          </Button>
        </Dialog.Footer>
      </Dialog.Content>
    </Dialog.Root>
  );
};
