// Package audit keeps the audit trail of c360: an ent hook that records every create, update
// and delete as AuditLog rows in the transaction of the change, and Record for actions that
// are not plain mutations (reveal_pii, login, logout, policy changes …). The actor comes from
// the authz.Principal of the context, the request id and client address from reqinfo; PII in
// the recorded changes is masked and secrets are redacted.
package audit

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"time"

	"github.com/c360crm/c360/authz"
	"github.com/c360crm/c360/ent"
	"github.com/c360crm/c360/ent/auditlog"
	"github.com/c360crm/c360/ent/privacy"
	"github.com/c360crm/c360/internal/reqinfo"
	"github.com/c360crm/c360/internal/validate"
)

// Actions written by Hook.
const (
	ActionCreate = "create"
	ActionUpdate = "update"
	ActionDelete = "delete"
)

// MaxRowsPerMutation caps the rows a bulk update or delete writes; the rest is summarised in
// one extra row with no entity id and changes {"_truncated": n}.
const MaxRowsPerMutation = 1000

// insertBatch is the number of audit rows inserted per statement.
const insertBatch = 100

// skipped are the entity types Hook lets through unrecorded: the trail itself and
// high-churn technical state.
var skipped = map[string]bool{
	"AuditLog":      true,
	"Session":       true,
	"LoginThrottle": true,
	"Setting":       true,
}

// updatedAtField is never recorded: it changes on every update.
const updatedAtField = "updated_at"

type withoutKey struct{}

// WithoutAudit returns ctx under which Hook records nothing (bulk seeding of demo data only).
// Record still writes under it.
func WithoutAudit(ctx context.Context) context.Context {
	return context.WithValue(ctx, withoutKey{}, true)
}

func disabled(ctx context.Context) bool {
	off, _ := ctx.Value(withoutKey{}).(bool)
	return off
}

// Entry is one audit row written by Record.
type Entry struct {
	Action     string
	EntityType string
	EntityID   *int
	Changes    map[string]any // masked like the changes Hook records
	Reason     string
}

// Record writes one audit row for an action that is not a plain ent mutation (reveal_pii,
// login, login_failed, logout, policy changes …) with the client given (transactional or not).
// The actor and request come from ctx; privacy rules do not apply to the write.
func Record(ctx context.Context, c *ent.Client, e Entry) error {
	var changes map[string]any
	if e.Changes != nil {
		changes = make(map[string]any, len(e.Changes))
		for k, v := range e.Changes {
			changes[k] = maskTree(k, jsonValue(v))
		}
	}
	b := newRow(ctx, c, e.Action, e.EntityType, e.EntityID, changes)
	if e.Reason != "" {
		b.SetReason(validate.Truncate(e.Reason, 500))
	}
	if err := b.Exec(privacy.DecisionContext(ctx, privacy.Allow)); err != nil {
		return fmt.Errorf("audit: record %s %s: %w", e.Action, e.EntityType, err)
	}
	return nil
}

type clienter interface{ Client() *ent.Client }

type idser interface {
	IDs(context.Context) ([]int, error)
}

type ider interface{ ID() (int, bool) }

