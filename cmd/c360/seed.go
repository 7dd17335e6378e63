package main

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/c360crm/c360/internal/seed"
)

func newSeedCmd(g *globals) *cobra.Command {
	var opts seed.Options
	cmd := &cobra.Command{
		Use:   "seed",
		Short: "Fill the database with realistic demo data (Chinese names, IDs, products, bills, …)",
		Example: "  c360 seed --customers 2000\n" +
			"  c360 seed --customers 1000000 --batch 2000",
		RunE: func(cmd *cobra.Command, _ []string) error {
			log, err := g.logger()
			if err != nil {
				return err
			}
			if opts.Customers <= 0 {
				return fmt.Errorf("--customers must be positive")
			}
			ctx, stop := signalContext(cmd.Context())
			defer stop()
			d, err := g.open(ctx, log)
			if err != nil {
				return err
			}
			defer d.Close()
			opts.Progress = os.Stderr
			res, err := seed.Run(ctx, d, opts)
			if err != nil {
				return err
			}
			if res.Skipped {
				fmt.Fprintln(os.Stdout, "the database already has customers: nothing seeded (--if-empty)")
				return nil
			}
			fmt.Fprintf(os.Stdout, "seeded in %s\n", res.Elapsed.Round(1e7))
			for _, l := range res.Logins {
				fmt.Fprintf(os.Stdout, "  login %-10s role %-16s password %s\n", l.Username, l.Role, opts.DemoPassword)
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.IntVar(&opts.Customers, "customers", 2000, "number of customers to create")
	f.Int64Var(&opts.Seed, "seed", 1, "random seed: the same seed gives the same data")
	f.IntVar(&opts.BatchSize, "batch", 0, "rows per INSERT (0: default)")
	f.BoolVar(&opts.IfEmpty, "if-empty", false, "do nothing when the database already has customers")
	f.StringVar(&opts.DemoPassword, "demo-password", seed.DefaultDemoPassword, "password of the demo staff users")
	return cmd
}
