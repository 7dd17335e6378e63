import type { CustomerStatus, CustomerType } from '@/generated/graphql';
import { formatCount, useI18n } from '@/i18n';
import { customerStatusKey, customerTypeKey } from '@/modules/customers';
import { QueryError } from '@/modules/graphql';
import { PageHeader } from '@/ui/layout/PageHeader';
import { Card, Col, Row, Skeleton, Statistic } from 'antd';
import { lazy, Suspense } from 'react';
import { useCustomerOverview } from '../hooks/useCustomerOverview';

const CustomerTypeChart = lazy(() => import('./CustomerTypeChart'));

const TYPES = [
  ['public', 'PUBLIC'],
  ['business', 'BUSINESS'],
  ['govEnterprise', 'GOV_ENTERPRISE'],
] as const satisfies ReadonlyArray<readonly [string, CustomerType]>;

const STATUSES = [
  ['active', 'ACTIVE'],
  ['dormant', 'DORMANT'],
  ['churned', 'CHURNED'],
] as const satisfies ReadonlyArray<readonly [string, CustomerStatus]>;

/** The placeholder dashboard: customer counts, and a pie by customer type. */
export function CustomerOverview() {
  const { t, locale } = useI18n();
  const { data, error, isPending, isFetching, refetch } = useCustomerOverview();

  let body;
  if (error && !isFetching) {
    body = <QueryError error={error} onRetry={() => void refetch()} />;
  } else if (isPending || !data) {
    body = <Skeleton active paragraph={{ rows: 6 }} />;
  } else {
    body = (
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12} lg={6}>
          <Card>
            <Statistic
              title={t('overview.totalCustomers')}
              value={formatCount(data.all.totalCount, locale)}
            />
          </Card>
        </Col>
        {STATUSES.map(([alias, status]) => (
          <Col key={status} xs={24} md={12} lg={6}>
            <Card>
              <Statistic
                title={t(customerStatusKey(status))}
                value={formatCount(data[alias].totalCount, locale)}
              />
            </Card>
          </Col>
        ))}
        <Col xs={24} lg={12}>
          <Card title={t('overview.byType')}>
            <Suspense fallback={<Skeleton active />}>
              <CustomerTypeChart
                ariaLabel={t('overview.byType')}
                slices={TYPES.map(([alias, type]) => ({
                  name: t(customerTypeKey(type)),
                  value: data[alias].totalCount,
                }))}
              />
            </Suspense>
          </Card>
        </Col>
      </Row>
    );
  }

  return (
    <>
      <PageHeader title={t('overview.title')} />
      {body}
    </>
  );
}
