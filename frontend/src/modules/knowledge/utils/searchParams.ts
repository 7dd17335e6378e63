import { AUDIENCES, STATUSES, type KnowledgeDocumentAudience, type KnowledgeDocumentStatus } from '../types';

/**
 * The search page's state in the URL: `/knowledge?q=宽带&cat=<categoryID>&aud=PUBLIC,PARTNER&st=DRAFT`.
 * A reload or a shared link shows the same search; defaults are left out.
 */
export const SEARCH_PARAM = { query: 'q', category: 'cat', audience: 'aud', status: 'st' } as const;

export interface KnowledgeSearchState {
  query: string;
  categoryID?: string;
  audiences: KnowledgeDocumentAudience[];
  statuses: KnowledgeDocumentStatus[];
}

function listOf<T extends string>(raw: string | null, allowed: readonly T[]): T[] {
  if (!raw) return [];
  const values = raw.split(',').filter((v): v is T => (allowed as readonly string[]).includes(v));
  return [...new Set(values)];
}

export function parseSearchState(params: URLSearchParams): KnowledgeSearchState {
  return {
    query: (params.get(SEARCH_PARAM.query) ?? '').trim(),
    categoryID: params.get(SEARCH_PARAM.category) || undefined,
    audiences: listOf(params.get(SEARCH_PARAM.audience), AUDIENCES),
    statuses: listOf(params.get(SEARCH_PARAM.status), STATUSES),
  };
}

/** Writes a state into a copy of params, leaving unrelated params alone. */
export function writeSearchState(params: URLSearchParams, state: KnowledgeSearchState): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const key of Object.values(SEARCH_PARAM)) next.delete(key);
  const entries: Array<[string, string | undefined]> = [
    [SEARCH_PARAM.query, state.query.trim() || undefined],
    [SEARCH_PARAM.category, state.categoryID],
    [SEARCH_PARAM.audience, state.audiences.join(',') || undefined],
    [SEARCH_PARAM.status, state.statuses.join(',') || undefined],
  ];
  for (const [key, value] of entries) if (value) next.set(key, value);
  return next;
}
