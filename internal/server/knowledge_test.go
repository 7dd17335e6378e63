package server_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/c360crm/c360/authz"
	"github.com/c360crm/c360/ent/knowledgedocument"
	"github.com/c360crm/c360/internal/knowledge"
	"github.com/c360crm/c360/internal/server"
	"github.com/c360crm/c360/internal/testenv"
	"github.com/c360crm/c360/search"
)

// kb is a knowledge-base test world: an editor, a second editor, a reviewer, an agent, a
// partner key and a customer session on one server.
type kb struct {
	*world
	editor, editor2, reviewer, agent, partner, customer *testenv.Client
}

func newKB(t *testing.T) *kb {
	w := newWorld(t)
	testenv.CreateUser(t, w.d, "editor2", worldPassword, nil, authz.RoleKnowledgeEditor)
	return &kb{world: w,
		editor: w.clients["knowledge_editor"], editor2: w.admin.Login(t, "editor2", worldPassword),
		reviewer: w.clients["reviewer"], agent: w.clients["agent"], partner: w.clients["partner"], customer: w.clients["customer"]}
}

type docOut struct {
	ID, Title, Status, Audience string
	PendingStatus               *string
	CurrentVersion              int
	PublishedVersion            *int
	ReviewComment               string
}

const docFields = `id title status audience pendingStatus currentVersion publishedVersion reviewComment`

func mustDoc(t *testing.T, r *testenv.Response, field string) docOut {
	t.Helper()
	var data map[string]docOut
	r.MustOK(t, &data)
	return data[field]
}

func (k *kb) do(t *testing.T, c *testenv.Client, op, args string, vars map[string]any) *testenv.Response {
	t.Helper()
	return c.Do(t, `mutation($id: ID!) { `+op+`(id: $id`+args+`) { `+docFields+` } }`, vars)
}

func searchTitles(t *testing.T, c *testenv.Client, q string) (titles []string, total int) {
	t.Helper()
	var out struct {
		SearchKnowledge struct {
			Total int
			Hits  []struct{ Document struct{ Title string } }
		} `json:"searchKnowledge"`
	}
	c.Do(t, `query($q: String!) { searchKnowledge(query: $q, first: 50) { total hits { document { title } } } }`,
		map[string]any{"q": q}).MustOK(t, &out)
	for _, h := range out.SearchKnowledge.Hits {
		titles = append(titles, h.Document.Title)
	}
	return titles, out.SearchKnowledge.Total
}

