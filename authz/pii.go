package authz

import "context"

// CustomerPII returns a customer's resident ID (field "idNumber") or mobile (field "mobile")
// as the principal of ctx may see it: in clear for admins, the customer itself and roles the
// policy grants `Customer.<field>, clear`; masked for everyone else. Empty values are nil.
func CustomerPII(ctx context.Context, customerID int, field, value string) *string {
	if value == "" {
		return nil
	}
	p := FromContext(ctx)
	if p.IsAdmin() || (p != nil && p.Kind == KindCustomer && p.ID == customerID) || Can(ctx, "Customer."+field, "clear") {
		return &value
	}
	var masked string
	if field == "idNumber" {
		masked = MaskIDNumber(value)
	} else {
		masked = MaskMobile(value)
	}
	return &masked
}
