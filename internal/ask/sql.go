package ask

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
)

// sqlBuilder accumulates SQL text and its arguments in order.
type sqlBuilder struct {
	b    strings.Builder
	args []any
}

func (s *sqlBuilder) add(sql string, args ...any) {
	s.b.WriteString(sql)
	s.args = append(s.args, args...)
}

// build fills ans with the SQL, reads and interpretation of the intent.
func (p *parser) build(ans *Answer, o Options) error {
	in := &p.in
	ans.Interpretation = p.interpretation(o)
	ans.Regions = in.regions
	for _, t := range append(slices.Clone(in.targets), in.relTypes...) {
		ref := TypeRef{p.c.types[t].Service, p.c.types[t].Type}
		if !slices.Contains(ans.Reads, ref) {
			ans.Reads = append(ans.Reads, ref)
		}
	}
	if len(in.targets) == 0 {
		for _, t := range p.c.types {
			ans.Reads = append(ans.Reads, TypeRef{t.Service, t.Type})
		}
	}
	switch {
	case in.waste:
		ans.Waste = true
		ans.Interpretation = "Running the waste rules (resources that cost money for nothing)"
		if len(in.conds) > 0 || len(in.targets) > 0 || len(in.group) > 0 {
			return errors.New("waste questions take no other filter here: run `awsmap waste` with its flags")
		}
		ans.Reads = nil
		return nil
	case in.audit != "":
		ans.Audit = in.audit
		ans.Interpretation = fmt.Sprintf("Running the named query %s", in.audit)
		if len(in.conds) > 0 || len(in.group) > 0 || in.limit > 0 || len(in.order) > 0 {
			return fmt.Errorf("the %s audit answers this, but not with other filters: run `awsmap query -n %s`", in.audit, in.audit)
		}
		ans.Reads = nil
		return nil
	}
	var s sqlBuilder
	source := "resources"
	if in.history != "" {
		ans.History = true
		source = historyName
	}
	where := p.where(o)
	var whereSQL sqlBuilder
	if len(where) > 0 {
		whereSQL.add(" WHERE ")
		for i, c := range where {
			if i > 0 {
				whereSQL.add(" AND ")
			}
			whereSQL.add(c.sql, c.args...)
		}
	}
	switch {
	case len(in.group) > 0:
		p.groupSQL(&s, source, &whereSQL)
	case in.action == actCount:
		s.add("SELECT count(*) AS count FROM " + source + " AS r")
		s.add(whereSQL.b.String(), whereSQL.args...)
	default:
		p.listSQL(&s, source, &whereSQL)
	}
	ans.SQL, ans.Args = s.b.String(), s.args
	if in.history != "" {
		// The history source comes first, and carries the tags and details
		// JSON (most of a version's bytes) only when the question reads them.
		var h sqlBuilder
		p.historySource(&h, strings.Contains(ans.SQL, "r.tags") || strings.Contains(ans.SQL, "r.details"))
		ans.SQL, ans.Args = h.b.String()+ans.SQL, append(h.args, ans.Args...)
	}
	ans.Searched = p.searched(o)
	if in.history != "" {
		ans.Interpretation = p.historyText(o)
		ans.Searched = ans.Interpretation
	}
	return nil
}

// where lists the conditions: types, then the question's filters.
func (p *parser) where(o Options) []cond {
	var out []cond
	in := p.in
	switch len(in.targets) {
	case 0:
	case 1:
		t := p.c.types[in.targets[0]]
		out = append(out, cond{sql: "r.service = ? AND r.type = ?", args: []any{t.Service, t.Type}})
	default:
		var marks []string
		var args []any
		for _, i := range in.targets {
			marks = append(marks, "(?, ?)")
			args = append(args, p.c.types[i].Service, p.c.types[i].Type)
		}
		out = append(out, cond{sql: "(r.service, r.type) IN (VALUES " + strings.Join(marks, ", ") + ")", args: args})
	}
	if o.Account != "" {
		out = append(out, cond{sql: "r.account_id = ?", args: []any{o.Account}})
	}
	return append(out, in.conds...)
}

