package store

import (
	"testing"

	"github.com/ncruces/go-sqlite3"
)

func TestScratch(t *testing.T) {
	c, err := sqlite3.Open(":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	s, _, err := c.Prepare(`SELECT sqlite_version(), '{"a":1}'->>'$.a', (SELECT group_concat(compile_options) FROM pragma_compile_options)`)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for s.Step() {
		t.Log(s.ColumnText(0), s.ColumnText(1), s.ColumnText(2))
	}
}
