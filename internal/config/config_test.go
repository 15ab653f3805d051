package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "config")
	for _, kv := range [][2]string{{"profile", "prod"}, {"regions", "us-east-1, eu-west-1"}, {"workers", "8"},
		{"required_tags", "Owner,cost:center"}, {"query_format", "json"}, {"exclude_defaults", "TRUE"}, {"db", "/data/inv.db"},
		{"services", "ec2,s3"}} {
		if _, err := Set(path, kv[0], kv[1]); err != nil {
			t.Fatalf("set %s: %v", kv[0], err)
		}
	}
	c, err := LoadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if c.Profile != "prod" || strings.Join(c.Regions, ",") != "us-east-1,eu-west-1" || c.Workers != 8 ||
		strings.Join(c.RequiredTags, ",") != "Owner,cost:center" || c.QueryFormat != "json" ||
		c.ExcludeDefaults == nil || !*c.ExcludeDefaults || c.DB != "/data/inv.db" || len(c.Services) != 2 {
		t.Errorf("loaded %+v", c)
	}
	st, _ := os.Stat(path)
	if st.Mode().Perm() != 0o600 {
		t.Errorf("file mode %v", st.Mode().Perm())
	}
	dst, _ := os.Stat(filepath.Dir(path))
	if dst.Mode().Perm() != 0o700 {
		t.Errorf("dir mode %v", dst.Mode().Perm())
	}
	if was, err := Delete(path, "workers"); !was || err != nil {
		t.Errorf("delete: %v %v", was, err)
	}
	if was, _ := Delete(path, "workers"); was {
		t.Error("deleted twice")
	}
	e, _, _ := Read(path)
	if _, ok := e["workers"]; ok || len(e) != 7 {
		t.Errorf("after delete: %v", e)
	}
}

func TestRejects(t *testing.T) {
	path := filepath.Join(t.TempDir(), "config")
	for _, kv := range [][3]string{
		{"colour", "red", "valid keys: db, exclude_defaults"},
		{"workers", "0", "bad value for workers"},
		{"workers", "many", "bad value for workers"},
		{"query_format", "html", "table, json, csv or ndjson"},
		{"regions", "us-east-1,Mars", `unknown region "Mars"`},
		{"regions", "eu-wset-1", `unknown region "eu-wset-1" (did you mean eu-west-1`},
		{"exclude_defaults", "maybe", "true or false"},
		{"profile", "a b", "not a profile"},
	} {
		_, err := Set(path, kv[0], kv[1])
		if err == nil || !strings.Contains(err.Error(), kv[2]) {
			t.Errorf("set %s=%s: %v, want %q", kv[0], kv[1], err, kv[2])
		}
	}
	if _, err := os.Stat(path); err == nil {
		t.Error("a rejected set wrote the file")
	}
	if _, err := Set(path, "workrs", "3"); err == nil || !strings.Contains(err.Error(), "did you mean workers") {
		t.Errorf("no suggestion: %v", err)
	}
}

func TestReadSkipsBadLines(t *testing.T) {
	path := filepath.Join(t.TempDir(), "config")
	os.WriteFile(path, []byte("# c\nprofile=dev\nnonsense\nworkers=-1\nfoo=bar\n"), 0o600)
	e, problems, err := Read(path)
	if err != nil || e["profile"] != "dev" || len(e) != 1 || len(problems) != 3 || problems[0].Line != 3 {
		t.Errorf("%v %v %v", e, problems, err)
	}
}
