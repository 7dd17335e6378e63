package extract

import (
	"bytes"
	"compress/zlib"
	"encoding/ascii85"
	"io"
	"math"
)

// pdfPrecheck scans the raw file before the PDF library parses it:
//
//   - numbers the library turns into allocations (/Size and /Index of cross-reference
//     streams, the subsection headers of cross-reference tables, /W field widths,
//     predictor /Columns) must be sane;
//   - every Flate stream (after ASCII85, and through nested Flate layers) is inflated
//     into a counter: non-image streams together may not exceed
//     Limits.MaxZipEntryBytes, images (which are never parsed) eight times that.
//
// Names are decoded (#xx escapes) and the whole file is scanned, stream data included,
// so tricks that hide a key from a naive search do not hide it from the check.
func pdfPrecheck(x *job, d []byte) error {
	tooMany := func() error { return tooLargef("the PDF file has too many objects") }
	for i := 0; i < len(d); i++ {
		if i&(1<<20-1) == 0 {
			if err := x.check(); err != nil {
				return err
			}
		}
		switch d[i] {
		case '/':
			name, j := pdfNameAt(d, i+1)
			switch name {
			case "Size":
				if n, _, ok := pdfIntAt(d, j); ok && n > maxPDFObjects {
					return tooMany()
				}
			case "Columns":
				if n, _, ok := pdfIntAt(d, j); ok && n > maxPDFColumns {
					return pdfDamaged()
				}
			case "W":
				ok := true
				pdfIntArrayAt(d, j, func(k int, n int64) bool {
					ok = n >= 0 && n <= maxPDFXrefWidth
					return ok
				})
				if !ok {
					return pdfDamaged()
				}
			case "Index":
				ok, start := true, int64(0)
				pdfIntArrayAt(d, j, func(k int, n int64) bool {
					if k%2 == 0 {
						start = n
						return true
					}
					ok = start >= 0 && n >= 0 && start <= maxPDFObjects && n <= maxPDFObjects-start
					return ok
				})
				if !ok {
					return tooMany()
				}
			}
		case 'x':
			if bytes.HasPrefix(d[i:], []byte("xref")) && (i == 0 || !isPDFRegular(d[i-1])) &&
				(i+4 == len(d) || !isPDFRegular(d[i+4])) {
				if !xrefTableSane(d, i+4) {
					return tooMany()
				}
			}
		}
	}
	return pdfStreamBudget(x, d)
}

func isPDFRegular(c byte) bool { return !isPDFSpace(c) && !isPDFDelim(c) }

// pdfNameAt decodes the name starting at d[i] (after the slash). Names longer than 64
// bytes are returned empty: none of the keys checked is that long.
func pdfNameAt(d []byte, i int) (string, int) {
	var b [64]byte
	n := 0
	for i < len(d) && isPDFRegular(d[i]) {
		c := d[i]
		i++
		if c == '#' && i+1 < len(d) && isHex(d[i]) && isHex(d[i+1]) {
			c = unhex(d[i])<<4 | unhex(d[i+1])
			i += 2
		}
		if n == len(b) {
			return "", i
		}
		b[n] = c
		n++
	}
	return string(b[:n]), i
}

// pdfSkip skips white space and comments.
func pdfSkip(d []byte, i int) int {
	for i < len(d) {
		switch {
		case isPDFSpace(d[i]):
			i++
		case d[i] == '%':
			for i < len(d) && d[i] != '\n' && d[i] != '\r' {
				i++
			}
		default:
			return i
		}
	}
	return i
}

// pdfIntAt reads an integer after white space. Integers too big for int64 read as
// math.MaxInt64; a number with a fraction is not an integer.
func pdfIntAt(d []byte, i int) (int64, int, bool) {
	i = pdfSkip(d, i)
	neg := false
	if i < len(d) && (d[i] == '+' || d[i] == '-') {
		neg = d[i] == '-'
		i++
	}
	start := i
	var n int64
	for i < len(d) && d[i] >= '0' && d[i] <= '9' {
		if n > (math.MaxInt64-9)/10 {
			n = math.MaxInt64
		} else {
			n = n*10 + int64(d[i]-'0')
		}
		i++
	}
	if i == start || (i < len(d) && d[i] == '.') {
		return 0, i, false
	}
	if neg {
		n = -n
	}
	return n, i, true
}

// pdfIntArrayAt calls fn for the integers of the array starting at d[i] until fn
// returns false or the array ends.
func pdfIntArrayAt(d []byte, i int, fn func(k int, n int64) bool) {
	i = pdfSkip(d, i)
	if i >= len(d) || d[i] != '[' {
		return
	}
	i++
	for k := 0; ; k++ {
		n, j, ok := pdfIntAt(d, i)
		if !ok || !fn(k, n) {
			return
		}
		i = j
	}
}

// xrefTableSane checks the subsection headers of a cross-reference table ("start count"
// lines, each followed by count entries) starting at d[i].
func xrefTableSane(d []byte, i int) bool {
	for {
		start, j, ok1 := pdfIntAt(d, i)
		count, j, ok2 := pdfIntAt(d, j)
		if !ok1 || !ok2 {
			return true // not a header: the table (or the file) ends here
		}
		if start < 0 || count < 0 || start > maxPDFObjects || count > maxPDFObjects-start {
			return false
		}
		i = j
		for k := int64(0); k < count; k++ {
			_, j, ok1 := pdfIntAt(d, i)
			_, j, ok2 := pdfIntAt(d, j)
			j = pdfSkip(d, j)
			if !ok1 || !ok2 || j >= len(d) || (d[j] != 'n' && d[j] != 'f') {
				return true
			}
			i = j + 1
		}
	}
}

