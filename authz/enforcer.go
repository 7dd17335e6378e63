package authz

import (
	"context"
	"crypto/rand"
	_ "embed" // the model and default policy are compiled into the binary
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/bmatcuk/doublestar/v4"
	"github.com/casbin/casbin/v2"
	"github.com/casbin/casbin/v2/model"

	"github.com/c360crm/c360/ent"
	"github.com/c360crm/c360/ent/casbinrule"
	"github.com/c360crm/c360/ent/setting"
	"github.com/c360crm/c360/internal/apperr"
	"github.com/c360crm/c360/internal/validate"
)

//go:embed model.conf
var modelText string

// DefaultPolicy is the policy installed on first start (authz/policy.csv).
//
//go:embed policy.csv
var DefaultPolicy string

// Settings rows used by the enforcer.
const (
	settingPolicyVersion = "policy_version" // changes whenever a policy row changes
	settingPolicyDefault = "policy_default" // the default policy last installed
)

// Actions of policy rows.
var Actions = []string{"read", "create", "update", "delete", "call", "clear", "*"}

// Enforcer answers "may this principal do this" from the Casbin policy rows in the database.
// Every instance re-reads the rows when the policy version in the database changes (checked
// at most once per refresh interval), so an admin's edit applies everywhere without a restart.
type Enforcer struct {
	client  *ent.Client
	ttl     time.Duration
	mu      sync.Mutex // serialises reloads
	state   atomic.Pointer[policyState]
	checked atomic.Int64 // unix nanos of the last version check
}

type policyState struct {
	e       *casbin.Enforcer
	version string
	cache   sync.Map // "sub\x00obj\x00act" → bool
}

// NewEnforcer installs the default policy if needed (or adds what a new release added to it)
// and loads the rows. refresh bounds how stale an instance's policy may be (0: check the
// version on every request).
func NewEnforcer(ctx context.Context, client *ent.Client, refresh time.Duration) (*Enforcer, error) {
	e := &Enforcer{client: client, ttl: refresh}
	if err := installDefaults(ctx, client); err != nil {
		return nil, fmt.Errorf("installing default policy: %w", err)
	}
	if err := e.reload(ctx); err != nil {
		return nil, err
	}
	return e, nil
}

// Refresh reloads the policy when another instance (or this one) changed it. Cheap: one
// indexed read at most once per refresh interval.
func (e *Enforcer) Refresh(ctx context.Context) error {
	now := time.Now().UnixNano()
	if last := e.checked.Load(); last != 0 && now-last < int64(e.ttl) {
		return nil
	}
	e.checked.Store(now)
	v, err := policyVersion(ctx, e.client)
	if err != nil {
		return err
	}
	if st := e.state.Load(); st != nil && st.version == v {
		return nil
	}
	return e.reload(ctx)
}

func (e *Enforcer) reload(ctx context.Context) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	v, err := policyVersion(ctx, e.client)
	if err != nil {
		return err
	}
	if st := e.state.Load(); st != nil && st.version == v {
		return nil
	}
	m, err := model.NewModelFromString(modelText)
	if err != nil {
		return err
	}
	ce, err := casbin.NewEnforcer(m, NewAdapter(ctx, e.client))
	if err != nil {
		return fmt.Errorf("loading policy: %w", err)
	}
	e.state.Store(&policyState{e: ce, version: v})
	e.checked.Store(time.Now().UnixNano())
	return nil
}

// Allowed reports whether p may do act on obj: one of its roles (or a grant to the user
// itself, subject "user:<id>") allows it and none denies it. SYSTEM may do everything.
func (e *Enforcer) Allowed(p *Principal, obj, act string) bool {
	if p == nil {
		return false
	}
	if p.Kind == KindSystem {
		return true
	}
	st := e.state.Load()
	allowed := false
	for _, sub := range subjects(p) {
		key := sub + "\x00" + obj + "\x00" + act
		if v, ok := st.cache.Load(key); ok {
			allowed = allowed || v.(bool)
			continue
		}
		ok, err := st.e.Enforce(sub, obj, act)
		ok = ok && err == nil
		st.cache.Store(key, ok)
		allowed = allowed || ok
	}
	return allowed
}

func subjects(p *Principal) []string {
	subs := slices.Clone(p.Roles)
	if p.Kind == KindUser && p.ID != 0 {
		subs = append(subs, "user:"+strconv.Itoa(p.ID))
	}
	return subs
}

