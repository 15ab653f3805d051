package scan

import (
	"context"
	"math"
	"sync"
	"time"

	"golang.org/x/time/rate"

	"github.com/awsmap/awsmap/internal/awsx"
)

// Rate control per endpoint (account, region, service): additive increase,
// multiplicative decrease. Each successful attempt adds a little rate back;
// a throttled attempt halves it, at most once per cooldown, because the
// attempts in flight when a limit is hit are throttled together and one
// overload must cost one halving, not one per concurrent request. Work
// spreads across endpoints because each has its own bucket.
const (
	startRate = 50.0   // requests per second per endpoint
	maxRate   = 2000.0 // never faster than this
	minRate   = 2.0    // never slower
	increase  = 1.0    // rate regained per successful attempt
	burst     = 50
	cooldown  = time.Second // minimum time between two halvings
)

type endpointLimiter struct {
	*rate.Limiter
	lastDecrease time.Time
}

type rateControl struct {
	mu       sync.Mutex
	limiters map[awsx.Endpoint]*endpointLimiter
	start    float64
	now      func() time.Time
}

func newRateControl(start float64) *rateControl {
	return &rateControl{limiters: map[awsx.Endpoint]*endpointLimiter{}, start: start, now: time.Now}
}

func (rc *rateControl) limiter(e awsx.Endpoint) *endpointLimiter {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	l, ok := rc.limiters[e]
	if !ok {
		l = &endpointLimiter{Limiter: rate.NewLimiter(rate.Limit(rc.start), burst)}
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
	switch now := rc.now(); {
	case throttled && now.Sub(l.lastDecrease) >= cooldown:
		r = max(r/2, minRate)
		l.lastDecrease = now
	case throttled:
		return r // already halved for this overload
	default:
		r = min(r+increase, maxRate)
	}
	l.SetLimit(rate.Limit(r))
	return r
}

// MinDuration is the least time rate control lets n calls to one endpoint
// take when none is throttled: a burst, then a rate growing by increase per
// call from startRate up to maxRate. Benchmarks use it as a lower bound.
func MinDuration(n int) time.Duration {
	m := float64(n - burst)
	if m <= 0 {
		return 0
	}
	// rate(k) = startRate + increase·k until maxRate: t = ∫ dk / rate(k)
	growCalls := (maxRate - startRate) / increase
	grow := math.Min(m, growCalls)
	t := math.Log1p(increase*grow/startRate) / increase
	if m > growCalls {
		t += (m - growCalls) / maxRate
	}
	return time.Duration(t * float64(time.Second))
}
