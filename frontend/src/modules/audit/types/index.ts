import type {
  AuditLogActorType,
  AuditLogListQuery,
  AuditLogRowFragment,
} from '@/generated/graphql';

export type AuditLogRow = AuditLogRowFragment;
export type AuditLogPageInfo = AuditLogListQuery['auditLogs']['pageInfo'];
export type { AuditLogActorType };

/** URL parameters of the page's filters (besides the paging ones). */
export const AUDIT_FILTER_PARAM = { action: 'action', entityType: 'entity' } as const;

export interface AuditLogFilters {
  action?: string;
  entityType?: string;
}
