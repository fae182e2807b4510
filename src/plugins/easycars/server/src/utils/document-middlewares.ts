/**
 * Which Document Service middlewares are registered, and by whom, so the stock sync's bulk create
 * (which writes below the Document Service, stock/bulk-create.ts) is used only when it would skip
 * none that does something for a vehicle create (a search indexer, for example).
 *
 * Strapi 5.54 keeps the list in a closure (createMiddlewareManager) and exposes only `use`. So the
 * plugin's register() replaces `strapi.documents.use` with a recording one before anything else
 * it does; what plugins whose register() ran earlier had already registered is read back once,
 * there, through the remover that `use` returns (readEarlier). If that cannot be done, every
 * earlier registration counts as unknown and the bulk create is not used.
 */
import type { Core } from '@strapi/strapi';

type Middleware = (ctx: any, next: () => Promise<unknown>) => unknown;
type Use = (fn: Middleware) => () => unknown;

interface Entry {
  fn: Middleware;
  registeredBy: string;
}

interface Registry {
  entries: Entry[];
  /** Why the middlewares registered before the plugin could not be read. */
  unreadable?: string;
}

const registries = new WeakMap<object, Registry>();

/** The plugin's own middlewares that do nothing for a stock sync's vehicle creates. */
const skippable = new WeakSet<Middleware>();

/**
 * Strapi's own middlewares known to do nothing for what the bulk create writes (a published,
 * non-localized vehicle), by the file that registers them.
 */
const STRAPI_SKIPPABLE = [
  // Only acts on localized content types, which the bulk create never handles. (server/src/*.ts
  // is the same file seen through its source map.)
  /[\\/]@strapi[\\/]i18n[\\/](dist[\\/]server|server[\\/]src)[\\/]bootstrap\.(js|mjs|ts)$/,
];

const DATABASE_ERRORS = 'databaseErrorsMiddleware';

/** Marks one of this plugin's middlewares as doing nothing for the sync's vehicle creates; call it before documents.use. */
export function skippableByBulkCreate<T extends Middleware>(fn: T): T {
  skippable.add(fn);
  return fn;
}

/** First thing in register(): from now on every `strapi.documents.use` is recorded with who called it. */
export function trackDocumentMiddlewares(strapi: Core.Strapi): void {
  const documents = strapi.documents as unknown as { use: Use };
  if (registries.has(documents)) return;
  const original: Use = documents.use;
  const registry: Registry = { entries: [] };
  const earlier = readEarlier(original);
  if ('unreadable' in earlier) registry.unreadable = earlier.unreadable;
  else registry.entries.push(...earlier.fns.map((fn) => ({ fn, registeredBy: 'before the EasyCars plugin loaded' })));
  registries.set(documents, registry);

  const root = strapi.dirs?.app?.root ?? process.cwd();
  documents.use = (fn: Middleware) => {
    const entry: Entry = { fn, registeredBy: `at ${callerOf(root)}` };
    registry.entries.push(entry);
    const remove = original(fn);
    let removed = false;
    return () => {
      // Strapi's remover, called twice, would take out the last middleware, whoever's it is.
      if (removed) return [];
      removed = true;
      registry.entries.splice(registry.entries.indexOf(entry), 1);
      return remove();
    };
  };
}

/**
 * The registered middlewares the bulk create would skip and cannot vouch for, described for the
 * sync log; empty when skipping them all changes nothing.
 */
export function middlewaresBulkCreateWouldSkip(strapi: Core.Strapi): string[] {
  const registry = registries.get(strapi.documents as unknown as object);
  if (!registry) return ['the EasyCars plugin could not track the Document Service middlewares'];
  const unknown = registry.entries
    .filter((e, i) => !isSkippable(e, i))
    .map((e) => `${e.fn.name || 'an anonymous middleware'} (registered ${e.registeredBy})`);
  return registry.unreadable ? [registry.unreadable, ...unknown] : unknown;
}

function isSkippable(entry: Entry, index: number): boolean {
  if (skippable.has(entry.fn)) return true;
  // Strapi's first one turns database errors into validation errors; a failed bulk batch is
  // replayed through the Document Service anyway.
  if (index === 0 && entry.fn.name === DATABASE_ERRORS) return true;
  const file = /^at (.*):\d+:\d+$/.exec(entry.registeredBy)?.[1];
  return Boolean(file && STRAPI_SKIPPABLE.some((re) => re.test(file)));
}

/**
 * The middlewares registered so far, oldest first, left in place. use()'s remover does
 * `list.splice(list.indexOf(fn), 1)`: once its middleware is gone, indexOf is -1 and each further
 * call takes the last entry and returns it. They are all taken, then pushed back in the same
 * order, synchronously, so no document action runs in between. Strapi's own first middleware
 * must come out last: if it does not, this Strapi works differently and nothing is assumed.
 */
function readEarlier(use: Use): { fns: Middleware[] } | { unreadable: string } {
  const probe: Middleware = (_ctx, next) => next();
  const remove = use(probe);
  const taken: Middleware[] = [];
  for (;;) {
    const out = remove();
    if (!Array.isArray(out) || out.length === 0 || typeof out[0] !== 'function') break;
    taken.push(out[0]);
  }
  const earlier = taken.filter((fn) => fn !== probe).reverse();
  for (const fn of earlier) use(fn);
  if (taken[0] !== probe || earlier[0]?.name !== DATABASE_ERRORS) {
    return { unreadable: 'the Document Service middlewares registered before the EasyCars plugin could not be read (a Strapi version this plugin does not know)' };
  }
  return { fns: earlier };
}

/** "path:line:col" of the code that called documents.use, relative to the app. */
function callerOf(root: string): string {
  // Frames: Error, callerOf, the recording use, its caller.
  const frame = (new Error().stack ?? '').split('\n')[3] ?? '';
  const location = /\((.*:\d+:\d+)\)\s*$/.exec(frame)?.[1] ?? /at (.*:\d+:\d+)\s*$/.exec(frame)?.[1] ?? 'an unknown place';
  return location.startsWith(root) ? location.slice(root.length + 1) : location;
}
