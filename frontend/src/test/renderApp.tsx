import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { MemoryRouter, useLocation } from 'react-router';
import { AppProviders } from '@/AppProviders';
import { AppRoutes } from '@/AppRoutes';
import type { Locale } from '@/i18n';

/** Shows the router's current location (path + search) for assertions. */
export function LocationProbe() {
  const { pathname, search } = useLocation();
  return <output data-testid="location">{pathname + search}</output>;
}

/** The whole app (routes, guard, shell) at a URL, with a fresh cache that does not retry. */
export function renderApp(url: string, locale?: Locale) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const view = render(
    <AppProviders queryClient={queryClient} initialLocale={locale}>
      <MemoryRouter initialEntries={[url]}>
        <AppRoutes />
        <LocationProbe />
      </MemoryRouter>
    </AppProviders>,
  );
  return { ...view, queryClient };
}
