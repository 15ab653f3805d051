package demo

import (
	"context"
	"os"
	"testing"
)

func TestZZDump(t *testing.T) {
	p := os.Getenv("ZZ_DB")
	if p == "" {
		t.Skip()
	}
	est := New(Options{Seed: 42, Size: 100000})
	if _, err := ScanInto(context.Background(), p, est.Scan(0), ScanOptions{}); err != nil {
		t.Fatal(err)
	}
}
