package knowledge

import (
	"context"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"time"

	"github.com/c360crm/c360/authz"
	"github.com/c360crm/c360/ent"
	"github.com/c360crm/c360/ent/documentversion"
	"github.com/c360crm/c360/ent/knowledgedocument"
	"github.com/c360crm/c360/internal/apperr"
	"github.com/c360crm/c360/internal/audit"
	"github.com/c360crm/c360/internal/blob"
	"github.com/c360crm/c360/internal/validate"
	"github.com/c360crm/c360/search"
)

// DefaultLockTTL is how long an edit lock lasts unless renewed.
const DefaultLockTTL = 15 * time.Minute

// Options configure the service.
type Options struct {
	LockTTL time.Duration    // default 15m
	Now     func() time.Time // default time.Now
	// MaxUploadBytes bounds an attachment (default 20 MiB).
	MaxUploadBytes int64
}

// Service is the knowledge base.
type Service struct {
	client *ent.Client
	index  search.Index
	blobs  blob.Store
	log    *slog.Logger
	opts   Options
	// Indexer drains the search outbox; Notify wakes it after a change.
	Indexer *Indexer
}

// New returns the service over client, the search index and the blob store.
func New(client *ent.Client, index search.Index, blobs blob.Store, log *slog.Logger, opts Options) *Service {
	if opts.LockTTL == 0 {
		opts.LockTTL = DefaultLockTTL
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.MaxUploadBytes == 0 {
		opts.MaxUploadBytes = 20 << 20
	}
	s := &Service{client: client, index: index, blobs: blobs, log: log, opts: opts}
	s.Indexer = NewIndexer(client, index, log, opts.Now)
	return s
}

func (s *Service) now() time.Time { return s.opts.Now() }

// tx is the client of the mutation's transaction, or the plain client.
func (s *Service) tx(ctx context.Context) *ent.Client {
	if c := ent.FromContext(ctx); c != nil {
		return c
	}
	return s.client
}

// enqueue adds a search outbox row for the document in the caller's transaction and wakes
// the indexer (which waits for the commit: it only sees committed rows).
func (s *Service) enqueue(ctx context.Context, c *ent.Client, docID int) error {
	if err := c.SearchOutbox.Create().SetDocumentID(docID).Exec(ctx); err != nil {
		return fmt.Errorf("knowledge: search outbox: %w", err)
	}
	s.Indexer.Notify()
	return nil
}

func record(ctx context.Context, c *ent.Client, action string, id int, changes map[string]any) error {
	return audit.Record(ctx, c, audit.Entry{Action: "knowledge." + action, EntityType: "KnowledgeDocument", EntityID: &id, Changes: changes})
}

func userID(ctx context.Context) (int, error) {
	p := authz.FromContext(ctx)
	if p == nil || p.Kind != authz.KindUser {
		return 0, apperr.New(apperr.Forbidden, "only staff edit the knowledge base")
	}
	return p.ID, nil
}

// Create makes a draft with version 1, authored by the caller.
func (s *Service) Create(ctx context.Context, in DocumentInput) (*ent.KnowledgeDocument, error) {
	uid, err := userID(ctx)
	if err != nil {
		return nil, err
	}
	if in.Title == nil || strings.TrimSpace(*in.Title) == "" {
		return nil, validate.Field("title", "is required")
	}
	if err := checkInput(in); err != nil {
		return nil, err
	}
	c := s.tx(ctx)
	cr := c.KnowledgeDocument.Create().
		SetTitle(strings.TrimSpace(*in.Title)).SetAuthorID(uid).SetCurrentVersion(1).
		AddCategoryIDs(in.CategoryIDs...).AddProductIDs(in.ProductIDs...)
	if in.Body != nil {
		cr.SetBody(*in.Body)
	}
	if in.Summary != nil {
		cr.SetSummary(*in.Summary)
	}
	if in.Tags != nil {
		cr.SetTags(cleanTags(in.Tags))
	}
	if in.Audience != nil {
		cr.SetAudience(*in.Audience)
	}
	d, err := cr.Save(ctx)
	if err != nil {
		return nil, err
	}
	if err := s.saveVersion(ctx, c, d.ID, 1, d.Title, d.Body, d.Summary, d.Tags, in.ChangeNote, uid); err != nil {
		return nil, err
	}
	return d, s.enqueue(ctx, c, d.ID)
}

func checkInput(in DocumentInput) error {
	var errs validate.FieldErrors
	if in.Title != nil && (strings.TrimSpace(*in.Title) == "" || len([]rune(*in.Title)) > 200) {
		errs = append(errs, validate.Field("title", "must be 1 to 200 characters"))
	}
	if in.Summary != nil && len([]rune(*in.Summary)) > 1000 {
		errs = append(errs, validate.Field("summary", "must be at most 1000 characters"))
	}
	if in.Body != nil && len(*in.Body) > 2<<20 {
		errs = append(errs, validate.Field("body", "must be at most 2 MiB"))
	}
	if in.ChangeNote != nil && len([]rune(*in.ChangeNote)) > 500 {
		errs = append(errs, validate.Field("changeNote", "must be at most 500 characters"))
	}
	for _, t := range in.Tags {
		if t = strings.TrimSpace(t); t == "" || len([]rune(t)) > 32 {
			errs = append(errs, validate.Field("tags", "each tag must be 1 to 32 characters"))
			break
		}
	}
	if len(errs) > 0 {
		return errs
	}
	return nil
}

func cleanTags(tags []string) []string {
	out := make([]string, 0, len(tags))
	for _, t := range tags {
		if t = strings.TrimSpace(t); t != "" && !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return out
}

func (s *Service) saveVersion(ctx context.Context, c *ent.Client, docID, number int, title, body, summary string, tags []string, note *string, uid int) error {
	return c.DocumentVersion.Create().
		SetDocumentID(docID).SetNumber(number).SetTitle(title).SetBody(body).SetSummary(summary).
		SetTags(tags).SetNillableChangeNote(note).SetAuthorID(uid).Exec(ctx)
}

// holdsLock loads the document for an edit and checks that the caller holds its lock.
func (s *Service) holdsLock(ctx context.Context, c *ent.Client, id, uid int) (*ent.KnowledgeDocument, error) {
	d, err := c.KnowledgeDocument.Query().Where(knowledgedocument.ID(id)).WithLockHolder().Only(ctx)
	if err != nil {
		return nil, err
	}
	now := s.now()
	if d.LockHolderID == nil || d.LockExpiresAt == nil || !d.LockExpiresAt.After(now) {
		return nil, apperr.New(apperr.Conflict, "lock the document before editing it (lockKnowledgeDocument)")
	}
	if *d.LockHolderID != uid {
		return nil, lockConflict(d)
	}
	return d, nil
}

func lockConflict(d *ent.KnowledgeDocument) error {
	if d.LockHolderID == nil || d.LockExpiresAt == nil {
		// The winner of a race committed after this transaction's snapshot (MySQL's
		// repeatable read): the lock is taken, by whom this transaction cannot see yet.
		return apperr.New(apperr.Conflict, "another user took the edit lock just now; try again")
	}
	holder := "another user"
	if d.Edges.LockHolder != nil {
		holder = d.Edges.LockHolder.DisplayName
	}
	return apperr.New(apperr.Conflict, "the document is being edited by %s until %s", holder, d.LockExpiresAt.Format(time.RFC3339)).
		With("lockHolderID", *d.LockHolderID).With("lockHolder", holder).With("lockExpiresAt", d.LockExpiresAt.Format(time.RFC3339))
}

// Update saves a new version. A document that was never published takes the content at
// once (and goes back to DRAFT if it was in review); a published one keeps showing its
// published content while the new version is its draft successor.
func (s *Service) Update(ctx context.Context, id int, in DocumentInput) (*ent.KnowledgeDocument, error) {
	uid, err := userID(ctx)
	if err != nil {
		return nil, err
	}
	if err := checkInput(in); err != nil {
		return nil, err
	}
	c := s.tx(ctx)
	d, err := s.holdsLock(ctx, c, id, uid)
	if err != nil {
		return nil, err
	}
	if d.Status == knowledgedocument.StatusARCHIVED {
		return nil, apperr.New(apperr.Conflict, "an archived document cannot be edited")
	}
	latest, err := latestContent(ctx, c, d)
	if err != nil {
		return nil, err
	}
	title, body, summary, tags := latest.Title, latest.Body, latest.Summary, latest.Tags
	if in.Title != nil {
		title = strings.TrimSpace(*in.Title)
	}
	if in.Body != nil {
		body = *in.Body
	}
	if in.Summary != nil {
		summary = *in.Summary
	}
	if in.Tags != nil {
		tags = cleanTags(in.Tags)
	}
	next := d.CurrentVersion + 1
	if err := s.saveVersion(ctx, c, d.ID, next, title, body, summary, tags, in.ChangeNote, uid); err != nil {
		return nil, err
	}
	u := c.KnowledgeDocument.UpdateOneID(d.ID).SetCurrentVersion(next).ClearPublishAt()
	if in.Audience != nil {
		u.SetAudience(*in.Audience)
	}
	if in.CategoryIDs != nil {
		u.ClearCategories().AddCategoryIDs(in.CategoryIDs...)
	}
	if in.ProductIDs != nil {
		u.ClearProducts().AddProductIDs(in.ProductIDs...)
	}
	if d.PublishedVersion != nil {
		u.SetPendingStatus(knowledgedocument.PendingStatusDRAFT)
	} else {
		u.SetTitle(title).SetBody(body).SetSummary(summary).SetTags(tags).SetStatus(knowledgedocument.StatusDRAFT)
	}
	d, err = u.Save(ctx)
	if err != nil {
		return nil, err
	}
	return d, s.enqueue(ctx, c, d.ID)
}

// latestContent returns the document's latest version.
func latestContent(ctx context.Context, c *ent.Client, d *ent.KnowledgeDocument) (*ent.DocumentVersion, error) {
	v, err := c.DocumentVersion.Query().
		Where(documentversion.DocumentID(d.ID), documentversion.Number(d.CurrentVersion)).Only(ctx)
	if ent.IsNotFound(err) { // documents made before versions existed
		return &ent.DocumentVersion{Title: d.Title, Body: d.Body, Summary: d.Summary, Tags: d.Tags}, nil
	}
	return v, err
}

// Lock gives the caller the edit lock (or renews its own) for LockTTL. Taking a lock someone
// else holds is a CONFLICT naming the holder and the expiry; expired locks are free.
func (s *Service) Lock(ctx context.Context, id int) (*ent.KnowledgeDocument, error) {
	uid, err := userID(ctx)
	if err != nil {
		return nil, err
	}
	c := s.tx(ctx)
	now := s.now()
	// One conditional UPDATE: two editors racing cannot both win.
	n, err := c.KnowledgeDocument.Update().
		Where(knowledgedocument.ID(id), knowledgedocument.Or(
			knowledgedocument.LockHolderIDIsNil(),
			knowledgedocument.LockExpiresAtLTE(now),
			knowledgedocument.LockHolderID(uid),
		)).
		SetLockHolderID(uid).SetLockExpiresAt(now.Add(s.opts.LockTTL)).
		Save(ctx)
	if err != nil {
		return nil, err
	}
	d, err := c.KnowledgeDocument.Query().Where(knowledgedocument.ID(id)).WithLockHolder().Only(ctx)
	if err != nil {
		return nil, err
	}
	if n == 0 {
		return nil, lockConflict(d)
	}
	return d, nil
}

// Unlock releases the lock: its holder may, and an admin may break anybody's.
func (s *Service) Unlock(ctx context.Context, id int) (*ent.KnowledgeDocument, error) {
	uid, err := userID(ctx)
	if err != nil {
		return nil, err
	}
	c := s.tx(ctx)
	d, err := c.KnowledgeDocument.Query().Where(knowledgedocument.ID(id)).WithLockHolder().Only(ctx)
	if err != nil {
		return nil, err
	}
	if d.LockHolderID == nil {
		return d, nil
	}
	broken := *d.LockHolderID != uid
	if broken && d.LockExpiresAt.After(s.now()) && !authz.FromContext(ctx).IsAdmin() {
		return nil, lockConflict(d)
	}
	d, err = c.KnowledgeDocument.UpdateOne(d).ClearLockHolderID().ClearLockExpiresAt().Save(ctx)
	if err != nil {
		return nil, err
	}
	if broken {
		if err := record(ctx, c, "break_lock", d.ID, nil); err != nil {
			return nil, err
		}
	}
	return d, nil
}

// Submit sends a draft (or a published document's draft successor) to review.
func (s *Service) Submit(ctx context.Context, id int) (*ent.KnowledgeDocument, error) {
	c := s.tx(ctx)
	d, err := c.KnowledgeDocument.Get(ctx, id)
	if err != nil {
		return nil, err
	}
	u := c.KnowledgeDocument.UpdateOne(d).ClearReviewComment()
	switch {
	case d.Status == knowledgedocument.StatusDRAFT:
		u.SetStatus(knowledgedocument.StatusIN_REVIEW)
	case d.PendingStatus != nil && *d.PendingStatus == knowledgedocument.PendingStatusDRAFT:
		u.SetPendingStatus(knowledgedocument.PendingStatusIN_REVIEW)
	default:
		return nil, apperr.New(apperr.Conflict, "there is no draft to submit (status %s)", d.Status)
	}
	if d, err = u.Save(ctx); err != nil {
		return nil, err
	}
	if err := record(ctx, c, "submit", d.ID, map[string]any{"version": d.CurrentVersion}); err != nil {
		return nil, err
	}
	return d, s.enqueue(ctx, c, d.ID)
}

// inReviewDoc loads a document that must be in review (itself or its successor).
func inReviewDoc(ctx context.Context, c *ent.Client, id int) (*ent.KnowledgeDocument, error) {
	d, err := c.KnowledgeDocument.Get(ctx, id)
	if err != nil {
		return nil, err
	}
	if !inReview(d) {
		return nil, apperr.New(apperr.Conflict, "the document is not in review (status %s)", d.Status)
	}
	return d, nil
}

func inReview(d *ent.KnowledgeDocument) bool {
	return d.Status == knowledgedocument.StatusIN_REVIEW ||
		(d.PendingStatus != nil && *d.PendingStatus == knowledgedocument.PendingStatusIN_REVIEW)
}

// Approve publishes the version in review now, or schedules it for publishAt.
func (s *Service) Approve(ctx context.Context, id int, publishAt *time.Time) (*ent.KnowledgeDocument, error) {
	uid, err := userID(ctx)
	if err != nil {
		return nil, err
	}
	c := s.tx(ctx)
	d, err := inReviewDoc(ctx, c, id)
	if err != nil {
		return nil, err
	}
	now := s.now()
	if publishAt != nil && publishAt.After(now) {
		d, err = c.KnowledgeDocument.UpdateOne(d).SetPublishAt(*publishAt).SetReviewerID(uid).SetReviewedAt(now).Save(ctx)
		if err != nil {
			return nil, err
		}
		if err := record(ctx, c, "approve", d.ID, map[string]any{"version": d.CurrentVersion, "publishAt": publishAt.UTC().Format(time.RFC3339)}); err != nil {
			return nil, err
		}
		return d, nil
	}
	d, err = s.publish(ctx, c, d, &uid)
	if err != nil {
		return nil, err
	}
	if err := record(ctx, c, "approve", d.ID, map[string]any{"version": d.CurrentVersion}); err != nil {
		return nil, err
	}
	return d, nil
}

// publish makes the version in review the published one.
func (s *Service) publish(ctx context.Context, c *ent.Client, d *ent.KnowledgeDocument, reviewer *int) (*ent.KnowledgeDocument, error) {
	now := s.now()
	u := c.KnowledgeDocument.UpdateOne(d).
		SetStatus(knowledgedocument.StatusPUBLISHED).SetPublishedVersion(d.CurrentVersion).
		SetPublishedAt(now).ClearPendingStatus().ClearPublishAt().ClearReviewComment().SetReviewedAt(now)
	if reviewer != nil {
		u.SetReviewerID(*reviewer)
	}
	if d.PublishedVersion != nil { // a successor: its content becomes what readers see
		v, err := latestContent(ctx, c, d)
		if err != nil {
			return nil, err
		}
		u.SetTitle(v.Title).SetBody(v.Body).SetSummary(v.Summary).SetTags(v.Tags)
	}
	d, err := u.Save(ctx)
	if err != nil {
		return nil, err
	}
	return d, s.enqueue(ctx, c, d.ID)
}

// Reject sends the version in review back to draft with the reviewer's comment.
func (s *Service) Reject(ctx context.Context, id int, comment string) (*ent.KnowledgeDocument, error) {
	uid, err := userID(ctx)
	if err != nil {
		return nil, err
	}
	comment = strings.TrimSpace(comment)
	if comment == "" || len([]rune(comment)) > 1000 {
		return nil, validate.Field("comment", "must be 1 to 1000 characters")
	}
	c := s.tx(ctx)
	d, err := inReviewDoc(ctx, c, id)
	if err != nil {
		return nil, err
	}
	u := c.KnowledgeDocument.UpdateOne(d).SetReviewComment(comment).SetReviewerID(uid).SetReviewedAt(s.now()).ClearPublishAt()
	if d.Status == knowledgedocument.StatusIN_REVIEW {
		u.SetStatus(knowledgedocument.StatusDRAFT)
	} else {
		u.SetPendingStatus(knowledgedocument.PendingStatusDRAFT)
	}
	if d, err = u.Save(ctx); err != nil {
		return nil, err
	}
	if err := record(ctx, c, "reject", d.ID, map[string]any{"version": d.CurrentVersion, "comment": comment}); err != nil {
		return nil, err
	}
	return d, s.enqueue(ctx, c, d.ID)
}

// Archive retires a published document now, or at the given time.
func (s *Service) Archive(ctx context.Context, id int, at *time.Time) (*ent.KnowledgeDocument, error) {
	c := s.tx(ctx)
	d, err := c.KnowledgeDocument.Get(ctx, id)
	if err != nil {
		return nil, err
	}
	if d.Status != knowledgedocument.StatusPUBLISHED {
		return nil, apperr.New(apperr.Conflict, "only a published document can be archived (status %s)", d.Status)
	}
	if at != nil && at.After(s.now()) {
		d, err = c.KnowledgeDocument.UpdateOne(d).SetArchiveAt(*at).Save(ctx)
		if err != nil {
			return nil, err
		}
		return d, record(ctx, c, "archive", d.ID, map[string]any{"archiveAt": at.UTC().Format(time.RFC3339)})
	}
	d, err = s.archive(ctx, c, d)
	if err != nil {
		return nil, err
	}
	return d, record(ctx, c, "archive", d.ID, nil)
}

func (s *Service) archive(ctx context.Context, c *ent.Client, d *ent.KnowledgeDocument) (*ent.KnowledgeDocument, error) {
	d, err := c.KnowledgeDocument.UpdateOne(d).SetStatus(knowledgedocument.StatusARCHIVED).
		ClearArchiveAt().ClearPendingStatus().Save(ctx)
	if err != nil {
		return nil, err
	}
	return d, s.enqueue(ctx, c, d.ID)
}

// RunSchedule publishes the approved documents whose publication time has come and archives
// the ones whose archival time has come. It returns how many it changed.
func (s *Service) RunSchedule(ctx context.Context) (int, error) {
	now := s.now()
	changed := 0
	err := withTx(ctx, s.client, func(ctx context.Context, c *ent.Client) error {
		due, err := c.KnowledgeDocument.Query().Where(knowledgedocument.PublishAtLTE(now)).All(ctx)
		if err != nil {
			return err
		}
		for _, d := range due {
			if !inReview(d) {
				continue
			}
			if _, err := s.publish(ctx, c, d, nil); err != nil {
				return err
			}
			if err := record(ctx, c, "publish_scheduled", d.ID, map[string]any{"version": d.CurrentVersion}); err != nil {
				return err
			}
			changed++
		}
		old, err := c.KnowledgeDocument.Query().
			Where(knowledgedocument.ArchiveAtLTE(now), knowledgedocument.StatusEQ(knowledgedocument.StatusPUBLISHED)).All(ctx)
		if err != nil {
			return err
		}
		for _, d := range old {
			if _, err := s.archive(ctx, c, d); err != nil {
				return err
			}
			if err := record(ctx, c, "archive_scheduled", d.ID, nil); err != nil {
				return err
			}
			changed++
		}
		return nil
	})
	return changed, err
}

// RestoreVersion saves an old version's content as the newest version.
func (s *Service) RestoreVersion(ctx context.Context, versionID int) (*ent.KnowledgeDocument, error) {
	v, err := s.tx(ctx).DocumentVersion.Get(ctx, versionID)
	if err != nil {
		return nil, err
	}
	note := fmt.Sprintf("restored from version %d", v.Number)
	return s.Update(ctx, v.DocumentID, DocumentInput{Title: &v.Title, Body: &v.Body, Summary: &v.Summary, Tags: v.Tags, ChangeNote: &note})
}

// Link records that a document helped with a service request.
func (s *Service) Link(ctx context.Context, serviceRequestID, documentID int) (*ent.ServiceRequest, error) {
	c := s.tx(ctx)
	if _, err := c.KnowledgeDocument.Get(ctx, documentID); err != nil {
		return nil, err
	}
	return c.ServiceRequest.UpdateOneID(serviceRequestID).AddKnowledgeDocumentIDs(documentID).Save(ctx)
}

// withTx runs fn in a transaction of client (or the caller's, when ctx has one).
func withTx(ctx context.Context, client *ent.Client, fn func(context.Context, *ent.Client) error) error {
	if tx := ent.TxFromContext(ctx); tx != nil {
		return fn(ctx, tx.Client())
	}
	tx, err := client.Tx(ctx)
	if err != nil {
		return err
	}
	tctx := ent.NewTxContext(ent.NewContext(ctx, tx.Client()), tx)
	if err := fn(tctx, tx.Client()); err != nil {
		_ = tx.Rollback()
		return err
	}
	return tx.Commit()
}
