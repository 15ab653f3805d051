package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/aws/smithy-go"
	"github.com/ncruces/go-sqlite3"

	"github.com/awsmap/awsmap/internal/awsx"
)

// TestScanRefusesForeignDBBeforeAnyCall: --db at another application's
// SQLite file fails with exit 2 before any AWS call, and the file keeps its
// bytes and its mode; query refuses it too.
func TestScanRefusesForeignDBBeforeAnyCall(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "app.db")
	conn, err := sqlite3.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := conn.Exec(`CREATE TABLE resources (id TEXT); INSERT INTO resources VALUES ('mine')`); err != nil {
		t.Fatal(err)
	}
	if err := conn.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(path)
	var calls atomic.Int64
	responder := awsx.ResponderFunc(func(context.Context, awsx.Request) (any, error) {
		calls.Add(1)
		return nil, &smithy.GenericAPIError{Code: "AccessDenied", Message: "no calls expected"}
	})

	code, _, errs := awsmapWith(t, responder, "--db", path, "-r", "us-east-1", "-s", "s3")
	if code != ExitUsage || !strings.Contains(errs, "is not an awsmap inventory") {
		t.Errorf("scan: exit %d, stderr %q; want 2 and 'is not an awsmap inventory'", code, errs)
	}
	if n := calls.Load(); n != 0 {
		t.Errorf("%d AWS calls before refusing the file, want 0", n)
	}
	if code, _, errs := awsmap(t, "query", "--db", path, "SELECT 1"); code != ExitUsage {
		t.Errorf("query: exit %d (%s), want 2", code, errs)
	}
	after, _ := os.ReadFile(path)
	fi, err := os.Stat(path)
	if err != nil || !bytes.Equal(before, after) || fi.Mode().Perm() != 0o644 {
		t.Errorf("the file changed: equal bytes %v, mode %v (%v)", bytes.Equal(before, after), fi.Mode(), err)
	}
}
