// Package customer holds the customer domain services: PII reveal, the web business hall's
// own-data operations, and (later) validation, dedupe and merge.
package customer

import "github.com/c360crm/c360/ent/servicerequest"

// PII is a customer's personal identifiers in clear.
type PII struct {
	IDNumber *string `json:"idNumber,omitempty"`
	Mobile   *string `json:"mobile,omitempty"`
}

// ContactDetails are the contact fields a customer may change itself.
type ContactDetails struct {
	Mobile  *string `json:"mobile,omitempty"`
	Email   *string `json:"email,omitempty"`
	Address *string `json:"address,omitempty"`
}

// ServiceRequestInput is a service request a customer opens in the web business hall.
type ServiceRequestInput struct {
	Type           servicerequest.Type `json:"type"`
	Title          string              `json:"title"`
	Description    *string             `json:"description,omitempty"`
	SubscriptionID *int                `json:"subscriptionID,omitempty"`
}
