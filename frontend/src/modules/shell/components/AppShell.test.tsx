import { QueryClient } from '@tanstack/react-query';
import { fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppProviders } from '@/AppProviders';
import { AppRoutes } from '@/AppRoutes';
import { LOCALE_STORAGE_KEY } from '@/i18n';
import { selectedNavPath } from '../utils/nav';

function renderApp(url: string) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <AppProviders queryClient={queryClient}>
      <MemoryRouter initialEntries={[url]}>
        <AppRoutes />
      </MemoryRouter>
    </AppProviders>,
  );
}

beforeEach(() => {
  // The pages' queries never answer: these tests are about the frame around them.
  vi.stubGlobal('fetch', vi.fn(() => new Promise<Response>(() => {})));
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('AppShell', () => {
  it('renders in Chinese by default, with the menu and the GraphiQL link', () => {
    renderApp('/customers');
    expect(screen.getByTestId('app-title').textContent).toBe('c360 客户360');
    expect(screen.getByRole('link', { name: '概览' }).getAttribute('href')).toBe('/');
    expect(screen.getByRole('link', { name: '客户' }).getAttribute('href')).toBe('/customers');
    expect(screen.getByRole('link', { name: /GraphQL/ }).getAttribute('href')).toBe('/graphiql');
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(document.title).toBe('c360 客户360');
  });

  it('switches to English and remembers the choice', () => {
    renderApp('/customers');
    fireEvent.click(screen.getByText('English'));
    expect(screen.getByTestId('app-title').textContent).toBe('c360 Customer 360');
    expect(screen.getByRole('link', { name: 'Customers' })).toBeTruthy();
    expect(window.localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('en-US');
    expect(document.documentElement.lang).toBe('en-US');
  });

  it('starts in the stored language', () => {
    window.localStorage.setItem(LOCALE_STORAGE_KEY, 'en-US');
    renderApp('/');
    expect(screen.getByTestId('app-title').textContent).toBe('c360 Customer 360');
  });

  it('shows a not-found page inside the frame for unknown routes', () => {
    renderApp('/no/such/page');
    expect(screen.getByText('页面不存在')).toBeTruthy();
    expect(screen.getByTestId('app-title')).toBeTruthy();
  });
});

describe('selectedNavPath', () => {
  it('selects the section a path is in, and the overview only for /', () => {
    expect(selectedNavPath('/')).toBe('/');
    expect(selectedNavPath('/customers')).toBe('/customers');
    expect(selectedNavPath('/customers/42')).toBe('/customers');
    expect(selectedNavPath('/customersx')).toBeUndefined();
    expect(selectedNavPath('/other')).toBeUndefined();
  });
});
