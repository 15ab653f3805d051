package store

import (
	"fmt"
	"os"
	"time"

	"github.com/ncruces/go-sqlite3"
)

// staleAfter is how old a running scan of another host must be before it
// is presumed dead (its process cannot be checked from here).
const staleAfter = 24 * time.Hour

// runningScan is a scans row still marked running.
type runningScan struct {
	id        int64
	pid       int64
	host      string
	startedAt string
}

// recoverStale marks aborted the scans left running by processes that no
// longer exist: on this host when the pid is gone, on another host when the
// scan started more than staleAfter ago. Their history was never merged, so
// only the status changes.
func recoverStale(conn *sqlite3.Conn, now time.Time) error {
	stale, err := staleScans(conn, now)
	if err != nil || len(stale) == 0 {
		return err
	}
	return inImmediate(conn, busyTimeout, func() error {
		for _, id := range stale {
			err := execSQL(conn, `UPDATE scans SET status = 'aborted', finished_at = ?
				WHERE id = ? AND status = 'running'`, formatTime(now), id)
			if err != nil {
				return fmt.Errorf("abort scan %d: %w", id, err)
			}
		}
		return nil
	})
}

// staleScans lists the running scans whose process is gone.
func staleScans(conn *sqlite3.Conn, now time.Time) ([]int64, error) {
	running, err := runningScans(conn)
	if err != nil {
		return nil, err
	}
	host := hostname()
	cutoff := formatTime(now.Add(-staleAfter))
	var stale []int64
	for _, s := range running {
		if s.host == host && !processAlive(s.pid) || s.host != host && s.startedAt < cutoff {
			stale = append(stale, s.id)
		}
	}
	return stale, nil
}

func runningScans(conn *sqlite3.Conn) ([]runningScan, error) {
	stmt, _, err := conn.Prepare(`SELECT id, coalesce(pid, 0), coalesce(host, ''), started_at
		FROM scans WHERE status = 'running'`)
	if err != nil {
		return nil, err
	}
	defer stmt.Close()
	var out []runningScan
	for stmt.Step() {
		out = append(out, runningScan{
			id: stmt.ColumnInt64(0), pid: stmt.ColumnInt64(1),
			host: stmt.ColumnText(2), startedAt: stmt.ColumnText(3),
		})
	}
	return out, stmt.Err()
}

// hostname names this host in scans.host; "" when the system cannot say.
func hostname() string {
	h, _ := os.Hostname()
	return h
}
