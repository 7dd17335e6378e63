// Package meili is the Meilisearch backend of package search, the production choice when
// several c360 servers share one search index. It talks to Meilisearch (1.15 or newer)
// through the official meilisearch-go client.
//
// Open connects, creates the index if it is missing and applies the index settings (see
// Settings); the package's init registers the "meili" URL scheme with search.Register, so
// that, once the package is imported (a blank import in main),
//
//	search.Open(ctx, "meili://search.internal:7700?key=API_KEY&index=knowledge&tls=1", dataDir)
//
// opens this backend (see parseURL for the URL form).
//
// Every write (Upsert, Delete, DeleteAll) waits until Meilisearch has processed its task, so
// that the next Search sees the change, as the search.Index contract requires. Network
// failures, timeouts, 5xx and 429 answers and Meilisearch internal or system errors are
// reported as search.ErrUnavailable (errors.Is); invalid requests, such as a bad filter or a
// wrong API key, are plain errors carrying Meilisearch's message and error code.
//
// Search follows the conformance suite in search/searchtest: any word of the text may match
// and entries matching more words rank higher, quoted phrases are required, snippets are
// HTML-escaped with the matches in <mark>; see Index.Search.
package meili

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/meilisearch/meilisearch-go"

	"github.com/c360crm/c360/search"
)

// Attribute names of an entry as stored in Meilisearch.
const (
	attrID          = "id" // the primary key: search.Document.ID, encoded by encodeID
	attrDocumentID  = "documentId"
	attrStage       = "stage"
	attrTitle       = "title"
	attrSummary     = "summary"
	attrBody        = "body"
	attrAttachments = "attachments"
	attrTags        = "tags"
	attrCategories  = "categories"
	attrAudience    = "audience"
	attrStatus      = "status"
	attrProducts    = "products"
	attrUpdatedAt   = "updatedAt" // Unix milliseconds

	// The CJK characters of a text field, one word each (charsOf), so that a one-character
	// query finds a character that Meilisearch's Chinese segmenter keeps inside a longer word
	// (卡 in 流量卡).
	attrTitleChars       = "titleChars"
	attrSummaryChars     = "summaryChars"
	attrBodyChars        = "bodyChars"
	attrAttachmentsChars = "attachmentsChars"
)

// Defaults of an Index; tests shorten them.
const (
	defaultRequestTimeout  = 15 * time.Second // one HTTP request: search, health, stats, enqueue
	defaultTaskTimeout     = 60 * time.Second // waiting for a document task to finish
	defaultSettingsTimeout = 5 * time.Minute  // waiting for index creation and settings (may reindex)
	taskPollInterval       = 20 * time.Millisecond
	defaultLimit           = 20
	maxBatchDocs           = 1000     // documents per add-documents request
	maxBatchBytes          = 16 << 20 // payload bytes per add-documents request
	maxIDBytes             = 511      // Meilisearch's limit for a document identifier
	maxIndexUIDBytes       = 400      // Meilisearch's limit for an index uid
	cropLength             = 30       // words around the matches in body/attachments snippets
	defaultCandidateLimit  = 1000     // hits read per sub-query of a several-word search
)

// highlightFields are the fields whose snippets become search.Highlight, in this order.
var highlightFields = []string{attrTitle, attrSummary, attrBody, attrAttachments}

// Index is a search.Index stored in one Meilisearch index. It is safe for concurrent use.
type Index struct {
	uid       string
	client    meilisearch.ServiceManager
	index     meilisearch.IndexManager
	transport *http.Transport

	// preTag and postTag are the highlight markers requested from Meilisearch: unique per
	// Index (random) so that no document text can contain them; see snippet.
	preTag, postTag string

	requestTimeout  time.Duration
	taskTimeout     time.Duration
	settingsTimeout time.Duration
	candidateLimit  int // hits read per sub-query of a several-word search (searchUnion)
}

var _ search.Index = (*Index)(nil)

// Open connects to the Meilisearch server at host ("http://127.0.0.1:7700",
// "https://search.example.com"; a host without scheme means http) with apiKey (empty for a
// server without master key) and opens the index indexUID, creating it when it does not
// exist. It applies Settings and waits until Meilisearch has applied them, which is a no-op
// when they are already in force. Errors reaching the server wrap search.ErrUnavailable.
func Open(ctx context.Context, host, apiKey, indexUID string) (*Index, error) {
	if err := validIndexUID(indexUID); err != nil {
		return nil, err
	}
	ix, err := newIndex(host, apiKey, indexUID)
	if err != nil {
		return nil, err
	}
	if err := ix.Ping(ctx); err != nil {
		ix.Close()
		return nil, err
	}
	if err := ix.setup(ctx); err != nil {
		ix.Close()
		return nil, err
	}
	return ix, nil
}

