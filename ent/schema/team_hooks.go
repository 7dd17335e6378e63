package schema

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"entgo.io/ent"
	"entgo.io/ent/dialect/sql"

	gen "github.com/c360crm/c360/ent"
	"github.com/c360crm/c360/ent/hook"
	"github.com/c360crm/c360/ent/team"
	"github.com/c360crm/c360/internal/validate"
)

// Hooks of Team: keep the materialised path in step with the tree.
func (Team) Hooks() []ent.Hook {
	return []ent.Hook{
		hook.On(teamPathOnCreate, ent.OpCreate),
		hook.On(teamPathOnMove, ent.OpUpdateOne),
		hook.On(func(next ent.Mutator) ent.Mutator {
			return hook.TeamFunc(func(ctx context.Context, m *gen.TeamMutation) (ent.Value, error) {
				if _, ok := m.ParentID(); ok || m.ParentCleared() {
					return nil, validate.Field("parentID", "teams can only be moved one at a time")
				}
				return next.Mutate(ctx, m)
			})
		}, ent.OpUpdate),
	}
}

func teamPathOnCreate(next ent.Mutator) ent.Mutator {
	return hook.TeamFunc(func(ctx context.Context, m *gen.TeamMutation) (ent.Value, error) {
		parentPath := "/"
		if pid, ok := m.ParentID(); ok {
			p, err := m.Client().Team.Get(ctx, pid)
			if err != nil {
				return nil, err
			}
			parentPath = p.Path
		}
		v, err := next.Mutate(ctx, m)
		if err != nil {
			return nil, err
		}
		t := v.(*gen.Team)
		t.Path = parentPath + strconv.Itoa(t.ID) + "/"
		if err := m.Client().Team.UpdateOneID(t.ID).SetPath(t.Path).Exec(ctx); err != nil {
			return nil, err
		}
		return t, nil
	})
}

// teamPathOnMove re-roots the moved team's subtree under its new parent in one statement,
// refusing a move under its own subtree.
func teamPathOnMove(next ent.Mutator) ent.Mutator {
	return hook.TeamFunc(func(ctx context.Context, m *gen.TeamMutation) (ent.Value, error) {
		pid, set := m.ParentID()
		if !set && !m.ParentCleared() {
			return next.Mutate(ctx, m)
		}
		id, _ := m.ID()
		old, err := m.Client().Team.Get(ctx, id)
		if err != nil {
			return nil, err
		}
		newPath := "/" + strconv.Itoa(id) + "/"
		if set {
			p, err := m.Client().Team.Get(ctx, pid)
			if err != nil {
				return nil, err
			}
			if strings.HasPrefix(p.Path, old.Path) {
				return nil, validate.Field("parentID", "a team cannot be moved under itself or its own subteams")
			}
			newPath = p.Path + strconv.Itoa(id) + "/"
		}
		v, err := next.Mutate(ctx, m)
		if err != nil {
			return nil, err
		}
		if newPath != old.Path {
			// path = newPath || substr(path, len(oldPath)+1) for the team and its subtree.
			_, err := m.Client().Team.Update().
				Where(team.PathHasPrefix(old.Path)).
				Modify(func(u *sql.UpdateBuilder) {
					u.Set(team.FieldPath, sql.Expr(fmt.Sprintf("CONCAT(?, SUBSTR(%s, ?))", team.FieldPath), newPath, len(old.Path)+1))
				}).
				Save(ctx)
			if err != nil {
				return nil, err
			}
		}
		return v, nil
	})
}
