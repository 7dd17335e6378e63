package extract

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ledongthuc/pdf"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// PDF text extraction.
//
// github.com/ledongthuc/pdf parses the file structure: cross-reference tables and
// streams, object streams, encryption with an empty user password, fonts and their
// encodings (ToUnicode CMaps, WinAnsi, Differences, Identity-H, UniGB-UCS2-H). Three
// things are written here instead:
//
//   - pdfPrecheck: the library allocates tables from numbers in the file (/Size, /Index,
//     /W, /Columns) and inflates object streams without limits; the precheck rejects
//     absurd numbers and measures every Flate stream against Limits.MaxZipEntryBytes
//     before the library sees the file.
//   - the page walk: Reader.Page trusts /Count and loops forever on a cyclic page tree;
//     pdfPages walks /Kids itself, skipping nodes already seen, with depth and node caps.
//   - the content-stream interpreter: the library's Content and GetPlainText buffer
//     every glyph of a page, cannot be cancelled and keep stream order; the interpreter
//     here reads each content stream through the decompression budget, checks the
//     context, caps its operand stack, follows form XObjects, tracks text positions and
//     orders the text by lines (top to bottom, left to right).

const (
	maxPDFObjects   = 1 << 21 // cross-reference entries (the library allocates a table)
	maxPDFXrefWidth = 16      // bytes per field of a cross-reference stream
	maxPDFColumns   = 1 << 20 // predictor columns (the library allocates a row)
	maxPDFNodes     = 1 << 18 // page-tree nodes visited
	maxPDFDepth     = 64      // page-tree depth
	maxPDFFormDepth = 8       // nested form XObjects
	maxPDFForms     = 2048    // form XObjects drawn per page
	maxPDFToUnicode = 4 << 20 // bytes of one ToUnicode CMap
	maxPDFRuns      = 1 << 18 // positioned text pieces kept per page
	maxPDFString    = 1 << 16 // bytes kept of one string operand
	maxPDFOperands  = 64      // operand stack
	maxPDFArray     = 1 << 16 // elements kept of one array operand
	imageBudgetX    = 8       // Flate images may inflate to this many times the budget
)

func pdfDamaged() error { return failf("the PDF file is damaged or not valid") }

func extractPDF(x *job) error {
	data := x.data
	// Tolerate junk after the last %%EOF (mail gateways append some); the library wants
	// the marker near the end.
	if i := bytes.LastIndex(data, []byte("%%EOF")); i > 0 {
		data = data[:i+5]
	}
	if err := pdfPrecheck(x, data); err != nil {
		return err
	}
	ra := &readerAt{ctx: x.ctx, data: data}
	if bytes.HasPrefix(data, []byte("%PDF-2.")) {
		ra.head = []byte("%PDF-1.7") // the library only accepts 1.x headers; 2.0 parses alike
	}
	r, err := pdf.NewReader(ra, int64(len(data)))
	if err != nil {
		if x.ctx.Err() != nil {
			return errCanceled
		}
		if errors.Is(err, pdf.ErrInvalidPassword) || strings.Contains(strings.ToLower(err.Error()), "encrypt") {
			return errEncrypted
		}
		return pdfDamaged()
	}
	encrypted := safely(func() error {
		if r.Trailer().Key("Encrypt").IsNull() {
			return nil
		}
		return errEncrypted
	}) != nil
	pages, err := pdfPages(x, r)
	if err != nil {
		return err
	}
	if len(pages) == 0 {
		return pdfDamaged()
	}
	pe := &pdfExtractor{
		x:     x,
		left:  x.lim.MaxZipEntryBytes,
		fonts: map[string]*pdfFont{},
	}
	good := 0
	for i, pg := range pages {
		if err := x.check(); err != nil {
			return err
		}
		if i > 0 {
			if err := x.out.BlankLine(); err != nil {
				return err
			}
		}
		runs, perr := pe.page(pg)
		if err := emitRuns(x.out, runs); err != nil {
			return err
		}
		var fe *fileError
		switch {
		case perr == nil:
			good++
		case errors.Is(perr, errCanceled), errors.Is(perr, errSinkFull), errors.As(perr, &fe):
			return perr
		}
	}
	if x.out.Len() == 0 {
		if good == 0 {
			return pdfDamaged()
		}
		if encrypted {
			// Decryption with the empty password "worked" but nothing readable came
			// out: the library got the key wrong (it does for 40-bit RC4).
			return &fileError{StatusEncrypted, "the PDF is encrypted in a way that cannot be read"}
		}
	}
	return nil
}

