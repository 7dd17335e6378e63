package seed

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"entgo.io/ent/dialect"

	"github.com/c360crm/c360/ent"
	"github.com/c360crm/c360/ent/customer"
	"github.com/c360crm/c360/ent/customergroup"
	"github.com/c360crm/c360/ent/knowledgedocument"
	"github.com/c360crm/c360/ent/product"
	"github.com/c360crm/c360/ent/team"
	"github.com/c360crm/c360/ent/user"
	"github.com/c360crm/c360/internal/codes"
	"github.com/c360crm/c360/internal/db"
	"github.com/c360crm/c360/internal/staff"
	"github.com/c360crm/c360/internal/testenv"
	"github.com/c360crm/c360/internal/validate"
)

// testNow is a fixed "today" so that runs compare equal.
var testNow = time.Date(2026, 11, 23, 4, 0, 0, 0, time.UTC)

func seedTest(t testing.TB, d *db.DB, opts Options) *Result {
	t.Helper()
	if opts.Now.IsZero() {
		opts.Now = testNow
	}
	res, err := Run(context.Background(), d, opts)
	if err != nil {
		t.Fatalf("seed: %v", err)
	}
	return res
}

func TestSeedConsistency(t *testing.T) {
	d := testenv.New(t)
	var progress bytes.Buffer
	res := seedTest(t, d, Options{Customers: 300, Seed: 42, Progress: &progress})
	ctx := testenv.SystemContext()
	c := d.Client

	if res.Skipped || res.Counts["customers"] != 300 {
		t.Fatalf("want 300 customers inserted, got %+v", res)
	}
	for _, tbl := range []string{"teams", "users", "partners", "products", "product_components", "knowledge_categories",
		"knowledge_documents", "document_versions", "accounts", "subscriptions", "bills", "contacts", "service_requests",
		"credit_profiles", "points_accounts", "points_transactions", "customer_groups", "customer_group_members",
		"campaigns", "campaign_targets"} {
		if res.Counts[tbl] == 0 {
			t.Errorf("no rows inserted into %s", tbl)
		}
	}
	if !strings.Contains(progress.String(), "seed: done: 300 customers") {
		t.Errorf("progress output lacks the summary line:\n%s", progress.String())
	}
	wantLogins := map[string]string{"admin": "admin", "manager": "manager", "planner": "planner", "agent1": "agent",
		"am1": "account_manager", "editor": "knowledge_editor", "reviewer": "reviewer"}
	if len(res.Logins) != len(wantLogins) {
		t.Errorf("logins: %+v", res.Logins)
	}
	for _, l := range res.Logins {
		u, err := c.User.Query().Where(user.Username(l.Username)).Only(ctx)
		if err != nil {
			t.Fatalf("login %s: %v", l.Username, err)
		}
		if wantLogins[l.Username] != l.Role || len(u.Roles) != 1 || u.Roles[0] != l.Role || u.TeamID == nil {
			t.Errorf("login %+v: user has roles %v, team %v", l, u.Roles, u.TeamID)
		}
		if !staff.CheckPassword(u.PasswordHash, DefaultDemoPassword) {
			t.Errorf("login %s: demo password does not match", l.Username)
		}
	}

	// Teams: the path the hook computes, and codes.
	teams := c.Team.Query().AllX(ctx)
	teamByID := map[int]*ent.Team{}
	for _, tm := range teams {
		teamByID[tm.ID] = tm
	}
	for _, tm := range teams {
		want := "/" + strconv.Itoa(tm.ID) + "/"
		if tm.ParentID != nil {
			want = teamByID[*tm.ParentID].Path + strconv.Itoa(tm.ID) + "/"
		}
		if tm.Path != want {
			t.Errorf("team %s: path %q, want %q", tm.Code, tm.Path, want)
		}
	}

	// Users and products.
	users := c.User.Query().AllX(ctx)
	userByID := map[int]*ent.User{}
	for _, u := range users {
		userByID[u.ID] = u
	}
	products := c.Product.Query().WithComponents().AllX(ctx)
	productByID := map[int]*ent.Product{}
	codeRE := regexp.MustCompile(`^[A-Z0-9][A-Z0-9_-]{1,63}$`)
	for _, p := range products {
		productByID[p.ID] = p
		if !codeRE.MatchString(p.Code) {
			t.Errorf("product code %q", p.Code)
		}
		if p.Category == product.CategoryBUNDLE && len(p.Edges.Components) < 3 {
			t.Errorf("bundle %s has %d components", p.Code, len(p.Edges.Components))
		}
	}
	if len(products) < 20 {
		t.Errorf("%d products", len(products))
	}

	// Customers: identity, numbers, codes, owners.
	districtCodes := map[string]string{}
	for _, dd := range buildGeo().districts {
		districtCodes[dd.city.name+dd.name] = dd.code
	}
	customers := c.Customer.Query().AllX(ctx)
	custByID := map[int]*ent.Customer{}
	mobiles, custCodes, residentIDs := map[string]bool{}, map[string]bool{}, map[string]bool{}
	types := map[customer.Type]int{}
	var withAttrs, withTags, withParent, withPartner int
	for _, cu := range customers {
		custByID[cu.ID] = cu
		types[cu.Type]++
		var idType, gender string
		if cu.IDType != nil {
			idType = cu.IDType.String()
		}
		if cu.Gender != nil {
			gender = cu.Gender.String()
		}
		if err := validate.Customer(validate.CustomerIdentity{Type: cu.Type.String(), IDType: idType, IDNumber: cu.IDNumber,
			Birthday: cu.Birthday, Gender: gender}); err != nil {
			t.Errorf("customer %s (%s): %v", cu.Name, cu.IDNumber, err)
		}
		switch idType {
		case validate.IDResident:
			rid, err := validate.ParseResidentID(cu.IDNumber)
			if err != nil {
				t.Errorf("customer %s: resident ID %s: %v", cu.Name, cu.IDNumber, err)
				break
			}
			if cu.Birthday == nil || !rid.Birthday.Equal(*cu.Birthday) || rid.Male != (gender == "MALE") {
				t.Errorf("customer %s: ID %s disagrees with birthday %v / gender %s", cu.Name, cu.IDNumber, cu.Birthday, gender)
			}
			if rid.Region != districtCodes[cu.City+cu.District] {
				t.Errorf("customer %s: ID region %s, district %s%s", cu.Name, rid.Region, cu.City, cu.District)
			}
			if residentIDs[cu.IDNumber] {
				t.Errorf("resident ID %s issued twice", cu.IDNumber)
			}
			residentIDs[cu.IDNumber] = true
		case validate.IDUSCC:
			if err := validate.USCC(cu.IDNumber); err != nil {
				t.Errorf("customer %s: USCC %s: %v", cu.Name, cu.IDNumber, err)
			}
			if cu.IDNumber[2:8] != districtCodes[cu.City+cu.District] {
				t.Errorf("customer %s: USCC region %s", cu.Name, cu.IDNumber[2:8])
			}
		}
		if cu.Type != customer.TypePUBLIC && (cu.Industry == "" || cu.Gender != nil || cu.Birthday != nil) {
			t.Errorf("organisation %s: industry %q gender %v birthday %v", cu.Name, cu.Industry, cu.Gender, cu.Birthday)
		}
		if err := validate.Mobile(cu.Mobile); err != nil || mobiles[cu.Mobile] {
			t.Errorf("customer %s: mobile %q invalid or repeated (%v)", cu.Name, cu.Mobile, err)
		}
		mobiles[cu.Mobile] = true
		if cu.Email != "" {
			if err := validate.Email(cu.Email); err != nil {
				t.Errorf("customer %s: email %q: %v", cu.Name, cu.Email, err)
			}
		}
		if err := codes.Check(cu.Code); err != nil || custCodes[cu.Code] || !strings.HasPrefix(cu.Code, map[customer.Type]string{
			customer.TypePUBLIC: "P", customer.TypeBUSINESS: "B", customer.TypeGOV_ENTERPRISE: "G"}[cu.Type]) {
			t.Errorf("customer %s: code %q (%v)", cu.Name, cu.Code, err)
		}
		custCodes[cu.Code] = true
		if cu.OwnerID == nil || cu.TeamID == nil {
			t.Fatalf("customer %s: owner %v team %v", cu.Name, cu.OwnerID, cu.TeamID)
		}
		owner := userByID[*cu.OwnerID]
		team := teamByID[*cu.TeamID]
		if owner == nil || len(owner.Roles) != 1 || owner.Roles[0] != roleAccountManager {
			t.Errorf("customer %s: owner %v is not an account manager", cu.Name, owner)
		} else if !strings.HasPrefix(team.Path, teamByID[*owner.TeamID].Path) {
			t.Errorf("customer %s: team %s is outside owner %s's team %s", cu.Name, team.Code, owner.Username, teamByID[*owner.TeamID].Code)
		}
		if team.Kind != "COMMUNITY" || team.Region != cu.City {
			t.Errorf("customer %s: team %s (%s, %s) in %s", cu.Name, team.Code, team.Kind, team.Region, cu.City)
		}
		if cu.Province == "" || cu.Address == "" || cu.ConsumptionLevel == nil || cu.AcquisitionChannel == nil {
			t.Errorf("customer %s: incomplete: %+v", cu.Name, cu)
		}
		if len(cu.Attributes) > 0 {
			withAttrs++
		}
		if len(cu.Tags) > 0 {
			withTags++
		}
		if cu.ParentID != nil {
			withParent++
			if p := custByID[*cu.ParentID]; p == nil || p.Type != customer.TypeBUSINESS || !strings.HasPrefix(cu.Name, p.Name) {
				t.Errorf("branch %s: parent %v", cu.Name, p)
			}
		}
		if cu.PartnerID != nil {
			withPartner++
		}
		if cu.CreatedAt.After(testNow) || cu.UpdatedAt.Before(cu.CreatedAt) {
			t.Errorf("customer %s: created %v updated %v", cu.Name, cu.CreatedAt, cu.UpdatedAt)
		}
	}
	if types[customer.TypePUBLIC] < 200 || types[customer.TypeBUSINESS] < 15 || types[customer.TypeGOV_ENTERPRISE] < 2 {
		t.Errorf("customer types: %v", types)
	}
	if withAttrs == 0 || withTags == 0 || withPartner == 0 {
		t.Errorf("attributes %d, tags %d, partners %d", withAttrs, withTags, withPartner)
	}
	t.Logf("types %v, %d with attributes, %d with tags, %d branches, %d via partners", types, withAttrs, withTags, withParent, withPartner)

	// Accounts, subscriptions, bills.
	accounts := c.Account.Query().AllX(ctx)
	acctByID := map[int]*ent.Account{}
	perCustomer := map[int]int{}
	for _, a := range accounts {
		acctByID[a.ID] = a
		perCustomer[a.CustomerID]++
		if custByID[a.CustomerID] == nil {
			t.Errorf("account %s: no customer %d", a.Number, a.CustomerID)
		}
	}
	if len(perCustomer) != len(customers) {
		t.Errorf("%d customers have accounts, want %d", len(perCustomer), len(customers))
	}
	subs := c.Subscription.Query().AllX(ctx)
	subByID := map[int]*ent.Subscription{}
	subsPerCustomer := map[int]int{}
	for _, s := range subs {
		subByID[s.ID] = s
		subsPerCustomer[s.CustomerID]++
		p := productByID[s.ProductID]
		if custByID[s.CustomerID] == nil || p == nil || s.AccountID == nil || acctByID[*s.AccountID] == nil ||
			acctByID[*s.AccountID].CustomerID != s.CustomerID {
			t.Errorf("subscription %d: customer %d product %d account %v do not hold together", s.ID, s.CustomerID, s.ProductID, s.AccountID)
			continue
		}
		if s.MonthlyFee <= 0 || s.MonthlyFee > p.Price {
			t.Errorf("subscription %s: fee %d, price %d", s.ServiceNumber, s.MonthlyFee, p.Price)
		}
		if p.Category == product.CategoryMOBILE_PLAN || p.Category == product.CategoryBUNDLE {
			if err := validate.Mobile(s.ServiceNumber); err != nil {
				t.Errorf("subscription %s (%s): %v", s.ServiceNumber, p.Code, err)
			}
		}
		if p.Category == product.CategoryBROADBAND && p.Code != "ZX-100M" && !strings.HasSuffix(s.ServiceNumber, "@ftth") {
			t.Errorf("broadband account %q", s.ServiceNumber)
		}
		if s.EndAt != nil && s.EndAt.Before(s.StartAt) {
			t.Errorf("subscription %d ends before it starts", s.ID)
		}
	}
	for id := range custByID {
		if n := subsPerCustomer[id]; n < 1 || n > maxSubs {
			t.Errorf("customer %d has %d subscriptions", id, n)
		}
	}
	bills := c.Bill.Query().AllX(ctx)
	periodRE := regexp.MustCompile(`^2025-1[12]|2026-(0[1-9]|10)$`)
	for _, b := range bills {
		a := acctByID[b.AccountID]
		if a == nil || a.CustomerID != b.CustomerID {
			t.Errorf("bill %d: account %d / customer %d mismatch", b.ID, b.AccountID, b.CustomerID)
		}
		if !periodRE.MatchString(b.Period) {
			t.Errorf("bill %d: period %s outside the last 12 months", b.ID, b.Period)
		}
		paidOK := map[string]bool{"PAID": b.PaidAmount == b.Amount && b.PaidAt != nil, "UNPAID": b.PaidAmount == 0 && b.PaidAt == nil,
			"OVERDUE": b.PaidAmount == 0 && b.PaidAt == nil && b.DueAt.Before(testNow),
			"PARTIAL": b.PaidAmount > 0 && b.PaidAmount < b.Amount}[b.Status.String()]
		if !paidOK || b.Amount <= 0 {
			t.Errorf("bill %d: status %s amount %d paid %d at %v", b.ID, b.Status, b.Amount, b.PaidAmount, b.PaidAt)
		}
	}
	if len(bills) < 10*len(customers) {
		t.Errorf("%d bills for %d customers", len(bills), len(customers))
	}

	// Contacts and work orders.
	for _, ct := range c.Contact.Query().WithCampaignTarget().AllX(ctx) {
		if custByID[ct.CustomerID] == nil || (ct.AgentID != nil && userByID[*ct.AgentID] == nil) || ct.Subject == "" {
			t.Errorf("contact %d: customer %d agent %v subject %q", ct.ID, ct.CustomerID, ct.AgentID, ct.Subject)
		}
		if tg := ct.Edges.CampaignTarget; ct.CampaignTargetID != nil && (tg == nil || tg.CustomerID != ct.CustomerID) {
			t.Errorf("contact %d: campaign target %v of another customer", ct.ID, ct.CampaignTargetID)
		}
		if ct.ContactedAt.After(testNow) {
			t.Errorf("contact %d in the future: %v", ct.ID, ct.ContactedAt)
		}
	}
	srNumbers := map[string]bool{}
	for _, s := range c.ServiceRequest.Query().AllX(ctx) {
		if err := codes.Check(s.Number); err != nil || srNumbers[s.Number] || !strings.HasPrefix(s.Number, "SR") {
			t.Errorf("work order number %q (%v)", s.Number, err)
		}
		srNumbers[s.Number] = true
		if custByID[s.CustomerID] == nil || (s.SubscriptionID != nil && subByID[*s.SubscriptionID].CustomerID != s.CustomerID) {
			t.Errorf("work order %s: customer %d, subscription of another customer", s.Number, s.CustomerID)
		}
		if s.SLADueAt == nil || !s.SLADueAt.After(s.CreatedAt) || (s.Status == "CLOSED" && s.ClosedAt == nil) {
			t.Errorf("work order %s: sla %v status %s closed %v", s.Number, s.SLADueAt, s.Status, s.ClosedAt)
		}
	}

	// Credit and points.
	profiles := c.CreditProfile.Query().AllX(ctx)
	if len(profiles) != len(customers) {
		t.Errorf("%d credit profiles", len(profiles))
	}
	for _, p := range profiles {
		if ratingFor(p.Score) != p.Rating {
			t.Errorf("credit profile %d: score %d rated %s", p.ID, p.Score, p.Rating)
		}
	}
	pas := c.PointsAccount.Query().WithTransactions().AllX(ctx)
	if len(pas) != len(customers) {
		t.Errorf("%d points accounts", len(pas))
	}
	var lots int
	for _, pa := range pas {
		var sum, last int64
		var lastAt time.Time
		for _, tx := range pa.Edges.Transactions {
			sum += tx.Points
			if tx.CreatedAt.After(lastAt) || tx.CreatedAt.Equal(lastAt) {
				lastAt, last = tx.CreatedAt, tx.BalanceAfter
			}
			if tx.Kind != "EARN" || tx.Remaining != tx.Points || tx.Points <= 0 || tx.ExpiresAt == nil || !tx.ExpiresAt.After(testNow) {
				t.Errorf("points lot %d: %+v", tx.ID, tx)
			}
			lots++
		}
		if pa.Balance != sum || (len(pa.Edges.Transactions) > 0 && last != sum) || tierFor(pa.Balance) != pa.Tier {
			t.Errorf("points account %d: balance %d, ledger %d, last balance_after %d, tier %s", pa.ID, pa.Balance, sum, last, pa.Tier)
		}
	}
	if lots < len(customers) {
		t.Errorf("only %d points lots", lots)
	}

	// Knowledge.
	cats := c.KnowledgeCategory.Query().AllX(ctx)
	catByID := map[int]*ent.KnowledgeCategory{}
	for _, k := range cats {
		catByID[k.ID] = k
	}
	for _, k := range cats {
		want := "/" + strconv.Itoa(k.ID) + "/"
		if k.ParentID != nil {
			want = catByID[*k.ParentID].Path + strconv.Itoa(k.ID) + "/"
		}
		if k.Path != want {
			t.Errorf("category %s: path %q, want %q", k.Name, k.Path, want)
		}
	}
	docs := c.KnowledgeDocument.Query().WithVersions().WithCategories().AllX(ctx)
	if len(cats) < 35 || len(docs) < 55 {
		t.Errorf("%d categories, %d documents", len(cats), len(docs))
	}
	published := 0
	for _, k := range docs {
		if len(k.Edges.Versions) != 1 || k.Edges.Versions[0].Number != 1 || k.Edges.Versions[0].Body != k.Body ||
			k.Edges.Versions[0].Title != k.Title || len(k.Edges.Categories) == 0 || k.CurrentVersion != 1 {
			t.Errorf("document %q: versions/categories inconsistent", k.Title)
		}
		if k.Status == knowledgedocument.StatusPUBLISHED {
			published++
			if k.PublishedVersion == nil || *k.PublishedVersion != 1 || k.PublishedAt == nil {
				t.Errorf("published document %q without published version", k.Title)
			}
		}
	}
	if published < len(docs)/2 {
		t.Errorf("only %d of %d documents published", published, len(docs))
	}

	// Groups: static members, dynamic criteria in the CustomerWhereInput language.
	for _, g := range c.CustomerGroup.Query().WithMembers().AllX(ctx) {
		switch g.Kind {
		case customergroup.KindSTATIC:
			for _, m := range g.Edges.Members {
				if custByID[m.ID] == nil {
					t.Errorf("group %s: member %d", g.Name, m.ID)
				}
			}
		case customergroup.KindDYNAMIC:
			raw, _ := json.Marshal(g.Criteria)
			var where ent.CustomerWhereInput
			dec := json.NewDecoder(bytes.NewReader(raw))
			dec.DisallowUnknownFields()
			if err := dec.Decode(&where); err != nil {
				t.Errorf("group %s: criteria %s: %v", g.Name, raw, err)
				continue
			}
			pred, err := where.P()
			if err != nil {
				t.Errorf("group %s: criteria %s: %v", g.Name, raw, err)
				continue
			}
			n := c.Customer.Query().Where(pred).CountX(ctx)
			t.Logf("group %s: %s matches %d customers", g.Name, raw, n)
		}
	}

	// Campaigns and targets.
	campaigns := c.Campaign.Query().WithTargets().AllX(ctx)
	if len(campaigns) < 3 {
		t.Errorf("%d campaigns", len(campaigns))
	}
	var targets, control int
	for _, cp := range campaigns {
		if !codeRE.MatchString(cp.Code) || cp.OfferID == nil {
			t.Errorf("campaign %s: code or offer", cp.Code)
		}
		seen := map[int]bool{}
		for _, tg := range cp.Edges.Targets {
			targets++
			if tg.ControlGroup {
				control++
				if tg.Status != "PENDING" || tg.ContactedAt != nil {
					t.Errorf("control-group target %d was contacted", tg.ID)
				}
			}
			cu := custByID[tg.CustomerID]
			if cu == nil || cu.MarketingOptOut || seen[tg.CustomerID] {
				t.Errorf("campaign %s: target customer %d (opt-out or repeated)", cp.Code, tg.CustomerID)
			}
			seen[tg.CustomerID] = true
		}
		if (cp.Status == "RUNNING" || cp.Status == "COMPLETED") != (len(cp.Edges.Targets) > 0) {
			t.Errorf("campaign %s (%s) has %d targets", cp.Code, cp.Status, len(cp.Edges.Targets))
		}
	}
	t.Logf("%d campaign targets, %d in control groups", targets, control)

	if d.Dialect == dialect.SQLite {
		// Times written by the bulk phases look exactly like the ones ent writes (teams).
		timeRE := regexp.MustCompile(`^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)?\+00:00$`)
		for _, col := range []string{"teams.created_at", "customers.created_at", "customers.birthday", "bills.due_at", "points_transactions.expires_at"} {
			tbl, c, _ := strings.Cut(col, ".")
			var v string
			q := "SELECT CAST(" + c + " AS TEXT) FROM " + tbl + " WHERE " + c + " IS NOT NULL LIMIT 1"
			if err := d.SQL.QueryRowContext(ctx, q).Scan(&v); err != nil {
				t.Fatalf("%s: %v", q, err)
			}
			if !timeRE.MatchString(v) {
				t.Errorf("%s: %q is not in ent's time format", col, v)
			}
		}
		rows, err := d.SQL.QueryContext(ctx, "PRAGMA foreign_key_check")
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		for rows.Next() {
			var tbl, parent string
			var rowid, fk any
			rows.Scan(&tbl, &rowid, &parent, &fk)
			t.Errorf("foreign key violation: %s row %v -> %s", tbl, rowid, parent)
		}
	}
}

