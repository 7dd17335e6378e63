import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorAnswer, stubGraphQL, testViewer, viewerAnswer, type GraphQLBody } from '@/test/graphql';
import { AGENT_OPERATIONS, documentAnswer, EDITOR_OPERATIONS, testDocument } from '@/test/knowledge';
import { renderApp } from '@/test/renderApp';

afterEach(() => {
  vi.unstubAllGlobals();
});

function server(create: (body: GraphQLBody) => unknown, operations = EDITOR_OPERATIONS) {
  return stubGraphQL((body) => {
    switch (body.operationName) {
      case 'Viewer':
        return viewerAnswer(testViewer({ name: 'editor', roles: ['knowledge_editor'], operations }));
      case 'CreateKnowledgeDocument':
        return create(body);
      case 'KnowledgeDocument':
        return documentAnswer(testDocument({ id: 'doc-new', title: '新文档', status: 'DRAFT', publishedVersion: null }));
      case 'KnowledgeCategories':
        return {
          data: {
            knowledgeCategories: {
              edges: [
                { node: { id: 'c-1', name: '宽带业务', taxonomy: 'PRODUCT_LINE', parentID: null, sortOrder: 1 } },
                { node: { id: 'c-2', name: '光纤宽带', taxonomy: 'PRODUCT_LINE', parentID: 'c-1', sortOrder: 1 } },
              ],
            },
          },
        };
      case 'KnowledgeProductOptions':
        return { data: { products: { edges: [{ node: { id: 'p-1', code: 'FTTH-300M', name: '300M光纤宽带', status: 'ACTIVE' } }] } } };
      case 'SearchKnowledge':
        return { data: { searchKnowledge: { total: 0, tookMs: 1, facets: [], hits: [], pageInfo: { hasNextPage: false, endCursor: null } } } };
      default:
        return undefined;
    }
  });
}

describe('KnowledgeCreate', () => {
  it('creates a draft and opens it', async () => {
    const calls = server(() => ({ data: { createKnowledgeDocument: { id: 'doc-new', title: '新文档' } } }));
    renderApp('/knowledge/new');
    const form = await screen.findByTestId('knowledge-form');

    fireEvent.click(within(form).getByRole('button', { name: '创建草稿' }));
    expect(await within(form).findByText('请输入标题')).toBeTruthy();

    fireEvent.change(within(form).getByLabelText('标题'), { target: { value: ' 新文档 ' } });
    fireEvent.change(within(form).getByLabelText('摘要'), { target: { value: '一句话摘要' } });
    fireEvent.change(within(form).getByLabelText('正文'), { target: { value: '# 标题\n\n正文' } });
    fireEvent.click(within(form).getByRole('radio', { name: '公开' }));
    fireEvent.click(within(form).getByRole('button', { name: '创建草稿' }));

    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/knowledge/doc-new'));
    expect(calls.find((call) => call.operationName === 'CreateKnowledgeDocument')?.variables).toEqual({
      input: {
        title: '新文档',
        summary: '一句话摘要',
        body: '# 标题\n\n正文',
        tags: [],
        audience: 'PUBLIC',
        categoryIDs: [],
        productIDs: [],
        changeNote: '初始版本',
      },
    });
  });

  it('shows a field error from the server under the field', async () => {
    server(() => errorAnswer('BAD_USER_INPUT', 'title must be 1 to 200 characters', { field: 'title' }));
    renderApp('/knowledge/new');
    const form = await screen.findByTestId('knowledge-form');
    fireEvent.change(within(form).getByLabelText('标题'), { target: { value: 'x' } });
    fireEvent.click(within(form).getByRole('button', { name: '创建草稿' }));
    expect(await within(form).findByText('title must be 1 to 200 characters')).toBeTruthy();
    expect(screen.getByTestId('location').textContent).toBe('/knowledge/new');
  });

  it('is refused without Mutation.createKnowledgeDocument', async () => {
    server(() => undefined, AGENT_OPERATIONS);
    renderApp('/knowledge/new');
    expect(await screen.findByText('你没有权限访问此页面')).toBeTruthy();
  });

  it('starts knowledge staff without customer access in the knowledge base', async () => {
    server(() => undefined);
    renderApp('/');
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/knowledge'));
  });
});
