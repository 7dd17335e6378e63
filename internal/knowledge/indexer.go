package knowledge

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"log/slog"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/c360crm/c360/authz"
	"github.com/c360crm/c360/ent"
	"github.com/c360crm/c360/ent/attachment"
	"github.com/c360crm/c360/ent/knowledgedocument"
	"github.com/c360crm/c360/ent/privacy"
	"github.com/c360crm/c360/ent/searchoutbox"
	"github.com/c360crm/c360/ent/setting"
	"github.com/c360crm/c360/search"
)

// Indexer drains the search outbox into the search index: every committed document change
// has an outbox row, deleted only after the index has the new entries. A failure (the
// backend is down) leaves the rows with a growing back-off, so nothing is lost and the
// backlog is indexed once the backend is back; a restart resumes where it stopped.
type Indexer struct {
	client *ent.Client
	index  search.Index
	log    *slog.Logger
	now    func() time.Time
	wake   chan struct{}
	// Batch is how many outbox rows one round takes (default 200).
	Batch int
}

// NewIndexer returns an indexer over client and index (the Service makes its own).
func NewIndexer(client *ent.Client, index search.Index, log *slog.Logger, now func() time.Time) *Indexer {
	return &Indexer{client: client, index: index, log: log, now: now, wake: make(chan struct{}, 1), Batch: 200}
}

// Notify wakes the indexer (a change was made).
func (ix *Indexer) Notify() {
	select {
	case ix.wake <- struct{}{}:
	default:
	}
}

// system is the context of the indexer's reads: it sees every document.
func system(ctx context.Context) context.Context {
	return authz.NewContext(privacy.DecisionContext(ctx, privacy.Allow), authz.System)
}

