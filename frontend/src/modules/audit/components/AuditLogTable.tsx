import { formatDateTime, useI18n } from '@/i18n';
import { Flex, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo, type ReactNode } from 'react';
import type { AuditLogRow } from '../types';
import { ACTION_COLOR, actionKey, actorTypeKey, isKnownAction } from '../utils/labels';

export interface AuditLogTableProps {
  rows: AuditLogRow[];
  loading: boolean;
  empty: ReactNode;
}

/** One page of audit rows; a row expands to its recorded changes (PII already masked). */
export function AuditLogTable({ rows, loading, empty }: AuditLogTableProps) {
  const { t, locale } = useI18n();
  const columns = useMemo<TableColumnsType<AuditLogRow>>(
    () => [
      {
        key: 'createdAt',
        title: t('audit.column.createdAt'),
        dataIndex: 'createdAt',
        width: 170,
        render: (_, row) => (
          <time dateTime={row.createdAt}>{formatDateTime(row.createdAt, locale)}</time>
        ),
      },
      {
        key: 'actor',
        title: t('audit.column.actor'),
        render: (_, row) => (
          <Flex gap={6} align="center" wrap>
            <Tag bordered={false}>{t(actorTypeKey(row.actorType))}</Tag>
            <span>{row.actorName ?? '—'}</span>
          </Flex>
        ),
      },
      {
        key: 'action',
        title: t('audit.column.action'),
        dataIndex: 'action',
        render: (_, row) =>
          isKnownAction(row.action) ? (
            <Tag color={ACTION_COLOR[row.action]} title={row.action}>
              {t(actionKey(row.action))}
            </Tag>
          ) : (
            <Tag>{row.action}</Tag>
          ),
      },
      {
        key: 'entity',
        title: t('audit.column.entity'),
        render: (_, row) => (
          <span>
            {row.entityType}
            {row.entityID !== null ? (
              <Typography.Text type="secondary"> #{row.entityID}</Typography.Text>
            ) : null}
          </span>
        ),
      },
      {
        key: 'reason',
        title: t('audit.column.reason'),
        dataIndex: 'reason',
        ellipsis: true,
        render: (_, row) => row.reason || '—',
      },
      {
        key: 'requestID',
        title: t('audit.column.requestID'),
        dataIndex: 'requestID',
        width: 200,
        ellipsis: true,
        render: (_, row) =>
          row.requestID ? (
            <Typography.Text code copyable={{ text: row.requestID }}>
              {row.requestID}
            </Typography.Text>
          ) : (
            '—'
          ),
      },
    ],
    [t, locale],
  );

  return (
    <Table<AuditLogRow>
      rowKey="id"
      columns={columns}
      dataSource={rows}
      loading={loading}
      pagination={false}
      size="middle"
      scroll={{ x: 1000 }}
      locale={{ emptyText: empty }}
      expandable={{
        expandedRowRender: (row) => (
          <Flex vertical gap={8}>
            {row.clientIP ? (
              <Typography.Text type="secondary">
                {t('audit.clientIP')}: {row.clientIP}
              </Typography.Text>
            ) : null}
            <Typography.Text strong>{t('audit.changes')}</Typography.Text>
            {row.changes && Object.keys(row.changes).length > 0 ? (
              <pre style={{ margin: 0, fontSize: 12, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
                {JSON.stringify(row.changes, null, 2)}
              </pre>
            ) : (
              <Typography.Text type="secondary">{t('audit.noChanges')}</Typography.Text>
            )}
          </Flex>
        ),
      }}
    />
  );
}
