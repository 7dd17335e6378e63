package c360

import (
	"bytes"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestGeneratedCodeIsFresh runs the code generators (`go generate .`) on a copy of the module
// and fails when any generated file differs from the committed one: somebody changed
// ent/schema or a *.graphqls file without running `go generate ./...`.
func TestGeneratedCodeIsFresh(t *testing.T) {
	if os.Getenv("C360_SKIP_GENERATE_CHECK") != "" {
		t.Skip("C360_SKIP_GENERATE_CHECK is set (the SQLite run checks generated code)")
	}
	if testing.Short() {
		t.Skip("-short: code generation takes about a minute")
	}
	tmp := t.TempDir()
	skip := map[string]bool{".git": true, "node_modules": true, "data": true, "bin": true, "test-output": true}
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if skip[d.Name()] {
				return filepath.SkipDir
			}
			return os.MkdirAll(filepath.Join(tmp, path), 0o755)
		}
		if !d.Type().IsRegular() {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(tmp, path), data, 0o644)
	})
	if err != nil {
		t.Fatalf("copy module: %v", err)
	}
	cmd := exec.Command("go", "generate", ".")
	cmd.Dir = tmp
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go generate: %v\n%s", err, out)
	}
	var stale []string
	for _, dir := range []string{"ent", "graph"} {
		stale = append(stale, diffTrees(t, dir, filepath.Join(tmp, dir))...)
	}
	if len(stale) > 0 {
		t.Fatalf("generated code is stale; run `go generate ./...` and commit:\n  %s", strings.Join(stale, "\n  "))
	}
}

// diffTrees lists files that differ between two directory trees, or exist in only one.
func diffTrees(t *testing.T, a, b string) []string {
	t.Helper()
	files := map[string]bool{}
	for _, root := range []string{a, b} {
		_ = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				rel, _ := filepath.Rel(root, path)
				files[rel] = true
			}
			return nil
		})
	}
	var out []string
	for rel := range files {
		x, errA := os.ReadFile(filepath.Join(a, rel))
		y, errB := os.ReadFile(filepath.Join(b, rel))
		switch {
		case errA != nil:
			out = append(out, filepath.Join(a, rel)+" (missing: generation creates it)")
		case errB != nil:
			out = append(out, filepath.Join(a, rel)+" (no longer generated)")
		case !bytes.Equal(x, y):
			out = append(out, filepath.Join(a, rel)+" (differs)")
		}
	}
	return out
}
