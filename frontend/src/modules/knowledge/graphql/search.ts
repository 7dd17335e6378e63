import { graphql } from '../../../generated';

/** One search hit: score, the snippets with <mark>ed matches, and the document's card fields. */
export const KnowledgeHitFragment = graphql(`
  fragment KnowledgeHitFields on KnowledgeHit {
    score
    highlights {
      field
      snippet
    }
    document {
      id
      title
      summary
      status
      pendingStatus
      audience
      tags
      updatedAt
      categories {
        id
        name
      }
    }
  }
`);

/** One page of knowledge search; `after` is the previous page's endCursor. */
export const SearchKnowledgeQuery = graphql(`
  query SearchKnowledge(
    $query: String!
    $filter: KnowledgeSearchFilter
    $first: Int
    $after: Cursor
  ) {
    searchKnowledge(query: $query, filter: $filter, first: $first, after: $after) {
      total
      tookMs
      facets {
        count
        category {
          id
          name
          taxonomy
        }
      }
      hits {
        ...KnowledgeHitFields
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** Every category (the trees are small), for the editor's category picker and filter labels. */
export const KnowledgeCategoriesQuery = graphql(`
  query KnowledgeCategories {
    knowledgeCategories(first: 100, orderBy: { field: SORT_ORDER, direction: ASC }) {
      edges {
        node {
          id
          name
          taxonomy
          parentID
          sortOrder
        }
      }
    }
  }
`);

/** The product catalog, for the editor's related-products picker. */
export const KnowledgeProductOptionsQuery = graphql(`
  query KnowledgeProductOptions {
    products(first: 100, orderBy: { field: CODE, direction: ASC }) {
      edges {
        node {
          id
          code
          name
          status
        }
      }
    }
  }
`);