// Hook returns an ent hook that records every create, update and delete as AuditLog rows in
// the same transaction as the change (it writes with the mutation's own client, so a
// rolled-back mutation leaves no audit row). If the audit row cannot be written the mutation
// fails with that error.
//
// Create writes {field: {"new": v}}; an update of one row writes {field: {"old": o, "new": v}}
// for the fields that really change (an update that changes nothing writes no row); bulk
// updates and deletes write one row per affected id, collected before the change. Edges are
// recorded as {edge: {"added": ids, "removed": ids, "cleared": true}}, except edges already
// recorded through their foreign-key field (edge "owner" with field "owner_id").
func Hook() ent.Hook {
	return func(next ent.Mutator) ent.Mutator {
		return ent.MutateFunc(func(ctx context.Context, m ent.Mutation) (ent.Value, error) {
			if skipped[m.Type()] || disabled(ctx) {
				return next.Mutate(ctx, m)
			}
			cm, ok := m.(clienter)
			if !ok {
				return nil, fmt.Errorf("audit: %s mutation has no Client method", m.Type())
			}
			switch op := m.Op(); {
			case op.Is(ent.OpCreate):
				return auditCreate(ctx, next, m, cm.Client())
			case op.Is(ent.OpUpdateOne):
				return auditUpdateOne(ctx, next, m, cm.Client())
			case op.Is(ent.OpUpdate), op.Is(ent.OpDelete), op.Is(ent.OpDeleteOne):
				return auditBulk(ctx, next, m, cm.Client())
			default:
				return next.Mutate(ctx, m)
			}
		})
	}
}

func auditCreate(ctx context.Context, next ent.Mutator, m ent.Mutation, c *ent.Client) (ent.Value, error) {
	v, err := next.Mutate(ctx, m)
	if err != nil {
		return v, err
	}
	// Read the fields after the mutation, so values set by inner hooks (codes, defaults) count.
	changes := map[string]any{}
	for _, f := range m.Fields() {
		if f == updatedAtField {
			continue
		}
		nv, _ := m.Field(f)
		changes[f] = map[string]any{"new": prepare(f, nv)}
	}
	addEdges(changes, m)
	id := createdID(m, v)
	if err := newRow(ctx, c, ActionCreate, m.Type(), id, orNil(changes)).
		Exec(privacy.DecisionContext(ctx, privacy.Allow)); err != nil {
		return nil, fmt.Errorf("audit: create %s: %w", m.Type(), err)
	}
	return v, nil
}

// createdID returns the id of the entity a create made: from the mutation, or from the ID
// field of the returned entity.
func createdID(m ent.Mutation, v ent.Value) *int {
	if im, ok := m.(ider); ok {
		if id, ok := im.ID(); ok {
			return &id
		}
	}
	rv := reflect.ValueOf(v)
	for rv.Kind() == reflect.Pointer || rv.Kind() == reflect.Interface {
		if rv.IsNil() {
			return nil
		}
		rv = rv.Elem()
	}
	if rv.Kind() != reflect.Struct {
		return nil
	}
	if f := rv.FieldByName("ID"); f.IsValid() && f.CanInt() {
		id := int(f.Int())
		return &id
	}
	return nil
}

func auditUpdateOne(ctx context.Context, next ent.Mutator, m ent.Mutation, c *ent.Client) (ent.Value, error) {
	// ent loads the old row once per mutation and only before it runs: read the old values
	// of the fields set so far now. Fields set later by inner hooks are served from the same
	// cached row after the mutation.
	allow := privacy.DecisionContext(ctx, privacy.Allow)
	old := map[string]ent.Value{}
	oldErr := map[string]bool{}
	readOld := func(f string) {
		if _, done := old[f]; done || oldErr[f] {
			return
		}
		if v, err := m.OldField(allow, f); err == nil {
			old[f] = v
		} else {
			oldErr[f] = true
		}
	}
	for _, f := range m.Fields() {
		readOld(f)
	}
	for _, f := range m.ClearedFields() {
		readOld(f)
	}
	v, err := next.Mutate(ctx, m)
	if err != nil {
		return v, err
	}
	changes := map[string]any{}
	for _, f := range m.Fields() {
		if f == updatedAtField {
			continue
		}
		nv, _ := m.Field(f)
		readOld(f)
		ov, known := old[f]
		if known && equal(ov, nv) {
			continue
		}
		ch := map[string]any{"new": prepare(f, nv)}
		if known {
			ch["old"] = prepare(f, ov)
		}
		changes[f] = ch
	}
	for _, f := range m.ClearedFields() {
		if f == updatedAtField {
			continue
		}
		if _, set := changes[f]; set {
			continue
		}
		readOld(f)
		ov, known := old[f]
		if known && isNil(ov) {
			continue
		}
		ch := map[string]any{"new": nil}
		if known {
			ch["old"] = prepare(f, ov)
		}
		changes[f] = ch
	}
	addAdded(changes, m, old)
	addEdges(changes, m)
	if len(changes) == 0 {
		return v, nil
	}
	var id *int
	if im, ok := m.(ider); ok {
		if i, ok := im.ID(); ok {
			id = &i
		}
	}
	if err := newRow(ctx, c, ActionUpdate, m.Type(), id, changes).Exec(allow); err != nil {
		return nil, fmt.Errorf("audit: update %s: %w", m.Type(), err)
	}
	return v, nil
}

