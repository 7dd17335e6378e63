import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorAnswer, stubGraphQL, testViewer, viewerAnswer, type GraphQLBody } from '@/test/graphql';
import { AGENT_OPERATIONS, EDITOR_OPERATIONS, searchAnswer, testHit } from '@/test/knowledge';
import { renderApp } from '@/test/renderApp';

afterEach(() => {
  vi.unstubAllGlobals();
});

type Search = (body: GraphQLBody) => unknown;

function server(search: Search, viewer = testViewer({ name: 'agent1', roles: ['agent'], operations: AGENT_OPERATIONS })) {
  return stubGraphQL((body) => {
    switch (body.operationName) {
      case 'Viewer':
        return viewerAnswer(viewer);
      case 'SearchKnowledge':
        return search(body);
      default:
        return undefined;
    }
  });
}

const searches = (calls: GraphQLBody[]) => calls.filter((call) => call.operationName === 'SearchKnowledge');

describe('KnowledgeSearch', () => {
  it('shows hits with highlighted titles and snippets, score, total and time', async () => {
    const calls = server(() => searchAnswer([testHit(1), testHit(2)], { total: 42, tookMs: 13 }));
    renderApp('/knowledge?q=%E5%AE%BD%E5%B8%A6');

    const hits = await screen.findAllByTestId('knowledge-hit');
    expect(hits).toHaveLength(2);
    const title = within(hits[0]).getByTestId('knowledge-hit-title');
    expect(title.getAttribute('href')).toBe('/knowledge/doc-1');
    expect(title.textContent).toBe('宽带故障处理 1');
    expect(title.querySelector('mark')?.textContent).toBe('宽带');
    const snippet = within(hits[0]).getByTestId('knowledge-snippet');
    expect(snippet.textContent).toBe('正文 ·客户报修宽带无法上网 1');
    expect(snippet.querySelector('mark')?.textContent).toBe('宽带');
    expect(within(hits[0]).getByTestId('knowledge-hit-score').textContent).toContain('相关度 11.35');
    expect(within(hits[0]).getByText(/更新于 2026/)).toBeTruthy();
    expect(screen.getByTestId('knowledge-stats').textContent).toBe('共 42 篇 · 用时 13 毫秒');
    expect(screen.getByText('“宽带”的搜索结果')).toBeTruthy();
    // Agents see published documents only: no status column, no status filter.
    expect(within(hits[0]).queryByTestId('knowledge-status')).toBeNull();
    expect(screen.queryByTestId('knowledge-filter-status')).toBeNull();

    expect(searches(calls)[0].variables).toEqual({ query: '宽带', first: 10 });
  });

  it('searches what is typed, Chinese of one character and quoted phrases included', async () => {
    const calls = server(() => searchAnswer([testHit(1)]));
    renderApp('/knowledge');
    await screen.findAllByTestId('knowledge-hit');
    expect(screen.getByText('最近更新')).toBeTruthy();
    expect(searches(calls)[0].variables).toEqual({ query: '', first: 10 });

    const input = screen.getByRole('searchbox', { name: '搜索知识库' });
    fireEvent.change(input, { target: { value: ' 猫 ' } });
    fireEvent.keyDown(input, { key: 'Enter', code: 'Enter', keyCode: 13 });
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/knowledge?q=%E7%8C%AB'));
    await waitFor(() => expect(searches(calls).at(-1)?.variables.query).toBe('猫'));

    // The box remounts on a URL change (back/forward show the URL's query): find it again.
    const again = screen.getByRole('searchbox', { name: '搜索知识库' }) as HTMLInputElement;
    expect(again.value).toBe('猫');
    fireEvent.change(again, { target: { value: '"光猫 重启"' } });
    fireEvent.keyDown(again, { key: 'Enter', code: 'Enter', keyCode: 13 });
    await waitFor(() => expect(searches(calls).at(-1)?.variables.query).toBe('"光猫 重启"'));
  });

  it('says so when nothing matches', async () => {
    server(() => searchAnswer([], { total: 0 }));
    renderApp('/knowledge?q=%E4%B8%8D%E5%AD%98%E5%9C%A8');
    const empty = await screen.findByTestId('knowledge-empty');
    expect(within(empty).getByText('没有找到与“不存在”相关的知识')).toBeTruthy();
    expect(screen.queryAllByTestId('knowledge-hit')).toHaveLength(0);
    expect(screen.getByTestId('knowledge-stats').textContent).toBe('共 0 篇 · 用时 7 毫秒');
  });

  it('shows a friendly banner when search is unavailable, and retries', async () => {
    let down = true;
    const calls = server(() =>
      down ? errorAnswer('SEARCH_UNAVAILABLE', 'knowledge search is unavailable right now; try again shortly') : searchAnswer([testHit(1)]),
    );
    renderApp('/knowledge?q=%E5%AE%BD%E5%B8%A6');

    const banner = await screen.findByTestId('search-unavailable');
    expect(within(banner).getByText('搜索暂时不可用')).toBeTruthy();
    expect(within(banner).getByText(/请稍后重试/)).toBeTruthy();
    // Not the generic error box with the server's message and code.
    expect(screen.queryByText('SEARCH_UNAVAILABLE')).toBeNull();
    expect(screen.queryByTestId('knowledge-stats')).toBeNull();

    down = false;
    fireEvent.click(within(banner).getByRole('button', { name: /重试/ }));
    expect(await screen.findByTestId('knowledge-hit')).toBeTruthy();
    expect(screen.queryByTestId('search-unavailable')).toBeNull();
    expect(searches(calls)).toHaveLength(2);
  });

  it('shows other errors in place with their code', async () => {
    server(() => errorAnswer('FORBIDDEN', 'not allowed'));
    renderApp('/knowledge?q=x');
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('FORBIDDEN')).toBeTruthy();
  });

  it('filters by a category facet and clears it again', async () => {
    const calls = server(() => searchAnswer([testHit(1)]));
    renderApp('/knowledge?q=%E5%AE%BD%E5%B8%A6');
    const facets = await screen.findByTestId('knowledge-facets');
    expect(within(facets).getByText('业务流程')).toBeTruthy();
    expect(within(facets).getByText('产品线')).toBeTruthy();

    fireEvent.click(within(facets).getByRole('button', { name: /宽带故障/ }));
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/knowledge?q=%E5%AE%BD%E5%B8%A6&cat=cat-1'));
    await waitFor(() =>
      expect(searches(calls).at(-1)?.variables).toEqual({ query: '宽带', first: 10, filter: { categoryIDs: ['cat-1'] } }),
    );
    expect(await screen.findByText('分类：宽带故障')).toBeTruthy();

    fireEvent.click(within(screen.getByTestId('knowledge-facets')).getByRole('button', { name: '全部分类' }));
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/knowledge?q=%E5%AE%BD%E5%B8%A6'));
  });

  it('loads the next page after the end cursor', async () => {
    const calls = server((body) =>
      body.variables.after === 'cursor-10'
        ? searchAnswer([testHit(11)], { total: 11, hasNextPage: false, endCursor: 'cursor-11' })
        : searchAnswer([testHit(1), testHit(2)], { total: 11, hasNextPage: true, endCursor: 'cursor-10' }),
    );
    renderApp('/knowledge?q=%E5%AE%BD%E5%B8%A6');
    await screen.findAllByTestId('knowledge-hit');
    fireEvent.click(screen.getByRole('button', { name: '加载更多' }));
    await waitFor(() => expect(screen.getAllByTestId('knowledge-hit')).toHaveLength(3));
    expect(searches(calls).at(-1)?.variables).toEqual({ query: '宽带', first: 10, after: 'cursor-10' });
    expect(screen.getByText('已显示全部结果')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '加载更多' })).toBeNull();
  });

  it('offers the status filter, status tags and "new" to knowledge editors', async () => {
    const calls = server(
      () => searchAnswer([testHit(1, { document: { ...testHit(1).document, status: 'DRAFT' } })]),
      testViewer({ name: 'editor', roles: ['knowledge_editor'], operations: EDITOR_OPERATIONS }),
    );
    renderApp('/knowledge?st=DRAFT,IN_REVIEW&aud=INTERNAL');
    const hit = await screen.findByTestId('knowledge-hit');
    expect(within(hit).getByTestId('knowledge-status').textContent).toBe('草稿');
    expect(screen.getByTestId('knowledge-filter-status')).toBeTruthy();
    expect(screen.getByRole('link', { name: /新建文档/ }).getAttribute('href')).toBe('/knowledge/new');
    expect(searches(calls)[0].variables).toEqual({
      query: '',
      first: 10,
      filter: { audiences: ['INTERNAL'], statuses: ['DRAFT', 'IN_REVIEW'] },
    });
  });

  it('ignores a status filter in the URL for roles that do not see drafts', async () => {
    const calls = server(() => searchAnswer([testHit(1)]));
    renderApp('/knowledge?st=DRAFT');
    await screen.findByTestId('knowledge-hit');
    expect(searches(calls)[0].variables).toEqual({ query: '', first: 10 });
    expect(screen.queryByRole('link', { name: /新建文档/ })).toBeNull();
  });

  it('has a menu entry for viewers who may search, and none for others', async () => {
    server(() => searchAnswer([]));
    renderApp('/knowledge');
    expect((await screen.findByRole('link', { name: '知识库' })).getAttribute('href')).toBe('/knowledge');
  });

  it('is refused without Query.searchKnowledge', async () => {
    server(() => searchAnswer([]), testViewer({ operations: ['Query.customers'] }));
    renderApp('/knowledge');
    expect(await screen.findByText('你没有权限访问此页面')).toBeTruthy();
    expect(screen.queryByRole('link', { name: '知识库' })).toBeNull();
  });
});
