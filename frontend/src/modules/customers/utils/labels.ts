import type { PlainMessageKey } from '@/i18n';
import type { CustomerStatus, CustomerType } from '../types';

// Template-literal keys: a new enum value in the schema without a catalog entry fails the build.
export function customerTypeKey(type: CustomerType): PlainMessageKey {
  return `customer.type.${type}`;
}

export function customerStatusKey(status: CustomerStatus): PlainMessageKey {
  return `customer.status.${status}`;
}

/** Ant Design tag colours per status. */
export const CUSTOMER_STATUS_COLOR: Record<CustomerStatus, string> = {
  ACTIVE: 'green',
  DORMANT: 'gold',
  CHURNED: 'default',
  MERGED: 'purple',
};

export const CUSTOMER_TYPE_COLOR: Record<CustomerType, string> = {
  PUBLIC: 'blue',
  BUSINESS: 'cyan',
  GOV_ENTERPRISE: 'geekblue',
};
