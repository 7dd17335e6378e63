package server_test

import (
	"testing"
	"time"

	"github.com/c360crm/c360/internal/servicedesk"
)

// TestServiceRequestSLA: a new service request gets its due time from its priority and the
// business calendar; changing the priority moves it; the overdue list is a where: filter.
func TestServiceRequestSLA(t *testing.T) {
	w := newWorld(t)
	agent := w.clients["agent"]
	var out struct {
		CreateServiceRequest struct {
			ID        string
			CreatedAt time.Time
			SLADueAt  time.Time `json:"slaDueAt"`
		} `json:"createServiceRequest"`
	}
	agent.Do(t, `mutation($c: ID!) { createServiceRequest(input: {customerID: $c, type: FAULT, channel: CALL_CENTER, title: "宽带断线", priority: HIGH}) { id createdAt slaDueAt } }`,
		map[string]any{"c": w.cA.ID}).MustOK(t, &out)
	sr := out.CreateServiceRequest
	sr.CreatedAt = sr.CreatedAt.Truncate(time.Second) // the SLA counts whole seconds
	cal, pol := servicedesk.DefaultCalendar(), servicedesk.DefaultPolicy()
	if want := pol.DueAt(cal, sr.CreatedAt, servicedesk.PriorityHIGH); !sr.SLADueAt.Equal(want) {
		t.Fatalf("HIGH due at %v, want %v (created %v)", sr.SLADueAt, want, sr.CreatedAt)
	}
	var up struct {
		UpdateServiceRequest struct {
			SLADueAt time.Time `json:"slaDueAt"`
		} `json:"updateServiceRequest"`
	}
	agent.Do(t, `mutation($id: ID!) { updateServiceRequest(id: $id, input: {priority: URGENT}) { slaDueAt } }`, map[string]any{"id": sr.ID}).MustOK(t, &up)
	if want := sr.CreatedAt.Add(4 * time.Hour); !up.UpdateServiceRequest.SLADueAt.Equal(want) {
		t.Errorf("URGENT due at %v, want %v", up.UpdateServiceRequest.SLADueAt, want)
	}
	// The overdue list: due before now, not closed (the world's own request has a due time in
	// the future, so nothing is overdue yet).
	var list struct {
		ServiceRequests struct{ TotalCount int } `json:"serviceRequests"`
	}
	agent.Do(t, `query($now: Time!) { serviceRequests(where: {slaDueAtLT: $now}) { totalCount } }`,
		map[string]any{"now": time.Now().Format(time.RFC3339)}).MustOK(t, &list)
	if list.ServiceRequests.TotalCount != 0 {
		t.Errorf("overdue requests: %d", list.ServiceRequests.TotalCount)
	}
	agent.Do(t, `query($later: Time!) { serviceRequests(where: {slaDueAtLT: $later}) { totalCount } }`,
		map[string]any{"later": time.Now().Add(30 * 24 * time.Hour).Format(time.RFC3339)}).MustOK(t, &list)
	if list.ServiceRequests.TotalCount != 2 {
		t.Errorf("requests due within 30 days: %d, want 2", list.ServiceRequests.TotalCount)
	}
}
