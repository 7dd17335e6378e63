// Package db opens the c360 database chosen by a URL (SQLite by default, MySQL/MariaDB for
// production), wraps the driver to count SQL statements, and migrates the schema.
package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"
	"github.com/go-sql-driver/mysql"
	_ "modernc.org/sqlite" // pure-Go SQLite driver, registered as "sqlite"

	"github.com/c360crm/c360/ent"
	"github.com/c360crm/c360/ent/migrate"
	_ "github.com/c360crm/c360/ent/runtime" // schema hooks, defaults and privacy policies
)

// DB is an open database: the ent client, the pool under it and its dialect.
type DB struct {
	Client  *ent.Client
	SQL     *sql.DB
	Dialect string // dialect.SQLite or dialect.MySQL
	// Redacted is the URL with any password removed, for logs.
	Redacted string
}

// Options tune Open.
type Options struct {
	// MaxOpenConns caps the pool (0: a default per dialect).
	MaxOpenConns int
	// Debug logs every statement through the given function.
	Debug func(...any)
}

// Open opens the database named by rawURL:
//
//	""                                  SQLite file <dataDir>/c360.db
//	sqlite:///abs/path.db, sqlite://rel.db   SQLite file
//	sqlite::memory:?name=x              SQLite in memory, shared by the pool (memdb VFS)
//	mysql://user:pass@host:3306/db      MySQL / MariaDB (TCP)
//	mysql://user@/db?socket=/run/mysqld/mysqld.sock   MySQL / MariaDB (unix socket)
//
// It pings the database before returning.
func Open(ctx context.Context, rawURL, dataDir string, opts Options) (*DB, error) {
	var (
		drv, dsn, dia, redacted string
		err                     error
	)
	switch {
	case rawURL == "":
		if err := os.MkdirAll(dataDir, 0o750); err != nil {
			return nil, fmt.Errorf("create data dir: %w", err)
		}
		path := filepath.Join(dataDir, "c360.db")
		drv, dsn, dia, redacted = "sqlite", sqliteFileDSN(path), dialect.SQLite, "sqlite://"+path
	case strings.HasPrefix(rawURL, "sqlite::memory:"):
		name := "c360"
		if u, err := url.Parse(strings.TrimPrefix(rawURL, "sqlite::memory:")); err == nil && u.Query().Get("name") != "" {
			name = u.Query().Get("name")
		}
		drv, dsn, dia, redacted = "sqlite", sqliteMemDSN(name), dialect.SQLite, rawURL
	case strings.HasPrefix(rawURL, "sqlite://"):
		path := strings.TrimPrefix(rawURL, "sqlite://")
		if dir := filepath.Dir(path); dir != "" {
			if err := os.MkdirAll(dir, 0o750); err != nil {
				return nil, fmt.Errorf("create database dir: %w", err)
			}
		}
		drv, dsn, dia, redacted = "sqlite", sqliteFileDSN(path), dialect.SQLite, rawURL
	case strings.HasPrefix(rawURL, "mysql://"):
		dsn, redacted, err = MySQLDSN(rawURL)
		if err != nil {
			return nil, err
		}
		drv, dia = "mysql", dialect.MySQL
	default:
		return nil, fmt.Errorf("C360_DB: unsupported database URL %q (want sqlite://…, sqlite::memory:, or mysql://…)", redactURL(rawURL))
	}
	pool, err := sql.Open(drv, dsn)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", redacted, err)
	}
	configurePool(pool, dia, opts.MaxOpenConns)
	pingCtx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := pool.PingContext(pingCtx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("connect to %s: %w", redacted, err)
	}
	var d dialect.Driver = &countingDriver{Driver: entsql.OpenDB(dia, pool)}
	if opts.Debug != nil {
		d = dialect.DebugWithContext(d, func(_ context.Context, args ...any) { opts.Debug(args...) })
	}
	return &DB{Client: ent.NewClient(ent.Driver(d)), SQL: pool, Dialect: dia, Redacted: redacted}, nil
}

// Migrate creates or upgrades the schema. Table ID ranges (global IDs) come from the
// generated schema, so the same code migrates SQLite and MySQL.
func (d *DB) Migrate(ctx context.Context) error {
	if err := d.Client.Schema.Create(ctx, migrate.WithDropIndex(true)); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	return nil
}

// Close closes the client and its pool.
func (d *DB) Close() error { return d.Client.Close() }

// sqliteFileDSN enables foreign keys, WAL, a busy timeout, and BEGIN IMMEDIATE for
// transactions so that concurrent writers queue on the lock instead of failing with
// SQLITE_BUSY when a read transaction upgrades to a write.
func sqliteFileDSN(path string) string {
	return "file:" + path + "?_pragma=foreign_keys(1)&_pragma=journal_mode(WAL)&_pragma=busy_timeout(10000)" +
		"&_pragma=synchronous(NORMAL)&_txlock=immediate&_time_format=sqlite"
}

// sqliteMemDSN names an in-memory database that every connection of the pool shares (the
// memdb VFS keeps the normal locking rules, unlike shared-cache mode).
func sqliteMemDSN(name string) string {
	return "file:/" + name + "?vfs=memdb&_pragma=foreign_keys(1)&_pragma=busy_timeout(10000)&_txlock=immediate&_time_format=sqlite"
}

func configurePool(pool *sql.DB, dia string, maxOpen int) {
	if maxOpen <= 0 {
		maxOpen = 16
		if dia == dialect.SQLite {
			maxOpen = 8
		}
	}
	pool.SetMaxOpenConns(maxOpen)
	pool.SetMaxIdleConns(maxOpen)
	pool.SetConnMaxIdleTime(5 * time.Minute)
	if dia == dialect.MySQL {
		pool.SetConnMaxLifetime(30 * time.Minute)
	}
}

// MySQLDSN turns mysql://user:pass@host:port/db?socket=…&k=v into a go-sql-driver DSN with
// parseTime, UTC and utf8mb4, and returns a redacted URL for logs.
func MySQLDSN(raw string) (dsn, redacted string, err error) {
	u, err := url.Parse(raw)
	if err != nil {
		return "", "", fmt.Errorf("C360_DB: bad MySQL URL: %w", errors.Unwrap(err))
	}
	cfg := mysql.NewConfig()
	if u.User != nil {
		cfg.User = u.User.Username()
		cfg.Passwd, _ = u.User.Password()
	}
	q := u.Query()
	if sock := q.Get("socket"); sock != "" {
		cfg.Net, cfg.Addr = "unix", sock
		q.Del("socket")
	} else {
		cfg.Net, cfg.Addr = "tcp", u.Host
		if u.Port() == "" {
			cfg.Addr = u.Hostname() + ":3306"
		}
	}
	cfg.DBName = strings.TrimPrefix(u.Path, "/")
	if cfg.DBName == "" {
		return "", "", errors.New("C360_DB: the MySQL URL names no database (mysql://user:pass@host:3306/DBNAME)")
	}
	cfg.ParseTime = true
	cfg.Loc = time.UTC
	cfg.Collation = "utf8mb4_unicode_ci"
	cfg.Params = map[string]string{}
	for k, v := range q {
		cfg.Params[k] = v[0]
	}
	cfg.Timeout = 5 * time.Second
	cfg.ReadTimeout = 60 * time.Second
	cfg.WriteTimeout = 60 * time.Second
	return cfg.FormatDSN(), redactURL(raw), nil
}

func redactURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "(unparsable URL)"
	}
	return u.Redacted()
}
