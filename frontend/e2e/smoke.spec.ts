import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { signIn } from './auth';
import { OUTPUT_DIR } from './env';

// A browser smoke test of the embedded SPA against a running server with seeded customers,
// signed in as the demo admin.

async function shot(page: Page, name: string) {
  await page.screenshot({ path: join(OUTPUT_DIR, `${name}.png`), fullPage: true });
}

const rows = (page: Page) => page.locator('.ant-table-tbody tr.ant-table-row');

test.beforeEach(async ({ page }) => {
  // An uncaught exception in the app fails the test even if the page looks right.
  page.on('pageerror', (error) => {
    throw error;
  });
  await signIn(page);
});

test('shell, customers, language switch and a reloaded deep link', async ({ page }) => {
  await test.step('the shell renders in Chinese', async () => {
    await page.goto('/');
    await expect(page.getByTestId('app-title')).toHaveText('c360 客户360');
    await expect(page.getByRole('link', { name: '客户', exact: true })).toBeVisible();
    await expect(page.getByRole('link', { name: /GraphQL/ })).toHaveAttribute('href', '/graphiql');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    // The dashboard's counts and its lazily loaded chart.
    await expect(page.getByText('客户总数')).toBeVisible();
    await expect(page.getByRole('img', { name: '按客户类型' }).locator('canvas')).toBeVisible();
    await shot(page, '01-overview-zh');
  });

  await test.step('the customers page lists seeded customers', async () => {
    await page.getByRole('link', { name: '客户', exact: true }).click();
    await expect(page).toHaveURL(/\/customers$/);
    await expect(page.getByRole('columnheader', { name: '客户编码' })).toBeVisible();
    await expect(rows(page).first()).toBeVisible();
    await expect(page.getByTestId('pager-status')).toContainText('第 1 页');
    await shot(page, '02-customers-zh');
  });

  await test.step('switching to English translates the page', async () => {
    await page.getByTestId('language-switch').getByText('English').click();
    await expect(page.getByTestId('app-title')).toHaveText('c360 Customer 360');
    await expect(page.getByRole('columnheader', { name: 'Mobile' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en-US');
    await shot(page, '03-customers-en');
  });

  await test.step('a deep client route survives a reload', async () => {
    const next = page.getByRole('button', { name: 'Next' });
    if (await next.isEnabled()) {
      await next.click();
      await expect(page).toHaveURL(/\/customers\?after=[^&]+&page=2$/);
      await expect(page.getByTestId('pager-status')).toContainText('Page 2');
    } else {
      // Fewer seeded customers than one page: reload a URL with page state instead.
      await page.goto('/customers?size=50');
    }
    const url = page.url();
    await page.reload();
    expect(page.url()).toBe(url);
    await expect(rows(page).first()).toBeVisible();
    // The language choice is kept across reloads.
    await expect(page.getByTestId('app-title')).toHaveText('c360 Customer 360');
    await shot(page, '04-customers-deep-link-reloaded');
  });

  await test.step('paging back from page 3 uses the before cursor and shows page 2 again', async () => {
    const next = page.getByRole('button', { name: 'Next' });
    if (!/page=2$/.test(page.url()) || !(await next.isEnabled())) {
      test.info().annotations.push({ type: 'skipped-step', description: 'fewer than 3 pages seeded' });
      return;
    }
    const pageTwoFirstId = await rows(page).first().getAttribute('data-row-key');
    await next.click();
    await expect(page).toHaveURL(/after=[^&]+&page=3$/);
    await expect(rows(page).first()).not.toHaveAttribute('data-row-key', pageTwoFirstId ?? '');
    await page.getByRole('button', { name: 'Previous' }).click();
    await expect(page).toHaveURL(/\/customers\?before=[^&]+&page=2$/);
    await expect(page.getByTestId('pager-status')).toContainText('Page 2');
    await expect(rows(page).first()).toHaveAttribute('data-row-key', pageTwoFirstId ?? '');
    // A full page going backwards too (default size 20).
    await expect(rows(page)).toHaveCount(20);
  });
});

test('an unknown client route renders the app, not a server 404', async ({ page }) => {
  const response = await page.goto('/no/such/page');
  expect(response?.status()).toBe(200);
  await expect(page.getByText('页面不存在')).toBeVisible();
  await shot(page, '05-not-found');
});
