import type { ViewerQuery } from '@/generated/graphql';

/** The signed-in principal as the `viewer` query returns it. */
export type Viewer = NonNullable<ViewerQuery['viewer']>;

/**
 * The root operations (`viewer.operations` entries) the app checks before it shows a menu
 * entry, a route or a button. A new check adds its operation here, so a typo does not compile.
 */
export type Operation =
  | 'Query.customers'
  | 'Query.node'
  | 'Query.auditLogs'
  | 'Mutation.revealCustomerPII'
  | 'Mutation.changePassword';

/** The login form's fields. */
export interface LoginValues {
  username: string;
  password: string;
}
