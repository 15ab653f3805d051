package collecttest

import (
	"errors"
	"slices"
	"testing"

	"github.com/aws/smithy-go"

	"github.com/awsmap/awsmap/internal/awsx"
)

// HasEdges fails t for every wanted "from -kind-> service/type:id" edge (see
// Recorder.Edges) that got did not record.
func HasEdges(t testing.TB, got Result, want ...string) {
	t.Helper()
	edges := got.Edges()
	for _, e := range want {
		if !slices.Contains(edges, e) {
			t.Errorf("missing relationship %s in %v", e, edges)
		}
	}
}

// AssertDenied stops t unless the collection failed as access denied and
// emitted no resource.
func AssertDenied(t testing.TB, got Result) {
	t.Helper()
	if awsx.Classify(got.Err) != awsx.Denied || len(got.Resources) != 0 {
		t.Fatalf("want a denied error and no resources, got %v and %d", got.Err, len(got.Resources))
	}
}

// AssertNoWarnings fails t when the collection recorded warnings.
func AssertNoWarnings(t testing.TB, got Result) {
	t.Helper()
	if w := got.Task.Warnings(); len(w) != 0 {
		t.Errorf("unexpected warnings: %v", w)
	}
}

// Created is err, except that the API error alreadyExists counts as success.
// Under load moto sometimes loses a create's response; the SDK retries and the
// retry finds the first attempt's resource. Fixtures use unique names, so
// that is the only way they meet such an error.
func Created(err error, alreadyExists string) error {
	var api smithy.APIError
	if errors.As(err, &api) && api.ErrorCode() == alreadyExists {
		return nil
	}
	return err
}
