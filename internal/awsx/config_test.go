package awsx

import (
	"context"
	"net"
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

// TestConnectionRefusedIsRetriedTwice: an endpoint that refuses connections
// costs three attempts, not ten.
func TestConnectionRefusedIsRetriedTwice(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	url := "http://" + l.Addr().String()
	l.Close() // nothing listens there now
	obs := &attempts{}
	cfg, err := LoadConfig(context.Background(), Options{EndpointURL: url, Region: "us-east-1", Observer: obs,
		Credentials: credentials.NewStaticCredentialsProvider("AKID", "secret", ""), MaxBackoff: 50 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	_, err = sts.NewFromConfig(cfg).GetCallerIdentity(context.Background(), &sts.GetCallerIdentityInput{})
	if err == nil || !strings.Contains(err.Error(), "connection refused") || APICode(err) != "" {
		t.Errorf("GetCallerIdentity = %v, want connection refused and no AWS error code", err)
	}
	if obs.n != maxConnectionRetries+1 {
		t.Errorf("%d attempts, want %d", obs.n, maxConnectionRetries+1)
	}
}
