// Command c360 is the customer-360 CRM: API server, migrations, demo data and admin tasks in
// one binary. Run `c360 --help` for the commands.
package main

import (
	"fmt"
	"os"

	_ "github.com/c360crm/c360/search/meili" // registers the meili:// search backend
)

// Stamped at build time with -ldflags "-X main.version=… -X main.commit=…".
var (
	version = "dev"
	commit  = "none"
)

func main() {
	if err := newRootCmd().Execute(); err != nil {
		fmt.Fprintln(os.Stderr, "c360:", err)
		os.Exit(1)
	}
}
