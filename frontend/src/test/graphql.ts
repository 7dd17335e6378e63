import type { Viewer } from '@/modules/auth';
import { vi } from 'vitest';

/** A request body as the app posts it to /graphql. */
export interface GraphQLBody {
  query: string;
  variables: Record<string, unknown>;
  operationName: string;
  /** A multipart request's file parts by name ("0", "1", …), with its `map`. */
  files?: Record<string, File>;
  map?: Record<string, string[]>;
}

/** Reads a JSON or multipart (graphql-multipart-request-spec) request body. */
function bodyOf(init: RequestInit): GraphQLBody {
  if (init.body instanceof FormData) {
    const form = init.body;
    const body = JSON.parse(String(form.get('operations'))) as GraphQLBody;
    body.map = JSON.parse(String(form.get('map'))) as Record<string, string[]>;
    body.files = {};
    for (const [name, value] of form.entries()) {
      if (value instanceof File) body.files[name] = value;
    }
    return body;
  }
  return JSON.parse(init.body as string) as GraphQLBody;
}

/** `undefined` from an answer leaves that request pending for ever. */
export type Answer = (body: GraphQLBody) => unknown;

/**
 * Replaces fetch with a fake /graphql: each request is recorded and answered with the JSON
 * the callback returns. Restore with vi.unstubAllGlobals().
 */
export function stubGraphQL(answer: Answer): GraphQLBody[] {
  const calls: GraphQLBody[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init: RequestInit) => {
      const body = bodyOf(init);
      calls.push(body);
      const result = answer(body);
      if (result === undefined) return new Promise<Response>(() => {});
      return new Response(JSON.stringify(result), {
        headers: { 'Content-Type': 'application/json' },
      });
    }),
  );
  return calls;
}

/** Every operation the app checks, as an admin has them. */
export const ALL_OPERATIONS = [
  'Query.customers',
  'Query.node',
  'Query.auditLogs',
  'Mutation.revealCustomerPII',
  'Mutation.changePassword',
  'Query.searchKnowledge',
  'Query.knowledgeDocumentDiff',
  'Query.knowledgeCategories',
  'Query.products',
  'Mutation.createKnowledgeDocument',
  'Mutation.updateKnowledgeDocument',
  'Mutation.lockKnowledgeDocument',
  'Mutation.unlockKnowledgeDocument',
  'Mutation.submitKnowledgeDocument',
  'Mutation.approveKnowledgeDocument',
  'Mutation.rejectKnowledgeDocument',
  'Mutation.archiveKnowledgeDocument',
  'Mutation.restoreKnowledgeDocumentVersion',
  'Mutation.uploadAttachment',
];

/** A signed-in staff user (an admin unless the operations say otherwise). */
export function testViewer(overrides: Partial<Viewer> = {}): Viewer {
  return {
    kind: 'USER',
    name: 'admin',
    roles: ['admin'],
    operations: ALL_OPERATIONS,
    user: { id: 'user-1', username: 'admin', displayName: '系统管理员' },
    ...overrides,
  };
}

/** The answer to the Viewer query. */
export function viewerAnswer(viewer: Viewer | null) {
  return { data: { viewer } };
}

/** An error answer as the server sends it. */
export function errorAnswer(code: string, message: string, extensions: Record<string, unknown> = {}) {
  return { errors: [{ message, extensions: { code, ...extensions } }], data: null };
}
