import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { DEMO_PASSWORD, signIn, signOut, submitLogin } from './auth';
import { OUTPUT_DIR } from './env';

// Sign-in, sign-out, what each role sees, PII masking and the audited reveal, against the
// seeded demo users (all with the demo password).

async function shot(page: Page, name: string) {
  await page.screenshot({ path: join(OUTPUT_DIR, `${name}.png`), fullPage: true });
}

const rows = (page: Page) => page.locator('.ant-table-tbody tr.ant-table-row');

test.beforeEach(async ({ page }) => {
  page.on('pageerror', (error) => {
    throw error;
  });
});

test('a page opened without a session goes to /login; a wrong password is refused', async ({ page }) => {
  await page.goto('/customers');
  await expect(page).toHaveURL(/\/login\?redirect=%2Fcustomers$/);
  await expect(page.getByRole('heading', { name: '登录' })).toBeVisible();
  await shot(page, '10-login');

  await test.step('empty fields get field messages', async () => {
    await page.getByTestId('login-submit').click();
    await expect(page.getByText('请输入用户名')).toBeVisible();
    await expect(page.getByText('请输入密码')).toBeVisible();
  });

  await test.step('a wrong password shows the server answer', async () => {
    // Another user than the admin, so that the admin's failure count stays at zero.
    await submitLogin(page, 'agent1', 'not-the-password');
    await expect(page.getByTestId('login-error')).toContainText('用户名或密码错误');
    await expect(page).toHaveURL(/\/login\?redirect=/);
    await expect(page.getByLabel('密码', { exact: true })).toHaveValue('');
    await shot(page, '11-login-wrong-password');
  });

  await test.step('the right password goes back to the page asked for', async () => {
    await submitLogin(page, 'admin', DEMO_PASSWORD);
    await expect(page).toHaveURL(/\/customers$/);
    await expect(rows(page).first()).toBeVisible();
  });
});

test('admin: customers in clear, every menu entry, sign out ends the session', async ({ page }) => {
  await signIn(page, 'admin');
  await expect(page.getByTestId('user-name')).not.toBeEmpty();
  await expect(page.getByRole('link', { name: '审计日志' })).toBeVisible();

  await page.getByRole('link', { name: '客户', exact: true }).click();
  await expect(rows(page).first()).toBeVisible();
  // Admins read mobiles in clear.
  await expect(page.getByTestId('customer-row-mobile').first()).toHaveText(/^1\d{10}$/);
  await shot(page, '12-admin-customers');

  await signOut(page);
  await shot(page, '13-signed-out');

  // The session is gone on the server too: a page asks for a sign-in again.
  await page.goto('/customers');
  await expect(page).toHaveURL(/\/login\?redirect=%2Fcustomers$/);
});

test('account manager: masked mobiles, an audited reveal with a reason', async ({ page }) => {
  await signIn(page, 'am1');
  await expect(page.getByRole('link', { name: '审计日志' })).toHaveCount(0);

  await page.getByRole('link', { name: '客户', exact: true }).click();
  await expect(rows(page).first()).toBeVisible();
  const mobiles = page.getByTestId('customer-row-mobile');
  await expect(mobiles.first()).toContainText('****');
  await shot(page, '14-am-customers-masked');

  // The audit log is for admins only.
  await page.goto('/audit');
  await expect(page.getByText('你没有权限访问此页面')).toBeVisible();
  await page.goBack();

  await test.step('the detail page reveals the numbers after asking why', async () => {
    const first = rows(page).first();
    const name = (await first.locator('a').first().textContent()) ?? '';
    await first.locator('a').first().click();
    await expect(page).toHaveURL(/\/customers\/[^/]+$/);
    await expect(page.getByRole('heading', { name })).toBeVisible();
    await expect(page.getByTestId('customer-mobile')).toContainText('****');

    await page.getByTestId('customer-mobile-reveal').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: '显示明文' }).click();
    await expect(dialog.getByText('请填写查看原因')).toBeVisible();
    await dialog.getByLabel('查看原因').fill('查');
    await dialog.getByRole('button', { name: '显示明文' }).click();
    await expect(dialog.getByText('原因至少 2 个字')).toBeVisible();
    await dialog.getByLabel('查看原因').fill('e2e 客户来电核实身份');
    await dialog.getByRole('button', { name: '显示明文' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('customer-mobile')).toHaveText(/^1\d{10}$/);
    await expect(page.getByTestId('customer-id-number')).not.toContainText('*');
    await shot(page, '15-am-customer-revealed');
  });

  await signOut(page);

  await test.step('the admin finds the reveal in the audit log', async () => {
    await signIn(page, 'admin');
    await page.getByRole('link', { name: '审计日志' }).click();
    await expect(page).toHaveURL(/\/audit$/);
    await page.getByTestId('audit-filter-action').click();
    await page.locator('.ant-select-dropdown .ant-select-item-option').getByText('查看敏感信息').click();
    await expect(page).toHaveURL(/\/audit\?action=reveal_pii$/);
    await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
    await expect(rows(page).first()).toContainText('e2e 客户来电核实身份');
    await expect(rows(page).first()).toContainText('am1');
    await shot(page, '16-admin-audit-log');
  });
});
