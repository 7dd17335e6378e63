package importexport

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/c360crm/c360/ent"
	"github.com/c360crm/c360/internal/validate"
)

// ExportPath is the HTTP route that streams a customer export.
const ExportPath = "/exports/customers"

// maxWhereJSON bounds the filter carried in an export URL.
const maxWhereJSON = 8 << 10

// Export describes a prepared customer export: the URL streams it.
type Export struct {
	URL      string `json:"url"`
	Filename string `json:"filename"`
	Format   string `json:"format"`
	Rows     int    `json:"rows"`
}

// PrepareExport counts the customers the caller would export with where and returns the
// download URL carrying the filter.
func PrepareExport(ctx context.Context, c *ent.Client, where *ent.CustomerWhereInput, format string) (*Export, error) {
	f := Format(strings.ToUpper(format))
	if f != FormatCSV && f != FormatXLSX {
		return nil, validate.Field("format", "must be CSV or XLSX")
	}
	q := c.Customer.Query()
	if where != nil {
		var err error
		if q, err = where.Filter(q); err != nil {
			return nil, validate.Field("where", "%v", err)
		}
	}
	n, err := q.Count(ctx)
	if err != nil {
		return nil, err
	}
	v := url.Values{"format": {string(f)}}
	if where != nil {
		b, err := json.Marshal(where)
		if err != nil {
			return nil, err
		}
		if len(b) > maxWhereJSON {
			return nil, validate.Field("where", "is too large for an export (at most %d bytes)", maxWhereJSON)
		}
		v.Set("where", string(b))
	}
	return &Export{URL: ExportPath + "?" + v.Encode(), Filename: Filename(f, time.Now()), Format: string(f), Rows: n}, nil
}

// Filename names an export file.
func Filename(f Format, now time.Time) string {
	return fmt.Sprintf("customers-%s.%s", now.Format("20060102-150405"), strings.ToLower(string(f)))
}

// ParseWhere reads the filter of an export URL.
func ParseWhere(s string) (*ent.CustomerWhereInput, error) {
	if s == "" {
		return nil, nil
	}
	if len(s) > maxWhereJSON {
		return nil, validate.Field("where", "is too large")
	}
	var w ent.CustomerWhereInput
	if err := json.Unmarshal([]byte(s), &w); err != nil {
		return nil, validate.Field("where", "is not a valid filter")
	}
	return &w, nil
}
