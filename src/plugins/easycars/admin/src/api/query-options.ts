/**
 * Options shared by the plugin's queries. Strapi's admin QueryClient (reused, not replaced) retries
 * three times and never refetches on focus; the plugin's pages want neither by default.
 */

/** A failed request shows its message at once (a 403 does not get better on retry); polling tries again anyway. */
export const NO_RETRY = { retry: false } as const;

/**
 * Poll every `ms` while the tab is visible, and once as soon as it is visible again
 * (react-query's focus manager follows document.visibilityState).
 */
export const pollWhileVisible = <T>(ms: number | ((data: T | undefined) => number | false)) => ({
  ...NO_RETRY,
  refetchInterval: ms,
  refetchIntervalInBackground: false,
  refetchOnWindowFocus: true,
});