// TestKnowledgeLifecycle: draft → review → reject → review → publish; editing a published
// document keeps readers on the published version until the successor is approved; archive;
// restore; diff; every transition in the audit trail.
func TestKnowledgeLifecycle(t *testing.T) {
	k := newKB(t)
	var created struct{ CreateKnowledgeDocument docOut }
	k.editor.Do(t, `mutation { createKnowledgeDocument(input: {title: "携号转网办理指南", body: "第一步：发送短信 CXXZ 到 10086。", audience: PUBLIC, tags: ["携号转网"]}) { `+docFields+` } }`, nil).MustOK(t, &created)
	d := created.CreateKnowledgeDocument
	id := map[string]any{"id": d.ID}
	if d.Status != "DRAFT" || d.CurrentVersion != 1 {
		t.Fatalf("created: %+v", d)
	}
	// Saving without the lock is refused.
	if r := k.do(t, k.editor, "updateKnowledgeDocument", `, input: {body: "x"}`, id); r.Code() != "CONFLICT" {
		t.Fatalf("update without the lock: %s", r.Raw)
	}
	k.do(t, k.editor, "lockKnowledgeDocument", "", id).MustOK(t, nil)
	d = mustDoc(t, k.do(t, k.editor, "updateKnowledgeDocument", `, input: {body: "第一步：编辑短信 CXXZ#姓名#证件号 发送到 10086。", changeNote: "补充格式"}`, id), "updateKnowledgeDocument")
	if d.CurrentVersion != 2 {
		t.Fatalf("after update: %+v", d)
	}
	k.DrainIndex(t)
	// A draft is invisible to readers, visible to editors and reviewers.
	if _, n := searchTitles(t, k.customer, "携号转网"); n != 0 {
		t.Errorf("customer finds a draft: %d", n)
	}
	if _, n := searchTitles(t, k.agent, "携号转网"); n != 0 {
		t.Errorf("agent finds a draft: %d", n)
	}
	if titles, _ := searchTitles(t, k.reviewer, "携号转网"); len(titles) != 1 {
		t.Errorf("reviewer's search: %v", titles)
	}

	// Review: reject with a comment, fix, submit again, approve.
	d = mustDoc(t, k.do(t, k.editor, "submitKnowledgeDocument", "", id), "submitKnowledgeDocument")
	if d.Status != "IN_REVIEW" {
		t.Fatalf("submitted: %+v", d)
	}
	if r := k.do(t, k.reviewer, "rejectKnowledgeDocument", `, comment: ""`, id); r.Code() != "BAD_USER_INPUT" {
		t.Errorf("reject without a comment: %s", r.Raw)
	}
	d = mustDoc(t, k.do(t, k.reviewer, "rejectKnowledgeDocument", `, comment: "请补充办理条件"`, id), "rejectKnowledgeDocument")
	if d.Status != "DRAFT" || d.ReviewComment != "请补充办理条件" {
		t.Fatalf("rejected: %+v", d)
	}
	k.do(t, k.editor, "updateKnowledgeDocument", `, input: {summary: "办理条件：已实名、无欠费、非合约期。"}`, id).MustOK(t, nil)
	k.do(t, k.editor, "submitKnowledgeDocument", "", id).MustOK(t, nil)
	if r := k.do(t, k.editor, "approveKnowledgeDocument", "", id); r.Code() != "FORBIDDEN" {
		t.Errorf("editor approving: %s", r.Raw)
	}
	d = mustDoc(t, k.do(t, k.reviewer, "approveKnowledgeDocument", "", id), "approveKnowledgeDocument")
	if d.Status != "PUBLISHED" || d.PublishedVersion == nil || *d.PublishedVersion != 3 {
		t.Fatalf("approved: %+v", d)
	}
	k.DrainIndex(t)
	if titles, _ := searchTitles(t, k.customer, "携号转网"); len(titles) != 1 || titles[0] != "携号转网办理指南" {
		t.Errorf("customer after publication: %v", titles)
	}

	// Editing the published document: readers keep the published version.
	d = mustDoc(t, k.do(t, k.editor, "updateKnowledgeDocument", `, input: {title: "携号转网办理指南（2027版）"}`, id), "updateKnowledgeDocument")
	if d.Status != "PUBLISHED" || d.PendingStatus == nil || *d.PendingStatus != "DRAFT" || d.Title != "携号转网办理指南" {
		t.Fatalf("edited published document: %+v", d)
	}
	k.DrainIndex(t)
	if titles, _ := searchTitles(t, k.customer, "2027版"); len(titles) != 0 {
		t.Errorf("customer sees the unapproved successor: %v", titles)
	}
	if titles, _ := searchTitles(t, k.customer, "携号转网"); len(titles) != 1 || titles[0] != "携号转网办理指南" {
		t.Errorf("customer during the edit: %v", titles)
	}
	if _, n := searchTitles(t, k.editor, "2027版"); n != 1 {
		t.Errorf("editor does not find the successor draft")
	}
	k.do(t, k.editor, "submitKnowledgeDocument", "", id).MustOK(t, nil)
	d = mustDoc(t, k.do(t, k.reviewer, "approveKnowledgeDocument", "", id), "approveKnowledgeDocument")
	if d.Title != "携号转网办理指南（2027版）" || d.PendingStatus != nil || *d.PublishedVersion != 4 {
		t.Fatalf("successor approved: %+v", d)
	}
	k.DrainIndex(t)
	if titles, _ := searchTitles(t, k.customer, "2027版"); len(titles) != 1 {
		t.Errorf("customer after the successor's approval: %v", titles)
	}

	// Diff and restore.
	var diff struct {
		KnowledgeDocumentDiff struct {
			Fields []struct {
				Field string
				Lines []struct{ Op, Text string }
			}
		} `json:"knowledgeDocumentDiff"`
	}
	k.editor.Do(t, `query($id: ID!) { knowledgeDocumentDiff(id: $id, fromVersion: 1, toVersion: 2) { fields { field lines { op text } } } }`, id).MustOK(t, &diff)
	body := diff.KnowledgeDocumentDiff.Fields[2]
	if body.Field != "body" || len(body.Lines) != 2 || body.Lines[0].Op != "DELETE" || body.Lines[1].Op != "INSERT" || !strings.Contains(body.Lines[1].Text, "CXXZ#姓名") {
		t.Errorf("diff of the body: %+v", body)
	}
	var versions struct {
		Node struct {
			Versions struct {
				Edges []struct {
					Node struct {
						ID     string
						Number int
					}
				}
			}
		} `json:"node"`
	}
	k.editor.Do(t, `query($id: ID!) { node(id: $id) { ... on KnowledgeDocument { versions(orderBy: {field: NUMBER}) { edges { node { id number } } } } } }`, id).MustOK(t, &versions)
	v1 := versions.Node.Versions.Edges[0].Node
	var restored struct{ RestoreKnowledgeDocumentVersion docOut }
	k.editor.Do(t, `mutation($v: ID!) { restoreKnowledgeDocumentVersion(versionID: $v) { `+docFields+` } }`, map[string]any{"v": v1.ID}).MustOK(t, &restored)
	if restored.RestoreKnowledgeDocumentVersion.CurrentVersion != 5 || *restored.RestoreKnowledgeDocumentVersion.PendingStatus != "DRAFT" {
		t.Errorf("restored: %+v", restored.RestoreKnowledgeDocumentVersion)
	}

	// Archive: readers no longer find it.
	k.do(t, k.reviewer, "archiveKnowledgeDocument", "", id).MustOK(t, nil)
	k.DrainIndex(t)
	if _, n := searchTitles(t, k.customer, "携号转网"); n != 0 {
		t.Errorf("customer finds an archived document")
	}

	// Every transition is audited.
	var logs struct {
		AuditLogs struct {
			Edges []struct{ Node struct{ Action string } }
		} `json:"auditLogs"`
	}
	k.admin.Do(t, `query($id: Int!) { auditLogs(first: 50, where: {entityType: "KnowledgeDocument", entityID: $id, actionHasPrefix: "knowledge."}, orderBy: {field: CREATED_AT}) { edges { node { action } } } }`,
		map[string]any{"id": mustAtoi(d.ID)}).MustOK(t, &logs)
	var actions []string
	for _, e := range logs.AuditLogs.Edges {
		actions = append(actions, strings.TrimPrefix(e.Node.Action, "knowledge."))
	}
	if got := strings.Join(actions, ","); got != "submit,reject,submit,approve,submit,approve,archive" {
		t.Errorf("audited transitions: %s", got)
	}
}