// pdfPage is a leaf of the page tree with its (possibly inherited) resources.
type pdfPage struct {
	v, res pdf.Value
}

// pdfPages lists the pages in order, walking /Kids with caps so that a cyclic or huge
// page tree cannot loop or exhaust memory.
func pdfPages(x *job, r *pdf.Reader) (pages []pdfPage, err error) {
	defer func() {
		if p := recover(); p != nil {
			if x.ctx.Err() != nil {
				err = errCanceled
				return
			}
			err = pdfDamaged()
		}
	}()
	type item struct {
		v, res pdf.Value
		depth  int
	}
	root := r.Trailer().Key("Root").Key("Pages")
	stack := []item{{root, root.Key("Resources"), 0}}
	pushed := 1
	// A node's dictionary text (references unresolved) identifies it: a node met again
	// (a cycle, or a page listed twice) is skipped.
	seen := map[string]bool{}
	for n := 0; len(stack) > 0; n++ {
		if n%256 == 0 {
			if err := x.check(); err != nil {
				return nil, err
			}
		}
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if id := it.v.String(); seen[id] {
			continue
		} else {
			seen[id] = true
		}
		typ := it.v.Key("Type").Name()
		kids := it.v.Key("Kids")
		if typ == "Pages" || (typ != "Page" && kids.Kind() == pdf.Array) {
			if it.depth >= maxPDFDepth {
				continue
			}
			var batch []item
			for i := 0; i < kids.Len() && pushed < maxPDFNodes; i++ {
				k := kids.Index(i)
				res := k.Key("Resources")
				if res.IsNull() {
					res = it.res
				}
				batch = append(batch, item{k, res, it.depth + 1})
				pushed++
			}
			for i := len(batch) - 1; i >= 0; i-- {
				stack = append(stack, batch[i])
			}
			continue
		}
		if typ == "Page" || !it.v.Key("Contents").IsNull() {
			pages = append(pages, pdfPage{it.v, it.res})
		}
	}
	return pages, nil
}

// pdfExtractor holds the state shared by the pages of one document.
type pdfExtractor struct {
	x     *job
	left  int64               // decompression budget for content streams and CMaps
	fonts map[string]*pdfFont // by the font dictionary's text (references unresolved)

	// per page
	runs      []textRun
	runBytes  int
	forms     int
	pageFull  bool
	textLimit int
}

func (pe *pdfExtractor) tooLarge() error {
	return tooLargef("the document expands to more than %s when decompressed", humanBytes(pe.x.lim.MaxZipEntryBytes))
}

// errPageFull stops a page once it has produced more text than can be kept.
var errPageFull = errors.New("extract: page text limit")

// page interprets one page's content and returns its positioned text.
func (pe *pdfExtractor) page(pg pdfPage) (runs []textRun, err error) {
	pe.runs, pe.runBytes, pe.forms, pe.pageFull = nil, 0, 0, false
	pe.textLimit = min(pe.x.lim.MaxTextBytes, math.MaxInt32)*2 + 4096
	defer func() {
		runs = pe.runs
		if p := recover(); p != nil {
			if e, ok := p.(error); ok {
				var fe *fileError
				if errors.Is(e, errCanceled) || errors.As(e, &fe) {
					err = e
					return
				}
				if errors.Is(e, errPageFull) {
					err = nil
					return
				}
			}
			if pe.x.ctx.Err() != nil {
				err = errCanceled
				return
			}
			err = pdfDamaged()
		}
	}()
	in := &interp{pe: pe, res: pg.res, g: gstate{ctm: identity, th: 1}, fontByName: map[string]*pdfFont{}}
	in.run(pg.v.Key("Contents"))
	return pe.runs, nil
}