// newIndex makes an Index without contacting the server.
func newIndex(host, apiKey, indexUID string) (*Index, error) {
	host = strings.TrimRight(strings.TrimSpace(host), "/")
	if host == "" {
		return nil, errors.New("meili: empty host")
	}
	if !strings.Contains(host, "://") {
		host = "http://" + host
	}
	transport := &http.Transport{
		Proxy: http.ProxyFromEnvironment,
		DialContext: (&net.Dialer{
			Timeout:   5 * time.Second,
			KeepAlive: 30 * time.Second,
		}).DialContext,
		MaxIdleConns:          32,
		MaxIdleConnsPerHost:   32,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ExpectContinueTimeout: time.Second,
		ForceAttemptHTTP2:     true,
	}
	client := meilisearch.New(host,
		meilisearch.WithAPIKey(apiKey),
		meilisearch.WithCustomClient(&http.Client{Transport: transport}),
		// The client's retries resend requests whose body was already consumed and sleep for
		// seconds; callers of search.Index retry on ErrUnavailable themselves.
		meilisearch.DisableRetries(),
	)
	nonce := make([]byte, 8)
	if _, err := rand.Read(nonce); err != nil {
		return nil, fmt.Errorf("meili: random highlight tag: %w", err)
	}
	n := hex.EncodeToString(nonce)
	return &Index{
		uid:             indexUID,
		client:          client,
		index:           client.Index(indexUID),
		transport:       transport,
		preTag:          "\ue000" + n + "\ue001",
		postTag:         "\ue002" + n + "\ue003",
		requestTimeout:  defaultRequestTimeout,
		taskTimeout:     defaultTaskTimeout,
		settingsTimeout: defaultSettingsTimeout,
		candidateLimit:  defaultCandidateLimit,
	}, nil
}

// validIndexUID checks Meilisearch's rule for index uids: 1–400 characters among a–z, A–Z,
// 0–9, '-' and '_'.
func validIndexUID(uid string) error {
	if uid == "" || len(uid) > maxIndexUIDBytes {
		return fmt.Errorf("meili: invalid index uid %q: want 1 to %d characters", uid, maxIndexUIDBytes)
	}
	for _, c := range []byte(uid) {
		if !isIDByte(c) && c != '_' {
			return fmt.Errorf("meili: invalid index uid %q: only a-z, A-Z, 0-9, '-' and '_' are allowed", uid)
		}
	}
	return nil
}

// UID returns the uid of the Meilisearch index.
func (ix *Index) UID() string { return ix.uid }

// Settings returns the index settings that Open applies:
//
//   - searchable attributes, by weight: title, summary, body, attachments, tags, then the
//     single CJK characters of title, summary, body and attachments (see attrTitleChars);
//   - filterable: stage, documentId, categories, audience, status, tags, products, and id
//     (searchUnion highlights a page of entries by ID);
//   - sortable: updatedAt and id;
//   - ranking rules: words, typo, proximity, attribute, sort, exactness, then updatedAt:desc
//     and id:asc, so that newer entries come first among equally relevant ones and the
//     order is stable across pages;
//   - typo tolerance on (one typo from 5 characters, two from 9: routers finds router) but
//     never on numbers, tags or the character fields; Chinese words are shorter than 5
//     characters and so matched exactly;
//   - localized attributes: the text is Chinese or English, so Meilisearch never mistakes a
//     Han-only text for Japanese and segments it with its Chinese (jieba) dictionary;
//   - pagination maxTotalHits 100000, so Total counts every match;
//   - faceting: up to 1000 categories, by count.
//
// They need Meilisearch 1.15 or newer (typoTolerance.disableOnNumbers).
func Settings() *meilisearch.Settings {
	charFields := []string{attrTitleChars, attrSummaryChars, attrBodyChars, attrAttachmentsChars}
	searchable := append([]string{attrTitle, attrSummary, attrBody, attrAttachments, attrTags}, charFields...)
	return &meilisearch.Settings{
		SearchableAttributes: searchable,
		FilterableAttributes: []string{attrStage, attrDocumentID, attrCategories, attrAudience, attrStatus, attrTags, attrProducts, attrID},
		SortableAttributes:   []string{attrUpdatedAt, attrID},
		RankingRules: []string{"words", "typo", "proximity", "attribute", "sort", "exactness",
			attrUpdatedAt + ":desc", attrID + ":asc"},
		TypoTolerance: &meilisearch.TypoTolerance{
			Enabled:             true,
			MinWordSizeForTypos: meilisearch.MinWordSizeForTypos{OneTypo: 5, TwoTypos: 9},
			DisableOnWords:      []string{},
			DisableOnAttributes: append([]string{attrTags}, charFields...),
			DisableOnNumbers:    true,
		},
		LocalizedAttributes: []*meilisearch.LocalizedAttributes{{
			AttributePatterns: searchable,
			Locales:           searchLocales,
		}},
		Pagination: &meilisearch.Pagination{MaxTotalHits: 100000},
		Faceting: &meilisearch.Faceting{
			MaxValuesPerFacet: 1000,
			SortFacetValuesBy: map[string]meilisearch.SortFacetType{attrCategories: meilisearch.SortFacetTypeCount},
		},
	}
}

