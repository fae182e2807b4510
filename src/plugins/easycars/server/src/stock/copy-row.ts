/**
 * Shallow copies of the rows the bulk create handles. Strapi's validator (yup) and the field map
 * build these objects property by property under computed names, which leaves them in V8's
 * dictionary mode, and so does any copy built key by key: `{ ...row }` of a validated vehicle took
 * ~0.2 ms. Cloning a template that already has the row's keys (a fast, hidden-class object) and
 * overwriting its values takes a few microseconds (docs/performance.md, "Where the initial sync's
 * time goes"). Same keys, same order, same values as an object spread.
 */
type Row = Record<string, unknown>;

const templates = new Map<number, { keys: string[]; template: Row }>();

/** A fast object with these keys (all null), made once per key list. */
function templateFor(keys: string[]): Row {
  const known = templates.get(keys.length);
  if (known && known.keys.every((key, i) => key === keys[i])) return known.template;
  // JSON.parse gives the object a hidden class whatever the number of keys; Object.fromEntries does not.
  const template = JSON.parse(JSON.stringify(Object.fromEntries(keys.map((key) => [key, null])))) as Row;
  templates.set(keys.length, { keys, template });
  return template;
}

export function copyRow(source: Row, changes: Row = {}, omit?: string): Row {
  const keys = omit === undefined ? Object.keys(source) : Object.keys(source).filter((key) => key !== omit);
  const out: Row = { ...templateFor(keys) };
  for (const key of keys) out[key] = source[key];
  for (const key of Object.keys(changes)) out[key] = changes[key];
  return out;
}
