package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/awsmap/awsmap/internal/demo"
	"github.com/awsmap/awsmap/internal/diff"
)

// runCLI runs awsmap with args and returns the exit code, stdout and stderr.
func runCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Run(context.Background(), args, &out, &errb)
	return code, out.String(), errb.String()
}

// TestDiffMatchesDemoDrift scans two scans of the demo estate and checks
// the diff against the estate's own record of its drift (demo.Drift): per
// account and type, the same number of resources added and removed, and
// of tagged ones whose modification shows in their LastModified tag.
func TestDiffMatchesDemoDrift(t *testing.T) {
	path := filepath.Join(t.TempDir(), "demo.db")
	est := demo.New(demo.Options{Seed: 11, Size: 1500, Now: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)})
	for s := range 3 {
		if _, err := demo.ScanInto(context.Background(), path, est.Scan(s), demo.ScanOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	// Some demo types carry no tags at all (CloudWatch alarms): their
	// modifications cannot be told from those drift causes elsewhere.
	code, out, errs := runCLI(t, "--db", path, "query", "-f", "csv",
		"SELECT DISTINCT service || '/' || type FROM resources WHERE tags <> '{}'")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	tagged := map[string]bool{}
	for _, line := range strings.Split(out, "\n")[1:] {
		tagged[strings.TrimSpace(line)] = true
	}
	for _, tt := range []struct {
		from, to string
		a, b     int // demo scan numbers
	}{{"first", "previous", 0, 1}, {"previous", "latest", 1, 2}, {"first", "latest", 0, 2}} {
		code, out, errs := runCLI(t, "--db", path, "diff", "--from", tt.from, "--to", tt.to, "-f", "json")
		if code != ExitOK {
			t.Fatalf("exit %d: %s", code, errs)
		}
		var res diff.Result
		if err := json.Unmarshal([]byte(out), &res); err != nil {
			t.Fatal(err)
		}
		if len(res.Incomplete) != 0 {
			t.Fatalf("incomplete: %+v", res.Incomplete)
		}
		want, kinds := driftCounts(est.Drift(tt.a, tt.b), tagged)
		if len(want) == 0 {
			t.Fatal("the demo recorded no drift")
		}
		got := diffCounts(t, res.Entries, kinds)
		var diffs []string
		for _, k := range sortedKeys(union(want, got)) {
			if want[k] != got[k] {
				diffs = append(diffs, fmt.Sprintf("%s: demo %d, diff %d", k, want[k], got[k]))
			}
		}
		if len(diffs) > 0 {
			t.Errorf("%s to %s: the diff differs from the demo's drift:\n%s", tt.from, tt.to, strings.Join(diffs, "\n"))
		}
	}
}

// driftCounts counts the demo's changes per account, type and change
// ("tag" for the modifications of tagged items of taggedTypes), and lists
// the types.
func driftCounts(changes []demo.Change, taggedTypes map[string]bool) (map[string]int, map[string]bool) {
	counts, kinds := map[string]int{}, map[string]bool{}
	for _, c := range changes {
		k := c.Account + " " + c.Service + "/" + c.Type
		kinds[c.Service+"/"+c.Type] = true
		if c.Change != "modified" {
			counts[k+" "+c.Change]++
		} else if c.Tagged && taggedTypes[c.Service+"/"+c.Type] {
			counts[k+" tag"]++
		}
	}
	return counts, kinds
}

// diffCounts counts the entries of the demo's types like driftCounts: a
// modification counts when it changed the LastModified tag drift sets.
// Other modifications follow from drift elsewhere (an instance stopped
// changes its volumes' attachment state, a user added changes its group).
func diffCounts(t *testing.T, entries []diff.Entry, kinds map[string]bool) map[string]int {
	counts := map[string]int{}
	for _, e := range entries {
		if !kinds[e.Service+"/"+e.Type] {
			continue // types drift changes only through others (account summary)
		}
		k := e.Account + " " + e.Service + "/" + e.Type
		switch e.Change {
		case diff.Added, diff.Removed:
			counts[k+" "+e.Change]++
		case diff.Modified:
			for _, tag := range e.Tags {
				if tag.Path == "LastModified" {
					counts[k+" tag"]++
				}
			}
		default:
			t.Errorf("unexpected %s entry %s", e.Change, e.Key)
		}
	}
	return counts
}

func union(a, b map[string]int) map[string]int {
	out := map[string]int{}
	for k, v := range a {
		out[k] += v
	}
	for k, v := range b {
		out[k] += v
	}
	return out
}