// searchLocales are the languages of the indexed text and of queries.
var searchLocales = []string{"zh", "en"}

// setup creates the index with primary key id when it is missing and applies Settings.
func (ix *Index) setup(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, ix.settingsTimeout)
	defer cancel()

	info, err := ix.index.FetchInfoWithContext(ctx)
	if err != nil && apiCode(err) == "index_not_found" {
		task, cerr := ix.client.CreateIndexWithContext(ctx, &meilisearch.IndexConfig{Uid: ix.uid, PrimaryKey: attrID})
		if cerr != nil {
			return mapErr("create index", cerr)
		}
		if werr := ix.wait(ctx, "create index", task); werr != nil && apiCode(werr) != "index_already_exists" {
			return werr
		}
		info, err = ix.index.FetchInfoWithContext(ctx)
	}
	if err != nil {
		return mapErr("get index", err)
	}
	switch info.PrimaryKey {
	case attrID:
	case "":
		task, err := ix.index.UpdateIndexWithContext(ctx, &meilisearch.UpdateIndexRequestParams{PrimaryKey: attrID})
		if err != nil {
			return mapErr("set primary key", err)
		}
		if err := ix.wait(ctx, "set primary key", task); err != nil {
			return err
		}
	default:
		return fmt.Errorf("meili: index %q has primary key %q, want %q", ix.uid, info.PrimaryKey, attrID)
	}

	task, err := ix.index.UpdateSettingsWithContext(ctx, Settings())
	if err != nil {
		return mapErr("update settings", err)
	}
	return ix.wait(ctx, "update settings", task)
}

// wait waits until Meilisearch has processed task and returns an error unless it
// succeeded. A task failed with an internal or system error wraps search.ErrUnavailable.
func (ix *Index) wait(ctx context.Context, op string, info *meilisearch.TaskInfo) error {
	if info == nil {
		return fmt.Errorf("meili %s: no task in Meilisearch's answer", op)
	}
	task, err := ix.client.WaitForTaskWithContext(ctx, info.TaskUID, taskPollInterval)
	if err != nil {
		return mapErr(op, err)
	}
	switch task.Status {
	case meilisearch.TaskStatusSucceeded:
		return nil
	case meilisearch.TaskStatusFailed:
		e := &apiError{
			op:      op,
			code:    task.Error.Code,
			errType: task.Error.Type,
			message: fmt.Sprintf("task %d failed: %s", info.TaskUID, task.Error.Message),
		}
		if e.errType == "internal" || e.errType == "system" {
			return fmt.Errorf("%w: %w", search.ErrUnavailable, e)
		}
		return e
	default:
		return fmt.Errorf("meili %s: task %d ended with status %q", op, info.TaskUID, task.Status)
	}
}

// doc is an entry as stored in Meilisearch.
type doc struct {
	ID          string   `json:"id"`
	DocumentID  string   `json:"documentId"`
	Stage       string   `json:"stage"`
	Title       string   `json:"title"`
	Summary     string   `json:"summary"`
	Body        string   `json:"body"`
	Attachments string   `json:"attachments"`
	Tags        []string `json:"tags"`
	Categories  []string `json:"categories"`
	Audience    string   `json:"audience"`
	Status      string   `json:"status"`
	Products    []string `json:"products"`
	UpdatedAt   int64    `json:"updatedAt"`

	TitleChars       string `json:"titleChars"`
	SummaryChars     string `json:"summaryChars"`
	BodyChars        string `json:"bodyChars"`
	AttachmentsChars string `json:"attachmentsChars"`
}

func toDoc(d search.Document) (doc, error) {
	id, err := encodeID(d.ID)
	if err != nil {
		return doc{}, err
	}
	nonNil := func(s []string) []string {
		if s == nil {
			return []string{}
		}
		return s
	}
	var updated int64
	if !d.UpdatedAt.IsZero() {
		updated = d.UpdatedAt.UnixMilli()
	}
	return doc{
		ID:          id,
		DocumentID:  d.DocumentID,
		Stage:       d.Stage,
		Title:       d.Title,
		Summary:     d.Summary,
		Body:        d.Body,
		Attachments: d.Attachments,
		Tags:        nonNil(d.Tags),
		Categories:  nonNil(d.Categories),
		Audience:    d.Audience,
		Status:      d.Status,
		Products:    nonNil(d.Products),
		UpdatedAt:   updated,

		TitleChars:       charsOf(d.Title),
		SummaryChars:     charsOf(d.Summary),
		BodyChars:        charsOf(d.Body),
		AttachmentsChars: charsOf(d.Attachments),
	}, nil
}

