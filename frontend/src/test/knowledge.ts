import type { KnowledgeDocumentFieldsFragment, KnowledgeHitFieldsFragment } from '@/generated/graphql';

/** A search hit as the server sends it. */
export function testHit(n: number, overrides: Partial<KnowledgeHitFieldsFragment> = {}): KnowledgeHitFieldsFragment {
  return {
    score: 12.3456 - n,
    highlights: [
      { field: 'title', snippet: `<mark>宽带</mark>故障处理 ${n}` },
      { field: 'body', snippet: `客户报修<mark>宽带</mark>无法上网 ${n}` },
    ],
    document: {
      id: `doc-${n}`,
      title: `宽带故障处理 ${n}`,
      summary: '摘要',
      status: 'PUBLISHED',
      pendingStatus: null,
      audience: 'INTERNAL',
      tags: ['宽带'],
      updatedAt: '2026-02-01T08:00:00Z',
      categories: [{ id: 'cat-1', name: '宽带故障' }],
    },
    ...overrides,
  };
}

/** One page of searchKnowledge. */
export function searchAnswer(
  hits: KnowledgeHitFieldsFragment[],
  options: { total?: number; endCursor?: string | null; hasNextPage?: boolean; tookMs?: number } = {},
) {
  return {
    data: {
      searchKnowledge: {
        total: options.total ?? hits.length,
        tookMs: options.tookMs ?? 7,
        facets: hits.length
          ? [
              { count: 5, category: { id: 'cat-1', name: '宽带故障', taxonomy: 'PROCESS' } },
              { count: 2, category: { id: 'cat-2', name: '光纤宽带', taxonomy: 'PRODUCT_LINE' } },
            ]
          : [],
        hits,
        pageInfo: { hasNextPage: options.hasNextPage ?? false, endCursor: options.endCursor ?? null },
      },
    },
  };
}

const EDITOR = { id: 'u-editor', displayName: '知识编辑', username: 'editor' };

/** A knowledge document with two versions, as the document page loads it. */
export function testDocument(overrides: Partial<KnowledgeDocumentFieldsFragment> = {}): KnowledgeDocumentFieldsFragment {
  return {
    id: 'doc-1',
    title: '宽带无法上网故障处理流程',
    summary: '先远程、后上门。',
    body: '# 处理步骤\n\n1. 核实客户身份\n2. 远程重启光猫\n\n| 项目 | 内容 |\n| --- | --- |\n| 时限 | 24小时 |\n\n<script>alert(1)</script>',
    tags: ['宽带', '故障'],
    audience: 'INTERNAL',
    status: 'PUBLISHED',
    pendingStatus: null,
    currentVersion: 2,
    publishedVersion: 2,
    createdAt: '2026-01-01T08:00:00Z',
    updatedAt: '2026-01-05T08:00:00Z',
    publishedAt: '2026-01-05T08:00:00Z',
    publishAt: null,
    archiveAt: null,
    reviewedAt: null,
    reviewComment: null,
    lockHolderID: null,
    lockExpiresAt: null,
    lockHolder: null,
    author: EDITOR,
    categories: [{ id: 'cat-1', name: '宽带故障', taxonomy: 'PROCESS' }],
    products: [{ id: 'p-1', code: 'FTTH-300M', name: '300M光纤宽带' }],
    attachments: [
      {
        id: '4294967297',
        filename: '光猫指示灯说明.pdf',
        contentType: 'application/pdf',
        size: 204800,
        extractionStatus: 'OK',
        extractionError: null,
        createdAt: '2026-01-02T08:00:00Z',
        uploadedBy: EDITOR,
      },
      {
        id: '4294967298',
        filename: '加密表格.xlsx',
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        size: 1024,
        extractionStatus: 'ENCRYPTED',
        extractionError: 'the file is password-protected',
        createdAt: '2026-01-03T08:00:00Z',
        uploadedBy: EDITOR,
      },
    ],
    versions: {
      totalCount: 2,
      edges: [
        {
          node: {
            id: 'v-2',
            number: 2,
            title: '宽带无法上网故障处理流程',
            changeNote: '补充时限',
            createdAt: '2026-01-04T08:00:00Z',
            author: EDITOR,
          },
        },
        {
          node: {
            id: 'v-1',
            number: 1,
            title: '宽带无法上网故障处理流程',
            changeNote: '初始版本',
            createdAt: '2026-01-01T08:00:00Z',
            author: EDITOR,
          },
        },
      ],
    },
    ...overrides,
  };
}

/** The answer to KnowledgeDocument for a document. */
export function documentAnswer(doc: KnowledgeDocumentFieldsFragment) {
  return { data: { node: { __typename: 'KnowledgeDocument', ...doc } } };
}

/** The roles and operations of the seeded knowledge editor. */
export const EDITOR_OPERATIONS = [
  'Query.node',
  'Query.searchKnowledge',
  'Query.knowledgeDocumentDiff',
  'Query.knowledgeCategories',
  'Query.products',
  'Mutation.changePassword',
  'Mutation.createKnowledgeDocument',
  'Mutation.updateKnowledgeDocument',
  'Mutation.lockKnowledgeDocument',
  'Mutation.unlockKnowledgeDocument',
  'Mutation.submitKnowledgeDocument',
  'Mutation.restoreKnowledgeDocumentVersion',
  'Mutation.uploadAttachment',
];

/** An agent: searches and reads published documents only. */
export const AGENT_OPERATIONS = ['Query.customers', 'Query.node', 'Query.searchKnowledge', 'Query.knowledgeDocumentDiff'];
