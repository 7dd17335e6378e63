import { graphql } from '../../../generated';

// Counts only: with no edges selected the server runs COUNT queries and loads no rows.
export const CustomerOverviewQuery = graphql(`
  query CustomerOverview {
    all: customers(first: 1) {
      totalCount
    }
    public: customers(first: 1, where: { type: PUBLIC }) {
      totalCount
    }
    business: customers(first: 1, where: { type: BUSINESS }) {
      totalCount
    }
    govEnterprise: customers(first: 1, where: { type: GOV_ENTERPRISE }) {
      totalCount
    }
    active: customers(first: 1, where: { status: ACTIVE }) {
      totalCount
    }
    dormant: customers(first: 1, where: { status: DORMANT }) {
      totalCount
    }
    churned: customers(first: 1, where: { status: CHURNED }) {
      totalCount
    }
  }
`);