// Version is the policy version this instance has loaded.
func (e *Enforcer) Version() string { return e.state.Load().version }

// Rules lists the policy rows (ptype "P", "G" or "" for both) through client.
func Rules(ctx context.Context, client *ent.Client, ptype *string) ([]*Rule, error) {
	q := client.CasbinRule.Query().Order(ent.Asc(casbinrule.FieldPtype), ent.Asc(casbinrule.FieldID))
	if ptype != nil {
		q.Where(casbinrule.Ptype(strings.ToLower(*ptype)))
	}
	rows, err := q.All(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]*Rule, 0, len(rows))
	for _, r := range rows {
		out = append(out, toRule(r))
	}
	return out, nil
}

func toRule(r *ent.CasbinRule) *Rule {
	out := &Rule{PType: strings.ToUpper(r.Ptype), Subject: r.V0, Object: r.V1}
	if r.Ptype == "p" {
		act, eft := r.V2, r.V3
		out.Action, out.Effect = &act, &eft
	}
	return out
}

// AddRule validates and stores a policy row through client (the mutation's transaction) and
// bumps the policy version so that every instance reloads.
func (e *Enforcer) AddRule(ctx context.Context, client *ent.Client, r Rule) (*Rule, error) {
	ptype, values, err := normalize(r)
	if err != nil {
		return nil, err
	}
	exists, err := client.CasbinRule.Query().Where(rulePredicates(ptype, 0, values...)...).Exist(ctx)
	if err != nil {
		return nil, err
	}
	if exists {
		return nil, apperr.New(apperr.Conflict, "the policy already has this rule")
	}
	if err := NewAdapter(ctx, client).AddPolicy(ptype, ptype, values); err != nil {
		return nil, err
	}
	if err := e.bump(ctx, client); err != nil {
		return nil, err
	}
	row, err := client.CasbinRule.Query().Where(rulePredicates(ptype, 0, values...)...).Only(ctx)
	if err != nil {
		return nil, err
	}
	return toRule(row), nil
}

// RemoveRule deletes a policy row through client and bumps the policy version.
func (e *Enforcer) RemoveRule(ctx context.Context, client *ent.Client, r Rule) (bool, error) {
	ptype, values, err := normalize(r)
	if err != nil {
		return false, err
	}
	n, err := client.CasbinRule.Delete().Where(rulePredicates(ptype, 0, values...)...).Exec(ctx)
	if err != nil || n == 0 {
		return false, err
	}
	return true, e.bump(ctx, client)
}

// bump writes a new policy version and makes this instance check it on its next request.
func (e *Enforcer) bump(ctx context.Context, client *ent.Client) error {
	e.checked.Store(0)
	return setPolicyVersion(ctx, client)
}

func normalize(r Rule) (ptype string, values []string, err error) {
	var errs validate.FieldErrors
	subject, object := strings.TrimSpace(r.Subject), strings.TrimSpace(r.Object)
	if subject == "" || len(subject) > 128 {
		errs = append(errs, validate.Field("subject", "must be 1 to 128 characters"))
	}
	if object == "" || len(object) > 128 {
		errs = append(errs, validate.Field("object", "must be 1 to 128 characters"))
	} else if !doublestar.ValidatePattern(object) {
		errs = append(errs, validate.Field("object", "is not a valid pattern"))
	}
	switch strings.ToUpper(r.PType) {
	case PTypeG:
		if r.Action != nil || r.Effect != nil {
			errs = append(errs, validate.Field("action", "a role grant (G) has no action or effect"))
		}
		if len(errs) > 0 {
			return "", nil, errs
		}
		return "g", []string{subject, object}, nil
	case PTypeP:
		act, eft := "", "allow"
		if r.Action != nil {
			act = strings.TrimSpace(*r.Action)
		}
		if !slices.Contains(Actions, act) {
			errs = append(errs, validate.Field("action", "must be one of %s", strings.Join(Actions, ", ")))
		}
		if r.Effect != nil {
			eft = strings.TrimSpace(*r.Effect)
		}
		if eft != "allow" && eft != "deny" {
			errs = append(errs, validate.Field("effect", "must be allow or deny"))
		}
		if len(errs) > 0 {
			return "", nil, errs
		}
		return "p", []string{subject, object, act, eft}, nil
	}
	return "", nil, append(errs, validate.Field("ptype", "must be P or G"))
}

