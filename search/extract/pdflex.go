package extract

import "bufio"

// The tokenizer for PDF content streams used by the interpreter in pdf.go. Tokens are
// bounded: strings keep at most maxPDFString bytes, names and operators 256.

type pdfToken struct {
	kind byte // 0 end, 'n' number, 's' string, '/' name, 'o' operator, '[', ']', '<' (<<), '>' (>>)
	num  float64
	s    string
}

// pdfLexer tokenises a content stream with bounded token sizes.
type pdfLexer struct {
	r   *bufio.Reader
	err error
}

func isPDFSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func isPDFDelim(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

func (l *pdfLexer) readByte() (byte, bool) {
	c, err := l.r.ReadByte()
	if err != nil {
		l.err = err
		return 0, false
	}
	return c, true
}

func (l *pdfLexer) next() pdfToken {
	for {
		c, ok := l.readByte()
		if !ok {
			return pdfToken{}
		}
		switch {
		case isPDFSpace(c):
			continue
		case c == '%':
			for c != '\n' && c != '\r' {
				if c, ok = l.readByte(); !ok {
					return pdfToken{}
				}
			}
			continue
		case c == '(':
			return pdfToken{kind: 's', s: l.literal()}
		case c == '<':
			if n, err := l.r.Peek(1); err == nil && n[0] == '<' {
				l.r.ReadByte()
				return pdfToken{kind: '<'}
			}
			return pdfToken{kind: 's', s: l.hex()}
		case c == '>':
			if n, err := l.r.Peek(1); err == nil && n[0] == '>' {
				l.r.ReadByte()
				return pdfToken{kind: '>'}
			}
			continue
		case c == '[' || c == ']':
			return pdfToken{kind: c}
		case c == '/':
			return pdfToken{kind: '/', s: l.name()}
		case c == ')' || c == '{' || c == '}':
			continue
		}
		word := l.word(c)
		if f, ok := parsePDFNumber(word); ok {
			return pdfToken{kind: 'n', num: f}
		}
		return pdfToken{kind: 'o', s: word}
	}
}

// word reads a run of regular characters (at most 256 are kept).
func (l *pdfLexer) word(c byte) string {
	b := []byte{c}
	for {
		n, err := l.r.Peek(1)
		if err != nil || isPDFSpace(n[0]) || isPDFDelim(n[0]) {
			return string(b)
		}
		l.r.ReadByte()
		if len(b) < 256 {
			b = append(b, n[0])
		}
	}
}

func parsePDFNumber(w string) (float64, bool) {
	if w == "" || len(w) > 64 {
		return 0, false
	}
	digits := false
	for i := 0; i < len(w); i++ {
		switch c := w[i]; {
		case c >= '0' && c <= '9':
			digits = true
		case c == '.' || ((c == '-' || c == '+') && i == 0):
		default:
			return 0, false
		}
	}
	if !digits {
		return 0, false
	}
	var f float64
	neg := w[0] == '-'
	if w[0] == '-' || w[0] == '+' {
		w = w[1:]
	}
	frac, scale := false, 1.0
	for i := 0; i < len(w); i++ {
		if w[i] == '.' {
			frac = true
			continue
		}
		d := float64(w[i] - '0')
		if frac {
			scale /= 10
			f += d * scale
		} else {
			f = f*10 + d
		}
	}
	if neg {
		f = -f
	}
	return f, true
}

func (l *pdfLexer) name() string {
	var b []byte
	for {
		n, err := l.r.Peek(1)
		if err != nil || isPDFSpace(n[0]) || isPDFDelim(n[0]) {
			return string(b)
		}
		l.r.ReadByte()
		c := n[0]
		if c == '#' {
			if h, err := l.r.Peek(2); err == nil && isHex(h[0]) && isHex(h[1]) {
				c = unhex(h[0])<<4 | unhex(h[1])
				l.r.Discard(2)
			}
		}
		if len(b) < 256 {
			b = append(b, c)
		}
	}
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case c >= '0' && c <= '9':
		return c - '0'
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10
	}
	return 0
}

// literal reads a (string) after its opening parenthesis.
func (l *pdfLexer) literal() string {
	var b []byte
	put := func(c byte) {
		if len(b) < maxPDFString {
			b = append(b, c)
		}
	}
	depth := 1
	for {
		c, ok := l.readByte()
		if !ok {
			return string(b)
		}
		switch c {
		case '(':
			depth++
			put(c)
		case ')':
			if depth--; depth == 0 {
				return string(b)
			}
			put(c)
		case '\\':
			e, ok := l.readByte()
			if !ok {
				return string(b)
			}
			switch e {
			case 'n':
				put('\n')
			case 'r':
				put('\r')
			case 't':
				put('\t')
			case 'b':
				put('\b')
			case 'f':
				put('\f')
			case '\r':
				if n, err := l.r.Peek(1); err == nil && n[0] == '\n' {
					l.r.ReadByte()
				}
			case '\n':
			default:
				if e >= '0' && e <= '7' {
					v := e - '0'
					for k := 0; k < 2; k++ {
						n, err := l.r.Peek(1)
						if err != nil || n[0] < '0' || n[0] > '7' {
							break
						}
						l.r.ReadByte()
						v = v<<3 | (n[0] - '0')
					}
					put(v)
				} else {
					put(e)
				}
			}
		default:
			put(c)
		}
	}
}

// hex reads a <hex string> after its opening bracket.
func (l *pdfLexer) hex() string {
	var b []byte
	var hi byte
	half := false
	for {
		c, ok := l.readByte()
		if !ok || c == '>' {
			break
		}
		if !isHex(c) {
			continue
		}
		if !half {
			hi, half = unhex(c), true
			continue
		}
		if len(b) < maxPDFString {
			b = append(b, hi<<4|unhex(c))
		}
		half = false
	}
	if half && len(b) < maxPDFString {
		b = append(b, hi<<4)
	}
	return string(b)
}

// skipInlineImage skips the binary data of an inline image, after its ID operator, up to
// and including the EI operator.
func (l *pdfLexer) skipInlineImage() {
	prevSpace := true
	for {
		c, ok := l.readByte()
		if !ok {
			return
		}
		if c == 'E' && prevSpace {
			n, err := l.r.Peek(2)
			if err == nil && n[0] == 'I' && (isPDFSpace(n[1]) || isPDFDelim(n[1])) {
				l.r.ReadByte()
				return
			}
			if err != nil && len(n) == 1 && n[0] == 'I' { // EI at the very end
				l.r.ReadByte()
				return
			}
		}
		prevSpace = isPDFSpace(c)
	}
}
