package seed

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/mattn/go-isatty"
	"github.com/schollz/progressbar/v3"
)

// progress reports phases on a writer: a progress bar per bulk phase on a terminal, a line
// every 10% otherwise, and a line when each phase ends.
type progress struct {
	w   io.Writer
	tty bool
}

func newProgress(w io.Writer) *progress {
	p := &progress{w: w}
	if f, ok := w.(*os.File); ok && isatty.IsTerminal(f.Fd()) {
		p.tty = true
	}
	return p
}

// phaseBar tracks one phase. set is called from one goroutine at a time.
type phaseBar struct {
	p        *progress
	name     string
	total    int64
	start    time.Time
	bar      *progressbar.ProgressBar
	nextStep int64 // next 10% mark to print (non-terminal)
}

// start begins a phase of total units (customers); total 0 means no bar.
func (p *progress) start(name string, total int64) *phaseBar {
	b := &phaseBar{p: p, name: name, total: total, start: time.Now()}
	if p.w == nil || total <= 0 {
		return b
	}
	if p.tty {
		b.bar = progressbar.NewOptions64(total,
			progressbar.OptionSetWriter(p.w),
			progressbar.OptionSetDescription(fmt.Sprintf("%-17s", name)),
			progressbar.OptionSetWidth(30),
			progressbar.OptionShowCount(),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish(),
		)
	} else {
		b.nextStep = total / 10
	}
	return b
}

func (b *phaseBar) set(n int64) {
	switch {
	case b.bar != nil:
		b.bar.Set64(n)
	case b.p.w != nil && b.total > 0 && n >= b.nextStep && n < b.total:
		fmt.Fprintf(b.p.w, "seed: %-17s %3d%%  %d/%d customers  %s\n", b.name, n*100/b.total, n, b.total, time.Since(b.start).Round(time.Second))
		for b.nextStep <= n {
			b.nextStep += b.total / 10
		}
	}
}

// describe shows what the phase does now (e.g. building indexes after the rows).
func (b *phaseBar) describe(what string) {
	if b.bar != nil {
		b.bar.Describe(fmt.Sprintf("%-17s", b.name+": "+what))
	}
}

// finish ends the phase with a line of its row counts.
func (b *phaseBar) finish(counts map[string]int, elapsed time.Duration) {
	if b.bar != nil {
		b.bar.Finish()
	}
	if b.p.w == nil {
		return
	}
	rows := 0
	for _, n := range counts {
		rows += n
	}
	fmt.Fprintf(b.p.w, "seed: %-17s %9d rows  %8s  %s\n", b.name, rows, elapsed.Round(10*time.Millisecond), countsLine(counts))
}

// abort ends the phase after a failure.
func (b *phaseBar) abort() {
	if b.bar != nil {
		b.bar.Exit()
	}
	if b.p.w != nil {
		fmt.Fprintf(b.p.w, "seed: %-17s FAILED after %s (rolled back)\n", b.name, time.Since(b.start).Round(10*time.Millisecond))
	}
}

// summary prints the closing line of a run.
func (p *progress) summary(res *Result, customers int) {
	if p.w == nil {
		return
	}
	rows := res.Rows()
	rate := float64(rows) / res.Elapsed.Seconds()
	fmt.Fprintf(p.w, "seed: done: %d customers, %d rows in %s (%.0f rows/s)\n", customers, rows, res.Elapsed.Round(10*time.Millisecond), rate)
}
