// Package awsx loads AWS configuration for a scan and instruments every SDK
// client the collectors create: the ledger of calls, per-endpoint rate
// control, a retryer without a shared quota, endpoint overrides for emulators,
// and an in-process responder used by the demo estate and tests.
package awsx

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/ratelimit"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/smithy-go/logging"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// Options selects credentials and where the SDK sends requests.
type Options struct {
	Profile     string // shared-config profile; empty = default chain
	Region      string // starting region; empty = profile's region or us-east-1
	EndpointURL string // send every client to this URL (emulator, proxy)
	// Responder, when set, answers every call in process instead of the
	// network (demo estate, tests). Credentials become static fakes.
	Responder Responder
	// Credentials replace the default chain (tests, emulators). May be nil.
	Credentials aws.CredentialsProvider
	// Observer sees every call and attempt (ledger, rate control). May be nil.
	Observer Observer
	// MaxAttempts per throttled call, including the first; 0 means 10.
	// A call failing otherwise stops after maxErrorRetries+1 attempts.
	MaxAttempts int
	// MaxBackoff bounds the delay between attempts; 0 means 2s.
	MaxBackoff time.Duration
}

// UnknownProfileError is returned when -p names no profile of the shared
// config or credentials files.
type UnknownProfileError struct{ Profile string }

func (e *UnknownProfileError) Error() string {
	return fmt.Sprintf("unknown AWS profile %q (profiles live in ~/.aws/config and ~/.aws/credentials)", e.Profile)
}

// DefaultRegion is used when neither the profile nor the environment names one.
const DefaultRegion = "us-east-1"

// ErrNoCredentials is returned when the default chain finds nothing.
var ErrNoCredentials = errors.New("no AWS credentials found (use -p PROFILE, set AWS_PROFILE, or run `aws sso login`)")

// LoadConfig builds the aws.Config every collector client derives from. It
// uses the SDK's default chain, so environment variables, shared config and
// credentials files, SSO and assume-role profiles, and IMDS/ECS all work.
// With a Responder nothing is read from the environment or ~/.aws: the
// demo estate must work on a machine whatever its AWS set-up.
func LoadConfig(ctx context.Context, o Options) (aws.Config, error) {
	var cfg aws.Config
	var err error
	if o.Responder != nil {
		cfg = offlineConfig(o)
	} else if cfg, err = defaultConfig(ctx, o); err != nil {
		return aws.Config{}, err
	}
	if cfg.Region == "" {
		cfg.Region = DefaultRegion
	}
	guardBodies(&cfg)
	local := cfg.BaseEndpoint != nil || o.Responder != nil
	cfg.APIOptions = append(cfg.APIOptions, func(s *middleware.Stack) error {
		return instrument(s, o.Observer, o.Responder, local)
	})
	return cfg, nil
}

func defaultConfig(ctx context.Context, o Options) (aws.Config, error) {
	loaders := []func(*config.LoadOptions) error{
		// The SDK's log lines (e.g. IMDS fallbacks) would break our output;
		// failures reach the user through errors and the ledger instead.
		config.WithLogger(logging.Nop{}),
		config.WithRetryer(retryer(o)),
	}
	if o.Profile != "" {
		loaders = append(loaders, config.WithSharedConfigProfile(o.Profile))
	}
	if o.Region != "" {
		loaders = append(loaders, config.WithRegion(o.Region))
	}
	if o.EndpointURL != "" {
		loaders = append(loaders, config.WithBaseEndpoint(o.EndpointURL))
	}
	if o.Credentials != nil {
		loaders = append(loaders, config.WithCredentialsProvider(o.Credentials))
	}
	cfg, err := config.LoadDefaultConfig(ctx, loaders...)
	var missing config.SharedConfigProfileNotExistError
	if errors.As(err, &missing) {
		return aws.Config{}, &UnknownProfileError{Profile: o.Profile}
	}
	if err != nil {
		return aws.Config{}, fmt.Errorf("loading AWS configuration: %w", err)
	}
	return cfg, nil
}

