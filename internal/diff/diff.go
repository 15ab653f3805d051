// Package diff tells what changed in an inventory between two scans, and
// the history of one resource. Both read the validity intervals of
// resource_versions and relationship_versions: a diff reads only the
// versions opened or closed between its two scans (through the first_scan
// and end_scan indexes), never two whole snapshots, so its cost follows the
// drift, not the size of the estate.
//
// Gaps are never changes: a resource whose collection failed or did not run
// on the side that would make it removed (or added) is reported unknown,
// with the collection that failed.
package diff

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/awsmap/awsmap/internal/model"
	"github.com/awsmap/awsmap/internal/store"
)

// Querier is what diffs need from an inventory (a *store.Reader).
type Querier interface {
	Query(ctx context.Context, sql string, args ...any) (*store.Rows, error)
}

// Kinds of change.
const (
	Added    = "added"
	Removed  = "removed"
	Modified = "modified"
	Unknown  = "unknown"
)

// Changes lists the kinds of change, in report order.
var Changes = []string{Added, Removed, Modified, Unknown}

// Filters narrow a diff or a history lookup. Empty fields match anything.
type Filters struct {
	Accounts        []string // account ids; empty: every account
	Region, Service string
	// Tags: a resource matches when, on either side, it has for every key
	// one of the values listed.
	Tags map[string][]string
}

// matchCollection reports whether a collection is within the filters; one
// covering every region matches any region filter.
func (f Filters) matchCollection(c collection) bool {
	return (len(f.Accounts) == 0 || slices.Contains(f.Accounts, c.account)) && (f.Service == "" || c.service == f.Service) &&
		(f.Region == "" || c.region == f.Region || c.region == model.AllRegions)
}

func hasTags(t map[string]string, want map[string][]string) bool {
	for k, values := range want {
		if v, ok := t[k]; !ok || !slices.Contains(values, v) {
			return false
		}
	}
	return true
}

// Options choose what to compare and what to report.
type Options struct {
	From, To int64 // merged scan ids, From < To
	Filters
	Changes    []string // the kinds to report; empty: all
	IgnoreTags bool     // tag changes do not count
	Ignore     []string // details paths (and tags.KEY) whose changes do not count
}

// ScanRef is one of the compared scans.
type ScanRef struct {
	ID        int64  `json:"id"`
	StartedAt string `json:"started_at"`
}

// Result is a diff.
type Result struct {
	From       ScanRef `json:"from"`
	To         ScanRef `json:"to"`
	Entries    []Entry `json:"changes"`
	Incomplete []Gap   `json:"incomplete"`
}

// Entry is one changed resource.
type Entry struct {
	model.Key
	ARN    string `json:"arn,omitempty"`
	Name   string `json:"name,omitempty"`
	Change string `json:"change"`
	// Scan is the scan that saw the change (for a resource that changed
	// several times between the two scans, the last one).
	Scan int64 `json:"scan"`
	// Reason names the collection that makes an unknown entry unknown.
	Reason string        `json:"reason,omitempty"`
	Fields []FieldChange `json:"fields,omitempty"`
	Tags   []FieldChange `json:"tags,omitempty"`
	Edges  []EdgeChange  `json:"edges,omitempty"`
}

// EdgeChange is a relationship from the entry's resource that appeared
// (added) or disappeared (removed).
type EdgeChange struct {
	Change string    `json:"change"`
	Kind   string    `json:"kind"`
	To     model.Key `json:"to"`
}

