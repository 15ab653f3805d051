package store

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestParseTimeSelector(t *testing.T) {
	now := time.Date(2026, 12, 6, 15, 30, 0, 0, time.UTC)
	day := func(d int) time.Time { return time.Date(2026, 12, d, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		in   string
		want time.Time
		ok   bool
	}{
		{"today", day(6), true},
		{"Yesterday", day(5), true},
		{"2026-12-01", day(1), true},
		{"2026-12-01T10:00:00Z", time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC), true},
		{"2026-12-01T11:00:00+01:00", time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC), true},
		{"2d", now.Add(-48 * time.Hour), true},
		{"12h", now.Add(-12 * time.Hour), true},
		{"latest", time.Time{}, false},
		{"3", time.Time{}, false},
		{"3w", time.Time{}, false},
		{"2026-13-01", time.Time{}, false},
	}
	for _, tt := range tests {
		got, ok := ParseTimeSelector(tt.in, now)
		if ok != tt.ok || !got.Equal(tt.want) {
			t.Errorf("ParseTimeSelector(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

// TestResolveScanAt dates the three scans of threeScans on Dec 1, 3 and 5
// (10:00 UTC): a time between two scans selects the earlier one.
func TestResolveScanAt(t *testing.T) {
	path := threeScans(t)
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	err = errors.Join(
		execSQL(db.conn, `UPDATE scans SET started_at = '2026-12-0' || (2 * id - 1) || 'T10:00:00Z'`),
		db.Close())
	if err != nil {
		t.Fatal(err)
	}
	r := openTestReader(t, path)
	now := time.Date(2026, 12, 6, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		selector string
		want     int64
		errPart  string
	}{
		{"latest", 3, ""}, {"previous", 2, ""}, {"1", 1, ""},
		{"2026-12-04", 2, ""},           // start of Dec 4: after scan 2, before scan 3
		{"2026-12-03T10:00:00Z", 2, ""}, // exactly scan 2's start
		{"2026-12-03T09:59:59Z", 1, ""},
		{"today", 3, ""}, {"yesterday", 2, ""}, {"2d", 2, ""}, {"74h", 2, ""}, {"75h", 1, ""},
		{"2026-12-01", 0, "first complete or partial scan started at 2026-12-01T10:00:00Z"},
		{"6d", 0, "no scan at or before"},
		{"soon", 0, "or a time"},
	}
	for _, tt := range tests {
		got, err := r.ResolveScanAt(tt.selector, now)
		switch {
		case tt.errPart != "" && (err == nil || !strings.Contains(err.Error(), tt.errPart)):
			t.Errorf("ResolveScanAt(%q) = %d, %v; want an error with %q", tt.selector, got, err, tt.errPart)
		case tt.errPart == "" && (err != nil || got != tt.want):
			t.Errorf("ResolveScanAt(%q) = %d, %v; want %d", tt.selector, got, err, tt.want)
		}
	}
}

// TestResolveAccountScanAt: with one scan per account, the selectors of an
// account pick among its own scans (a multi-account scan counts for each).
func TestResolveAccountScanAt(t *testing.T) {
	db, path := newTestDB(t)
	for _, ids := range [][]string{{"111"}, {"222"}, {"111", "222"}, {"222"}} {
		meta, res := ScanMeta{}, ScanResult{Status: StatusComplete}
		if len(ids) == 1 {
			meta.AccountID = ids[0]
		}
		for _, id := range ids {
			res.Accounts = append(res.Accounts, ScanAccount{ID: id, Status: AccountOK})
		}
		w, err := db.BeginScan(meta)
		if err != nil {
			t.Fatal(err)
		}
		if err := w.Finish(res); err != nil {
			t.Fatal(err)
		}
	}
	if err := errors.Join(
		execSQL(db.conn, `UPDATE scans SET started_at = '2026-12-0' || id || 'T10:00:00Z'`),
		db.Close()); err != nil {
		t.Fatal(err)
	}
	r := openTestReader(t, path)
	now := time.Date(2026, 12, 6, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		account, selector string
		want              int64
		errPart           string
	}{
		{"111", "latest", 3, ""}, {"111", "previous", 1, ""}, {"222", "previous", 3, ""},
		{"", "previous", 3, ""}, {"222", "2026-12-03", 2, ""}, {"111", "2", 0, "scan 2 is not a scan of account 111 (its scans: [1 3])"},
		{"111", "2026-12-01", 0, "no scan at or before"}, {"333", "latest", 0, "no complete or partial scan of account 333"},
	}
	for _, tt := range tests {
		got, err := r.ResolveAccountScanAt(tt.selector, now, tt.account)
		switch {
		case tt.errPart != "" && (err == nil || !strings.Contains(err.Error(), tt.errPart)):
			t.Errorf("%s %q = %d, %v; want an error with %q", tt.account, tt.selector, got, err, tt.errPart)
		case tt.errPart == "" && (err != nil || got != tt.want):
			t.Errorf("%s %q = %d, %v; want %d", tt.account, tt.selector, got, err, tt.want)
		}
	}
}
