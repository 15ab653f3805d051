package diff

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sort"

	"github.com/awsmap/awsmap/internal/model"
	"github.com/awsmap/awsmap/internal/store"
)

// Reappeared is the change of a resource seen again after it disappeared.
const Reappeared = "reappeared"

// Candidate is a resource that a history reference names.
type Candidate struct {
	model.Key
	ARN  string `json:"arn,omitempty"`
	Name string `json:"name,omitempty"`
}

// Find returns the resources, current or gone, whose id, ARN or name is
// ref (within f, tags aside). Id and ARN matches win over name matches.
// Past versions are not indexed by id: this reads the whole history once.
func Find(ctx context.Context, q Querier, ref string, f Filters) ([]Candidate, error) {
	rows, err := q.Query(ctx, `SELECT account_id, region, service, type, id,
			coalesce(arn, ''), coalesce(name, ''), max(first_scan), max(id = ?1 OR arn = ?1)
		FROM main.resource_versions
		WHERE (id = ?1 OR arn = ?1 OR name = ?1)`+keyFilter("", 2)+`
		GROUP BY account_id, region, service, type, id
		ORDER BY account_id, region, service, type, id`, append([]any{ref}, f.params()...)...)
	if err != nil {
		return nil, fmt.Errorf("find %q: %w", ref, err)
	}
	defer rows.Close()
	var exact, named []Candidate
	for rows.Next() {
		v := rows.Values()
		c := Candidate{Key: model.Key{Account: store.Text(v[0]), Region: store.Text(v[1]), Service: store.Text(v[2]), Type: store.Text(v[3]), ID: store.Text(v[4])},
			ARN: store.Text(v[5]), Name: store.Text(v[6])}
		if store.Int(v[8]) != 0 {
			exact = append(exact, c)
		} else {
			named = append(named, c)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("find %q: %w", ref, err)
	}
	if len(exact) > 0 {
		return exact, nil
	}
	return named, nil
}

// Version is one stored version of a resource, valid from FirstScan until
// EndScan (0: still current).
type Version struct {
	FirstScan int64             `json:"first_scan"`
	From      string            `json:"from"`
	EndScan   int64             `json:"end_scan,omitempty"`
	Until     string            `json:"until,omitempty"`
	ARN       string            `json:"arn,omitempty"`
	Name      string            `json:"name,omitempty"`
	CreatedAt string            `json:"created_at,omitempty"`
	IsDefault bool              `json:"is_default"`
	Tags      map[string]string `json:"tags"`
	Details   json.RawMessage   `json:"details"`
	v         version
}

// Event is what happened to a resource at one scan.
type Event struct {
	Scan   int64         `json:"scan"`
	At     string        `json:"at"`
	Change string        `json:"change"` // added, modified, removed or reappeared
	Fields []FieldChange `json:"fields,omitempty"`
	Tags   []FieldChange `json:"tags,omitempty"`
	Edges  []EdgeChange  `json:"edges,omitempty"`
}

// History is every version of one resource and the events between them.
type History struct {
	model.Key
	Versions []Version `json:"versions"`
	Events   []Event   `json:"events"`
	// Incomplete is set when the latest scan did not collect the
	// resource's type successfully: its last version may be stale.
	Incomplete []Gap `json:"incomplete"`
}

// Load reads the history of k.
func Load(ctx context.Context, q Querier, k model.Key) (*History, error) {
	times, err := scanTimes(ctx, q)
	if err != nil {
		return nil, err
	}
	h := &History{Key: k, Incomplete: []Gap{}}
	if h.Versions, err = versionsOf(ctx, q, k, times); err != nil {
		return nil, err
	}
	if len(h.Versions) == 0 {
		return nil, fmt.Errorf("no resource %s in the inventory", k)
	}
	events := map[int64]*Event{}
	at := func(scan int64) *Event {
		if e, ok := events[scan]; ok {
			return e
		}
		e := &Event{Scan: scan, At: times[scan], Change: Modified}
		events[scan] = e
		return e
	}
	for i, v := range h.Versions {
		e := at(v.FirstScan)
		switch {
		case i == 0:
			e.Change = Added
		default:
			prev := h.Versions[i-1]
			if prev.EndScan != v.FirstScan {
				e.Change = Reappeared
			}
			e.Fields, e.Tags = compareVersions(prev.v, v.v)
		}
		if v.EndScan != 0 && (i == len(h.Versions)-1 || h.Versions[i+1].FirstScan != v.EndScan) {
			at(v.EndScan).Change = Removed
		}
	}
	if err := historyEdges(ctx, q, k, at); err != nil {
		return nil, err
	}
	for _, e := range events {
		h.Events = append(h.Events, *e)
	}
	sort.Slice(h.Events, func(i, j int) bool { return h.Events[i].Scan < h.Events[j].Scan })
	if h.Incomplete, err = latestGap(ctx, q, k); err != nil {
		return nil, err
	}
	return h, nil
}

func versionsOf(ctx context.Context, q Querier, k model.Key, times map[int64]string) ([]Version, error) {
	rows, err := q.Query(ctx, `SELECT `+versionColumns+`, first_scan, coalesce(end_scan, 0)
		FROM main.resource_versions
		WHERE id = ?1 AND region = ?2 AND account_id = ?3 AND type = ?4 AND service = ?5
		ORDER BY first_scan`, k.ID, k.Region, k.Account, k.Type, k.Service)
	if err != nil {
		return nil, fmt.Errorf("history of %s: %w", k, err)
	}
	defer rows.Close()
	var out []Version
	for rows.Next() {
		v := rows.Values()
		ver := Version{FirstScan: store.Int(v[12]), EndScan: store.Int(v[13]), Details: json.RawMessage(raw(v[10]))}
		ver.From, ver.Until = times[ver.FirstScan], times[ver.EndScan]
		ver.v, err = parseVersion(store.Text(v[5]), store.Text(v[6]), store.Text(v[7]), store.Int(v[8]) != 0, raw(v[9]), raw(v[10]))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", k, err)
		}
		ver.ARN, ver.Name, ver.CreatedAt, ver.IsDefault, ver.Tags = ver.v.ARN, ver.v.Name, ver.v.CreatedAt, ver.v.IsDefault, ver.v.Tags
		out = append(out, ver)
	}
	return out, rows.Err()
}

