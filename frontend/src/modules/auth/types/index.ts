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
  | 'Mutation.changePassword'
  | 'Query.searchKnowledge'
  | 'Query.knowledgeDocumentDiff'
  | 'Query.knowledgeCategories'
  | 'Query.products'
  | 'Mutation.createKnowledgeDocument'
  | 'Mutation.updateKnowledgeDocument'
  | 'Mutation.lockKnowledgeDocument'
  | 'Mutation.unlockKnowledgeDocument'
  | 'Mutation.submitKnowledgeDocument'
  | 'Mutation.approveKnowledgeDocument'
  | 'Mutation.rejectKnowledgeDocument'
  | 'Mutation.archiveKnowledgeDocument'
  | 'Mutation.restoreKnowledgeDocumentVersion'
  | 'Mutation.uploadAttachment';

/** The login form's fields. */
export interface LoginValues {
  username: string;
  password: string;
}
