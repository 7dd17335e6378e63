// Package testenv gives each test a fresh, migrated c360 database: SQLite in memory by
// default, or a MySQL/MariaDB database of its own when C360_TEST_MYSQL_DSN is set
// (mysql://user:pass@host:port/anydb — the database part is replaced by a new one per test,
// dropped when the test ends). Under CI=true an unreachable MySQL is a failure, not a skip.
package testenv

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	_ "github.com/go-sql-driver/mysql"

	"github.com/c360crm/c360/internal/db"
)

// EnvMySQL names the variable holding the MySQL server URL used by tests.
const EnvMySQL = "C360_TEST_MYSQL_DSN"

// Backend reports which database tests run on: "mysql" or "sqlite".
func Backend() string {
	if os.Getenv(EnvMySQL) != "" {
		return "mysql"
	}
	return "sqlite"
}

// New returns a fresh migrated database for t, closed (and, on MySQL, dropped) at cleanup.
func New(t testing.TB) *db.DB {
	t.Helper()
	u := URL(t)
	d, err := db.Open(context.Background(), u, t.TempDir(), db.Options{})
	if err != nil {
		t.Fatalf("testenv: open %s: %v", u, err)
	}
	t.Cleanup(func() { d.Close() })
	if err := d.Migrate(context.Background()); err != nil {
		t.Fatalf("testenv: migrate: %v", err)
	}
	return d
}

// URL returns a C360_DB URL for a new empty database owned by t: an in-memory SQLite
// database, or a new MySQL database (dropped at cleanup). Use it to start several server
// instances on one database.
func URL(t testing.TB) string {
	t.Helper()
	name := "c360_" + sanitize(t.Name()) + "_" + randHex(4)
	server := os.Getenv(EnvMySQL)
	if server == "" {
		return "sqlite::memory:?name=" + name
	}
	return mysqlDatabase(t, server, name)
}

func mysqlDatabase(t testing.TB, server, name string) string {
	t.Helper()
	admin, err := url.Parse(server)
	if err != nil {
		t.Fatalf("testenv: %s: %v", EnvMySQL, err)
	}
	dsn, _, err := db.MySQLDSN(server)
	if err != nil {
		t.Fatalf("testenv: %s: %v", EnvMySQL, err)
	}
	conn, err := sql.Open("mysql", dsn)
	if err != nil {
		t.Fatalf("testenv: %v", err)
	}
	defer conn.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := conn.PingContext(ctx); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("testenv: MySQL at %s is unreachable under CI: %v", admin.Redacted(), err)
		}
		t.Skipf("testenv: MySQL at %s is unreachable: %v", admin.Redacted(), err)
	}
	if len(name) > 64 {
		name = name[:55] + "_" + randHex(4)
	}
	if _, err := conn.ExecContext(ctx, "CREATE DATABASE `"+name+"` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"); err != nil {
		t.Fatalf("testenv: create database %s: %v", name, err)
	}
	t.Cleanup(func() {
		dsn, _, _ := db.MySQLDSN(server)
		c, err := sql.Open("mysql", dsn)
		if err != nil {
			t.Errorf("testenv: drop %s: %v", name, err)
			return
		}
		defer c.Close()
		if _, err := c.Exec("DROP DATABASE IF EXISTS `" + name + "`"); err != nil {
			t.Errorf("testenv: drop %s: %v", name, err)
		}
	})
	admin.Path = "/" + name
	return admin.String()
}

func sanitize(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
		} else {
			b.WriteByte('_')
		}
	}
	out := b.String()
	if len(out) > 40 {
		out = out[:40]
	}
	return out
}

func randHex(n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		panic(fmt.Sprintf("testenv: rand: %v", err))
	}
	return hex.EncodeToString(b)
}
