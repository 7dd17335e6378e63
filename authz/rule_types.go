package authz

// Policy row types.
const (
	PTypeP = "P" // permission: subject, object, action, effect
	PTypeG = "G" // grouping: subject inherits the role in object
)

// Rule is one Casbin policy row as the API shows it.
type Rule struct {
	PType   string  `json:"ptype"`
	Subject string  `json:"subject"`
	Object  string  `json:"object"`
	Action  *string `json:"action,omitempty"`
	Effect  *string `json:"effect,omitempty"`
}