func mustAtoi(s string) int {
	var n int
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}

// TestKnowledgeLocks: conflicts name the holder, admins break locks, expired locks are free,
// and of two editors racing for a lock exactly one wins.
func TestKnowledgeLocks(t *testing.T) {
	k := newKB(t)
	var created struct{ CreateKnowledgeDocument docOut }
	k.editor.Do(t, `mutation { createKnowledgeDocument(input: {title: "光猫红灯处理"}) { id } }`, nil).MustOK(t, &created)
	id := map[string]any{"id": created.CreateKnowledgeDocument.ID}

	k.do(t, k.editor, "lockKnowledgeDocument", "", id).MustOK(t, nil)
	r := k.do(t, k.editor2, "lockKnowledgeDocument", "", id)
	if r.Code() != "CONFLICT" || r.Errors[0].Extensions["lockHolder"] != "editor" || r.Errors[0].Extensions["lockExpiresAt"] == nil {
		t.Fatalf("second editor locking: %s", r.Raw)
	}
	if r := k.do(t, k.editor2, "updateKnowledgeDocument", `, input: {body: "抢先保存"}`, id); r.Code() != "CONFLICT" || !strings.Contains(r.Errors[0].Message, "editor") {
		t.Errorf("saving someone else's locked document: %s", r.Raw)
	}
	if r := k.do(t, k.editor2, "unlockKnowledgeDocument", "", id); r.Code() != "CONFLICT" {
		t.Errorf("an editor breaking another's lock: %s", r.Raw)
	}
	// An admin breaks it.
	k.do(t, k.admin, "unlockKnowledgeDocument", "", id).MustOK(t, nil)
	k.do(t, k.editor2, "lockKnowledgeDocument", "", id).MustOK(t, nil)
	// An expired lock is free for the taking.
	ctx := testenv.SystemContext()
	k.d.Client.KnowledgeDocument.Update().Where(knowledgedocument.ID(mustAtoi(created.CreateKnowledgeDocument.ID))).
		SetLockExpiresAt(time.Now().Add(-time.Second)).ExecX(ctx)
	k.do(t, k.editor, "lockKnowledgeDocument", "", id).MustOK(t, nil)
	k.do(t, k.editor, "unlockKnowledgeDocument", "", id).MustOK(t, nil)

	// Two editors race for the free lock: exactly one wins.
	for round := range 5 {
		var wins, conflicts atomic.Int32
		var wg sync.WaitGroup
		start := make(chan struct{})
		for _, c := range []*testenv.Client{k.editor, k.editor2} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				r := k.do(t, c, "lockKnowledgeDocument", "", id)
				switch r.Code() {
				case "":
					wins.Add(1)
				case "CONFLICT":
					conflicts.Add(1)
				default:
					t.Errorf("round %d: %s", round, r.Raw)
				}
			}()
		}
		close(start)
		wg.Wait()
		if wins.Load() != 1 || conflicts.Load() != 1 {
			t.Fatalf("round %d: %d wins, %d conflicts", round, wins.Load(), conflicts.Load())
		}
		k.do(t, k.admin, "unlockKnowledgeDocument", "", id).MustOK(t, nil)
	}
}

