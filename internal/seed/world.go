package seed

import (
	"context"
	"time"

	"github.com/c360crm/c360/ent"
)

// world is the reference data customers point at: the territory, the team tree, the staff,
// partners and products, with the IDs they got in the database.
type world struct {
	geo *geo
	now time.Time

	// Team IDs by unit.
	hqTeam, marketingTeam, serviceTeam, knowledgeTeam int
	provinceTeam                                      map[*province]int
	cityTeam                                          map[*city]int
	districtTeam                                      map[*district]int
	communityTeams                                    map[*district][]int

	// Staff.
	admin, manager, planner, editor, reviewer int
	agents                                    []int
	agentsByCity                              map[*city][]int
	ams                                       []int
	// owners lists, for each community team, the account managers who may own its customers:
	// those of the community, else of its district, else city, else province.
	owners map[int][]int

	partners           []partnerInfo
	partnersByProvince map[*province][]int

	products map[string]*productInfo // by code
	groups   []*groupSpec            // customer segments (IDs set by the groups phase)
}

type partnerInfo struct {
	id       int
	province *province // nil: nationwide
}

// productInfo is what subscriptions and bills need of a product.
type productInfo struct {
	id       int
	code     string
	name     string
	category string
	price    int64 // fen per month
}

func newWorld(now time.Time) *world {
	return &world{
		geo: buildGeo(), now: now,
		provinceTeam: map[*province]int{}, cityTeam: map[*city]int{}, districtTeam: map[*district]int{},
		communityTeams: map[*district][]int{}, agentsByCity: map[*city][]int{}, owners: map[int][]int{},
		partnersByProvince: map[*province][]int{}, products: map[string]*productInfo{},
	}
}

// product returns the product with code, which the products phase created.
func (w *world) product(code string) *productInfo {
	p, ok := w.products[code]
	if !ok {
		panic("seed: unknown product " + code)
	}
	return p
}

// entPhase runs fn in one ent transaction; counts collects the rows fn inserted per table.
func (r *runner) entPhase(ctx context.Context, name string, fn func(ctx context.Context, c *ent.Client, counts map[string]int) error) error {
	start := time.Now()
	bar := r.progress.start(name, 0)
	counts := map[string]int{}
	tx, err := r.d.Client.Tx(ctx)
	if err == nil {
		if err = fn(ctx, tx.Client(), counts); err == nil {
			err = tx.Commit()
		} else {
			tx.Rollback()
		}
	}
	if err != nil {
		bar.abort()
		return &PhaseError{Phase: name, Err: err}
	}
	r.record(counts)
	bar.finish(counts, time.Since(start))
	return nil
}