func TestSeedIfEmpty(t *testing.T) {
	d := testenv.New(t)
	first := seedTest(t, d, Options{Customers: 50, Seed: 1, IfEmpty: true})
	if first.Skipped || first.Counts["customers"] != 50 {
		t.Fatalf("first run: %+v", first)
	}
	second := seedTest(t, d, Options{Customers: 50, Seed: 1, IfEmpty: true})
	if !second.Skipped || second.Rows() != 0 {
		t.Fatalf("second run with IfEmpty: %+v", second)
	}
	if n := d.Client.Customer.Query().CountX(testenv.SystemContext()); n != 50 {
		t.Fatalf("%d customers after the skipped run", n)
	}
}

// TestSeedAppend runs twice without IfEmpty: the second run reuses the staff and catalog and
// adds customers after the existing IDs, with numbers that do not collide.
func TestSeedAppend(t *testing.T) {
	d := testenv.New(t)
	seedTest(t, d, Options{Customers: 40, Seed: 1})
	res := seedTest(t, d, Options{Customers: 60, Seed: 2})
	ctx := testenv.SystemContext()
	if res.Counts["users"] != 0 || res.Counts["products"] != 0 || res.Counts["teams"] != 0 || res.Counts["knowledge_documents"] != 0 {
		t.Errorf("second run recreated reference data: %v", res.Counts)
	}
	if n := d.Client.Customer.Query().CountX(ctx); n != 100 {
		t.Fatalf("%d customers, want 100", n)
	}
	mobiles := map[string]bool{}
	for _, cu := range d.Client.Customer.Query().AllX(ctx) {
		if mobiles[cu.Mobile] {
			t.Errorf("mobile %s repeated across runs", cu.Mobile)
		}
		mobiles[cu.Mobile] = true
	}
	if n := d.Client.CreditProfile.Query().CountX(ctx); n != 100 {
		t.Errorf("%d credit profiles, want 100", n)
	}
}

