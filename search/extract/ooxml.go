package extract

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"path"
	"sort"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
	"golang.org/x/net/html/charset"
)

const (
	// maxZipEntries caps the parts of an office file (real ones have tens to a few
	// thousand); it bounds the memory archive/zip spends on the central directory.
	maxZipEntries = 20000
	// maxXMLDepth caps element nesting in office XML (real documents stay far below).
	maxXMLDepth = 256
)

// zipPkg is an opened office package (OOXML) with a decompression budget.
type zipPkg struct {
	x     *job
	files map[string]*zip.File // by lower-case part name
	left  int64                // uncompressed bytes still allowed
}

func openZip(x *job, label string) (*zipPkg, error) {
	if bytes.Count(x.data, []byte("PK\x01\x02")) > maxZipEntries {
		return nil, tooLargef("the file has more than %d parts", maxZipEntries)
	}
	zr, err := zip.NewReader(&readerAt{ctx: x.ctx, data: x.data}, int64(len(x.data)))
	if err != nil {
		if x.ctx.Err() != nil {
			return nil, errCanceled
		}
		return nil, failf("the %s file is damaged or not valid", label)
	}
	p := &zipPkg{x: x, files: make(map[string]*zip.File, len(zr.File)), left: x.lim.MaxZipEntryBytes}
	for _, f := range zr.File {
		if f.Flags&0x1 != 0 {
			return nil, errEncrypted // legacy ZIP encryption
		}
		p.files[strings.ToLower(strings.TrimPrefix(strings.ReplaceAll(f.Name, `\`, "/"), "/"))] = f
	}
	return p, nil
}

func (p *zipPkg) has(name string) bool { return p.files[strings.ToLower(name)] != nil }

// open returns a reader for a part, charging its size against the budget: the declared
// size up front (so a bomb that admits its size fails at once) and the bytes actually
// inflated as they are read.
func (p *zipPkg) open(name string) (io.ReadCloser, error) {
	f := p.files[strings.ToLower(name)]
	if f == nil {
		return nil, failf("the document has no part %s", name)
	}
	if f.UncompressedSize64 > uint64(p.left) {
		return nil, p.tooLarge()
	}
	rc, err := f.Open()
	if err != nil {
		return nil, failf("the document part %s cannot be read", name)
	}
	return &budgetReader{r: rc, c: rc, left: &p.left, x: p.x, tooLarge: p.tooLarge}, nil
}

func (p *zipPkg) tooLarge() error {
	return tooLargef("the document expands to more than %s when decompressed", humanBytes(p.x.lim.MaxZipEntryBytes))
}

// budgetReader counts inflated bytes against a shared budget and checks the context.
type budgetReader struct {
	r        io.Reader
	c        io.Closer
	left     *int64
	x        *job
	tooLarge func() error
}

func (b *budgetReader) Read(p []byte) (int, error) {
	if err := b.x.check(); err != nil {
		return 0, err
	}
	if *b.left < 0 {
		return 0, b.tooLarge()
	}
	if rem := *b.left; rem < int64(len(p)) {
		p = p[:rem+1] // one byte past the budget is enough to notice
	}
	n, err := b.r.Read(p)
	*b.left -= int64(n)
	if *b.left < 0 {
		return n, b.tooLarge()
	}
	return n, err
}

func (b *budgetReader) Close() error {
	if b.c != nil {
		return b.c.Close()
	}
	return nil
}

// walkXML streams the tokens of one part to fn, with a nesting cap and context checks.
func (p *zipPkg) walkXML(name string, fn func(xml.Token) error) error {
	rc, err := p.open(name)
	if err != nil {
		return err
	}
	defer rc.Close()
	d := xml.NewDecoder(rc)
	d.CharsetReader = charset.NewReaderLabel
	depth := 0
	for n := 0; ; n++ {
		if n%1024 == 0 {
			if err := p.x.check(); err != nil {
				return err
			}
		}
		tok, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			var fe *fileError
			if errors.As(err, &fe) || errors.Is(err, errCanceled) {
				return err
			}
			return failf("the document part %s is damaged", name)
		}
		switch tok.(type) {
		case xml.StartElement:
			if depth++; depth > maxXMLDepth {
				return failf("the document part %s is nested too deeply", name)
			}
		case xml.EndElement:
			depth--
		}
		if err := fn(tok); err != nil {
			return err
		}
	}
}

// rel is one relationship of a part, with its target resolved to a part name.
type rel struct {
	id, typ, target string
}

// rels reads the relationships of a part ("" for the package itself).
func (p *zipPkg) rels(part string) []rel {
	dir, base := path.Split(part)
	relsName := dir + "_rels/" + base + ".rels"
	if !p.has(relsName) {
		return nil
	}
	var out []rel
	_ = p.walkXML(relsName, func(tok xml.Token) error {
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Local != "Relationship" {
			return nil
		}
		var r rel
		external := false
		for _, a := range se.Attr {
			switch a.Name.Local {
			case "Id":
				r.id = a.Value
			case "Type":
				r.typ = a.Value
			case "Target":
				r.target = a.Value
			case "TargetMode":
				external = strings.EqualFold(a.Value, "External")
			}
		}
		if !external && r.target != "" {
			r.target = resolvePart(dir, r.target)
			out = append(out, r)
		}
		if len(out) > maxZipEntries {
			return failf("too many relationships")
		}
		return nil
	})
	return out
}

func resolvePart(dir, target string) string {
	target = strings.ReplaceAll(target, `\`, "/")
	if strings.HasPrefix(target, "/") {
		return strings.TrimPrefix(path.Clean(target), "/")
	}
	return strings.TrimPrefix(path.Clean("/"+dir+target), "/")
}

// mainPart finds the package's main document part from its relationships.
func (p *zipPkg) mainPart(fallback string) string {
	for _, r := range p.rels("") {
		if strings.HasSuffix(r.typ, "/officeDocument") && p.has(r.target) {
			return r.target
		}
	}
	return fallback
}

// partsLike lists parts in dir whose base name is prefix + optional number + ".xml",
// in number order.
func (p *zipPkg) partsLike(dir, prefix string) []string {
	type numbered struct {
		name string
		n    int
	}
	var found []numbered
	for name := range p.files {
		d, base := path.Split(name)
		if d != strings.ToLower(dir) || !strings.HasPrefix(base, prefix) || !strings.HasSuffix(base, ".xml") {
			continue
		}
		num := strings.TrimSuffix(strings.TrimPrefix(base, prefix), ".xml")
		n, err := strconv.Atoi(num)
		if num == "" {
			n, err = 0, nil
		}
		if err == nil {
			found = append(found, numbered{name, n})
		}
	}
	sort.Slice(found, func(i, j int) bool {
		if found[i].n != found[j].n {
			return found[i].n < found[j].n
		}
		return found[i].name < found[j].name
	})
	out := make([]string, len(found))
	for i, f := range found {
		out[i] = f.name
	}
	return out
}

// ooxmlText writes the text of a WordprocessingML or DrawingML part: the character data
// of t elements (w:t, a:t, m:t), tabs and breaks inside runs, a line per paragraph.
// Deleted text, field codes and the VML fallbacks of mc:AlternateContent (which repeat
// the text of the chosen branch) are left out, as are slide-number and date fields.
func (p *zipPkg) ooxmlText(part string) error {
	out := p.x.out
	inT := false
	runDepth := 0
	skipDepth, depth := 0, 0
	return p.walkXML(part, func(tok xml.Token) error {
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if skipDepth > 0 {
				return nil
			}
			switch t.Name.Local {
			case "Fallback", "fld", "instrText", "delText":
				skipDepth = depth
			case "t":
				inT = true
			case "r":
				runDepth++
			case "tab", "ptab":
				if runDepth > 0 {
					return out.WriteString("\t")
				}
			case "br", "cr":
				return out.Newline()
			case "noBreakHyphen":
				return out.WriteString("-")
			}
		case xml.EndElement:
			depth--
			if skipDepth > 0 {
				if depth < skipDepth {
					skipDepth = 0
				}
				return nil
			}
			switch t.Name.Local {
			case "t":
				inT = false
			case "r":
				runDepth = max(0, runDepth-1)
			case "p", "tr":
				return out.Newline()
			case "tc":
				return out.WriteString("\t")
			}
		case xml.CharData:
			if inT && skipDepth == 0 {
				return out.WriteString(string(t))
			}
		}
		return nil
	})
}

// extractDOCX writes the body of a Word document, then its headers, footers, footnotes
// and endnotes.
func extractDOCX(x *job) error {
	p, err := openZip(x, "DOCX")
	if err != nil {
		return err
	}
	main := p.mainPart("word/document.xml")
	if !p.has(main) {
		return failf("the DOCX file has no document body")
	}
	if err := p.ooxmlText(main); err != nil {
		return err
	}
	dir := path.Dir(main) + "/"
	var extra []string
	for _, prefix := range []string{"header", "footer", "footnotes", "endnotes"} {
		extra = append(extra, p.partsLike(dir, prefix)...)
	}
	for _, part := range extra {
		if err := x.out.BlankLine(); err != nil {
			return err
		}
		if err := p.ooxmlText(part); err != nil {
			return err
		}
	}
	return nil
}

// extractPPTX writes the slides of a presentation in show order, each followed by its
// speaker notes.
func extractPPTX(x *job) error {
	p, err := openZip(x, "PPTX")
	if err != nil {
		return err
	}
	pres := p.mainPart("ppt/presentation.xml")
	if !p.has(pres) {
		return failf("the PPTX file has no presentation part")
	}
	byID := map[string]string{}
	for _, r := range p.rels(pres) {
		if strings.HasSuffix(r.typ, "/slide") {
			byID[r.id] = r.target
		}
	}
	var slides []string
	err = p.walkXML(pres, func(tok xml.Token) error {
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Local != "sldId" {
			return nil
		}
		for _, a := range se.Attr {
			if a.Name.Local == "id" && a.Name.Space != "" && byID[a.Value] != "" {
				slides = append(slides, byID[a.Value])
			}
		}
		if len(slides) > maxZipEntries {
			return tooLargef("the presentation has more than %d slides", maxZipEntries)
		}
		return nil
	})
	if err != nil {
		return err
	}
	if len(slides) == 0 { // no usable slide list: fall back to the part names
		slides = p.partsLike(path.Dir(pres)+"/slides/", "slide")
	}
	for i, slide := range slides {
		if !p.has(slide) {
			continue
		}
		if i > 0 {
			if err := x.out.BlankLine(); err != nil {
				return err
			}
		}
		if err := p.ooxmlText(slide); err != nil {
			return err
		}
		for _, r := range p.rels(slide) {
			if strings.HasSuffix(r.typ, "/notesSlide") && p.has(r.target) {
				if err := x.out.Newline(); err != nil {
					return err
				}
				if err := p.ooxmlText(r.target); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// extractXLSX writes every sheet of a workbook: its name on a line, then one line per
// row with the non-empty cells (as Excel formats them) separated by tabs.
func extractXLSX(x *job) error {
	// Check the budget with our own reader first: it reports a zip bomb, legacy
	// encryption and too many parts the same way as for DOCX and PPTX.
	p, err := openZip(x, "XLSX")
	if err != nil {
		return err
	}
	var total uint64
	for _, f := range p.files {
		total += f.UncompressedSize64
		if total > uint64(x.lim.MaxZipEntryBytes) {
			return p.tooLarge()
		}
	}
	if !p.has(p.mainPart("xl/workbook.xml")) {
		return failf("the XLSX file has no workbook")
	}
	f, err := excelize.OpenReader(bytes.NewReader(x.data), excelize.Options{
		UnzipSizeLimit:    x.lim.MaxZipEntryBytes,
		UnzipXMLSizeLimit: x.lim.MaxZipEntryBytes, // keep sheets in memory: no temp files
	})
	if err != nil {
		if x.ctx.Err() != nil {
			return errCanceled
		}
		if strings.Contains(err.Error(), "unzip size") {
			return p.tooLarge()
		}
		return failf("the XLSX file is damaged or not valid")
	}
	defer f.Close()
	for i, sheet := range f.GetSheetList() {
		if err := x.check(); err != nil {
			return err
		}
		rows, err := f.Rows(sheet)
		if err != nil {
			continue // chart sheets and dialog sheets have no rows
		}
		if i > 0 {
			if err := x.out.BlankLine(); err != nil {
				rows.Close()
				return err
			}
		}
		err = writeRows(x, sheet, rows)
		rows.Close()
		if err != nil {
			return err
		}
	}
	return nil
}

// cellSpace turns the line breaks and tabs inside a cell into spaces, so that they do not
// split the row.
var cellSpace = strings.NewReplacer("\t", " ", "\r", " ", "\n", " ")

func writeRows(x *job, sheet string, rows *excelize.Rows) error {
	if err := x.out.WriteString(sheet); err != nil {
		return err
	}
	if err := x.out.Newline(); err != nil {
		return err
	}
	var line strings.Builder
	for n := 0; rows.Next(); n++ {
		if n%256 == 0 {
			if err := x.check(); err != nil {
				return err
			}
		}
		cols, err := rows.Columns()
		if err != nil {
			return failf("the sheet %q is damaged", sheet)
		}
		line.Reset()
		for _, c := range cols {
			if strings.TrimSpace(c) == "" {
				continue
			}
			if line.Len() > 0 {
				line.WriteByte('\t')
			}
			line.WriteString(cellSpace.Replace(c))
			if line.Len() > x.lim.MaxTextBytes {
				break
			}
		}
		if line.Len() == 0 {
			continue
		}
		if err := x.out.WriteString(line.String()); err != nil {
			return err
		}
		if err := x.out.Newline(); err != nil {
			return err
		}
	}
	return nil
}
