package awsx

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/sts"
)

// attempts counts the attempts of every call (an Observer).
type attempts struct {
	mu sync.Mutex
	n  int
}

func (a *attempts) Wait(context.Context, Endpoint) error { return nil }
func (a *attempts) Attempt(Endpoint, bool)               { a.mu.Lock(); a.n++; a.mu.Unlock() }
func (a *attempts) Done(Call)                            {}

// TestRetryBudget: a call that fails for any reason but throttling costs
// three attempts, not ten; throttling keeps every attempt allowed.
func TestRetryBudget(t *testing.T) {
	refused, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	refusedURL := "http://" + refused.Addr().String()
	refused.Close() // nothing listens there now
	stsError := func(status int, code string) http.HandlerFunc {
		return func(w http.ResponseWriter, _ *http.Request) {
			w.WriteHeader(status)
			fmt.Fprintf(w, "<ErrorResponse><Error><Type>Sender</Type><Code>%s</Code><Message>m</Message></Error><RequestId>r</RequestId></ErrorResponse>", code)
		}
	}
	const maxAttempts = 6
	for _, c := range []struct {
		name     string
		handler  http.HandlerFunc // nil: connection refused
		attempts int
		want     string // in the error
	}{
		{"connection refused", nil, maxErrorRetries + 1, "connection refused"},
		{"server error", stsError(http.StatusInternalServerError, "InternalFailure"), maxErrorRetries + 1, "InternalFailure"},
		{"an answer that is not AWS's", func(w http.ResponseWriter, _ *http.Request) {
			w.WriteHeader(http.StatusInternalServerError)
			fmt.Fprint(w, "<!DOCTYPE html><html><body>not implemented</body></html>")
		}, maxErrorRetries + 1, "StatusCode: 500"},
		{"throttling", stsError(http.StatusBadRequest, "Throttling"), maxAttempts, "Throttling"},
	} {
		t.Run(c.name, func(t *testing.T) {
			url := refusedURL
			if c.handler != nil {
				srv := httptest.NewServer(c.handler)
				defer srv.Close()
				url = srv.URL
			}
			obs := &attempts{}
			cfg, err := LoadConfig(context.Background(), Options{EndpointURL: url, Region: "us-east-1", Observer: obs, MaxAttempts: maxAttempts,
				Credentials: credentials.NewStaticCredentialsProvider("AKID", "secret", ""), MaxBackoff: time.Millisecond})
			if err != nil {
				t.Fatal(err)
			}
			_, err = sts.NewFromConfig(cfg).GetCallerIdentity(context.Background(), &sts.GetCallerIdentityInput{})
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("GetCallerIdentity = %v, want an error with %q", err, c.want)
			}
			if obs.n != c.attempts {
				t.Errorf("%d attempts, want %d", obs.n, c.attempts)
			}
		})
	}
}

// TestNoEndpointIsFinal: an AWS endpoint DNS does not know (a service not
// offered in the region) costs one attempt and is recorded unsupported.
func TestNoEndpointIsFinal(t *testing.T) {
	obs := &attempts{}
	cfg, err := LoadConfig(context.Background(), Options{Region: "eu-north-1", Observer: obs,
		Credentials: credentials.NewStaticCredentialsProvider("AKID", "secret", ""), MaxBackoff: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	cfg.HTTPClient = &http.Client{Transport: &http.Transport{DialContext: func(_ context.Context, _, addr string) (net.Conn, error) {
		host, _, _ := net.SplitHostPort(addr)
		return nil, &net.OpError{Op: "dial", Net: "tcp", Err: &net.DNSError{Err: "no such host", Name: host, IsNotFound: true}}
	}}}
	_, err = sts.NewFromConfig(cfg).GetCallerIdentity(context.Background(), &sts.GetCallerIdentityInput{})
	if Classify(err) != Unsupported || ErrorCode(err) != "NoEndpoint" || !strings.Contains(ErrorMessage(err), "sts.eu-north-1.amazonaws.com") {
		t.Errorf("outcome %v, code %q, message %q; want unsupported, NoEndpoint, naming the host", Classify(err), ErrorCode(err), ErrorMessage(err))
	}
	if obs.n != 1 {
		t.Errorf("%d attempts, want 1", obs.n)
	}
}
