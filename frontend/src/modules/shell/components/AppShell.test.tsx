import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LOCALE_STORAGE_KEY } from '@/i18n';
import { stubGraphQL, testViewer, viewerAnswer } from '@/test/graphql';
import { renderApp } from '@/test/renderApp';
import { selectedNavPath, visibleNavItems } from '../utils/nav';

/** Signed in as the given viewer; the pages' own queries never answer (this is about the frame). */
function signedIn(operations?: string[]) {
  return stubGraphQL((body) =>
    body.operationName === 'Viewer'
      ? viewerAnswer(testViewer(operations ? { operations } : {}))
      : undefined,
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('AppShell', () => {
  it('renders in Chinese by default, with the menu, the user and the GraphiQL link', async () => {
    signedIn();
    renderApp('/customers');
    expect((await screen.findByTestId('app-title')).textContent).toBe('c360 客户360');
    expect(screen.getByRole('link', { name: '概览' }).getAttribute('href')).toBe('/');
    expect(screen.getByRole('link', { name: '客户' }).getAttribute('href')).toBe('/customers');
    expect(screen.getByRole('link', { name: '审计日志' }).getAttribute('href')).toBe('/audit');
    expect(screen.getByRole('link', { name: /GraphQL/ }).getAttribute('href')).toBe('/graphiql');
    expect(screen.getByTestId('user-name').textContent).toBe('系统管理员');
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(document.title).toBe('c360 客户360');
  });

  it('switches to English and remembers the choice', async () => {
    signedIn();
    renderApp('/customers');
    fireEvent.click(await screen.findByText('English'));
    expect(screen.getByTestId('app-title').textContent).toBe('c360 Customer 360');
    expect(screen.getByRole('link', { name: 'Customers' })).toBeTruthy();
    expect(window.localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('en-US');
    expect(document.documentElement.lang).toBe('en-US');
  });

  it('starts in the stored language', async () => {
    window.localStorage.setItem(LOCALE_STORAGE_KEY, 'en-US');
    signedIn();
    renderApp('/');
    expect((await screen.findByTestId('app-title')).textContent).toBe('c360 Customer 360');
  });

  it('shows a not-found page inside the frame for unknown routes', async () => {
    signedIn();
    renderApp('/no/such/page');
    expect(await screen.findByText('页面不存在')).toBeTruthy();
    expect(screen.getByTestId('app-title')).toBeTruthy();
  });

  it('hides menu entries and refuses routes whose operation the viewer lacks', async () => {
    signedIn(['Query.customers', 'Query.node', 'Mutation.revealCustomerPII']);
    renderApp('/audit');
    expect(await screen.findByText('你没有权限访问此页面')).toBeTruthy();
    expect(screen.getByRole('link', { name: '客户' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: '审计日志' })).toBeNull();
  });

  it('welcomes a user without customer access instead of an overview it cannot load', async () => {
    const calls = signedIn(['Mutation.changePassword']);
    renderApp('/');
    expect(await screen.findByText('欢迎，系统管理员')).toBeTruthy();
    expect(screen.queryByRole('link', { name: '客户' })).toBeNull();
    expect(screen.queryByRole('link', { name: '概览' })).toBeNull();
    expect(calls.map((call) => call.operationName)).toEqual(['Viewer']);
  });
});

describe('selectedNavPath', () => {
  it('selects the section a path is in, and the overview only for /', () => {
    expect(selectedNavPath('/')).toBe('/');
    expect(selectedNavPath('/customers')).toBe('/customers');
    expect(selectedNavPath('/customers/42')).toBe('/customers');
    expect(selectedNavPath('/customersx')).toBeUndefined();
    expect(selectedNavPath('/audit')).toBe('/audit');
    expect(selectedNavPath('/other')).toBeUndefined();
  });
});

describe('visibleNavItems', () => {
  it('keeps the entries whose operation the viewer may call', () => {
    const paths = (ops: string[]) =>
      visibleNavItems((operation) => ops.includes(operation)).map((item) => item.path);
    expect(paths(['Query.customers', 'Query.auditLogs'])).toEqual(['/', '/customers', '/audit']);
    expect(paths(['Query.customers'])).toEqual(['/', '/customers']);
    expect(paths([])).toEqual([]);
  });
});
