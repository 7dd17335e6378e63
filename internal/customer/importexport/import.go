package importexport

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/c360crm/c360/ent"
	"github.com/c360crm/c360/ent/customer"
	"github.com/c360crm/c360/ent/privacy"
	_ "github.com/c360crm/c360/ent/runtime" // schema validators and hooks
	"github.com/c360crm/c360/internal/validate"
)

// MaxRows is the most data rows one import accepts.
const MaxRows = 200_000

// BatchSize is how many customers one CreateBulk statement writes.
const BatchSize = 500

// ErrTooManyRows is returned when a file holds more than MaxRows data rows; nothing is written.
var ErrTooManyRows = fmt.Errorf("importexport: the file has more than %d rows", MaxRows)

// RowError is one failure of an import. Row is the 1-based data row (the header is not
// counted); row 0 is the header or the file as a whole. Field is the API field name.
type RowError struct {
	Row     int    `json:"row"`
	Field   string `json:"field,omitempty"`
	Message string `json:"message"`
}

func (e RowError) Error() string {
	if e.Field == "" {
		return fmt.Sprintf("row %d: %s", e.Row, e.Message)
	}
	return fmt.Sprintf("row %d: %s: %s", e.Row, e.Field, e.Message)
}

// ImportResult tells what an import did. Total counts the non-blank data rows, Failed the
// rows with at least one error; Imported is 0 when an ALL_OR_NOTHING import found errors
// (or when DryRun is set: then nothing is written in any case, and Imported is what would be).
type ImportResult struct {
	Total    int        `json:"total"`
	Imported int        `json:"imported"`
	Failed   int        `json:"failed"`
	Errors   []RowError `json:"errors"`
	DryRun   bool       `json:"dryRun"`
}

type dryRunKey struct{}

// WithDryRun returns a context under which ImportCustomers validates and writes as usual but
// rolls the transaction back at the end.
func WithDryRun(ctx context.Context) context.Context {
	return context.WithValue(ctx, dryRunKey{}, true)
}

// record is a validated row ready to create.
type record struct {
	row      int
	code     string
	typ      customer.Type
	name     string
	idType   *customer.IDType
	idNumber string
	mobile   string
	email    string
	province string
	city     string
	district string
	address  string
	industry string
	gender   *customer.Gender
	birthday *time.Time
	tags     []string
	status   *customer.Status
}

func (r *record) create(c *ent.Client) *ent.CustomerCreate {
	b := c.Customer.Create().SetType(r.typ).SetName(r.name).
		SetNillableIDType(r.idType).SetNillableGender(r.gender).
		SetNillableBirthday(r.birthday).SetNillableStatus(r.status)
	for _, s := range []struct {
		v   string
		set func(string) *ent.CustomerCreate
	}{
		{r.code, b.SetCode}, {r.idNumber, b.SetIDNumber}, {r.mobile, b.SetMobile},
		{r.email, b.SetEmail}, {r.province, b.SetProvince}, {r.city, b.SetCity},
		{r.district, b.SetDistrict}, {r.address, b.SetAddress}, {r.industry, b.SetIndustry},
	} {
		if s.v != "" {
			s.set(s.v)
		}
	}
	if len(r.tags) > 0 {
		b.SetTags(r.tags)
	}
	return b
}

