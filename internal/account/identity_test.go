package account

import (
	"context"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/awsmap/awsmap/internal/awsx"
)

// TestWhoAmIUnreachable: credentials that never reach AWS are reported as
// an unreachable endpoint, not as invalid credentials.
func TestWhoAmIUnreachable(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	url := "http://" + l.Addr().String()
	l.Close() // nothing listens there now
	cfg, err := awsx.LoadConfig(context.Background(), awsx.Options{EndpointURL: url, Region: "us-east-1",
		Credentials: credentials.NewStaticCredentialsProvider("AKID", "secret", ""), MaxBackoff: 50 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	_, err = WhoAmI(context.Background(), cfg)
	if err == nil || !strings.Contains(err.Error(), "cannot reach AWS") || !strings.Contains(err.Error(), "connection refused") {
		t.Errorf("WhoAmI = %v, want 'cannot reach AWS ... connection refused'", err)
	}
}
