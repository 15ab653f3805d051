package store

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// relativeTime is "7d" or "12h": that long before now.
var relativeTime = regexp.MustCompile(`^(\d{1,6})([dh])$`)

// ParseTimeSelector turns a time selector into an instant: YYYY-MM-DD,
// "today" and "yesterday" are the start of that day (00:00 UTC), so that
// "--from yesterday" covers all of yesterday; RFC 3339 is exact; "Nd" and
// "Nh" are N days or hours before now. ok is false when s is none of these
// (a scan selector, or a mistake).
func ParseTimeSelector(s string, now time.Time) (t time.Time, ok bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	today := now.UTC().Truncate(24 * time.Hour)
	switch s {
	case "today":
		return today, true
	case "yesterday":
		return today.AddDate(0, 0, -1), true
	}
	if m := relativeTime.FindStringSubmatch(s); m != nil {
		n, _ := strconv.Atoi(m[1])
		unit := time.Hour
		if m[2] == "d" {
			unit = 24 * time.Hour
		}
		return now.UTC().Add(-time.Duration(n) * unit), true
	}
	if d, err := time.Parse("2006-01-02", s); err == nil {
		return d, true
	}
	if t, err := time.Parse(time.RFC3339, strings.ToUpper(s)); err == nil {
		return t.UTC(), true
	}
	return time.Time{}, false
}

// ResolveScanAt is ResolveScan that also accepts the times of
// ParseTimeSelector (relative to now): a time selects the last complete or
// partial scan that started at or before it, whose state is the inventory's
// knowledge at that time.
func (r *Reader) ResolveScanAt(selector string, now time.Time) (int64, error) {
	return r.ResolveAccountScanAt(selector, now, "")
}

// ResolveAccountScanAt is ResolveScanAt among the scans of one account
// (those whose account list names it; all scans for ""): with one scan per
// account, "previous" is then that account's previous scan.
func (r *Reader) ResolveAccountScanAt(selector string, now time.Time, account string) (int64, error) {
	scans, err := r.mergedScanTimes(account)
	if err != nil {
		return 0, err
	}
	if len(scans) == 0 {
		if account == "" {
			return r.ResolveScan(selector) // says there is no scan
		}
		return 0, fmt.Errorf("no complete or partial scan of account %s", account)
	}
	at, isTime := ParseTimeSelector(selector, now)
	if !isTime {
		ids := make([]int64, len(scans))
		for i, s := range scans {
			ids[i] = s.id
		}
		if n, err := strconv.ParseInt(strings.TrimSpace(selector), 10, 64); err == nil && account != "" && !slices.Contains(ids, n) {
			return 0, fmt.Errorf("scan %d is not a scan of account %s (its scans: %v)", n, account, ids)
		}
		id, err := r.pickScan(selector, ids)
		if err != nil {
			err = fmt.Errorf("%w, or a time (YYYY-MM-DD, RFC 3339, 7d, 12h, yesterday, today)", err)
		}
		return id, err
	}
	when := formatTime(at)
	var id int64
	for _, s := range scans {
		if s.started <= when { // RFC 3339 UTC: text order is time order
			id = s.id
		}
	}
	if id == 0 {
		return 0, fmt.Errorf("no scan at or before %s (%q): the first complete or partial scan started at %s",
			when, selector, scans[0].started)
	}
	return id, nil
}

// mergedScan is a complete or partial scan and its start.
type mergedScan struct {
	id      int64
	started string
}

// mergedScanTimes lists the complete and partial scans (that read
// account, ok or partial in scan_accounts, when not empty) in id order.
func (r *Reader) mergedScanTimes(account string) ([]mergedScan, error) {
	stmt, _, err := r.conn.Prepare(`SELECT s.id, s.started_at FROM main.scans AS s
		WHERE s.status IN ('complete', 'partial') AND (?1 = '' OR EXISTS (SELECT 1 FROM main.scan_accounts AS a
			WHERE a.scan_id = s.id AND a.account_id = ?1 AND a.status IN ('ok', 'partial')))
		ORDER BY s.id`)
	if err != nil {
		return nil, fmt.Errorf("list scans: %w", err)
	}
	defer stmt.Close()
	if err := stmt.BindText(1, account); err != nil {
		return nil, fmt.Errorf("list scans: %w", err)
	}
	var out []mergedScan
	for stmt.Step() {
		out = append(out, mergedScan{stmt.ColumnInt64(0), stmt.ColumnText(1)})
	}
	if err := stmt.Err(); err != nil {
		return nil, fmt.Errorf("list scans: %w", err)
	}
	return out, nil
}
