package server

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"regexp"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/c360crm/c360/ent"
	"github.com/c360crm/c360/ent/privacy"
	"github.com/c360crm/c360/internal/apperr"
	"github.com/c360crm/c360/internal/validate"
)

// errorPresenter maps every resolver error to a client-safe GraphQL error with
// extensions.code. Known errors keep a useful message (and the field for bad input); anything
// else is logged with the request id and shown only as "internal error". No SQL or stack text
// reaches a client.
func errorPresenter(log *slog.Logger) graphql.ErrorPresenterFunc {
	return func(ctx context.Context, err error) *gqlerror.Error {
		gqlErr := graphql.DefaultErrorPresenter(ctx, err)
		var (
			appErr *apperr.Error
			fe     *validate.FieldError
			fes    validate.FieldErrors
			nfe    *ent.NotFoundError
			nse    *ent.NotSingularError
			ve     *ent.ValidationError
			ce     *ent.ConstraintError
			ge     *gqlerror.Error
		)
		set := func(code, msg string) {
			gqlErr.Message = msg
			if gqlErr.Extensions == nil {
				gqlErr.Extensions = map[string]any{}
			}
			gqlErr.Extensions["code"] = code
		}
		switch {
		case errors.As(err, &appErr):
			set(appErr.Code, appErr.Message)
			for k, v := range appErr.Details {
				gqlErr.Extensions[k] = v
			}
		case errors.As(err, &fes) && len(fes) > 0:
			set(apperr.BadUserInput, fes.Error())
			gqlErr.Extensions["field"] = fes[0].Field
			fields := make([]map[string]string, len(fes))
			for i, f := range fes {
				fields[i] = map[string]string{"field": f.Field, "message": f.Message}
			}
			gqlErr.Extensions["fields"] = fields
		case errors.As(err, &fe):
			set(apperr.BadUserInput, fe.Error())
			gqlErr.Extensions["field"] = fe.Field
		case errors.As(err, &ve):
			field := apiFieldName(ve.Name)
			msg := "is invalid"
			// ent wraps the validator's error in "ent: validator failed for field …: %w".
			cause := errors.Unwrap(ve)
			for cause != nil && strings.HasPrefix(cause.Error(), "ent: ") && errors.Unwrap(cause) != nil {
				cause = errors.Unwrap(cause)
			}
			if cause != nil {
				msg = cleanValidatorMessage(cause.Error())
			}
			set(apperr.BadUserInput, field+": "+msg)
			gqlErr.Extensions["field"] = field
		case errors.As(err, &nfe):
			set(apperr.NotFound, nfe.Error()[len("ent: "):])
		case errors.As(err, &nse):
			set(apperr.Conflict, "more than one record matched")
		case errors.As(err, &ce):
			code, msg, field := constraintMessage(ce)
			set(code, msg)
			if field != "" {
				gqlErr.Extensions["field"] = field
			}
		case errors.Is(err, privacy.Deny):
			set(apperr.Forbidden, "not allowed")
		case errors.Is(err, context.DeadlineExceeded):
			set(apperr.ServiceUnavailable, "the request took too long")
		case errors.Is(err, context.Canceled):
			set(apperr.ServiceUnavailable, "the request was cancelled")
		case errors.As(err, &ge) && ge.Extensions != nil && ge.Extensions["code"] != nil:
			// gqlgen's own coded errors (parse, validation, limits) are already client-safe.
			return gqlErr
		case isFrameworkError(err):
			// gqlgen's own errors about the request (argument and variable coercion such as
			// "cannot decode cursor", introspection disabled): safe to show.
			set(apperr.BadUserInput, err.(*gqlerror.Error).Message)
		default:
			log.ErrorContext(ctx, "internal error", "err", err, "type", fmt.Sprintf("%T", err), "path", gqlErr.Path.String())
			set(apperr.Internal, "internal error")
		}
		return gqlErr
	}
}

// isFrameworkError reports whether err was raised by gqlgen about the request itself rather
// than returned by a resolver: gqlgen hands those to the presenter as *gqlerror.Error, while
// resolver errors arrive as they were returned.
func isFrameworkError(err error) bool {
	ge, ok := err.(*gqlerror.Error)
	if !ok {
		return false
	}
	if ge.Err == nil {
		return true
	}
	// A coercion error wraps a decoding error; one that wraps a database error is ours.
	msg := strings.ToLower(ge.Err.Error())
	return !strings.Contains(msg, "ent:") && !strings.Contains(msg, "sql")
}

// recoverFunc turns a panic in a resolver into INTERNAL, logging the panic value.
func recoverFunc(log *slog.Logger) graphql.RecoverFunc {
	return func(ctx context.Context, p any) error {
		log.ErrorContext(ctx, "panic in resolver", "panic", fmt.Sprint(p))
		return apperr.New(apperr.Internal, "internal error")
	}
}

// apiFieldName turns an ent field name (id_number) into the API's (idNumber).
func apiFieldName(name string) string {
	parts := strings.Split(name, "_")
	for i := 1; i < len(parts); i++ {
		switch parts[i] {
		case "id":
			parts[i] = "ID"
		default:
			if parts[i] != "" {
				parts[i] = strings.ToUpper(parts[i][:1]) + parts[i][1:]
			}
		}
	}
	return strings.Join(parts, "")
}

// cleanValidatorMessage rewords ent's built-in validator messages for people.
func cleanValidatorMessage(msg string) string {
	switch {
	case strings.HasPrefix(msg, "value is less than the required length"), msg == "value is empty":
		return "must not be empty"
	case strings.HasPrefix(msg, "value is greater than the required length"):
		return "is too long"
	case strings.HasPrefix(msg, "value does not match validation"):
		return "has an invalid format"
	case strings.HasPrefix(msg, "value out of range"):
		return "is out of range"
	}
	return msg
}

var (
	// SQLite: "UNIQUE constraint failed: customers.code"; MySQL: "Duplicate entry 'x' for key 'customer_code'"
	sqliteUnique = regexp.MustCompile(`UNIQUE constraint failed: [a-z_]+\.([a-z_]+)`)
	mysqlUnique  = regexp.MustCompile(`for key '(?:[a-z_]+\.)?([a-z_]+)'`)
)

// constraintMessage explains a constraint violation without quoting SQL: a unique violation
// is a CONFLICT naming the field when it can be told; a foreign-key violation means the input
// refers to a record that does not exist.
func constraintMessage(ce *ent.ConstraintError) (code, msg, field string) {
	text := ce.Error()
	if strings.Contains(text, "FOREIGN KEY") || strings.Contains(text, "foreign key constraint") {
		return apperr.BadUserInput, "refers to a record that does not exist", ""
	}
	if m := sqliteUnique.FindStringSubmatch(text); m != nil {
		field = apiFieldName(m[1])
	} else if m := mysqlUnique.FindStringSubmatch(text); m != nil {
		// ent names unique indexes <table>_<column>s or <column>; keep the last column word.
		key := m[1]
		if i := strings.Index(key, "_"); i >= 0 && !strings.HasSuffix(key, "_key") {
			key = key[i+1:]
		}
		field = apiFieldName(key)
	}
	if field != "" {
		return apperr.Conflict, field + ": a record with this value already exists", field
	}
	return apperr.Conflict, "a record with these values already exists", ""
}