// TestKnowledgeVisibility: customers find published PUBLIC documents, partners PUBLIC and
// PARTNER ones, staff every published one, editors drafts too; the document loaded for a
// hit passes the same rules.
func TestKnowledgeVisibility(t *testing.T) {
	k := newKB(t)
	publish := func(title, audience string, publish bool) {
		var c struct{ CreateKnowledgeDocument docOut }
		k.editor.Do(t, `mutation($t: String!, $a: KnowledgeDocumentAudience!) { createKnowledgeDocument(input: {title: $t, body: "国际漫游资费说明", audience: $a}) { id } }`,
			map[string]any{"t": title, "a": audience}).MustOK(t, &c)
		if publish {
			id := map[string]any{"id": c.CreateKnowledgeDocument.ID}
			k.do(t, k.editor, "submitKnowledgeDocument", "", id).MustOK(t, nil)
			k.do(t, k.reviewer, "approveKnowledgeDocument", "", id).MustOK(t, nil)
		}
	}
	publish("漫游公开", "PUBLIC", true)
	publish("漫游渠道", "PARTNER", true)
	publish("漫游内部", "INTERNAL", true)
	publish("漫游草稿", "PUBLIC", false)
	k.DrainIndex(t)
	for name, want := range map[string]int{"customer": 1, "partner": 2, "agent": 3, "knowledge_editor": 4, "reviewer": 4, "admin": 4} {
		c := k.clients[name]
		if _, n := searchTitles(t, c, "漫游"); n != want {
			t.Errorf("%s finds %d documents, want %d", name, n, want)
		}
	}
	// Asking for more than the role allows gets nothing more.
	var out struct {
		SearchKnowledge struct{ Total int } `json:"searchKnowledge"`
	}
	k.customer.Do(t, `{ searchKnowledge(query: "漫游", filter: {audiences: [INTERNAL, PARTNER], statuses: [DRAFT]}) { total } }`, nil).MustOK(t, &out)
	if out.SearchKnowledge.Total != 0 {
		t.Errorf("customer widening the filter: %d", out.SearchKnowledge.Total)
	}
	// Linking a document to a service request.
	var link struct {
		LinkKnowledgeDocument struct {
			KnowledgeDocuments []struct{ ID string } `json:"knowledgeDocuments"`
		} `json:"linkKnowledgeDocument"`
	}
	k.agent.Do(t, `mutation($s: ID!, $d: ID!) { linkKnowledgeDocument(serviceRequestID: $s, documentID: $d) { knowledgeDocuments { id } } }`,
		map[string]any{"s": k.srA.ID, "d": k.doc.ID}).MustOK(t, &link)
	if len(link.LinkKnowledgeDocument.KnowledgeDocuments) != 1 {
		t.Errorf("link: %+v", link)
	}
}

