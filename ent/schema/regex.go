package schema

import "regexp"

var (
	usernameRE = regexp.MustCompile(`^[a-zA-Z0-9][a-zA-Z0-9._-]{1,63}$`)
	codeRE     = regexp.MustCompile(`^[A-Z0-9][A-Z0-9_-]{1,63}$`)
	periodRE   = regexp.MustCompile(`^[0-9]{4}-(0[1-9]|1[0-2])$`)
)
