package bleve

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"github.com/c360crm/c360/search"
	"github.com/c360crm/c360/search/searchtest"
)

func TestConformanceMem(t *testing.T) {
	searchtest.Run(t, func(t *testing.T) search.Index {
		idx, err := OpenMem()
		if err != nil {
			t.Fatalf("OpenMem: %v", err)
		}
		t.Cleanup(func() { _ = idx.Close() })
		return idx
	})
}

func TestConformanceDisk(t *testing.T) {
	searchtest.Run(t, func(t *testing.T) search.Index {
		idx, err := Open(filepath.Join(t.TempDir(), "search", "knowledge.bleve"))
		if err != nil {
			t.Fatalf("Open: %v", err)
		}
		t.Cleanup(func() { _ = idx.Close() })
		return idx
	})
}

var _ = errors.Is
var _ = context.Background