// TestAttachments: upload, extraction, search by attachment text, download with the right
// content type, and a damaged file stored with a clear status.
func TestAttachments(t *testing.T) {
	k := newKB(t)
	var c struct{ CreateKnowledgeDocument docOut }
	k.editor.Do(t, `mutation { createKnowledgeDocument(input: {title: "宽带装机流程", audience: PUBLIC}) { id } }`, nil).MustOK(t, &c)
	docID := c.CreateKnowledgeDocument.ID
	up := func(name string, content []byte) *testenv.Response {
		return k.editor.Upload(t, `mutation($d: ID!, $f: Upload!) { uploadAttachment(documentID: $d, file: $f) { id filename contentType size extractionStatus extractionError } }`,
			map[string]any{"d": docID}, "f", name, content)
	}
	if r := up("说明.txt", []byte("x")); r.Code() != "CONFLICT" {
		t.Fatalf("upload without the lock: %s", r.Raw)
	}
	k.do(t, k.editor, "lockKnowledgeDocument", "", map[string]any{"id": docID}).MustOK(t, nil)
	var ok struct {
		UploadAttachment struct {
			ID, Filename, ContentType, ExtractionStatus string
			Size                                        int
		} `json:"uploadAttachment"`
	}
	html := []byte(`<html><head><style>.x{}</style><script>alert(1)</script></head><body><h1>装机预约</h1><p>上门安装光猫需要预约时间窗口。</p></body></html>`)
	up("装机须知.html", html).MustOK(t, &ok)
	if ok.UploadAttachment.ExtractionStatus != "OK" || !strings.HasPrefix(ok.UploadAttachment.ContentType, "text/html") || ok.UploadAttachment.Size != len(html) {
		t.Fatalf("html upload: %+v", ok)
	}
	var bad struct {
		UploadAttachment struct{ ExtractionStatus, ExtractionError string } `json:"uploadAttachment"`
	}
	up("损坏.pdf", []byte("%PDF-1.4 this is not really a pdf")).MustOK(t, &bad)
	if bad.UploadAttachment.ExtractionStatus != "FAILED" || bad.UploadAttachment.ExtractionError == "" {
		t.Errorf("corrupt pdf: %+v", bad)
	}
	k.do(t, k.editor, "submitKnowledgeDocument", "", map[string]any{"id": docID}).MustOK(t, nil)
	k.do(t, k.reviewer, "approveKnowledgeDocument", "", map[string]any{"id": docID}).MustOK(t, nil)
	k.DrainIndex(t)
	// Found by the attachment's text, with an attachment highlight; script text is not indexed.
	var res struct {
		SearchKnowledge struct {
			Total int
			Hits  []struct {
				Highlights []struct{ Field, Snippet string }
			}
		} `json:"searchKnowledge"`
	}
	k.customer.Do(t, `{ searchKnowledge(query: "时间窗口") { total hits { highlights { field snippet } } } }`, nil).MustOK(t, &res)
	if res.SearchKnowledge.Total != 1 || len(res.SearchKnowledge.Hits[0].Highlights) == 0 ||
		res.SearchKnowledge.Hits[0].Highlights[0].Field != "attachments" || !strings.Contains(res.SearchKnowledge.Hits[0].Highlights[0].Snippet, "<mark>时间窗口</mark>") {
		t.Errorf("search by attachment text: %+v", res)
	}
	if _, n := searchTitles(t, k.customer, "alert"); n != 0 {
		t.Errorf("script text was indexed")
	}
	// Download: right type, as an attachment, only for callers who may read it.
	get := func(c *testenv.Client) *http.Response {
		req, _ := http.NewRequest(http.MethodGet, c.URL+"/attachments/"+ok.UploadAttachment.ID, nil)
		for k, vs := range c.Header {
			req.Header[k] = vs
		}
		resp, err := c.HTTP.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { resp.Body.Close() })
		return resp
	}
	resp := get(k.agent)
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") || string(body) != string(html) ||
		!strings.HasPrefix(resp.Header.Get("Content-Disposition"), "attachment;") || resp.Header.Get("X-Content-Type-Options") != "nosniff" {
		t.Errorf("download: %d %v", resp.StatusCode, resp.Header)
	}
	if d, _ := url.PathUnescape(resp.Header.Get("Content-Disposition")); !strings.Contains(d, "装机须知.html") {
		t.Errorf("file name: %q", resp.Header.Get("Content-Disposition"))
	}
	if resp := get(k.admin.WithToken("")); resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("anonymous download: %d", resp.StatusCode)
	}
}

