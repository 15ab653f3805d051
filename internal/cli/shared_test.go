package cli

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/awsmap/awsmap/internal/demo"
)

// sharedInventory is a demo inventory that several tests read: built once,
// when a test first asks for it, and removed by TestMain.
type sharedInventory struct {
	name  string
	build func(path string) error
	once  sync.Once
	path  string
	err   error
}

// sharedDir holds the shared inventories.
var sharedDir = sync.OnceValues(func() (string, error) { return os.MkdirTemp("", "awsmap-cli-test-") })

// get returns the inventory's path, building it on first use.
func (s *sharedInventory) get(t testing.TB) string {
	t.Helper()
	s.once.Do(func() {
		dir, err := sharedDir()
		if err != nil {
			s.err = err
			return
		}
		s.path = filepath.Join(dir, s.name+".db")
		s.err = s.build(s.path)
	})
	if s.err != nil {
		t.Fatalf("shared inventory %s: %v", s.name, s.err)
	}
	return s.path
}

// removeSharedInventories deletes them all (TestMain calls it).
func removeSharedInventories() {
	if dir, err := sharedDir(); err == nil {
		os.RemoveAll(dir)
	}
}

// askDemo is a two-scan demo estate anchored to askTestNow, scanned in
// process.
var askDemo = &sharedInventory{name: "ask", build: func(path string) error {
	est := demo.New(demo.Options{Seed: 42, Size: 1500, Now: askTestNow.Truncate(24 * time.Hour)})
	for s := range 2 {
		if _, err := runDemoScan(context.Background(), path, est.Scan(s), demo.ServeOptions{}, 0, 42); err != nil {
			return err
		}
	}
	return nil
}}

// deniedIAMDemo is a two-scan demo estate whose IAM is denied, written by
// the demo command.
var deniedIAMDemo = &sharedInventory{name: "denied-iam", build: func(path string) error {
	return runDemoCommand(path, ExitPartial, "--size", "1500", "--scans", "2", "--deny", "iam")
}}

// smallDemo is a one-scan demo estate written by the demo command.
var smallDemo = &sharedInventory{name: "small", build: func(path string) error {
	return runDemoCommand(path, ExitOK, "--size", "300", "--scans", "1", "-q")
}}

// runDemoCommand runs awsmap demo into path and expects exit code want.
func runDemoCommand(path string, want int, args ...string) error {
	var out, errb bytes.Buffer
	if code := Run(testContext(nil), append([]string{"demo", "--db", path}, args...), &out, &errb); code != want {
		return fmt.Errorf("demo %v: exit %d, want %d: %s", args, code, want, errb.String())
	}
	return nil
}
