package store

import (
	"fmt"
	"regexp"
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
	at, ok := ParseTimeSelector(selector, now)
	if !ok {
		id, err := r.ResolveScan(selector)
		if err != nil {
			err = fmt.Errorf("%w, or a time (YYYY-MM-DD, RFC 3339, 7d, 12h, yesterday, today)", err)
		}
		return id, err
	}
	when := formatTime(at)
	id, err := queryInt64(r.conn, `SELECT coalesce(max(id), 0) FROM main.scans
		WHERE status IN ('complete', 'partial') AND started_at <= ?1`, when)
	if err != nil {
		return 0, fmt.Errorf("resolve scan at %s: %w", when, err)
	}
	if id == 0 {
		first, err := r.firstScanTime()
		if err != nil {
			return 0, err
		}
		return 0, fmt.Errorf("no scan at or before %s (%q): the first complete or partial scan started at %s",
			when, selector, first)
	}
	return id, nil
}

// firstScanTime is the start of the first merged scan ("none" without one).
func (r *Reader) firstScanTime() (string, error) {
	stmt, _, err := r.conn.Prepare(`SELECT coalesce(min(started_at), 'none') FROM main.scans
		WHERE status IN ('complete', 'partial')`)
	if err != nil {
		return "", fmt.Errorf("list scans: %w", err)
	}
	defer stmt.Close()
	stmt.Step()
	return stmt.ColumnText(0), stmt.Err()
}
