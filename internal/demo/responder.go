package demo

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"github.com/aws/smithy-go"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/catalog"
	"github.com/awsmap/awsmap/internal/suggest"
)

// ServeOptions shape how the estate answers.
type ServeOptions struct {
	// Latency is added to every call (every attempt), e.g. 40ms.
	Latency time.Duration
	// Throttle is the probability that an attempt is answered with a
	// Throttling error (deterministic pseudo-random sequence).
	Throttle float64
	// Deny lists services ("IAM") or operations ("S3.GetBucketPolicy"), by
	// SDK service id, answered with AccessDenied.
	Deny []string
	// PageScale multiplies the realistic page sizes (tests use small
	// values to exercise pagination); 0 means 1.
	PageScale float64
}

// NotImplementedCode is the error code of an operation the estate cannot answer.
const NotImplementedCode = "DemoNotImplemented"

// Responder serves one scan of the estate to the SDK.
type Responder struct {
	view      *View
	o         ServeOptions
	deny      map[string]bool
	attempts  atomic.Uint64
	throttled atomic.Int64
	calls     atomic.Int64
}

// NewResponder serves view.
func NewResponder(view *View, o ServeOptions) *Responder {
	r := &Responder{view: view, o: o, deny: map[string]bool{}}
	for _, d := range o.Deny {
		r.deny[d] = true
	}
	return r
}

// Calls is how many attempts were answered; Throttled how many of them throttled.
func (r *Responder) Calls() int64     { return r.calls.Load() }
func (r *Responder) Throttled() int64 { return r.throttled.Load() }

type handler func(c *call) (any, error)

// handlers maps "ServiceID.Operation" to its answer; each service file adds its own.
var handlers = map[string]handler{}

func register(service string, ops map[string]handler) {
	for op, h := range ops {
		handlers[service+"."+op] = h
	}
}

// Supported lists the operations the estate answers (for tests and docs).
func Supported() []string {
	out := make([]string, 0, len(handlers))
	for k := range handlers {
		out = append(out, k)
	}
	return out
}

// ResolveDeny maps what users type after `awsmap demo --deny` to
// ServeOptions.Deny keys: an SDK service id ("IAM") or "ServiceID.Operation"
// ("S3.GetBucketPolicy"), matched ignoring case and spaces ("iam",
// "elasticloadbalancingv2", "s3.getbucketpolicy"). An entry the estate does
// not serve is an error, with suggestions.
func ResolveDeny(entries []string) ([]string, error) {
	known := map[string]string{} // folded -> canonical
	for key := range handlers {
		service, _, _ := strings.Cut(key, ".")
		known[foldDeny(service)] = service
		known[foldDeny(key)] = key
	}
	out := make([]string, 0, len(entries))
	for _, e := range entries {
		k, ok := known[foldDeny(e)]
		if !ok {
			return nil, suggest.Unknown("service or operation", e, slices.Sorted(maps.Values(known)))
		}
		out = append(out, k)
	}
	return out, nil
}

func foldDeny(s string) string { return strings.ToLower(strings.ReplaceAll(s, " ", "")) }

// call is one request, with the view and the account it is about.
type call struct {
	r      *Responder
	v      *View
	acct   int
	region string
	in     any
}

// Respond implements awsx.Responder.
func (r *Responder) Respond(ctx context.Context, req awsx.Request) (any, error) {
	r.calls.Add(1)
	if r.o.Latency > 0 {
		t := time.NewTimer(r.o.Latency)
		select {
		case <-ctx.Done():
			t.Stop()
			return nil, ctx.Err()
		case <-t.C:
		}
	}
	key := req.Service + "." + req.Operation
	if r.o.Throttle > 0 {
		n := r.attempts.Add(1)
		if unit01(r.view.e.seed, n, 0x7407) < r.o.Throttle {
			r.throttled.Add(1)
			return nil, &smithy.GenericAPIError{Code: "Throttling", Message: "Rate exceeded (demo)", Fault: smithy.FaultClient}
		}
	}
	if r.deny[req.Service] || r.deny[key] {
		return nil, &smithy.GenericAPIError{Code: "AccessDenied", Message: fmt.Sprintf("User: arn:aws:iam::%s:user/demo is not authorized to perform: %s:%s (demo)", req.Account, strings.ToLower(req.Service), req.Operation), Fault: smithy.FaultClient}
	}
	acct := accountIndex(req.Account)
	if acct < 0 {
		acct = 0
	}
	h := handlers[key]
	if h == nil && catalog.IsRead(req.Operation) {
		// A type the estate has no data for: collected, with nothing to show.
		return nil, awsx.ErrEmptyAnswer
	}
	if h == nil {
		return nil, &smithy.GenericAPIError{Code: NotImplementedCode, Message: "the demo estate does not implement " + key, Fault: smithy.FaultServer}
	}
	return h(&call{r: r, v: r.view, acct: acct, region: req.Region, in: req.Input})
}

// pageSize is the realistic page size of an API, lowered to what the caller asked.
func (c *call) pageSize(realistic int, asked *int32) int {
	n := realistic
	if asked != nil && *asked > 0 && int(*asked) < n {
		n = int(*asked)
	}
	if c.r.o.PageScale > 0 {
		n = max(1, int(float64(n)*c.r.o.PageScale))
	}
	return n
}

func notFound(code, msg string) error {
	return &smithy.GenericAPIError{Code: code, Message: msg, Fault: smithy.FaultClient}
}

func tok(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
