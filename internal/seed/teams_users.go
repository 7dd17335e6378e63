package seed

import (
	"context"
	"fmt"
	"strconv"

	"github.com/c360crm/c360/ent"
	"github.com/c360crm/c360/ent/team"
	"github.com/c360crm/c360/ent/user"
	"github.com/c360crm/c360/internal/staff"
)

// teamSpec is one org unit to ensure.
type teamSpec struct {
	name, code, region string
	kind               team.Kind
	parent             string // parent code, "" for a root
	id                 *int   // where to store the ID
}

// teamSpecs lists the org tree, parents before children: a head-office department tree, and
// province → city → district → community for the territory.
func (w *world) teamSpecs() []teamSpec {
	specs := []teamSpec{
		{name: "集团总部", code: "HQ", kind: team.KindDEPARTMENT, id: &w.hqTeam},
		{name: "市场营销部", code: "HQ-MKT", kind: team.KindDEPARTMENT, parent: "HQ", id: &w.marketingTeam},
		{name: "客户服务中心", code: "HQ-CC", kind: team.KindDEPARTMENT, parent: "HQ", id: &w.serviceTeam},
		{name: "知识管理中心", code: "HQ-KM", kind: team.KindDEPARTMENT, parent: "HQ", id: &w.knowledgeTeam},
	}
	for _, p := range w.geo.provinces {
		specs = append(specs, teamSpec{name: p.name + "分公司", code: p.abbr, kind: team.KindPROVINCE, region: p.name, id: new(int)})
		for _, c := range p.cities {
			cityCode := p.abbr + "-" + c.abbr
			specs = append(specs, teamSpec{name: c.name + "分公司", code: cityCode, kind: team.KindCITY, region: c.name, parent: p.abbr, id: new(int)})
			for di, d := range c.districts {
				dCode := cityCode + "-" + d.abbr
				specs = append(specs, teamSpec{name: d.name + "分局", code: dCode, kind: team.KindDISTRICT, region: c.name, parent: cityCode, id: new(int)})
				for k := 0; k < communitiesPerDistrict; k++ {
					stem := communityStems[(di*communitiesPerDistrict+k+len(c.name))%len(communityStems)]
					specs = append(specs, teamSpec{
						name: d.short + stem + "社区支局", code: dCode + "-" + fmt.Sprintf("%02d", k+1),
						kind: team.KindCOMMUNITY, region: c.name, parent: dCode, id: new(int),
					})
				}
			}
		}
	}
	return specs
}

// seedTeams ensures the org tree: existing teams (by code) are reused, missing ones created
// through ent, whose hook computes the materialised path.
func (r *runner) seedTeams(ctx context.Context) error {
	w := r.w
	return r.entPhase(ctx, "teams", func(ctx context.Context, c *ent.Client, counts map[string]int) error {
		existing, err := c.Team.Query().Select(team.FieldID, team.FieldCode).All(ctx)
		if err != nil {
			return err
		}
		byCode := map[string]int{}
		for _, t := range existing {
			byCode[t.Code] = t.ID
		}
		specs := w.teamSpecs()
		for _, s := range specs {
			if id, ok := byCode[s.code]; ok {
				*s.id = id
				continue
			}
			cr := c.Team.Create().SetName(s.name).SetCode(s.code).SetKind(s.kind)
			if s.region != "" {
				cr.SetRegion(s.region)
			}
			if s.parent != "" {
				cr.SetParentID(byCode[s.parent])
			}
			t, err := cr.Save(ctx)
			if err != nil {
				return fmt.Errorf("team %s: %w", s.code, err)
			}
			byCode[s.code] = t.ID
			*s.id = t.ID
			counts[team.Table]++
		}
		w.linkTeams(byCode)
		return nil
	})
}

// linkTeams records the IDs of the territory's teams.
func (w *world) linkTeams(byCode map[string]int) {
	for _, p := range w.geo.provinces {
		w.provinceTeam[p] = byCode[p.abbr]
		for _, c := range p.cities {
			cityCode := p.abbr + "-" + c.abbr
			w.cityTeam[c] = byCode[cityCode]
			for _, d := range c.districts {
				dCode := cityCode + "-" + d.abbr
				w.districtTeam[d] = byCode[dCode]
				w.communityTeams[d] = w.communityTeams[d][:0]
				for k := 0; k < communitiesPerDistrict; k++ {
					w.communityTeams[d] = append(w.communityTeams[d], byCode[dCode+"-"+fmt.Sprintf("%02d", k+1)])
				}
			}
		}
	}
}

// Staff roles as Casbin knows them.
const (
	roleAdmin          = "admin"
	roleManager        = "manager"
	rolePlanner        = "planner"
	roleAgent          = "agent"
	roleAccountManager = "account_manager"
	roleEditor         = "knowledge_editor"
	roleReviewer       = "reviewer"
)

// staffCounts returns the number of agents and account managers for n customers.
func staffCounts(n int) (agents, ams int) {
	return clamp(n/2000, 5, 500), clamp(n/500, 5, 2000)
}

func clamp(x, lo, hi int) int {
	return max(lo, min(x, hi))
}

// userSpec is one staff user to ensure.
type userSpec struct {
	username, display, role string
	team                    int
	id                      *int
}

