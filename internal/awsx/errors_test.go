package awsx

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strings"
	"testing"

	"github.com/aws/smithy-go"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

func TestClassifyAndErrorCode(t *testing.T) {
	op := func(err error) error {
		return &smithy.OperationError{ServiceID: "EC2", OperationName: "DescribeInstances", Err: err}
	}
	api := func(code string) error { return op(&smithy.GenericAPIError{Code: code, Message: "m"}) }
	httpErr := op(&smithyhttp.ResponseError{Response: &smithyhttp.Response{Response: &http.Response{StatusCode: 404}}, Err: errors.New("decode")})
	tests := []struct {
		err     error
		outcome Outcome
		code    string
	}{
		{nil, OK, ""},
		{api("AccessDenied"), Denied, "AccessDenied"},
		{api("UnauthorizedOperation"), Denied, "UnauthorizedOperation"},
		{api("AccessDeniedException"), Denied, "AccessDeniedException"},
		{api("Throttling"), Throttled, "Throttling"},
		{api("RequestLimitExceeded"), Throttled, "RequestLimitExceeded"},
		{api("NoSuchBucketPolicy"), NotFound, "NoSuchBucketPolicy"},
		{api("ResourceNotFoundException"), NotFound, "ResourceNotFoundException"},
		{api("OptInRequired"), Unsupported, "OptInRequired"},
		{api("AWSOrganizationsNotInUseException"), Unsupported, "AWSOrganizationsNotInUseException"},
		{api("InternalError"), Failed, "InternalError"},
		{httpErr, Failed, "HTTP404"},
		{op(&smithy.DeserializationError{Err: errors.New("bad")}), Failed, "DeserializationError"},
		{fmt.Errorf("wrapped: %w", context.Canceled), Skipped, "Canceled"},
		{errors.New("something else"), Failed, "ClientError"},
		{op(&net.OpError{Op: "dial", Err: &net.DNSError{Err: "no such host", Name: "frauddetector.eu-north-1.amazonaws.com", IsNotFound: true}}), Unsupported, "NoEndpoint"},
		{op(&net.OpError{Op: "dial", Err: &net.DNSError{Err: "no such host", Name: "emulator.example", IsNotFound: true}}), Failed, "NetworkError"},
		{op(&net.OpError{Op: "dial", Err: &net.DNSError{Err: "server misbehaving", Name: "sqs.us-east-1.amazonaws.com", IsTemporary: true}}), Failed, "NetworkError"},
		{&NotApplicableError{Reason: "member account"}, Unsupported, "NotApplicable"},
		{NotEnabled("ListDetectors", "GuardDuty", "eu-west-1"), Unsupported, "NotEnabled"},
	}
	for _, tt := range tests {
		if got := Classify(tt.err); got != tt.outcome {
			t.Errorf("Classify(%v) = %s, want %s", tt.err, got, tt.outcome)
		}
		if got := ErrorCode(tt.err); got != tt.code {
			t.Errorf("ErrorCode(%v) = %q, want %q", tt.err, got, tt.code)
		}
	}
	if Operation(api("AccessDenied")) != "DescribeInstances" {
		t.Error("Operation lost the operation name")
	}
}

// TestCBORUnansweredSaysSo: a CBOR request (CloudWatch's SDK) answered in
// another format, as moto answers it, is named for what it is.
func TestCBORUnansweredSaysSo(t *testing.T) {
	answer := func(protocol, contentType string) error {
		req, _ := http.NewRequest("POST", "http://127.0.0.1:5000/service/x/operation/DescribeAlarms", nil)
		req.Header.Set("Smithy-Protocol", protocol)
		resp := &http.Response{StatusCode: 404, Header: http.Header{"Content-Type": {contentType}}, Request: req}
		return &smithy.OperationError{ServiceID: "CloudWatch", OperationName: "DescribeAlarms",
			Err: &smithyhttp.ResponseError{Response: &smithyhttp.Response{Response: resp}, Err: errors.New("deserialization failed")}}
	}
	moto := answer("rpc-v2-cbor", "text/html; charset=utf-8")
	if got := ErrorCode(moto); got != "CBORNotSupported" {
		t.Errorf("ErrorCode = %q", got)
	}
	if got := ErrorMessage(moto); !strings.HasPrefix(got, "the endpoint did not answer in the CBOR protocol (Smithy RPC v2) that the CloudWatch SDK speaks; emulators such as moto do not support it") {
		t.Errorf("ErrorMessage = %q", got)
	}
	for _, other := range []error{answer("rpc-v2-cbor", "application/cbor"), answer("", "text/html")} {
		if got := ErrorCode(other); got != "HTTP404" {
			t.Errorf("ErrorCode of a CBOR answer or a non-CBOR request = %q, want HTTP404", got)
		}
	}
}
