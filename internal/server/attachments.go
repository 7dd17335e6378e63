package server

import (
	"errors"
	"io"
	"mime"
	"net/http"
	"strconv"

	"github.com/c360crm/c360/authz"
	"github.com/c360crm/c360/ent"
	"github.com/c360crm/c360/ent/privacy"
	"github.com/c360crm/c360/internal/apperr"
	"github.com/c360crm/c360/internal/blob"
)

// downloadAttachment serves GET /attachments/{id}: the file with its content type, as a
// download (never rendered inline, so an uploaded HTML file cannot run in the app's origin),
// to callers who may read the attachment (ent privacy decides, as for the graph).
func (s *Server) downloadAttachment(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	if authz.FromContext(ctx) == nil {
		writeError(w, http.StatusUnauthorized, apperr.Unauthenticated, "sign in first")
		return
	}
	id, err := strconv.Atoi(r.PathValue("id"))
	if err != nil {
		writeError(w, http.StatusNotFound, apperr.NotFound, "attachment not found")
		return
	}
	a, body, err := s.knowledge.Open(ctx, id)
	switch {
	case err == nil:
	case ent.IsNotFound(err) || errors.Is(err, blob.ErrNotFound):
		writeError(w, http.StatusNotFound, apperr.NotFound, "attachment not found")
		return
	case errors.Is(err, privacy.Deny):
		writeError(w, http.StatusForbidden, apperr.Forbidden, "not allowed")
		return
	default:
		s.log.ErrorContext(ctx, "attachment download", "err", err, "attachmentID", id)
		writeError(w, http.StatusInternalServerError, apperr.Internal, "internal error")
		return
	}
	defer body.Close()
	h := w.Header()
	h.Set("Content-Type", a.ContentType)
	h.Set("Content-Length", strconv.FormatInt(a.Size, 10))
	h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": a.Filename}))
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Security-Policy", "sandbox")
	h.Set("Cache-Control", "private, no-store")
	if _, err := io.Copy(w, body); err != nil {
		s.log.WarnContext(ctx, "attachment download interrupted", "err", err, "attachmentID", id)
	}
}
