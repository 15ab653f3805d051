// The tests of every collector live in this package, one file per service
// (<service>_test.go, or <service>_<part>_test.go), so that they link into
// one test binary rather than one binary per service. A test is named for
// its service (TestSqsQueues); run one service's tests with
// go test ./internal/collect/all -run '^TestSqs[A-Z]'.
package all_test

import (
	"context"
	"testing"
	"time"

	"github.com/awsmap/awsmap/internal/collect/collecttest"
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
