import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { KnowledgeDocumentFieldsFragment } from '@/generated/graphql';
import { errorAnswer, stubGraphQL, testViewer, viewerAnswer, type GraphQLBody } from '@/test/graphql';
import { AGENT_OPERATIONS, documentAnswer, EDITOR_OPERATIONS, testDocument } from '@/test/knowledge';
import { renderApp } from '@/test/renderApp';

afterEach(() => {
  vi.unstubAllGlobals();
});

const REVIEWER_OPERATIONS = [
  'Query.node',
  'Query.searchKnowledge',
  'Query.knowledgeDocumentDiff',
  'Mutation.approveKnowledgeDocument',
  'Mutation.rejectKnowledgeDocument',
  'Mutation.archiveKnowledgeDocument',
];

const LOCKED_BY_ME = {
  lockHolderID: 'user-1',
  lockExpiresAt: new Date(Date.now() + 10 * 60_000).toISOString(),
  lockHolder: { id: 'user-1', displayName: '知识编辑', username: 'editor' },
};

type Handler = (body: GraphQLBody) => unknown;

function server(
  doc: KnowledgeDocumentFieldsFragment,
  options: { roles?: string[]; operations?: string[]; handle?: Record<string, Handler> } = {},
) {
  const { roles = ['knowledge_editor'], operations = EDITOR_OPERATIONS, handle = {} } = options;
  return stubGraphQL((body) => {
    if (handle[body.operationName]) return handle[body.operationName](body);
    switch (body.operationName) {
      case 'Viewer':
        return viewerAnswer(testViewer({ name: 'editor', roles, operations }));
      case 'KnowledgeDocument':
        return body.variables.id === doc.id ? documentAnswer(doc) : { ...errorAnswer('NOT_FOUND', 'not found'), data: { node: null } };
      case 'KnowledgeCategories':
        return { data: { knowledgeCategories: { edges: [] } } };
      case 'KnowledgeProductOptions':
        return { data: { products: { edges: [] } } };
      default:
        return undefined;
    }
  });
}

const called = (calls: GraphQLBody[], name: string) => calls.filter((call) => call.operationName === name);

