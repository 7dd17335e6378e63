import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubGraphQL, testViewer, viewerAnswer } from '@/test/graphql';
import { renderApp } from '@/test/renderApp';

afterEach(() => {
  vi.unstubAllGlobals();
});

function auditRow(n: number, extra: Record<string, unknown> = {}) {
  return {
    id: `a-${n}`,
    createdAt: '2026-01-02T03:04:05Z',
    actorType: 'USER',
    actorName: 'am1',
    action: 'reveal_pii',
    entityType: 'Customer',
    entityID: 42,
    changes: { fields: ['idNumber', 'mobile'] },
    reason: '客户来电核实身份',
    requestID: `req-${n}`,
    clientIP: '127.0.0.1',
    ...extra,
  };
}

function auditServer() {
  return stubGraphQL((body) => {
    if (body.operationName === 'Viewer') return viewerAnswer(testViewer());
    if (body.operationName !== 'AuditLogList') return undefined;
    const nodes = body.variables.after
      ? [auditRow(3, { action: 'login', entityType: 'User', entityID: 1, reason: null, changes: null })]
      : [auditRow(1), auditRow(2, { action: 'custom_thing' })];
    return {
      data: {
        auditLogs: {
          totalCount: 3,
          pageInfo: {
            hasNextPage: !body.variables.after,
            hasPreviousPage: Boolean(body.variables.after),
            startCursor: 'start',
            endCursor: 'end-1',
          },
          edges: nodes.map((node) => ({ node })),
        },
      },
    };
  });
}

describe('AuditLogList', () => {
  it('lists the trail newest first with translated actions', async () => {
    const calls = auditServer();
    renderApp('/audit');
    expect((await screen.findAllByText('查看敏感信息')).length).toBeGreaterThan(0);
    expect(screen.getByText('custom_thing')).toBeTruthy();
    expect(screen.getAllByText('客户来电核实身份')).toHaveLength(2);
    expect(screen.getByTestId('pager-status').textContent).toBe('第 1 页 · 共 3 条');
    const call = calls.find((c) => c.operationName === 'AuditLogList');
    expect(call?.variables).toEqual({ first: 20 });
    expect(call?.query).toContain('orderBy: {field: CREATED_AT, direction: DESC}');
  });

  it('filters by action and entity type from the URL and pages on', async () => {
    const calls = auditServer();
    renderApp('/audit?action=login&entity=User');
    await screen.findAllByText('查看敏感信息');
    expect(calls.find((c) => c.operationName === 'AuditLogList')?.variables).toEqual({
      first: 20,
      where: { action: 'login', entityType: 'User' },
    });

    fireEvent.click(screen.getByRole('button', { name: '下一页' }));
    expect(await screen.findByText('登录')).toBeTruthy();
    expect(screen.getByTestId('location').textContent).toBe(
      '/audit?action=login&entity=User&after=end-1&page=2',
    );
  });

  it('expands a row to its recorded changes', async () => {
    auditServer();
    renderApp('/audit');
    await screen.findAllByText('查看敏感信息');
    const [firstRow] = screen.getAllByRole('row').slice(1);
    fireEvent.click(within(firstRow).getByRole('button', { name: '展开行' }));
    expect(await screen.findByText(/"idNumber"/)).toBeTruthy();
    expect(screen.getByText('客户端地址: 127.0.0.1')).toBeTruthy();
  });
});
