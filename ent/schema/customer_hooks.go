package schema

import (
	"context"
	"errors"
	"time"

	"entgo.io/ent"

	"github.com/c360crm/c360/authz/rule"
	gen "github.com/c360crm/c360/ent"
	"github.com/c360crm/c360/ent/hook"
	"github.com/c360crm/c360/internal/codes"
	"github.com/c360crm/c360/internal/validate"
)

// Hooks of Customer: the unified code on create, the identity rules on every write, and
// the principal's scope (authz/rule).
func (Customer) Hooks() []ent.Hook {
	return []ent.Hook{
		hook.On(customerCode, ent.OpCreate),
		hook.On(customerIdentity, ent.OpCreate|ent.OpUpdateOne|ent.OpUpdate),
		hook.On(rule.CustomerStaysInScope, ent.OpCreate|ent.OpUpdateOne),
	}
}

// customerCode assigns the unified customer code unless the writer (an import) brings one.
func customerCode(next ent.Mutator) ent.Mutator {
	return hook.CustomerFunc(func(ctx context.Context, m *gen.CustomerMutation) (ent.Value, error) {
		if _, ok := m.Code(); !ok {
			typ, _ := m.GetType()
			m.SetCode(codes.Customer(string(typ), time.Now()))
		}
		return next.Mutate(ctx, m)
	})
}

var errBulkIdentity = errors.New("identity fields (type, idType, idNumber, birthday, gender) can only be changed one customer at a time")

// customerIdentity checks that type, document type and number, birthday and gender agree,
// reading the stored values of the fields an update leaves alone.
func customerIdentity(next ent.Mutator) ent.Mutator {
	return hook.CustomerFunc(func(ctx context.Context, m *gen.CustomerMutation) (ent.Value, error) {
		touched := false
		for _, f := range []string{"type", "id_type", "id_number", "birthday", "gender"} {
			if _, ok := m.Field(f); ok || m.FieldCleared(f) {
				touched = true
			}
		}
		if !touched {
			return next.Mutate(ctx, m)
		}
		if m.Op().Is(ent.OpUpdate) {
			return nil, validate.Field("idNumber", "%v", errBulkIdentity)
		}
		var c validate.CustomerIdentity
		if m.Op().Is(ent.OpUpdateOne) {
			id, _ := m.ID()
			old, err := m.Client().Customer.Get(ctx, id)
			if err != nil {
				return nil, err
			}
			c.Type = string(old.Type)
			if old.IDType != nil {
				c.IDType = string(*old.IDType)
			}
			c.IDNumber = old.IDNumber
			c.Birthday = old.Birthday
			if old.Gender != nil {
				c.Gender = string(*old.Gender)
			}
		}
		if v, ok := m.GetType(); ok {
			c.Type = string(v)
		}
		if v, ok := m.IDType(); ok {
			c.IDType = string(v)
		} else if m.IDTypeCleared() {
			c.IDType = ""
		}
		if v, ok := m.IDNumber(); ok {
			c.IDNumber = v
		} else if m.IDNumberCleared() {
			c.IDNumber = ""
		}
		if v, ok := m.Birthday(); ok {
			c.Birthday = &v
		} else if m.BirthdayCleared() {
			c.Birthday = nil
		}
		if v, ok := m.Gender(); ok {
			c.Gender = string(v)
		} else if m.GenderCleared() {
			c.Gender = ""
		}
		if err := validate.Customer(c); err != nil {
			return nil, err
		}
		return next.Mutate(ctx, m)
	})
}