// streamReader opens the decoded data of a stream (or an array of streams, read as
// one) through the decompression budget. Streams the library cannot decode are skipped.
func (pe *pdfExtractor) streamReader(v pdf.Value) io.Reader {
	var parts []io.Reader
	add := func(s pdf.Value) {
		if s.Kind() != pdf.Stream {
			return
		}
		var rd io.Reader
		func() {
			defer func() {
				if p := recover(); p != nil {
					rd = nil
				}
			}()
			rd = s.Reader()
		}()
		if rd != nil {
			parts = append(parts, &panicSafeReader{rd}, strings.NewReader("\n"))
		}
	}
	if v.Kind() == pdf.Array {
		for i := 0; i < v.Len() && i < 4096; i++ {
			add(v.Index(i))
		}
	} else {
		add(v)
	}
	return &budgetReader{r: io.MultiReader(parts...), left: &pe.left, x: pe.x, tooLarge: pe.tooLarge}
}

// panicSafeReader turns a panic in a library decoder into a read error.
type panicSafeReader struct{ r io.Reader }

func (p *panicSafeReader) Read(b []byte) (n int, err error) {
	defer func() {
		if r := recover(); r != nil {
			n, err = 0, errors.New("extract: bad stream")
		}
	}()
	return p.r.Read(b)
}

// --- fonts ---

// pdfFont is what the interpreter needs of a font: a decoder and glyph widths.
type pdfFont struct {
	decode    func(raw string) string
	type0     bool
	first     int
	widths    []float64       // simple fonts, from FirstChar
	cidWidths map[int]float64 // Type0 fonts with Identity encoding: width by CID (from /W)
	missing   float64         // width of codes without one (thousandths of an em)
	exact     bool            // widths come from the font, not from an estimate
}

func (f *pdfFont) width(code byte) float64 {
	if i := int(code) - f.first; i >= 0 && i < len(f.widths) {
		return f.widths[i]
	}
	return f.missing
}

// latin1Font decodes printable ASCII only: the fallback when a font cannot be used.
var latin1Font = &pdfFont{missing: 500, decode: func(raw string) string {
	var b strings.Builder
	for i := 0; i < len(raw); i++ {
		if c := raw[i]; c >= 0x20 && c < 0x7F {
			b.WriteByte(c)
		}
	}
	return b.String()
}}

// font returns the font for a font dictionary, cached across pages.
func (pe *pdfExtractor) font(v pdf.Value) *pdfFont {
	if v.Kind() != pdf.Dict {
		return latin1Font
	}
	key := v.String()
	if f, ok := pe.fonts[key]; ok {
		return f
	}
	f := pe.loadFont(v)
	if len(pe.fonts) < 4096 {
		pe.fonts[key] = f
	}
	return f
}

