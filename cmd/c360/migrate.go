package main

import (
	"github.com/spf13/cobra"
)

func newMigrateCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "migrate",
		Short: "Create or upgrade the database schema",
		RunE: func(cmd *cobra.Command, _ []string) error {
			log, err := g.logger()
			if err != nil {
				return err
			}
			d, err := g.open(cmd.Context(), log)
			if err != nil {
				return err
			}
			return d.Close()
		},
	}
}
