package extract

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"compress/zlib"
	"context"
	"crypto/md5"
	"crypto/rc4"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"math/rand"
	"runtime"
	"strings"
	"testing"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// The fixtures below are real files built in code: OOXML packages written part by part
// with archive/zip, workbooks written by excelize, and PDFs written by a small PDF
// writer (objects, cross-reference table, trailer) with standard fonts.

const (
	zhTitle = "宽带故障排查步骤"
	zhStep  = "检查光猫指示灯"
	zhNote  = "备注：先重启光猫再测速"
)

func extract(t testing.TB, name string, data []byte, lim Limits) Result {
	t.Helper()
	res, err := Extract(context.Background(), name, bytes.NewReader(data), lim)
	if err != nil {
		t.Fatalf("Extract(%s): unexpected error %v", name, err)
	}
	checkResult(t, res, lim)
	return res
}

// checkResult asserts the invariants every result must hold.
func checkResult(t testing.TB, res Result, lim Limits) {
	t.Helper()
	switch res.Status {
	case StatusOK, StatusUnsupported, StatusFailed, StatusEncrypted, StatusTooLarge, StatusTimeout:
	default:
		t.Fatalf("unknown status %q", res.Status)
	}
	if (res.Status == StatusOK) != (res.Err == "") {
		t.Fatalf("status %s with Err %q", res.Status, res.Err)
	}
	if !utf8.ValidString(res.Text) {
		t.Fatalf("text is not valid UTF-8")
	}
	if max := lim.withDefaults().MaxTextBytes; len(res.Text) > max {
		t.Fatalf("text has %d bytes, limit %d", len(res.Text), max)
	}
	if res.ContentType == "" {
		t.Fatalf("no content type")
	}
}

func wantOK(t *testing.T, res Result) {
	t.Helper()
	if res.Status != StatusOK {
		t.Fatalf("status %s (%s), want OK; text %q", res.Status, res.Err, res.Text)
	}
}

func wantContains(t *testing.T, text string, subs ...string) {
	t.Helper()
	for _, s := range subs {
		if !strings.Contains(text, s) {
			t.Errorf("text does not contain %q:\n%s", s, text)
		}
	}
}

func wantNotContains(t *testing.T, text string, subs ...string) {
	t.Helper()
	for _, s := range subs {
		if strings.Contains(text, s) {
			t.Errorf("text contains %q:\n%s", s, text)
		}
	}
}

func wantOrder(t *testing.T, text string, subs ...string) {
	t.Helper()
	at := -1
	for _, s := range subs {
		i := strings.Index(text, s)
		if i < 0 || i < at {
			t.Fatalf("want %q in this order, text:\n%s", subs, text)
		}
		at = i
	}
}

// --- OOXML fixtures ---

type part struct{ name, body string }

