package customer

import (
	"context"
	"strings"

	"github.com/c360crm/c360/authz"
	"github.com/c360crm/c360/ent"
	"github.com/c360crm/c360/ent/customer"
	"github.com/c360crm/c360/ent/servicerequest"
	"github.com/c360crm/c360/ent/subscription"
	"github.com/c360crm/c360/internal/apperr"
	"github.com/c360crm/c360/internal/audit"
	"github.com/c360crm/c360/internal/validate"
)

// Self returns the ID of the signed-in customer; any other caller gets FORBIDDEN.
func Self(ctx context.Context) (int, error) {
	p := authz.FromContext(ctx)
	if p == nil || p.Kind != authz.KindCustomer {
		return 0, apperr.New(apperr.Forbidden, "only a signed-in customer has own data")
	}
	return p.ID, nil
}

// UpdateContact changes the signed-in customer's own mobile, e-mail or postal address.
func UpdateContact(ctx context.Context, c *ent.Client, in ContactDetails) (*ent.Customer, error) {
	id, err := Self(ctx)
	if err != nil {
		return nil, err
	}
	u := c.Customer.UpdateOneID(id)
	if in.Mobile != nil {
		u.SetMobile(strings.TrimSpace(*in.Mobile))
	}
	if in.Email != nil {
		u.SetEmail(strings.TrimSpace(*in.Email))
	}
	if in.Address != nil {
		u.SetAddress(strings.TrimSpace(*in.Address))
	}
	return u.Save(ctx)
}

// CreateServiceRequest opens a service request for the signed-in customer from the web
// business hall; the subscription, when given, must be the customer's own.
func CreateServiceRequest(ctx context.Context, c *ent.Client, in ServiceRequestInput) (*ent.ServiceRequest, error) {
	id, err := Self(ctx)
	if err != nil {
		return nil, err
	}
	if in.SubscriptionID != nil {
		own, err := c.Subscription.Query().
			Where(subscription.ID(*in.SubscriptionID), subscription.CustomerID(id)).Exist(ctx)
		if err != nil {
			return nil, err
		}
		if !own {
			return nil, validate.Field("subscriptionID", "is not one of your subscriptions")
		}
	}
	return c.ServiceRequest.Create().
		SetCustomerID(id).
		SetType(in.Type).
		SetTitle(strings.TrimSpace(in.Title)).
		SetNillableDescription(in.Description).
		SetNillableSubscriptionID(in.SubscriptionID).
		SetChannel(servicerequest.ChannelWEB).
		Save(ctx)
}

// RevealPII returns a customer's resident ID and mobile in clear to a principal allowed to
// call revealCustomerPII (the operation check) that can see the customer (row scoping), and
// records the reveal with its reason in the audit trail, in the same transaction.
func RevealPII(ctx context.Context, c *ent.Client, id int, reason string) (*PII, error) {
	reason = strings.TrimSpace(reason)
	if n := len([]rune(reason)); n < 2 || n > 500 {
		return nil, validate.Field("reason", "must be 2 to 500 characters")
	}
	cu, err := c.Customer.Query().Where(customer.ID(id)).
		Select(customer.FieldIDNumber, customer.FieldMobile).Only(ctx)
	if err != nil {
		return nil, err
	}
	if err := audit.Record(ctx, c, audit.Entry{
		Action: "reveal_pii", EntityType: "Customer", EntityID: &id, Reason: reason,
		Changes: map[string]any{"fields": []string{"idNumber", "mobile"}},
	}); err != nil {
		return nil, err
	}
	return &PII{IDNumber: nonEmpty(cu.IDNumber), Mobile: nonEmpty(cu.Mobile)}, nil
}

func nonEmpty(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
