package cli

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/model"
	"github.com/awsmap/awsmap/internal/scan"
)

// summary is the end-of-scan account of what happened.
type summary struct {
	resources, services, regions int
	calls, retries, throttles    int
	failedCollections            int
	unsupported                  int // service or operation not offered there: nothing to collect
	failures                     []failureGroup
	duration                     time.Duration
}

// failureGroup gathers failed collections by service, outcome and error code.
type failureGroup struct {
	service, outcome, code, operation, message string
	where                                      []string // account/region/type
}

func summarize(res scan.Result, ledger *scan.Ledger) summary {
	s := summary{resources: res.Resources, duration: res.Duration}
	services, regions := map[string]bool{}, map[string]bool{}
	groups := map[string]*failureGroup{}
	unreachable := map[string]bool{} // listed by printAccounts instead
	for _, a := range res.Accounts {
		unreachable[a.ID] = a.Err != nil
	}
	for _, c := range res.Collections {
		services[c.Service] = true
		if c.Region != model.GlobalRegion {
			regions[c.Region] = true
		}
		if c.Outcome == awsx.Unsupported {
			s.unsupported++
		}
		if !c.Failed() {
			continue
		}
		s.failedCollections++
		if unreachable[c.Account] {
			continue
		}
		key := c.Service + "|" + string(c.Outcome) + "|" + c.ErrorCode + "|" + c.Operation
		g, ok := groups[key]
		if !ok {
			g = &failureGroup{service: c.Service, outcome: string(c.Outcome), code: c.ErrorCode, operation: c.Operation, message: c.ErrorMessage}
			groups[key] = g
		}
		where := c.Region + "/" + c.Type
		if len(res.Accounts) > 1 {
			where = c.Account + "/" + where
		}
		g.where = append(g.where, where)
	}
	for _, g := range groups {
		s.failures = append(s.failures, *g)
	}
	sort.Slice(s.failures, func(i, j int) bool {
		if s.failures[i].service != s.failures[j].service {
			return s.failures[i].service < s.failures[j].service
		}
		return s.failures[i].code < s.failures[j].code
	})
	s.services, s.regions = len(services), len(regions)
	for _, r := range ledger.Rows() {
		s.calls += r.Calls
		s.retries += r.Retries
		s.throttles += r.Throttles
	}
	return s
}

func printSummary(w io.Writer, s summary, res scan.Result, timings bool) {
	if timings {
		printTimings(w, res)
	}
	status := "Scan complete"
	if s.failedCollections > 0 {
		status = fmt.Sprintf("Scan PARTIAL: %s failed", plural(s.failedCollections, "collection"))
	}
	retried := ""
	if s.retries > 0 || s.throttles > 0 {
		retried = fmt.Sprintf(" (%s, %s throttled)", plural(s.retries, "retry"), thousands(s.throttles))
	}
	fmt.Fprintf(w, "\n%s: %s, %s, %s, %s%s, %.1fs\n",
		status, plural(s.resources, "resource"), plural(s.services, "service"), plural(s.regions, "region"),
		plural(s.calls, "API call"), retried, s.duration.Seconds())
	for _, g := range s.failures {
		what := g.code
		if what == "" {
			what = g.outcome
		}
		op := ""
		if g.operation != "" {
			op = " on " + g.operation
		}
		fmt.Fprintf(w, "  %s: %s%s in %s: %s\n", g.service, what, op, abbreviate(g.where, 4), firstLine(g.message))
	}
	if s.unsupported > 0 {
		fmt.Fprintf(w, "  %s found their service not offered there (unsupported); nothing to collect.\n", plural(s.unsupported, "collection"))
	}
	if s.failedCollections > 0 {
		fmt.Fprintln(w, "  Nothing of a failed collection was retired; `awsmap query \"SELECT * FROM coverage WHERE outcome != 'ok'\"` lists them.")
	}
}

// printTimings shows per service the time its collections took, summed
// (they run in parallel, so the sum can exceed the scan's wall time), and
// its resources; then the sums, and the wall time apart.
func printTimings(w io.Writer, res scan.Result) {
	type row struct {
		service string
		d       time.Duration
		n       int
	}
	by := map[string]*row{}
	var total row
	for _, c := range res.Collections {
		r, ok := by[c.Service]
		if !ok {
			r = &row{service: c.Service}
			by[c.Service] = r
		}
		r.d += c.Duration
		r.n += c.Items
		total.d += c.Duration
		total.n += c.Items
	}
	rows := make([]*row, 0, len(by))
	for _, r := range by {
		rows = append(rows, r)
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].d > rows[j].d })
	fmt.Fprintf(w, "\n%-20s %16s %10s\n", "SERVICE", "COLLECTION TIME", "RESOURCES")
	for _, r := range rows {
		fmt.Fprintf(w, "%-20s %15.1fs %10s\n", r.service, r.d.Seconds(), thousands(r.n))
	}
	fmt.Fprintf(w, "%-20s %15.1fs %10s\n", "sum", total.d.Seconds(), thousands(total.n))
	fmt.Fprintf(w, "%-20s %15.1fs   (collections run in parallel: their sum exceeds it)\n", "wall time", res.Duration.Seconds())
}

func abbreviate(list []string, n int) string {
	sort.Strings(list)
	if len(list) <= n {
		return strings.Join(list, ", ")
	}
	return strings.Join(list[:n], ", ") + fmt.Sprintf(" and %d more", len(list)-n)
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// thousands formats n with comma separators.
func thousands(n int) string {
	s := fmt.Sprint(n)
	if n < 0 {
		return "-" + thousands(-n)
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
