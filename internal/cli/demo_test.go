package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDemoRefusesToOverwriteWithoutForce(t *testing.T) {
	path := filepath.Join(t.TempDir(), "demo.db")
	if err := os.WriteFile(path, []byte("precious"), 0o600); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	if code := Run(context.Background(), []string{"demo", "--db", path, "--size", "300", "--scans", "1"}, &out, &errb); code != ExitUsage {
		t.Fatalf("exit %d, want %d: %s", code, ExitUsage, errb.String())
	}
	if b, _ := os.ReadFile(path); string(b) != "precious" {
		t.Fatal("the existing file was touched without --force")
	}
	if !strings.Contains(errb.String(), "--force") {
		t.Errorf("the refusal does not mention --force: %s", errb.String())
	}
	errb.Reset()
	code := Run(context.Background(), []string{"demo", "--db", path, "--size", "300", "--scans", "2", "--force"}, &out, &errb)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if b, _ := os.ReadFile(path); strings.HasPrefix(string(b), "precious") {
		t.Fatal("--force did not replace the file")
	}
	for _, want := range []string{"scan 2/2", "s to store", "Try next:", "awsmap --db " + path + " query"} {
		if !strings.Contains(errb.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, errb.String())
		}
	}
}