// historyEdges adds the relationships from k, when they appeared and
// disappeared, to the events.
func historyEdges(ctx context.Context, q Querier, k model.Key, at func(int64) *Event) error {
	rows, err := q.Query(ctx, `SELECT `+edgeColumns+`, first_scan, coalesce(end_scan, 0)
		FROM main.relationship_versions
		WHERE from_id = ?1 AND from_region = ?2 AND from_account_id = ?3 AND from_type = ?4 AND from_service = ?5`,
		k.ID, k.Region, k.Account, k.Type, k.Service)
	if err != nil {
		return fmt.Errorf("relationships of %s: %w", k, err)
	}
	defer rows.Close()
	for rows.Next() {
		v := rows.Values()
		e := scanEdge(v)
		ev := at(store.Int(v[11]))
		ev.Edges = append(ev.Edges, EdgeChange{Change: Added, Kind: e.kind, To: e.to})
		if end := store.Int(v[12]); end != 0 {
			ev := at(end)
			ev.Edges = append(ev.Edges, EdgeChange{Change: Removed, Kind: e.kind, To: e.to})
		}
	}
	return rows.Err()
}

// latestGap is the gap of k's collection in the latest merged scan.
func latestGap(ctx context.Context, q Querier, k model.Key) ([]Gap, error) {
	rows, err := q.Query(ctx, `SELECT coalesce(max(id), 0) FROM main.scans WHERE status IN ('complete', 'partial')`)
	if err != nil {
		return nil, err
	}
	var latest int64
	if rows.Next() {
		latest = store.Int(rows.Values()[0])
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil || latest == 0 {
		return []Gap{}, err
	}
	o, err := collectionsAt(ctx, q, latest, "latest")
	if err != nil {
		return nil, err
	}
	if g, unknown := o.gapFor(k); unknown {
		return []Gap{g}, nil
	}
	return []Gap{}, nil
}

// FieldValue is the value of one field over an interval of scans (nil
// Value: absent, or the resource did not exist).
type FieldValue struct {
	FirstScan int64           `json:"first_scan"`
	From      string          `json:"from"`
	EndScan   int64           `json:"end_scan,omitempty"`
	Until     string          `json:"until,omitempty"`
	Value     json.RawMessage `json:"value"`
}

// Field is the timeline of the field at path (see Lookup): one interval per
// run of versions with the same value. A gap between two intervals is a
// time the resource did not exist.
func (h *History) Field(path string) ([]FieldValue, error) {
	var out []FieldValue
	for i, v := range h.Versions {
		val, err := v.v.Lookup(path)
		if err != nil {
			return nil, err
		}
		enc := rawJSON(val)
		if i > 0 && h.Versions[i-1].EndScan == v.FirstScan && slices.Equal(out[len(out)-1].Value, enc) {
			last := &out[len(out)-1]
			last.EndScan, last.Until = v.EndScan, v.Until
			continue
		}
		out = append(out, FieldValue{FirstScan: v.FirstScan, From: v.From, EndScan: v.EndScan, Until: v.Until, Value: enc})
	}
	return out, nil
}
