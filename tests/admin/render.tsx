/**
 * One render harness for the admin component tests: what the Strapi admin puts around a plugin page
 * (router, intl, design system, and the react-query client Strapi's own admin provides), and the
 * plugin's page mount (plugins/easycars/*, the DealershipProvider, the page at its route).
 */
import { DesignSystemProvider } from '@strapi/design-system';
import { render } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { IntlProvider } from 'react-intl';
import { QueryClient, QueryClientProvider, setLogger } from 'react-query';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import type { DealershipItem } from '../../src/plugins/easycars/admin/src/api/dealerships';
import { DealershipProvider } from '../../src/plugins/easycars/admin/src/context/DealershipContext';

// Failed requests are part of the tests (error states): react-query need not log each one.
setLogger({ log: () => undefined, warn: () => undefined, error: () => undefined });

/** A fresh cache per render: no answer leaks from one test to the next, and a failed request fails at once. */
export const testQueryClient = () =>
  new QueryClient({ defaultOptions: { queries: { retry: false, cacheTime: Infinity }, mutations: { retry: false } } });

export function renderAdmin(ui: ReactNode, route = '/plugins/easycars/leads?dealership=dealer-a', queryClient = testQueryClient()) {
  return render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter initialEntries={[route]} future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
        <IntlProvider locale="en" messages={{}}>
          <DesignSystemProvider>{ui}</DesignSystemProvider>
        </IntlProvider>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

/**
 * Mounts a plugin page like the admin does: the plugin at plugins/easycars/*, the page at its route
 * (`path`), opened at `search` (the selected dealership and any filters). `beside` renders next to the page.
 */
export function renderPluginPage(
  path: string,
  page: ReactElement,
  { dealerships, search = '?dealership=dealer-a', beside }: { dealerships: Array<Partial<DealershipItem>>; search?: string; beside?: ReactNode },
) {
  return renderAdmin(
    <Routes>
      <Route
        path="/plugins/easycars/*"
        element={
          <DealershipProvider dealerships={dealerships as DealershipItem[]}>
            {beside}
            <Routes>
              <Route path={path} element={page} />
            </Routes>
          </DealershipProvider>
        }
      />
    </Routes>,
    `/plugins/easycars/${path}${search}`,
  );
}
