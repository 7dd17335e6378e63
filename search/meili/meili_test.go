package meili

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/c360crm/c360/search"
	"github.com/c360crm/c360/search/searchtest"
)

// TestConformance runs the backend conformance suite against a real Meilisearch server,
// named by C360_TEST_MEILI_URL (e.g. http://127.0.0.1:7700) with its master or admin key in
// C360_TEST_MEILI_KEY. Every call of open gets a new index with a unique name, deleted when
// the (sub)test ends.
func TestConformance(t *testing.T) {
	host := os.Getenv("C360_TEST_MEILI_URL")
	if host == "" {
		t.Skip("C360_TEST_MEILI_URL not set: no Meilisearch server to run the conformance suite against")
	}
	key := os.Getenv("C360_TEST_MEILI_KEY")
	searchtest.Run(t, func(t *testing.T) search.Index {
		t.Helper()
		uid := testIndexUID(t)
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		defer cancel()
		ix, err := Open(ctx, host, key, uid)
		if err != nil {
			t.Fatalf("Open(%s, %s): %v", host, uid, err)
		}
		t.Cleanup(func() {
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			defer cancel()
			if err := ix.drop(ctx); err != nil {
				t.Errorf("delete index %s: %v", uid, err)
			}
			ix.Close()
		})
		return ix
	})
}

// testIndexUID returns a fresh index uid derived from the test's name.
func testIndexUID(t *testing.T) string {
	name := strings.Map(func(r rune) rune {
		if r < 128 && (isIDByte(byte(r)) || r == '_') {
			return r
		}
		return '_'
	}, t.Name())
	if len(name) > 80 {
		name = name[:80]
	}
	b := make([]byte, 6)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return "c360test_" + name + "_" + hex.EncodeToString(b)
}
