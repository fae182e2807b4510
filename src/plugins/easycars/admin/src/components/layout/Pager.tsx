import { Button, Flex, Typography } from '@strapi/design-system';
import { useT } from '../../utils/useT';

export interface PagerProps {
  /** The page shown, from 1. */
  page: number;
  pageCount: number;
  onPage: (page: number) => void;
  /** The translated "Page X of Y …" text: each list words it its own way. */
  label: string;
  /** 'S' for the small buttons and text of a modal. */
  size?: 'S' | 'M';
  paddingTop?: number;
}

/** Previous / "Page X of Y" / Next under a list; nothing when the list fits on one page. */
export const Pager = ({ page, pageCount, onPage, label, size = 'M', paddingTop = 4 }: PagerProps) => {
  const t = useT();
  if (pageCount <= 1) return null;
  return (
    <Flex tag="nav" aria-label={t('history.pagination', 'Pages')} gap={2} paddingTop={paddingTop} alignItems="center" justifyContent="flex-end" wrap="wrap">
      <Button variant="tertiary" size={size} disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t('history.previous', 'Previous')}
      </Button>
      <Typography variant={size === 'S' ? 'pi' : 'omega'}>{label}</Typography>
      <Button variant="tertiary" size={size} disabled={page >= pageCount} onClick={() => onPage(page + 1)}>
        {t('history.next', 'Next')}
      </Button>
    </Flex>
  );
};
