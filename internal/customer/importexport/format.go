package importexport

import (
	"context"
	"io"
	"path/filepath"
	"strings"

	"github.com/c360crm/c360/ent"
	"github.com/c360crm/c360/internal/validate"
)

// FormatOf picks the format from a file name (.csv or .xlsx).
func FormatOf(name string) (Format, error) {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".csv", ".txt":
		return FormatCSV, nil
	case ".xlsx":
		return FormatXLSX, nil
	}
	return "", validate.Field("file", "must be a .csv or .xlsx file")
}

// ImportUpload imports an uploaded file: the format from its name, ALL_OR_NOTHING unless
// mode says VALID_ROWS, and a dry run when asked. It runs in its own transaction (the
// GraphQL layer does not wrap importCustomers in one).
func ImportUpload(ctx context.Context, c *ent.Client, filename string, r io.Reader, mode *string, dryRun *bool) (*ImportResult, error) {
	f, err := FormatOf(filename)
	if err != nil {
		return nil, err
	}
	m := AllOrNothing
	if mode != nil {
		m = Mode(*mode)
	}
	if dryRun != nil && *dryRun {
		ctx = WithDryRun(ctx)
	}
	return ImportCustomers(ctx, c, r, f, m, nil)
}
