package store

import "testing"

// The ledger and coverage are kept as intervals: a scan that ends like the
// previous one writes no ledger row, yet the views show every scan's rows.
func TestLedgerIntervals(t *testing.T) {
	db, path := newTestDB(t)
	ok := collected("us-east-1", OutcomeOK)
	call := APICall{AccountID: testAccount, Region: "us-east-1", Service: "ec2", Operation: "DescribeInstances", Calls: 1, Outcome: OutcomeOK}
	scan := func(c Collection, a APICall) int64 {
		w, err := db.BeginScan(ScanMeta{AccountID: testAccount})
		if err != nil {
			t.Fatal(err)
		}
		if err := w.Finish(ScanResult{Status: StatusComplete, Collections: []Collection{c}, Calls: []APICall{a}}); err != nil {
			t.Fatal(err)
		}
		return w.ScanID()
	}
	s1 := scan(ok, call)
	s2 := scan(ok, call)
	denied := collected("us-east-1", OutcomeDenied)
	denied.ErrorCode = "AccessDenied"
	more := call
	more.Calls = 3
	s3 := scan(denied, more)
	// A scan killed before its ledger: it must show no ledger at all.
	other, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { other.Close() })
	killed, err := other.BeginScan(ScanMeta{AccountID: testAccount})
	if err != nil {
		t.Fatal(err)
	}
	s5 := scan(denied, more)

	tests := []struct {
		sql  string
		args []any
		want int64
	}{
		{`SELECT count(*) FROM collection_versions`, nil, 2}, // ok [s1, s3), denied [s3, ...)
		{`SELECT count(*) FROM call_versions`, nil, 2},       // 1 call [s1, s3), 3 calls [s3, ...)
		{`SELECT count(*) FROM collections`, nil, 4},         // one row per ledger-writing scan
		{`SELECT count(*) FROM collections WHERE scan_id = ?`, []any{killed.ScanID()}, 0},
		{`SELECT count(*) FROM coverage WHERE scan_id = ? AND outcome = 'ok'`, []any{s2}, 1},
		{`SELECT count(*) FROM coverage WHERE scan_id = ? AND error_code = 'AccessDenied'`, []any{s5}, 1},
		{`SELECT calls FROM api_calls WHERE scan_id = ?`, []any{s1}, 1},
		{`SELECT calls FROM api_calls WHERE scan_id = ?`, []any{s3}, 3},
		{`SELECT api_calls FROM scans WHERE id = ?`, []any{s5}, 3},
		{`SELECT failures FROM scans WHERE id = ?`, []any{s3}, 1},
	}
	for _, tt := range tests {
		if got := count(t, db, tt.sql, tt.args...); got != tt.want {
			t.Errorf("%s %v = %d, want %d", tt.sql, tt.args, got, tt.want)
		}
	}
}
