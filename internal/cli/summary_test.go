package cli

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/awsmap/awsmap/internal/scan"
)

// TestTimingsLabelSumAndWallTime: the per-service column is summed, and the
// wall time is a line of its own, labelled.
func TestTimingsLabelSumAndWallTime(t *testing.T) {
	t.Parallel()
	res := scan.Result{Duration: 3 * time.Second, Resources: 7, Collections: []scan.Collection{
		{Service: "ec2", Duration: 4 * time.Second, Items: 5},
		{Service: "ec2", Duration: 2 * time.Second, Items: 1},
		{Service: "s3", Duration: time.Second, Items: 1},
	}}
	var b bytes.Buffer
	printTimings(&b, res)
	for _, want := range []string{"COLLECTION TIME", "\nec2                              6.0s          6\n",
		"\nsum                              7.0s          7\n", "\nwall time                        3.0s   (collections run in parallel"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("timings lack %q:\n%s", want, b.String())
		}
	}
}