// TestSeedDeterministic checks that the same seed gives the same customers and holdings.
func TestSeedDeterministic(t *testing.T) {
	snapshot := func(seed int64) []string {
		d := testenv.New(t)
		seedTest(t, d, Options{Customers: 60, Seed: seed})
		ctx := testenv.SystemContext()
		var out []string
		for _, cu := range d.Client.Customer.Query().Order(ent.Asc(customer.FieldID)).WithSubscriptions().AllX(ctx) {
			line := cu.Name + " " + cu.Mobile + " " + cu.IDNumber + " " + cu.City + cu.District + cu.Address
			for _, s := range cu.Edges.Subscriptions {
				line += " " + s.ServiceNumber + ":" + strconv.FormatInt(s.MonthlyFee, 10)
			}
			out = append(out, line)
		}
		out = append(out, strconv.Itoa(d.Client.Bill.Query().CountX(ctx)), strconv.Itoa(d.Client.Contact.Query().CountX(ctx)))
		return out
	}
	a, b, other := snapshot(7), snapshot(7), snapshot(8)
	if strings.Join(a, "\n") != strings.Join(b, "\n") {
		t.Errorf("same seed, different data:\n%s\n---\n%s", strings.Join(a[:5], "\n"), strings.Join(b[:5], "\n"))
	}
	if a[0] == other[0] && a[1] == other[1] {
		t.Errorf("different seeds gave the same customers: %s", a[0])
	}
	t.Logf("seed 7 starts with %s / %s", a[0], a[1])
}

