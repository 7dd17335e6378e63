package server_test

import (
	"fmt"
	"testing"

	"github.com/c360crm/c360/authz"
	"github.com/c360crm/c360/ent"
	"github.com/c360crm/c360/ent/campaigntarget"
	"github.com/c360crm/c360/ent/contact"
	"github.com/c360crm/c360/ent/customer"
	"github.com/c360crm/c360/ent/customergroup"
	"github.com/c360crm/c360/ent/knowledgedocument"
	"github.com/c360crm/c360/ent/product"
	"github.com/c360crm/c360/ent/servicerequest"
	"github.com/c360crm/c360/ent/team"
	"github.com/c360crm/c360/internal/db"
	"github.com/c360crm/c360/internal/server"
	"github.com/c360crm/c360/internal/testenv"
)

const (
	worldPassword = "world-pass-123"
	hallPassword  = "hall-pass-123"
	mobileA       = "13812345678"
	idNumberA     = "11010519491231002X" // GB 11643's own example
	mobileB       = "13987654321"
)

// world is a small operator for access tests: a province team (浙江省) with a city team
// (杭州市) under it and an unrelated province (江苏省); one user per role; account managers A
// and B with a customer each; a second customer of A used as the target of mutations; two
// partners; and a signed-in client for every principal.
type world struct {
	d       *db.DB
	admin   *testenv.Client
	clients map[string]*testenv.Client // by role, plus "am_b", "agent_js"

	teamP, teamC, teamJS     *ent.Team
	am, amB, agent, editor   *ent.User
	partner1, partner2       *ent.Partner
	cA, cA2, cB              *ent.Customer
	prod                     *ent.Product
	subA, subB               *ent.Subscription
	contactA, contactB       *ent.Contact
	srA                      *ent.ServiceRequest
	group                    *ent.CustomerGroup
	campaign                 *ent.Campaign
	targetA, targetB         *ent.CampaignTarget
	partnerKey, partnerKeyID string
	doc                      *ent.KnowledgeDocument
	docV1                    *ent.DocumentVersion
}

