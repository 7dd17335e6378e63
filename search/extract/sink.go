package extract

import (
	"errors"
	"strings"
	"unicode"
	"unicode/utf8"
)

// errSinkFull is returned (or panicked, deep inside a parser callback) once the output
// reached Limits.MaxTextBytes; extraction stops and the result is Truncated.
var errSinkFull = errors.New("extract: text limit reached")

// sink collects extracted text, normalising whitespace as it goes so that the byte limit
// applies to the final text:
//
//   - CR and CRLF become LF; other line and paragraph separators become LF too;
//   - a run of horizontal white space becomes one space, or one tab if it holds a tab;
//   - white space at the start and end of every line is dropped;
//   - more than two line breaks in a row become two (one blank line);
//   - control characters, U+FEFF and U+FFFD are dropped, invalid UTF-8 is dropped;
//   - the Latin ligatures U+FB00–U+FB06 (ﬁ, ﬂ, …) are spelled out.
type sink struct {
	b         strings.Builder
	limit     int
	nl        int  // pending line breaks
	space     byte // pending separator: 0, ' ' or '\t'
	cr        bool // last rune was CR (to fold CRLF)
	truncated bool
}

var ligatures = [...]string{"ff", "fi", "fl", "ffi", "ffl", "st", "st"}

func newSink(limit int) *sink { return &sink{limit: limit} }

// Truncated reports whether text was dropped because of the limit.
func (s *sink) Truncated() bool { return s.truncated }

// String returns the text so far.
func (s *sink) String() string { return s.b.String() }

// Len returns the number of bytes of text so far.
func (s *sink) Len() int { return s.b.Len() }

// WriteString adds text. It returns errSinkFull once the limit has been reached.
func (s *sink) WriteString(str string) error {
	if s.truncated {
		return errSinkFull
	}
	for i := 0; i < len(str); {
		r, size := utf8.DecodeRuneInString(str[i:])
		i += size
		if r == utf8.RuneError && size <= 1 {
			s.cr = false
			continue // invalid UTF-8
		}
		if !s.writeRune(r) {
			return errSinkFull
		}
	}
	return nil
}

// Newline ends the current line (paragraph break, page break, row end…).
func (s *sink) Newline() error { return s.WriteString("\n") }

// EndLine ends the current line unless it is already ended: unlike Newline it never
// makes a blank line.
func (s *sink) EndLine() {
	if s.nl == 0 && s.b.Len() > 0 {
		s.nl = 1
		s.space = 0
	}
}

// BlankLine separates sections (pages, slides, sheets).
func (s *sink) BlankLine() error { return s.WriteString("\n\n") }

func (s *sink) writeRune(r rune) bool {
	wasCR := s.cr
	s.cr = r == '\r'
	switch {
	case r == '\n' && wasCR:
		return true
	case r == '\n' || r == '\r' || r == '\v' || r == '\f' || r == 0x85 || r == 0x2028 || r == 0x2029:
		if s.nl < 2 {
			s.nl++
		}
		s.space = 0
		return true
	case r == '\t':
		s.space = '\t'
		return true
	case unicode.IsSpace(r) || r == 0x200B:
		if s.space == 0 {
			s.space = ' '
		}
		return true
	case unicode.IsControl(r) || r == 0xFEFF || r == utf8.RuneError || (r >= 0xFFF9 && r <= 0xFFFB):
		return true
	case r >= 0xFB00 && r <= 0xFB06:
		// Typographic ligatures (PDFs are full of them) would hide words from search.
		for _, c := range ligatures[r-0xFB00] {
			if !s.writeRune(c) {
				return false
			}
		}
		return true
	}
	// A visible character: flush the pending separator first (never at the very start).
	var sep string
	if s.b.Len() > 0 {
		switch {
		case s.nl > 0:
			sep = "\n\n"[:s.nl]
		case s.space == '\t':
			sep = "\t"
		case s.space == ' ':
			sep = " "
		}
	}
	if s.b.Len()+len(sep)+utf8.RuneLen(r) > s.limit {
		s.truncated = true
		return false
	}
	s.b.WriteString(sep)
	s.b.WriteRune(r)
	s.nl, s.space = 0, 0
	return true
}
