import type { KnowledgeSearchFilter, SearchKnowledgeQuery } from '@/generated/graphql';
import { useViewer } from '@/modules/auth';
import { graphqlQueryKey, request, type GraphQLRequestError } from '@/modules/graphql';
import { keepPreviousData, useInfiniteQuery, type InfiniteData } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { SearchKnowledgeQuery as SearchDocument } from '../graphql/search';
import type { KnowledgeHit } from '../types';
import { seesDrafts } from '../utils/labels';
import {
  parseSearchState,
  writeSearchState,
  type KnowledgeSearchState,
} from '../utils/searchParams';

/** Hits per page ("more" loads the next page after pageInfo.endCursor). */
export const SEARCH_PAGE_SIZE = 10;

/**
 * The knowledge search page: query and filters kept in the URL, the pages loaded so far
 * (each one after the previous page's endCursor), their hits, the first page's total and
 * facets. The status filter only applies for roles that see drafts.
 */
export function useKnowledgeSearch() {
  const { viewer } = useViewer();
  const draftsVisible = seesDrafts(viewer.roles);
  const [params, setParams] = useSearchParams();
  const key = params.toString();
  const state = useMemo(() => {
    const parsed = parseSearchState(new URLSearchParams(key));
    return draftsVisible ? parsed : { ...parsed, statuses: [] };
  }, [key, draftsVisible]);

  const variables = useMemo(() => {
    const filter: KnowledgeSearchFilter = {};
    if (state.categoryID) filter.categoryIDs = [state.categoryID];
    if (state.audiences.length) filter.audiences = state.audiences;
    if (state.statuses.length) filter.statuses = state.statuses;
    return {
      query: state.query,
      filter: Object.keys(filter).length ? filter : undefined,
      first: SEARCH_PAGE_SIZE,
    };
  }, [state]);

  const result = useInfiniteQuery<
    SearchKnowledgeQuery,
    GraphQLRequestError,
    InfiniteData<SearchKnowledgeQuery, string | undefined>,
    readonly unknown[],
    string | undefined
  >({
    queryKey: [...graphqlQueryKey(SearchDocument, variables), 'pages'],
    queryFn: ({ pageParam, signal }) =>
      request(SearchDocument, { ...variables, after: pageParam }, { signal }),
    initialPageParam: undefined,
    getNextPageParam: (last) => {
      const { hasNextPage, endCursor } = last.searchKnowledge.pageInfo;
      return hasNextPage && endCursor ? endCursor : undefined;
    },
    placeholderData: keepPreviousData,
  });

  const pages = result.data?.pages;
  const hits = useMemo<KnowledgeHit[]>(() => {
    // A document can move between pages while the index changes: show it once.
    const seen = new Set<string>();
    return (pages ?? [])
      .flatMap((page) => page.searchKnowledge.hits)
      .filter((hit) => !seen.has(hit.document.id) && Boolean(seen.add(hit.document.id)));
  }, [pages]);
  const first = pages?.[0]?.searchKnowledge;
  const last = pages?.[pages.length - 1]?.searchKnowledge;

  const update = useCallback(
    (change: Partial<KnowledgeSearchState>) =>
      setParams((current) => writeSearchState(current, { ...parseSearchState(current), ...change })),
    [setParams],
  );

  return {
    state,
    draftsVisible,
    update,
    hits,
    total: first?.total,
    tookMs: last?.tookMs,
    facets: first?.facets ?? [],
    hasMore: Boolean(result.hasNextPage),
    loadMore: () => void result.fetchNextPage(),
    isLoadingMore: result.isFetchingNextPage,
    isLoading: result.isPending,
    isFetching: result.isFetching && !result.isFetchingNextPage,
    error: result.error,
    refetch: () => void result.refetch(),
  };
}
