import type {
  CustomerListQuery,
  CustomerListRowFragment,
  CustomerStatus,
  CustomerType,
} from '@/generated/graphql';

/** One row of the customer list, as the server sends it (mobile already masked if needed). */
export type CustomerListRow = CustomerListRowFragment;
export type CustomerPageInfo = CustomerListQuery['customers']['pageInfo'];
export type { CustomerStatus, CustomerType };
