package importexport

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/c360crm/c360/authz"
	"github.com/c360crm/c360/ent"
	"github.com/c360crm/c360/ent/customer"
)

// PageSize is how many customers an export reads per query.
const PageSize = 1000

// ExportCustomers writes the customers matching where (nil: all) that the caller of ctx may
// see, ordered by id, as CSV (UTF-8 with BOM, for Excel) or XLSX, with a Chinese header row
// that ImportCustomers reads back. Resident IDs and mobiles are masked unless the caller may
// read them in clear (authz.CustomerPII). It reads pages of PageSize rows and returns the
// number of customers written.
func ExportCustomers(ctx context.Context, c *ent.Client, where *ent.CustomerWhereInput, format Format, w io.Writer) (rows int, err error) {
	var out rowWriter
	switch Format(strings.ToUpper(string(format))) {
	case FormatCSV, "":
		out, err = newCSVWriter(w)
	case FormatXLSX:
		out, err = newXLSXWriter(w)
	default:
		return 0, fmt.Errorf("importexport: unknown format %q (want CSV or XLSX)", format)
	}
	if err != nil {
		return 0, err
	}
	defer out.Close()
	header := make([]string, len(columns))
	for i, col := range columns {
		header[i] = col.chinese
	}
	if err := out.Write(header); err != nil {
		return 0, err
	}
	last := 0
	for {
		q, err := where.Filter(c.Customer.Query())
		if err != nil {
			return rows, err
		}
		page, err := q.Where(customer.IDGT(last)).Order(customer.ByID()).Limit(PageSize).All(ctx)
		if err != nil {
			return rows, err
		}
		for _, cu := range page {
			if err := out.Write(exportRow(ctx, cu)); err != nil {
				return rows, err
			}
			rows++
		}
		if len(page) < PageSize {
			break
		}
		last = page[len(page)-1].ID
	}
	return rows, out.Finish()
}

func exportRow(ctx context.Context, cu *ent.Customer) []string {
	str := func(p *string) string {
		if p == nil {
			return ""
		}
		return *p
	}
	row := make([]string, 0, len(columns))
	for _, col := range columns {
		var v string
		switch col.field {
		case "code":
			v = cu.Code
		case "name":
			v = cu.Name
		case "type":
			v = typeLabels[string(cu.Type)]
		case "idType":
			if cu.IDType != nil {
				v = string(*cu.IDType)
			}
		case "idNumber":
			v = str(authz.CustomerPII(ctx, cu.ID, "idNumber", cu.IDNumber))
		case "mobile":
			v = str(authz.CustomerPII(ctx, cu.ID, "mobile", cu.Mobile))
		case "email":
			v = cu.Email
		case "province":
			v = cu.Province
		case "city":
			v = cu.City
		case "district":
			v = cu.District
		case "address":
			v = cu.Address
		case "industry":
			v = cu.Industry
		case "gender":
			if cu.Gender != nil {
				v = string(*cu.Gender)
			}
		case "birthday":
			if cu.Birthday != nil {
				v = cu.Birthday.Format("2006-01-02")
			}
		case "tags":
			v = strings.Join(cu.Tags, ";")
		case "status":
			v = string(cu.Status)
		}
		row = append(row, v)
	}
	return row
}

type rowWriter interface {
	Write([]string) error
	Finish() error
	Close() error
}

type csvWriter struct{ w *csv.Writer }

func newCSVWriter(w io.Writer) (rowWriter, error) {
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return nil, err
	}
	return &csvWriter{csv.NewWriter(w)}, nil
}

func (c *csvWriter) Write(rec []string) error { return c.w.Write(rec) }
func (c *csvWriter) Finish() error {
	c.w.Flush()
	return c.w.Error()
}
func (c *csvWriter) Close() error { return nil }

// xlsxWriter streams rows into one sheet; every cell is a string, so that mobiles and ID
// numbers keep their digits.
type xlsxWriter struct {
	out io.Writer
	f   *excelize.File
	sw  *excelize.StreamWriter
	row int
}

const sheetName = "客户"

func newXLSXWriter(w io.Writer) (rowWriter, error) {
	f := excelize.NewFile()
	if err := f.SetSheetName("Sheet1", sheetName); err != nil {
		_ = f.Close()
		return nil, err
	}
	sw, err := f.NewStreamWriter(sheetName)
	if err != nil {
		_ = f.Close()
		return nil, err
	}
	return &xlsxWriter{out: w, f: f, sw: sw}, nil
}

func (x *xlsxWriter) Write(rec []string) error {
	x.row++
	cells := make([]any, len(rec))
	for i, v := range rec {
		cells[i] = excelize.Cell{Value: v}
	}
	cell, err := excelize.CoordinatesToCellName(1, x.row)
	if err != nil {
		return err
	}
	return x.sw.SetRow(cell, cells)
}

func (x *xlsxWriter) Finish() error {
	if err := x.sw.Flush(); err != nil {
		return err
	}
	return x.f.Write(x.out)
}

func (x *xlsxWriter) Close() error { return x.f.Close() }
