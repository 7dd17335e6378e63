package schema

import (
	"time"

	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"github.com/c360crm/c360/ent/schema/mixin"
)

// KnowledgeCategory is a node of one taxonomy tree (by product line, by business process, by
// audience, …). `path` holds the ancestor IDs so that a category filter covers its subtree.
type KnowledgeCategory struct {
	ent.Schema
}

// Mixin of KnowledgeCategory.
func (KnowledgeCategory) Mixin() []ent.Mixin { return []ent.Mixin{mixin.Time{}, mixin.Access{}} }

// Fields of KnowledgeCategory.
func (KnowledgeCategory) Fields() []ent.Field {
	return []ent.Field{
		field.String("name").NotEmpty().MaxLen(128).Annotations(entgql.OrderField("NAME")),
		field.String("taxonomy").NotEmpty().MaxLen(32).
			Comment("Which tree the category belongs to, e.g. PRODUCT_LINE, PROCESS, AUDIENCE."),
		field.Int("parent_id").Optional().Nillable(),
		field.String("path").Default("/").MaxLen(512).
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		field.Int("sort_order").Default(0).Annotations(entgql.OrderField("SORT_ORDER")),
	}
}

// Edges of KnowledgeCategory.
func (KnowledgeCategory) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("children", KnowledgeCategory.Type).From("parent").Field("parent_id").Unique(),
		edge.From("documents", KnowledgeDocument.Type).Ref("categories"),
	}
}

// Indexes of KnowledgeCategory.
func (KnowledgeCategory) Indexes() []ent.Index {
	return []ent.Index{index.Fields("taxonomy", "parent_id"), index.Fields("path")}
}

// Annotations of KnowledgeCategory.
func (KnowledgeCategory) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.RelayConnection(), entgql.QueryField()}
}

// KnowledgeDocument is an article of the knowledge base. Every save writes an immutable
// DocumentVersion; a published document stays visible while its next draft is reviewed.
type KnowledgeDocument struct {
	ent.Schema
}

// Mixin of KnowledgeDocument.
func (KnowledgeDocument) Mixin() []ent.Mixin { return []ent.Mixin{mixin.Time{}, mixin.Access{}} }

// Fields of KnowledgeDocument.
func (KnowledgeDocument) Fields() []ent.Field {
	return []ent.Field{
		field.String("title").NotEmpty().MaxLen(200).Annotations(entgql.OrderField("TITLE")),
		field.Text("body").Default("").Comment("Markdown."),
		field.String("summary").Optional().MaxLen(1000),
		field.Strings("tags").Optional(),
		field.Enum("audience").Values("INTERNAL", "PARTNER", "PUBLIC").Default("INTERNAL"),
		field.Enum("status").Values("DRAFT", "IN_REVIEW", "PUBLISHED", "ARCHIVED").Default("DRAFT").
			Annotations(entgql.OrderField("STATUS")),
		field.Int("current_version").Default(0).NonNegative().
			Comment("Number of the latest version (the working draft once a published document is edited)."),
		field.Int("published_version").Optional().Nillable().
			Comment("Number of the version readers see; empty until first published."),
		field.Enum("pending_status").Values("DRAFT", "IN_REVIEW").Optional().Nillable().
			Comment("Workflow state of the successor of a published document (its latest version), while one is being edited; the published content stays what readers see until the successor is approved."),
		field.Int("reviewer_id").Optional().Nillable().
			Comment("Who approved or rejected the last submission."),
		field.Time("reviewed_at").Optional().Nillable(),
		field.Int("author_id").Optional().Nillable(),
		field.Int("lock_holder_id").Optional().Nillable(),
		field.Time("lock_expires_at").Optional().Nillable(),
		field.Time("publish_at").Optional().Nillable().Comment("Scheduled publication."),
		field.Time("archive_at").Optional().Nillable().Comment("Scheduled archival."),
		field.Time("published_at").Optional().Nillable().Annotations(entgql.OrderField("PUBLISHED_AT")),
		field.String("review_comment").Optional().MaxLen(1000),
	}
}

// Edges of KnowledgeDocument.
func (KnowledgeDocument) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("categories", KnowledgeCategory.Type),
		edge.To("products", Product.Type).Comment("Related products."),
		edge.To("versions", DocumentVersion.Type).Annotations(entgql.RelayConnection()),
		edge.To("attachments", Attachment.Type),
		edge.To("author", User.Type).Field("author_id").Unique(),
		edge.To("lock_holder", User.Type).Field("lock_holder_id").Unique(),
		edge.From("service_requests", ServiceRequest.Type).Ref("knowledge_documents"),
	}
}