// flaky is a real in-memory Bleve index whose backend can be switched off.
type flaky struct {
	search.Index
	down atomic.Bool
	// upsertsLeft > 0: the backend goes down after that many more upserts.
	upsertsLeft atomic.Int32
}

func (f *flaky) err() error {
	if f.down.Load() {
		return search.ErrUnavailable
	}
	return nil
}
func (f *flaky) Upsert(ctx context.Context, d ...search.Document) error {
	if err := f.err(); err != nil {
		return err
	}
	if f.upsertsLeft.Load() > 0 && f.upsertsLeft.Add(-1) == 0 {
		f.down.Store(true)
	}
	return f.Index.Upsert(ctx, d...)
}
func (f *flaky) Delete(ctx context.Context, ids ...string) error {
	if err := f.err(); err != nil {
		return err
	}
	return f.Index.Delete(ctx, ids...)
}
func (f *flaky) Search(ctx context.Context, q search.Query) (*search.Result, error) {
	if err := f.err(); err != nil {
		return nil, err
	}
	return f.Index.Search(ctx, q)
}

var flakyIndex = sync.OnceValue(func() *flaky {
	f := &flaky{}
	search.Register("flaky", func(ctx context.Context, _ *url.URL) (search.Index, error) {
		idx, err := search.Open(ctx, "mem:", "")
		f.Index = idx
		return f, err
	})
	return f
})

// TestSearchOutage: with the backend down, writes succeed and search says
// SEARCH_UNAVAILABLE; once it is back, the backlog is indexed and every document is found.
func TestSearchOutage(t *testing.T) {
	f := flakyIndex()
	d := testenv.New(t)
	admin := testenv.Server(t, d, server.Config{Search: "flaky:"})
	f.down.Store(true)
	t.Cleanup(func() { f.down.Store(false) })
	for i, title := range []string{"停电后宽带恢复", "宽带提速申请", "宽带移机办理"} {
		r := admin.Do(t, `mutation($t: String!) { createKnowledgeDocument(input: {title: $t, body: "宽带"}) { id } }`, map[string]any{"t": title})
		if r.Code() != "" {
			t.Fatalf("write %d while search is down: %s", i, r.Raw)
		}
	}
	if r := admin.Do(t, `{ searchKnowledge(query: "宽带") { total } }`, nil); r.Code() != "SEARCH_UNAVAILABLE" {
		t.Fatalf("search while down: %s", r.Raw)
	}
	ix := admin.Server.Knowledge().Indexer
	if _, err := ix.Drain(testenv.SystemContext()); err == nil {
		t.Fatal("draining into a down backend succeeded")
	}
	// Back up: the retries (after their back-off) index the whole backlog.
	f.down.Store(false)
	if err := ix.RetryNow(testenv.SystemContext()); err != nil {
		t.Fatal(err)
	}
	admin.DrainIndex(t)
	if _, n := searchTitles(t, admin, "宽带"); n != 3 {
		t.Errorf("after recovery: %d documents found, want 3", n)
	}
	if n := d.Client.SearchOutbox.Query().CountX(testenv.SystemContext()); n != 0 {
		t.Errorf("%d outbox rows left", n)
	}
}

func (k *kb) DrainIndex(t *testing.T) { k.admin.DrainIndex(t) }

