package authz_test

import (
	"strings"
	"testing"
	"time"

	"github.com/c360crm/c360/authz"
	"github.com/c360crm/c360/internal/testenv"
)

func ptr(s string) *string { return &s }

// TestDefaultPolicyUpgrade: the first start installs the default policy; a later release's
// additions and removals are applied while an admin's own edits stay as the admin left them.
func TestDefaultPolicyUpgrade(t *testing.T) {
	d := testenv.New(t)
	ctx := testenv.SystemContext()
	orig := authz.DefaultPolicy
	t.Cleanup(func() { authz.DefaultPolicy = orig })

	e, err := authz.NewEnforcer(ctx, d.Client, time.Nanosecond)
	if err != nil {
		t.Fatal(err)
	}
	agent := &authz.Principal{Kind: authz.KindUser, ID: 9, Roles: []string{authz.RoleAgent}}
	if !e.Allowed(agent, "Mutation.createContact", "call") || e.Allowed(agent, "Mutation.createCustomer", "call") {
		t.Fatal("default policy not in force")
	}
	// An admin removes a default row and adds one of its own.
	if _, err := e.RemoveRule(ctx, d.Client, authz.Rule{PType: "P", Subject: "agent", Object: "Mutation.createContact", Action: ptr("call"), Effect: ptr("allow")}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.AddRule(ctx, d.Client, authz.Rule{PType: "P", Subject: "user:9", Object: "Query.partners", Action: ptr("call")}); err != nil {
		t.Fatal(err)
	}
	if err := e.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	if e.Allowed(agent, "Mutation.createContact", "call") || !e.Allowed(agent, "Query.partners", "call") {
		t.Fatal("admin edits not in force")
	}

	// The next release adds a row for agents and drops the one for updateContact.
	authz.DefaultPolicy = strings.Replace(orig, "p, agent, Mutation.updateContact, call, allow\n", "p, agent, Query.knowledgeAnswers, call, allow\n", 1)
	e2, err := authz.NewEnforcer(ctx, d.Client, time.Nanosecond)
	if err != nil {
		t.Fatal(err)
	}
	for obj, want := range map[string]bool{
		"Query.knowledgeAnswers":     true,  // added by the release
		"Mutation.updateContact":     false, // dropped by the release
		"Mutation.createContact":     false, // removed by the admin: stays removed
		"Query.partners":             true,  // added by the admin: stays
		"Mutation.createCustomer":    false,
		"Mutation.revealCustomerPII": true,
	} {
		if got := e2.Allowed(agent, obj, "call"); got != want {
			t.Errorf("%s after the upgrade: %v, want %v", obj, got, want)
		}
	}
	// A third start with the same release changes nothing.
	before, _ := authz.Rules(ctx, d.Client, nil)
	if _, err := authz.NewEnforcer(ctx, d.Client, time.Nanosecond); err != nil {
		t.Fatal(err)
	}
	after, _ := authz.Rules(ctx, d.Client, nil)
	if len(before) != len(after) {
		t.Errorf("restart changed the policy: %d → %d rows", len(before), len(after))
	}
	// The first instance picks the upgrade up on its next refresh.
	if err := e.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	if !e.Allowed(agent, "Query.knowledgeAnswers", "call") {
		t.Error("the other instance did not reload")
	}
}

func TestMasks(t *testing.T) {
	for in, want := range map[string]string{
		"330106199001011234": "330***********1234",
		"13812345678":        "138****5678",
		"1234567":            "*******",
		"":                   "",
	} {
		got := authz.MaskIDNumber(in)
		if len(in) == 11 {
			got = authz.MaskMobile(in)
		}
		if got != want {
			t.Errorf("mask(%q) = %q, want %q", in, got, want)
		}
	}
}
