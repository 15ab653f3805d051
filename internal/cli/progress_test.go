package cli

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/scan"
)

// TestLiveLineNamesTheTailAndFitsTheTerminal: when the last collections
// are all running, the line names the oldest with its calls instead of an
// ETA; and the line never takes the terminal's full width.
func TestLiveLineNamesTheTailAndFitsTheTerminal(t *testing.T) {
	t.Parallel()
	ledger := scan.NewLedger()
	for range 2300 {
		ledger.Done(awsx.Call{Endpoint: awsx.Endpoint{Account: "1", Region: "eu-west-1", Service: "EC2"},
			Collector: "ec2", Operation: "DescribeSnapshotAttribute"})
	}
	width := 200
	p := &liveProgress{ledger: ledger, width: func() int { return width }, running: map[scan.Collection]time.Time{},
		start: time.Now().Add(-time.Minute), total: 5}
	snapshot := scan.Collection{Account: "1", Region: "eu-west-1", Service: "ec2", Type: "snapshot"}
	others := []scan.Collection{
		{Account: "1", Region: "us-east-1", Service: "ec2", Type: "volume"},
		{Account: "1", Region: "global", Service: "iam", Type: "user"},
		{Account: "1", Region: "eu-west-1", Service: "ec2", Type: "instance"},
		{Account: "1", Region: "eu-west-1", Service: "ec2", Type: "volume"},
	}
	p.Begin(snapshot)
	for _, c := range others {
		p.Begin(c)
	}
	if l := p.line(time.Now()); !strings.Contains(l, "ETA") || strings.Contains(l, "waiting") {
		t.Errorf("five running of five, nothing done: %q, want an ETA", l)
	}
	for _, c := range others[2:] {
		c.Outcome = awsx.OK
		p.Done(c)
	}
	l := p.line(time.Now())
	if want := "2/5 collections · waiting on ec2 snapshot eu-west-1, 2,300 calls (and 2 more) · 0 failed"; !strings.Contains(l, want) {
		t.Errorf("tail line %q, want %q", l, want)
	}
	for _, width = range []int{80, 60, 40} {
		if n := utf8.RuneCountInString(p.line(time.Now())); n >= width {
			t.Errorf("line of %d runes on a terminal of %d", n, width)
		}
	}
}
