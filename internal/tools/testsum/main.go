// Command testsum keeps the score of `make test` across its stages (Go on SQLite, Go on
// MySQL, frontend unit tests, browser tests) and prints the closing summary line.
//
//	go test -json ./... | testsum -stage go-sqlite -file test-output/summary.tsv
//	    streams the test output as `go test -v` would print it, then appends the stage's
//	    counts to the file and prints "go-sqlite: N passed, N failed, N skipped".
//	testsum -stage vitest -file … -counts "P F S" [-rc N]
//	    records counts a stage produced by itself (non-zero rc with no failures counts one).
//	testsum -total -file test-output/summary.tsv
//	    prints every stage and, last, "N passed, N failed, N skipped"; exits 1 if anything failed.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
)

type event struct {
	Action  string
	Package string
	Test    string
	Output  string
}

type counts struct{ pass, fail, skip int }

func main() {
	stage := flag.String("stage", "", "name of the stage being recorded")
	file := flag.String("file", "test-output/summary.tsv", "summary file (one line per stage)")
	total := flag.Bool("total", false, "print the totals of the summary file")
	given := flag.String("counts", "", `counts of a stage that is not "go test -json": "passed failed skipped"`)
	rc := flag.Int("rc", 0, "exit code of that stage")
	flag.Parse()
	switch {
	case *total:
		os.Exit(printTotal(*file))
	case *stage == "":
		fmt.Fprintln(os.Stderr, "testsum: -stage or -total is required")
		os.Exit(2)
	case *given != "":
		var c counts
		if _, err := fmt.Sscan(*given, &c.pass, &c.fail, &c.skip); err != nil {
			// A stage that could not report counts (crashed before its summary) counts as one failure.
			c = counts{fail: 1}
		}
		if *rc != 0 && c.fail == 0 {
			c.fail = 1
		}
		record(*file, *stage, c)
	default:
		record(*file, *stage, stream(os.Stdin, os.Stdout))
	}
}

// stream echoes the output of a `go test -json` run and counts test results. A package that
// fails without a failing test (build error, panic in TestMain) counts as one failure.
func stream(r io.Reader, w io.Writer) counts {
	var c counts
	failedTests := map[string]bool{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		line := sc.Bytes()
		var e event
		if err := json.Unmarshal(line, &e); err != nil {
			fmt.Fprintln(w, string(line)) // build output is not JSON
			continue
		}
		switch e.Action {
		case "output":
			fmt.Fprint(w, e.Output)
		case "pass":
			if e.Test != "" && !strings.Contains(e.Test, "/") {
				c.pass++
			}
		case "skip":
			if e.Test != "" && !strings.Contains(e.Test, "/") {
				c.skip++
			}
		case "fail":
			if e.Test != "" {
				if !strings.Contains(e.Test, "/") {
					c.fail++
				}
				failedTests[e.Package] = true
			} else if !failedTests[e.Package] {
				c.fail++ // the package failed outside any test
			}
		}
	}
	return c
}

func record(file, stage string, c counts) {
	f, err := os.OpenFile(file, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
	if err != nil {
		fmt.Fprintln(os.Stderr, "testsum:", err)
		os.Exit(2)
	}
	defer f.Close()
	fmt.Fprintf(f, "%s\t%d\t%d\t%d\n", stage, c.pass, c.fail, c.skip)
	fmt.Printf("%s: %d passed, %d failed, %d skipped\n", stage, c.pass, c.fail, c.skip)
}

func printTotal(file string) int {
	data, err := os.ReadFile(file)
	if err != nil {
		fmt.Fprintln(os.Stderr, "testsum:", err)
		return 2
	}
	var t counts
	fmt.Println("stage summary:")
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		var (
			name string
			c    counts
		)
		if _, err := fmt.Sscanf(line, "%s\t%d\t%d\t%d", &name, &c.pass, &c.fail, &c.skip); err != nil {
			continue
		}
		fmt.Printf("  %-14s %5d passed %5d failed %5d skipped\n", name, c.pass, c.fail, c.skip)
		t.pass += c.pass
		t.fail += c.fail
		t.skip += c.skip
	}
	fmt.Printf("%d passed, %d failed, %d skipped\n", t.pass, t.fail, t.skip)
	if t.fail > 0 || t.pass == 0 {
		return 1
	}
	return 0
}
