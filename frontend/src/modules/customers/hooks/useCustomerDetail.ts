import { useGraphQLMutation, useGraphQLQuery } from '@/modules/graphql';
import { useMemo } from 'react';
import { CustomerDetailQuery, RevealCustomerPIIMutation } from '../graphql/customerDetail';
import type { CustomerDetail } from '../types';

/** One customer by ID; `customer` is null when the ID names no customer the viewer can see. */
export function useCustomerDetail(id: string) {
  const variables = useMemo(() => ({ id }), [id]);
  const result = useGraphQLQuery(CustomerDetailQuery, variables);
  const node = result.data?.node;
  const customer: CustomerDetail | null =
    node?.__typename === 'Customer' ? node : null;
  return { ...result, customer };
}

/** revealCustomerPII: the clear ID number and mobile, audited with the reason. */
export function useRevealCustomerPII() {
  return useGraphQLMutation(RevealCustomerPIIMutation);
}
