package diff

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// brief renders entries as "type/id change@scan", gaps as "side:type outcome".
func brief(r *Result) (entries, incomplete []string) {
	for _, e := range r.Entries {
		entries = append(entries, fmt.Sprintf("%s/%s %s@%d", e.Type, e.ID, e.Change, e.Scan))
	}
	for _, g := range r.Incomplete {
		incomplete = append(incomplete, fmt.Sprintf("%s:%s %s", g.Side, g.Type, g.Outcome))
	}
	return entries, incomplete
}

func TestCompute(t *testing.T) {
	r := history5(t)
	tests := []struct {
		name       string
		o          Options
		entries    []string
		incomplete []string
	}{
		{"adds, removes, nested and tag-only changes", Options{From: 1, To: 2},
			[]string{"instance/i-1 modified@2", "instance/i-2 removed@2", "instance/i-3 added@2", "security-group/sg-1 modified@2"}, nil},
		{"a denied service is unknown, not removed", Options{From: 2, To: 3},
			[]string{"instance/i-2 added@3", "instance/i-3 removed@3"}, []string{"to:user denied"}},
		{"removed before a denied --to is unknown", Options{From: 2, To: 4},
			[]string{"user/u-1 removed@4", "instance/i-2 added@3", "instance/i-3 unknown@3"}, []string{"to:instance denied"}},
		{"added after a denied --from is unknown", Options{From: 3, To: 5},
			[]string{"user/u-1 removed@4", "user/u-2 unknown@5"}, []string{"from:user denied"}},
		{"disappeared and came back unchanged", Options{From: 1, To: 5},
			[]string{"user/u-1 removed@4", "user/u-2 added@5", "instance/i-1 modified@2", "security-group/sg-1 modified@2"}, nil},
		{"a relationship is the only change", Options{From: 5, To: 6}, []string{"instance/i-1 modified@6"}, nil},
		{"service filter", Options{From: 1, To: 2, Filters: Filters{Service: "iam"}}, nil, nil},
		{"change filter", Options{From: 1, To: 2, Changes: []string{Removed}}, []string{"instance/i-2 removed@2"}, nil},
		{"tag filter, either side", Options{From: 1, To: 2, Filters: Filters{Tags: map[string][]string{"Team": {"b", "c"}}}},
			[]string{"instance/i-1 modified@2"}, nil},
		{"ignored field", Options{From: 1, To: 2, Ignore: []string{"ip_permissions"}},
			[]string{"instance/i-1 modified@2", "instance/i-2 removed@2", "instance/i-3 added@2"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			entries, incomplete := brief(compute(t, r, tt.o))
			if !slices.Equal(entries, tt.entries) || !slices.Equal(incomplete, tt.incomplete) {
				t.Errorf("got %q, incomplete %q\nwant %q, incomplete %q", entries, incomplete, tt.entries, tt.incomplete)
			}
		})
	}
}

// changes renders field changes as path: before -> after.
func changes(cs []FieldChange) string {
	var out []string
	for _, c := range cs {
		out = append(out, fmt.Sprintf("%s: %s -> %s", c.Path, c.Before, c.After))
	}
	return strings.Join(out, "; ")
}

