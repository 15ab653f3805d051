package cli

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/awsmap/awsmap/internal/catalog"
)

func TestCoverage(t *testing.T) {
	t.Parallel()
	code, out, errs := awsmap(t, "coverage", "--width", "200")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	mods := catalog.SDK()
	tot := catalog.Totals(mods)
	if tot.Called == 0 || tot.Called >= tot.Reads || tot.Listed > tot.Called {
		t.Fatalf("implausible totals %+v", tot)
	}
	want := fmt.Sprintf("%d SDK modules: awsmap calls %s of %s read operations", len(mods), thousands(tot.Called), thousands(tot.Reads))
	if !strings.Contains(out, want) {
		t.Errorf("summary: want %q in\n%s", want, out)
	}
	for _, m := range mods {
		if m.Module != "ec2" {
			continue
		}
		listed, listings := m.Listings()
		row := fmt.Sprintf("%d/%d", listed, listings)
		if !strings.Contains(out, "\nec2 ") || !strings.Contains(out, row) {
			t.Errorf("no ec2 row with listings %s in\n%s", row, out)
		}
	}

	// --missing lists exactly the reads not called.
	code, out, _ = awsmap(t, "coverage", "--missing", "ec2")
	if code != ExitOK || !strings.Contains(out, "  DescribeFleetHistory\n") || strings.Contains(out, "  DescribeInstances\n") {
		t.Errorf("--missing ec2: exit %d\n%s", code, out)
	}
	// A module can be named by its awsmap service too.
	code, out, _ = awsmap(t, "coverage", "-f", "json", "logs")
	var got []catalog.SDKModule
	if err := json.Unmarshal([]byte(out), &got); code != ExitOK || err != nil || len(got) != 1 || got[0].Module != "cloudwatchlogs" {
		t.Errorf("coverage -f json logs: exit %d, %v, %+v", code, err, got)
	}
	code, _, errs = awsmap(t, "coverage", "ec3")
	if code != ExitUsage || !strings.Contains(errs, "did you mean ec2") {
		t.Errorf("unknown module: exit %d, %q", code, errs)
	}
}