func newWorld(t *testing.T) *world {
	t.Helper()
	d := testenv.New(t)
	w := &world{d: d, clients: map[string]*testenv.Client{}}
	w.admin = testenv.Server(t, d, server.Config{})
	ctx := testenv.SystemContext()
	c := d.Client
	w.teamP = c.Team.Create().SetName("浙江分公司").SetCode("ZJ").SetKind(team.KindPROVINCE).SetRegion("浙江省").SaveX(ctx)
	w.teamC = c.Team.Create().SetName("杭州分公司").SetCode("ZJ-HZ").SetKind(team.KindCITY).SetRegion("杭州市").SetParentID(w.teamP.ID).SaveX(ctx)
	w.teamJS = c.Team.Create().SetName("江苏分公司").SetCode("JS").SetKind(team.KindPROVINCE).SetRegion("江苏省").SaveX(ctx)

	user := func(name string, teamID *int, roles ...string) *ent.User {
		return testenv.CreateUser(t, d, name, worldPassword, teamID, roles...)
	}
	user("mgr", &w.teamP.ID, authz.RoleManager)
	user("plan", nil, authz.RolePlanner)
	w.am = user("am_a", &w.teamC.ID, authz.RoleAccountManager)
	w.amB = user("am_b", &w.teamJS.ID, authz.RoleAccountManager)
	w.agent = user("agent_hz", &w.teamC.ID, authz.RoleAgent)
	user("agent_js", &w.teamJS.ID, authz.RoleAgent)
	w.editor = user("editor", nil, authz.RoleKnowledgeEditor)
	user("review", nil, authz.RoleReviewer)

	w.partner1 = c.Partner.Create().SetName("甲渠道").SetCode("P1").SaveX(ctx)
	w.partner2 = c.Partner.Create().SetName("乙渠道").SetCode("P2").SaveX(ctx)

	w.cA = c.Customer.Create().SetType(customer.TypePUBLIC).SetName("甲客户").
		SetMobile(mobileA).SetIDType(customer.IDTypeRESIDENT_ID).SetIDNumber(idNumberA).
		SetProvince("浙江省").SetCity("杭州市").SetOwnerID(w.am.ID).SetTeamID(w.teamC.ID).
		SetPartnerID(w.partner1.ID).SaveX(ctx)
	w.cA2 = c.Customer.Create().SetType(customer.TypePUBLIC).SetName("甲客户二").SetMobile("13800000002").
		SetProvince("浙江省").SetCity("杭州市").SetOwnerID(w.am.ID).SetTeamID(w.teamC.ID).SaveX(ctx)
	w.cB = c.Customer.Create().SetType(customer.TypePUBLIC).SetName("乙客户").SetMobile(mobileB).
		SetProvince("江苏省").SetCity("南京市").SetOwnerID(w.amB.ID).SetTeamID(w.teamJS.ID).
		SetPartnerID(w.partner2.ID).SaveX(ctx)

	w.prod = c.Product.Create().SetCode("PLAN-5G").SetName("5G 套餐").SetCategory(product.CategoryMOBILE_PLAN).SetPrice(12900).SaveX(ctx)
	w.subA = c.Subscription.Create().SetCustomerID(w.cA.ID).SetProductID(w.prod.ID).SetServiceNumber(mobileA).SaveX(ctx)
	w.subB = c.Subscription.Create().SetCustomerID(w.cB.ID).SetProductID(w.prod.ID).SetServiceNumber(mobileB).SaveX(ctx)
	w.contactA = c.Contact.Create().SetCustomerID(w.cA2.ID).SetChannel(contact.ChannelCALL_CENTER).SetKind(contact.KindCONSULTATION).SetSubject("咨询套餐").SaveX(ctx)
	w.contactB = c.Contact.Create().SetCustomerID(w.cB.ID).SetChannel(contact.ChannelCALL_CENTER).SetKind(contact.KindCOMPLAINT).SetSubject("乙的投诉").SaveX(ctx)
	w.srA = c.ServiceRequest.Create().SetCustomerID(w.cA2.ID).SetType(servicerequest.TypeFAULT).SetChannel(servicerequest.ChannelCALL_CENTER).SetTitle("宽带故障").SaveX(ctx)
	w.group = c.CustomerGroup.Create().SetName("高价值").SetKind(customergroup.KindSTATIC).AddMemberIDs(w.cA.ID, w.cB.ID).SaveX(ctx)
	w.campaign = c.Campaign.Create().SetCode("CMP-1").SetName("5G 升级").SaveX(ctx)
	w.targetA = c.CampaignTarget.Create().SetCampaignID(w.campaign.ID).SetCustomerID(w.cA.ID).SetPartnerID(w.partner1.ID).SaveX(ctx)
	w.targetB = c.CampaignTarget.Create().SetCampaignID(w.campaign.ID).SetCustomerID(w.cB.ID).SetPartnerID(w.partner2.ID).SetStatus(campaigntarget.StatusPENDING).SaveX(ctx)

	w.doc = c.KnowledgeDocument.Create().SetTitle("宽带故障排查").SetBody("光猫红灯时先检查光纤接头。").
		SetStatus(knowledgedocument.StatusPUBLISHED).SetAudience(knowledgedocument.AudiencePUBLIC).
		SetCurrentVersion(1).SetPublishedVersion(1).SaveX(ctx)
	w.docV1 = c.DocumentVersion.Create().SetDocumentID(w.doc.ID).SetNumber(1).SetTitle(w.doc.Title).SetBody(w.doc.Body).SaveX(ctx)

	w.clients[authz.RoleAdmin] = w.admin
	for role, name := range map[string]string{
		authz.RoleManager: "mgr", authz.RolePlanner: "plan", authz.RoleAccountManager: "am_a",
		authz.RoleAgent: "agent_hz", authz.RoleKnowledgeEditor: "editor", authz.RoleReviewer: "review",
		"am_b": "am_b", "agent_js": "agent_js",
	} {
		w.clients[role] = w.admin.Login(t, name, worldPassword)
	}

	// The partner's API key and the customer's hall password are set up through the API.
	var key struct {
		CreatePartnerAPIKey struct {
			Key    string
			APIKey struct{ ID string } `json:"apiKey"`
		} `json:"createPartnerAPIKey"`
	}
	w.admin.Do(t, `mutation($p: ID!) { createPartnerAPIKey(partnerID: $p, name: "集成") { key apiKey { id } } }`,
		map[string]any{"p": w.partner1.ID}).MustOK(t, &key)
	w.partnerKey, w.partnerKeyID = key.CreatePartnerAPIKey.Key, key.CreatePartnerAPIKey.APIKey.ID
	w.clients[authz.RolePartner] = w.admin.WithToken(w.partnerKey)

	w.admin.Do(t, `mutation($c: ID!, $p: String!) { setCustomerPassword(customerID: $c, password: $p) }`,
		map[string]any{"c": w.cA.ID, "p": hallPassword}).MustOK(t, nil)
	var hall struct {
		CustomerLogin struct{ Token string } `json:"customerLogin"`
	}
	w.admin.WithToken("").Do(t, `mutation($m: String!, $p: String!) { customerLogin(input: {mobile: $m, password: $p}) { token } }`,
		map[string]any{"m": mobileA, "p": hallPassword}).MustOK(t, &hall)
	w.clients[authz.RoleCustomer] = w.admin.WithToken(hall.CustomerLogin.Token)
	return w
}

// id formats an ent ID as a GraphQL ID.
func id(n int) string { return fmt.Sprint(n) }
