package awsx

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	awsmw "github.com/aws/aws-sdk-go-v2/aws/middleware"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/smithy-go/middleware"
)

// Endpoint is the unit of rate control: one service in one region of one account.
type Endpoint struct {
	Account, Region, Service string
}

// Call is what the ledger learns about one operation call (all its attempts).
type Call struct {
	Endpoint
	// Collector is the awsmap service whose collection made the call ("elbv2"),
	// or the SDK's service id in lower case outside collections ("sts").
	Collector string
	Operation string
	Attempts  int
	Throttles int
	Duration  time.Duration
	Err       error // final error, nil on success
	Page      bool  // a successful call of a paginated operation (see listPage)
	Items     int   // the elements of the page's top-level lists
}

// Observer sees every API call. Wait runs before each attempt (rate control),
// Attempt after it, Done once per call with the final outcome.
type Observer interface {
	Wait(ctx context.Context, e Endpoint) error
	Attempt(e Endpoint, throttled bool)
	Done(c Call)
}

// attribution says on whose behalf calls are made.
type attribution struct{ account, service string }

type attributionKey struct{}

// WithAccount tags ctx so calls made with it are attributed to account.
func WithAccount(ctx context.Context, account string) context.Context {
	return WithCollection(ctx, account, "")
}

// WithCollection tags ctx so calls made with it are attributed to account
// and to the awsmap service collecting (in the ledger).
func WithCollection(ctx context.Context, account, service string) context.Context {
	return context.WithValue(ctx, attributionKey{}, attribution{account, service})
}

func attributionOf(ctx context.Context) attribution {
	a, _ := ctx.Value(attributionKey{}).(attribution)
	return a
}

func accountOf(ctx context.Context) string { return attributionOf(ctx).account }

func collectorOf(ctx context.Context, serviceID string) string {
	if s := attributionOf(ctx).service; s != "" {
		return s
	}
	return strings.ToLower(strings.ReplaceAll(serviceID, " ", ""))
}

type callStateKey struct{}

// callState is shared by the per-call and per-attempt middlewares of one call.
// The attempt middleware records the endpoint and operation: some clients
// register their service metadata after our per-call middleware, so only
// later steps are sure to see it.
type callState struct {
	attempts, throttles int
	endpoint            Endpoint
	operation           string
}

func endpointOf(ctx context.Context) Endpoint {
	return Endpoint{Account: accountOf(ctx), Region: awsmw.GetRegion(ctx), Service: awsmw.GetServiceID(ctx)}
}

// instrument adds awsmap's middlewares to one operation's stack.
func instrument(s *middleware.Stack, obs Observer, resp Responder, local bool) error {
	if err := limitErrorRetries(s); err != nil {
		return err
	}
	if local {
		if err := s.Initialize.Add(disableHostPrefix, middleware.Before); err != nil {
			return err
		}
	}
	if obs != nil {
		if err := s.Initialize.Add(ledgerMiddleware(obs), middleware.Before); err != nil {
			return err
		}
		// After the retry middleware, so it runs once per attempt.
		if err := s.Finalize.Insert(attemptMiddleware(obs), "Retry", middleware.After); err != nil {
			return err
		}
	}
	if resp != nil {
		// Before the operation's deserializer: the responder replaces the
		// network round trip, while serialization checks, signing, the
		// retryer and our middlewares all still run.
		if err := s.Initialize.Add(captureInput, middleware.After); err != nil {
			return err
		}
		if err := s.Deserialize.Add(responderMiddleware(resp), middleware.Before); err != nil {
			return err
		}
		// Innermost, between the operation's deserializer and the network.
		return s.Deserialize.Add(emptyResponse, middleware.After)
	}
	return nil
}

func ledgerMiddleware(obs Observer) middleware.InitializeMiddleware {
	return middleware.InitializeMiddlewareFunc("awsmapLedger",
		func(ctx context.Context, in middleware.InitializeInput, next middleware.InitializeHandler) (middleware.InitializeOutput, middleware.Metadata, error) {
			st := &callState{endpoint: endpointOf(ctx), operation: awsmw.GetOperationName(ctx)}
			start := time.Now()
			out, md, err := next.HandleInitialize(context.WithValue(ctx, callStateKey{}, st), in)
			if st.operation == "" { // failed before any attempt: name it after its input type
				st.operation = strings.TrimSuffix(strings.TrimPrefix(fmt.Sprintf("%T", in.Parameters), "*"), "Input")
				st.operation = st.operation[strings.LastIndex(st.operation, ".")+1:]
			}
			c := Call{
				Endpoint:  st.endpoint,
				Collector: collectorOf(ctx, st.endpoint.Service),
				Operation: st.operation,
				Attempts:  st.attempts,
				Throttles: st.throttles,
				Duration:  time.Since(start),
				Err:       err,
			}
			if err == nil {
				c.Page, c.Items = listPage(in.Parameters, out.Result)
			}
			obs.Done(c)
			return out, md, err
		})
}

func attemptMiddleware(obs Observer) middleware.FinalizeMiddleware {
	return middleware.FinalizeMiddlewareFunc("awsmapAttempt",
		func(ctx context.Context, in middleware.FinalizeInput, next middleware.FinalizeHandler) (middleware.FinalizeOutput, middleware.Metadata, error) {
			e := endpointOf(ctx)
			if err := obs.Wait(ctx, e); err != nil {
				return middleware.FinalizeOutput{}, middleware.Metadata{}, err
			}
			out, md, err := next.HandleFinalize(ctx, in)
			throttled := err != nil && IsThrottle(err)
			if st, ok := ctx.Value(callStateKey{}).(*callState); ok {
				st.endpoint, st.operation = e, awsmw.GetOperationName(ctx)
				st.attempts++
				if throttled {
					st.throttles++
				}
			}
			obs.Attempt(e, throttled)
			return out, md, err
		})
}

// IsThrottle reports whether err is a throttling response.
func IsThrottle(err error) bool {
	return retry.IsErrorThrottles(retry.DefaultThrottles).IsErrorThrottle(err).Bool()
}

// IsCanceled reports whether err comes from a cancelled context (Ctrl-C).
func IsCanceled(err error) bool {
	return errors.Is(err, context.Canceled)
}