// ImportCustomers reads customers from r (CSV or XLSX, header row first) and creates them in
// one transaction of c with the caller's ctx (so the caller's permissions and scope apply).
// Every row is validated with the API's rules and all errors are reported; in ALL_OR_NOTHING
// mode (the default) any error means nothing is written, in VALID_ROWS mode the valid rows
// are written. progress, when not nil, is called after each batch of BatchSize rows with the
// rows processed so far; total is 0 until the end of the file is reached, then the row count.
// The error is for failures other than invalid rows (I/O, database, permissions, too many rows).
func ImportCustomers(ctx context.Context, c *ent.Client, r io.Reader, format Format, mode Mode, progress func(done, total int)) (*ImportResult, error) {
	switch mode {
	case "":
		mode = AllOrNothing
	case AllOrNothing, ValidRows:
	default:
		return nil, fmt.Errorf("importexport: unknown mode %q (want ALL_OR_NOTHING or VALID_ROWS)", mode)
	}
	dry, _ := ctx.Value(dryRunKey{}).(bool)
	res := &ImportResult{DryRun: dry, Errors: []RowError{}}

	rows, err := openRows(r, format)
	if err != nil {
		return nil, err
	}
	defer rows.Close()

	header, err := rows.Next()
	if err == io.EOF {
		res.Errors = append(res.Errors, RowError{Row: 0, Message: "the file is empty: a header row is required"})
		return res, nil
	}
	if err != nil {
		return nil, fmt.Errorf("importexport: read header: %w", err)
	}
	fields, herrs := mapHeader(header)
	if len(herrs) > 0 {
		res.Errors = append(res.Errors, herrs...)
		return res, nil
	}

	tx, err := c.Tx(ctx)
	if err != nil {
		return nil, err
	}
	committed := false
	defer func() {
		if !committed {
			_ = tx.Rollback()
		}
	}()
	tctx := ent.NewTxContext(ent.NewContext(ctx, tx.Client()), tx)
	im := &importer{ctx: tctx, client: tx.Client(), res: res, mode: mode, codes: map[string]int{}}

	var batch []*record
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		err := im.write(batch)
		batch = batch[:0]
		if progress != nil {
			progress(res.Total, 0)
		}
		return err
	}
	for rowNum := 1; ; rowNum++ {
		cells, err := rows.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("importexport: read row %d: %w", rowNum, err)
		}
		if blank(cells) {
			continue
		}
		res.Total++
		if res.Total > MaxRows {
			return nil, ErrTooManyRows
		}
		rec, errs := im.parse(rowNum, fields, cells)
		if len(errs) > 0 {
			im.fail(errs...)
			continue
		}
		batch = append(batch, rec)
		if len(batch) >= BatchSize {
			if err := flush(); err != nil {
				return nil, err
			}
		}
	}
	if err := flush(); err != nil {
		return nil, err
	}
	sort.SliceStable(res.Errors, func(i, j int) bool { return res.Errors[i].Row < res.Errors[j].Row })
	res.Failed = len(im.failed)
	if progress != nil {
		progress(res.Total, res.Total)
	}
	if mode == AllOrNothing && len(res.Errors) > 0 {
		res.Imported = 0
		return res, nil
	}
	if dry {
		return res, nil
	}
	if err := tx.Commit(); err != nil {
		return nil, err
	}
	committed = true
	return res, nil
}

// mapHeader maps header cells to API field names.
func mapHeader(header []string) ([]string, []RowError) {
	var errs []RowError
	fields := make([]string, len(header))
	seen := map[string]bool{}
	for i, h := range header {
		if normHeader(h) == "" {
			continue // an empty trailing column
		}
		f, ok := headerAliases[normHeader(h)]
		if !ok {
			errs = append(errs, RowError{Row: 0, Field: strings.TrimSpace(h), Message: fmt.Sprintf("unknown column %q", strings.TrimSpace(h))})
			continue
		}
		if seen[f] {
			errs = append(errs, RowError{Row: 0, Field: f, Message: fmt.Sprintf("column %q appears twice", strings.TrimSpace(h))})
			continue
		}
		seen[f] = true
		fields[i] = f
	}
	for _, req := range []string{"name", "type"} {
		if !seen[req] {
			errs = append(errs, RowError{Row: 0, Field: req, Message: fmt.Sprintf("required column %q is missing", req)})
		}
	}
	return fields, errs
}

func blank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

type importer struct {
	ctx    context.Context
	client *ent.Client
	res    *ImportResult
	mode   Mode
	codes  map[string]int // code → first row bringing it
	failed map[int]bool
}

func (im *importer) fail(errs ...RowError) {
	if im.failed == nil {
		im.failed = map[int]bool{}
	}
	for _, e := range errs {
		im.failed[e.Row] = true
		im.res.Errors = append(im.res.Errors, e)
	}
}

