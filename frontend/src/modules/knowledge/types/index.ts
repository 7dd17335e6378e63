import type {
  AttachmentExtractionStatus,
  DiffOp,
  DocumentVersionQuery,
  KnowledgeCategoriesQuery,
  KnowledgeDocumentAudience,
  KnowledgeDocumentDiffQuery,
  KnowledgeDocumentFieldsFragment,
  KnowledgeDocumentPendingStatus,
  KnowledgeDocumentStatus,
  KnowledgeHitFieldsFragment,
  SearchKnowledgeQuery,
} from '@/generated/graphql';

/** The document page's record. */
export type KnowledgeDocument = KnowledgeDocumentFieldsFragment;
export type KnowledgeAttachment = NonNullable<KnowledgeDocument['attachments']>[number];
export type KnowledgeVersionRow = NonNullable<
  NonNullable<NonNullable<KnowledgeDocument['versions']['edges']>[number]>['node']
>;
/** One version's content (DocumentVersion by ID). */
export type KnowledgeVersionContent = Extract<
  NonNullable<DocumentVersionQuery['node']>,
  { __typename: 'DocumentVersion' }
>;

export type KnowledgeSearchResult = SearchKnowledgeQuery['searchKnowledge'];
export type KnowledgeHit = KnowledgeHitFieldsFragment;
export type KnowledgeFacet = KnowledgeSearchResult['facets'][number];

export type KnowledgeDiff = KnowledgeDocumentDiffQuery['knowledgeDocumentDiff'];
export type KnowledgeDiffLine = KnowledgeDiff['fields'][number]['lines'][number];

export type KnowledgeCategoryOption = NonNullable<
  NonNullable<NonNullable<KnowledgeCategoriesQuery['knowledgeCategories']['edges']>[number]>['node']
>;

export type {
  AttachmentExtractionStatus,
  DiffOp,
  KnowledgeDocumentAudience,
  KnowledgeDocumentPendingStatus,
  KnowledgeDocumentStatus,
};

export const AUDIENCES = ['INTERNAL', 'PARTNER', 'PUBLIC'] as const satisfies readonly KnowledgeDocumentAudience[];
export const STATUSES = [
  'DRAFT',
  'IN_REVIEW',
  'PUBLISHED',
  'ARCHIVED',
] as const satisfies readonly KnowledgeDocumentStatus[];

/** The fields of the create and edit forms. */
export interface KnowledgeDocumentFormValues {
  title: string;
  summary: string;
  body: string;
  tags: string[];
  audience: KnowledgeDocumentAudience;
  categoryIDs: string[];
  productIDs: string[];
  changeNote: string;
}