// Upsert adds or replaces entries by ID and waits until Meilisearch has indexed them. Large
// sets are sent in several requests (at most 1000 entries or 16 MiB each).
func (ix *Index) Upsert(ctx context.Context, docs ...search.Document) error {
	if len(docs) == 0 {
		return nil
	}
	// Within one call the last version of an ID wins, as in consecutive calls.
	last := make(map[string]int, len(docs))
	for i, d := range docs {
		last[d.ID] = i
	}
	var batches [][]byte
	var buf []byte
	n := 0
	flush := func() {
		if n > 0 {
			batches = append(batches, append(buf, ']'))
		}
		buf, n = nil, 0
	}
	for i, d := range docs {
		if last[d.ID] != i {
			continue
		}
		md, err := toDoc(d)
		if err != nil {
			return err
		}
		b, err := json.Marshal(md)
		if err != nil {
			return fmt.Errorf("meili upsert: %w", err)
		}
		if n > 0 && (n >= maxBatchDocs || len(buf)+len(b)+2 > maxBatchBytes) {
			flush()
		}
		if n == 0 {
			buf = append(buf, '[')
		} else {
			buf = append(buf, ',')
		}
		buf = append(buf, b...)
		n++
	}
	flush()

	// Each batch gets the task timeout: a large upsert may legitimately take long.
	ctx, cancel := context.WithTimeout(ctx, ix.taskTimeout*time.Duration(len(batches)))
	defer cancel()
	pk := attrID
	tasks := make([]*meilisearch.TaskInfo, 0, len(batches))
	for _, b := range batches {
		task, err := ix.index.AddDocumentsWithContext(ctx, b, &meilisearch.DocumentOptions{PrimaryKey: &pk})
		if err != nil {
			return mapErr("upsert", err)
		}
		tasks = append(tasks, task)
	}
	for _, t := range tasks {
		if err := ix.wait(ctx, "upsert", t); err != nil {
			return err
		}
	}
	return nil
}

// Delete removes entries by ID and waits until Meilisearch has removed them. Unknown IDs are
// not an error.
func (ix *Index) Delete(ctx context.Context, ids ...string) error {
	if len(ids) == 0 {
		return nil
	}
	enc := make([]string, 0, len(ids))
	for _, id := range ids {
		e, err := encodeID(id)
		if err != nil {
			continue // no entry can have this ID
		}
		enc = append(enc, e)
	}
	if len(enc) == 0 {
		return nil
	}
	ctx, cancel := context.WithTimeout(ctx, ix.taskTimeout)
	defer cancel()
	task, err := ix.index.DeleteDocumentsWithContext(ctx, enc, nil)
	if err != nil {
		return mapErr("delete", err)
	}
	return ix.wait(ctx, "delete", task)
}

// DeleteAll removes every entry (the settings stay) and waits until Meilisearch has done it.
func (ix *Index) DeleteAll(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, ix.taskTimeout)
	defer cancel()
	task, err := ix.index.DeleteAllDocumentsWithContext(ctx, nil)
	if err != nil {
		return mapErr("delete all", err)
	}
	return ix.wait(ctx, "delete all", task)
}

// Count returns the number of entries.
func (ix *Index) Count(ctx context.Context) (int, error) {
	ctx, cancel := context.WithTimeout(ctx, ix.requestTimeout)
	defer cancel()
	st, err := ix.index.GetStatsWithContext(ctx, nil)
	if err != nil {
		return 0, mapErr("count", err)
	}
	return int(st.NumberOfDocuments), nil
}

// Ping asks Meilisearch's /health; anything but "available" is search.ErrUnavailable.
func (ix *Index) Ping(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, ix.requestTimeout)
	defer cancel()
	h, err := ix.client.HealthWithContext(ctx)
	if err != nil {
		return mapErr("health", err)
	}
	if h.Status != "available" {
		return fmt.Errorf("%w: meili health: status %q", search.ErrUnavailable, h.Status)
	}
	return nil
}

// Close releases idle connections. The index and its entries stay on the server.
func (ix *Index) Close() error {
	ix.transport.CloseIdleConnections()
	return nil
}

// drop deletes the whole Meilisearch index (tests use it to clean up).
func (ix *Index) drop(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, ix.taskTimeout)
	defer cancel()
	task, err := ix.client.DeleteIndexWithContext(ctx, ix.uid)
	if err != nil {
		return mapErr("delete index", err)
	}
	if err := ix.wait(ctx, "delete index", task); err != nil && apiCode(err) != "index_not_found" {
		return err
	}
	return nil
}
