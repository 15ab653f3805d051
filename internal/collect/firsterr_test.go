package collect

import (
	"errors"
	"testing"

	"github.com/aws/smithy-go"
)

func TestFirstErrKeepsTheFirstRealError(t *testing.T) {
	var f FirstErr
	f.Keep(nil)
	f.Keep(&smithy.GenericAPIError{Code: "ResourceNotFoundException"})
	if f.Err() != nil {
		t.Fatalf("nil and not-found are not errors, got %v", f.Err())
	}
	first, second := errors.New("denied"), errors.New("throttled")
	f.Keep(first)
	f.Keep(second)
	if f.Err() != first {
		t.Fatalf("want the first error, got %v", f.Err())
	}
}