func (p *parser) listSQL(s *sqlBuilder, source string, where *sqlBuilder) {
	in := p.in
	cols := []string{"r.account_id", "r.region"}
	if len(in.targets) != 1 {
		cols = append(cols, "r.service", "r.type")
	}
	if in.history != "" {
		cols = append([]string{"r.change", "r.at"}, cols...)
	}
	cols = append(cols, "r.id", "r.name")
	seen := map[string]bool{}
	for _, c := range cols {
		seen[strings.TrimPrefix(c, "r.")] = true
	}
	var extraArgs []any
	for _, e := range append(slices.Clone(in.extra), orderExprs(in.order)...) {
		if seen[e.label] || e.label == "count" {
			continue
		}
		seen[e.label] = true
		cols = append(cols, e.sql+" AS "+quoteIdent(e.label))
		extraArgs = append(extraArgs, e.args...)
	}
	s.add("SELECT "+strings.Join(cols, ", ")+" FROM "+source+" AS r", extraArgs...)
	s.add(where.b.String(), where.args...)
	var order []string
	var orderArgs []any
	for _, o := range in.order {
		dir := ""
		if o.desc != in.reverse {
			dir = " DESC"
		}
		order = append(order, o.e.sql+dir)
		orderArgs = append(orderArgs, o.e.args...)
	}
	switch {
	case len(order) == 0 && in.reverse:
		order = []string{"r.created_at DESC"}
	case len(order) == 0 && in.history != "":
		order = []string{"r.at DESC"}
	}
	order = append(order, "r.account_id", "r.region", "r.name", "r.id")
	s.add(" ORDER BY "+strings.Join(order, ", "), orderArgs...)
	if in.limit > 0 {
		s.add(" LIMIT ?", in.limit)
	}
}

func orderExprs(os []orderBy) []expr {
	var out []expr
	for _, o := range os {
		out = append(out, o.e)
	}
	return out
}

func (p *parser) groupSQL(s *sqlBuilder, source string, where *sqlBuilder) {
	in := p.in
	var cols, nums []string
	var args []any
	for i, g := range in.group {
		cols = append(cols, g.sql+" AS "+quoteIdent(g.label))
		args = append(args, g.args...)
		nums = append(nums, fmt.Sprint(i+1))
	}
	inner := sqlBuilder{}
	inner.add("SELECT "+strings.Join(cols, ", ")+", count(*) AS count FROM "+source+" AS r", args...)
	inner.add(where.b.String(), where.args...)
	inner.add(" GROUP BY " + strings.Join(nums, ", "))
	if in.most {
		agg := "max"
		if len(in.order) > 0 && !in.order[0].desc {
			agg = "min"
		}
		with := "WITH g AS ("
		if source != "resources" {
			with = ", g AS (" // after the history's WITH h
		}
		s.add(with+inner.b.String()+") SELECT * FROM g WHERE count = (SELECT "+agg+"(count) FROM g) ORDER BY "+strings.Join(nums, ", "), inner.args...)
		return
	}
	s.add(inner.b.String(), inner.args...)
	var order []string
	for _, o := range in.order {
		dir := ""
		if o.desc {
			dir = " DESC"
		}
		if o.e.label == "count" {
			order = append(order, "count"+dir)
			continue
		}
		if i := slices.IndexFunc(in.group, func(g expr) bool { return g.label == o.e.label }); i >= 0 {
			order = append(order, fmt.Sprint(i+1)+dir)
		}
	}
	if len(order) == 0 {
		if in.action == actDistinct {
			order = nums
		} else {
			order = append([]string{"count DESC"}, nums...)
		}
	}
	s.add(" ORDER BY " + strings.Join(order, ", "))
	if in.limit > 0 {
		s.add(" LIMIT ?", in.limit)
	}
}

