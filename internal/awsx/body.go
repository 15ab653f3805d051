package awsx

import (
	"io"
	"net/http"

	"github.com/aws/aws-sdk-go-v2/aws"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
)

// bodyReadAfterClose is the SDK's HTTP client with request bodies that
// net/http may read after the SDK has closed them.
//
// The SDK closes a request's body as soon as the response arrives. net/http
// may still be in its final read of that body (it checks that nothing
// follows the Content-Length bytes). The SDK's body answers that read with
// io.EOF from WriteTo, which io.Copy reports as an error; net/http then
// closes the connection under the response being read, and the SDK retries
// a call the server has already carried out (a second CreateX fails with
// "already exists"). Hiding WriteTo leaves Read, which ends the same
// closed body with a clean io.EOF. Fast servers (moto on loopback) hit this
// often; AWS rarely.
type bodyReadAfterClose struct{ aws.HTTPClient }

func (c bodyReadAfterClose) Do(req *http.Request) (*http.Response, error) {
	if req.Body != nil && req.Body != http.NoBody {
		req.Body = readCloser{req.Body}
	}
	return c.HTTPClient.Do(req)
}

// readCloser has only the Read and Close of what it wraps.
type readCloser struct{ io.ReadCloser }

// guardBodies wraps cfg's HTTP client (the SDK's default when unset).
func guardBodies(cfg *aws.Config) {
	if cfg.HTTPClient == nil {
		cfg.HTTPClient = awshttp.NewBuildableClient()
	}
	cfg.HTTPClient = bodyReadAfterClose{cfg.HTTPClient}
}
