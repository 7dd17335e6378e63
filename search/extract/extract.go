// Package extract pulls plain text out of knowledge-base attachments so that the search
// index (see package search, Document.Attachments) can cover them.
//
// Supported formats: PDF, DOCX, PPTX, XLSX, plain text (TXT, MD, CSV; UTF-8, UTF-16 with
// a BOM, or GBK/GB18030) and HTML (visible text only). Images, legacy binary Office files
// (.doc, .xls, .ppt), archives and anything else are reported as StatusUnsupported.
//
// Attachments are untrusted, so Extract is written to be safe on hostile input:
//
//   - it never panics: every parser runs behind recover, and a bad file becomes
//     StatusFailed;
//   - it is bounded in time: the work runs on its own goroutine under Limits.Timeout,
//     reads check the context, and Extract returns StatusTimeout when the deadline passes
//     even if a parser is still busy (that goroutine then stops at its next read);
//   - it is bounded in memory: the input is read through a limit (Limits.MaxInputBytes),
//     decompressed data (ZIP entries, PDF streams) is counted against
//     Limits.MaxZipEntryBytes before and while it is inflated, XML nesting is capped,
//     PDF object tables are sanity-checked before the PDF library allocates them, and
//     output stops at Limits.MaxTextBytes (the result is then Truncated, not failed).
//
// Bad files are reported through Result.Status with a short message in Result.Err that
// is safe to show to users; Extract returns an error only when the caller's context is
// cancelled or reading the input fails.
//
// Output is normalised: UTF-8, no control characters, runs of spaces collapsed to one,
// tabs kept as cell separators, lines trimmed, at most one blank line in a row.
package extract

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"time"
)

// Status of an extraction.
const (
	StatusOK          = "OK"          // Text holds the extracted text (possibly empty, e.g. a scanned PDF)
	StatusUnsupported = "UNSUPPORTED" // the file type has no text extractor (images, .doc, archives, …)
	StatusFailed      = "FAILED"      // the file claims a supported type but is damaged or malformed
	StatusEncrypted   = "ENCRYPTED"   // the file is password-protected
	StatusTooLarge    = "TOO_LARGE"   // the input, or what it decompresses to, exceeds the limits
	StatusTimeout     = "TIMEOUT"     // extraction did not finish within Limits.Timeout
)

// Default limits, used for zero (or negative) fields of Limits.
const (
	DefaultMaxInputBytes    int64         = 50 << 20
	DefaultMaxTextBytes     int           = 2 << 20
	DefaultTimeout          time.Duration = 20 * time.Second
	DefaultMaxZipEntryBytes int64         = 100 << 20
)

// Limits bound the resources one extraction may use. Zero fields take the defaults.
type Limits struct {
	// MaxInputBytes is the largest input accepted; larger inputs are StatusTooLarge.
	MaxInputBytes int64
	// MaxTextBytes caps the extracted text; longer text is cut (at a character boundary)
	// and Result.Truncated is set. This is not a failure.
	MaxTextBytes int
	// Timeout bounds the whole extraction, reading the input included.
	Timeout time.Duration
	// MaxZipEntryBytes caps the total uncompressed size of the parts that are inflated:
	// ZIP entries of office files (declared and actual sizes) and Flate streams of PDFs
	// (flate-compressed images are allowed eight times as much, as they are only
	// measured, never parsed). Exceeding it is StatusTooLarge (zip-bomb guard).
	MaxZipEntryBytes int64
}

func (l Limits) withDefaults() Limits {
	if l.MaxInputBytes <= 0 {
		l.MaxInputBytes = DefaultMaxInputBytes
	}
	if l.MaxTextBytes <= 0 {
		l.MaxTextBytes = DefaultMaxTextBytes
	}
	if l.Timeout <= 0 {
		l.Timeout = DefaultTimeout
	}
	if l.MaxZipEntryBytes <= 0 {
		l.MaxZipEntryBytes = DefaultMaxZipEntryBytes
	}
	return l
}

// Result is the outcome of one extraction.
type Result struct {
	// Text is the normalised text. It is meant for StatusOK; after a failure part way
	// through a file it may hold what was read before the failure.
	Text string
	// Status is one of the Status constants.
	Status string
	// Err is a short message, safe to show to users, explaining a status other than
	// StatusOK. It is empty for StatusOK.
	Err string
	// ContentType is the detected MIME type (see ContentType).
	ContentType string
	// Truncated reports that Text was cut at Limits.MaxTextBytes.
	Truncated bool
}

// Extract reads the file (name used for the extension, content sniffed too) and returns
// its text. It never panics, never exceeds the limits, and reports a Status instead of
// an error for bad files; an error is returned only for ctx cancellation or I/O errors
// reading r.
//
// If r blocks beyond the timeout, Extract still returns (StatusTimeout), but the read
// stays pending on a background goroutine until r returns; callers should close r (for
// example the request body) afterwards.
func Extract(ctx context.Context, name string, r io.Reader, lim Limits) (Result, error) {
	if err := ctx.Err(); err != nil {
		return Result{}, err
	}
	lim = lim.withDefaults()
	wctx, cancel := context.WithTimeout(ctx, lim.Timeout)
	defer cancel()

	type outcome struct {
		res Result
		err error
	}
	done := make(chan outcome, 1) // buffered: an abandoned worker never blocks
	go func() {
		var o outcome
		defer func() {
			if p := recover(); p != nil {
				o = outcome{res: Result{Status: StatusFailed, Err: "the file could not be read", ContentType: ContentType(name, nil)}}
			}
			done <- o
		}()
		o.res, o.err = run(wctx, name, r, lim)
	}()

	timedOut := func() (Result, error) {
		if err := ctx.Err(); err != nil {
			return Result{}, err
		}
		return Result{
			Status:      StatusTimeout,
			Err:         fmt.Sprintf("text extraction took longer than %s", lim.Timeout),
			ContentType: ContentType(name, nil),
		}, nil
	}
	select {
	case o := <-done:
		if errors.Is(o.err, errCanceled) {
			return timedOut()
		}
		return o.res, o.err
	case <-wctx.Done():
		return timedOut()
	}
}