func (pe *pdfExtractor) loadFont(v pdf.Value) (f *pdfFont) {
	defer func() {
		if p := recover(); p != nil {
			if e, ok := p.(error); ok {
				var fe *fileError
				if errors.Is(e, errCanceled) || errors.As(e, &fe) {
					panic(e)
				}
			}
			f = latin1Font
		}
	}()
	f = &pdfFont{missing: 500}
	if v.Key("Subtype").Name() == "Type0" {
		f.type0 = true
		f.missing = 1000
		if dw := v.Key("DescendantFonts").Index(0).Key("DW"); dw.Kind() == pdf.Integer || dw.Kind() == pdf.Real {
			f.missing = dw.Float64()
		}
		enc := v.Key("Encoding").Name()
		if enc == "Identity-H" || enc == "Identity-V" {
			f.cidWidths = cidWidths(v.Key("DescendantFonts").Index(0).Key("W"))
			f.exact = len(f.cidWidths) > 0
		}
		switch {
		case strings.Contains(enc, "UCS2") || strings.Contains(enc, "UTF16"):
			f.decode = decodeUTF16BE
			return f
		case strings.HasPrefix(enc, "GB") && (strings.Contains(enc, "EUC") || strings.HasPrefix(enc, "GBK")):
			f.decode = func(raw string) string { return decodeWith(simplifiedchinese.GB18030, []byte(raw)) }
			return f
		}
	} else {
		f.first = int(v.Key("FirstChar").Int64())
		w := v.Key("Widths")
		for i := 0; i < w.Len() && i < 256; i++ {
			f.widths = append(f.widths, w.Index(i).Float64())
		}
		f.exact = len(f.widths) > 0
		if mw := v.Key("FontDescriptor").Key("MissingWidth"); mw.Kind() == pdf.Integer || mw.Kind() == pdf.Real {
			f.missing = mw.Float64()
		}
	}
	// The library parses ToUnicode CMaps without limits: measure the CMap first.
	if tu := v.Key("ToUnicode"); tu.Kind() == pdf.Stream {
		n, err := io.Copy(io.Discard, io.LimitReader(pe.streamReader(tu), maxPDFToUnicode+1))
		var fe *fileError
		if errors.As(err, &fe) || errors.Is(err, errCanceled) {
			panic(err)
		}
		if n > maxPDFToUnicode {
			return latin1Font
		}
	}
	font := pdf.Font{V: v}
	enc := font.Encoder()
	f.decode = enc.Decode
	return f
}

// cidWidths reads a CIDFont /W array: "c [w1 w2 …]" gives widths from CID c on,
// "c1 c2 w" gives CIDs c1 to c2 the width w.
func cidWidths(w pdf.Value) map[int]float64 {
	m := map[int]float64{}
	const maxCIDs = 1 << 16
	for i := 0; i+1 < w.Len() && len(m) < maxCIDs; {
		first, next := w.Index(i), w.Index(i+1)
		if next.Kind() == pdf.Array {
			c := int(first.Int64())
			for j := 0; j < next.Len() && j < maxCIDs; j++ {
				m[c+j] = next.Index(j).Float64()
			}
			i += 2
			continue
		}
		if i+2 >= w.Len() {
			break
		}
		c1, c2, width := int(first.Int64()), int(next.Int64()), w.Index(i+2).Float64()
		for c := c1; c <= c2 && c-c1 < maxCIDs; c++ {
			m[c] = width
		}
		i += 3
	}
	return m
}

func decodeUTF16BE(raw string) string {
	u := make([]uint16, 0, len(raw)/2)
	for i := 0; i+1 < len(raw); i += 2 {
		u = append(u, uint16(raw[i])<<8|uint16(raw[i+1]))
	}
	var b strings.Builder
	for i := 0; i < len(u); i++ {
		r := rune(u[i])
		if r >= 0xD800 && r < 0xDC00 && i+1 < len(u) && u[i+1] >= 0xDC00 && u[i+1] < 0xE000 {
			r = (r-0xD800)<<10 + rune(u[i+1]-0xDC00) + 0x10000
			i++
		}
		b.WriteRune(r)
	}
	return b.String()
}

// --- content streams ---

// matrix is a PDF transformation matrix [a b c d e f].
type matrix [6]float64

var identity = matrix{1, 0, 0, 1, 0, 0}

// mul returns m × n (apply m, then n).
func (m matrix) mul(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2], m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2], m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4], m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

func (m matrix) apply(x, y float64) (float64, float64) {
	return x*m[0] + y*m[2] + m[4], x*m[1] + y*m[3] + m[5]
}

type gstate struct {
	ctm                      matrix
	font                     *pdfFont
	size, tc, tw, th, tl, ts float64
}

// interp interprets the text operators of one content stream (a page or a form).
type interp struct {
	pe         *pdfExtractor
	res        pdf.Value
	g          gstate
	saved      []gstate
	tm, tlm    matrix
	fontByName map[string]*pdfFont
	depth      int
	space      bool // a TJ gap asked for a space before the next text
}