// pdfStreamBudget inflates every Flate stream into a counter.
func pdfStreamBudget(x *job, d []byte) error {
	budget := x.lim.MaxZipEntryBytes
	images := budget
	if images <= math.MaxInt64/imageBudgetX {
		images *= imageBudgetX
	}
	tooLarge := func() error {
		return tooLargef("the document expands to more than %s when decompressed", humanBytes(budget))
	}
	kw := []byte("stream")
	for i := 0; ; {
		k := bytes.Index(d[i:], kw)
		if k < 0 {
			return nil
		}
		s := i + k
		i = s + len(kw)
		if s >= 3 && string(d[s-3:s]) == "end" {
			continue
		}
		body := i
		switch {
		case body+1 < len(d) && d[body] == '\r' && d[body+1] == '\n':
			body += 2
		case body < len(d) && (d[body] == '\n' || d[body] == '\r'):
			body++
		default:
			continue
		}
		if err := x.check(); err != nil {
			return err
		}
		filters, image := streamDict(d, s)
		left := &budget
		if image {
			left = &images
		}
		n, ok := inflatedSize(x, d[body:], filters, min(*left, math.MaxInt64-1)+1)
		if !ok {
			continue
		}
		if *left -= n; *left < 0 {
			return tooLarge()
		}
	}
}

// streamDict looks back from a stream keyword to its dictionary (after "N G obj") and
// returns its filter names in order and whether it is an image. A dictionary that cannot
// be found, or holds strings or comments, is not taken for an image.
func streamDict(d []byte, s int) (filters []string, image bool) {
	from := max(0, s-8192)
	region := d[from:s]
	o := -1
	for k := len(region) - 3; k >= 0; k-- {
		if region[k] == 'o' && region[k+1] == 'b' && region[k+2] == 'j' &&
			(k == 0 || isPDFSpace(region[k-1])) && (k+3 == len(region) || !isPDFRegular(region[k+3])) {
			o = k + 3
			break
		}
	}
	if o < 0 {
		return nil, false
	}
	region = region[o:]
	clean := !bytes.ContainsAny(region, "()%")
	var has struct{ image, width, height, objstm bool }
	for k := 0; k < len(region); k++ {
		if region[k] != '/' {
			continue
		}
		name, j := pdfNameAt(region, k+1)
		k = j - 1
		switch name {
		case "FlateDecode", "Fl", "ASCII85Decode", "A85":
			filters = append(filters, name)
		case "Image":
			has.image = true
		case "Width":
			has.width = true
		case "Height":
			has.height = true
		case "ObjStm":
			has.objstm = true
		}
	}
	return filters, clean && has.image && has.width && has.height && !has.objstm
}

// inflatedSize decodes a stream's data with its filters (or, if none is named, with
// Flate when the data starts with a zlib header), then with Flate again for as long as
// the output is itself zlib data, and counts the result up to limit bytes.
func inflatedSize(x *job, data []byte, filters []string, limit int64) (int64, bool) {
	var r io.Reader = bytes.NewReader(data)
	flate := false
	for _, f := range filters {
		switch f {
		case "ASCII85Decode", "A85":
			r = ascii85.NewDecoder(&a85Filter{r: r})
		default:
			zr, err := zlib.NewReader(r)
			if err != nil {
				return 0, false
			}
			r, flate = zr, true
		}
	}
	if !flate && len(filters) == 0 {
		if !isZlibHeader(data) {
			return 0, false
		}
		zr, err := zlib.NewReader(r)
		if err != nil {
			return 0, false
		}
		r = zr
	}
	for layer := 0; layer < 4; layer++ {
		br := bytesPeeker{r: r}
		head := br.peek(2)
		r = br.reader()
		if !isZlibHeader(head) {
			break
		}
		zr, err := zlib.NewReader(r)
		if err != nil {
			break
		}
		r = zr
	}
	n, _ := io.Copy(io.Discard, io.LimitReader(&ctxReader{x: x, r: r}, limit))
	return n, true
}

func isZlibHeader(b []byte) bool {
	return len(b) >= 2 && b[0]&0x0F == 8 && b[0]>>4 <= 7 && (uint16(b[0])<<8|uint16(b[1]))%31 == 0
}

// bytesPeeker reads the first bytes of a reader and gives them back.
type bytesPeeker struct {
	r    io.Reader
	head []byte
}

func (p *bytesPeeker) peek(n int) []byte {
	buf := make([]byte, n)
	k, _ := io.ReadFull(p.r, buf)
	p.head = buf[:k]
	return p.head
}

func (p *bytesPeeker) reader() io.Reader {
	return io.MultiReader(bytes.NewReader(p.head), p.r)
}

// a85Filter drops white space and ends at the ~> marker, as PDF ASCII85 data needs.
type a85Filter struct {
	r    io.Reader
	done bool
}

func (f *a85Filter) Read(p []byte) (int, error) {
	if f.done {
		return 0, io.EOF
	}
	n, err := f.r.Read(p)
	w := 0
	for _, c := range p[:n] {
		if c == '~' {
			f.done = true
			break
		}
		if c > ' ' {
			p[w] = c
			w++
		}
	}
	if f.done && w == 0 {
		return 0, io.EOF
	}
	return w, err
}

// ctxReader checks the context on every read.
type ctxReader struct {
	x *job
	r io.Reader
}

func (c *ctxReader) Read(p []byte) (int, error) {
	if err := c.x.check(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}
