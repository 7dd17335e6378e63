// Package blob stores attachment files. The default store keeps them under the data
// directory; an S3-compatible store can implement the same interface.
package blob

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
)

// ErrNotFound means no blob has the key.
var ErrNotFound = errors.New("blob: not found")

// Store keeps immutable files by key.
type Store interface {
	// Put stores r under a new key and returns the key, the size and the SHA-256 (hex).
	Put(ctx context.Context, r io.Reader) (key string, size int64, sum string, err error)
	// Open returns the blob's content.
	Open(ctx context.Context, key string) (io.ReadCloser, error)
	// Delete removes a blob (a missing one is not an error).
	Delete(ctx context.Context, key string) error
}

// FS stores blobs as files under a directory, two levels of fan-out by key prefix.
type FS struct{ dir string }

// NewFS returns a store under dir (created when missing).
func NewFS(dir string) (*FS, error) {
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return nil, fmt.Errorf("blob: %w", err)
	}
	return &FS{dir: dir}, nil
}

var keyRE = regexp.MustCompile(`^[0-9a-f]{32}$`)

func (s *FS) path(key string) (string, error) {
	if !keyRE.MatchString(key) {
		return "", fmt.Errorf("blob: bad key %q", key)
	}
	return filepath.Join(s.dir, key[:2], key), nil
}

// Put writes r to a temporary file and renames it into place, so a crash never leaves a
// half-written blob under a key.
func (s *FS) Put(ctx context.Context, r io.Reader) (string, int64, string, error) {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		return "", 0, "", err
	}
	key := hex.EncodeToString(b)
	p, _ := s.path(key)
	if err := os.MkdirAll(filepath.Dir(p), 0o750); err != nil {
		return "", 0, "", err
	}
	tmp, err := os.CreateTemp(filepath.Dir(p), ".upload-*")
	if err != nil {
		return "", 0, "", err
	}
	defer os.Remove(tmp.Name()) // no-op after the rename
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(tmp, h), readerWithContext{ctx, r})
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return "", 0, "", fmt.Errorf("blob: write: %w", err)
	}
	if err := os.Rename(tmp.Name(), p); err != nil {
		return "", 0, "", fmt.Errorf("blob: %w", err)
	}
	return key, n, hex.EncodeToString(h.Sum(nil)), nil
}

// Open opens a blob.
func (s *FS) Open(_ context.Context, key string) (io.ReadCloser, error) {
	p, err := s.path(key)
	if err != nil {
		return nil, err
	}
	f, err := os.Open(p)
	if errors.Is(err, os.ErrNotExist) {
		return nil, ErrNotFound
	}
	return f, err
}

// Delete removes a blob.
func (s *FS) Delete(_ context.Context, key string) error {
	p, err := s.path(key)
	if err != nil {
		return err
	}
	if err := os.Remove(p); err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	return nil
}

// readerWithContext stops a copy when the context ends.
type readerWithContext struct {
	ctx context.Context
	r   io.Reader
}

func (r readerWithContext) Read(p []byte) (int, error) {
	if err := r.ctx.Err(); err != nil {
		return 0, err
	}
	return r.r.Read(p)
}