// userSpecs lists the staff: one of each office role, agents spread over the city teams and
// account managers placed by amTeams.
func (w *world) userSpecs(customers int) []userSpec {
	specs := []userSpec{
		{"admin", "系统管理员", roleAdmin, w.hqTeam, &w.admin},
		{"manager", "", roleManager, w.cityTeam[w.geo.cities[0]], &w.manager},
		{"planner", "", rolePlanner, w.marketingTeam, &w.planner},
		{"editor", "", roleEditor, w.knowledgeTeam, &w.editor},
		{"reviewer", "", roleReviewer, w.knowledgeTeam, &w.reviewer},
	}
	nAgents, nAMs := staffCounts(customers)
	w.agents = make([]int, nAgents)
	for i := range w.agents {
		c := w.geo.cities[i%len(w.geo.cities)]
		specs = append(specs, userSpec{"agent" + strconv.Itoa(i+1), "", roleAgent, w.cityTeam[c], &w.agents[i]})
	}
	w.ams = make([]int, nAMs)
	for i, t := range w.amTeams(nAMs) {
		specs = append(specs, userSpec{"am" + strconv.Itoa(i+1), "", roleAccountManager, t, &w.ams[i]})
	}
	return specs
}

// amTeams places n account managers at the finest level of the tree where every customer
// still has one above it: provinces when there are fewer than cities, cities when fewer than
// districts, else one per district and the rest spread over the communities.
func (w *world) amTeams(n int) []int {
	g := w.geo
	var units []int
	switch {
	case n < len(g.cities):
		for _, p := range g.provinces {
			units = append(units, w.provinceTeam[p])
		}
	case n < len(g.districts):
		for _, c := range g.cities {
			units = append(units, w.cityTeam[c])
		}
	default:
		for _, d := range g.districts {
			units = append(units, w.districtTeam[d])
		}
		for k := 0; k < communitiesPerDistrict; k++ {
			for _, d := range g.districts {
				units = append(units, w.communityTeams[d][k])
			}
		}
	}
	out := make([]int, n)
	for i := range out {
		out[i] = units[i%len(units)]
	}
	return out
}

// seedUsers ensures the demo staff (existing usernames are reused) with one shared bcrypt
// hash of the demo password.
func (r *runner) seedUsers(ctx context.Context) error {
	w := r.w
	return r.entPhase(ctx, "users", func(ctx context.Context, c *ent.Client, counts map[string]int) error {
		hash, err := staff.HashPassword(r.opts.DemoPassword)
		if err != nil {
			return fmt.Errorf("demo password: %w", err)
		}
		existing, err := c.User.Query().Select(user.FieldID, user.FieldUsername, user.FieldTeamID).All(ctx)
		if err != nil {
			return err
		}
		byName := map[string]*ent.User{}
		for _, u := range existing {
			byName[u.Username] = u
		}
		specs := w.userSpecs(r.opts.Customers)
		var todo []userSpec
		for i, s := range specs {
			u, ok := byName[s.username]
			if !ok {
				todo = append(todo, s)
				continue
			}
			*s.id = u.ID
			if u.TeamID != nil { // an earlier run may have placed the user elsewhere
				specs[i].team = *u.TeamID
			}
		}
		for len(todo) > 0 {
			chunk := todo[:min(len(todo), 500)]
			todo = todo[len(chunk):]
			builders := make([]*ent.UserCreate, len(chunk))
			for i, s := range chunk {
				display := s.display
				if display == "" {
					display = staffName(r.seed, s.username)
				}
				builders[i] = c.User.Create().
					SetUsername(s.username).SetDisplayName(display).SetPasswordHash(hash).
					SetEmail(s.username + "@staff.c360-demo.cn").SetRoles([]string{s.role}).SetTeamID(s.team)
			}
			users, err := c.User.CreateBulk(builders...).Save(ctx)
			if err != nil {
				return err
			}
			for i, u := range users {
				*chunk[i].id = u.ID
			}
			counts[user.Table] += len(users)
		}
		w.linkStaff(specs)
		r.res.Logins = []Login{
			{"admin", roleAdmin}, {"manager", roleManager}, {"planner", rolePlanner}, {"agent1", roleAgent},
			{"am1", roleAccountManager}, {"editor", roleEditor}, {"reviewer", roleReviewer},
		}
		return nil
	})
}

// linkStaff indexes agents by city and computes the owner candidates of each community: the
// account managers of the community and of the teams above it.
func (w *world) linkStaff(specs []userSpec) {
	amsByTeam := map[int][]int{}
	for _, s := range specs {
		if s.role == roleAccountManager {
			amsByTeam[s.team] = append(amsByTeam[s.team], *s.id)
		}
	}
	for i, id := range w.agents {
		c := w.geo.cities[i%len(w.geo.cities)]
		w.agentsByCity[c] = append(w.agentsByCity[c], id)
	}
	for _, d := range w.geo.districts {
		for _, ct := range w.communityTeams[d] {
			// Every account manager on the path from the community up owns some of its
			// customers (so the district managers, am1 among them, have customers too).
			var ams []int
			for _, t := range []int{ct, w.districtTeam[d], w.cityTeam[d.city], w.provinceTeam[d.city.province]} {
				ams = append(ams, amsByTeam[t]...)
			}
			w.owners[ct] = ams
		}
	}
}