// BenchmarkSeed seeds 20,000 customers (b.N is ignored beyond 1) and reports rows/s.
func BenchmarkSeed(b *testing.B) {
	const customers = 20000
	var rows int
	var elapsed time.Duration
	for i := 0; i < b.N && i < 1; i++ {
		b.StopTimer()
		d := testenv.New(b)
		b.StartTimer()
		res := seedTest(b, d, Options{Customers: customers, Seed: 1})
		rows, elapsed = res.Rows(), res.Elapsed
	}
	b.ReportMetric(float64(rows)/elapsed.Seconds(), "rows/s")
	b.ReportMetric(float64(customers)/elapsed.Seconds(), "customers/s")
	b.ReportMetric(float64(rows), "rows")
}

// TestSeedPhaseFailure breaks one table: the run fails naming the phase, that phase's rows
// are rolled back and the phases before it stay committed.
func TestSeedPhaseFailure(t *testing.T) {
	d := testenv.New(t)
	ctx := testenv.SystemContext()
	if _, err := d.SQL.ExecContext(ctx, "DROP TABLE points_transactions"); err != nil {
		t.Fatal(err)
	}
	res, err := Run(ctx, d, Options{Customers: 30, Seed: 1, Now: testNow})
	var pe *PhaseError
	if !errors.As(err, &pe) || pe.Phase != "credit & points" {
		t.Fatalf("want a PhaseError for credit & points, got %v", err)
	}
	if !strings.Contains(err.Error(), `seed phase "credit & points" failed`) {
		t.Errorf("error text: %v", err)
	}
	if res == nil || res.Counts["customers"] != 30 || res.Counts["points_accounts"] != 0 {
		t.Errorf("partial result: %+v", res)
	}
	if n := d.Client.Customer.Query().CountX(ctx); n != 30 {
		t.Errorf("%d customers committed, want 30", n)
	}
	if n := d.Client.CreditProfile.Query().CountX(ctx); n != 0 {
		t.Errorf("%d credit profiles survived the failed phase", n)
	}
}

