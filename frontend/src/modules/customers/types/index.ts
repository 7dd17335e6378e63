import type {
  CustomerDetailQuery,
  CustomerListQuery,
  CustomerListRowFragment,
  CustomerStatus,
  CustomerType,
  RevealCustomerPiiMutation,
} from '@/generated/graphql';

/** One row of the customer list, as the server sends it (mobile already masked if needed). */
export type CustomerListRow = CustomerListRowFragment;
export type CustomerPageInfo = CustomerListQuery['customers']['pageInfo'];
/** The customer detail page's record (idNumber and mobile masked unless allowed). */
export type CustomerDetail = Extract<
  NonNullable<CustomerDetailQuery['node']>,
  { __typename: 'Customer' }
>;
/** idNumber and mobile in clear, from revealCustomerPII. */
export type CustomerPII = RevealCustomerPiiMutation['revealCustomerPII'];
export type { CustomerStatus, CustomerType };
