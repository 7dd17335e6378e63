import { formatDateTime, useI18n } from '@/i18n';
import { useCan } from '@/modules/auth';
import { QueryError } from '@/modules/graphql';
import { PageHeader } from '@/ui/layout/PageHeader';
import { ArrowLeftOutlined, EyeOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Result, Skeleton, Space, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useCustomerDetail } from '../hooks/useCustomerDetail';
import type { CustomerDetail, CustomerPII } from '../types';
import { isMasked } from '../utils/pii';
import { CustomerStatusTag, CustomerTypeTag } from './CustomerTags';
import { RevealPIIModal } from './RevealPIIModal';

export interface CustomerDetailViewProps {
  id: string;
}

/**
 * One customer's details. ID number and mobile come masked for most roles; viewers allowed to
 * call revealCustomerPII get a "Reveal" action that asks for a reason (audited).
 */
export function CustomerDetailView({ id }: CustomerDetailViewProps) {
  const { t } = useI18n();
  const { customer, error, isPending, isFetching, refetch } = useCustomerDetail(id);

  let body: ReactNode;
  if (error && !isFetching) {
    body =
      error.code === 'NOT_FOUND' ? (
        <Result status="404" subTitle={t('customers.detail.notFound')} />
      ) : (
        <QueryError error={error} onRetry={() => void refetch()} />
      );
  } else if (isPending) {
    body = <Skeleton active paragraph={{ rows: 8 }} />;
  } else if (!customer) {
    body = <Result status="404" subTitle={t('customers.detail.notFound')} />;
  } else {
    body = <CustomerFields customer={customer} />;
  }

  return (
    <>
      <PageHeader
        title={customer?.name ?? t('customers.detail.title')}
        extra={
          <Link to="/customers">
            <ArrowLeftOutlined /> {t('customers.detail.back')}
          </Link>
        }
      />
      <Card>{body}</Card>
    </>
  );
}

function CustomerFields({ customer }: { customer: CustomerDetail }) {
  const { t, locale } = useI18n();
  const canReveal = useCan('Mutation.revealCustomerPII');
  const [revealing, setRevealing] = useState(false);
  const [revealed, setRevealed] = useState<CustomerPII>();
  const maskedAny = isMasked(customer.idNumber) || isMasked(customer.mobile);
  const showReveal = canReveal && maskedAny && !revealed;

  const pii = (masked: string | null, clear: string | null | undefined, testID: string) => {
    const value = revealed ? clear : masked;
    return (
      <Space size={8} wrap>
        {value ? (
          <Typography.Text code data-testid={testID}>
            {value}
          </Typography.Text>
        ) : (
          <span data-testid={testID}>—</span>
        )}
        {showReveal && isMasked(masked) ? (
          <Button
            size="small"
            type="link"
            icon={<EyeOutlined />}
            onClick={() => setRevealing(true)}
            data-testid={`${testID}-reveal`}
          >
            {t('customers.pii.reveal')}
          </Button>
        ) : null}
        {revealed && isMasked(masked) ? (
          <Tag color="orange" icon={<EyeOutlined />}>
            {t('customers.pii.revealed')}
          </Tag>
        ) : null}
      </Space>
    );
  };

  const region = [customer.province, customer.city, customer.district].filter(Boolean).join(' ');

  return (
    <>
      <Flex gap={8} style={{ marginBottom: 16 }}>
        <CustomerTypeTag type={customer.type} />
        <CustomerStatusTag status={customer.status} />
      </Flex>
      <Descriptions
        title={t('customers.detail.basic')}
        bordered
        size="middle"
        column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }}
        data-testid="customer-detail"
      >
        <Descriptions.Item label={t('customers.column.code')}>{customer.code}</Descriptions.Item>
        <Descriptions.Item label={t('customers.column.name')}>{customer.name}</Descriptions.Item>
        <Descriptions.Item label={t('customers.column.mobile')}>
          {pii(customer.mobile, revealed?.mobile, 'customer-mobile')}
        </Descriptions.Item>
        <Descriptions.Item label={t('customers.field.idNumber')}>
          {pii(customer.idNumber, revealed?.idNumber, 'customer-id-number')}
        </Descriptions.Item>
        <Descriptions.Item label={t('customers.field.email')}>{customer.email || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('customers.field.region')}>{region || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('customers.field.address')} span={2}>
          {customer.address || '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('customers.field.owner')}>
          {customer.owner?.displayName || '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('customers.field.team')}>
          {customer.team?.name || '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('customers.field.tags')} span={2}>
          {customer.tags?.length ? customer.tags.map((tag) => <Tag key={tag}>{tag}</Tag>) : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('customers.column.createdAt')}>
          <time dateTime={customer.createdAt}>{formatDateTime(customer.createdAt, locale)}</time>
        </Descriptions.Item>
        <Descriptions.Item label={t('customers.field.updatedAt')}>
          <time dateTime={customer.updatedAt}>{formatDateTime(customer.updatedAt, locale)}</time>
        </Descriptions.Item>
      </Descriptions>
      {canReveal ? (
        <RevealPIIModal
          customerID={customer.id}
          open={revealing}
          onClose={() => setRevealing(false)}
          onRevealed={setRevealed}
        />
      ) : null}
    </>
  );
}