func policyVersion(ctx context.Context, client *ent.Client) (string, error) {
	s, err := client.Setting.Query().Where(setting.Key(settingPolicyVersion)).Only(ctx)
	if ent.IsNotFound(err) {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	return s.Value, nil
}

func setPolicyVersion(ctx context.Context, client *ent.Client) error {
	b := make([]byte, 8)
	_, _ = rand.Read(b)
	v := strconv.FormatInt(time.Now().UnixNano(), 36) + "-" + hex.EncodeToString(b)
	return client.Setting.Create().SetKey(settingPolicyVersion).SetValue(v).
		OnConflictColumns(setting.FieldKey).UpdateNewValues().Exec(ctx)
}

// installDefaults writes the default policy on first start. On later starts it applies only
// the difference between the default policy last installed and this release's: rows the new
// default adds are added, rows it drops are removed, and rows an admin added or removed stay
// as the admin left them.
func installDefaults(ctx context.Context, client *ent.Client) error {
	tx, err := client.Tx(ctx)
	if err != nil {
		return err
	}
	err = func() error {
		prev := ""
		s, err := tx.Setting.Query().Where(setting.Key(settingPolicyDefault)).Only(ctx)
		switch {
		case err == nil:
			prev = s.Value
		case !ent.IsNotFound(err):
			return err
		}
		if prev == DefaultPolicy {
			return nil
		}
		oldRows, newRows := parsePolicy(prev), parsePolicy(DefaultPolicy)
		a := NewAdapter(ctx, tx.Client())
		for key, row := range newRows {
			if _, ok := oldRows[key]; ok {
				continue
			}
			exists, err := tx.CasbinRule.Query().Where(rulePredicates(row[0], 0, row[1:]...)...).Exist(ctx)
			if err != nil {
				return err
			}
			if !exists {
				if err := a.AddPolicy(row[0], row[0], row[1:]); err != nil {
					return err
				}
			}
		}
		for key, row := range oldRows {
			if _, ok := newRows[key]; !ok {
				if err := a.RemovePolicy(row[0], row[0], row[1:]); err != nil {
					return err
				}
			}
		}
		if err := tx.Setting.Create().SetKey(settingPolicyDefault).SetValue(DefaultPolicy).
			OnConflictColumns(setting.FieldKey).UpdateNewValues().Exec(ctx); err != nil {
			return err
		}
		return setPolicyVersion(ctx, tx.Client())
	}()
	if err != nil {
		_ = tx.Rollback()
		return err
	}
	return tx.Commit()
}

// parsePolicy reads policy CSV lines into rows keyed by their joined text.
func parsePolicy(text string) map[string][]string {
	rows := map[string][]string{}
	for line := range strings.Lines(text) {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		parts := strings.Split(line, ",")
		for i := range parts {
			parts[i] = strings.TrimSpace(parts[i])
		}
		rows[strings.Join(parts, ",")] = parts
	}
	return rows
}

// ErrNoEnforcer is returned when a context has no enforcer (a wiring bug).
var ErrNoEnforcer = errors.New("authz: no enforcer in context")

type enforcerKey struct{}

// WithEnforcer returns ctx carrying e; the ent privacy rules and the GraphQL checks use it.
func WithEnforcer(ctx context.Context, e *Enforcer) context.Context {
	return context.WithValue(ctx, enforcerKey{}, e)
}

// EnforcerFrom returns the enforcer of ctx, or nil.
func EnforcerFrom(ctx context.Context) *Enforcer {
	e, _ := ctx.Value(enforcerKey{}).(*Enforcer)
	return e
}

// Can reports whether the principal of ctx may do act on obj under the enforcer of ctx.
// Without a principal nothing is allowed; SYSTEM is allowed everything even without an enforcer.
func Can(ctx context.Context, obj, act string) bool {
	p := FromContext(ctx)
	if p != nil && p.Kind == KindSystem {
		return true
	}
	e := EnforcerFrom(ctx)
	return e != nil && e.Allowed(p, obj, act)
}

// Allowed returns the objects among objs on which the principal of ctx may do act.
func Allowed(ctx context.Context, objs []string, act string) []string {
	out := []string{}
	for _, o := range objs {
		if Can(ctx, o, act) {
			out = append(out, o)
		}
	}
	return out
}

// StaffUser returns the signed-in staff user, or nil when the caller is not staff.
func StaffUser(ctx context.Context, client *ent.Client) (*ent.User, error) {
	p := FromContext(ctx)
	if p == nil || p.Kind != KindUser {
		return nil, nil
	}
	return client.User.Get(ctx, p.ID)
}
