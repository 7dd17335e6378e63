import { QueryClient } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppProviders } from '@/AppProviders';
import type { Locale } from '@/i18n';
import { ViewerProvider } from '@/modules/auth';
import { testViewer } from '@/test/graphql';
import { CustomerList } from './CustomerList';

interface Row {
  id: string;
  code: string;
  name: string;
  type: 'PUBLIC' | 'BUSINESS' | 'GOV_ENTERPRISE';
  mobile: string | null;
  city: string | null;
  status: 'ACTIVE' | 'DORMANT' | 'CHURNED' | 'MERGED';
  createdAt: string;
}

function row(n: number, extra: Partial<Row> = {}): Row {
  return {
    id: String(n),
    code: `C${String(n).padStart(8, '0')}`,
    name: `客户${n}`,
    type: 'PUBLIC',
    mobile: '138****0000',
    city: '杭州',
    status: 'ACTIVE',
    createdAt: '2025-01-02T03:04:05Z',
    ...extra,
  };
}

function page(rows: Row[], totalCount: number, hasNextPage: boolean) {
  return {
    data: {
      customers: {
        totalCount,
        pageInfo: {
          hasNextPage,
          hasPreviousPage: false,
          startCursor: rows.length ? `cursor-${rows[0].id}` : null,
          endCursor: rows.length ? `cursor-${rows[rows.length - 1].id}` : null,
        },
        edges: rows.map((node) => ({ node })),
      },
    },
  };
}

type Body = { query: string; variables: Record<string, unknown>; operationName: string };

function stubServer(answer: (body: Body) => unknown) {
  const calls: Body[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init: RequestInit) => {
      const body = JSON.parse(init.body as string) as Body;
      calls.push(body);
      return new Response(JSON.stringify(answer(body)), {
        headers: { 'Content-Type': 'application/json' },
      });
    }),
  );
  return calls;
}

function LocationProbe() {
  return <output data-testid="location">{useLocation().search}</output>;
}

function renderList(
  url = '/customers',
  locale: Locale = 'zh-CN',
  operations = ['Query.customers', 'Query.node'],
) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <AppProviders queryClient={queryClient} initialLocale={locale}>
      <ViewerProvider viewer={testViewer({ operations })}>
        <MemoryRouter initialEntries={[url]}>
          <Routes>
            <Route
              path="/customers"
              element={
                <>
                  <CustomerList />
                  <LocationProbe />
                </>
              }
            />
          </Routes>
        </MemoryRouter>
      </ViewerProvider>
    </AppProviders>,
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('CustomerList', () => {
  it('shows a page of customers with translated enums, newest first, 20 a page', async () => {
    const calls = stubServer(() =>
      page([row(1), row(2, { type: 'GOV_ENTERPRISE', status: 'DORMANT', city: null })], 45, true),
    );
    renderList();

    expect(await screen.findByText('客户1')).toBeTruthy();
    expect(screen.getByText('C00000002')).toBeTruthy();
    expect(screen.getByText('政企')).toBeTruthy();
    expect(screen.getByText('沉默')).toBeTruthy();
    expect(screen.getByTestId('pager-status').textContent).toBe('第 1 页 · 共 45 条');

    expect(calls[0].operationName).toBe('CustomerList');
    expect(calls[0].variables).toEqual({ first: 20 });
    expect(calls[0].query).toContain('orderBy: [{field: CREATED_AT, direction: DESC}]');
  });

  it('pages forward with the end cursor and keeps the page in the URL', async () => {
    const calls = stubServer((body) =>
      body.variables.after ? page([row(21)], 45, false) : page([row(1), row(2)], 45, true),
    );
    renderList();
    await screen.findByText('客户1');

    fireEvent.click(screen.getByRole('button', { name: '下一页' }));

    expect(await screen.findByText('客户21')).toBeTruthy();
    expect(calls.at(-1)?.variables).toEqual({ first: 20, after: 'cursor-2' });
    expect(screen.getByTestId('location').textContent).toBe('?after=cursor-2&page=2');
    expect(screen.getByTestId('pager-status').textContent).toBe('第 2 页 · 共 45 条');
    expect(
      (screen.getByRole('button', { name: '下一页' }) as HTMLButtonElement).disabled,
    ).toBe(true);
  });

  it('searches by name from the URL', async () => {
    const calls = stubServer(() => page([], 0, false));
    renderList('/customers?q=%E5%BC%A0');

    expect(await screen.findByText('没有名称包含“张”的客户')).toBeTruthy();
    expect(calls[0].variables).toEqual({ first: 20, where: { nameContains: '张' } });
  });

  it('shows the empty state', async () => {
    stubServer(() => page([], 0, false));
    renderList();
    expect(await screen.findByText('暂无客户')).toBeTruthy();
  });

  it('shows a server error in place with its message and code', async () => {
    stubServer(() => ({
      errors: [{ message: '无权查看客户', path: ['customers'], extensions: { code: 'FORBIDDEN' } }],
      data: null,
    }));
    renderList();

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('加载失败: 没有权限')).toBeTruthy();
    expect(within(alert).getByText('无权查看客户')).toBeTruthy();
    expect(within(alert).getByText('FORBIDDEN')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('links names to the detail page only for viewers who may load it (Query.node)', async () => {
    stubServer(() => page([row(7)], 1, false));
    renderList();
    const link = await screen.findByRole('link', { name: '客户7' });
    expect(link.getAttribute('href')).toBe('/customers/7');
    // Masked numbers are shown as the server sent them.
    expect(screen.getByTestId('customer-row-mobile').textContent).toBe('138****0000');
  });

  it('shows names as plain text without Query.node', async () => {
    stubServer(() => page([row(7)], 1, false));
    renderList('/customers', 'zh-CN', ['Query.customers']);
    expect(await screen.findByText('客户7')).toBeTruthy();
    expect(screen.queryByRole('link', { name: '客户7' })).toBeNull();
  });

  it('renders in English', async () => {
    stubServer(() => page([row(1, { type: 'BUSINESS' })], 1, false));
    renderList('/customers', 'en-US');
    expect(await screen.findByText('Business')).toBeTruthy();
    expect(screen.getByRole('columnheader', { name: 'Mobile' })).toBeTruthy();
    await waitFor(() =>
      expect(screen.getByTestId('pager-status').textContent).toBe('Page 1 · 1 in total'),
    );
  });
});
