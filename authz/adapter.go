package authz

import (
	"context"
	"strings"

	"github.com/casbin/casbin/v2/model"
	"github.com/casbin/casbin/v2/persist"

	"github.com/c360crm/c360/ent"
	"github.com/c360crm/c360/ent/casbinrule"
	"github.com/c360crm/c360/ent/predicate"
)

// Adapter is a Casbin persist.Adapter that keeps policy rows in the CasbinRule table through
// ent, so the policy lives in the same database (and transaction) as everything else. The
// official ent adapter is not available here and a second ORM is not wanted.
type Adapter struct {
	client *ent.Client
	ctx    context.Context
}

// NewAdapter returns an adapter over client; ctx bounds its queries.
func NewAdapter(ctx context.Context, client *ent.Client) *Adapter {
	return &Adapter{client: client, ctx: ctx}
}

var _ persist.Adapter = (*Adapter)(nil)

// LoadPolicy loads every row into the model.
func (a *Adapter) LoadPolicy(m model.Model) error {
	rows, err := a.client.CasbinRule.Query().Order(ent.Asc(casbinrule.FieldID)).All(a.ctx)
	if err != nil {
		return err
	}
	for _, r := range rows {
		if err := persist.LoadPolicyArray(trimRule(append([]string{r.Ptype}, r.V0, r.V1, r.V2, r.V3, r.V4, r.V5)), m); err != nil {
			return err
		}
	}
	return nil
}

// SavePolicy replaces every row with the model's policy.
func (a *Adapter) SavePolicy(m model.Model) error {
	if _, err := a.client.CasbinRule.Delete().Exec(a.ctx); err != nil {
		return err
	}
	var creates []*ent.CasbinRuleCreate
	for _, sec := range []string{"p", "g"} {
		for ptype, ast := range m[sec] {
			for _, rule := range ast.Policy {
				creates = append(creates, a.create(ptype, rule))
			}
		}
	}
	for len(creates) > 0 {
		n := min(len(creates), 200)
		if err := a.client.CasbinRule.CreateBulk(creates[:n]...).Exec(a.ctx); err != nil {
			return err
		}
		creates = creates[n:]
	}
	return nil
}

// AddPolicy adds one row.
func (a *Adapter) AddPolicy(_ string, ptype string, rule []string) error {
	return a.create(ptype, rule).Exec(a.ctx)
}

// RemovePolicy removes one row.
func (a *Adapter) RemovePolicy(_ string, ptype string, rule []string) error {
	_, err := a.client.CasbinRule.Delete().Where(rulePredicates(ptype, 0, rule...)...).Exec(a.ctx)
	return err
}

// RemoveFilteredPolicy removes the rows whose fields from fieldIndex on equal fieldValues
// (an empty value matches anything).
func (a *Adapter) RemoveFilteredPolicy(_ string, ptype string, fieldIndex int, fieldValues ...string) error {
	_, err := a.client.CasbinRule.Delete().Where(rulePredicates(ptype, fieldIndex, fieldValues...)...).Exec(a.ctx)
	return err
}

func (a *Adapter) create(ptype string, rule []string) *ent.CasbinRuleCreate {
	v := make([]string, 6)
	copy(v, rule)
	return a.client.CasbinRule.Create().SetPtype(ptype).
		SetV0(v[0]).SetV1(v[1]).SetV2(v[2]).SetV3(v[3]).SetV4(v[4]).SetV5(v[5])
}

var ruleFields = []func(string) predicate.CasbinRule{
	casbinrule.V0, casbinrule.V1, casbinrule.V2, casbinrule.V3, casbinrule.V4, casbinrule.V5,
}

func rulePredicates(ptype string, fieldIndex int, values ...string) []predicate.CasbinRule {
	ps := []predicate.CasbinRule{casbinrule.Ptype(ptype)}
	for i, v := range values {
		if j := fieldIndex + i; v != "" && j < len(ruleFields) {
			ps = append(ps, ruleFields[j](v))
		}
	}
	return ps
}

// trimRule drops trailing empty fields: Casbin counts the fields of a row.
func trimRule(r []string) []string {
	for len(r) > 0 && strings.TrimSpace(r[len(r)-1]) == "" {
		r = r[:len(r)-1]
	}
	return r
}