// operand is one value on the operand stack.
type operand struct {
	kind byte // 'n' number, 's' string, '/' name, '[' array
	num  float64
	str  string
	arr  []operand
}

func (in *interp) run(contents pdf.Value) {
	lx := &pdfLexer{r: bufio.NewReaderSize(in.pe.streamReader(contents), 32<<10)}
	var (
		stack              []operand
		arr                []operand
		arrDepth, dictDeep int
	)
	for n := 0; ; n++ {
		if n%1024 == 0 {
			if err := in.pe.x.check(); err != nil {
				panic(err)
			}
		}
		t := lx.next()
		switch t.kind {
		case 0:
			var fe *fileError
			if errors.As(lx.err, &fe) || errors.Is(lx.err, errCanceled) {
				panic(lx.err)
			}
			return
		case 'n', 's', '/':
			op := operand{kind: t.kind, num: t.num, str: t.s}
			switch {
			case dictDeep > 0:
			case arrDepth > 0:
				if len(arr) < maxPDFArray {
					arr = append(arr, op)
				}
			default:
				if len(stack) >= maxPDFOperands {
					stack = stack[:0]
				}
				stack = append(stack, op)
			}
		case '[':
			if dictDeep == 0 {
				if arrDepth == 0 {
					arr = nil
				}
				arrDepth++
			}
		case ']':
			if dictDeep == 0 && arrDepth > 0 {
				if arrDepth--; arrDepth == 0 {
					if len(stack) >= maxPDFOperands {
						stack = stack[:0]
					}
					stack = append(stack, operand{kind: '[', arr: arr})
				}
			}
		case '<':
			dictDeep++
		case '>':
			dictDeep = max(0, dictDeep-1)
		case 'o':
			if dictDeep > 0 || arrDepth > 0 {
				if t.s == "true" || t.s == "false" || t.s == "null" {
					continue
				}
				// Operators never occur inside a dictionary or an array: the stream
				// left one open by mistake.
				dictDeep, arrDepth = 0, 0
			}
			in.op(t.s, stack)
			stack = stack[:0]
			if t.s == "ID" {
				lx.skipInlineImage()
			}
			if in.pe.pageFull {
				panic(errPageFull)
			}
		}
	}
}

// nums returns the last k operands as numbers.
func nums(stack []operand, k int) ([]float64, bool) {
	if len(stack) < k {
		return nil, false
	}
	out := make([]float64, k)
	for i, o := range stack[len(stack)-k:] {
		if o.kind != 'n' {
			return nil, false
		}
		out[i] = o.num
	}
	return out, true
}

func last(stack []operand) (operand, bool) {
	if len(stack) == 0 {
		return operand{}, false
	}
	return stack[len(stack)-1], true
}