// Compute diffs the inventory between o.From and o.To.
func Compute(ctx context.Context, q Querier, o Options) (*Result, error) {
	if o.From >= o.To {
		return nil, fmt.Errorf("--from (scan %d) must be an earlier scan than --to (scan %d)", o.From, o.To)
	}
	res := &Result{From: ScanRef{ID: o.From}, To: ScanRef{ID: o.To}}
	times, err := scanTimes(ctx, q)
	if err != nil {
		return nil, err
	}
	res.From.StartedAt, res.To.StartedAt = times[o.From], times[o.To]
	from, err := collectionsAt(ctx, q, o.From, "from")
	if err != nil {
		return nil, err
	}
	to, err := collectionsAt(ctx, q, o.To, "to")
	if err != nil {
		return nil, err
	}
	res.Incomplete = gaps(from, to, o.Filters)
	entries, err := resourceChanges(ctx, q, o, from, to)
	if err != nil {
		return nil, err
	}
	if err := edgeChanges(ctx, q, o, entries); err != nil {
		return nil, err
	}
	for _, e := range entries {
		if len(o.Changes) == 0 || slices.Contains(o.Changes, e.Change) {
			res.Entries = append(res.Entries, *e)
		}
	}
	slices.SortFunc(res.Entries, func(a, b Entry) int { return compareKeys(a.Key, b.Key) })
	return res, nil
}

// side is one resource version read by a diff. Its tags and details stay
// JSON text until a comparison or the tag filter needs them: most entries
// are additions and removals, which need neither.
type side struct {
	key                  model.Key
	arn, name, createdAt string
	isDefault            bool
	tags, details        []byte
	hash                 int64
	scan                 int64 // the scan that opened (new side) or closed (old side) it
}

func (s *side) parse() (version, error) {
	v, err := parseVersion(s.arn, s.name, s.createdAt, s.isDefault, s.tags, s.details)
	if err != nil {
		err = fmt.Errorf("%s: %w", s.key, err)
	}
	return v, err
}

// matches applies the tag filter to the sides of one entry.
func (f Filters) matches(sides ...*side) (bool, error) {
	if len(f.Tags) == 0 {
		return true, nil
	}
	for _, s := range sides {
		var tags map[string]string
		if err := json.Unmarshal(s.tags, &tags); err != nil {
			return false, fmt.Errorf("%s: tags: %w", s.key, err)
		}
		if hasTags(tags, f.Tags) {
			return true, nil
		}
	}
	return false, nil
}

// versionColumns are the columns readVersions scans.
const versionColumns = `account_id, region, service, type, id, coalesce(arn, ''), coalesce(name, ''),
	coalesce(created_at, ''), is_default, tags, details, hash`

// The versions valid at ?2 but not at ?1 (opened between them), and those
// valid at ?1 but not at ?2 (closed between them). Each reads one range of
// one index, named so that statistics taken when the table held one scan
// (every first_scan equal) cannot turn it into a pass over the history.
var (
	openedVersions = `SELECT ` + versionColumns + `, first_scan
		FROM main.resource_versions INDEXED BY resource_versions_first_scan
		WHERE first_scan > ?1 AND first_scan <= ?2 AND (end_scan IS NULL OR end_scan > ?2)` + keyFilter("", 3)
	closedVersions = `SELECT ` + versionColumns + `, end_scan
		FROM main.resource_versions INDEXED BY resource_versions_end_scan
		WHERE end_scan > ?1 AND end_scan <= ?2 AND first_scan <= ?1` + keyFilter("", 3)
)

// keyFilter narrows a query on the account, region and service columns
// (with prefix: from_account_id...) bound at ?n, ?n+1 and ?n+2 to
// Filters.params; an empty value matches everything.
func keyFilter(prefix string, n int) string {
	return " AND " + store.InAccounts(prefix+"account_id", n) + fmt.Sprintf(` AND (?%[2]d = '' OR %[1]sregion = ?%[2]d)`+
		` AND (?%[3]d = '' OR %[1]sservice = ?%[3]d)`, prefix, n+1, n+2)
}

// params are the values keyFilter binds: the accounts as a JSON array ("" for
// all), the region and the service.
func (f Filters) params() []any {
	return []any{store.AccountList(f.Accounts), f.Region, f.Service}
}

