import { graphql } from '../../../generated';

// Every workflow mutation answers with the document's page fields, so the page can put the
// answer straight into the cache.

export const CreateKnowledgeDocumentMutation = graphql(`
  mutation CreateKnowledgeDocument($input: KnowledgeDocumentInput!) {
    createKnowledgeDocument(input: $input) {
      id
      title
    }
  }
`);

export const UpdateKnowledgeDocumentMutation = graphql(`
  mutation UpdateKnowledgeDocument($id: ID!, $input: KnowledgeDocumentInput!) {
    updateKnowledgeDocument(id: $id, input: $input) {
      ...KnowledgeDocumentFields
    }
  }
`);

export const LockKnowledgeDocumentMutation = graphql(`
  mutation LockKnowledgeDocument($id: ID!) {
    lockKnowledgeDocument(id: $id) {
      ...KnowledgeDocumentFields
    }
  }
`);

export const UnlockKnowledgeDocumentMutation = graphql(`
  mutation UnlockKnowledgeDocument($id: ID!) {
    unlockKnowledgeDocument(id: $id) {
      ...KnowledgeDocumentFields
    }
  }
`);

export const SubmitKnowledgeDocumentMutation = graphql(`
  mutation SubmitKnowledgeDocument($id: ID!) {
    submitKnowledgeDocument(id: $id) {
      ...KnowledgeDocumentFields
    }
  }
`);

export const ApproveKnowledgeDocumentMutation = graphql(`
  mutation ApproveKnowledgeDocument($id: ID!, $publishAt: Time) {
    approveKnowledgeDocument(id: $id, publishAt: $publishAt) {
      ...KnowledgeDocumentFields
    }
  }
`);

export const RejectKnowledgeDocumentMutation = graphql(`
  mutation RejectKnowledgeDocument($id: ID!, $comment: String!) {
    rejectKnowledgeDocument(id: $id, comment: $comment) {
      ...KnowledgeDocumentFields
    }
  }
`);

export const ArchiveKnowledgeDocumentMutation = graphql(`
  mutation ArchiveKnowledgeDocument($id: ID!, $at: Time) {
    archiveKnowledgeDocument(id: $id, at: $at) {
      ...KnowledgeDocumentFields
    }
  }
`);

export const RestoreKnowledgeDocumentVersionMutation = graphql(`
  mutation RestoreKnowledgeDocumentVersion($versionID: ID!) {
    restoreKnowledgeDocumentVersion(versionID: $versionID) {
      ...KnowledgeDocumentFields
    }
  }
`);

/** A multipart request: request() sends the File in `file` as a file part. */
export const UploadAttachmentMutation = graphql(`
  mutation UploadAttachment($documentID: ID!, $file: Upload!) {
    uploadAttachment(documentID: $documentID, file: $file) {
      id
      filename
      extractionStatus
    }
  }
`);
