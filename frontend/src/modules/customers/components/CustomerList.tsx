import { formatCount, useI18n } from '@/i18n';
import { PAGE_SIZES, QueryError } from '@/modules/graphql';
import { CursorPager } from '@/ui/data/CursorPager';
import { PageHeader } from '@/ui/layout/PageHeader';
import { Card, Empty, Input, Skeleton } from 'antd';
import { useCustomerList } from '../hooks/useCustomerList';
import { CustomerTable } from './CustomerTable';

/** The customer list: search by name, cursor paging, states for loading, empty and error. */
export function CustomerList() {
  const { t, locale } = useI18n();
  const { paging, rows, totalCount, pageInfo, isLoading, isFetching, error, refetch } =
    useCustomerList();
  const { state } = paging;

  let body;
  if (error && !isFetching) {
    body = <QueryError error={error} onRetry={() => void refetch()} />;
  } else if (isLoading) {
    body = <Skeleton active paragraph={{ rows: 8 }} data-testid="customers-loading" />;
  } else {
    body = (
      <>
        <CustomerTable
          rows={rows}
          loading={isFetching}
          empty={
            <Empty
              description={
                state.query
                  ? t('customers.emptySearch', { query: state.query })
                  : t('customers.empty')
              }
            />
          }
        />
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
        title={t('customers.title')}
        extra={
          <Input.Search
            // Remount on URL change so back/forward shows the URL's query in the box.
            key={state.query}
            defaultValue={state.query}
            placeholder={t('customers.searchPlaceholder')}
            enterButton={t('common.search')}
            allowClear
            onSearch={paging.setQuery}
            style={{ maxWidth: 360 }}
          />
        }
      />
      <Card>{body}</Card>
    </>
  );
}
