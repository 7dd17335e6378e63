import type { PlainMessageKey } from '@/i18n';
import type {
  AttachmentExtractionStatus,
  DiffOp,
  KnowledgeDocumentAudience,
  KnowledgeDocumentPendingStatus,
  KnowledgeDocumentStatus,
} from '../types';

// Template-literal keys: a new enum value in the schema without a catalog entry fails the build.
export function statusKey(status: KnowledgeDocumentStatus): PlainMessageKey {
  return `knowledge.status.${status}`;
}

export function pendingStatusKey(status: KnowledgeDocumentPendingStatus): PlainMessageKey {
  return `knowledge.pendingStatus.${status}`;
}

export function audienceKey(audience: KnowledgeDocumentAudience): PlainMessageKey {
  return `knowledge.audience.${audience}`;
}

export function extractionKey(status: AttachmentExtractionStatus): PlainMessageKey {
  return `knowledge.extraction.${status}`;
}

export function diffOpKey(op: DiffOp): PlainMessageKey {
  return `knowledge.diff.op.${op}`;
}

/** Snippet fields the server sends ("title", "summary", "body", "attachments"). */
const HIGHLIGHT_FIELDS = ['title', 'summary', 'body', 'attachments'] as const;
type HighlightField = (typeof HIGHLIGHT_FIELDS)[number];

function isHighlightField(field: string): field is HighlightField {
  return (HIGHLIGHT_FIELDS as readonly string[]).includes(field);
}

/** The label of a snippet's field; undefined for a field this client does not know. */
export function highlightFieldKey(field: string): PlainMessageKey | undefined {
  return isHighlightField(field) ? `knowledge.field.${field}` : undefined;
}

/** Diffed fields ("title", "summary", "body"). */
export function diffFieldKey(field: string): PlainMessageKey | undefined {
  return field === 'title' || field === 'summary' || field === 'body'
    ? `knowledge.field.${field}`
    : undefined;
}

export const STATUS_COLOR: Record<KnowledgeDocumentStatus, string> = {
  DRAFT: 'default',
  IN_REVIEW: 'processing',
  PUBLISHED: 'success',
  ARCHIVED: 'warning',
};

export const PENDING_STATUS_COLOR: Record<KnowledgeDocumentPendingStatus, string> = {
  DRAFT: 'default',
  IN_REVIEW: 'processing',
};

export const AUDIENCE_COLOR: Record<KnowledgeDocumentAudience, string> = {
  INTERNAL: 'geekblue',
  PARTNER: 'purple',
  PUBLIC: 'cyan',
};

export const EXTRACTION_COLOR: Record<AttachmentExtractionStatus, string> = {
  PENDING: 'processing',
  OK: 'success',
  FAILED: 'error',
  UNSUPPORTED: 'default',
  ENCRYPTED: 'warning',
  TOO_LARGE: 'warning',
  TIMEOUT: 'warning',
};

/** Roles whose searches include drafts and documents in review (the server's rule). */
export const DRAFT_ROLES = ['admin', 'knowledge_editor', 'reviewer'] as const;

export function seesDrafts(roles: readonly string[]): boolean {
  return roles.some((role) => (DRAFT_ROLES as readonly string[]).includes(role));
}

/** A byte count as B / KB / MB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

const TAXONOMIES = ['PRODUCT_LINE', 'PROCESS', 'AUDIENCE'] as const;
type Taxonomy = (typeof TAXONOMIES)[number];

/** The label of a category tree; undefined for a taxonomy this client does not know. */
export function taxonomyKey(taxonomy: string): PlainMessageKey | undefined {
  return (TAXONOMIES as readonly string[]).includes(taxonomy)
    ? `knowledge.taxonomy.${taxonomy as Taxonomy}`
    : undefined;
}