// readVersions reads the versions of sql (openedVersions or closedVersions).
func readVersions(ctx context.Context, q Querier, sql string, o Options) (map[model.Key]*side, error) {
	rows, err := q.Query(ctx, sql, append([]any{o.From, o.To}, o.params()...)...)
	if err != nil {
		return nil, fmt.Errorf("read versions: %w", err)
	}
	defer rows.Close()
	out := map[model.Key]*side{}
	for rows.Next() {
		v := rows.Values()
		s := &side{key: model.Key{Account: store.Text(v[0]), Region: store.Text(v[1]), Service: store.Text(v[2]), Type: store.Text(v[3]), ID: store.Text(v[4])},
			arn: store.Text(v[5]), name: store.Text(v[6]), createdAt: store.Text(v[7]), isDefault: store.Int(v[8]) != 0,
			tags: raw(v[9]), details: raw(v[10]), hash: store.Int(v[11]), scan: store.Int(v[12])}
		out[s.key] = s
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read versions: %w", err)
	}
	return out, nil
}

// resourceChanges pairs the versions closed and opened between the two
// scans by key: both sides make a modification, one side an addition or a
// removal, unless the collection on the other side failed.
func resourceChanges(ctx context.Context, q Querier, o Options, from, to *outcomes) (map[model.Key]*Entry, error) {
	opened, err := readVersions(ctx, q, openedVersions, o)
	if err != nil {
		return nil, err
	}
	closed, err := readVersions(ctx, q, closedVersions, o)
	if err != nil {
		return nil, err
	}
	entries := map[model.Key]*Entry{}
	for k, n := range opened {
		sides := []*side{n}
		old, both := closed[k]
		if both {
			if n.hash == old.hash {
				continue
			}
			sides = append(sides, old)
		}
		ok, err := o.matches(sides...)
		if err != nil {
			return nil, err
		}
		if !ok {
			continue
		}
		e := &Entry{Key: k, ARN: n.arn, Name: n.name, Change: Added, Scan: n.scan}
		if both {
			if err := modification(e, old, n, o); err != nil {
				return nil, err
			}
			if len(e.Fields) == 0 && len(e.Tags) == 0 {
				continue
			}
		} else if g, unknown := from.gapFor(k); unknown {
			e.Change, e.Reason = Unknown, g.String()
		}
		entries[k] = e
	}
	for k, old := range closed {
		if _, both := opened[k]; both {
			continue
		}
		ok, err := o.matches(old)
		if err != nil {
			return nil, err
		}
		if !ok {
			continue
		}
		e := &Entry{Key: k, ARN: old.arn, Name: old.name, Change: Removed, Scan: old.scan}
		if g, unknown := to.gapFor(k); unknown {
			e.Change, e.Reason = Unknown, g.String()
		}
		entries[k] = e
	}
	return entries, nil
}

// modification fills e with what changed from old to n, less what o
// ignores.
func modification(e *Entry, old, n *side, o Options) error {
	a, err := old.parse()
	if err != nil {
		return err
	}
	b, err := n.parse()
	if err != nil {
		return err
	}
	e.Change = Modified
	e.Fields, e.Tags = compareVersions(a, b)
	e.Fields = dropIgnored(e.Fields, "", o.Ignore)
	e.Tags = dropIgnored(e.Tags, "tags.", o.Ignore)
	if o.IgnoreTags {
		e.Tags = nil
	}
	return nil
}

// compareKeys orders keys by account, region, service, type, id.
func compareKeys(a, b model.Key) int {
	return cmp.Or(strings.Compare(a.Account, b.Account), strings.Compare(a.Region, b.Region),
		strings.Compare(a.Service, b.Service), strings.Compare(a.Type, b.Type), strings.Compare(a.ID, b.ID))
}

// scanTimes maps every scan id to its start time.
func scanTimes(ctx context.Context, q Querier) (map[int64]string, error) {
	rows, err := q.Query(ctx, `SELECT id, started_at FROM main.scans`)
	if err != nil {
		return nil, fmt.Errorf("list scans: %w", err)
	}
	defer rows.Close()
	out := map[int64]string{}
	for rows.Next() {
		out[store.Int(rows.Values()[0])] = store.Text(rows.Values()[1])
	}
	return out, rows.Err()
}

func raw(v any) []byte {
	switch x := v.(type) {
	case string:
		return []byte(x)
	case []byte:
		return x
	}
	return []byte("null")
}