func (in *interp) op(op string, stack []operand) {
	g := &in.g
	switch op {
	case "q":
		if len(in.saved) < 256 {
			in.saved = append(in.saved, in.g)
		}
	case "Q":
		if n := len(in.saved); n > 0 {
			in.g = in.saved[n-1]
			in.saved = in.saved[:n-1]
		}
	case "cm":
		if v, ok := nums(stack, 6); ok {
			g.ctm = matrix(v).mul(g.ctm)
		}
	case "BT":
		in.tm, in.tlm = identity, identity
		in.space = false
	case "Tf":
		if len(stack) >= 2 && stack[len(stack)-2].kind == '/' && stack[len(stack)-1].kind == 'n' {
			g.font = in.fontNamed(stack[len(stack)-2].str)
			g.size = stack[len(stack)-1].num
		}
	case "Tc":
		if v, ok := nums(stack, 1); ok {
			g.tc = v[0]
		}
	case "Tw":
		if v, ok := nums(stack, 1); ok {
			g.tw = v[0]
		}
	case "Tz":
		if v, ok := nums(stack, 1); ok {
			g.th = v[0] / 100
		}
	case "TL":
		if v, ok := nums(stack, 1); ok {
			g.tl = v[0]
		}
	case "Ts":
		if v, ok := nums(stack, 1); ok {
			g.ts = v[0]
		}
	case "Td", "TD":
		if v, ok := nums(stack, 2); ok {
			if op == "TD" {
				g.tl = -v[1]
			}
			in.moveLine(v[0], v[1])
		}
	case "Tm":
		if v, ok := nums(stack, 6); ok {
			in.tm, in.tlm = matrix(v), matrix(v)
		}
	case "T*":
		in.moveLine(0, -g.tl)
	case "Tj":
		if s, ok := last(stack); ok && s.kind == 's' {
			in.show(s.str)
		}
	case "'", "\"":
		if op == "\"" {
			if v, ok := nums(stack[:max(0, len(stack)-1)], 2); ok {
				g.tw, g.tc = v[0], v[1]
			}
		}
		in.moveLine(0, -g.tl)
		if s, ok := last(stack); ok && s.kind == 's' {
			in.show(s.str)
		}
	case "TJ":
		a, ok := last(stack)
		if !ok || a.kind != '[' {
			return
		}
		for _, e := range a.arr {
			switch e.kind {
			case 's':
				in.show(e.str)
			case 'n':
				// A move right of a fifth of an em or more is a word gap.
				if e.num <= -200 {
					in.space = true
				}
				in.tm = matrix{1, 0, 0, 1, -e.num / 1000 * g.size * g.th, 0}.mul(in.tm)
			}
		}
	case "Do":
		if s, ok := last(stack); ok && s.kind == '/' {
			in.form(s.str)
		}
	}
}

func (in *interp) moveLine(tx, ty float64) {
	in.tlm = matrix{1, 0, 0, 1, tx, ty}.mul(in.tlm)
	in.tm = in.tlm
}

func (in *interp) fontNamed(name string) *pdfFont {
	if f, ok := in.fontByName[name]; ok {
		return f
	}
	f := in.pe.font(in.res.Key("Font").Key(name))
	if len(in.fontByName) < 1024 {
		in.fontByName[name] = f
	}
	return f
}

// form draws a form XObject: its content, with its matrix and resources.
func (in *interp) form(name string) {
	xo := in.res.Key("XObject").Key(name)
	if xo.Kind() != pdf.Stream || xo.Key("Subtype").Name() != "Form" ||
		in.depth >= maxPDFFormDepth || in.pe.forms >= maxPDFForms {
		return
	}
	in.pe.forms++
	m := identity
	if mv := xo.Key("Matrix"); mv.Len() == 6 {
		for i := range m {
			m[i] = mv.Index(i).Float64()
		}
	}
	res := xo.Key("Resources")
	if res.IsNull() {
		res = in.res
	}
	sub := &interp{
		pe: in.pe, res: res, depth: in.depth + 1, fontByName: map[string]*pdfFont{},
		g: in.g, tm: identity, tlm: identity,
	}
	sub.g.ctm = m.mul(in.g.ctm)
	sub.run(xo)
}

// show places a string at the current text position and advances the position.
func (in *interp) show(raw string) {
	g := &in.g
	f := g.font
	if f == nil {
		f = latin1Font
	}
	text := f.decode(raw)
	adv := 0.0
	switch {
	case f.cidWidths != nil:
		for i := 0; i+1 < len(raw); i += 2 {
			w, ok := f.cidWidths[int(raw[i])<<8|int(raw[i+1])]
			if !ok {
				w = f.missing
			}
			adv += (w/1000*g.size + g.tc) * g.th
		}
	case f.type0:
		n := float64(utf8.RuneCountInString(text))
		adv = n * (f.missing/1000*g.size + g.tc) * g.th
	default:
		for i := 0; i < len(raw); i++ {
			w := f.width(raw[i])/1000*g.size + g.tc
			if raw[i] == ' ' {
				w += g.tw
			}
			adv += w * g.th
		}
	}
	m := in.tm.mul(g.ctm)
	x0, y0 := m.apply(0, g.ts)
	size := math.Abs(g.size) * math.Hypot(m[2], m[3])
	in.tm = matrix{1, 0, 0, 1, adv, 0}.mul(in.tm)
	x1, _ := in.tm.mul(g.ctm).apply(0, g.ts)
	in.pe.addRun(textRun{x: x0, y: y0, x2: x1, size: size, space: in.space, exact: f.exact}, text)
	in.space = false
}

