import { graphql } from '../../../generated';

/** The columns of the customer list; one row of CustomerListQuery. */
export const CustomerListRowFragment = graphql(`
  fragment CustomerListRow on Customer {
    id
    code
    name
    type
    mobile
    city
    status
    createdAt
  }
`);

/** One page of customers, newest first, optionally filtered by a name fragment. */
export const CustomerListQuery = graphql(`
  query CustomerList(
    $first: Int
    $after: Cursor
    $last: Int
    $before: Cursor
    $where: CustomerWhereInput
  ) {
    customers(
      first: $first
      after: $after
      last: $last
      before: $before
      orderBy: [{ field: CREATED_AT, direction: DESC }]
      where: $where
    ) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      edges {
        node {
          ...CustomerListRow
        }
      }
    }
  }
`);