// Run drains the outbox until ctx ends: after every wake-up and at least every interval.
// With several API instances on one database, the one holding the indexer lease drains; the
// others take over within a few seconds when it stops.
func (ix *Indexer) Run(ctx context.Context, interval time.Duration) {
	t := time.NewTicker(interval)
	defer t.Stop()
	instance := newInstanceID()
	for {
		if ok, err := ix.Lease(ctx, instance, max(3*interval, 5*time.Second)); err != nil && ctx.Err() == nil {
			ix.log.WarnContext(ctx, "search indexer: lease", "err", err)
		} else if ok {
			if _, err := ix.Drain(ctx); err != nil && ctx.Err() == nil {
				ix.log.WarnContext(ctx, "search indexer: backlog kept for a retry", "err", err)
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-ix.wake:
		case <-t.C:
		}
	}
}

// Drain indexes every due outbox row and returns how many documents it refreshed. It stops
// at the first backend failure (the rows stay, with a back-off).
func (ix *Indexer) Drain(ctx context.Context) (int, error) {
	ctx = system(ctx)
	done := 0
	for {
		rows, err := ix.client.SearchOutbox.Query().
			Where(searchoutbox.NextAttemptAtLTE(ix.now())).
			Order(ent.Asc(searchoutbox.FieldID)).Limit(ix.Batch).All(ctx)
		if err != nil || len(rows) == 0 {
			return done, err
		}
		byDoc := map[int][]int{}
		var order []int
		for _, r := range rows {
			if _, ok := byDoc[r.DocumentID]; !ok {
				order = append(order, r.DocumentID)
			}
			byDoc[r.DocumentID] = append(byDoc[r.DocumentID], r.ID)
		}
		for _, docID := range order {
			if err := ix.Refresh(ctx, docID); err != nil {
				ix.backOff(ctx, byDoc[docID], err)
				return done, err
			}
			if _, err := ix.client.SearchOutbox.Delete().Where(searchoutbox.IDIn(byDoc[docID]...)).Exec(ctx); err != nil {
				return done, err
			}
			done++
		}
	}
}

// backOff delays the rows: 1 s, 2 s, 4 s … up to 5 minutes.
func (ix *Indexer) backOff(ctx context.Context, ids []int, cause error) {
	rows, err := ix.client.SearchOutbox.Query().Where(searchoutbox.IDIn(ids...)).All(ctx)
	if err != nil {
		return
	}
	msg := cause.Error()
	if len(msg) > 500 {
		msg = msg[:500]
	}
	for _, r := range rows {
		delay := min(time.Second<<min(r.Attempts, 9), 5*time.Minute)
		_ = ix.client.SearchOutbox.UpdateOne(r).AddAttempts(1).
			SetNextAttemptAt(ix.now().Add(delay)).SetLastError(strings.ToValidUTF8(msg, "")).Exec(ctx)
	}
}

// Refresh writes the current search entries of one document (or deletes them when the
// document is gone).
func (ix *Indexer) Refresh(ctx context.Context, docID int) error {
	ctx = system(ctx)
	entries, err := Entries(ctx, ix.client, docID)
	if err != nil {
		return err
	}
	all := []string{strconv.Itoa(docID), strconv.Itoa(docID) + ":latest"}
	var stale []string
	for _, id := range all {
		if !slices.ContainsFunc(entries, func(e search.Document) bool { return e.ID == id }) {
			stale = append(stale, id)
		}
	}
	if len(entries) > 0 {
		if err := ix.index.Upsert(ctx, entries...); err != nil {
			return err
		}
	}
	if len(stale) > 0 {
		return ix.index.Delete(ctx, stale...)
	}
	return nil
}

// maxAttachmentText bounds the attachment text indexed per document.
const maxAttachmentText = 1 << 20

// Entries builds the search entries of a document: the published view (what readers find)
// when it has been published, and the latest view (what editors and reviewers find).
func Entries(ctx context.Context, c *ent.Client, docID int) ([]search.Document, error) {
	d, err := c.KnowledgeDocument.Query().Where(knowledgedocument.ID(docID)).
		WithCategories().WithProducts(func(q *ent.ProductQuery) { q.Select("id") }).
		WithAttachments(func(q *ent.AttachmentQuery) {
			q.Where(attachment.ExtractionStatusEQ(attachment.ExtractionStatusOK)).Order(ent.Asc(attachment.FieldID))
		}).Only(ctx)
	if ent.IsNotFound(err) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("knowledge: load document %d: %w", docID, err)
	}
	var att strings.Builder
	for _, a := range d.Edges.Attachments {
		if att.Len()+len(a.ExtractedText) > maxAttachmentText {
			break
		}
		att.WriteString(a.ExtractedText)
		att.WriteString("\n")
	}
	var cats, products []string
	for _, k := range d.Edges.Categories {
		for _, part := range strings.Split(strings.Trim(k.Path, "/"), "/") {
			if part != "" && !slices.Contains(cats, part) {
				cats = append(cats, part)
			}
		}
		if id := strconv.Itoa(k.ID); !slices.Contains(cats, id) {
			cats = append(cats, id)
		}
	}
	for _, p := range d.Edges.Products {
		products = append(products, strconv.Itoa(p.ID))
	}
	base := search.Document{
		DocumentID: strconv.Itoa(d.ID), Attachments: att.String(), Categories: cats,
		Audience: string(d.Audience), Products: products, UpdatedAt: d.UpdatedAt,
	}
	var out []search.Document
	if d.PublishedVersion != nil && (d.Status == knowledgedocument.StatusPUBLISHED || d.Status == knowledgedocument.StatusARCHIVED) {
		pub := base
		pub.ID, pub.Stage, pub.Status = base.DocumentID, search.StagePublished, string(d.Status)
		pub.Title, pub.Summary, pub.Body, pub.Tags = d.Title, d.Summary, d.Body, d.Tags
		out = append(out, pub)
	}
	latest := base
	latest.ID, latest.Stage, latest.Status = base.DocumentID+":latest", search.StageLatest, string(d.Status)
	latest.Title, latest.Summary, latest.Body, latest.Tags = d.Title, d.Summary, d.Body, d.Tags
	if d.PendingStatus != nil {
		latest.Status = string(*d.PendingStatus)
		v, err := latestContent(ctx, c, d)
		if err != nil {
			return nil, err
		}
		latest.Title, latest.Summary, latest.Body, latest.Tags = v.Title, v.Summary, v.Body, v.Tags
	}
	return append(out, latest), nil
}

