package main

import (
	"fmt"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"

	"github.com/c360crm/c360/internal/points"
)

func newPointsCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{Use: "points", Short: "Loyalty points jobs"}
	progress := func() func(points.Progress) {
		var bar *progressbar.ProgressBar
		return func(p points.Progress) {
			if bar == nil {
				bar = progressbar.NewOptions(p.Total, progressbar.OptionSetWriter(os.Stderr),
					progressbar.OptionSetDescription(p.Job), progressbar.OptionShowCount(),
					progressbar.OptionThrottle(100*time.Millisecond), progressbar.OptionClearOnFinish())
			}
			_ = bar.Set(p.Done)
		}
	}
	run := func(use, short string, job func(*cobra.Command, *points.Service) error) *cobra.Command {
		return &cobra.Command{
			Use: use, Short: short,
			RunE: func(c *cobra.Command, _ []string) error {
				log, err := g.logger()
				if err != nil {
					return err
				}
				ctx, stop := signalContext(c.Context())
				defer stop()
				d, err := g.open(ctx, log)
				if err != nil {
					return err
				}
				defer d.Close()
				c.SetContext(ctx)
				return job(c, points.New(d.Client, points.Options{Progress: progress()}))
			},
		}
	}
	cmd.AddCommand(
		run("expire", "Expire the points of lots past their expiry date (run daily)", func(c *cobra.Command, s *points.Service) error {
			lots, n, err := s.Expire(c.Context())
			if err != nil {
				return err
			}
			fmt.Fprintf(c.OutOrStdout(), "expired %d points in %d lots\n", n, lots)
			return nil
		}),
		run("assess", "Reassess every account's tier from its qualifying points", func(c *cobra.Command, s *points.Service) error {
			n, err := s.AssessAll(c.Context())
			if err != nil {
				return err
			}
			fmt.Fprintf(c.OutOrStdout(), "assessed %d accounts\n", n)
			return nil
		}),
	)
	return cmd
}
