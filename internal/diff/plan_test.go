package diff

import (
	"context"
	"strings"
	"testing"

	"github.com/awsmap/awsmap/internal/store"
)

// TestQueriesUseIntervalIndexes: the diff reads one range of the
// first_scan or end_scan index per query, never the whole history.
func TestQueriesUseIntervalIndexes(t *testing.T) {
	r := history5(t)
	for _, tt := range []struct{ name, sql, index string }{
		{"opened versions", openedVersions, "resource_versions_first_scan (first_scan>? AND first_scan<?)"},
		{"closed versions", closedVersions, "resource_versions_end_scan (end_scan>? AND end_scan<?)"},
		{"opened edges", openedEdges, "relationship_versions_first_scan (first_scan>? AND first_scan<?)"},
		{"closed edges", closedEdges, "relationship_versions_end_scan (end_scan>? AND end_scan<?)"},
	} {
		rows, err := r.Query(context.Background(), "EXPLAIN QUERY PLAN "+tt.sql, 1, 2, "", "", "")
		if err != nil {
			t.Fatal(err)
		}
		var plan []string
		for rows.Next() {
			plan = append(plan, store.Text(rows.Values()[3]))
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(plan, "; "); !strings.Contains(got, "USING INDEX "+tt.index) {
			t.Errorf("%s: plan %q does not use %s", tt.name, got, tt.index)
		}
	}
}
