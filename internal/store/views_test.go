package store

import (
	"fmt"
	"strings"
	"testing"

	"github.com/awsmap/awsmap/internal/model"
)

func TestViewColumnRenamesBaseColumns(t *testing.T) {
	param := model.TypeInfo{Service: "ssm", Type: "parameter", Fields: []model.Field{{Name: "type"}, {Name: "tier"}}}
	lb := model.TypeInfo{Service: "elbv2", Type: "load-balancer", Fields: []model.Field{{Name: "type"}}}
	tests := []struct {
		t    model.TypeInfo
		f    model.Field
		want string
	}{
		{param, param.Fields[0], "parameter_type"},
		{param, param.Fields[1], "tier"},
		{lb, lb.Fields[0], "load_balancer_type"},
	}
	for _, tt := range tests {
		if got := ViewColumn(tt.t, tt.f); got != tt.want {
			t.Errorf("ViewColumn(%s, %s) = %q, want %q", tt.t.Type, tt.f.Name, got, tt.want)
		}
	}
	if err := CheckTypes([]model.TypeInfo{param, lb}); err != nil {
		t.Errorf("renamed fields still rejected: %v", err)
	}
	dup := model.TypeInfo{Service: "x", Type: "y", Fields: []model.Field{{Name: "a"}, {Name: "a"}}}
	if err := CheckTypes([]model.TypeInfo{dup}); err == nil {
		t.Error("duplicate field accepted")
	}
}

// TestRelationshipLookupsUseIndexes checks that looking up the current
// edges from or to a resource, in an inventory of 2,000 edges, reads an
// index, not every edge.
func TestRelationshipLookupsUseIndexes(t *testing.T) {
	db, path := newTestDB(t)
	var in scanInput
	for i := range 1000 {
		id := fmt.Sprint("i-", i)
		in.resources = append(in.resources, instance("us-east-1", id, id))
		in.edges = append(in.edges, edge("us-east-1", id, fmt.Sprint("subnet-", i%50)),
			edge("us-east-1", id, fmt.Sprint("subnet-x", i%30)))
	}
	in.collections = []Collection{collected("us-east-1", OutcomeOK)}
	runScan(t, db, in)
	r := currentState(t, db, path)
	for column, index := range map[string]string{
		"from_id": "relationship_versions_from", "to_id": "relationship_versions_to"} {
		plan := readerRows(t, r, "EXPLAIN QUERY PLAN SELECT * FROM relationships WHERE "+column+" = ?", "i-1")
		if !strings.Contains(strings.Join(plan, "\n"), "USING INDEX "+index) {
			t.Errorf("lookup by %s: plan %q, want it to use %s", column, plan, index)
		}
	}
}

// TestStoredViewsMatchReaderViews checks that the current-state views
// stored in the file, for other SQLite clients, show what awsmap's own
// views show.
func TestStoredViewsMatchReaderViews(t *testing.T) {
	db, path := newTestDB(t)
	ok := []Collection{collected("us-east-1", OutcomeOK)}
	runScan(t, db, scanInput{resources: []*model.Resource{instance("us-east-1", "i-1", "one")},
		edges: []model.Relationship{edge("us-east-1", "i-1", "subnet-1")}, collections: ok})
	runScan(t, db, scanInput{
		resources:   []*model.Resource{instance("us-east-1", "i-1", "two"), instance("us-east-1", "i-2", "new")},
		edges:       []model.Relationship{edge("us-east-1", "i-1", "subnet-1"), edge("us-east-1", "i-2", "subnet-2")},
		collections: ok})
	r := currentState(t, db, path)
	for _, view := range []string{"resources", "relationships"} {
		order := " ORDER BY 5, 11" // id, then details or to_id
		stored, own := readerRows(t, r, "SELECT * FROM main."+view+order), readerRows(t, r, "SELECT * FROM temp."+view+order)
		if len(own) < 2 || strings.Join(stored, "\n") != strings.Join(own, "\n") {
			t.Errorf("%s: stored view shows %q, awsmap's shows %q", view, stored, own)
		}
	}
}