// parse checks one row with the API's rules and returns it as a record, or all its errors.
func (im *importer) parse(row int, fields, cells []string) (*record, []RowError) {
	v := map[string]string{}
	for i, f := range fields {
		if f != "" && i < len(cells) {
			v[f] = strings.TrimSpace(cells[i])
		}
	}
	var errs []RowError
	bad := func(field string, err error) {
		errs = append(errs, RowError{Row: row, Field: field, Message: err.Error()})
	}
	check := func(field string, s string, fn func(string) error) string {
		if s != "" && fn != nil {
			if err := fn(s); err != nil {
				bad(field, err)
			}
		}
		return s
	}
	rec := &record{row: row}
	rec.name = v["name"]
	if rec.name == "" {
		bad("name", errors.New("is required"))
	} else {
		check("name", rec.name, customer.NameValidator)
	}
	if t := v["type"]; t == "" {
		bad("type", errors.New("is required (公众/商务/政企 or PUBLIC/BUSINESS/GOV_ENTERPRISE)"))
	} else {
		rec.typ = customer.Type(typeValue(t))
		if customer.TypeValidator(rec.typ) != nil {
			bad("type", fmt.Errorf("%q is not a customer type (公众/商务/政企 or PUBLIC/BUSINESS/GOV_ENTERPRISE)", t))
		}
	}
	if s := v["idType"]; s != "" {
		it := customer.IDType(enumValue(s, idTypeAlia))
		if customer.IDTypeValidator(it) != nil {
			bad("idType", fmt.Errorf("%q is not a document type", s))
		} else {
			rec.idType = &it
		}
	}
	rec.idNumber = strings.ToUpper(check("idNumber", v["idNumber"], customer.IDNumberValidator))
	rec.mobile = check("mobile", v["mobile"], customer.MobileValidator)
	rec.email = check("email", v["email"], customer.EmailValidator)
	rec.province = check("province", v["province"], customer.ProvinceValidator)
	rec.city = check("city", v["city"], customer.CityValidator)
	rec.district = check("district", v["district"], customer.DistrictValidator)
	rec.address = check("address", v["address"], customer.AddressValidator)
	rec.industry = check("industry", v["industry"], customer.IndustryValidator)
	if s := v["gender"]; s != "" {
		g := customer.Gender(enumValue(s, genderAlias))
		if customer.GenderValidator(g) != nil {
			bad("gender", fmt.Errorf("%q is not a gender (男/女/未知 or MALE/FEMALE/UNKNOWN)", s))
		} else {
			rec.gender = &g
		}
	}
	if s := v["birthday"]; s != "" {
		if t, err := parseDate(s); err != nil {
			bad("birthday", err)
		} else {
			rec.birthday = &t
		}
	}
	if s := v["tags"]; s != "" {
		for _, t := range strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == '；' }) {
			if t = strings.TrimSpace(t); t != "" {
				rec.tags = append(rec.tags, t)
			}
		}
	}
	if s := v["status"]; s != "" {
		st := customer.Status(enumValue(s, statusAlias))
		switch {
		case customer.StatusValidator(st) != nil:
			bad("status", fmt.Errorf("%q is not a customer status", s))
		case st == customer.StatusMERGED:
			bad("status", errors.New("MERGED is set only by a confirmed merge"))
		default:
			rec.status = &st
		}
	}
	if s := v["code"]; s != "" {
		rec.code = strings.ToUpper(check("code", s, customer.CodeValidator))
		if first, dup := im.codes[rec.code]; dup {
			bad("code", fmt.Errorf("%s is also in row %d", rec.code, first))
		} else {
			im.codes[rec.code] = row
		}
	}
	// The identity rules of the schema hook, only when type and document type parsed.
	if !hasField(errs, "type") && !hasField(errs, "idType") {
		id := validate.CustomerIdentity{Type: string(rec.typ), IDNumber: rec.idNumber, Birthday: rec.birthday}
		if rec.idType != nil {
			id.IDType = string(*rec.idType)
		}
		if rec.gender != nil {
			id.Gender = string(*rec.gender)
		}
		for _, fe := range fieldErrors(validate.Customer(id)) {
			if !hasField(errs, fe.Field) {
				errs = append(errs, RowError{Row: row, Field: fe.Field, Message: fe.Message})
			}
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return rec, nil
}

func hasField(errs []RowError, field string) bool {
	for _, e := range errs {
		if e.Field == field {
			return true
		}
	}
	return false
}

// write creates a batch with one CreateBulk. Codes the file brings are checked against the
// database first (across all customers, not only those the caller sees). When the statement
// fails, the rows are created one at a time to find which failed and why. In ALL_OR_NOTHING
// mode nothing is written once a row has failed: the remaining rows are only validated.
func (im *importer) write(batch []*record) error {
	if err := im.checkCodes(batch); err != nil {
		return err
	}
	ok := batch[:0:0]
	for _, r := range batch {
		if !im.failed[r.row] {
			ok = append(ok, r)
		}
	}
	if len(ok) == 0 || (im.mode == AllOrNothing && len(im.res.Errors) > 0) {
		return nil
	}
	builders := make([]*ent.CustomerCreate, len(ok))
	for i, r := range ok {
		builders[i] = r.create(im.client)
	}
	if _, err := im.client.Customer.CreateBulk(builders...).Save(im.ctx); err == nil {
		im.res.Imported += len(ok)
		return nil
	} else if len(fieldErrors(err)) == 0 && !ent.IsConstraintError(err) {
		return err // not about the data (permissions, connection): abort
	}
	for _, r := range ok {
		_, err := r.create(im.client).Save(im.ctx)
		if err == nil {
			im.res.Imported++
			continue
		}
		fes := fieldErrors(err)
		if len(fes) == 0 {
			if !ent.IsConstraintError(err) {
				return err
			}
			fes = []*validate.FieldError{validate.Field("code", "already exists")}
		}
		for _, fe := range fes {
			im.fail(RowError{Row: r.row, Field: fe.Field, Message: fe.Message})
		}
	}
	return nil
}

// checkCodes reports rows whose code already belongs to a customer.
func (im *importer) checkCodes(batch []*record) error {
	byCode := map[string]*record{}
	for _, r := range batch {
		if r.code != "" {
			byCode[r.code] = r
		}
	}
	if len(byCode) == 0 {
		return nil
	}
	list := make([]string, 0, len(byCode))
	for c := range byCode {
		list = append(list, c)
	}
	// Codes are unique over all customers, so the check looks past the caller's scope.
	taken, err := im.client.Customer.Query().Where(customer.CodeIn(list...)).
		Select(customer.FieldCode).Strings(privacy.DecisionContext(im.ctx, privacy.Allow))
	if err != nil {
		return err
	}
	for _, c := range taken {
		im.fail(RowError{Row: byCode[c].row, Field: "code", Message: c + " already exists"})
	}
	return nil
}

// fieldErrors turns validation errors of validate and ent into field errors with API names.
func fieldErrors(err error) []*validate.FieldError {
	if err == nil {
		return nil
	}
	var fes validate.FieldErrors
	if errors.As(err, &fes) {
		return fes
	}
	var fe *validate.FieldError
	if errors.As(err, &fe) {
		return []*validate.FieldError{fe}
	}
	var ve *ent.ValidationError
	if errors.As(err, &ve) {
		msg := ve.Error()
		if u := errors.Unwrap(ve); u != nil {
			msg = u.Error()
		}
		return []*validate.FieldError{{Field: camel(ve.Name), Message: msg}}
	}
	return nil
}

// camel turns an ent field name (id_number) into the API's (idNumber).
func camel(s string) string {
	parts := strings.Split(s, "_")
	for i := 1; i < len(parts); i++ {
		if parts[i] == "id" {
			parts[i] = "ID"
		} else if parts[i] != "" {
			parts[i] = strings.ToUpper(parts[i][:1]) + parts[i][1:]
		}
	}
	return strings.Join(parts, "")
}