func auditBulk(ctx context.Context, next ent.Mutator, m ent.Mutation, c *ent.Client) (ent.Value, error) {
	allow := privacy.DecisionContext(ctx, privacy.Allow)
	im, ok := m.(idser)
	if !ok {
		return nil, fmt.Errorf("audit: %s mutation has no IDs method", m.Type())
	}
	ids, err := im.IDs(allow)
	if err != nil {
		return nil, fmt.Errorf("audit: ids of %s %s: %w", m.Op(), m.Type(), err)
	}
	v, err := next.Mutate(ctx, m)
	if err != nil || len(ids) == 0 {
		return v, err
	}
	action := ActionDelete
	var changes map[string]any
	if m.Op().Is(ent.OpUpdate) {
		action = ActionUpdate
		changes = map[string]any{}
		for _, f := range m.Fields() {
			if f == updatedAtField {
				continue
			}
			nv, _ := m.Field(f)
			changes[f] = map[string]any{"new": prepare(f, nv)}
		}
		for _, f := range m.ClearedFields() {
			if _, set := changes[f]; !set && f != updatedAtField {
				changes[f] = map[string]any{"new": nil}
			}
		}
		addAdded(changes, m, nil)
		addEdges(changes, m)
		changes = orNil(changes)
	}
	n := min(len(ids), MaxRowsPerMutation)
	rows := make([]*ent.AuditLogCreate, 0, n+1)
	for _, id := range ids[:n] {
		rows = append(rows, newRow(ctx, c, action, m.Type(), &id, changes))
	}
	if rest := len(ids) - n; rest > 0 {
		rows = append(rows, newRow(ctx, c, action, m.Type(), nil, map[string]any{"_truncated": rest}))
	}
	for len(rows) > 0 {
		k := min(len(rows), insertBatch)
		if err := c.AuditLog.CreateBulk(rows[:k]...).Exec(allow); err != nil {
			return nil, fmt.Errorf("audit: %s %s: %w", action, m.Type(), err)
		}
		rows = rows[k:]
	}
	return v, nil
}

// addAdded records numeric increments (AddX) as {"added": delta}, with the old value when known.
func addAdded(changes map[string]any, m ent.Mutation, old map[string]ent.Value) {
	for _, f := range m.AddedFields() {
		if _, set := changes[f]; set || f == updatedAtField {
			continue
		}
		d, _ := m.AddedField(f)
		ch := map[string]any{"added": prepare(f, d)}
		if ov, ok := old[f]; ok {
			ch["old"] = prepare(f, ov)
		}
		changes[f] = ch
	}
}

