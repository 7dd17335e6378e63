// Package importexport moves customers in and out of c360 as CSV or XLSX files. Imports
// validate every row with the rules the API uses (internal/validate and the ent schema's
// validators and hooks) and report all failures with row numbers and API field names;
// exports read through the caller's context, so row scoping and PII masking apply.
package importexport

import (
	"strings"
)

// Format is a file format.
type Format string

// File formats.
const (
	FormatCSV  Format = "CSV"
	FormatXLSX Format = "XLSX"
)

// Mode says what an import does with rows that fail validation.
type Mode string

// Import modes.
const (
	// AllOrNothing writes nothing when any row fails (the default).
	AllOrNothing Mode = "ALL_OR_NOTHING"
	// ValidRows writes the valid rows and reports the invalid ones.
	ValidRows Mode = "VALID_ROWS"
)

// column is one column of the file, named by its API field name.
type column struct {
	field   string // API field name, e.g. "idNumber"
	chinese string // header as exported
}

// columns in export order. Import accepts any order and either name.
var columns = []column{
	{"code", "编码"},
	{"name", "名称"},
	{"type", "类型"},
	{"idType", "证件类型"},
	{"idNumber", "证件号码"},
	{"mobile", "手机"},
	{"email", "邮箱"},
	{"province", "省"},
	{"city", "市"},
	{"district", "区"},
	{"address", "地址"},
	{"industry", "行业"},
	{"gender", "性别"},
	{"birthday", "生日"},
	{"tags", "标签"},
	{"status", "状态"},
}

// headerAliases maps a normalised header to the API field name.
var headerAliases = func() map[string]string {
	m := map[string]string{}
	for _, c := range columns {
		m[normHeader(c.field)] = c.field
		m[normHeader(c.chinese)] = c.field
	}
	for alias, f := range map[string]string{
		"客户编码": "code", "客户名称": "name", "姓名": "name", "客户类型": "type",
		"手机号": "mobile", "手机号码": "mobile", "电子邮箱": "email", "省份": "province",
		"城市": "city", "区县": "district", "出生日期": "birthday", "id_type": "idType",
		"id_number": "idNumber",
	} {
		m[normHeader(alias)] = f
	}
	return m
}()

func normHeader(s string) string {
	s = strings.TrimPrefix(s, "\ufeff")
	s = strings.TrimSpace(s)
	return strings.ToLower(s)
}

// Labels for enum values; import accepts labels and API values, export writes labels for
// the customer type and API values elsewhere.
var (
	typeLabels = map[string]string{"PUBLIC": "公众", "BUSINESS": "商务", "GOV_ENTERPRISE": "政企"}
	idTypeAlia = map[string]string{
		"居民身份证": "RESIDENT_ID", "身份证": "RESIDENT_ID", "护照": "PASSPORT",
		"港澳通行证": "HK_MACAO_PERMIT", "港澳居民来往内地通行证": "HK_MACAO_PERMIT",
		"台湾通行证": "TAIWAN_PERMIT", "台胞证": "TAIWAN_PERMIT", "台湾居民来往大陆通行证": "TAIWAN_PERMIT",
		"外国人永久居留证": "FOREIGNER_PERMANENT_RESIDENCE", "外国人永久居留身份证": "FOREIGNER_PERMANENT_RESIDENCE",
		"统一社会信用代码": "UNIFIED_SOCIAL_CREDIT_CODE", "其他": "OTHER",
	}
	genderAlias = map[string]string{"男": "MALE", "女": "FEMALE", "未知": "UNKNOWN"}
	statusAlias = map[string]string{"正常": "ACTIVE", "活跃": "ACTIVE", "沉默": "DORMANT", "休眠": "DORMANT", "流失": "CHURNED", "已合并": "MERGED"}
)

// enumValue maps a cell to an API enum value: an alias (Chinese label) or the value itself
// in any case.
func enumValue(s string, aliases map[string]string) string {
	if v, ok := aliases[s]; ok {
		return v
	}
	return strings.ToUpper(s)
}

func typeValue(s string) string {
	for v, label := range typeLabels {
		if s == label {
			return v
		}
	}
	return strings.ToUpper(s)
}
