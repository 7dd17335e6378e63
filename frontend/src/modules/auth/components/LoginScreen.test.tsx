import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  errorAnswer,
  stubGraphQL,
  testViewer,
  viewerAnswer,
  type GraphQLBody,
} from '@/test/graphql';
import { renderApp } from '@/test/renderApp';

afterEach(() => {
  vi.unstubAllGlobals();
});

/** A server where nobody is signed in until `login` succeeds with the demo password. */
function loginServer(onLogin: (body: GraphQLBody) => unknown = defaultLogin) {
  let signedIn = false;
  const calls = stubGraphQL((body) => {
    switch (body.operationName) {
      case 'Viewer':
        return viewerAnswer(signedIn ? testViewer() : null);
      case 'Login': {
        const answer = onLogin(body);
        if (answer && typeof answer === 'object' && 'data' in answer) signedIn = true;
        return answer;
      }
      default:
        return undefined;
    }
  });
  return calls;
}

function defaultLogin(body: GraphQLBody) {
  const input = body.variables.input as { username: string; password: string };
  return input.password === 'c360-demo-2026'
    ? {
        data: {
          login: {
            expiresAt: '2030-01-01T00:00:00Z',
            user: { id: 'user-1', username: input.username, displayName: '系统管理员', roles: ['admin'] },
          },
        },
      }
    : errorAnswer('UNAUTHENTICATED', 'wrong username or password');
}

function fill(username: string, password: string, labels = ['用户名', '密码']) {
  fireEvent.change(screen.getByLabelText(labels[0]), { target: { value: username } });
  fireEvent.change(screen.getByLabelText(labels[1]), { target: { value: password } });
}

const submitButton = () => screen.getByTestId('login-submit') as HTMLButtonElement;

describe('sign-in', () => {
  it('sends a visitor who is not signed in to /login, remembering the page', async () => {
    loginServer();
    renderApp('/customers?q=%E5%BC%A0');
    expect(await screen.findByRole('heading', { name: '登录' })).toBeTruthy();
    // The search stays percent-encoded inside the parameter: back to exactly this URL.
    expect(screen.getByTestId('location').textContent).toBe(
      '/login?redirect=%2Fcustomers%3Fq%3D%25E5%25BC%25A0',
    );
    expect(document.title).toBe('登录 · c360 客户360');
  });

  it('shows field messages and sends nothing while a field is empty', async () => {
    const calls = loginServer();
    renderApp('/login');
    await screen.findByRole('heading', { name: '登录' });
    fireEvent.click(submitButton());
    expect(await screen.findByText('请输入用户名')).toBeTruthy();
    expect(screen.getByText('请输入密码')).toBeTruthy();
    fill('   ', 'x');
    fireEvent.click(submitButton());
    expect(await screen.findByText('请输入用户名')).toBeTruthy();
    expect(calls.filter((call) => call.operationName === 'Login')).toHaveLength(0);
  });

  it("shows the server's wrong-password answer and clears the password", async () => {
    loginServer();
    renderApp('/login');
    await screen.findByRole('heading', { name: '登录' });
    fill('admin', 'nope');
    fireEvent.click(submitButton());
    const error = await screen.findByTestId('login-error');
    expect(within(error).getByText('用户名或密码错误，请重新输入')).toBeTruthy();
    expect((screen.getByLabelText('密码') as HTMLInputElement).value).toBe('');
    expect(screen.getByTestId('location').textContent).toBe('/login');
  });

  it('shows a lock with the time to wait, and keeps the button off until then', async () => {
    loginServer(() =>
      errorAnswer('TOO_MANY_REQUESTS', 'too many failed sign-ins; try again later', {
        retryAfterSeconds: 245,
      }),
    );
    renderApp('/login');
    await screen.findByRole('heading', { name: '登录' });
    fill('admin', 'nope');
    fireEvent.click(submitButton());
    const error = await screen.findByTestId('login-error');
    expect(within(error).getByText('登录失败次数过多，已暂时锁定')).toBeTruthy();
    expect(within(error).getByText(/^请在 4 分 0[45] 秒 后重试$/)).toBeTruthy();
    expect(submitButton().disabled).toBe(true);
  });

  it('counts the lock down and frees the form when it ends', async () => {
    loginServer(() => errorAnswer('TOO_MANY_REQUESTS', 'locked', { retryAfterSeconds: 2 }));
    renderApp('/login', 'en-US');
    await screen.findByRole('heading', { name: 'Sign in' });
    fill('admin', 'nope', ['Username', 'Password']);
    fireEvent.click(submitButton());
    expect(await screen.findByText(/^Try again in [12] s$/)).toBeTruthy();
    await waitFor(() => expect(screen.queryByTestId('login-error')).toBeNull(), { timeout: 4000 });
    expect(submitButton().disabled).toBe(false);
  });

  it('signs in and goes back to the page the user came from', async () => {
    const calls = loginServer();
    renderApp('/login?redirect=%2Fno%2Fsuch%3Fx%3D1');
    await screen.findByRole('heading', { name: '登录' });
    fill(' admin ', 'c360-demo-2026');
    fireEvent.click(submitButton());
    expect(await screen.findByTestId('app-title')).toBeTruthy();
    expect(screen.getByTestId('location').textContent).toBe('/no/such?x=1');
    expect(screen.getByTestId('user-name').textContent).toBe('系统管理员');
    const login = calls.find((call) => call.operationName === 'Login');
    expect(login?.variables).toEqual({ input: { username: 'admin', password: 'c360-demo-2026' } });
    expect(login?.query).not.toContain('token');
  });

  it('skips the form when already signed in', async () => {
    stubGraphQL((body) => (body.operationName === 'Viewer' ? viewerAnswer(testViewer()) : undefined));
    renderApp('/login?redirect=%2Faudit');
    await screen.findByTestId('app-title');
    expect(screen.getByTestId('location').textContent).toBe('/audit');
  });

  it('renders in English', async () => {
    loginServer();
    renderApp('/login', 'en-US');
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeTruthy();
    fireEvent.click(submitButton());
    expect(await screen.findByText('Enter your username')).toBeTruthy();
  });
});