// TestKnowledgeSchedule: an approval with a future publishAt publishes when the time comes;
// a scheduled archive retires the document then.
func TestKnowledgeSchedule(t *testing.T) {
	k := newKB(t)
	var c struct{ CreateKnowledgeDocument docOut }
	k.editor.Do(t, `mutation { createKnowledgeDocument(input: {title: "春节营业时间", audience: PUBLIC}) { id } }`, nil).MustOK(t, &c)
	id := map[string]any{"id": c.CreateKnowledgeDocument.ID}
	docID := mustAtoi(c.CreateKnowledgeDocument.ID)
	k.do(t, k.editor, "submitKnowledgeDocument", "", id).MustOK(t, nil)
	later := time.Now().Add(24 * time.Hour).UTC().Format(time.RFC3339)
	d := mustDoc(t, k.do(t, k.reviewer, "approveKnowledgeDocument", `, publishAt: "`+later+`"`, id), "approveKnowledgeDocument")
	if d.Status != "IN_REVIEW" {
		t.Fatalf("scheduled approval published at once: %+v", d)
	}
	svc, ctx := k.admin.Server.Knowledge(), testenv.SystemContext()
	if n, err := svc.RunSchedule(ctx); err != nil || n != 0 {
		t.Fatalf("schedule before the time: %d %v", n, err)
	}
	// The time comes.
	k.d.Client.KnowledgeDocument.UpdateOneID(docID).SetPublishAt(time.Now().Add(-time.Minute)).ExecX(ctx)
	if n, err := svc.RunSchedule(ctx); err != nil || n != 1 {
		t.Fatalf("schedule at the time: %d %v", n, err)
	}
	if got := k.d.Client.KnowledgeDocument.GetX(ctx, docID); got.Status != knowledgedocument.StatusPUBLISHED || got.PublishAt != nil {
		t.Fatalf("after the scheduled publication: %s %v", got.Status, got.PublishAt)
	}
	k.DrainIndex(t)
	if _, n := searchTitles(t, k.customer, "营业时间"); n != 1 {
		t.Errorf("customer after the scheduled publication: %d", n)
	}
	// Scheduled archive.
	k.do(t, k.reviewer, "archiveKnowledgeDocument", `, at: "`+later+`"`, id).MustOK(t, nil)
	k.d.Client.KnowledgeDocument.UpdateOneID(docID).SetArchiveAt(time.Now().Add(-time.Minute)).ExecX(ctx)
	if n, err := svc.RunSchedule(ctx); err != nil || n != 1 {
		t.Fatalf("archive schedule: %d %v", n, err)
	}
	k.DrainIndex(t)
	if _, n := searchTitles(t, k.customer, "营业时间"); n != 0 {
		t.Errorf("customer finds the archived document: %d", n)
	}
}

// TestIndexerRestartMidway: the backend fails after the first document of a batch; the
// documents not yet indexed keep their outbox rows, and a new indexer (a restarted process)
// indexes them — nothing is lost.
func TestIndexerRestartMidway(t *testing.T) {
	f := flakyIndex()
	d := testenv.New(t)
	admin := testenv.Server(t, d, server.Config{Search: "flaky:"})
	t.Cleanup(func() { f.down.Store(false); f.upsertsLeft.Store(0) })
	f.down.Store(true) // nothing indexed while the documents are written
	for _, title := range []string{"光猫重启步骤", "光猫更换流程", "光猫指示灯说明"} {
		admin.Do(t, `mutation($t: String!) { createKnowledgeDocument(input: {title: $t}) { id } }`, map[string]any{"t": title}).MustOK(t, nil)
	}
	f.down.Store(false)
	f.upsertsLeft.Store(2) // the second upsert succeeds, then the backend is gone
	ctx := testenv.SystemContext()
	if _, err := admin.Server.Knowledge().Indexer.Drain(ctx); err == nil {
		t.Fatal("drain succeeded although the backend went down midway")
	}
	left := d.Client.SearchOutbox.Query().CountX(ctx)
	if left == 0 || left == 3 {
		t.Fatalf("outbox rows after a drain that failed midway: %d", left)
	}
	// A restarted process: a new indexer over the same database and backend.
	f.down.Store(false)
	ix := knowledge.NewIndexer(d.Client, f, slog.New(slog.DiscardHandler), time.Now)
	if err := ix.RetryNow(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := ix.Drain(ctx); err != nil {
		t.Fatal(err)
	}
	if _, n := searchTitles(t, admin, "光猫"); n != 3 {
		t.Errorf("after the restart: %d documents found, want 3", n)
	}
	if n := d.Client.SearchOutbox.Query().CountX(ctx); n != 0 {
		t.Errorf("%d outbox rows left", n)
	}
}
