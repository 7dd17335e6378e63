package server_test

import (
	"strings"
	"testing"
	"time"
)

// TestPointsOverHTTP: earn with and without expiry, FIFO redemption, idempotent retries,
// insufficient balance, scoping, the hall's own redemption and Customer.points.
func TestPointsOverHTTP(t *testing.T) {
	w := newWorld(t)
	am := w.clients["account_manager"]
	exp := time.Now().Add(10 * 24 * time.Hour).UTC().Format(time.RFC3339)
	earn := func(points int, expires any, key string) {
		am.Do(t, `mutation($c: ID!, $p: Int!, $e: Time, $k: String!) { earnPoints(input: {customerID: $c, points: $p, expiresAt: $e, reason: "月度消费", idempotencyKey: $k}) { id } }`,
			map[string]any{"c": w.cA.ID, "p": points, "e": expires, "k": key}).MustOK(t, nil)
	}
	earn(1000, exp, "bill-2026-10")
	earn(500, nil, "bill-2026-11")
	redeem := `mutation($c: ID!, $p: Int!, $k: String!) { redeemPoints(input: {customerID: $c, points: $p, reason: "兑换流量包", idempotencyKey: $k}) { id points balanceAfter } }`
	var first, retry struct {
		RedeemPoints struct {
			ID           string
			Points       int
			BalanceAfter int
		} `json:"redeemPoints"`
	}
	am.Do(t, redeem, map[string]any{"c": w.cA.ID, "p": 300, "k": "order-1"}).MustOK(t, &first)
	am.Do(t, redeem, map[string]any{"c": w.cA.ID, "p": 300, "k": "order-1"}).MustOK(t, &retry)
	if first.RedeemPoints.ID != retry.RedeemPoints.ID || first.RedeemPoints.BalanceAfter != 1200 || first.RedeemPoints.Points != -300 {
		t.Fatalf("redeem and its retry: %+v %+v", first, retry)
	}
	if r := am.Do(t, redeem, map[string]any{"c": w.cA.ID, "p": 5000, "k": "order-2"}); r.Code() != "CONFLICT" {
		t.Errorf("redeeming more than the balance: %s", r.Raw)
	}
	if r := am.Do(t, redeem, map[string]any{"c": w.cB.ID, "p": 1, "k": "order-3"}); r.Code() != "NOT_FOUND" {
		t.Errorf("redeeming another manager's customer's points: %s", r.Raw)
	}
	// The hall: the customer redeems its own points and sees the account.
	c := w.clients["customer"]
	c.Do(t, `mutation { redeemMyPoints(input: {points: 100, reason: "兑换话费", idempotencyKey: "hall-1"}) { id } }`, nil).MustOK(t, nil)
	var out struct {
		MyProfile struct {
			Points struct {
				Balance, ExpiringSoon int
				Tier                  string
				History               struct {
					TotalCount int
					Edges      []struct {
						Node struct {
							Kind   string
							Points int
						}
					}
				}
			}
		} `json:"myProfile"`
	}
	c.Do(t, `{ myProfile { points { balance tier expiringSoon(days: 30) history(first: 10) { totalCount edges { node { kind points } } } } } }`, nil).MustOK(t, &out)
	p := out.MyProfile.Points
	// FIFO: the 400 redeemed came out of the expiring lot, 600 of it expire within 30 days.
	if p.Balance != 1100 || p.ExpiringSoon != 600 || p.Tier != "BASIC" || p.History.TotalCount != 4 || p.History.Edges[0].Node.Kind != "REDEEM" {
		t.Errorf("customer points: %+v", p)
	}
	// Staff see the same through the customer.
	r := am.Do(t, `query($id: ID!) { node(id: $id) { ... on Customer { points { balance } } } }`, map[string]any{"id": w.cA.ID})
	if !strings.Contains(string(r.Data), `"balance":1100`) {
		t.Errorf("staff view: %s", r.Raw)
	}
}
