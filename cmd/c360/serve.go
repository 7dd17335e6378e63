package main

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/c360crm/c360/frontend"
	"github.com/c360crm/c360/internal/seed"
	"github.com/c360crm/c360/internal/server"
)

func newServeCmd(g *globals) *cobra.Command {
	var (
		addr        string
		dev         bool
		seedDemo    int
		printDemo   bool
		addrFile    string
		maxUploadMB int64
	)
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Run the API server and the admin app (migrates the schema first)",
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
			if seedDemo > 0 {
				res, err := seed.Run(ctx, d, seed.Options{Customers: seedDemo, IfEmpty: true, Progress: os.Stderr})
				if err != nil {
					return fmt.Errorf("seed demo data: %w", err)
				}
				if !res.Skipped {
					log.Info("demo data seeded", "customers", seedDemo, "elapsed", res.Elapsed)
				}
			}
			if !frontend.Built() {
				log.Warn("the admin app is not built into this binary: / shows a placeholder (run `make run`)")
			}
			srv, err := server.New(ctx, server.Config{Addr: addr, Dev: dev, SPA: frontend.Handler(), DataDir: g.dataDir, Search: g.searchURL, MaxUploadBytes: maxUploadMB << 20}, d, log)
			if err != nil {
				return err
			}
			return srv.ListenAndServe(ctx, func(bound string) {
				if addrFile != "" {
					if err := os.WriteFile(addrFile, []byte(bound), 0o644); err != nil {
						log.Error("cannot write --addr-file", "err", err)
					}
				}
				url := "http://" + bound
				log.Info("c360 listening", "url", url, "dev", dev)
				if printDemo {
					fmt.Fprintf(os.Stdout, "\n  c360 is running at %s/\n", url)
					if dev {
						fmt.Fprintf(os.Stdout, "  GraphQL IDE:        %s/graphiql\n", url)
					}
					fmt.Fprintf(os.Stdout, "  Demo login:         admin / %s\n\n", seed.DefaultDemoPassword)
				}
			})
		},
	}
	f := cmd.Flags()
	f.StringVar(&addr, "addr", envOr("C360_ADDR", "127.0.0.1:8080"), "listen address (env C360_ADDR)")
	f.BoolVar(&dev, "dev", envOr("C360_DEV", "") == "1" || envOr("C360_DEV", "") == "true", "development mode: GraphQL IDE at /graphiql, introspection, field suggestions (env C360_DEV=1)")
	f.IntVar(&seedDemo, "seed-demo", 0, "seed this many demo customers when the database has none")
	f.BoolVar(&printDemo, "print-demo-login", false, "print the URL and the demo login once listening")
	f.Int64Var(&maxUploadMB, "max-upload-mb", envInt64("C360_MAX_UPLOAD_MB", 20), "largest knowledge attachment accepted, in MiB (env C360_MAX_UPLOAD_MB)")
	f.StringVar(&addrFile, "addr-file", "", "write the bound address here once listening (useful with --addr 127.0.0.1:0)")
	return cmd
}
