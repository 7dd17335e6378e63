import type { CustomerWhereInput } from '@/generated/graphql';
import { useCursorPage, useGraphQLQuery } from '@/modules/graphql';
import { useMemo } from 'react';
import { CustomerListQuery } from '../graphql/customerList';
import { rowsOf } from '../utils/rows';

/**
 * The customer list page: URL-kept cursor paging and search, the query, and its rows.
 * While the next page loads, the previous one stays on screen (`isPlaceholderData`).
 */
export function useCustomerList() {
  const paging = useCursorPage();
  const { query } = paging.state;
  const variables = useMemo(() => {
    const where: CustomerWhereInput | undefined = query ? { nameContains: query } : undefined;
    return { ...paging.variables, where };
  }, [paging.variables, query]);

  const result = useGraphQLQuery(CustomerListQuery, variables, { keepPrevious: true });
  const rows = useMemo(() => rowsOf(result.data), [result.data]);

  return {
    paging,
    rows,
    totalCount: result.data?.customers.totalCount,
    pageInfo: result.data?.customers.pageInfo,
    isLoading: result.isPending,
    isFetching: result.isFetching,
    error: result.error,
    refetch: result.refetch,
  };
}
