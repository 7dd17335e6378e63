package audit

import (
	"reflect"

	"github.com/c360crm/c360/authz"
)

// Redacted replaces the value of a secret field in the trail.
const Redacted = "[redacted]"

// masks maps the names of PII fields to their mask.
var masks = map[string]func(string) string{
	"id_number":      authz.MaskIDNumber,
	"mobile":         authz.MaskMobile,
	"contact_mobile": authz.MaskMobile,
	"service_number": authz.MaskMobile,
}

// secrets are fields whose value never reaches the trail.
var secrets = map[string]bool{
	"password_hash": true,
	"code_hash":     true,
	"key_hash":      true,
	"token_hash":    true,
}

// maskTree masks a JSON-like value recorded under name: strings under a PII name are masked,
// anything non-nil under a secret name is redacted. Inside maps a key that is itself a PII or
// secret name takes over (so JSON attributes holding a "mobile" are masked too); other keys
// ("old", "new", …) keep the name of the field they belong to.
func maskTree(name string, v any) any {
	if v == nil {
		return nil
	}
	if secrets[name] {
		return Redacted
	}
	switch x := v.(type) {
	case string:
		if mask, ok := masks[name]; ok {
			return mask(x)
		}
		return x
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			n := name
			if _, ok := masks[k]; ok || secrets[k] {
				n = k
			}
			out[k] = maskTree(n, e)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = maskTree(name, e)
		}
		return out
	}
	// A string of a named type that was not normalised to JSON first.
	if rv := reflect.ValueOf(v); rv.Kind() == reflect.String {
		return maskTree(name, rv.String())
	}
	return v
}
