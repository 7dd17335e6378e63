package validate

import (
	"regexp"
	"strings"
	"time"
)

// Customer types and ID types as the API spells them.
const (
	TypePublic        = "PUBLIC"
	TypeBusiness      = "BUSINESS"
	TypeGovEnterprise = "GOV_ENTERPRISE"

	IDResident = "RESIDENT_ID"
	IDUSCC     = "UNIFIED_SOCIAL_CREDIT_CODE"
)

// FieldErrors is a list of field failures found together; the error presenter reports all.
type FieldErrors []*FieldError

func (es FieldErrors) Error() string {
	msgs := make([]string, len(es))
	for i, e := range es {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "; ")
}

// Err returns nil for an empty list, so that callers can `return errs.Err()`.
func (es FieldErrors) Err() error {
	if len(es) == 0 {
		return nil
	}
	return es
}

// CustomerIdentity is the part of a customer whose fields must agree with each other.
type CustomerIdentity struct {
	Type     string
	IDType   string // "" when not given
	IDNumber string // "" when not given
	Birthday *time.Time
	Gender   string // "" when not given
}

var otherIDRE = regexp.MustCompile(`^[A-Za-z0-9-]{5,32}$`)

// Customer checks the identity fields of a customer against each other: the document number
// against its type (GB 11643 resident IDs, GB 32100 credit codes), the resident ID against
// birthday and gender, and the document type against the customer type.
func Customer(c CustomerIdentity) error {
	var errs FieldErrors
	org := c.Type == TypeBusiness || c.Type == TypeGovEnterprise
	switch {
	case c.IDNumber != "" && c.IDType == "":
		errs = append(errs, Field("idType", "is required when idNumber is given"))
	case c.IDType != "" && c.IDNumber == "":
		errs = append(errs, Field("idNumber", "is required when idType is given"))
	case org && c.IDType != "" && c.IDType != IDUSCC:
		errs = append(errs, Field("idType", "must be UNIFIED_SOCIAL_CREDIT_CODE for %s customers", c.Type))
	case !org && c.IDType == IDUSCC:
		errs = append(errs, Field("idType", "UNIFIED_SOCIAL_CREDIT_CODE is only for BUSINESS and GOV_ENTERPRISE customers"))
	case c.IDType == IDResident:
		rid, err := ParseResidentID(c.IDNumber)
		if err != nil {
			errs = append(errs, Field("idNumber", "resident ID %v", err))
			break
		}
		if c.Birthday != nil {
			y1, m1, d1 := c.Birthday.Date()
			y2, m2, d2 := rid.Birthday.Date()
			if y1 != y2 || m1 != m2 || d1 != d2 {
				errs = append(errs, Field("birthday", "does not match the birth date in the resident ID (%s)", rid.Birthday.Format("2006-01-02")))
			}
		}
		if (c.Gender == "MALE" && !rid.Male) || (c.Gender == "FEMALE" && rid.Male) {
			errs = append(errs, Field("gender", "does not match the resident ID"))
		}
	case c.IDType == IDUSCC:
		if err := USCC(c.IDNumber); err != nil {
			errs = append(errs, Field("idNumber", "unified social credit code %v", err))
		}
	case c.IDType != "":
		if !otherIDRE.MatchString(c.IDNumber) {
			errs = append(errs, Field("idNumber", "must be 5–32 letters, digits or '-'"))
		}
	}
	return errs.Err()
}
