package audit_test

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/c360crm/c360/authz"
	"github.com/c360crm/c360/ent"
	"github.com/c360crm/c360/ent/auditlog"
	"github.com/c360crm/c360/ent/customer"
	"github.com/c360crm/c360/ent/privacy"
	"github.com/c360crm/c360/internal/audit"
	"github.com/c360crm/c360/internal/reqinfo"
	"github.com/c360crm/c360/internal/testenv"
)

// residentID is the example number of GB 11643 (born 1949-12-31, female).
const residentID = "11010519491231002X"

func setup(t *testing.T) (*ent.Client, context.Context) {
	t.Helper()
	d := testenv.New(t)
	ctx := authz.NewContext(privacy.DecisionContext(context.Background(), privacy.Allow),
		&authz.Principal{Kind: authz.KindUser, ID: 7, Name: "alice", Roles: []string{authz.RoleAdmin}})
	ctx = reqinfo.NewContext(ctx, reqinfo.Info{RequestID: "req-1", ClientIP: "10.0.0.1"})
	return d.Client, ctx
}

func newCustomer(c *ent.Client, name string) *ent.CustomerCreate {
	return c.Customer.Create().
		SetType(customer.TypePUBLIC).
		SetName(name).
		SetMobile("13812345678")
}

// logs returns the audit rows in insertion order.
func logs(t *testing.T, ctx context.Context, c *ent.Client, ps ...func(*ent.AuditLogQuery)) []*ent.AuditLog {
	t.Helper()
	q := c.AuditLog.Query().Order(ent.Asc(auditlog.FieldID))
	for _, p := range ps {
		p(q)
	}
	rows, err := q.All(ctx)
	if err != nil {
		t.Fatalf("audit logs: %v", err)
	}
	return rows
}

// change returns changes[field] as a map, failing when it is missing.
func change(t *testing.T, l *ent.AuditLog, field string) map[string]any {
	t.Helper()
	ch, ok := l.Changes[field].(map[string]any)
	if !ok {
		t.Fatalf("changes[%q] = %#v, want an object (changes %v)", field, l.Changes[field], l.Changes)
	}
	return ch
}

func TestCreate(t *testing.T) {
	c, ctx := setup(t)
	cu, err := newCustomer(c, "张三").
		SetIDType(customer.IDTypeRESIDENT_ID).
		SetIDNumber(residentID).
		SetEmail("zhang@example.com").
		Save(ctx)
	if err != nil {
		t.Fatal(err)
	}
	rows := logs(t, ctx, c)
	if len(rows) != 1 {
		t.Fatalf("got %d audit rows, want 1", len(rows))
	}
	l := rows[0]
	if l.Action != "create" || l.EntityType != "Customer" || l.EntityID == nil || *l.EntityID != cu.ID {
		t.Errorf("row = %s %s %v, want create Customer %d", l.Action, l.EntityType, l.EntityID, cu.ID)
	}
	if l.ActorType != auditlog.ActorTypeUSER || l.ActorID == nil || *l.ActorID != 7 || l.ActorName != "alice" {
		t.Errorf("actor = %s %v %q, want USER 7 alice", l.ActorType, l.ActorID, l.ActorName)
	}
	if l.RequestID != "req-1" || l.ClientIP != "10.0.0.1" {
		t.Errorf("request = %q %q, want req-1 10.0.0.1", l.RequestID, l.ClientIP)
	}
	if got := change(t, l, "mobile")["new"]; got != "138****5678" {
		t.Errorf("mobile = %v, want 138****5678", got)
	}
	if got := change(t, l, "id_number")["new"]; got != "110***********002X" {
		t.Errorf("id_number = %v, want 110***********002X", got)
	}
	if got := change(t, l, "name")["new"]; got != "张三" {
		t.Errorf("name = %v, want 张三", got)
	}
	if got := change(t, l, "type")["new"]; got != "PUBLIC" {
		t.Errorf("type = %v, want PUBLIC", got)
	}
	if got := change(t, l, "id_type")["new"]; got != "RESIDENT_ID" {
		t.Errorf("id_type = %v, want RESIDENT_ID", got)
	}
	// Set by the schema's own hook, inside the audit hook.
	if got := change(t, l, "code")["new"]; got != cu.Code {
		t.Errorf("code = %v, want %s", got, cu.Code)
	}
	if _, ok := change(t, l, "name")["old"]; ok {
		t.Errorf("create has an old value: %v", l.Changes["name"])
	}
	if _, ok := l.Changes["updated_at"]; ok {
		t.Errorf("updated_at recorded: %v", l.Changes)
	}
}

