package awsx

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"testing"

	"github.com/aws/aws-sdk-go-v2/credentials"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// sdkBody is a request body as the SDK hands it to the HTTP client.
func sdkBody(t *testing.T) io.ReadCloser {
	t.Helper()
	req, err := smithyhttp.NewStackRequest().(*smithyhttp.Request).SetStream(bytes.NewReader([]byte(`{"Name":"x"}`)))
	if err != nil {
		t.Fatal(err)
	}
	return req.Build(context.Background()).Body
}

type recordingClient struct{ sent io.Reader }

func (c *recordingClient) Do(req *http.Request) (*http.Response, error) {
	c.sent = req.Body
	return &http.Response{StatusCode: http.StatusOK, Body: http.NoBody}, nil
}

// TestBodyReadAfterCloseEndsCleanly: net/http's last read of a request body
// can come after the SDK has closed it (see bodyReadAfterClose).
func TestBodyReadAfterCloseEndsCleanly(t *testing.T) {
	raw := sdkBody(t)
	raw.Close()
	if _, err := io.Copy(io.Discard, raw); err == nil {
		t.Log("the SDK's closed body now copies without error: bodyReadAfterClose may no longer be needed")
	}

	inner := &recordingClient{}
	body := sdkBody(t)
	req, _ := http.NewRequest(http.MethodPost, "http://localhost/", body)
	if _, err := (bodyReadAfterClose{inner}).Do(req); err != nil {
		t.Fatal(err)
	}
	body.Close() // what the SDK does when Do returns
	if n, err := io.Copy(io.Discard, inner.sent); n != 0 || err != nil {
		t.Errorf("reading the closed body as net/http does: %d bytes, %v; want 0, nil", n, err)
	}
}

// TestEveryConfigGuardsBodies: the guard is on whatever LoadConfig returns.
func TestEveryConfigGuardsBodies(t *testing.T) {
	creds := credentials.NewStaticCredentialsProvider("AKID", "secret", "")
	for name, o := range map[string]Options{
		"network":   {Region: "eu-west-1", Credentials: creds},
		"emulator":  {Region: "eu-west-1", Credentials: creds, EndpointURL: "http://127.0.0.1:1"},
		"responder": {Region: "eu-west-1", Responder: ResponderFunc(nil)},
	} {
		cfg, err := LoadConfig(context.Background(), o)
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := cfg.HTTPClient.(bodyReadAfterClose); !ok {
			t.Errorf("%s: HTTP client %T, want bodyReadAfterClose", name, cfg.HTTPClient)
		}
	}
}