func buildZip(t testing.TB, parts ...part) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, p := range parts {
		w, err := zw.Create(p.name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.WriteString(w, p.body); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

const xmlHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

const (
	nsPkgRels = `http://schemas.openxmlformats.org/package/2006/relationships`
	nsRel     = `http://schemas.openxmlformats.org/officeDocument/2006/relationships`
	nsW       = `http://schemas.openxmlformats.org/wordprocessingml/2006/main`
	nsA       = `http://schemas.openxmlformats.org/drawingml/2006/main`
	nsP       = `http://schemas.openxmlformats.org/presentationml/2006/main`
	relType   = `http://schemas.openxmlformats.org/officeDocument/2006/relationships/`
	ctPrefix  = `application/vnd.openxmlformats-officedocument.`
)

func rels(rs ...[3]string) string {
	var b strings.Builder
	b.WriteString(xmlHead + `<Relationships xmlns="` + nsPkgRels + `">`)
	for _, r := range rs {
		fmt.Fprintf(&b, `<Relationship Id="%s" Type="%s%s" Target="%s"/>`, r[0], relType, r[1], r[2])
	}
	b.WriteString(`</Relationships>`)
	return b.String()
}

func contentTypes(overrides ...[2]string) string {
	var b strings.Builder
	b.WriteString(xmlHead + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>`)
	for _, o := range overrides {
		fmt.Fprintf(&b, `<Override PartName="%s" ContentType="%s%s"/>`, o[0], ctPrefix, o[1])
	}
	b.WriteString(`</Types>`)
	return b.String()
}

func wpara(runs string) string { return `<w:p>` + runs + `</w:p>` }
func wrun(text string) string {
	return `<w:r><w:t xml:space="preserve">` + text + `</w:t></w:r>`
}

// buildDOCX writes a Word document with a body (paragraphs, a tab, a line break, a
// table, a field, tracked deletion, alternate content, a footnote reference), a header,
// a footer and footnotes.
func buildDOCX(t testing.TB) []byte {
	wDoc := `xmlns:w="` + nsW + `" xmlns:r="` + nsRel + `"`
	document := xmlHead + `<w:document ` + wDoc +
		` xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"` +
		` xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" mc:Ignorable="w14"><w:body>` +
		`<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="2880"/></w:tabs></w:pPr>` + wrun(zhTitle) + `</w:p>` +
		wpara(wrun("Step 1:")+`<w:r><w:tab/><w:t>`+zhStep+`</w:t><w:br/><w:t>Restart the ONT</w:t></w:r>`) +
		wpara(wrun("Page ")+`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>`+
			`<w:r><w:fldChar w:fldCharType="separate"/></w:r>`+wrun("7")+`<w:r><w:fldChar w:fldCharType="end"/></w:r>`) +
		wpara(`<w:del w:id="1" w:author="QA" w:date="2024-01-01T00:00:00Z"><w:r><w:delText>已删除的文字</w:delText></w:r></w:del>`+wrun("保留的文字")) +
		wpara(`<w:r><mc:AlternateContent><mc:Choice Requires="w14"><w:t>替代内容</w:t></mc:Choice>`+
			`<mc:Fallback><w:t>替代内容</w:t></mc:Fallback></mc:AlternateContent></w:r>`) +
		wpara(wrun("See note")+`<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="1"/></w:r>`) +
		`<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="2000"/><w:gridCol w:w="2000"/></w:tblGrid>` +
		`<w:tr><w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr>` + wpara(wrun("端口")) + `</w:tc>` +
		`<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr>` + wpara(wrun("LAN1")) + `</w:tc></w:tr></w:tbl>` +
		wpara(wrun("End of body")) +
		`<w:sectPr><w:headerReference w:type="default" r:id="rId2"/><w:footerReference w:type="default" r:id="rId3"/>` +
		`<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr>` +
		`</w:body></w:document>`
	header := xmlHead + `<w:hdr ` + wDoc + `>` + wpara(wrun("内部资料 Internal")) + `</w:hdr>`
	footer := xmlHead + `<w:ftr ` + wDoc + `>` + wpara(wrun("Footer text")) + `</w:ftr>`
	footnotes := xmlHead + `<w:footnotes ` + wDoc + `>` +
		`<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>` +
		`<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>` +
		`<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r>` + wrun(" 脚注：光猫型号 HG8245") + `</w:p></w:footnote></w:footnotes>`
	settings := xmlHead + `<w:settings ` + wDoc + `><w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr></w:settings>`
	return buildZip(t,
		part{"[Content_Types].xml", contentTypes(
			[2]string{"/word/document.xml", "wordprocessingml.document.main+xml"},
			[2]string{"/word/header1.xml", "wordprocessingml.header+xml"},
			[2]string{"/word/footer1.xml", "wordprocessingml.footer+xml"},
			[2]string{"/word/footnotes.xml", "wordprocessingml.footnotes+xml"},
			[2]string{"/word/settings.xml", "wordprocessingml.settings+xml"},
		)},
		part{"_rels/.rels", rels([3]string{"rId1", "officeDocument", "word/document.xml"})},
		part{"word/_rels/document.xml.rels", rels(
			[3]string{"rId1", "settings", "settings.xml"},
			[3]string{"rId2", "header", "header1.xml"},
			[3]string{"rId3", "footer", "footer1.xml"},
			[3]string{"rId4", "footnotes", "footnotes.xml"},
		)},
		part{"word/document.xml", document},
		part{"word/settings.xml", settings},
		part{"word/header1.xml", header},
		part{"word/footer1.xml", footer},
		part{"word/footnotes.xml", footnotes},
	)
}

const theme = xmlHead + `<a:theme xmlns:a="` + nsA + `" name="Office"><a:themeElements>` +
	`<a:clrScheme name="Office"><a:dk1><a:srgbClr val="000000"/></a:dk1><a:lt1><a:srgbClr val="FFFFFF"/></a:lt1>` +
	`<a:dk2><a:srgbClr val="1F497D"/></a:dk2><a:lt2><a:srgbClr val="EEECE1"/></a:lt2><a:accent1><a:srgbClr val="4F81BD"/></a:accent1>` +
	`<a:accent2><a:srgbClr val="C0504D"/></a:accent2><a:accent3><a:srgbClr val="9BBB59"/></a:accent3><a:accent4><a:srgbClr val="8064A2"/></a:accent4>` +
	`<a:accent5><a:srgbClr val="4BACC6"/></a:accent5><a:accent6><a:srgbClr val="F79646"/></a:accent6><a:hlink><a:srgbClr val="0000FF"/></a:hlink>` +
	`<a:folHlink><a:srgbClr val="800080"/></a:folHlink></a:clrScheme>` +
	`<a:fontScheme name="Office"><a:majorFont><a:latin typeface="Calibri"/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont>` +
	`<a:minorFont><a:latin typeface="Calibri"/><a:ea typeface=""/><a:cs typeface=""/></a:minorFont></a:fontScheme>` +
	`<a:fmtScheme name="Office"><a:fillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill>` +
	`<a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:fillStyleLst><a:lnStyleLst><a:ln w="9525"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln>` +
	`<a:ln w="25400"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="38100"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln></a:lnStyleLst>` +
	`<a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst>` +
	`<a:bgFillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:bgFillStyleLst>` +
	`</a:fmtScheme></a:themeElements></a:theme>`

const pNS = `xmlns:a="` + nsA + `" xmlns:r="` + nsRel + `" xmlns:p="` + nsP + `"`

const emptyTree = `<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>` +
	`<p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/><a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>`

const clrMap = `<p:clrMap bg1="lt1" tx1="dk1" bg2="lt2" tx2="dk2" accent1="accent1" accent2="accent2" accent3="accent3" ` +
	`accent4="accent4" accent5="accent5" accent6="accent6" hlink="hlink" folHlink="folHlink"/>`

// shape is a text box with one paragraph per line.
func shape(id int, ph string, lines ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<p:sp><p:nvSpPr><p:cNvPr id="%d" name="Text %d"/><p:cNvSpPr txBox="1"/><p:nvPr>%s</p:nvPr></p:nvSpPr>`, id, id, ph)
	b.WriteString(`<p:spPr><a:xfrm><a:off x="457200" y="` + fmt.Sprint(400000*id) + `"/><a:ext cx="8229600" cy="400000"/></a:xfrm>` +
		`<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr><p:txBody><a:bodyPr/><a:lstStyle/>`)
	for _, l := range lines {
		b.WriteString(`<a:p>` + l + `</a:p>`)
	}
	b.WriteString(`</p:txBody></p:sp>`)
	return b.String()
}

func arun(text string) string { return `<a:r><a:rPr lang="zh-CN"/><a:t>` + text + `</a:t></a:r>` }

func slide(shapes ...string) string {
	return xmlHead + `<p:sld ` + pNS + `><p:cSld><p:spTree>` + emptyTree + strings.Join(shapes, "") +
		`</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>`
}

// buildPPTX writes a two-slide presentation (with master, layout, theme, notes master).
// The slide list shows slide2.xml first, so slide order must come from the
// presentation, not from the part names; slide 1 has speaker notes.
func buildPPTX(t testing.TB) []byte {
	pres := xmlHead + `<p:presentation ` + pNS + `>` +
		`<p:sldMasterIdLst><p:sldMasterId id="2147483648" r:id="rId1"/></p:sldMasterIdLst>` +
		`<p:notesMasterIdLst><p:notesMasterId r:id="rId5"/></p:notesMasterIdLst>` +
		`<p:sldIdLst><p:sldId id="256" r:id="rId3"/><p:sldId id="257" r:id="rId2"/></p:sldIdLst>` +
		`<p:sldSz cx="9144000" cy="6858000" type="screen4x3"/><p:notesSz cx="6858000" cy="9144000"/></p:presentation>`
	master := xmlHead + `<p:sldMaster ` + pNS + `><p:cSld><p:spTree>` + emptyTree + `</p:spTree></p:cSld>` + clrMap +
		`<p:sldLayoutIdLst><p:sldLayoutId id="2147483649" r:id="rId1"/></p:sldLayoutIdLst></p:sldMaster>`
	layout := xmlHead + `<p:sldLayout ` + pNS + ` preserve="1"><p:cSld name="Custom"><p:spTree>` + emptyTree +
		shape(2, `<p:ph type="title"/>`, arun("Click to edit Master title style")) +
		`</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>`
	notesMaster := xmlHead + `<p:notesMaster ` + pNS + `><p:cSld><p:spTree>` + emptyTree + `</p:spTree></p:cSld>` + clrMap + `</p:notesMaster>`
	first := slide(
		shape(2, "", arun(zhTitle)),
		shape(3, "", arun("Step 1: ")+arun(zhStep), arun("Line two")+`<a:br><a:rPr lang="en-US"/></a:br>`+arun("after break")),
		shape(4, "", `<a:fld id="{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}" type="slidenum"><a:rPr lang="en-US"/><a:t>99</a:t></a:fld>`),
	)
	second := slide(shape(2, "", arun("第二页 Second slide")))
	notes := xmlHead + `<p:notes ` + pNS + `><p:cSld><p:spTree>` + emptyTree +
		shape(2, `<p:ph type="body" idx="1"/>`, arun(zhNote)) +
		`</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:notes>`
	return buildZip(t,
		part{"[Content_Types].xml", contentTypes(
			[2]string{"/ppt/presentation.xml", "presentationml.presentation.main+xml"},
			[2]string{"/ppt/slideMasters/slideMaster1.xml", "presentationml.slideMaster+xml"},
			[2]string{"/ppt/slideLayouts/slideLayout1.xml", "presentationml.slideLayout+xml"},
			[2]string{"/ppt/slides/slide1.xml", "presentationml.slide+xml"},
			[2]string{"/ppt/slides/slide2.xml", "presentationml.slide+xml"},
			[2]string{"/ppt/notesSlides/notesSlide1.xml", "presentationml.notesSlide+xml"},
			[2]string{"/ppt/notesMasters/notesMaster1.xml", "presentationml.notesMaster+xml"},
			[2]string{"/ppt/theme/theme1.xml", "theme+xml"},
			[2]string{"/ppt/theme/theme2.xml", "theme+xml"},
		)},
		part{"_rels/.rels", rels([3]string{"rId1", "officeDocument", "ppt/presentation.xml"})},
		part{"ppt/presentation.xml", pres},
		part{"ppt/_rels/presentation.xml.rels", rels(
			[3]string{"rId1", "slideMaster", "slideMasters/slideMaster1.xml"},
			[3]string{"rId2", "slide", "slides/slide1.xml"},
			[3]string{"rId3", "slide", "slides/slide2.xml"},
			[3]string{"rId4", "theme", "theme/theme1.xml"},
			[3]string{"rId5", "notesMaster", "notesMasters/notesMaster1.xml"},
		)},
		part{"ppt/slideMasters/slideMaster1.xml", master},
		part{"ppt/slideMasters/_rels/slideMaster1.xml.rels", rels(
			[3]string{"rId1", "slideLayout", "../slideLayouts/slideLayout1.xml"},
			[3]string{"rId2", "theme", "../theme/theme1.xml"},
		)},
		part{"ppt/slideLayouts/slideLayout1.xml", layout},
		part{"ppt/slideLayouts/_rels/slideLayout1.xml.rels", rels([3]string{"rId1", "slideMaster", "../slideMasters/slideMaster1.xml"})},
		part{"ppt/slides/slide1.xml", first},
		part{"ppt/slides/_rels/slide1.xml.rels", rels(
			[3]string{"rId1", "slideLayout", "../slideLayouts/slideLayout1.xml"},
			[3]string{"rId2", "notesSlide", "../notesSlides/notesSlide1.xml"},
		)},
		part{"ppt/slides/slide2.xml", second},
		part{"ppt/slides/_rels/slide2.xml.rels", rels([3]string{"rId1", "slideLayout", "../slideLayouts/slideLayout1.xml"})},
		part{"ppt/notesSlides/notesSlide1.xml", notes},
		part{"ppt/notesSlides/_rels/notesSlide1.xml.rels", rels(
			[3]string{"rId1", "notesMaster", "../notesMasters/notesMaster1.xml"},
			[3]string{"rId2", "slide", "../slides/slide1.xml"},
		)},
		part{"ppt/notesMasters/notesMaster1.xml", notesMaster},
		part{"ppt/notesMasters/_rels/notesMaster1.xml.rels", rels([3]string{"rId1", "theme", "../theme/theme2.xml"})},
		part{"ppt/theme/theme1.xml", theme},
		part{"ppt/theme/theme2.xml", theme},
	)
}

// buildXLSX writes a two-sheet workbook with excelize.
func buildXLSX(t testing.TB) []byte {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", "故障表"); err != nil {
		t.Fatal(err)
	}
	rows := [][]any{
		{"编号", "故障", "处理"},
		{1, zhTitle, "重启光猫"},
		{2, "Slow speed", "检查\n线路"},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("故障表", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SetCellValue("故障表", "E7", "远处的单元格"); err != nil {
		t.Fatal(err)
	}
	if _, err := f.NewSheet("Summary"); err != nil {
		t.Fatal(err)
	}
	if err := f.SetCellValue("Summary", "A1", "Total"); err != nil {
		t.Fatal(err)
	}
	if err := f.SetCellValue("Summary", "B1", 3.5); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// --- PDF fixtures ---

// buildPDF writes a PDF from object bodies (object i+1 is objs[i]; object 1 must be
// the catalog): header, objects, cross-reference table, trailer.
func buildPDF(objs []string, trailerExtra string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	offs := make([]int, len(objs)+1)
	for i, o := range objs {
		offs[i+1] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offs[1:] {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, trailerExtra, xref)
	return b.Bytes()
}

func pdfStream(dict string, data []byte) string {
	return fmt.Sprintf("<< %s /Length %d >>\nstream\n%s\nendstream", dict, len(data), data)
}

func deflated(t testing.TB, data []byte) []byte {
	var b bytes.Buffer
	w := zlib.NewWriter(&b)
	w.Write(data)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// asciiPDFObjects is a two-page PDF with the standard Helvetica font. Page one draws its
// lines out of order (to check reading order), a TJ with a word gap, and one line in
// two pieces drawn right piece first.
func asciiPDFObjects() []string {
	page1 := "BT /F1 12 Tf 72 700 Td (Second line comes later) Tj ET\n" +
		"BT /F1 12 Tf 72 720 Td (Broadband troubleshooting guide) Tj ET\n" +
		"BT /F1 12 Tf 72 680 Td [(Word)-333(gap)] TJ ET\n" +
		"BT /F1 12 Tf 300 660 Td (right) Tj ET BT /F1 12 Tf 72 660 Td (left) Tj ET\n"
	page2 := "BT /F1 12 Tf 72 720 Td (Page two text) Tj ET"
	return []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 6 0 R >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 7 0 R >>",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
		pdfStream("", []byte(page1)),
		pdfStream("", []byte(page2)),
	}
}

func buildASCIIPDF() []byte { return buildPDF(asciiPDFObjects(), "") }

func utf16Hex(s string) string {
	var b strings.Builder
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	return b.String()
}

// buildChinesePDF uses the standard CJK font STSong-Light (not embedded, as readers
// supply it) through the predefined CMaps UniGB-UCS2-H and UniGB-UTF16-H, with a
// Flate-compressed content stream.
func buildChinesePDF(t testing.TB) []byte {
	content := "BT /F1 16 Tf 72 720 Td <" + utf16Hex(zhTitle) + "> Tj ET\n" +
		"BT /F2 12 Tf 72 690 Td <" + utf16Hex("第一步："+zhStep) + "> Tj ET\n" +
		"BT /F1 12 Tf 72 660 Td <" + utf16Hex("重启 ONT 设备") + "> Tj ET\n"
	cid := "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light " +
		"/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 6 0 R /DW 1000 >>"
	return buildPDF([]string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R /F2 7 0 R >> >> /Contents 8 0 R >>",
		"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [5 0 R] >>",
		cid,
		"<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] " +
			"/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>",
		"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UTF16-H /DescendantFonts [5 0 R] >>",
		pdfStream("/Filter /FlateDecode", deflated(t, []byte(content))),
	}, "")
}

var passwordPad = []byte{
	0x28, 0xBF, 0x4E, 0x5E, 0x4E, 0x75, 0x8A, 0x41, 0x64, 0x00, 0x4E, 0x56, 0xFF, 0xFA, 0x01, 0x08,
	0x2E, 0x2E, 0x00, 0xB6, 0xD0, 0x68, 0x3E, 0x80, 0x2F, 0x0C, 0xA9, 0xFE, 0x64, 0x53, 0x69, 0x7A,
}

func rc4Bytes(key, data []byte) []byte {
	c, _ := rc4.NewCipher(key)
	out := make([]byte, len(data))
	c.XORKeyStream(out, data)
	return out
}

// buildRC4PDF encrypts the ASCII PDF with the standard security handler (RC4, revision
// 2 with a 40-bit key or revision 3 with a 128-bit key) under an owner password and an
// empty user password: a "protected" PDF that every reader opens without asking.
func buildRC4PDF(bits int) []byte {
	const perms = int32(-3904)
	id := []byte("0123456789abcdef")
	n := bits / 8
	rev := 2
	if bits > 40 {
		rev = 3
	}
	// Algorithm 3: the O entry.
	ownerKey := md5.Sum(append([]byte("owner-secret"), passwordPad[:32-len("owner-secret")]...))
	if rev == 3 {
		for i := 0; i < 50; i++ {
			ownerKey = md5.Sum(ownerKey[:n])
		}
	}
	o := rc4Bytes(ownerKey[:n], passwordPad)
	if rev == 3 {
		for i := 1; i <= 19; i++ {
			o = rc4Bytes(xorKey(ownerKey[:n], byte(i)), o)
		}
	}
	// Algorithm 2: the file key from the empty user password.
	h := md5.New()
	h.Write(passwordPad)
	h.Write(o)
	binary.Write(h, binary.LittleEndian, perms)
	h.Write(id)
	key := h.Sum(nil)[:n]
	if rev == 3 {
		for i := 0; i < 50; i++ {
			sum := md5.Sum(key)
			key = sum[:n]
		}
	}
	// Algorithms 4 and 5: the U entry.
	var u []byte
	if rev == 2 {
		u = rc4Bytes(key, passwordPad)
	} else {
		sum := md5.Sum(append(append([]byte{}, passwordPad...), id...))
		u = rc4Bytes(key, sum[:])
		for i := 1; i <= 19; i++ {
			u = rc4Bytes(xorKey(key, byte(i)), u)
		}
		u = append(u, make([]byte, 16)...)
	}
	// Algorithm 1: each stream with its object's key.
	objs := asciiPDFObjects()
	for i, obj := range objs {
		start := strings.Index(obj, "stream\n")
		if start < 0 {
			continue
		}
		data := []byte(obj[start+7 : strings.LastIndex(obj, "\nendstream")])
		num := i + 1
		ok := md5.Sum(append(append([]byte{}, key...), byte(num), byte(num>>8), byte(num>>16), 0, 0))
		objs[i] = pdfStream("", rc4Bytes(ok[:min(n+5, 16)], data))
	}
	v := 1
	if rev == 3 {
		v = 2
	}
	return buildPDF(objs, fmt.Sprintf(" /ID [<%x> <%x>] /Encrypt << /Filter /Standard /V %d /R %d /Length %d /O <%x> /U <%x> /P %d >>",
		id, id, v, rev, bits, o, u, perms))
}

func xorKey(key []byte, b byte) []byte {
	out := make([]byte, len(key))
	for i := range key {
		out[i] = key[i] ^ b
	}
	return out
}

// buildLockedPDF has an /Encrypt dictionary whose user password is not empty.
func buildLockedPDF() []byte {
	o := strings.Repeat("AB", 32)
	u := strings.Repeat("CD", 32)
	return buildPDF(asciiPDFObjects(), " /ID [<00112233445566778899AABBCCDDEEFF> <00112233445566778899AABBCCDDEEFF>]"+
		" /Encrypt << /Filter /Standard /V 1 /R 2 /Length 40 /O <"+o+"> /U <"+u+"> /P -44 >>")
}

// buildAES256PDF has an AES-256 (V 5, R 6) /Encrypt dictionary.
func buildAES256PDF() []byte {
	h := func(n int) string { return strings.Repeat("5A", n) }
	return buildPDF(asciiPDFObjects(), " /ID [<"+h(16)+"> <"+h(16)+">] /Encrypt << /Filter /Standard /V 5 /R 6 /Length 256"+
		" /CF << /StdCF << /AuthEvent /DocOpen /CFM /AESV3 /Length 32 >> >> /StmF /StdCF /StrF /StdCF"+
		" /O <"+h(48)+"> /U <"+h(48)+"> /OE <"+h(32)+"> /UE <"+h(32)+"> /P -1028 /Perms <"+h(16)+"> >>")
}

// --- bombs ---

// zerosDeflate returns raw DEFLATE data for mib MiB of zero bytes without compressing
// them: one flushed block for 1 MiB, repeated, then an empty final block.
func zerosDeflate(t testing.TB, mib int) []byte {
	var one bytes.Buffer
	w, _ := flate.NewWriter(&one, flate.BestCompression)
	w.Write(make([]byte, 1<<20))
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	out := bytes.Repeat(one.Bytes(), mib)
	return append(out, 0x01, 0x00, 0x00, 0xFF, 0xFF) // final empty stored block
}

// zerosZlib wraps zerosDeflate in a zlib stream with its Adler-32 (for n zero bytes,
// a = 1 and b = n mod 65521).
func zerosZlib(t testing.TB, mib int) []byte {
	n := uint32((int64(mib) << 20) % 65521)
	out := append([]byte{0x78, 0xDA}, zerosDeflate(t, mib)...)
	return binary.BigEndian.AppendUint32(out, n<<16|1)
}

func zerosCRC(mib int) uint32 {
	zero := make([]byte, 1<<20)
	var c uint32
	for i := 0; i < mib; i++ {
		c = crc32.Update(c, crc32.IEEETable, zero)
	}
	return c
}

// zipBombDOCX is a DOCX whose document part inflates to mib MiB of zeros. declared is
// the uncompressed size written in the headers (the truth, or a lie).
func zipBombDOCX(t testing.TB, mib int, declared uint64) []byte {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, p := range []part{
		{"[Content_Types].xml", contentTypes([2]string{"/word/document.xml", "wordprocessingml.document.main+xml"})},
		{"_rels/.rels", rels([3]string{"rId1", "officeDocument", "word/document.xml"})},
	} {
		w, _ := zw.Create(p.name)
		io.WriteString(w, p.body)
	}
	comp := zerosDeflate(t, mib)
	w, err := zw.CreateRaw(&zip.FileHeader{
		Name: "word/document.xml", Method: zip.Deflate, CRC32: zerosCRC(mib),
		CompressedSize64: uint64(len(comp)), UncompressedSize64: declared,
	})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(comp)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// allocDuring reports the bytes allocated while f runs.
func allocDuring(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// --- tests ---

func TestDOCX(t *testing.T) {
	data := buildDOCX(t)
	res := extract(t, "指南.docx", data, Limits{})
	wantOK(t, res)
	if res.ContentType != mimeDOCX {
		t.Errorf("content type %q", res.ContentType)
	}
	wantContains(t, res.Text, zhTitle, "Step 1:\t"+zhStep+"\nRestart the ONT", "Page 7", "保留的文字",
		"端口", "LAN1", "内部资料 Internal", "Footer text", "脚注：光猫型号 HG8245")
	wantNotContains(t, res.Text, "PAGE", "已删除")
	if n := strings.Count(res.Text, "替代内容"); n != 1 {
		t.Errorf("alternate content appears %d times, want 1", n)
	}
	wantOrder(t, res.Text, zhTitle, "End of body", "内部资料", "Footer text", "脚注")
	if !strings.HasPrefix(res.Text, zhTitle+"\n") {
		t.Errorf("text starts %q", res.Text[:min(40, len(res.Text))])
	}
}

func TestPPTX(t *testing.T) {
	res := extract(t, "deck.pptx", buildPPTX(t), Limits{})
	wantOK(t, res)
	if res.ContentType != mimePPTX {
		t.Errorf("content type %q", res.ContentType)
	}
	wantContains(t, res.Text, zhTitle, "Step 1: "+zhStep, "Line two\nafter break", zhNote)
	wantNotContains(t, res.Text, "Click to edit", "99")
	// slide2.xml is listed first in the presentation; slide1's notes follow slide1.
	wantOrder(t, res.Text, "第二页 Second slide", zhTitle, zhNote)
}

func TestXLSX(t *testing.T) {
	res := extract(t, "faults.xlsx", buildXLSX(t), Limits{})
	wantOK(t, res)
	if res.ContentType != mimeXLSX {
		t.Errorf("content type %q", res.ContentType)
	}
	wantContains(t, res.Text, "故障表\n编号\t故障\t处理\n1\t"+zhTitle+"\t重启光猫\n2\tSlow speed\t检查 线路",
		"远处的单元格", "Summary\nTotal\t3.5")
	wantOrder(t, res.Text, "故障表", "远处的单元格", "Summary")
}

func TestOfficeByContent(t *testing.T) {
	// Names lie; content decides.
	res := extract(t, "upload.bin", buildDOCX(t), Limits{})
	wantOK(t, res)
	wantContains(t, res.Text, zhTitle)
	res = extract(t, "slides.docx", buildPPTX(t), Limits{})
	wantOK(t, res)
	wantContains(t, res.Text, zhNote)
	if res.ContentType != mimePPTX {
		t.Errorf("content type %q", res.ContentType)
	}
}

func TestPDF(t *testing.T) {
	res := extract(t, "guide.pdf", buildASCIIPDF(), Limits{})
	wantOK(t, res)
	if res.ContentType != mimePDF {
		t.Errorf("content type %q", res.ContentType)
	}
	want := "Broadband troubleshooting guide\nSecond line comes later\nWord gap\nleft right\n\nPage two text"
	if res.Text != want {
		t.Errorf("text\n%q\nwant\n%q", res.Text, want)
	}
}

func TestPDFChinese(t *testing.T) {
	res := extract(t, "指南.pdf", buildChinesePDF(t), Limits{})
	wantOK(t, res)
	want := zhTitle + "\n第一步：" + zhStep + "\n重启 ONT 设备"
	if res.Text != want {
		t.Errorf("text\n%q\nwant\n%q", res.Text, want)
	}
}

func TestPDFVersion2AndTrailingJunk(t *testing.T) {
	data := buildASCIIPDF()
	data = append([]byte("%PDF-2.0"), data[len("%PDF-1.4"):]...)
	data = append(data, bytes.Repeat([]byte("junk appended by a mail gateway\n"), 10)...)
	res := extract(t, "v2.pdf", data, Limits{})
	wantOK(t, res)
	wantContains(t, res.Text, "Broadband troubleshooting guide", "Page two text")
}

func TestPDFEncryption(t *testing.T) {
	t.Run("empty user password", func(t *testing.T) {
		res := extract(t, "owner-only.pdf", buildRC4PDF(128), Limits{})
		wantOK(t, res)
		wantContains(t, res.Text, "Broadband troubleshooting guide", "Page two text")
	})
	t.Run("empty user password, 40-bit", func(t *testing.T) {
		// ledongthuc/pdf derives 40-bit RC4 object keys wrongly (16 bytes instead of 10),
		// so the streams decrypt to noise: an encrypted PDF that yields no text is
		// reported as ENCRYPTED rather than as an empty success.
		res := extract(t, "owner-only-40.pdf", buildRC4PDF(40), Limits{})
		if res.Status != StatusEncrypted {
			t.Fatalf("status %s (%s), text %q", res.Status, res.Err, res.Text)
		}
	})
	for name, data := range map[string][]byte{"user password": buildLockedPDF(), "AES-256": buildAES256PDF()} {
		t.Run(name, func(t *testing.T) {
			res := extract(t, "locked.pdf", data, Limits{})
			if res.Status != StatusEncrypted && res.Status != StatusFailed {
				t.Fatalf("status %s (%s), want ENCRYPTED or FAILED", res.Status, res.Err)
			}
			if res.Status != StatusEncrypted {
				t.Errorf("status %s, ENCRYPTED expected from the /Encrypt dictionary", res.Status)
			}
			wantNotContains(t, res.Err, "PDF:", "encryption version") // no library internals
		})
	}
}

func TestPDFMalformed(t *testing.T) {
	rnd := rand.New(rand.NewSource(1))
	random := make([]byte, 64<<10)
	rnd.Read(random)
	good := buildASCIIPDF()

	hugeXrefStream := func(sizeKey string) []byte {
		var b bytes.Buffer
		b.WriteString("%PDF-1.5\n")
		b.WriteString("1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n")
		off := b.Len()
		fmt.Fprintf(&b, "2 0 obj\n%s\nendobj\n", pdfStream("/Type /XRef "+sizeKey+" 2000000000 /W [1 4 2] /Root 1 0 R", []byte{1, 0, 0, 0, 9, 0, 0}))
		fmt.Fprintf(&b, "startxref\n%d\n%%%%EOF\n", off)
		return b.Bytes()
	}
	cyclic := buildPDF([]string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
		"<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
		pdfStream("", []byte("BT /F1 12 Tf 72 720 Td (loop) Tj ET")),
	}, "")
	// Operators without operands, unbalanced Q, a bad TJ, an inline image, a font whose
	// ToUnicode is not a CMap and whose Widths is missing, a form that draws itself.
	nasty := buildPDF([]string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /Resources 4 0 R /Contents 5 0 R >>",
		"<< /Font << /F1 6 0 R /F2 8 0 R >> /XObject << /X 7 0 R >> >>",
		pdfStream("", []byte("Q Q Q Tj TJ Tf cm Tm ] ] >> << BT /F2 12 Tf 10 30 Td (weird) Tj /F1 12 Tf 10 10 Td (ok) Tj [(a) 1 /x] TJ ET "+
			"BI /W 1 /H 1 ID \x00\x01EI EI q /X Do")),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
		pdfStream("/Type /XObject /Subtype /Form /Resources 4 0 R", []byte("/X Do BT /F1 10 Tf 200 10 Td (form) Tj ET")),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Widths 99 0 R /ToUnicode 5 0 R >>",
	}, "")

	cases := []struct {
		name  string
		data  []byte
		want  []string
		limit time.Duration
		text  string
	}{
		{"random bytes", random, []string{StatusFailed}, 5 * time.Second, ""},
		{"truncated", good[:len(good)/2], []string{StatusFailed}, 5 * time.Second, ""},
		{"header only", []byte("%PDF-1.4\n%%EOF\n"), []string{StatusFailed}, 5 * time.Second, ""},
		{"huge xref stream", hugeXrefStream("/Size"), []string{StatusTooLarge}, 5 * time.Second, ""},
		{"huge xref stream, escaped key", hugeXrefStream("/S#69ze"), []string{StatusTooLarge}, 5 * time.Second, ""},
		{"cyclic page tree", cyclic, []string{StatusOK}, 10 * time.Second, "loop"},
		{"nasty content", nasty, []string{StatusOK}, 10 * time.Second, "oka"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			start := time.Now()
			res := extract(t, "bad.pdf", c.data, Limits{})
			if took := time.Since(start); took > c.limit {
				t.Errorf("took %s", took)
			}
			if !strings.Contains(strings.Join(c.want, " "), res.Status) {
				t.Fatalf("status %s (%s), want one of %v", res.Status, res.Err, c.want)
			}
			if !strings.Contains(res.Text, c.text) {
				t.Errorf("text %q, want it to contain %q", res.Text, c.text)
			}
		})
	}
}

func TestPDFFlateBomb(t *testing.T) {
	objs := asciiPDFObjects()
	objs[5] = pdfStream("/Filter /FlateDecode", zerosZlib(t, 200))
	data := buildPDF(objs, "")
	lim := Limits{MaxZipEntryBytes: 16 << 20}
	var res Result
	start := time.Now()
	alloc := allocDuring(func() { res = extract(t, "bomb.pdf", data, lim) })
	if res.Status != StatusTooLarge {
		t.Fatalf("status %s (%s), want TOO_LARGE", res.Status, res.Err)
	}
	if took := time.Since(start); took > 10*time.Second {
		t.Errorf("took %s", took)
	}
	if alloc > 64<<20 {
		t.Errorf("allocated %d MiB", alloc>>20)
	}
}

func TestZipBomb(t *testing.T) {
	cases := []struct {
		name     string
		declared uint64
		want     []string
	}{
		{"honest size", 200 << 20, []string{StatusTooLarge}},
		{"size understated", 1000, []string{StatusTooLarge, StatusFailed}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			data := zipBombDOCX(t, 200, c.declared)
			if len(data) > 1<<20 {
				t.Fatalf("bomb is %d bytes", len(data))
			}
			var res Result
			start := time.Now()
			alloc := allocDuring(func() { res = extract(t, "bomb.docx", data, Limits{}) })
			if took := time.Since(start); took > 5*time.Second {
				t.Errorf("took %s", took)
			}
			if alloc > 32<<20 {
				t.Errorf("allocated %d MiB", alloc>>20)
			}
			if !strings.Contains(strings.Join(c.want, " "), res.Status) {
				t.Fatalf("status %s (%s), want %v", res.Status, res.Err, c.want)
			}
		})
	}
	t.Run("xlsx", func(t *testing.T) {
		var b bytes.Buffer
		zw := zip.NewWriter(&b)
		w, _ := zw.Create("xl/workbook.xml")
		io.WriteString(w, "<workbook/>")
		comp := zerosDeflate(t, 200)
		w, _ = zw.CreateRaw(&zip.FileHeader{Name: "xl/worksheets/sheet1.xml", Method: zip.Deflate, CRC32: zerosCRC(200),
			CompressedSize64: uint64(len(comp)), UncompressedSize64: 200 << 20})
		w.Write(comp)
		zw.Close()
		start := time.Now()
		res := extract(t, "bomb.xlsx", b.Bytes(), Limits{})
		if res.Status != StatusTooLarge {
			t.Fatalf("status %s (%s)", res.Status, res.Err)
		}
		if took := time.Since(start); took > 5*time.Second {
			t.Errorf("took %s", took)
		}
	})
	t.Run("too many parts", func(t *testing.T) {
		var b bytes.Buffer
		zw := zip.NewWriter(&b)
		for i := 0; i <= maxZipEntries; i++ {
			zw.CreateHeader(&zip.FileHeader{Name: fmt.Sprint(i), Method: zip.Store})
		}
		w, _ := zw.Create("word/document.xml")
		io.WriteString(w, "<w:document/>")
		zw.Close()
		res := extract(t, "many.docx", b.Bytes(), Limits{})
		if res.Status != StatusTooLarge {
			t.Fatalf("status %s (%s)", res.Status, res.Err)
		}
	})
}

func TestOfficeMalformed(t *testing.T) {
	docx := buildDOCX(t)
	cases := []struct {
		name, file string
		data       []byte
		want       string
	}{
		{"truncated docx", "a.docx", docx[:len(docx)/2], StatusFailed},
		{"truncated xlsx", "a.xlsx", buildXLSX(t)[:2000], StatusFailed},
		{"truncated pptx", "a.pptx", buildPPTX(t)[:3000], StatusFailed},
		{"docx without body", "a.docx", buildZip(t, part{"[Content_Types].xml", contentTypes()}), StatusFailed},
		{"broken xml", "a.docx", buildZip(t, part{"word/document.xml", "<w:document><w:body><w:p><w:t>ok</w:body>"}), StatusFailed},
		{"deep xml", "a.docx", buildZip(t, part{"word/document.xml", strings.Repeat("<a>", 100000)}), StatusFailed},
		{"not a zip", "a.docx", []byte("this is not a zip file at all"), StatusFailed},
		{"zip encryption", "a.docx", func() []byte {
			var b bytes.Buffer
			zw := zip.NewWriter(&b)
			w, _ := zw.CreateHeader(&zip.FileHeader{Name: "word/document.xml", Method: zip.Store, Flags: 1})
			io.WriteString(w, "ciphertext")
			zw.Close()
			return b.Bytes()
		}(), StatusEncrypted},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := extract(t, c.file, c.data, Limits{})
			if res.Status != c.want {
				t.Fatalf("status %s (%s), want %s", res.Status, res.Err, c.want)
			}
		})
	}
}

func TestText(t *testing.T) {
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(zhTitle + "\r\n第一步：" + zhStep + "\r\n")
	if err != nil {
		t.Fatal(err)
	}
	if utf8.ValidString(gbk) {
		t.Fatal("GBK fixture is valid UTF-8")
	}
	utf16le := []byte{0xFF, 0xFE}
	for _, u := range utf16.Encode([]rune("UTF-16 " + zhTitle)) {
		utf16le = binary.LittleEndian.AppendUint16(utf16le, u)
	}
	cases := []struct {
		name, text, want, ctype string
	}{
		{"guide.txt", gbk, zhTitle + "\n第一步：" + zhStep, "text/plain; charset=gb18030"},
		{"utf8.txt", "\uFEFF" + zhTitle + "  \t \n\n\n\nnext", zhTitle + "\n\nnext", "text/plain; charset=utf-8"},
		{"notes.md", "# " + zhTitle + "\n\n- step", "# " + zhTitle + "\n\n- step", "text/markdown; charset=utf-8"},
		{"table.csv", "编号,故障\n1,断网\n", "编号,故障\n1,断网", "text/csv; charset=utf-8"},
		{"wide.txt", string(utf16le), "UTF-16 " + zhTitle, "text/plain; charset=utf-16le"},
		{"noext", "plain words", "plain words", "text/plain; charset=utf-8"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := extract(t, c.name, []byte(c.text), Limits{})
			wantOK(t, res)
			if res.Text != c.want {
				t.Errorf("text %q, want %q", res.Text, c.want)
			}
			if res.ContentType != c.ctype {
				t.Errorf("content type %q, want %q", res.ContentType, c.ctype)
			}
		})
	}
}

func TestHTML(t *testing.T) {
	page := `<!DOCTYPE html><html><head><meta charset="utf-8"><title>宽带 FAQ</title>
<style>body { color: red } .secret { display: none }</style>
<script>var token = "do-not-index"; if (a < b) { alert("x") }</script></head>
<body><h1>` + zhTitle + `</h1><p>Check the&nbsp;ONT &amp; router.</p>
<noscript>enable JavaScript</noscript><template><p>template text</p></template>
<table><tr><td>端口</td><td>LAN1</td></tr></table>
<ul><li>第一步</li><li>第二步</li></ul><script type="module">import x from "y"</script></body></html>`
	res := extract(t, "faq.html", []byte(page), Limits{})
	wantOK(t, res)
	wantContains(t, res.Text, "宽带 FAQ", zhTitle, "Check the ONT & router.", "端口\tLAN1", "第一步\n第二步")
	wantNotContains(t, res.Text, "color", "do-not-index", "alert", "enable JavaScript", "template text", "import")
	if res.ContentType != "text/html; charset=utf-8" {
		t.Errorf("content type %q", res.ContentType)
	}

	gbkBody, _ := simplifiedchinese.GBK.NewEncoder().String("<p>" + zhTitle + "</p>")
	gbkPage := `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body>` + gbkBody + `</body></html>`
	res = extract(t, "gbk.htm", []byte(gbkPage), Limits{})
	wantOK(t, res)
	if res.Text != zhTitle {
		t.Errorf("GBK page text %q", res.Text)
	}
}

func TestUnsupported(t *testing.T) {
	ole := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 1024)...)
	encryptedOOXML := append(append([]byte{}, ole...), []byte("E\x00n\x00c\x00r\x00y\x00p\x00t\x00i\x00o\x00n\x00I\x00n\x00f\x00o\x00")...)
	png := append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), make([]byte, 64)...)
	cases := []struct {
		name   string
		data   []byte
		status string
		ctype  string
		msg    string
	}{
		{"photo.png", png, StatusUnsupported, "image/png", "image"},
		{"scan.jpg", []byte("\xFF\xD8\xFF\xE0\x00\x10JFIF\x00"), StatusUnsupported, "image/jpeg", "image"},
		{"old.doc", ole, StatusUnsupported, mimeDOC, ".docx"},
		{"old.ppt", ole, StatusUnsupported, mimePPT, ".pptx"},
		{"secret.docx", encryptedOOXML, StatusEncrypted, mimeDOCX, "password"},
		{"bundle.zip", buildZip(t, part{"a.txt", "hello"}), StatusUnsupported, mimeZIP, "ZIP"},
		{"fake.zip", []byte("<html><body>not a zip</body></html>"), StatusUnsupported, mimeZIP, "ZIP"},
		{"binary.txt", []byte("\x00\x01\x02\x03binary\x00\x00"), StatusUnsupported, mimeBinary, "unsupported"},
		{"program.exe", []byte("MZ\x90\x00\x03\x00\x00\x00\x04\x00"), StatusUnsupported, mimeBinary, "unsupported"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := extract(t, c.name, c.data, Limits{})
			if res.Status != c.status {
				t.Fatalf("status %s (%s), want %s", res.Status, res.Err, c.status)
			}
			if res.ContentType != c.ctype {
				t.Errorf("content type %q, want %q", res.ContentType, c.ctype)
			}
			if !strings.Contains(res.Err, c.msg) {
				t.Errorf("message %q does not mention %q", res.Err, c.msg)
			}
		})
	}
}

func TestContentType(t *testing.T) {
	docx := buildDOCX(t)
	cases := []struct {
		name string
		head []byte
		want string
	}{
		{"a.pdf", []byte("%PDF-1.7\n"), mimePDF},
		{"a.docx", docx[:512], mimeDOCX},
		{"a.bin", docx[:512], mimeZIP},
		{"A.PPTX", []byte("PK\x03\x04rest"), mimePPTX},
		{"a.xlsx", []byte("PK\x03\x04rest"), mimeXLSX},
		{"report.docx", []byte("%PDF-1.4\n"), mimePDF},
		{`C:\Users\a\Desktop\x.txt`, []byte("hello"), "text/plain; charset=utf-8"},
		{"a.csv", []byte("a,b\n"), "text/csv; charset=utf-8"},
		{"a.md", []byte("# x"), "text/markdown; charset=utf-8"},
		{"a.html", []byte("<html>"), "text/html; charset=utf-8"},
		{"page", []byte("<!DOCTYPE html><html><body>x"), "text/html; charset=utf-8"},
		{"a.txt", []byte("宽带故障排查步骤")[:10], "text/plain; charset=utf-8"}, // cut mid-rune
		{"a.png", []byte("\x89PNG\r\n\x1a\n"), "image/png"},
		{"a.doc", []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, mimeDOC},
		{"a.txt", []byte{0, 1, 2, 3}, mimeBinary},
		{"", nil, "text/plain; charset=utf-8"},
	}
	for _, c := range cases {
		if got := ContentType(c.name, c.head); got != c.want {
			t.Errorf("ContentType(%q, %q) = %q, want %q", c.name, c.head[:min(len(c.head), 12)], got, c.want)
		}
	}
}

func TestNormalise(t *testing.T) {
	s := newSink(1 << 10)
	s.WriteString("  lead \t and\u00a0 trail \r\n\r\n\r\n\r\nnext\x00\x07 line\u3000end\uFEFF\u2028x\xff \ufb01le")
	if got, want := s.String(), "lead\tand trail\n\nnext line end\nx file"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestTruncated(t *testing.T) {
	text := strings.Repeat(zhTitle+" ", 1000)
	for _, name := range []string{"long.txt", "long.docx"} {
		data := []byte(text)
		if name == "long.docx" {
			data = buildZip(t, part{"word/document.xml", `<w:document xmlns:w="` + nsW + `"><w:body>` + wpara(wrun(text)) + `</w:body></w:document>`})
		}
		res := extract(t, name, data, Limits{MaxTextBytes: 100})
		wantOK(t, res)
		if !res.Truncated || len(res.Text) > 100 || len(res.Text) < 90 {
			t.Errorf("%s: truncated %v, %d bytes", name, res.Truncated, len(res.Text))
		}
		if !strings.HasPrefix(res.Text, zhTitle) {
			t.Errorf("%s: text %q", name, res.Text)
		}
	}
	res := extract(t, "short.txt", []byte("short"), Limits{MaxTextBytes: 100})
	if res.Truncated {
		t.Error("short text marked truncated")
	}
}

func TestTooLargeInput(t *testing.T) {
	lim := Limits{MaxInputBytes: 1 << 20}
	res := extract(t, "big.pdf", append([]byte("%PDF-1.4\n"), make([]byte, 2<<20)...), lim)
	if res.Status != StatusTooLarge || res.ContentType != mimePDF {
		t.Fatalf("status %s (%s), type %s", res.Status, res.Err, res.ContentType)
	}
	// An endless input stops at the limit, not at the end.
	start := time.Now()
	res2, err := Extract(context.Background(), "endless.txt", endless{}, lim)
	if err != nil || res2.Status != StatusTooLarge {
		t.Fatalf("endless: %v, %+v", err, res2)
	}
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("took %s", took)
	}
	// Exactly at the limit is fine.
	res = extract(t, "exact.txt", bytes.Repeat([]byte("a"), 1<<20), lim)
	wantOK(t, res)
}

type endless struct{}

func (endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'a'
	}
	return len(p), nil
}

// blockingReader blocks until release is closed.
type blockingReader struct{ release chan struct{} }

func (b blockingReader) Read(p []byte) (int, error) {
	<-b.release
	return 0, io.EOF
}

// trickleReader returns one byte per read, slowly: a client on a bad line.
type trickleReader struct{}

func (trickleReader) Read(p []byte) (int, error) {
	time.Sleep(time.Millisecond)
	p[0] = 'x'
	return 1, nil
}

func TestTimeout(t *testing.T) {
	lim := Limits{Timeout: 200 * time.Millisecond}
	t.Run("blocked input", func(t *testing.T) {
		r := blockingReader{make(chan struct{})}
		defer close(r.release)
		start := time.Now()
		res, err := Extract(context.Background(), "stuck.pdf", r, lim)
		if err != nil || res.Status != StatusTimeout {
			t.Fatalf("%v, %+v", err, res)
		}
		if took := time.Since(start); took > 5*time.Second {
			t.Errorf("took %s", took)
		}
		checkResult(t, res, lim)
	})
	t.Run("slow input", func(t *testing.T) {
		start := time.Now()
		res, err := Extract(context.Background(), "slow.txt", trickleReader{}, lim)
		if err != nil || res.Status != StatusTimeout {
			t.Fatalf("%v, %+v", err, res)
		}
		if took := time.Since(start); took > 5*time.Second {
			t.Errorf("took %s", took)
		}
	})
	t.Run("slow parse", func(t *testing.T) {
		data := bytes.Repeat([]byte(zhTitle+" text\n"), 1<<19) // 12 MiB of text
		start := time.Now()
		res, err := Extract(context.Background(), "huge.txt", bytes.NewReader(data),
			Limits{Timeout: time.Millisecond, MaxTextBytes: 64 << 20})
		if err != nil || res.Status != StatusTimeout {
			t.Fatalf("%v, status %s", err, res.Status)
		}
		if took := time.Since(start); took > 5*time.Second {
			t.Errorf("took %s", took)
		}
	})
}

func TestContextCanceled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Extract(ctx, "a.txt", strings.NewReader("x"), Limits{}); !errors.Is(err, context.Canceled) {
		t.Fatalf("err %v", err)
	}
	// Cancelled while Extract waits on the input.
	ctx, cancel = context.WithCancel(context.Background())
	r := cancelingReader{cancel: cancel, release: make(chan struct{})}
	defer close(r.release)
	start := time.Now()
	if _, err := Extract(ctx, "a.txt", r, Limits{}); !errors.Is(err, context.Canceled) {
		t.Fatalf("err %v", err)
	}
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("took %s", took)
	}
}

// cancelingReader cancels its context on the first read, then blocks until released.
type cancelingReader struct {
	cancel  context.CancelFunc
	release chan struct{}
}

func (c cancelingReader) Read([]byte) (int, error) {
	c.cancel()
	<-c.release
	return 0, io.EOF
}

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errors.New("connection reset") }

func TestReadError(t *testing.T) {
	_, err := Extract(context.Background(), "a.pdf", io.MultiReader(strings.NewReader("%PDF-1.4\n"), failingReader{}), Limits{})
	if err == nil || !strings.Contains(err.Error(), "connection reset") {
		t.Fatalf("err %v", err)
	}
}

func TestConcurrent(t *testing.T) {
	files := map[string][]byte{
		"a.pdf": buildChinesePDF(t), "a.docx": buildDOCX(t), "a.pptx": buildPPTX(t), "a.xlsx": buildXLSX(t),
	}
	done := make(chan error)
	for i := 0; i < 8; i++ {
		for name, data := range files {
			go func() {
				res, err := Extract(context.Background(), name, bytes.NewReader(data), Limits{})
				if err == nil && (res.Status != StatusOK || !strings.Contains(res.Text, zhTitle)) {
					err = fmt.Errorf("%s: %s %s", name, res.Status, res.Err)
				}
				done <- err
			}()
		}
	}
	for i := 0; i < 8*len(files); i++ {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}

// fuzzNames are the file names the fuzzer picks from, so every parser gets inputs.
var fuzzNames = []string{"a.pdf", "a.docx", "a.pptx", "a.xlsx", "a.txt", "a.html", "a.md", "a.csv", "a", "a.zip", "a.doc", "a.png"}

func FuzzExtract(f *testing.F) {
	gbk, _ := simplifiedchinese.GBK.NewEncoder().String(zhTitle)
	seeds := [][]byte{
		buildASCIIPDF(), buildChinesePDF(f), buildRC4PDF(128), buildRC4PDF(40), buildLockedPDF(), buildAES256PDF(),
		buildDOCX(f), buildPPTX(f), buildXLSX(f), []byte(gbk),
		[]byte(`<html><head><script>x</script><style>y</style></head><body><p>` + zhTitle + `</p></body></html>`),
		zipBombDOCX(f, 1, 1<<20),
	}
	pdfDeflated := asciiPDFObjects()
	pdfDeflated[5] = pdfStream("/Filter /FlateDecode", deflated(f, []byte("BT /F1 12 Tf 72 720 Td (deflated) Tj ET")))
	seeds = append(seeds, buildPDF(pdfDeflated, ""))
	for i, s := range seeds {
		f.Add(uint8(i), s)
	}
	lim := Limits{MaxInputBytes: 4 << 20, MaxTextBytes: 64 << 10, Timeout: 5 * time.Second, MaxZipEntryBytes: 8 << 20}
	f.Fuzz(func(t *testing.T, which uint8, data []byte) {
		name := fuzzNames[int(which)%len(fuzzNames)]
		start := time.Now()
		res, err := Extract(context.Background(), name, bytes.NewReader(data), lim)
		if err != nil {
			t.Fatalf("error %v", err)
		}
		checkResult(t, res, lim)
		if took := time.Since(start); took > lim.Timeout+5*time.Second {
			t.Fatalf("took %s", took)
		}
		if ct := ContentType(name, data); ct == "" {
			t.Fatal("empty content type")
		}
	})
}
