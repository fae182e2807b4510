/** Formats an instant as Sydney wall time "dd/MM/yyyy HH:mm:ss". */
const FMT = new Intl.DateTimeFormat('en-AU', {
  timeZone: 'Australia/Sydney', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
});
export function sydneyNow(date: Date): string {
  const p: Record<string, string> = {};
  for (const part of FMT.formatToParts(date)) p[part.type] = part.value;
  return `${p.day}/${p.month}/${p.year} ${String(Number(p.hour) % 24).padStart(2, '0')}:${p.minute}:${p.second}`;
}
