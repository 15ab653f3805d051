package report

import (
	"testing"

	"github.com/awsmap/awsmap/internal/report/browsertest"
)

func TestTmpBig(t *testing.T) {
	p := browsertest.Open(t)
	p.Load("/tmp/rep/big.html", "")
	t.Logf("timings: %v", browsertest.Eval[map[string]float64](p, `window.awsmapReport.timings`))
	t.Logf("render %v", browsertest.Eval[float64](p, `window.awsmapReport.renderedAt`))
}
