import { useI18n } from '@/i18n';
import { Tag } from 'antd';
import type { CustomerStatus, CustomerType } from '../types';
import {
  CUSTOMER_STATUS_COLOR,
  CUSTOMER_TYPE_COLOR,
  customerStatusKey,
  customerTypeKey,
} from '../utils/labels';

export function CustomerTypeTag({ type }: { type: CustomerType }) {
  const { t } = useI18n();
  return <Tag color={CUSTOMER_TYPE_COLOR[type]}>{t(customerTypeKey(type))}</Tag>;
}

export function CustomerStatusTag({ status }: { status: CustomerStatus }) {
  const { t } = useI18n();
  return <Tag color={CUSTOMER_STATUS_COLOR[status]}>{t(customerStatusKey(status))}</Tag>;
}
