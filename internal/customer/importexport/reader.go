package importexport

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// rowReader yields the records of a file one at a time; io.EOF ends it.
type rowReader interface {
	Next() ([]string, error)
	Close() error
}

func openRows(r io.Reader, format Format) (rowReader, error) {
	switch Format(strings.ToUpper(string(format))) {
	case FormatCSV, "":
		return openCSV(r)
	case FormatXLSX:
		return openXLSX(r)
	}
	return nil, fmt.Errorf("importexport: unknown format %q (want CSV or XLSX)", format)
}

// sniffLen is how much of a CSV file decides its encoding.
const sniffLen = 64 << 10

// csvRows reads CSV in UTF-8 (with or without BOM; UTF-16 with BOM) or GBK/GB18030, decided
// from the first 64 KiB: valid UTF-8 there means UTF-8, anything else is read as GB18030 (a
// superset of GBK and GB2312, what Excel on a Chinese Windows writes).
type csvRows struct{ r *csv.Reader }

func openCSV(r io.Reader) (rowReader, error) {
	br := bufio.NewReaderSize(r, sniffLen)
	head, err := br.Peek(sniffLen)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		return nil, err
	}
	var fallback encoding.Encoding = encoding.Nop
	if !looksUTF8(head, len(head) < sniffLen) {
		fallback = simplifiedchinese.GB18030
	}
	dec := unicode.BOMOverride(fallback.NewDecoder())
	cr := csv.NewReader(transform.NewReader(br, dec))
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	cr.ReuseRecord = false
	return &csvRows{cr}, nil
}

// looksUTF8 reports whether b is valid UTF-8, allowing a rune cut off at the end of a
// truncated sample.
func looksUTF8(b []byte, complete bool) bool {
	if utf8.Valid(b) {
		return true
	}
	if complete {
		return false
	}
	for i := 1; i < utf8.UTFMax && i <= len(b); i++ {
		if utf8.Valid(b[:len(b)-i]) {
			return true
		}
	}
	return false
}

func (c *csvRows) Next() ([]string, error) { return c.r.Read() }
func (c *csvRows) Close() error            { return nil }

// xlsxRows streams the rows of the first sheet of a workbook.
type xlsxRows struct {
	f    *excelize.File
	rows *excelize.Rows
}

func openXLSX(r io.Reader) (rowReader, error) {
	f, err := excelize.OpenReader(r, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, fmt.Errorf("importexport: not a readable XLSX file: %w", err)
	}
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		_ = f.Close()
		return nil, fmt.Errorf("importexport: the workbook has no sheets")
	}
	rows, err := f.Rows(sheets[0])
	if err != nil {
		_ = f.Close()
		return nil, err
	}
	return &xlsxRows{f: f, rows: rows}, nil
}

func (x *xlsxRows) Next() ([]string, error) {
	if !x.rows.Next() {
		if err := x.rows.Error(); err != nil {
			return nil, err
		}
		return nil, io.EOF
	}
	return x.rows.Columns(excelize.Options{RawCellValue: true})
}

func (x *xlsxRows) Close() error {
	_ = x.rows.Close()
	return x.f.Close()
}

// parseDate reads YYYY-MM-DD (also with / or single-digit parts) or an Excel date serial.
func parseDate(s string) (time.Time, error) {
	for _, layout := range []string{"2006-01-02", "2006/01/02", "2006-1-2", "2006/1/2", "2006.1.2", "20060102"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil && f > 0 && f < 100000 && !strings.ContainsAny(s, "-/") {
		if t, err := excelize.ExcelDateToTime(f, false); err == nil {
			y, m, d := t.Date()
			return time.Date(y, m, d, 0, 0, 0, 0, time.UTC), nil
		}
	}
	return time.Time{}, fmt.Errorf("must be a date YYYY-MM-DD")
}
