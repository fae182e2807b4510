/**
 * Shallow copies of the rows the bulk create handles. Strapi's validator (yup) and the field map
 * build these objects property by property under computed names, which leaves them in V8's
 * dictionary mode; `{ ...row }` of such an object costs several times more than copying it key by
 * key (docs/performance.md, "Where the initial sync's time goes"). Same keys, same order.
 */
export function copyRow(source: Record<string, unknown>, changes: Record<string, unknown> = {}, omit?: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(source)) if (key !== omit) out[key] = source[key];
  for (const key of Object.keys(changes)) out[key] = changes[key];
  return out;
}
