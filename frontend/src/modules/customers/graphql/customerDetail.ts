import { graphql } from '../../../generated';

/** One customer by its global ID; masked idNumber/mobile unless the viewer may read them. */
export const CustomerDetailQuery = graphql(`
  query CustomerDetail($id: ID!) {
    node(id: $id) {
      __typename
      ... on Customer {
        id
        code
        name
        type
        status
        idNumber
        mobile
        email
        province
        city
        district
        address
        tags
        createdAt
        updatedAt
        owner {
          id
          displayName
        }
        team {
          id
          name
        }
      }
    }
  }
`);

/** The customer's ID number and mobile in clear; the server records the reveal and reason. */
export const RevealCustomerPIIMutation = graphql(`
  mutation RevealCustomerPII($id: ID!, $reason: String!) {
    revealCustomerPII(id: $id, reason: $reason) {
      idNumber
      mobile
    }
  }
`);