func TestSystemActor(t *testing.T) {
	d := testenv.New(t)
	ctx := privacy.DecisionContext(context.Background(), privacy.Allow)
	if _, err := newCustomer(d.Client, "sys").Save(ctx); err != nil {
		t.Fatal(err)
	}
	rows := logs(t, ctx, d.Client)
	if len(rows) != 1 {
		t.Fatalf("got %d audit rows, want 1", len(rows))
	}
	l := rows[0]
	if l.ActorType != auditlog.ActorTypeSYSTEM || l.ActorID != nil || l.ActorName != "system" {
		t.Errorf("actor = %s %v %q, want SYSTEM nil system", l.ActorType, l.ActorID, l.ActorName)
	}
	if l.RequestID != "" || l.ClientIP != "" {
		t.Errorf("request = %q %q, want none", l.RequestID, l.ClientIP)
	}
}

func TestUpdateOne(t *testing.T) {
	c, ctx := setup(t)
	cu, err := newCustomer(c, "old name").SetEmail("a@example.com").SetCity("杭州").Save(ctx)
	if err != nil {
		t.Fatal(err)
	}
	_, err = cu.Update().
		SetName("new name").
		SetCity("杭州").                    // unchanged
		SetStatus(customer.StatusACTIVE). // unchanged
		SetMobile("13987654321").
		ClearEmail().
		SetMarketingOptOut(true).
		Save(ctx)
	if err != nil {
		t.Fatal(err)
	}
	rows := logs(t, ctx, c, func(q *ent.AuditLogQuery) { q.Where(auditlog.Action("update")) })
	if len(rows) != 1 {
		t.Fatalf("got %d update rows, want 1", len(rows))
	}
	l := rows[0]
	if l.EntityType != "Customer" || l.EntityID == nil || *l.EntityID != cu.ID {
		t.Errorf("entity = %s %v, want Customer %d", l.EntityType, l.EntityID, cu.ID)
	}
	if ch := change(t, l, "name"); ch["old"] != "old name" || ch["new"] != "new name" {
		t.Errorf("name = %v", ch)
	}
	if ch := change(t, l, "mobile"); ch["old"] != "138****5678" || ch["new"] != "139****4321" {
		t.Errorf("mobile = %v", ch)
	}
	if ch := change(t, l, "email"); ch["old"] != "a@example.com" || ch["new"] != nil {
		t.Errorf("email = %v", ch)
	}
	if ch := change(t, l, "marketing_opt_out"); ch["old"] != false || ch["new"] != true {
		t.Errorf("marketing_opt_out = %v", ch)
	}
	for _, f := range []string{"city", "status", "updated_at", "type", "code"} {
		if _, ok := l.Changes[f]; ok {
			t.Errorf("unchanged field %s recorded: %v", f, l.Changes[f])
		}
	}

	// An update that changes nothing records nothing. (UpdateOneID: the old values of
	// cu.Update() would be those of the stale cu.)
	if _, err := c.Customer.UpdateOneID(cu.ID).SetName("new name").Save(ctx); err != nil {
		t.Fatal(err)
	}
	if n := len(logs(t, ctx, c, func(q *ent.AuditLogQuery) { q.Where(auditlog.Action("update")) })); n != 1 {
		t.Errorf("no-op update: %d update rows, want 1", n)
	}
}

