import type { AuditLogWhereInput } from '@/generated/graphql';
import { useCursorPage, useGraphQLQuery } from '@/modules/graphql';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { AuditLogListQuery } from '../graphql/auditLogs';
import { AUDIT_FILTER_PARAM, type AuditLogFilters } from '../types';
import { auditRowsOf } from '../utils/labels';

/** The audit log page: URL-kept cursor paging and filters (?action=…&entity=…), the query. */
export function useAuditLogList() {
  const paging = useCursorPage();
  const [params] = useSearchParams();
  const action = params.get(AUDIT_FILTER_PARAM.action) || undefined;
  const entityType = params.get(AUDIT_FILTER_PARAM.entityType) || undefined;
  const filters = useMemo<AuditLogFilters>(() => ({ action, entityType }), [action, entityType]);

  const variables = useMemo(() => {
    const where: AuditLogWhereInput = {};
    if (action) where.action = action;
    if (entityType) where.entityType = entityType;
    return { ...paging.variables, where: action || entityType ? where : undefined };
  }, [paging.variables, action, entityType]);

  const result = useGraphQLQuery(AuditLogListQuery, variables, { keepPrevious: true });
  const rows = useMemo(() => auditRowsOf(result.data?.auditLogs.edges), [result.data]);

  return {
    paging,
    filters,
    setFilter: (name: keyof AuditLogFilters, value: string | undefined) =>
      paging.setFilter(AUDIT_FILTER_PARAM[name], value),
    rows,
    totalCount: result.data?.auditLogs.totalCount,
    pageInfo: result.data?.auditLogs.pageInfo,
    isLoading: result.isPending,
    isFetching: result.isFetching,
    error: result.error,
    refetch: result.refetch,
  };
}
