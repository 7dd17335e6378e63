package server

import (
	"errors"
	"mime"
	"net/http"
	"strings"
	"time"

	"github.com/c360crm/c360/authz"
	"github.com/c360crm/c360/ent/privacy"
	"github.com/c360crm/c360/internal/apperr"
	"github.com/c360crm/c360/internal/audit"
	"github.com/c360crm/c360/internal/customer/importexport"
	"github.com/c360crm/c360/internal/validate"
)

// exportCustomers streams GET /exports/customers?format=CSV|XLSX&where=<CustomerWhereInput
// JSON> (the URL exportCustomers returns) for callers allowed to call exportCustomers; rows
// pass the same privacy rules as the graph and PII is masked per the caller. Every download
// is audited with its filter and row count.
func (s *Server) exportCustomers(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	switch {
	case authz.FromContext(ctx) == nil:
		writeError(w, http.StatusUnauthorized, apperr.Unauthenticated, "sign in first")
		return
	case !authz.Can(ctx, "Query.exportCustomers", "call"):
		writeError(w, http.StatusForbidden, apperr.Forbidden, "not allowed")
		return
	}
	format := importexport.Format(strings.ToUpper(r.URL.Query().Get("format")))
	if format != importexport.FormatCSV && format != importexport.FormatXLSX {
		writeError(w, http.StatusBadRequest, apperr.BadUserInput, "format must be CSV or XLSX")
		return
	}
	whereJSON := r.URL.Query().Get("where")
	where, err := importexport.ParseWhere(whereJSON)
	if err != nil {
		var fe *validate.FieldError
		msg := "bad filter"
		if errors.As(err, &fe) {
			msg = fe.Error()
		}
		writeError(w, http.StatusBadRequest, apperr.BadUserInput, msg)
		return
	}
	ctype := "text/csv; charset=utf-8"
	if format == importexport.FormatXLSX {
		ctype = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	}
	h := w.Header()
	h.Set("Content-Type", ctype)
	h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": importexport.Filename(format, time.Now())}))
	h.Set("Cache-Control", "private, no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	rows, err := importexport.ExportCustomers(ctx, s.db.Client, where, format, w)
	if err != nil {
		// Headers may be sent already; the log has the cause, the client a broken download.
		s.log.ErrorContext(ctx, "customer export failed", "err", err, "rows", rows)
		if rows == 0 && errors.Is(err, privacy.Deny) {
			writeError(w, http.StatusForbidden, apperr.Forbidden, "not allowed")
		}
		return
	}
	if err := audit.Record(ctx, s.db.Client, audit.Entry{Action: "export", EntityType: "Customer",
		Changes: map[string]any{"format": string(format), "rows": rows, "where": whereJSON}}); err != nil {
		s.log.ErrorContext(ctx, "audit of a customer export failed", "err", err)
	}
}
