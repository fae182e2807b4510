/**
 * Shared doubles for the lead admin component tests: a fetch client that answers like the
 * /easycars/leads/* admin API and records every call, and a stand-in for '@strapi/strapi/admin'
 * (the real module is the whole admin app). Each test file mocks the module with:
 *   jest.mock('@strapi/strapi/admin', () => require('./leads-fakes').strapiAdminDouble);
 */

type Answer = unknown | ((body?: any) => unknown);
export interface FakeApi {
  get: jest.Mock;
  post: jest.Mock;
  put: jest.Mock;
  del: jest.Mock;
  /** What each URL answers (an Error — or a function that throws — makes the call fail). */
  answers: Record<string, Answer>;
}

/** An error shaped like the admin fetch client's FetchError (Strapi's error body under response.data). */
export function fetchError(status: number, message: string, details: Record<string, unknown> = {}) {
  return Object.assign(new Error(message), { status, response: { status, data: { data: null, error: { status, name: 'Error', message, details } } } });
}

/** What every test's server answers unless it says otherwise: this host app's content types. */
export const DEFAULT_ANSWERS: Record<string, Answer> = {
  'GET /easycars/setup/content-types': { data: { dealership: 'api::dealership.dealership', vehicle: 'api::vehicle.vehicle', lead: 'api::lead.lead' } },
};

/**
 * FAKE_JITTER=N makes every answer wait 0..N ms, so answers arrive in a different order on each
 * run: a way to find tests that rely on one request answering before another. Not while a test
 * fakes timers (its waits do not pass real time).
 */
const realSetTimeout = globalThis.setTimeout;
const timersAreFake = () => 'clock' in globalThis.setTimeout;
const jitter = () =>
  process.env.FAKE_JITTER && !timersAreFake() ? new Promise((resolve) => realSetTimeout(resolve, Math.random() * Number(process.env.FAKE_JITTER))) : undefined;

const answer = async (api: FakeApi, method: string, url: string, body?: unknown) => {
  const key = `${method} ${url}`;
  const found = api.answers[key] ?? api.answers[url] ?? DEFAULT_ANSWERS[key];
  if (found === undefined) throw new Error(`No fake answer for ${key}`);
  const value = typeof found === 'function' ? await (found as (b?: unknown) => unknown)(body) : found;
  await jitter();
  if (value instanceof Error) throw value;
  return { data: value };
};

export const api: FakeApi = {
  answers: {},
  // A GET answer given as a function receives the request config ({ params }).
  get: jest.fn((url: string, config?: unknown) => answer(api, 'GET', url, config)),
  post: jest.fn((url: string, body?: unknown) => answer(api, 'POST', url, body)),
  put: jest.fn((url: string, body?: unknown) => answer(api, 'PUT', url, body)),
  del: jest.fn((url: string) => answer(api, 'DELETE', url)),
};
export const toggleNotification = jest.fn();
/** The current user's plugin actions (all of them unless a test narrows it). */
export const rbac = { allowed: null as Set<string> | null };

/** Like Strapi's useRBAC: one `can<LastSegment>` per action (credentials.manage → canManage). */
function useRBAC(permissions: Array<{ action: string }>) {
  const allowedActions: Record<string, boolean> = {};
  for (const { action } of permissions) {
    const last = action.split('.').pop() ?? action;
    allowedActions[`can${last.charAt(0).toUpperCase()}${last.slice(1)}`] = !rbac.allowed || rbac.allowed.has(action);
  }
  return { allowedActions, isLoading: false };
}

export function resetFakes(answers: Record<string, Answer> = {}) {
  api.answers = answers;
  rbac.allowed = null;
  for (const fn of [api.get, api.post, api.put, api.del, toggleNotification]) fn.mockClear();
}

export const strapiAdminDouble = {
  useFetchClient: () => api,
  getFetchClient: () => api,
  useNotification: () => ({ toggleNotification }),
  useRBAC,
  Page: {
    Loading: () => <p>Loading page</p>,
    Error: ({ content }: { content?: string }) => <p role="alert">{content}</p>,
  },
};

// jsdom lacks what Radix (under the design system) measures with.
export function polyfillDom() {
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
  Element.prototype.hasPointerCapture ??= () => false;
  Element.prototype.scrollIntoView ??= () => undefined;
  globalThis.IntersectionObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
    takeRecords() {
      return [];
    }
  } as unknown as typeof IntersectionObserver;
}
