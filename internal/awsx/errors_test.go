package awsx

import (
	"context"
	"errors"
	"fmt"
	"net/http"
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
		{&NotApplicableError{Reason: "member account"}, Unsupported, "NotApplicable"},
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
