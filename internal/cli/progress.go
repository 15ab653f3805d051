package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"golang.org/x/term"

	"github.com/awsmap/awsmap/internal/account"
	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/model"
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

func (s sayer) identity(id account.Identity) {
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
		return newLiveProgress(w.(*os.File), ledger)
	}
	return &lineProgress{ctx: ctx, w: w, found: map[string]int{}, failed: map[string]int{}}
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

type quietProgress struct{}

func (quietProgress) Start(int)             {}
func (quietProgress) Begin(scan.Collection) {}
func (quietProgress) Done(scan.Collection)  {}
func (quietProgress) Stop()                 {}

// lineProgress prints plain lines for logs and pipes: each failed collection
// as it happens, then resources per service. Once the scan is interrupted
// it says nothing more: the collections cut short are not failures, and
// the caller says what became of the scan.
type lineProgress struct {
	ctx           context.Context
	w             io.Writer
	found, failed map[string]int
}

func (p *lineProgress) Start(int)             {}
func (p *lineProgress) Begin(scan.Collection) {}

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
		line := fmt.Sprintf("  %-18s %s", svc, plural(p.found[svc], "resource"))
		if n := p.failed[svc]; n > 0 {
			line += fmt.Sprintf(", %s failed", plural(n, "collection"))
		}
		fmt.Fprintln(p.w, line)
	}
}

// liveProgress redraws one line that fits the terminal: collections done,
// resources, calls, failures and the ETA; when only a few collections are
// left and nothing else waits, it names what is still running instead.
type liveProgress struct {
	w       io.Writer
	ledger  *scan.Ledger
	width   func() int // the terminal's current width
	mu      sync.Mutex
	total   int
	done    int
	items   int
	failed  int
	running map[scan.Collection]time.Time // the collections started, not done
	start   time.Time
	stop    chan struct{}
	wg      sync.WaitGroup
}

// tailCollections is how few remaining collections, all running, make the
// line name them instead of estimating a time.
const tailCollections = 3

func newLiveProgress(f *os.File, ledger *scan.Ledger) *liveProgress {
	return &liveProgress{w: f, ledger: ledger, width: terminalWidthOf(f), running: map[scan.Collection]time.Time{},
		stop: make(chan struct{}), start: time.Now()}
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
				fmt.Fprintf(p.w, "\r\033[K%s\n", p.line(time.Now()))
				return
			case <-tick.C:
				fmt.Fprintf(p.w, "\r\033[K%s", p.line(time.Now()))
			}
		}
	}()
}

func (p *liveProgress) Begin(c scan.Collection) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.running[c] = time.Now()
}

func (p *liveProgress) Done(c scan.Collection) {
	p.mu.Lock()
	defer p.mu.Unlock()
	delete(p.running, scan.Collection{Account: c.Account, Region: c.Region, Service: c.Service, Type: c.Type})
	p.done++
	p.items += c.Items
	if c.Failed() {
		p.failed++
	}
}

// line is the progress line at now, cut to the terminal's width (less one
// column: a full line makes some terminals wrap).
func (p *liveProgress) line(now time.Time) string {
	p.mu.Lock()
	done, total, items, failed := p.done, p.total, p.items, p.failed
	var tail []scan.Collection
	if left := total - done; left > 0 && left <= tailCollections && len(p.running) == left {
		for c := range p.running {
			tail = append(tail, c)
		}
		sort.Slice(tail, func(i, j int) bool { return p.running[tail[i]].Before(p.running[tail[j]]) })
	}
	p.mu.Unlock()
	elapsed := now.Sub(p.start)
	var state string
	switch {
	case len(tail) > 0:
		state = p.waitingOn(tail)
	case total > 0 && done == total:
		state = "done"
	case done > 0:
		state = fmt.Sprintf("ETA %.0fs", elapsed.Seconds()*float64(total-done)/float64(done))
	default:
		state = "ETA --"
	}
	// What matters most comes first, so that a narrow terminal cuts the rest.
	l := fmt.Sprintf("%d/%d collections · %s · %d failed · %s · %s · %.0fs", done, total, state, failed,
		plural(items, "resource"), plural(int(p.ledger.Calls()), "call"), elapsed.Seconds())
	const barWidth = 24
	if total > 0 && utf8.RuneCountInString(l)+barWidth+1 < p.width() {
		filled := barWidth * done / total
		l = strings.Repeat("█", filled) + strings.Repeat("░", barWidth-filled) + " " + l
	}
	return cut(l, p.width()-1)
}

// waitingOn names the longest-running of the last collections: "waiting on
// ec2 snapshot eu-west-1, 2,300 calls (and 1 more)".
func (p *liveProgress) waitingOn(tail []scan.Collection) string {
	c := tail[0]
	region := c.Region
	if region == model.GlobalRegion {
		region = "" // global services answer in their control-plane region
	}
	where := c.Region
	if where == "" {
		where = "all regions"
	}
	s := fmt.Sprintf("waiting on %s %s %s, %s", c.Service, c.Type, where,
		plural(p.ledger.CallsTo(c.Account, region, c.Service), "call"))
	if len(tail) > 1 {
		s += fmt.Sprintf(" (and %d more)", len(tail)-1)
	}
	return s
}

func (p *liveProgress) Stop() {
	if p.total == 0 {
		return
	}
	close(p.stop)
	p.wg.Wait()
}
