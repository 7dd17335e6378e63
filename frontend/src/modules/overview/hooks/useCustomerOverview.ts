import { useGraphQLQuery } from '@/modules/graphql';
import { CustomerOverviewQuery } from '../graphql/customerOverview';

const NO_VARIABLES = {};

/** Customer counts in total, by type and by status. */
export function useCustomerOverview() {
  return useGraphQLQuery(CustomerOverviewQuery, NO_VARIABLES);
}
