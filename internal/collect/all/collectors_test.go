// The tests of every collector live in this package, one file per service
// (<service>_test.go, or <service>_<part>_test.go), so that they link into
// one test binary rather than one binary per service. A test is named for
// its service (TestSqsQueues); run one service's tests with
// go test ./internal/collect/all -run '^TestSqs[A-Z]'.
package all_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/awsmap/awsmap/internal/collect/collecttest"
	"github.com/awsmap/awsmap/internal/model"
)

func TestMain(m *testing.M) { collecttest.Main(m) }

// Values the tests of several services share.
const (
	region = "eu-west-1"
	key    = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
	keyID  = "1234abcd-12ab-34cd-56ef-1234567890ab"
)

var (
	account = collecttest.MotoAccount
	created = time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	ctx     = context.Background()
	roleARN = "arn:aws:iam::" + collecttest.MotoAccount + ":role/"
)

// check stops t on an error.
func check(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// fatalOnError returns a check of a call's two results (create calls whose
// answer the test does not read) that stops t on an error.
func fatalOnError(t *testing.T) func(any, error) {
	return func(_ any, err error) {
		t.Helper()
		check(t, err)
	}
}

// wantDetails checks the details of r that want names, compared as text.
func wantDetails(t *testing.T, r *model.Resource, want map[string]any) {
	t.Helper()
	if r == nil {
		t.Fatalf("resource missing, want %v", want)
	}
	for k, v := range want {
		if fmt.Sprint(r.Details[k]) != fmt.Sprint(v) {
			t.Errorf("%s details[%s] = %v, want %v", r.ID, k, r.Details[k], v)
		}
	}
}

// twoPerPage is the page of items that token asks for, two items a page.
func twoPerPage[T any](items []T, token *string) ([]T, *string) {
	return collecttest.Page(items, token, 2)
}

// three is prefix0, prefix1 and prefix2: the ids of three canned resources.
func three(prefix string) []string { return []string{prefix + "0", prefix + "1", prefix + "2"} }