// textRun is a piece of text placed on the page (device space, y up).
type textRun struct {
	x, y, x2, size float64
	text           []byte
	space          bool // a space was asked for before it
	exact          bool // x2 comes from real glyph widths
}

func (pe *pdfExtractor) addRun(r textRun, text string) {
	if text == "" || pe.pageFull {
		return
	}
	if bad(r.x) || bad(r.y) || bad(r.x2) || bad(r.size) {
		r.x, r.y, r.x2, r.size = 0, 0, 0, 0
	}
	pe.runBytes += len(text)
	if pe.runBytes > pe.textLimit || len(pe.runs) >= maxPDFRuns {
		pe.pageFull = true
		return
	}
	// Text that continues where the last piece ended joins it.
	if n := len(pe.runs); n > 0 && !r.space {
		l := &pe.runs[n-1]
		em := math.Max(math.Max(r.size, l.size), 1)
		if gap := r.x - l.x2; math.Abs(r.y-l.y) < 0.2*em && gap > -0.5*em && gap < wordGap(*l)*em {
			l.text = append(l.text, text...)
			l.x2, l.exact = r.x2, r.exact
			return
		}
	}
	r.text = []byte(text)
	pe.runs = append(pe.runs, r)
}

// wordGap is the gap, in ems, after a run that separates words: a tenth of an em (as
// poppler uses) when the run's end is known exactly, more when it is an estimate.
func wordGap(r textRun) float64 {
	if r.exact {
		return 0.1
	}
	return 0.3
}

func bad(f float64) bool { return math.IsNaN(f) || math.IsInf(f, 0) }

// emitRuns writes a page's text in reading order: runs are grouped into lines by their
// baseline (top to bottom), ordered left to right within a line, and joined with a space
// where the gap between them is a word gap (see wordGap, or a TJ gap asked for one).
// Multi-column layouts are read line by line across the columns.
func emitRuns(out *sink, runs []textRun) error {
	sort.SliceStable(runs, func(i, j int) bool { return runs[i].y > runs[j].y })
	for start := 0; start < len(runs); {
		end := start + 1
		top := runs[start]
		for end < len(runs) {
			em := math.Max(math.Max(top.size, runs[end].size), 1)
			if top.y-runs[end].y > 0.4*em {
				break
			}
			end++
		}
		line := runs[start:end]
		sort.SliceStable(line, func(i, j int) bool { return line[i].x < line[j].x })
		var b []byte
		for i, r := range line {
			if i > 0 && needSpace(line[i-1], r) {
				b = append(b, ' ')
			}
			b = append(b, r.text...)
		}
		if err := out.WriteString(string(b)); err != nil {
			return err
		}
		if err := out.Newline(); err != nil {
			return err
		}
		start = end
	}
	return nil
}

func needSpace(a, b textRun) bool {
	pr, _ := utf8.DecodeLastRune(a.text)
	nr, _ := utf8.DecodeRune(b.text)
	if unicode.IsSpace(pr) || unicode.IsSpace(nr) {
		return false
	}
	em := math.Max(math.Max(a.size, b.size), 1)
	gap := b.x - a.x2
	if gap < -0.5*em {
		return true // drawn over the previous text (a clipped table cell): not the same word
	}
	if unicode.Is(unicode.Han, pr) && unicode.Is(unicode.Han, nr) {
		// Chinese has no spaces between words, and justified lines spread the
		// characters: only a wide gap (table columns) separates.
		return gap > 5*wordGap(a)*em
	}
	return b.space || gap > wordGap(a)*em
}