describe('KnowledgeDocumentView', () => {
  it('shows a reader the document: tags, summary, safe Markdown, attachments; no editing', async () => {
    server(testDocument(), { roles: ['agent'], operations: AGENT_OPERATIONS });
    renderApp('/knowledge/doc-1');

    expect(await screen.findByRole('heading', { name: '宽带无法上网故障处理流程' })).toBeTruthy();
    expect(screen.getByTestId('knowledge-status').textContent).toBe('已发布');
    expect(screen.getByText('内部')).toBeTruthy();
    expect(screen.getByTestId('knowledge-summary').textContent).toBe('先远程、后上门。');
    const content = await screen.findByTestId('markdown');
    expect(within(content).getByRole('heading', { name: '处理步骤' })).toBeTruthy();
    expect(within(content).getByRole('cell', { name: '24小时' })).toBeTruthy();
    expect(content.querySelector('script')).toBeNull();

    const attachments = screen.getByTestId('knowledge-attachments');
    const pdf = within(attachments).getByRole('link', { name: '光猫指示灯说明.pdf' });
    expect(pdf.getAttribute('href')).toBe('/attachments/4294967297');
    expect(within(attachments).getByText('已提取文本，可检索')).toBeTruthy();
    expect(within(attachments).getByText('文件已加密，无法检索')).toBeTruthy();
    expect(within(attachments).getByText(/200\.0 KB/)).toBeTruthy();
    expect(within(attachments).queryByRole('button', { name: /上传附件/ })).toBeNull();

    expect(screen.getByText('300M光纤宽带')).toBeTruthy();
    const actions = screen.getByTestId('knowledge-actions');
    expect(within(actions).queryAllByRole('button')).toHaveLength(0);
  });

  it('shows who holds the lock when locking is refused (CONFLICT with the holder and expiry)', async () => {
    const until = '2026-03-01T10:15:00Z';
    const calls = server(testDocument(), {
      handle: {
        LockKnowledgeDocument: () =>
          errorAnswer('CONFLICT', `the document is being edited by 王编辑 until ${until}`, {
            lockHolderID: 99,
            lockHolder: '王编辑',
            lockExpiresAt: until,
          }),
      },
    });
    renderApp('/knowledge/doc-1');
    fireEvent.click(await screen.findByRole('button', { name: /锁定编辑/ }));

    const alert = await screen.findByTestId('lock-conflict');
    const expected = new Intl.DateTimeFormat('zh-CN', {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hour12: false,
    }).format(new Date(until));
    expect(within(alert).getByText(`王编辑 正在编辑此文档，锁定至 ${expected}`)).toBeTruthy();
    expect(within(alert).getByText('请等对方完成编辑或锁定到期后再试。')).toBeTruthy();
    expect(called(calls, 'LockKnowledgeDocument')[0].variables).toEqual({ id: 'doc-1' });
    // The page reloads the document to show the current holder.
    await waitFor(() => expect(called(calls, 'KnowledgeDocument').length).toBeGreaterThan(1));
  });

  it('shows another user\'s lock and disables editing', async () => {
    server(
      testDocument({
        lockHolderID: 'u-9',
        lockExpiresAt: new Date(Date.now() + 5 * 60_000).toISOString(),
        lockHolder: { id: 'u-9', displayName: '王编辑', username: 'wang' },
      }),
    );
    renderApp('/knowledge/doc-1');
    const banner = await screen.findByTestId('lock-banner');
    expect(banner.textContent).toContain('王编辑 正在编辑此文档，锁定至');
    expect((screen.getByRole('button', { name: /编辑/ }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.queryByRole('button', { name: /锁定编辑/ })).toBeNull();
  });

  it('edits with the lock held and saves a new version', async () => {
    const doc = testDocument({ ...LOCKED_BY_ME, status: 'DRAFT', publishedVersion: null, publishedAt: null });
    const calls = server(doc, {
      handle: {
        UpdateKnowledgeDocument: (body) => {
          const input = body.variables.input as { title: string; body: string };
          return { data: { updateKnowledgeDocument: { ...doc, title: input.title, body: input.body, currentVersion: 3 } } };
        },
      },
    });
    renderApp('/knowledge/doc-1');
    expect((await screen.findByTestId('lock-banner')).textContent).toContain('你已锁定此文档');

    fireEvent.click(screen.getByRole('button', { name: /编辑/ }));
    const form = await screen.findByTestId('knowledge-form');
    const title = within(form).getByLabelText('标题') as HTMLInputElement;
    expect(title.value).toBe('宽带无法上网故障处理流程');
    fireEvent.change(title, { target: { value: '宽带无法上网处理流程（新版）' } });
    fireEvent.change(within(form).getByLabelText('正文'), { target: { value: '## 新步骤\n\n- 先远程' } });
    fireEvent.change(within(form).getByLabelText('修改说明'), { target: { value: '精简步骤' } });

    // The preview renders what is typed.
    fireEvent.click(within(form).getByText('预览'));
    expect(await within(form).findByRole('heading', { name: '新步骤' })).toBeTruthy();

    fireEvent.click(within(form).getByRole('button', { name: '保存为 v3' }));
    await waitFor(() => expect(called(calls, 'UpdateKnowledgeDocument')).toHaveLength(1));
    expect(called(calls, 'UpdateKnowledgeDocument')[0].variables).toEqual({
      id: 'doc-1',
      input: {
        title: '宽带无法上网处理流程（新版）',
        summary: '先远程、后上门。',
        body: '## 新步骤\n\n- 先远程',
        tags: ['宽带', '故障'],
        audience: 'INTERNAL',
        categoryIDs: ['cat-1'],
        productIDs: ['p-1'],
        changeNote: '精简步骤',
      },
    });
    expect(await screen.findByRole('heading', { name: '宽带无法上网处理流程（新版）' })).toBeTruthy();
    expect(screen.queryByTestId('knowledge-form')).toBeNull();
  });

  it('shows a lock conflict on save in the form', async () => {
    const doc = testDocument({ ...LOCKED_BY_ME });
    server(doc, {
      handle: {
        UpdateKnowledgeDocument: () =>
          errorAnswer('CONFLICT', 'the document is being edited by 王编辑', {
            lockHolder: '王编辑',
            lockExpiresAt: '2026-03-01T10:15:00Z',
          }),
      },
    });
    renderApp('/knowledge/doc-1');
    fireEvent.click(await screen.findByRole('button', { name: /编辑/ }));
    const form = await screen.findByTestId('knowledge-form');
    fireEvent.click(within(form).getByRole('button', { name: '保存为 v3' }));
    const alert = await within(form).findByTestId('lock-conflict');
    expect(alert.textContent).toContain('王编辑 正在编辑此文档，锁定至');
  });

  it('uploads an attachment as a multipart request while holding the lock', async () => {
    const calls = server(testDocument({ ...LOCKED_BY_ME }), {
      handle: {
        UploadAttachment: () => ({
          data: { uploadAttachment: { id: 'a-9', filename: '装维手册.docx', extractionStatus: 'OK' } },
        }),
      },
    });
    renderApp('/knowledge/doc-1');
    await screen.findByTestId('lock-banner');
    const button = screen.getByRole('button', { name: /上传附件/ }) as HTMLButtonElement;
    expect(button.disabled).toBe(false);

    const file = new File(['PK'], '装维手册.docx', { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
    fireEvent.change(screen.getByTestId('attachment-input'), { target: { files: [file] } });
    await waitFor(() => expect(called(calls, 'UploadAttachment')).toHaveLength(1));
    const upload = called(calls, 'UploadAttachment')[0];
    expect(upload.variables).toEqual({ documentID: 'doc-1', file: null });
    expect(upload.map).toEqual({ '0': ['variables.file'] });
    expect(upload.files?.['0']?.name).toBe('装维手册.docx');
    expect(await screen.findByText('已上传 装维手册.docx')).toBeTruthy();
  });

  it('asks for the lock before an upload', async () => {
    server(testDocument());
    renderApp('/knowledge/doc-1');
    const button = (await screen.findByRole('button', { name: /上传附件/ })) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
  });

  it('tells editors that readers still see the published version while a successor is in review', async () => {
    server(
      testDocument({
        currentVersion: 3,
        publishedVersion: 2,
        pendingStatus: 'IN_REVIEW',
        versions: {
          totalCount: 3,
          edges: [
            { node: { id: 'v-3', number: 3, title: '新标题', changeNote: '改版', createdAt: '2026-01-06T08:00:00Z', author: null } },
            ...(testDocument().versions.edges ?? []),
          ],
        },
      }),
      {
        handle: {
          DocumentVersion: () => ({
            data: {
              node: {
                __typename: 'DocumentVersion',
                id: 'v-3',
                number: 3,
                title: '新标题',
                summary: '新摘要',
                body: '新正文内容',
                tags: [],
                changeNote: '改版',
                createdAt: '2026-01-06T08:00:00Z',
                author: null,
              },
            },
          }),
        },
      },
    );
    renderApp('/knowledge/doc-1');
    const notice = await screen.findByTestId('knowledge-pending-notice');
    expect(notice.textContent).toContain('新版本 v3（审核中）尚未发布');
    expect(notice.textContent).toContain('读者仍看到已发布的 v2');
    expect(screen.getByTestId('knowledge-pending-status').textContent).toBe('新版本审核中');
    expect(screen.getByTestId('knowledge-version-info').textContent).toBe('最新 v3 · 已发布 v2');

    // Editors can look at the working version; readers' content is the default.
    expect(screen.getByTestId('knowledge-summary').textContent).toBe('先远程、后上门。');
    fireEvent.click(screen.getByText('新版本 v3（审核中）'));
    expect(await screen.findByText('新正文内容')).toBeTruthy();
    expect(screen.getByText('这是尚未发布的新版本，读者目前看不到这些内容。')).toBeTruthy();
  });

  it('lets a reviewer approve (now) and reject with a required comment', async () => {
    const doc = testDocument({ status: 'IN_REVIEW', publishedVersion: null, publishedAt: null });
    const calls = server(doc, {
      roles: ['reviewer'],
      operations: REVIEWER_OPERATIONS,
      handle: {
        ApproveKnowledgeDocument: () => ({
          data: { approveKnowledgeDocument: { ...doc, status: 'PUBLISHED', publishedVersion: 2 } },
        }),
        RejectKnowledgeDocument: (body) => ({
          data: { rejectKnowledgeDocument: { ...doc, status: 'DRAFT', reviewComment: body.variables.comment as string } },
        }),
      },
    });
    renderApp('/knowledge/doc-1');
    fireEvent.click(await screen.findByRole('button', { name: /驳回/ }));
    let dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: '确认驳回' }));
    expect(await within(dialog).findByText('请填写审核意见')).toBeTruthy();
    expect(called(calls, 'RejectKnowledgeDocument')).toHaveLength(0);
    fireEvent.click(within(dialog).getByRole('button', { name: '取消' }));

    fireEvent.click(screen.getByRole('button', { name: /审核通过/ }));
    await waitFor(() => expect(screen.getAllByRole('dialog').some((d) => d.textContent?.includes('立即发布'))).toBe(true));
    dialog = screen.getAllByRole('dialog').find((d) => d.textContent?.includes('立即发布')) as HTMLElement;
    fireEvent.click(within(dialog).getByRole('button', { name: '确认通过' }));
    await waitFor(() => expect(called(calls, 'ApproveKnowledgeDocument')).toHaveLength(1));
    expect(called(calls, 'ApproveKnowledgeDocument')[0].variables).toEqual({ id: 'doc-1' });
    await waitFor(() => expect(screen.getByTestId('knowledge-status').textContent).toBe('已发布'));
    expect(screen.queryByRole('button', { name: /审核通过/ })).toBeNull();
  });

  it('lists versions and diffs the published one against the latest', async () => {
    const calls = server(testDocument(), {
      handle: {
        KnowledgeDocumentDiff: () => ({
          data: {
            knowledgeDocumentDiff: {
              fromVersion: 1,
              toVersion: 2,
              fields: [
                { field: 'title', lines: [{ op: 'EQUAL', text: '宽带无法上网故障处理流程' }] },
                { field: 'summary', lines: [] },
                {
                  field: 'body',
                  lines: [
                    { op: 'EQUAL', text: '# 处理步骤' },
                    { op: 'INSERT', text: '| 时限 | 24小时 |' },
                  ],
                },
              ],
            },
          },
        }),
      },
    });
    renderApp('/knowledge/doc-1');
    fireEvent.click(await screen.findByRole('tab', { name: '版本历史（2）' }));
    const versions = await screen.findByTestId('knowledge-versions');
    expect(within(versions).getByText('补充时限')).toBeTruthy();
    expect(within(versions).getByText('初始版本')).toBeTruthy();
    const diff = await screen.findByTestId('diff-view');
    expect(diff.querySelector('tr[data-op="INSERT"]')?.textContent).toContain('| 时限 | 24小时 |');
    expect(called(calls, 'KnowledgeDocumentDiff')[0].variables).toEqual({ id: 'doc-1', fromVersion: 1, toVersion: 2 });
  });

  it('says so when the document is not there', async () => {
    server(testDocument(), { roles: ['agent'], operations: AGENT_OPERATIONS });
    renderApp('/knowledge/doc-404');
    expect(await screen.findByText('文档不存在，或你没有查看权限')).toBeTruthy();
  });
});
