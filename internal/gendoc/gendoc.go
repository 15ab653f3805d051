// Package gendoc keeps generated files (docs tables, the type catalog) in
// step with what they are generated from: tests render the expected
// content and call Check or CheckSections, which fail on drift and rewrite
// the file when AWSMAP_UPDATE_DOCS is set.
package gendoc

import (
	"os"
	"regexp"
	"testing"
)

// UpdateEnv, when set, makes Check and CheckSections rewrite the files.
const UpdateEnv = "AWSMAP_UPDATE_DOCS"

// Check fails t when the file at path does not hold want; rerun names the
// test to run with UpdateEnv set to regenerate it.
func Check(t testing.TB, path, want, rerun string) {
	t.Helper()
	got, err := os.ReadFile(path)
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	if string(got) == want {
		return
	}
	if os.Getenv(UpdateEnv) != "" {
		if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("%s is out of date: run %s=1 %s", path, UpdateEnv, rerun)
}

// CheckSections is Check for the parts of a hand-written file between
// <!-- name:begin --> and <!-- name:end --> markers.
func CheckSections(t testing.TB, path string, sections map[string]string, rerun string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc := string(b)
	for name, body := range sections {
		re := regexp.MustCompile(`(?s)(<!-- ` + name + `:begin -->).*?(<!-- ` + name + `:end -->)`)
		if !re.MatchString(doc) {
			t.Fatalf("%s: no %s markers", path, name)
		}
		doc = re.ReplaceAllLiteralString(doc, "<!-- "+name+":begin -->"+body+"<!-- "+name+":end -->")
	}
	Check(t, path, doc, rerun)
}
