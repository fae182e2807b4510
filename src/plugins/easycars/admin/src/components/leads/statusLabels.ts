/** Local lead status names → what admins read. */
export const STATUS_LABEL: Record<string, string> = {
  new: 'New',
  in_progress: 'In progress',
  won: 'Won',
  lost: 'Lost',
  deleted: 'Deleted',
};
export const statusLabel = (value: string | null | undefined) => (value ? STATUS_LABEL[value] ?? value : '—');
export const when = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleString() : '—');
