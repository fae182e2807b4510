/** A time in a dealership's own timezone, with the zone written out: "28 Nov 2026, 2:00 am AEDT". */
export function formatInZone(iso: string | null | undefined, timeZone: string, locale = 'en-AU'): string {
  if (!iso) return '—';
  try {
    return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', hour: 'numeric', minute: '2-digit', timeZone, timeZoneName: 'short' }).format(new Date(iso));
  } catch {
    return new Date(iso).toISOString();
  }
}

/** "3 h ago", "2 days ago". */
export function sinceText(iso: string | null | undefined, now = Date.now()): string {
  if (!iso) return '—';
  const minutes = Math.max(0, Math.round((now - new Date(iso).getTime()) / 60_000));
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.round(hours / 24)} days ago`;
}
