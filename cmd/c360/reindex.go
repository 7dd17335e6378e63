package main

import (
	"fmt"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"

	"github.com/c360crm/c360/internal/knowledge"
	"github.com/c360crm/c360/search"
)

func newReindexCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "reindex",
		Short: "Rebuild the knowledge search index from the database",
		Long: "Empties the search index and indexes every knowledge document again, with a progress bar.\n" +
			"Safe to interrupt: run it again, or let the server's indexer catch up from its outbox.",
		RunE: func(cmd *cobra.Command, _ []string) error {
			log, err := g.logger()
			if err != nil {
				return err
			}
			ctx, stop := signalContext(cmd.Context())
			defer stop()
			d, err := g.open(ctx, log)
			if err != nil {
				return err
			}
			defer d.Close()
			idx, err := search.Open(ctx, g.searchURL, g.dataDir)
			if err != nil {
				return fmt.Errorf("search index: %w", err)
			}
			defer idx.Close()
			start := time.Now()
			var bar *progressbar.ProgressBar
			err = knowledge.Reindex(ctx, d.Client, idx, func(done, total int) {
				if bar == nil {
					bar = progressbar.NewOptions(total, progressbar.OptionSetWriter(os.Stderr),
						progressbar.OptionSetDescription("reindex"), progressbar.OptionShowCount(),
						progressbar.OptionThrottle(100*time.Millisecond), progressbar.OptionClearOnFinish())
				}
				_ = bar.Set(done)
			})
			if err != nil {
				return err
			}
			n, err := idx.Count(ctx)
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "reindexed: %d search entries in %s\n", n, time.Since(start).Round(time.Millisecond))
			return nil
		},
	}
}
