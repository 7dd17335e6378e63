package knowledge

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/99designs/gqlgen/graphql"

	"github.com/c360crm/c360/ent"
	"github.com/c360crm/c360/ent/attachment"
	"github.com/c360crm/c360/internal/validate"
	"github.com/c360crm/c360/search/extract"
)

// Upload attaches a file to a document whose lock the caller holds: the file goes to the
// blob store, its text is extracted (bounded in time and memory; a bad file is kept with its
// extraction status) and the document is queued for indexing.
func (s *Service) Upload(ctx context.Context, docID int, up graphql.Upload) (*ent.Attachment, error) {
	uid, err := userID(ctx)
	if err != nil {
		return nil, err
	}
	name := cleanFilename(up.Filename)
	if name == "" {
		return nil, validate.Field("file", "has no file name")
	}
	if up.Size > s.opts.MaxUploadBytes {
		return nil, validate.Field("file", "is larger than %d MiB", s.opts.MaxUploadBytes>>20)
	}
	c := s.tx(ctx)
	if _, err := s.holdsLock(ctx, c, docID, uid); err != nil {
		return nil, err
	}
	res, err := extract.Extract(ctx, name, up.File, extract.Limits{MaxInputBytes: s.opts.MaxUploadBytes})
	if err != nil {
		return nil, err
	}
	if _, err := up.File.Seek(0, io.SeekStart); err != nil {
		return nil, fmt.Errorf("knowledge: rewind upload: %w", err)
	}
	key, size, sum, err := s.blobs.Put(ctx, io.LimitReader(up.File, s.opts.MaxUploadBytes+1))
	if err != nil {
		return nil, err
	}
	a, err := c.Attachment.Create().
		SetDocumentID(docID).SetFilename(name).SetContentType(res.ContentType).SetSize(size).
		SetSha256(sum).SetBlobKey(key).SetUploadedByID(uid).
		SetExtractionStatus(attachment.ExtractionStatus(res.Status)).
		SetExtractionError(validate.Truncate(res.Err, 500)).SetExtractedText(res.Text).
		Save(ctx)
	if err != nil {
		_ = s.blobs.Delete(context.WithoutCancel(ctx), key)
		return nil, err
	}
	s.log.InfoContext(ctx, "attachment stored", "documentID", docID, "attachmentID", a.ID,
		"size", size, "contentType", res.ContentType, "extraction", res.Status)
	return a, s.enqueue(ctx, c, docID)
}

// Open returns an attachment the caller may read (privacy applies) and its content.
func (s *Service) Open(ctx context.Context, id int) (*ent.Attachment, io.ReadCloser, error) {
	a, err := s.client.Attachment.Get(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	r, err := s.blobs.Open(ctx, a.BlobKey)
	if err != nil {
		return nil, nil, err
	}
	return a, r, nil
}

// cleanFilename keeps the base name, valid UTF-8, no control characters, at most 255 bytes.
func cleanFilename(name string) string {
	name = filepath.Base(strings.ReplaceAll(name, "\\", "/"))
	name = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return -1
		}
		return r
	}, strings.ToValidUTF8(name, ""))
	if name == "." || name == "/" {
		return ""
	}
	return validate.Truncate(name, 255)
}