func quoteIdent(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

// searched says what an empty answer looked at.
func (p *parser) searched(o Options) string {
	in := p.in
	what := in.label
	if what == "" {
		what = "resources of any type"
	}
	s := "searched " + what
	if where := condText(in.conds, o); where != "" {
		s += " " + where
	}
	if o.Account == "" {
		s += " (every account)"
	}
	return s
}

// --- history ---------------------------------------------------------

// historyName is the name of the history source in the query.
const historyName = "h"

// historySource writes the WITH clause of historyName: the resource versions
// that changed within the time asked (default: in the latest scan), with a
// change column (added, modified, removed) and the time of the scan that saw
// it (at); tags and details only when payload is set.
func (p *parser) historySource(s *sqlBuilder, payload bool) {
	scans := "(SELECT max(id) FROM main.scans WHERE status IN ('complete', 'partial'))"
	var args []any
	if r := p.in.since; r != nil {
		scans = "(SELECT id FROM main.scans WHERE status IN ('complete', 'partial')"
		if !r.from.IsZero() {
			scans += " AND started_at >= ?"
			args = append(args, r.from.UTC().Format(time.RFC3339))
		}
		if !r.to.IsZero() {
			scans += " AND started_at < ?"
			args = append(args, r.to.UTC().Format(time.RFC3339))
		}
		scans += ")"
	}
	cols := "v.account_id, v.region, v.service, v.type, v.id, v.arn, v.name, v.created_at, v.is_default"
	if payload {
		cols += ", v.tags, v.details"
	}
	// A resource is added when its type had been collected in its account
	// before; the first scan of an account discovers, it does not add.
	added := "SELECT 'added' AS change, (SELECT started_at FROM main.scans WHERE id = v.first_scan) AS at, " + cols +
		" FROM main.resource_versions v WHERE v.first_scan IN " + scans + " AND v.first_scan = v.first_seen_scan" +
		" AND EXISTS (SELECT 1 FROM main.collection_versions c WHERE c.service = v.service AND c.type = v.type" +
		" AND c.account_id = v.account_id AND c.first_scan < v.first_scan)"
	modified := "SELECT 'modified' AS change, (SELECT started_at FROM main.scans WHERE id = v.first_scan) AS at, " + cols +
		" FROM main.resource_versions v WHERE v.first_scan IN " + scans + " AND v.first_scan > v.first_seen_scan"
	// Removed: closed by a scan that opened no next version of the key
	// (gone: keys closed EXCEPT keys opened, by the same scan). Set
	// operations, not a lookup per row: no index finds a key among closed
	// versions, and this SQLite builds no automatic index (a NOT EXISTS took
	// 27 s at 100k resources, this 0.3 s).
	gone := "gone AS MATERIALIZED (SELECT id, region, account_id, type, service, end_scan FROM main.resource_versions" +
		" WHERE end_scan IN " + scans + " EXCEPT SELECT id, region, account_id, type, service, first_scan" +
		" FROM main.resource_versions WHERE first_scan IN " + scans + "), "
	removed := "SELECT 'removed' AS change, (SELECT started_at FROM main.scans WHERE id = v.end_scan) AS at, " + cols +
		" FROM main.resource_versions v WHERE v.end_scan IN " + scans +
		" AND (v.id, v.region, v.account_id, v.type, v.service, v.end_scan) IN (SELECT * FROM gone)"
	var parts []string
	var all []any
	with := "WITH "
	switch p.in.history {
	case "added":
		parts, all = []string{added}, args
	case "removed":
		with += gone
		for range 3 { // twice in gone, once in removed
			all = append(all, args...)
		}
		parts = []string{removed}
	default:
		with += gone
		parts = []string{added, modified, removed}
		for range 5 { // twice in gone, once in added, modified and removed
			all = append(all, args...)
		}
	}
	s.add(with+historyName+" AS ("+strings.Join(parts, " UNION ALL ")+") ", all...)
}

func (p *parser) historyText(o Options) string {
	what := p.in.label
	if what == "" {
		what = "resources"
	}
	verb := map[string]string{"added": "added", "removed": "removed (deleted)", "changes": "added, modified or removed"}[p.in.history]
	when := "by the latest scan"
	if p.in.since != nil {
		when = p.in.since.text
	}
	s := fmt.Sprintf("Listing %s %s %s (from the scan history)", what, verb, when)
	if p.in.action == actCount || len(p.in.group) > 0 {
		s = "Counting" + strings.TrimPrefix(s, "Listing")
	}
	if where := condText(p.in.conds, o); where != "" {
		s += ", " + where
	}
	if len(p.in.group) > 0 {
		s += ", by " + groupText(p.in.group)
	}
	return s
}
