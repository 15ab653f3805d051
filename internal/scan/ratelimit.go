package scan

import (
	"context"
	"sync"

	"golang.org/x/time/rate"

	"github.com/awsmap/awsmap/internal/awsx"
)

// Rate control per endpoint (account, region, service): additive increase,
// multiplicative decrease. A throttled attempt halves the endpoint's rate;
// each successful one adds a little back. Work spreads across endpoints
// because each has its own bucket.
const (
	startRate = 40.0  // requests per second per endpoint
	maxRate   = 200.0 // never faster than this
	minRate   = 0.5   // never slower than one request every 2 s
	increase  = 0.25  // rate regained per successful attempt
	burst     = 20
)

type rateControl struct {
	mu       sync.Mutex
	limiters map[awsx.Endpoint]*rate.Limiter
	start    float64
}

func newRateControl(start float64) *rateControl {
	return &rateControl{limiters: map[awsx.Endpoint]*rate.Limiter{}, start: start}
}

func (rc *rateControl) limiter(e awsx.Endpoint) *rate.Limiter {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	l, ok := rc.limiters[e]
	if !ok {
		l = rate.NewLimiter(rate.Limit(rc.start), burst)
		rc.limiters[e] = l
	}
	return l
}

func (rc *rateControl) wait(ctx context.Context, e awsx.Endpoint) error {
	return rc.limiter(e).Wait(ctx)
}

// adjust applies AIMD after an attempt and returns the new rate.
func (rc *rateControl) adjust(e awsx.Endpoint, throttled bool) float64 {
	l := rc.limiter(e)
	rc.mu.Lock()
	defer rc.mu.Unlock()
	r := float64(l.Limit())
	if throttled {
		r = max(r/2, minRate)
	} else {
		r = min(r+increase, maxRate)
	}
	l.SetLimit(rate.Limit(r))
	return r
}
