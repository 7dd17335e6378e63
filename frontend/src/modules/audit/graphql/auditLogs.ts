import { graphql } from '../../../generated';

/** One audit row as the audit log page shows it. */
export const AuditLogRowFragment = graphql(`
  fragment AuditLogRow on AuditLog {
    id
    createdAt
    actorType
    actorName
    action
    entityType
    entityID
    changes
    reason
    requestID
    clientIP
  }
`);

/** One page of the audit trail, newest first, filtered by action and entity type. */
export const AuditLogListQuery = graphql(`
  query AuditLogList(
    $first: Int
    $after: Cursor
    $last: Int
    $before: Cursor
    $where: AuditLogWhereInput
  ) {
    auditLogs(
      first: $first
      after: $after
      last: $last
      before: $before
      orderBy: { field: CREATED_AT, direction: DESC }
      where: $where
    ) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      edges {
        node {
          ...AuditLogRow
        }
      }
    }
  }
`);
