import { graphql } from '../../../generated';

/** Everything the document page shows, except version contents (loaded on demand). */
export const KnowledgeDocumentFragment = graphql(`
  fragment KnowledgeDocumentFields on KnowledgeDocument {
    id
    title
    summary
    body
    tags
    audience
    status
    pendingStatus
    currentVersion
    publishedVersion
    createdAt
    updatedAt
    publishedAt
    publishAt
    archiveAt
    reviewedAt
    reviewComment
    lockHolderID
    lockExpiresAt
    lockHolder {
      id
      displayName
      username
    }
    author {
      id
      displayName
      username
    }
    categories {
      id
      name
      taxonomy
    }
    products {
      id
      code
      name
    }
    attachments {
      id
      filename
      contentType
      size
      extractionStatus
      extractionError
      createdAt
      uploadedBy {
        id
        displayName
        username
      }
    }
    versions(first: 100, orderBy: { field: NUMBER, direction: DESC }) {
      totalCount
      edges {
        node {
          id
          number
          title
          changeNote
          createdAt
          author {
            id
            displayName
            username
          }
        }
      }
    }
  }
`);

/** One knowledge document by ID; null when it is not there for this viewer. */
export const KnowledgeDocumentQuery = graphql(`
  query KnowledgeDocument($id: ID!) {
    node(id: $id) {
      __typename
      ... on KnowledgeDocument {
        ...KnowledgeDocumentFields
      }
    }
  }
`);

/** The content of one version (the working draft of a published document, an old version). */
export const DocumentVersionQuery = graphql(`
  query DocumentVersion($id: ID!) {
    node(id: $id) {
      __typename
      ... on DocumentVersion {
        id
        number
        title
        summary
        body
        tags
        changeNote
        createdAt
        author {
          id
          displayName
          username
        }
      }
    }
  }
`);

/** Line diff of title, summary and body between two versions. */
export const KnowledgeDocumentDiffQuery = graphql(`
  query KnowledgeDocumentDiff($id: ID!, $fromVersion: Int!, $toVersion: Int!) {
    knowledgeDocumentDiff(id: $id, fromVersion: $fromVersion, toVersion: $toVersion) {
      fromVersion
      toVersion
      fields {
        field
        lines {
          op
          text
        }
      }
    }
  }
`);
