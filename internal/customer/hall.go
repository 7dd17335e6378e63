package customer

import (
	"context"

	"entgo.io/contrib/entgql"

	"github.com/c360crm/c360/ent"
	"github.com/c360crm/c360/ent/bill"
	"github.com/c360crm/c360/ent/pointsaccount"
	"github.com/c360crm/c360/ent/servicerequest"
	"github.com/c360crm/c360/ent/subscription"
)

// The web business hall's reads: always the signed-in customer's own records (and row
// scoping would refuse anything else anyway).

// Profile returns the signed-in customer, or nil for any other caller.
func Profile(ctx context.Context, c *ent.Client) (*ent.Customer, error) {
	id, err := Self(ctx)
	if err != nil {
		return nil, err
	}
	return c.Customer.Get(ctx, id)
}

// Subscriptions pages the signed-in customer's subscriptions, newest first.
func Subscriptions(ctx context.Context, c *ent.Client, after *entgql.Cursor[int], first *int, before *entgql.Cursor[int], last *int) (*ent.SubscriptionConnection, error) {
	id, err := Self(ctx)
	if err != nil {
		return nil, err
	}
	return c.Subscription.Query().Where(subscription.CustomerID(id)).
		Paginate(ctx, after, first, before, last, ent.WithSubscriptionOrder(&ent.SubscriptionOrder{
			Direction: entgql.OrderDirectionDesc, Field: ent.SubscriptionOrderFieldStartAt,
		}))
}

// Bills pages the signed-in customer's bills, newest period first.
func Bills(ctx context.Context, c *ent.Client, after *entgql.Cursor[int], first *int, before *entgql.Cursor[int], last *int) (*ent.BillConnection, error) {
	id, err := Self(ctx)
	if err != nil {
		return nil, err
	}
	return c.Bill.Query().Where(bill.CustomerID(id)).
		Paginate(ctx, after, first, before, last, ent.WithBillOrder(&ent.BillOrder{
			Direction: entgql.OrderDirectionDesc, Field: ent.BillOrderFieldPeriod,
		}))
}

// Points returns the signed-in customer's points account, nil before the first points.
func Points(ctx context.Context, c *ent.Client) (*ent.PointsAccount, error) {
	id, err := Self(ctx)
	if err != nil {
		return nil, err
	}
	a, err := c.PointsAccount.Query().Where(pointsaccount.CustomerID(id)).Only(ctx)
	if ent.IsNotFound(err) {
		return nil, nil
	}
	return a, err
}

// ServiceRequests pages the signed-in customer's service requests, newest first.
func ServiceRequests(ctx context.Context, c *ent.Client, after *entgql.Cursor[int], first *int, before *entgql.Cursor[int], last *int) (*ent.ServiceRequestConnection, error) {
	id, err := Self(ctx)
	if err != nil {
		return nil, err
	}
	return c.ServiceRequest.Query().Where(servicerequest.CustomerID(id)).
		Paginate(ctx, after, first, before, last, ent.WithServiceRequestOrder(&ent.ServiceRequestOrder{
			Direction: entgql.OrderDirectionDesc, Field: ent.ServiceRequestOrderFieldCreatedAt,
		}))
}