func TestComputeDetails(t *testing.T) {
	r := history5(t)
	res := compute(t, r, Options{From: 1, To: 2})
	byID := map[string]Entry{}
	for _, e := range res.Entries {
		byID[e.ID] = e
	}
	sg, i1 := byID["sg-1"], byID["i-1"]
	if got, want := changes(sg.Fields), `ip_permissions[1].cidr: "0.0.0.0/0" -> "10.1.0.0/16"; ip_permissions[2]:  -> {"cidr":"0.0.0.0/0","from_port":24}`; got != want {
		t.Errorf("sg-1 fields:\n got %s\nwant %s", got, want)
	}
	if len(i1.Fields) != 0 {
		t.Errorf("i-1 fields changed: %s", changes(i1.Fields))
	}
	if got, want := changes(i1.Tags), `Owner:  -> "x"; Team: "a" -> "b"`; got != want {
		t.Errorf("i-1 tags:\n got %s\nwant %s", got, want)
	}
	var edges []string
	for _, e := range i1.Edges {
		edges = append(edges, e.Change+" "+e.Kind+" "+e.To.ID)
	}
	if want := []string{"removed in-subnet subnet-1", "added in-subnet subnet-2"}; !slices.Equal(edges, want) {
		t.Errorf("i-1 edges %q, want %q", edges, want)
	}
	ignored := compute(t, r, Options{From: 1, To: 2, IgnoreTags: true, Ignore: []string{"tags.Owner"}})
	for _, e := range ignored.Entries {
		if e.ID == "i-1" && (len(e.Tags) != 0 || len(e.Edges) != 2) {
			t.Errorf("--ignore-tags: i-1 = %+v", e)
		}
	}
	moved := compute(t, r, Options{From: 5, To: 6}).Entries[0]
	if moved.Name != "i-1-name" || len(moved.Fields)+len(moved.Tags) != 0 || len(moved.Edges) != 2 {
		t.Errorf("edge-only entry: %+v", moved)
	}
	unknown := compute(t, r, Options{From: 2, To: 4})
	for _, e := range unknown.Entries {
		if e.Change == Unknown && !strings.Contains(e.Reason, "ec2 instance List AccessDenied") {
			t.Errorf("unknown entry does not name the failed collection: %q", e.Reason)
		}
	}
}

func TestComputeRejectsReversedScans(t *testing.T) {
	if _, err := Compute(context.Background(), history5(t), Options{From: 3, To: 3}); err == nil {
		t.Error("From == To accepted")
	}
}

func TestHistory(t *testing.T) {
	r := history5(t)
	ctx := context.Background()
	h, err := Load(ctx, r, key("ec2", "instance", "i-2"))
	if err != nil {
		t.Fatal(err)
	}
	var events []string
	for _, e := range h.Events {
		events = append(events, fmt.Sprintf("%s@%d", e.Change, e.Scan))
	}
	if want := []string{"added@1", "removed@2", "reappeared@3"}; !slices.Equal(events, want) {
		t.Errorf("i-2 events %q, want %q", events, want)
	}
	if len(h.Versions) != 2 || h.Versions[0].EndScan != 2 || h.Versions[1].FirstScan != 3 {
		t.Errorf("i-2 versions: %+v", h.Versions)
	}
	sg, err := Load(ctx, r, key("ec2", "security-group", "sg-1"))
	if err != nil {
		t.Fatal(err)
	}
	if len(sg.Events) != 2 || !strings.Contains(changes(sg.Events[1].Fields), "ip_permissions[1].cidr") {
		t.Errorf("sg-1 events: %+v", sg.Events)
	}
	timeline, err := sg.Field("ip_permissions[1].cidr")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, v := range timeline {
		got = append(got, fmt.Sprintf("%d-%d %s", v.FirstScan, v.EndScan, v.Value))
	}
	if want := []string{`1-2 "0.0.0.0/0"`, `2-0 "10.1.0.0/16"`}; !slices.Equal(got, want) {
		t.Errorf("timeline %q, want %q", got, want)
	}
	if _, err := sg.Field("ip_permissions[x"); err == nil {
		t.Error("bad path accepted")
	}
	i1, err := Load(ctx, r, key("ec2", "instance", "i-1"))
	if err != nil {
		t.Fatal(err)
	}
	// Scan 4 denied EC2 instances: the last version may be stale.
	if len(i1.Incomplete) != 0 {
		t.Errorf("i-1 incomplete at the latest scan (5, ok): %+v", i1.Incomplete)
	}
	if e := i1.Events[1]; e.Scan != 2 || len(e.Edges) != 2 || len(e.Tags) != 2 || len(e.Fields) != 0 {
		t.Errorf("i-1 at scan 2: %+v", e)
	}
}

func TestFind(t *testing.T) {
	r := history5(t)
	for _, tt := range []struct {
		ref  string
		f    Filters
		want int
	}{
		{"i-2", Filters{}, 1}, {"arn:aws:iam:::u-1", Filters{}, 1}, {"u-1-name", Filters{}, 1},
		{"i-2", Filters{Service: "iam"}, 0}, {"nothing", Filters{}, 0},
	} {
		got, err := Find(context.Background(), r, tt.ref, tt.f)
		if err != nil || len(got) != tt.want {
			t.Errorf("Find(%q, %+v) = %+v, %v; want %d", tt.ref, tt.f, got, err, tt.want)
		}
	}
}
