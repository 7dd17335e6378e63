package server

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"strings"
	"testing"

	"github.com/c360crm/c360/internal/apperr"
)

// TestPanicAndUnknownErrorsBecomeInternal: a resolver panic and an unexpected error are shown
// to the client only as INTERNAL "internal error"; the details go to the log.
func TestPanicAndUnknownErrorsBecomeInternal(t *testing.T) {
	var logs bytes.Buffer
	log := slog.New(slog.NewTextHandler(&logs, nil))
	present := errorPresenter(log)
	ctx := context.Background()

	panicErr := recoverFunc(log)(ctx, "index out of range [3] with length 2")
	sqlErr := errors.New(`near "SELEKT": syntax error in SELECT * FROM customers`)
	for name, err := range map[string]error{"panic": panicErr, "sql error": sqlErr} {
		g := present(ctx, err)
		if g.Message != "internal error" || g.Extensions["code"] != apperr.Internal {
			t.Fatalf("%s: presented as %q %v", name, g.Message, g.Extensions)
		}
	}
	for _, want := range []string{"index out of range", "SELEKT"} {
		if !strings.Contains(logs.String(), want) {
			t.Errorf("log lacks %q:\n%s", want, logs.String())
		}
	}
}
