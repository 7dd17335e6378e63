package main

import (
	"fmt"
	"github.com/c360crm/c360/authz"
	"os"

	"github.com/spf13/cobra"

	"github.com/c360crm/c360/internal/staff"
)

func newUserCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{Use: "user", Short: "Manage staff users"}
	var (
		in   staff.CreateUserInput
		role []string
	)
	create := &cobra.Command{
		Use:     "create",
		Short:   "Create a staff user",
		Example: "  c360 user create --username zhangsan --password 's3cret-pass' --role account_manager",
		RunE: func(cmd *cobra.Command, _ []string) error {
			log, err := g.logger()
			if err != nil {
				return err
			}
			ctx := authz.NewContext(cmd.Context(), authz.System)
			d, err := g.open(ctx, log)
			if err != nil {
				return err
			}
			defer d.Close()
			if in.DisplayName == "" {
				in.DisplayName = in.Username
			}
			in.Roles = role
			u, err := staff.CreateUser(ctx, d.Client, in)
			if err != nil {
				return err
			}
			fmt.Fprintf(os.Stdout, "created user %s (id %d) with roles %v\n", u.Username, u.ID, u.Roles)
			return nil
		},
	}
	f := create.Flags()
	f.StringVar(&in.Username, "username", "", "login name (required)")
	f.StringVar(&in.Password, "password", "", "password, at least 8 characters (required)")
	f.StringVar(&in.DisplayName, "display-name", "", "name shown in the app (default: the username)")
	f.StringSliceVar(&role, "role", nil, "role, repeatable: admin, manager, planner, account_manager, agent, knowledge_editor, reviewer")
	_ = create.MarkFlagRequired("username")
	_ = create.MarkFlagRequired("password")
	cmd.AddCommand(create)
	return cmd
}