func TestEdges(t *testing.T) {
	c, ctx := setup(t)
	a := newCustomer(c, "a").SaveX(ctx)
	b := newCustomer(c, "b").SaveX(ctx)
	g, err := c.CustomerGroup.Create().SetName("vip").AddMemberIDs(a.ID).Save(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := g.Update().AddMemberIDs(b.ID).RemoveMemberIDs(a.ID).Save(ctx); err != nil {
		t.Fatal(err)
	}
	rows := logs(t, ctx, c, func(q *ent.AuditLogQuery) { q.Where(auditlog.EntityType("CustomerGroup")) })
	if len(rows) != 2 {
		t.Fatalf("got %d rows, want 2", len(rows))
	}
	if got := ints(change(t, rows[0], "members")["added"]); fmt.Sprint(got) != fmt.Sprint([]int{a.ID}) {
		t.Errorf("create members added = %v, want [%d]", got, a.ID)
	}
	m := change(t, rows[1], "members")
	if fmt.Sprint(ints(m["added"])) != fmt.Sprint([]int{b.ID}) || fmt.Sprint(ints(m["removed"])) != fmt.Sprint([]int{a.ID}) {
		t.Errorf("update members = %v, want added [%d] removed [%d]", m, b.ID, a.ID)
	}
}

// ints converts a JSON array of numbers (decoded as float64) to ints.
func ints(v any) []int {
	var out []int
	for _, e := range v.([]any) {
		out = append(out, int(e.(float64)))
	}
	return out
}

func TestBulkUpdate(t *testing.T) {
	c, ctx := setup(t)
	var ids []int
	for i, city := range []string{"杭州", "杭州", "宁波"} {
		cu := newCustomer(c, fmt.Sprint("c", i)).SetCity(city).SaveX(ctx)
		if city == "杭州" {
			ids = append(ids, cu.ID)
		}
	}
	n, err := c.Customer.Update().Where(customer.City("杭州")).SetProvince("浙江").Save(ctx)
	if err != nil || n != 2 {
		t.Fatalf("update: %d, %v", n, err)
	}
	rows := logs(t, ctx, c, func(q *ent.AuditLogQuery) { q.Where(auditlog.Action("update")) })
	if len(rows) != 2 {
		t.Fatalf("got %d update rows, want 2", len(rows))
	}
	got := map[int]bool{}
	for _, l := range rows {
		if l.EntityID == nil {
			t.Fatalf("row without entity id: %+v", l)
		}
		got[*l.EntityID] = true
		if ch := change(t, l, "province"); ch["new"] != "浙江" {
			t.Errorf("province = %v", ch)
		}
		if _, ok := l.Changes["updated_at"]; ok {
			t.Errorf("updated_at recorded")
		}
	}
	for _, id := range ids {
		if !got[id] {
			t.Errorf("no row for customer %d (rows for %v)", id, got)
		}
	}
}

func TestBulkUpdateTruncated(t *testing.T) {
	c, ctx := setup(t)
	const total = audit.MaxRowsPerMutation + 3
	seed := audit.WithoutAudit(ctx)
	for i := 0; i < total; i += 200 {
		var bs []*ent.CustomerCreate
		for j := i; j < min(total, i+200); j++ {
			bs = append(bs, newCustomer(c, fmt.Sprint("bulk", j)))
		}
		if err := c.Customer.CreateBulk(bs...).Exec(seed); err != nil {
			t.Fatal(err)
		}
	}
	if n := len(logs(t, ctx, c)); n != 0 {
		t.Fatalf("seeding wrote %d rows", n)
	}
	if _, err := c.Customer.Update().SetCity("温州").Save(ctx); err != nil {
		t.Fatal(err)
	}
	rows := logs(t, ctx, c)
	if len(rows) != audit.MaxRowsPerMutation+1 {
		t.Fatalf("got %d rows, want %d", len(rows), audit.MaxRowsPerMutation+1)
	}
	var summary []*ent.AuditLog
	for _, l := range rows {
		if l.EntityID == nil {
			summary = append(summary, l)
		}
	}
	if len(summary) != 1 {
		t.Fatalf("got %d summary rows, want 1", len(summary))
	}
	if got := fmt.Sprint(summary[0].Changes["_truncated"]); got != "3" {
		t.Errorf("_truncated = %s, want 3", got)
	}
}

func TestDelete(t *testing.T) {
	c, ctx := setup(t)
	a := newCustomer(c, "a").SetCity("x").SaveX(ctx)
	b := newCustomer(c, "b").SetCity("y").SaveX(ctx)
	d := newCustomer(c, "d").SetCity("y").SaveX(ctx)
	if err := c.Customer.DeleteOne(a).Exec(ctx); err != nil {
		t.Fatal(err)
	}
	if n, err := c.Customer.Delete().Where(customer.City("y")).Exec(ctx); err != nil || n != 2 {
		t.Fatalf("delete: %d, %v", n, err)
	}
	rows := logs(t, ctx, c, func(q *ent.AuditLogQuery) { q.Where(auditlog.Action("delete")) })
	if len(rows) != 3 {
		t.Fatalf("got %d delete rows, want 3", len(rows))
	}
	want := []int{a.ID, b.ID, d.ID}
	got := map[int]bool{}
	for _, l := range rows {
		if l.EntityType != "Customer" || l.EntityID == nil || l.ActorName != "alice" {
			t.Fatalf("row = %+v", l)
		}
		got[*l.EntityID] = true
	}
	for _, id := range want {
		if !got[id] {
			t.Errorf("no delete row for %d", id)
		}
	}
	if *rows[0].EntityID != a.ID {
		t.Errorf("first delete row is for %d, want %d", *rows[0].EntityID, a.ID)
	}

	// A delete that matches nothing writes nothing.
	if _, err := c.Customer.Delete().Where(customer.City("none")).Exec(ctx); err != nil {
		t.Fatal(err)
	}
	if n := len(logs(t, ctx, c, func(q *ent.AuditLogQuery) { q.Where(auditlog.Action("delete")) })); n != 3 {
		t.Errorf("got %d delete rows after empty delete, want 3", n)
	}
}

func TestRollback(t *testing.T) {
	c, ctx := setup(t)
	tx, err := c.Tx(ctx)
	if err != nil {
		t.Fatal(err)
	}
	cu, err := newCustomer(tx.Client(), "rolled back").Save(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if n := tx.AuditLog.Query().CountX(ctx); n != 1 {
		t.Errorf("inside the transaction: %d audit rows, want 1", n)
	}
	if _, err := tx.Customer.UpdateOne(cu).SetName("still rolled back").Save(ctx); err != nil {
		t.Fatal(err)
	}
	if err := tx.Rollback(); err != nil {
		t.Fatal(err)
	}
	if n := len(logs(t, ctx, c)); n != 0 {
		t.Errorf("after rollback: %d audit rows, want 0", n)
	}

	tx, err = c.Tx(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := newCustomer(tx.Client(), "committed").Save(ctx); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	if n := len(logs(t, ctx, c)); n != 1 {
		t.Errorf("after commit: %d audit rows, want 1", n)
	}
}

// If the audit row cannot be written, the mutation fails with that error.
func TestAuditFailureFailsMutation(t *testing.T) {
	c, ctx := setup(t)
	boom := errors.New("boom")
	c.AuditLog.Use(func(ent.Mutator) ent.Mutator {
		return ent.MutateFunc(func(context.Context, ent.Mutation) (ent.Value, error) { return nil, boom })
	})
	tx, err := c.Tx(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := newCustomer(tx.Client(), "x").Save(ctx); !errors.Is(err, boom) {
		t.Errorf("create: err = %v, want boom", err)
	}
	if err := tx.Rollback(); err != nil {
		t.Fatal(err)
	}
	if n := c.Customer.Query().CountX(ctx); n != 0 {
		t.Errorf("%d customers after failed audit, want 0", n)
	}
}

func TestWithoutAudit(t *testing.T) {
	c, ctx := setup(t)
	ctx = audit.WithoutAudit(ctx)
	cu, err := newCustomer(c, "seed").Save(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := cu.Update().SetName("seed 2").Save(ctx); err != nil {
		t.Fatal(err)
	}
	if err := c.Customer.DeleteOne(cu).Exec(ctx); err != nil {
		t.Fatal(err)
	}
	if n := len(logs(t, ctx, c)); n != 0 {
		t.Errorf("got %d audit rows, want 0", n)
	}
}

func TestRecord(t *testing.T) {
	c, ctx := setup(t)
	cu := newCustomer(c, "pii").SaveX(audit.WithoutAudit(ctx))
	err := audit.Record(ctx, c, audit.Entry{
		Action:     "reveal_pii",
		EntityType: "Customer",
		EntityID:   &cu.ID,
		Changes:    map[string]any{"fields": []string{"mobile", "id_number"}, "mobile": "13812345678"},
		Reason:     "customer called about a bill",
	})
	if err != nil {
		t.Fatal(err)
	}
	rows := logs(t, ctx, c)
	if len(rows) != 1 {
		t.Fatalf("got %d rows, want 1", len(rows))
	}
	l := rows[0]
	if l.Action != "reveal_pii" || l.EntityType != "Customer" || l.EntityID == nil || *l.EntityID != cu.ID {
		t.Errorf("row = %s %s %v", l.Action, l.EntityType, l.EntityID)
	}
	if l.Reason != "customer called about a bill" || l.ActorName != "alice" || l.RequestID != "req-1" {
		t.Errorf("reason %q actor %q request %q", l.Reason, l.ActorName, l.RequestID)
	}
	if got := fmt.Sprint(l.Changes["fields"]); got != "[mobile id_number]" {
		t.Errorf("fields = %s", got)
	}
	if got := l.Changes["mobile"]; got != "138****5678" {
		t.Errorf("mobile = %v, want masked", got)
	}

	// Without a principal: a SYSTEM row; an invalid entry is an error.
	if err := audit.Record(context.Background(), c, audit.Entry{Action: "login_failed", EntityType: "User"}); err != nil {
		t.Fatal(err)
	}
	l = logs(t, ctx, c, func(q *ent.AuditLogQuery) { q.Where(auditlog.Action("login_failed")) })[0]
	if l.ActorType != auditlog.ActorTypeSYSTEM || l.ActorName != "system" || l.EntityID != nil || l.Changes != nil {
		t.Errorf("login_failed row = %+v", l)
	}
	if err := audit.Record(ctx, c, audit.Entry{EntityType: "User"}); err == nil {
		t.Error("Record without an action succeeded")
	}
}

func TestSecretsRedacted(t *testing.T) {
	c, ctx := setup(t)
	u, err := c.User.Create().
		SetUsername("bob").
		SetDisplayName("Bob").
		SetPasswordHash("$2a$10$abcdefghijklmnopqrstuv").
		SetMobile("13700001111").
		Save(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := u.Update().SetPasswordHash("$2a$10$zyxwvutsrqponmlkjihgfe").Save(ctx); err != nil {
		t.Fatal(err)
	}
	rows := logs(t, ctx, c, func(q *ent.AuditLogQuery) { q.Where(auditlog.EntityType("User")) })
	if len(rows) != 2 {
		t.Fatalf("got %d rows, want 2", len(rows))
	}
	if got := change(t, rows[0], "password_hash")["new"]; got != "[redacted]" {
		t.Errorf("create password_hash = %v", got)
	}
	if got := change(t, rows[0], "mobile")["new"]; got != "137****1111" {
		t.Errorf("create mobile = %v", got)
	}
	if ch := change(t, rows[1], "password_hash"); ch["old"] != "[redacted]" || ch["new"] != "[redacted]" {
		t.Errorf("update password_hash = %v", ch)
	}
}