// Indexes of KnowledgeDocument.
func (KnowledgeDocument) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("status", "audience"),
		index.Fields("author_id"),
		index.Fields("publish_at"),
		index.Fields("archive_at"),
	}
}

// Annotations of KnowledgeDocument.
func (KnowledgeDocument) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.RelayConnection(), entgql.QueryField()}
}

// DocumentVersion is an immutable snapshot of a document at one save.
type DocumentVersion struct {
	ent.Schema
}

// Mixin of DocumentVersion.
func (DocumentVersion) Mixin() []ent.Mixin { return []ent.Mixin{mixin.CreatedOnly{}, mixin.Access{}} }

// Fields of DocumentVersion.
func (DocumentVersion) Fields() []ent.Field {
	return []ent.Field{
		field.Int("document_id").Immutable(),
		field.Int("number").Positive().Immutable().Annotations(entgql.OrderField("NUMBER")),
		field.String("title").Immutable(),
		field.Text("body").Immutable(),
		field.String("summary").Optional().Immutable(),
		field.Strings("tags").Optional().Immutable(),
		field.String("change_note").Optional().MaxLen(500).Immutable(),
		field.Int("author_id").Optional().Nillable().Immutable(),
	}
}

// Edges of DocumentVersion.
func (DocumentVersion) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("document", KnowledgeDocument.Type).Ref("versions").Field("document_id").Unique().Required().Immutable(),
		edge.To("author", User.Type).Field("author_id").Unique().Immutable(),
	}
}

// Indexes of DocumentVersion.
func (DocumentVersion) Indexes() []ent.Index {
	return []ent.Index{index.Fields("document_id", "number").Unique()}
}

// Annotations of DocumentVersion.
func (DocumentVersion) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.RelayConnection()}
}

// Attachment is a file attached to a document, kept in the blob store; its extracted text is
// indexed with the document.
type Attachment struct {
	ent.Schema
}

// Mixin of Attachment.
func (Attachment) Mixin() []ent.Mixin { return []ent.Mixin{mixin.CreatedOnly{}, mixin.Access{}} }

// Fields of Attachment.
func (Attachment) Fields() []ent.Field {
	return []ent.Field{
		field.Int("document_id").Optional().Nillable(),
		field.String("filename").NotEmpty().MaxLen(255),
		field.String("content_type").NotEmpty().MaxLen(128),
		field.Int64("size").NonNegative(),
		field.String("sha256").MaxLen(64),
		field.String("blob_key").NotEmpty().MaxLen(255).Annotations(entgql.Skip()),
		field.Enum("extraction_status").
			Values("PENDING", "OK", "FAILED", "UNSUPPORTED", "ENCRYPTED", "TOO_LARGE", "TIMEOUT").Default("PENDING"),
		field.String("extraction_error").Optional().MaxLen(500),
		field.Text("extracted_text").Optional().Annotations(entgql.Skip(entgql.SkipWhereInput)),
		field.Int("uploaded_by_id").Optional().Nillable(),
	}
}

// Edges of Attachment.
func (Attachment) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("document", KnowledgeDocument.Type).Ref("attachments").Field("document_id").Unique(),
		edge.To("uploaded_by", User.Type).Field("uploaded_by_id").Unique(),
	}
}

// Indexes of Attachment.
func (Attachment) Indexes() []ent.Index { return []ent.Index{index.Fields("document_id")} }

// SearchOutbox is a knowledge document whose search entries must be refreshed. A row is
// written in the transaction of every document change and deleted by the indexer once the
// search backend has the new entries, so nothing is lost when the backend is down or the
// process stops halfway.
type SearchOutbox struct {
	ent.Schema
}

// Mixin of SearchOutbox.
func (SearchOutbox) Mixin() []ent.Mixin { return []ent.Mixin{mixin.CreatedOnly{}} }

// Fields of SearchOutbox.
func (SearchOutbox) Fields() []ent.Field {
	return []ent.Field{
		field.Int("document_id"),
		field.Int("attempts").Default(0).NonNegative(),
		field.Time("next_attempt_at").Default(time.Now),
		field.String("last_error").Optional().MaxLen(500),
	}
}

// Indexes of SearchOutbox.
func (SearchOutbox) Indexes() []ent.Index {
	return []ent.Index{index.Fields("next_attempt_at"), index.Fields("document_id")}
}

// Annotations of SearchOutbox: not part of the graph.
func (SearchOutbox) Annotations() []schema.Annotation { return []schema.Annotation{entgql.Skip()} }
