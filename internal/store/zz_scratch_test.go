package store

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"
)

type stamp struct{ wall, cpu time.Duration }

func now() stamp {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return stamp{time.Duration(time.Now().UnixNano()), time.Duration(ru.Utime.Nano() + ru.Stime.Nano())}
}

func (s stamp) since() string {
	n := now()
	return (n.wall - s.wall).Round(time.Millisecond).String() + " cpu " + (n.cpu - s.cpu).Round(time.Millisecond).String()
}

func TestScratchPhases(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("N"))
	if n == 0 {
		t.Skip()
	}
	path := filepath.Join(t.TempDir(), "bench.db")
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if drop := os.Getenv("DROP"); drop != "" {
		if err := db.conn.Exec(drop); err != nil {
			t.Fatal(err)
		}
	}
	for pass := 0; pass < 2; pass++ {
		start := now()
		w, _ := db.BeginScan(ScanMeta{AccountID: benchAccount})
		for i := range n {
			r := synthetic(i)
			if err := w.Add(r); err != nil {
				t.Fatal(err)
			}
			if os.Getenv("EDGES") != "" {
				if err := w.Relate(syntheticEdge(r)); err != nil {
					t.Fatal(err)
				}
			}
		}
		if err := w.commitStaging(); err != nil {
			t.Fatal(err)
		}
		t.Logf("pass %d staging %v", pass, start.since())
		for _, step := range stagingSteps {
			s := now()
			if err := db.conn.Exec(step.sql); err != nil {
				t.Fatal(err)
			}
			if os.Getenv("V") != "" {
				t.Logf("  %-30s %v", step.name, s.since())
			}
		}
		if pass == 1 && os.Getenv("PROBE") != "" {
			for _, q := range []string{
				`SELECT count(*) FROM temp.staged_resources AS s JOIN main.resource_versions AS v ON v.end_scan IS NULL AND ` + fmt.Sprintf(sameKey, "v", "s"),
				`SELECT count(*) FROM temp.staged_resources AS s JOIN main.resource_versions AS v ON v.end_scan IS NULL AND ` + fmt.Sprintf(sameKey, "v", "s") + ` AND v.hash = s.hash`,
				`SELECT count(*) FROM temp.staged_resources AS s`,
				`SELECT count(*) FROM temp.staged_resources AS s WHERE s.hash <> 0`,
				`SELECT count(*) FROM main.resource_versions AS v WHERE v.hash <> 0`,
			} {
				s := now()
				n, err := queryInt64(db.conn, q)
				t.Logf("probe %d %v %v: %.80s", n, err, s.since(), q)
			}
		}
		start = now()
		conn := db.conn
		id := w.id
		err := inImmediate(conn, mergePatience, func() error {
			writeLedger(conn, id, ScanResult{Collections: benchCollections()})
			for _, step := range mergeSteps {
				s := now()
				if err := mergeStep(conn, step.sql, id); err != nil {
					return err
				}
				if os.Getenv("V") != "" {
					t.Logf("  %-30s %v", step.name, s.since())
				}
			}
			return closeScan(conn, id, StatusComplete, 0)
		})
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("pass %d merge+commit %v", pass, start.since())
		w.release()
	}
}
