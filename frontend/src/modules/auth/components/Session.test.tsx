import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorAnswer, stubGraphQL, testViewer, viewerAnswer } from '@/test/graphql';
import { renderApp } from '@/test/renderApp';

afterEach(() => {
  vi.unstubAllGlobals();
});

const emptyCustomers = {
  data: {
    customers: {
      totalCount: 0,
      pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
      edges: [],
    },
  },
};

async function openUserMenu() {
  fireEvent.click(await screen.findByTestId('user-menu'));
}

describe('the session', () => {
  it('goes to /login when a page query answers UNAUTHENTICATED (an expired session)', async () => {
    stubGraphQL((body) =>
      body.operationName === 'Viewer'
        ? viewerAnswer(testViewer())
        : errorAnswer('UNAUTHENTICATED', 'sign in first'),
    );
    renderApp('/customers?q=x');
    expect(
      await screen.findByRole('heading', { name: '登录' }, { timeout: 4000 }),
    ).toBeTruthy();
    expect(screen.getByTestId('location').textContent).toBe(
      '/login?redirect=%2Fcustomers%3Fq%3Dx',
    );
  });

  it('shows a failed viewer check with a retry instead of the login page', async () => {
    let fail = true;
    stubGraphQL((body) => {
      if (body.operationName !== 'Viewer') return undefined;
      return fail ? errorAnswer('INTERNAL', 'internal error') : viewerAnswer(testViewer());
    });
    renderApp('/audit');
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('加载失败: 服务器内部错误')).toBeTruthy();
    fail = false;
    fireEvent.click(within(alert).getByRole('button', { name: '重试' }));
    expect(await screen.findByTestId('app-title')).toBeTruthy();
  });

  it('signs out: logout, cache dropped, back to /login without a redirect', async () => {
    let signedIn = true;
    const calls = stubGraphQL((body) => {
      switch (body.operationName) {
        case 'Viewer':
          return viewerAnswer(signedIn ? testViewer() : null);
        case 'Logout':
          signedIn = false;
          return { data: { logout: true } };
        case 'CustomerList':
          return emptyCustomers;
        default:
          return undefined;
      }
    });
    renderApp('/customers');
    expect(await screen.findByText('暂无客户')).toBeTruthy();

    await openUserMenu();
    fireEvent.click(await screen.findByText('退出登录'));

    expect(await screen.findByRole('heading', { name: '登录' })).toBeTruthy();
    expect(screen.getByTestId('location').textContent).toBe('/login');
    const names = calls.map((call) => call.operationName);
    expect(names.slice(names.indexOf('Logout'))).toEqual(['Logout']);
  });

  it('stays signed in and says why when logout fails', async () => {
    stubGraphQL((body) => {
      if (body.operationName === 'Viewer') return viewerAnswer(testViewer());
      if (body.operationName === 'Logout') return errorAnswer('INTERNAL', 'internal error');
      return undefined;
    });
    renderApp('/');
    await openUserMenu();
    fireEvent.click(await screen.findByText('退出登录'));
    expect(await screen.findByText('退出登录失败: 服务器内部错误')).toBeTruthy();
    expect(screen.getByTestId('location').textContent).toBe('/');
  });

  it('changes the password with field checks and the server answer on the right field', async () => {
    const calls = stubGraphQL((body) => {
      if (body.operationName === 'Viewer') return viewerAnswer(testViewer());
      if (body.operationName === 'ChangePassword') {
        const input = body.variables.input as { oldPassword: string };
        return input.oldPassword === 'right-password'
          ? { data: { changePassword: true } }
          : errorAnswer('BAD_USER_INPUT', 'oldPassword: is not the current password', {
              field: 'oldPassword',
            });
      }
      return undefined;
    });
    renderApp('/');
    await openUserMenu();
    fireEvent.click(await screen.findByText('修改密码'));
    const dialog = await screen.findByRole('dialog');
    const save = within(dialog).getByRole('button', { name: '保存' });

    fireEvent.click(save);
    expect(await within(dialog).findByText('请输入当前密码')).toBeTruthy();
    expect(within(dialog).getByText('请输入新密码')).toBeTruthy();
    expect(within(dialog).getByText('请再次输入新密码')).toBeTruthy();

    const field = (label: string) => within(dialog).getByLabelText(label);
    fireEvent.change(field('当前密码'), { target: { value: 'wrong-password' } });
    fireEvent.change(field('新密码'), { target: { value: 'short' } });
    fireEvent.change(field('确认新密码'), { target: { value: 'other' } });
    expect(await within(dialog).findByText('新密码至少 8 个字符')).toBeTruthy();
    expect(await within(dialog).findByText('两次输入的新密码不一致')).toBeTruthy();

    fireEvent.change(field('新密码'), { target: { value: 'a-new-password' } });
    fireEvent.change(field('确认新密码'), { target: { value: 'a-new-password' } });
    fireEvent.click(save);
    expect(await within(dialog).findByText('当前密码不正确')).toBeTruthy();

    fireEvent.change(field('当前密码'), { target: { value: 'right-password' } });
    fireEvent.click(save);
    expect(await screen.findByText('密码已修改')).toBeTruthy();
    expect(calls.filter((call) => call.operationName === 'ChangePassword').at(-1)?.variables).toEqual({
      input: { oldPassword: 'right-password', newPassword: 'a-new-password' },
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('offers no password change to a viewer who may not call it', async () => {
    stubGraphQL((body) =>
      body.operationName === 'Viewer'
        ? viewerAnswer(testViewer({ operations: ['Query.customers'] }))
        : undefined,
    );
    renderApp('/');
    await openUserMenu();
    expect(await screen.findByText('退出登录')).toBeTruthy();
    expect(screen.queryByText('修改密码')).toBeNull();
  });
});
