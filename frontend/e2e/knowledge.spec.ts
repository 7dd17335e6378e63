import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { signIn, signOut } from './auth';
import { OUTPUT_DIR } from './env';

// The knowledge base against the seeded demo data: an agent searches and reads, then a new
// document goes from draft to published (editor: create, lock, edit, submit; reviewer:
// approve) and the agent finds it. The server indexes asynchronously, so the last search is
// retried with an auto-retrying expect until the document shows up.

async function shot(page: Page, name: string) {
  await page.screenshot({ path: join(OUTPUT_DIR, `${name}.png`), fullPage: true });
}

const hits = (page: Page) => page.getByTestId('knowledge-hit');

async function search(page: Page, query: string) {
  const box = page.getByRole('searchbox', { name: '搜索知识库' });
  await box.fill(query);
  await box.press('Enter');
}

test.beforeEach(async ({ page }) => {
  page.on('pageerror', (error) => {
    throw error;
  });
});

test('knowledge: search and read; a new document from draft to published', async ({ page }) => {
  // Four sign-ins and a whole workflow on a small machine.
  test.setTimeout(180_000);
  // A word no seeded document has, so the last search finds exactly the new document.
  const token = `kb${Date.now().toString(36)}`;
  const title = `e2e 宽带测速指引 ${token}`;
  let documentURL = '';

  await test.step('agent1 searches 宽带 and opens a result', async () => {
    await signIn(page, 'agent1');
    await page.getByRole('link', { name: '知识库' }).click();
    await expect(page).toHaveURL(/\/knowledge$/);
    await search(page, '宽带');
    await expect(page).toHaveURL(/\/knowledge\?q=%E5%AE%BD%E5%B8%A6$/);
    await expect(hits(page).first()).toBeVisible();
    await expect(hits(page).first().locator('mark').first()).toHaveText('宽带');
    await expect(page.getByTestId('knowledge-stats')).toContainText(/共 \d+ 篇 · 用时 \d+ 毫秒/);
    await expect(page.getByTestId('knowledge-facets')).toBeVisible();
    // Agents read published documents only: no status filter, no "new".
    await expect(page.getByTestId('knowledge-filter-status')).toHaveCount(0);
    await expect(page.getByTestId('knowledge-create')).toHaveCount(0);
    await shot(page, '20-knowledge-search');

    const first = hits(page).first().getByTestId('knowledge-hit-title');
    const name = ((await first.textContent()) ?? '').trim();
    await first.click();
    await expect(page).toHaveURL(/\/knowledge\/\d+$/);
    await expect(page.getByRole('heading', { level: 3, name })).toBeVisible();
    await expect(page.getByTestId('markdown')).toBeVisible();
    await expect(page.getByTestId('knowledge-status')).toHaveText('已发布');
    await expect(page.getByTestId('knowledge-edit')).toHaveCount(0);
    await shot(page, '21-knowledge-document');
    await signOut(page);
  });

  await test.step('editor creates a draft, locks it, edits and submits it', async () => {
    await signIn(page, 'editor');
    // Without customer access, the knowledge base is the home page.
    await expect(page).toHaveURL(/\/knowledge$/);
    await page.getByTestId('knowledge-create').click();
    await expect(page).toHaveURL(/\/knowledge\/new$/);

    const form = page.getByTestId('knowledge-form');
    await form.getByLabel('标题').fill(title);
    await form.getByLabel('摘要').fill(`网速慢时的测速方法（${token}）`);
    await form.getByLabel('正文').fill(`# 测速步骤\n\n1. 使用网线直连光猫\n2. 打开测速平台测速 ${token}`);
    await form.getByRole('button', { name: '创建草稿' }).click();
    await expect(page).toHaveURL(/\/knowledge\/\d+$/);
    documentURL = new URL(page.url()).pathname;
    await expect(page.getByRole('heading', { level: 3, name: title })).toBeVisible();
    await expect(page.getByTestId('knowledge-status')).toHaveText('草稿');

    await page.getByTestId('knowledge-lock').click();
    await expect(page.getByTestId('lock-banner')).toContainText('你已锁定此文档');
    await page.getByTestId('knowledge-edit').click();
    const edit = page.getByTestId('knowledge-form');
    await expect(edit.getByLabel('标题')).toHaveValue(title);
    await edit
      .getByLabel('正文')
      .fill(`# 测速步骤\n\n1. 使用网线直连光猫\n2. 打开测速平台测速 ${token}\n3. 记录测速结果并截图`);
    await edit.getByLabel('修改说明').fill('补充记录步骤');
    await shot(page, '22-knowledge-edit');
    await edit.getByRole('button', { name: '保存为 v2' }).click();
    await expect(edit).toBeHidden();
    await expect(page.getByTestId('knowledge-version-info')).toHaveText('版本 v2');
    await expect(page.getByTestId('markdown')).toContainText('记录测速结果并截图');

    // A multipart upload (graphql-multipart-request-spec) while holding the lock.
    await page.getByTestId('attachment-input').setInputFiles({
      name: '测速记录模板.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(`测速记录模板 ${token}\n下载速率：\n上传速率：\n`, 'utf8'),
    });
    const attachment = page.getByTestId('attachment').filter({ hasText: '测速记录模板.txt' });
    await expect(attachment.getByTestId('attachment-extraction')).toHaveText('已提取文本，可检索');
    await expect(attachment.getByRole('link', { name: '测速记录模板.txt' })).toHaveAttribute('href', /^\/attachments\/\d+$/);

    await page.getByRole('tab', { name: /版本历史/ }).click();
    await expect(page.getByTestId('knowledge-versions')).toContainText('补充记录步骤');
    const inserted = page.getByTestId('diff-view').locator('tr[data-op="INSERT"]');
    await expect(inserted.filter({ hasText: '记录测速结果并截图' })).toBeVisible();
    await shot(page, '23-knowledge-diff');

    await page.getByTestId('knowledge-submit').click();
    await expect(page.getByTestId('knowledge-status')).toHaveText('审核中');
    await page.getByTestId('knowledge-unlock').click();
    await expect(page.getByTestId('lock-banner')).toHaveCount(0);
    await signOut(page);
  });

  await test.step('reviewer approves it', async () => {
    await signIn(page, 'reviewer');
    await page.goto(documentURL);
    await expect(page.getByRole('heading', { level: 3, name: title })).toBeVisible();
    await expect(page.getByTestId('knowledge-status')).toHaveText('审核中');
    await page.getByTestId('knowledge-approve').click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('radio', { name: '立即发布' })).toBeChecked();
    await dialog.getByRole('button', { name: '确认通过' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('knowledge-status')).toHaveText('已发布');
    await shot(page, '24-knowledge-approved');
    await signOut(page);
  });

  await test.step('agent1 finds the published document', async () => {
    await signIn(page, 'agent1');
    // Indexing is asynchronous: search again (a fresh page load) until the hit is there.
    await expect(async () => {
      await page.goto(`/knowledge?q=${encodeURIComponent(token)}`);
      await expect(hits(page)).toHaveCount(1, { timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
    const hit = hits(page).first();
    await expect(hit.locator('mark').first()).toHaveText(token);
    await shot(page, '25-knowledge-found');
    await hit.getByTestId('knowledge-hit-title').click();
    await expect(page).toHaveURL(new RegExp(`${documentURL}$`));
    await expect(page.getByRole('heading', { level: 3, name: title })).toBeVisible();
    await expect(page.getByTestId('markdown')).toContainText('记录测速结果并截图');

    // The attachment downloads through a plain link (the session cookie authenticates the GET).
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: '测速记录模板.txt' }).click();
    expect((await download).suggestedFilename()).toBe('测速记录模板.txt');
  });
});
