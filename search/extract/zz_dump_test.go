package extract

import (
	"bytes"
	"context"
	"time"
	"os"
	"path/filepath"
	"testing"
)

func TestDumpFixtures(t *testing.T) {
	dir := os.Getenv("DUMP_FIXTURES")
	if dir == "" {
		t.Skip()
	}
	files := map[string][]byte{
		"ascii.pdf": buildASCIIPDF(), "chinese.pdf": buildChinesePDF(t), "rc4.pdf": buildRC4PDF(128), "rc40.pdf": buildRC4PDF(40),
		"locked.pdf": buildLockedPDF(), "aes.pdf": buildAES256PDF(),
		"test.docx": buildDOCX(t), "test.pptx": buildPPTX(t), "test.xlsx": buildXLSX(t),
	}
	for n, d := range files {
		os.WriteFile(filepath.Join(dir, n), d, 0o644)
	}
}

func TestPeek(t *testing.T) {
	cyclic := buildPDF([]string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
		"<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
		pdfStream("", []byte("BT /F1 12 Tf 72 720 Td (loop) Tj ET")),
	}, "")
	nasty := buildPDF([]string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /Resources 4 0 R /Contents 5 0 R >>",
		"<< /Font << /F1 6 0 R >> /XObject << /X 7 0 R >> >>",
		pdfStream("", []byte("Q Q Q Tj TJ Tf cm Tm ] ] >> << BT /F1 12 Tf 10 10 Td (ok) Tj [(a) 1 /x] TJ /X Do ET BI /W 1 ID \x00\x01 EI q")),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Widths 99 0 R /ToUnicode 5 0 R >>",
		pdfStream("/Type /XObject /Subtype /Form /Resources 4 0 R", []byte("/X Do (form) Tj")),
	}, "")
	for n, d := range map[string][]byte{"cyclic": cyclic, "nasty": nasty, "bomb-lie": zipBombDOCX(t, 200, 1000)} {
		name := "x.pdf"
		if n == "bomb-lie" {
			name = "x.docx"
		}
		r := extract(t, name, d, Limits{})
		t.Logf("%s: %s %q %q", n, r.Status, r.Err, r.Text)
	}
}

func TestSeedCost(t *testing.T) {
	seeds := map[string][]byte{"ascii.pdf": buildASCIIPDF(), "zh.pdf": buildChinesePDF(t), "rc4.pdf": buildRC4PDF(128),
		"a.docx": buildDOCX(t), "a.pptx": buildPPTX(t), "a.xlsx": buildXLSX(t), "bomb.docx": zipBombDOCX(t, 16, 16<<20)}
	lim := Limits{MaxInputBytes: 4 << 20, MaxTextBytes: 64 << 10, Timeout: 5 * time.Second, MaxZipEntryBytes: 8 << 20}
	for n, d := range seeds {
		start := time.Now()
		for i := 0; i < 20; i++ {
			Extract(context.Background(), n, bytes.NewReader(d), lim)
		}
		t.Logf("%s: %d bytes, %s/op", n, len(d), time.Since(start)/20)
	}
}
