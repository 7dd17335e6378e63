import { formatDateTime, useI18n } from '@/i18n';
import { useCan } from '@/modules/auth';
import { Table, type TableColumnsType } from 'antd';
import { useMemo, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { CustomerListRow } from '../types';
import { CustomerStatusTag, CustomerTypeTag } from './CustomerTags';

export interface CustomerTableProps {
  rows: CustomerListRow[];
  loading: boolean;
  empty: ReactNode;
}

/** One page of customers; paging is outside (CursorPager), the order is the server's. */
export function CustomerTable({ rows, loading, empty }: CustomerTableProps) {
  const { t, locale } = useI18n();
  // The detail page loads the customer through `node`.
  const canOpen = useCan('Query.node');
  const columns = useMemo<TableColumnsType<CustomerListRow>>(
    () => [
      { key: 'code', title: t('customers.column.code'), dataIndex: 'code', width: 210 },
      {
        key: 'name',
        title: t('customers.column.name'),
        dataIndex: 'name',
        render: (_, row) =>
          canOpen ? <Link to={`/customers/${encodeURIComponent(row.id)}`}>{row.name}</Link> : row.name,
      },
      {
        key: 'type',
        title: t('customers.column.type'),
        dataIndex: 'type',
        render: (_, row) => <CustomerTypeTag type={row.type} />,
      },
      {
        key: 'mobile',
        title: t('customers.column.mobile'),
        dataIndex: 'mobile',
        render: (_, row) => <span data-testid="customer-row-mobile">{row.mobile}</span>,
      },
      { key: 'city', title: t('customers.column.city'), dataIndex: 'city' },
      {
        key: 'status',
        title: t('customers.column.status'),
        dataIndex: 'status',
        render: (_, row) => <CustomerStatusTag status={row.status} />,
      },
      {
        key: 'createdAt',
        title: t('customers.column.createdAt'),
        dataIndex: 'createdAt',
        render: (_, row) => (
          <time dateTime={row.createdAt}>{formatDateTime(row.createdAt, locale)}</time>
        ),
      },
    ],
    [t, locale, canOpen],
  );

  return (
    <Table<CustomerListRow>
      rowKey="id"
      columns={columns}
      dataSource={rows}
      loading={loading}
      pagination={false}
      size="middle"
      scroll={{ x: 900 }}
      locale={{ emptyText: empty }}
    />
  );
}
