package store

import (
	"testing"
)

func TestScratchEQP(t *testing.T) {
	db, _ := newTestDB(t)
	w, _ := db.BeginScan(ScanMeta{})
	w.Add(instance("us-east-1", "i-1", "x"))
	w.commitStaging()
	prepareStaged(db.conn)
	db.conn.Exec("CREATE TEMP TABLE merge_plan (srow INTEGER PRIMARY KEY, old_vid INTEGER, first_seen INTEGER, changed INTEGER NOT NULL); CREATE INDEX temp.merge_plan_old ON merge_plan (old_vid); CREATE TEMP TABLE edge_plan (srow INTEGER PRIMARY KEY, old_rid INTEGER); CREATE INDEX temp.edge_plan_old ON edge_plan (old_rid)")
	qs := []string{}
	for _, s := range mergeSteps {
		qs = append(qs, s.sql)
	}
	qs = append(qs, "SELECT * FROM resources WHERE service='ec2' AND type='instance'", "SELECT * FROM resources WHERE id = 'i-1'",
		"SELECT * FROM relationships WHERE to_id = 'sg-1'")
	for _, q := range qs {
		st, _, err := db.conn.Prepare("EXPLAIN QUERY PLAN " + q)
		if err != nil {
			t.Logf("%.60s: %v", q, err)
			continue
		}
		if st.BindCount() > 0 {
			st.BindInt64(1, 1)
		}
		t.Logf("== %.100s", q)
		for st.Step() {
			t.Logf("   %s", st.ColumnText(3))
		}
		st.Close()
	}
}
