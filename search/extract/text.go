package extract

import (
	"bytes"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// looksLikeText reports whether b (or its first 8 KiB) reads as text: a UTF-16 BOM, or
// no NUL bytes and few other control characters.
func looksLikeText(b []byte) bool {
	if bytes.HasPrefix(b, bomUTF16LE) || bytes.HasPrefix(b, bomUTF16BE) {
		return true
	}
	if len(b) > 8192 {
		b = b[:8192]
	}
	ctl := 0
	for _, c := range b {
		switch {
		case c == 0:
			return false
		case c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B:
			ctl++
		}
	}
	return ctl*20 <= len(b)
}

// decodeText converts text in an unknown encoding to UTF-8: a BOM decides; otherwise
// valid UTF-8 is taken as is, and anything else is read as GB18030 (a superset of GBK and
// GB2312), or as Windows-1252 if it does not decode cleanly as GB18030 either.
// It returns the text and the charset name used.
func decodeText(b []byte) (string, string) {
	switch {
	case bytes.HasPrefix(b, bomUTF8):
		return string(b[len(bomUTF8):]), "utf-8"
	case bytes.HasPrefix(b, bomUTF16LE):
		return decodeWith(unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), b), "utf-16le"
	case bytes.HasPrefix(b, bomUTF16BE):
		return decodeWith(unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), b), "utf-16be"
	case utf8.Valid(b):
		return string(b), "utf-8"
	}
	if s, ok := decodeGB18030(b); ok {
		return s, "gb18030"
	}
	return decodeWith(charmap.Windows1252, b), "windows-1252"
}

// decodeGB18030 decodes b as GB18030 and reports whether it looked like GB text (few
// undecodable sequences).
func decodeGB18030(b []byte) (string, bool) {
	s := decodeWith(simplifiedchinese.GB18030, b)
	bad := strings.Count(s, "\uFFFD")
	return s, bad*50 <= utf8.RuneCountInString(s)
}

func decodeWith(e encoding.Encoding, b []byte) string {
	out, err := e.NewDecoder().Bytes(b)
	if err != nil {
		return strings.ToValidUTF8(string(b), "")
	}
	return string(out)
}

// textCharset names the charset of text for a Content-Type parameter. With only the
// head of a file (complete false) a rune cut at the end is ignored.
func textCharset(b []byte, complete bool) string {
	if !complete {
		b = headOf4K(b)
		// A rune cut at the end of the head does not make it invalid.
		for i := len(b) - 1; i >= 0 && i >= len(b)-3; i-- {
			if utf8.RuneStart(b[i]) {
				if !utf8.FullRune(b[i:]) {
					b = b[:i]
				}
				break
			}
		}
	}
	if len(b) == 0 {
		return "utf-8"
	}
	_, cs := decodeText(b)
	return cs
}

func headOf4K(b []byte) []byte {
	if len(b) > 4096 {
		return b[:4096]
	}
	return b
}

// extractText handles TXT, MD, CSV and other plain text.
func extractText(x *job) error {
	if !looksLikeText(x.data) {
		return &fileError{StatusUnsupported, "the file does not contain text"}
	}
	s, _ := decodeText(x.data)
	const chunk = 1 << 20
	for len(s) > 0 {
		if err := x.check(); err != nil {
			return err
		}
		n := min(chunk, len(s))
		if err := x.out.WriteString(s[:n]); err != nil {
			return err
		}
		s = s[n:]
	}
	return nil
}

// decodeHTML converts an HTML document to UTF-8: a BOM decides, then valid UTF-8 is
// taken as is, then a <meta charset> declaration, then the guesses of decodeText.
func decodeHTML(b []byte) string {
	if bytes.HasPrefix(b, bomUTF8) || bytes.HasPrefix(b, bomUTF16LE) || bytes.HasPrefix(b, bomUTF16BE) || utf8.Valid(b) {
		s, _ := decodeText(b)
		return s
	}
	e, name, _ := charset.DetermineEncoding(b, "")
	// DetermineEncoding falls back to windows-1252 when nothing is declared; only take
	// that answer when the document does declare a charset.
	declared := name != "utf-8" && (name != "windows-1252" || bytes.Contains(bytes.ToLower(headOf4K(b)), []byte("charset")))
	if declared {
		return decodeWith(e, b)
	}
	s, _ := decodeText(b)
	return s
}

// htmlSkip are elements whose content is not shown.
var htmlSkip = map[string]bool{
	"script": true, "style": true, "noscript": true, "template": true, "iframe": true,
	"noembed": true, "noframes": true, "object": true,
}

// htmlBlock are elements that start and end a line.
var htmlBlock = map[string]bool{
	"address": true, "article": true, "aside": true, "blockquote": true, "br": true,
	"caption": true, "dd": true, "div": true, "dl": true, "dt": true, "fieldset": true,
	"figcaption": true, "figure": true, "footer": true, "form": true, "h1": true, "h2": true,
	"h3": true, "h4": true, "h5": true, "h6": true, "header": true, "hr": true, "li": true,
	"main": true, "nav": true, "ol": true, "p": true, "pre": true, "section": true,
	"table": true, "tr": true, "ul": true, "title": true, "body": true, "option": true,
}

// extractHTML writes the visible text of an HTML document: no script, style or other
// hidden elements, block elements on their own lines, table cells separated by tabs.
func extractHTML(x *job) error {
	z := html.NewTokenizer(strings.NewReader(decodeHTML(x.data)))
	skipName, skipDepth := "", 0
	for n := 0; ; n++ {
		if n%1024 == 0 {
			if err := x.check(); err != nil {
				return err
			}
		}
		tt := z.Next()
		var err error
		switch tt {
		case html.ErrorToken:
			if z.Err() == io.EOF {
				return nil
			}
			return failf("the HTML file could not be read")
		case html.TextToken:
			if skipDepth == 0 {
				err = x.out.WriteString(string(z.Text()))
			}
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			nameb, _ := z.TagName()
			name := string(nameb)
			switch {
			case skipDepth > 0:
				if name == skipName && tt == html.StartTagToken {
					skipDepth++
				} else if name == skipName && tt == html.EndTagToken {
					skipDepth--
				}
			case htmlSkip[name] && tt == html.StartTagToken:
				skipName, skipDepth = name, 1
			case htmlBlock[name]:
				x.out.EndLine()
			case name == "td" || name == "th":
				if tt != html.EndTagToken {
					err = x.out.WriteString("\t")
				}
			}
		}
		if err != nil {
			return err
		}
	}
}
