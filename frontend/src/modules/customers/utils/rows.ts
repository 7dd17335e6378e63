import type { CustomerListQuery } from '@/generated/graphql';
import type { CustomerListRow } from '../types';

/** The non-null nodes of a page (Relay allows null edges and nodes). */
export function rowsOf(data: CustomerListQuery | undefined): CustomerListRow[] {
  return (data?.customers.edges ?? []).flatMap((edge) => (edge?.node ? [edge.node] : []));
}
