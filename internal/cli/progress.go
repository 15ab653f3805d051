package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"sort"
	"sync"
	"time"

	"golang.org/x/term"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/scan"
)

// sayer prints status lines unless quiet.
type sayer struct {
	w     io.Writer
	quiet bool
}

func newSayer(w io.Writer, quiet bool) sayer { return sayer{w: w, quiet: quiet} }

func (s sayer) line(msg string) {
	if !s.quiet {
		fmt.Fprintln(s.w, msg)
	}
}

func (s sayer) identity(id awsx.Identity) {
	if s.quiet {
		return
	}
	fmt.Fprintf(s.w, "Account: %s", id.Account)
	if id.Alias != "" {
		fmt.Fprintf(s.w, " (%s)", id.Alias)
	}
	fmt.Fprintf(s.w, "\nIdentity: %s\n", id.ARN)
	if id.AliasErr != nil {
		fmt.Fprintf(s.w, "Account alias unavailable: %s\n", awsx.ErrorMessage(id.AliasErr))
	}
}

// progressReporter is a scan.Progress that can be stopped.
type progressReporter interface {
	scan.Progress
	Stop()
}

// newProgress reports the progress of the scan that ctx governs.
func newProgress(ctx context.Context, w io.Writer, quiet bool, ledger *scan.Ledger) progressReporter {
	switch {
	case quiet:
		return quietProgress{}
	case isTerminal(w):
		return newLiveProgress(w, ledger)
	}
	return &lineProgress{ctx: ctx, w: w, found: map[string]int{}, failed: map[string]int{}}
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

type quietProgress struct{}

func (quietProgress) Start(int)            {}
func (quietProgress) Done(scan.Collection) {}
func (quietProgress) Stop()                {}

// lineProgress prints plain lines for logs and pipes: each failed collection
// as it happens, then resources per service. Once the scan is interrupted
// it says nothing more: the collections cut short are not failures, and
// the caller says what became of the scan.
type lineProgress struct {
	ctx           context.Context
	w             io.Writer
	found, failed map[string]int
}

func (p *lineProgress) Start(int) {}

func (p *lineProgress) Done(c scan.Collection) {
	if p.ctx.Err() != nil {
		return
	}
	p.found[c.Service] += c.Items
	if c.Failed() {
		p.failed[c.Service]++
		fmt.Fprintf(p.w, "  %-18s %s/%s: %s %s\n", c.Service, c.Region, c.Type, c.Outcome, firstLine(c.ErrorMessage))
	}
}

func (p *lineProgress) Stop() {
	if p.ctx.Err() != nil {
		return
	}
	names := make([]string, 0, len(p.found))
	for svc := range p.found {
		names = append(names, svc)
	}
	sort.Strings(names)
	for _, svc := range names {
		line := fmt.Sprintf("  %-18s %s resources", svc, thousands(p.found[svc]))
		if n := p.failed[svc]; n > 0 {
			line += fmt.Sprintf(", %d failed collections", n)
		}
		fmt.Fprintln(p.w, line)
	}
}

// liveProgress redraws one line: tasks done, resources, calls, failures, ETA.
type liveProgress struct {
	w      io.Writer
	ledger *scan.Ledger
	mu     sync.Mutex
	total  int
	done   int
	items  int
	failed int
	start  time.Time
	stop   chan struct{}
	wg     sync.WaitGroup
}

func newLiveProgress(w io.Writer, ledger *scan.Ledger) *liveProgress {
	return &liveProgress{w: w, ledger: ledger, stop: make(chan struct{}), start: time.Now()}
}

func (p *liveProgress) Start(total int) {
	p.total = total
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		tick := time.NewTicker(200 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-p.stop:
				p.draw(true)
				return
			case <-tick.C:
				p.draw(false)
			}
		}
	}()
}

func (p *liveProgress) Done(c scan.Collection) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done++
	p.items += c.Items
	if c.Failed() {
		p.failed++
	}
}

func (p *liveProgress) draw(final bool) {
	p.mu.Lock()
	done, total, items, failed := p.done, p.total, p.items, p.failed
	p.mu.Unlock()
	elapsed := time.Since(p.start)
	eta := "--"
	if done > 0 && done < total {
		eta = fmt.Sprintf("%.0fs", elapsed.Seconds()*float64(total-done)/float64(done))
	}
	width := 24
	filled := 0
	if total > 0 {
		filled = width * done / total
	}
	bar := ""
	for i := range width {
		if i < filled {
			bar += "█"
		} else {
			bar += "░"
		}
	}
	fmt.Fprintf(p.w, "\r\033[K%s %d/%d collections · %s resources · %s calls · %d failed · %.0fs · ETA %s",
		bar, done, total, thousands(items), thousands(int(p.ledger.Calls())), failed, elapsed.Seconds(), eta)
	if final {
		fmt.Fprintln(p.w)
	}
}

func (p *liveProgress) Stop() {
	if p.total == 0 {
		return
	}
	close(p.stop)
	p.wg.Wait()
}