// Reindex rebuilds the index from the database: it empties the index, indexes every
// document in batches (progress is called after each batch with done and total), and
// clears the outbox rows that existed when it started.
func Reindex(ctx context.Context, c *ent.Client, index search.Index, progress func(done, total int)) error {
	ctx = system(ctx)
	startOutbox, err := c.SearchOutbox.Query().Order(ent.Desc(searchoutbox.FieldID)).FirstID(ctx)
	if err != nil && !ent.IsNotFound(err) {
		return err
	}
	total, err := c.KnowledgeDocument.Query().Count(ctx)
	if err != nil {
		return err
	}
	if err := index.DeleteAll(ctx); err != nil {
		return err
	}
	done, last := 0, 0
	for {
		ids, err := c.KnowledgeDocument.Query().Where(knowledgedocument.IDGT(last)).
			Order(ent.Asc(knowledgedocument.FieldID)).Limit(500).IDs(ctx)
		if err != nil {
			return err
		}
		if len(ids) == 0 {
			break
		}
		var batch []search.Document
		for _, id := range ids {
			es, err := Entries(ctx, c, id)
			if err != nil {
				return err
			}
			batch = append(batch, es...)
		}
		if err := index.Upsert(ctx, batch...); err != nil {
			return err
		}
		done += len(ids)
		last = ids[len(ids)-1]
		if progress != nil {
			progress(done, total)
		}
	}
	if startOutbox > 0 {
		_, err = c.SearchOutbox.Delete().Where(searchoutbox.IDLTE(startOutbox)).Exec(ctx)
	}
	return err
}

// RetryNow makes every outbox row due at once (after an outage, instead of waiting for the
// back-off).
func (ix *Indexer) RetryNow(ctx context.Context) error {
	err := ix.client.SearchOutbox.Update().SetNextAttemptAt(ix.now()).Exec(system(ctx))
	ix.Notify()
	return err
}

// ReindexIfEmpty rebuilds the index when it is empty but documents exist.
func (s *Service) ReindexIfEmpty(ctx context.Context) error {
	n, err := s.index.Count(ctx)
	if err != nil || n > 0 {
		return err
	}
	docs, err := s.client.KnowledgeDocument.Query().Count(system(ctx))
	if err != nil || docs == 0 {
		return err
	}
	start := s.now()
	if err := Reindex(ctx, s.client, s.index, nil); err != nil {
		return err
	}
	s.log.InfoContext(ctx, "search index rebuilt", "documents", docs, "elapsed", time.Since(start).Round(time.Millisecond))
	return nil
}

// leaseKey is the Setting row of the indexer lease: "<expiry unix nanos, 20 digits>|<instance>".
const leaseKey = "search_indexer_lease"

func newInstanceID() string {
	b := make([]byte, 8)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// Lease takes or renews the indexer lease for ttl; it reports whether this instance holds it.
// One conditional UPDATE: of several instances only one can win an expired lease.
func (ix *Indexer) Lease(ctx context.Context, instance string, ttl time.Duration) (bool, error) {
	ctx = system(ctx)
	now := ix.now()
	err := ix.client.Setting.Create().SetKey(leaseKey).SetValue(fmt.Sprintf("%020d|", 0)).
		OnConflictColumns(setting.FieldKey).Ignore().Exec(ctx)
	if err != nil {
		return false, err
	}
	n, err := ix.client.Setting.Update().
		Where(setting.Key(leaseKey), setting.Or(
			setting.ValueLT(fmt.Sprintf("%020d", now.UnixNano())),
			setting.ValueHasSuffix("|"+instance),
		)).
		SetValue(fmt.Sprintf("%020d|%s", now.Add(ttl).UnixNano(), instance)).
		Save(ctx)
	return n == 1, err
}