// addEdges records the edges the mutation adds, removes or clears. An edge backed by a
// foreign-key field already recorded (edge "owner", field "owner_id") is left out.
func addEdges(changes map[string]any, m ent.Mutation) {
	fields := map[string]bool{}
	for _, f := range m.Fields() {
		fields[f] = true
	}
	for _, f := range m.ClearedFields() {
		fields[f] = true
	}
	edge := func(name string) map[string]any {
		if fields[name+"_id"] {
			return nil
		}
		ch, ok := changes[name].(map[string]any)
		if !ok {
			ch = map[string]any{}
			changes[name] = ch
		}
		return ch
	}
	for _, e := range m.AddedEdges() {
		if ids := m.AddedIDs(e); len(ids) > 0 {
			if ch := edge(e); ch != nil {
				ch["added"] = idList(ids)
			}
		}
	}
	for _, e := range m.RemovedEdges() {
		if ids := m.RemovedIDs(e); len(ids) > 0 {
			if ch := edge(e); ch != nil {
				ch["removed"] = idList(ids)
			}
		}
	}
	for _, e := range m.ClearedEdges() {
		if ch := edge(e); ch != nil {
			ch["cleared"] = true
		}
	}
}

func idList(ids []ent.Value) []any {
	out := make([]any, len(ids))
	for i, id := range ids {
		out[i] = jsonValue(id)
	}
	return out
}

// newRow builds an audit row with the actor and request of ctx.
func newRow(ctx context.Context, c *ent.Client, action, entityType string, entityID *int, changes map[string]any) *ent.AuditLogCreate {
	b := c.AuditLog.Create().
		SetAction(validate.Truncate(action, 64)).
		SetEntityType(validate.Truncate(entityType, 64)).
		SetNillableEntityID(entityID)
	if p := authz.FromContext(ctx); p != nil {
		b.SetActorType(actorType(p.Kind)).SetActorName(validate.Truncate(p.Name, 128))
		if p.ID != 0 {
			b.SetActorID(p.ID)
		}
	} else {
		b.SetActorType(auditlog.ActorTypeSYSTEM).SetActorName("system")
	}
	info := reqinfo.FromContext(ctx)
	if info.RequestID != "" {
		b.SetRequestID(validate.Truncate(info.RequestID, 64))
	}
	if info.ClientIP != "" {
		b.SetClientIP(validate.Truncate(info.ClientIP, 64))
	}
	if changes != nil {
		b.SetChanges(changes)
	}
	return b
}

func actorType(k authz.Kind) auditlog.ActorType {
	switch k {
	case authz.KindUser:
		return auditlog.ActorTypeUSER
	case authz.KindPartner:
		return auditlog.ActorTypePARTNER
	case authz.KindCustomer:
		return auditlog.ActorTypeCUSTOMER
	default:
		return auditlog.ActorTypeSYSTEM
	}
}

func orNil(m map[string]any) map[string]any {
	if len(m) == 0 {
		return nil
	}
	return m
}

// prepare turns a field value into its masked, JSON-friendly form.
func prepare(field string, v any) any { return maskTree(field, jsonValue(v)) }

// jsonValue returns v as the value JSON decoding would give (maps, slices, strings, numbers,
// booleans, nil), times in UTC RFC 3339; pointers are followed and nil pointers give nil.
func jsonValue(v any) any {
	v = deref(v)
	switch x := v.(type) {
	case nil, string, bool, int, int64, float64, json.Number:
		return x
	case time.Time:
		return x.UTC().Format(time.RFC3339Nano)
	}
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	var out any
	if err := d.Decode(&out); err != nil {
		return string(b)
	}
	return out
}

// deref follows pointers: nil pointers give nil.
func deref(v any) any {
	rv := reflect.ValueOf(v)
	if !rv.IsValid() {
		return nil
	}
	for rv.Kind() == reflect.Pointer {
		if rv.IsNil() {
			return nil
		}
		rv = rv.Elem()
	}
	return rv.Interface()
}

func isNil(v any) bool { return deref(v) == nil }

// equal reports whether an old and a new field value are the same.
func equal(a, b any) bool {
	a, b = deref(a), deref(b)
	if ta, ok := a.(time.Time); ok {
		tb, ok := b.(time.Time)
		return ok && ta.Equal(tb)
	}
	if reflect.DeepEqual(a, b) {
		return true
	}
	return reflect.DeepEqual(jsonValue(a), jsonValue(b))
}
