import { expect, type Page } from '@playwright/test';

/** The password `c360 seed` gives every demo user (admin, manager, am1, agent1, …). */
export const DEMO_PASSWORD = process.env.E2E_PASSWORD ?? 'c360-demo-2026';

/** Fills and sends the sign-in form on the page as it is (Chinese labels). */
export async function submitLogin(page: Page, username: string, password: string) {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByTestId('login-submit').click();
}

/** Signs in through /login and waits for the app frame. */
export async function signIn(page: Page, username = 'admin', password = DEMO_PASSWORD) {
  await page.goto('/login');
  await expect(page.getByRole('heading', { name: '登录' })).toBeVisible();
  await submitLogin(page, username, password);
  await expect(page.getByTestId('app-title')).toBeVisible();
  await expect(page).not.toHaveURL(/\/login/);
}

/** Signs out through the user menu and waits for /login. */
export async function signOut(page: Page) {
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('heading', { name: '登录' })).toBeVisible();
}