func TestProbeTimeLayout(t *testing.T) {
	d := testenv.New(t)
	if d.Dialect != dialect.SQLite {
		t.Skip("SQLite only")
	}
	ctx := testenv.SystemContext()
	conn, err := d.SQL.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	layout, err := probeTimeLayout(ctx, conn)
	if err != nil || layout != "2006-01-02 15:04:05.999999999-07:00" {
		t.Fatalf("layout %q, %v: the bulk phases would leave time formatting to the driver", layout, err)
	}
}

// TestDemoLoginsHaveWork: the demo logins printed by `make run` see data in their scope —
// the account manager owns customers, the manager's team subtree has some, the agent's
// region has some.
func TestDemoLoginsHaveWork(t *testing.T) {
	for _, n := range []int{300, 3000} {
		d := testenv.New(t)
		seedTest(t, d, Options{Customers: n, Seed: 7})
		ctx := testenv.SystemContext()
		am := d.Client.User.Query().Where(user.Username("am1")).OnlyX(ctx)
		if owned := d.Client.Customer.Query().Where(customer.OwnerID(am.ID)).CountX(ctx); owned == 0 {
			t.Errorf("%d customers: am1 owns none", n)
		}
		mgr := d.Client.User.Query().Where(user.Username("manager")).WithTeam().OnlyX(ctx)
		if k := d.Client.Customer.Query().Where(customer.HasTeamWith(team.PathHasPrefix(mgr.Edges.Team.Path))).CountX(ctx); k == 0 {
			t.Errorf("%d customers: the manager's team subtree has none", n)
		}
	}
}