// errCanceled marks work abandoned because the extraction context ended.
var errCanceled = errors.New("extract: canceled")

// run does the extraction on the worker goroutine.
func run(ctx context.Context, name string, r io.Reader, lim Limits) (Result, error) {
	data, err := readLimited(ctx, r, lim.MaxInputBytes)
	switch {
	case errors.Is(err, errTooLarge):
		res := Result{
			Status: StatusTooLarge,
			Err:    fmt.Sprintf("the file is larger than %s", humanBytes(lim.MaxInputBytes)),
		}
		res.ContentType = ContentType(name, data)
		return res, nil
	case err != nil:
		return Result{}, err
	}

	k := detect(name, data)
	res := Result{ContentType: k.mime}
	if k.extract == nil && k.unsupported == "" {
		k.unsupported = "unsupported file type"
	}
	if k.unsupported != "" {
		res.Status, res.Err = StatusUnsupported, k.unsupported
		return res, nil
	}
	out := newSink(lim.MaxTextBytes)
	x := &job{ctx: ctx, lim: lim, out: out, data: data}
	err = safely(func() error { return k.extract(x) })
	res.Text, res.Truncated = out.String(), out.Truncated()
	if errors.Is(err, errSinkFull) {
		err = nil
	}
	if err == nil {
		res.Status = StatusOK
		return res, nil
	}
	if ctx.Err() != nil {
		return res, errCanceled
	}
	var fe *fileError
	if errors.As(err, &fe) {
		res.Status, res.Err = fe.status, fe.msg
		return res, nil
	}
	res.Status, res.Err = StatusFailed, fmt.Sprintf("the %s file is damaged or not valid", k.label)
	return res, nil
}

// job is the state shared by the format extractors.
type job struct {
	ctx  context.Context
	lim  Limits
	out  *sink
	data []byte
}

// check returns errCanceled once the extraction context has ended.
func (x *job) check() error {
	if x.ctx.Err() != nil {
		return errCanceled
	}
	return nil
}

// fileError carries a status and a user-safe message out of an extractor.
type fileError struct {
	status, msg string
}

func (e *fileError) Error() string { return e.status + ": " + e.msg }

func failf(format string, args ...any) error {
	return &fileError{StatusFailed, fmt.Sprintf(format, args...)}
}

func tooLargef(format string, args ...any) error {
	return &fileError{StatusTooLarge, fmt.Sprintf(format, args...)}
}

var errEncrypted = &fileError{StatusEncrypted, "the file is password-protected"}

// safely runs f, turning a panic into an error.
func safely(f func() error) (err error) {
	defer func() {
		if p := recover(); p != nil {
			if e, ok := p.(error); ok && (errors.Is(e, errSinkFull) || errors.Is(e, errCanceled)) {
				err = e
				return
			}
			var fe *fileError
			if e, ok := p.(error); ok && errors.As(e, &fe) {
				err = fe
				return
			}
			err = fmt.Errorf("extract: panic: %v", p)
		}
	}()
	return f()
}

var errTooLarge = errors.New("extract: input too large")

// readLimited reads all of r, up to max bytes. It returns errTooLarge (with the data
// read so far) past max, errCanceled when ctx ends, and r's own errors wrapped.
func readLimited(ctx context.Context, r io.Reader, max int64) ([]byte, error) {
	var buf bytes.Buffer
	chunk := make([]byte, 64<<10)
	for {
		if ctx.Err() != nil {
			return nil, errCanceled
		}
		n, err := r.Read(chunk)
		if n > 0 {
			if int64(buf.Len())+int64(n) > max {
				buf.Write(chunk[:min(n, 4096)])
				return buf.Bytes(), errTooLarge
			}
			buf.Write(chunk[:n])
		}
		if err == io.EOF {
			return buf.Bytes(), nil
		}
		if err != nil {
			if ctx.Err() != nil {
				return nil, errCanceled
			}
			return nil, fmt.Errorf("extract: reading input: %w", err)
		}
	}
}

// readerAt serves the input to the parsers that need random access; every read checks
// the context, so a parser still running after the timeout stops at its next read.
type readerAt struct {
	ctx  context.Context
	data []byte
	head []byte // if set, served in place of the first len(head) bytes
}

func (r *readerAt) ReadAt(p []byte, off int64) (int, error) {
	if r.ctx.Err() != nil {
		return 0, errCanceled
	}
	if off < 0 {
		return 0, errors.New("extract: negative offset")
	}
	if off >= int64(len(r.data)) {
		return 0, io.EOF
	}
	n := copy(p, r.data[off:])
	for i := 0; i < n && off+int64(i) < int64(len(r.head)); i++ {
		p[i] = r.head[off+int64(i)]
	}
	if n < len(p) {
		return n, io.EOF
	}
	return n, nil
}

func humanBytes(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