func offlineConfig(o Options) aws.Config {
	cfg := aws.Config{
		Region:      o.Region,
		Credentials: o.Credentials,
		Retryer:     retryer(o),
		Logger:      logging.Nop{},
	}
	if cfg.Credentials == nil {
		cfg.Credentials = credentials.NewStaticCredentialsProvider("AKIDDEMO", "demo-secret", "")
	}
	if o.EndpointURL != "" {
		cfg.BaseEndpoint = aws.String(o.EndpointURL)
	}
	return cfg
}

// retryer makes more attempts than the SDK's default, with bounded backoff
// and without the standard retryer's shared quota, which fails calls under
// concurrency ("retry quota exceeded"); rate control is ours, per endpoint.
func retryer(o Options) func() aws.Retryer {
	attempts, backoff := o.MaxAttempts, o.MaxBackoff
	if attempts == 0 {
		attempts = 10
	}
	if backoff == 0 {
		backoff = 2 * time.Second
	}
	return func() aws.Retryer {
		return retry.NewStandard(func(so *retry.StandardOptions) {
			so.MaxAttempts = attempts
			so.MaxBackoff = backoff
			so.RateLimiter = ratelimit.None
		})
	}
}

// maxErrorRetries bounds the retries of a call that fails for any reason
// but throttling: the SDK standard's three attempts. An endpoint that
// refuses connections stays down for the next seconds, and a server error
// (a 5xx, an answer that is not AWS's) rarely clears within the call; ten
// attempts, with their backoff, only make the user wait. Throttling keeps
// every attempt MaxAttempts allows: waiting is what clears it.
const maxErrorRetries = 2

// notRetryable ends the retries of a call: the SDK retryer asks an error's
// RetryableError method first.
type notRetryable struct{ error }

func (notRetryable) RetryableError() bool { return false }
func (e notRetryable) Unwrap() error      { return e.error }

type errorRetriesKey struct{}

// limitErrorRetries makes the errors of a call other than throttling final
// after maxErrorRetries+1 attempts: one middleware before the retry
// middleware counts per call, one after it sees every attempt. An endpoint
// DNS does not know (IsNoEndpoint) is final at once.
func limitErrorRetries(s *middleware.Stack) error {
	perCall := middleware.FinalizeMiddlewareFunc("awsmapErrorCount",
		func(ctx context.Context, in middleware.FinalizeInput, next middleware.FinalizeHandler) (middleware.FinalizeOutput, middleware.Metadata, error) {
			return next.HandleFinalize(context.WithValue(ctx, errorRetriesKey{}, new(int)), in)
		})
	perAttempt := middleware.FinalizeMiddlewareFunc("awsmapErrorRetryLimit",
		func(ctx context.Context, in middleware.FinalizeInput, next middleware.FinalizeHandler) (middleware.FinalizeOutput, middleware.Metadata, error) {
			out, md, err := next.HandleFinalize(ctx, in)
			if n, ok := ctx.Value(errorRetriesKey{}).(*int); ok && err != nil && !IsThrottle(err) {
				if *n++; *n > maxErrorRetries || IsNoEndpoint(err) {
					err = notRetryable{err}
				}
			}
			return out, md, err
		})
	return errors.Join(
		s.Finalize.Insert(perCall, "Retry", middleware.Before),
		s.Finalize.Insert(perAttempt, "Retry", middleware.After))
}

// disableHostPrefix stops operations from prepending "api." and the like to
// the host, which emulators and proxies on one host name cannot answer.
var disableHostPrefix = middleware.InitializeMiddlewareFunc("awsmapNoHostPrefix",
	func(ctx context.Context, in middleware.InitializeInput, next middleware.InitializeHandler) (middleware.InitializeOutput, middleware.Metadata, error) {
		return next.HandleInitialize(smithyhttp.DisableEndpointHostPrefix(ctx, true), in)
	})
