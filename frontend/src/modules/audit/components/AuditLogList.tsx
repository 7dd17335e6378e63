import { formatCount, useI18n } from '@/i18n';
import { PAGE_SIZES, QueryError } from '@/modules/graphql';
import { CursorPager } from '@/ui/data/CursorPager';
import { PageHeader } from '@/ui/layout/PageHeader';
import { Card, Empty, Select, Skeleton, Space } from 'antd';
import { useAuditLogList } from '../hooks/useAuditLogList';
import { actionKey, ENTITY_TYPES, KNOWN_ACTIONS } from '../utils/labels';
import { AuditLogTable } from './AuditLogTable';

/** The audit trail (admins): newest first, filtered by action and entity type, cursor paged. */
export function AuditLogList() {
  const { t, locale } = useI18n();
  const { paging, filters, setFilter, rows, totalCount, pageInfo, isLoading, isFetching, error, refetch } =
    useAuditLogList();
  const { state } = paging;

  let body;
  if (error && !isFetching) {
    body = <QueryError error={error} onRetry={() => void refetch()} />;
  } else if (isLoading) {
    body = <Skeleton active paragraph={{ rows: 8 }} />;
  } else {
    body = (
      <>
        <AuditLogTable rows={rows} loading={isFetching} empty={<Empty description={t('audit.empty')} />} />
        <CursorPager
          status={t('common.pageStatus', {
            page: state.page,
            total: formatCount(totalCount ?? 0, locale),
          })}
          canPrevious={state.page > 1}
          canNext={Boolean(pageInfo?.hasNextPage && pageInfo.endCursor)}
          onFirst={paging.goFirst}
          onPrevious={() => paging.goPrevious(pageInfo?.startCursor ?? '')}
          onNext={() => pageInfo?.endCursor && paging.goNext(pageInfo.endCursor)}
          size={state.size}
          sizes={PAGE_SIZES}
          onSizeChange={paging.setSize}
          disabled={isFetching}
          labels={{
            first: t('common.firstPage'),
            previous: t('common.previousPage'),
            next: t('common.nextPage'),
            size: (size) => t('common.pageSize', { size }),
          }}
        />
      </>
    );
  }

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        extra={
          <Space wrap>
            <Select<string>
              aria-label={t('audit.filter.action')}
              data-testid="audit-filter-action"
              placeholder={t('audit.filter.action')}
              value={filters.action}
              onChange={(value) => setFilter('action', value)}
              allowClear
              style={{ width: 180 }}
              options={KNOWN_ACTIONS.map((action) => ({
                value: action,
                label: t(actionKey(action)),
              }))}
            />
            <Select<string>
              aria-label={t('audit.filter.entityType')}
              data-testid="audit-filter-entity"
              placeholder={t('audit.filter.entityType')}
              value={filters.entityType}
              onChange={(value) => setFilter('entityType', value)}
              allowClear
              showSearch
              style={{ width: 200 }}
              options={ENTITY_TYPES.map((type) => ({ value: type, label: type }))}
            />
          </Space>
        }
      />
      <Card>{body}</Card>
    </>
  );
}
