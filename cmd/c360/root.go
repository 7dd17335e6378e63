package main

import (
	"context"
	"fmt"
	"github.com/c360crm/c360/authz"
	"log/slog"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/c360crm/c360/internal/db"
)

// globals are the flags every command shares; each falls back to an environment variable.
type globals struct {
	dataDir   string
	dbURL     string
	searchURL string
	logLevel  string
	logFormat string
}

func envOr(key, def string) string {
	if v, ok := os.LookupEnv(key); ok && v != "" {
		return v
	}
	return def
}

func newRootCmd() *cobra.Command {
	g := &globals{}
	root := &cobra.Command{
		Use:           "c360",
		Short:         "c360 — customer-360 CRM for telecom operators",
		Version:       version + " (" + commit + ")",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	pf := root.PersistentFlags()
	pf.StringVar(&g.dataDir, "data-dir", envOr("C360_DATA_DIR", "./data"), "directory for the SQLite database, search index and blobs (env C360_DATA_DIR)")
	pf.StringVar(&g.dbURL, "db", envOr("C360_DB", ""), "database URL: empty for SQLite in the data dir, sqlite:///path.db, or mysql://user:pass@host:3306/db (env C360_DB)")
	pf.StringVar(&g.searchURL, "search", envOr("C360_SEARCH", ""), "knowledge search backend: empty for Bleve in the data dir, mem:, bleve:///path, or meili://host:7700?key=… (env C360_SEARCH)")
	pf.StringVar(&g.logLevel, "log-level", envOr("C360_LOG_LEVEL", "info"), "log level: debug, info, warn, error (env C360_LOG_LEVEL)")
	pf.StringVar(&g.logFormat, "log-format", envOr("C360_LOG_FORMAT", "text"), "log format: text or json (env C360_LOG_FORMAT)")
	root.AddCommand(newServeCmd(g), newMigrateCmd(g), newSeedCmd(g), newUserCmd(g), newReindexCmd(g), newPointsCmd(g))
	return root
}

// signalContext is cancelled on SIGINT or SIGTERM: the server drains, long jobs stop. CLI
// commands act for the operator: the context carries the SYSTEM principal (audited as such).
func signalContext(parent context.Context) (context.Context, context.CancelFunc) {
	return signal.NotifyContext(authz.NewContext(parent, authz.System), os.Interrupt, syscall.SIGTERM)
}

// logger builds the process logger from the flags.
func (g *globals) logger() (*slog.Logger, error) {
	var lvl slog.Level
	if err := lvl.UnmarshalText([]byte(g.logLevel)); err != nil {
		return nil, fmt.Errorf("--log-level: %w", err)
	}
	opts := &slog.HandlerOptions{Level: lvl}
	switch strings.ToLower(g.logFormat) {
	case "json":
		return slog.New(slog.NewJSONHandler(os.Stderr, opts)), nil
	case "text", "":
		return slog.New(slog.NewTextHandler(os.Stderr, opts)), nil
	}
	return nil, fmt.Errorf("--log-format: want text or json, got %q", g.logFormat)
}

// open opens and migrates the database.
func (g *globals) open(ctx context.Context, log *slog.Logger) (*db.DB, error) {
	d, err := db.Open(ctx, g.dbURL, g.dataDir, db.Options{})
	if err != nil {
		return nil, err
	}
	if err := d.Migrate(ctx); err != nil {
		d.Close()
		return nil, err
	}
	log.Info("database ready", "db", d.Redacted, "dialect", d.Dialect)
	return d, nil
}

// envInt64 reads an integer environment variable, or returns def when it is unset or bad.
func envInt64(key string, def int64) int64 {
	if v, err := strconv.ParseInt(os.Getenv(key), 10, 64); err == nil && v > 0 {
		return v
	}
	return def
}
