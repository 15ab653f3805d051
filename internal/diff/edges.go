package diff

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/awsmap/awsmap/internal/model"
)

// edge is one relationship.
type edge struct {
	from model.Key
	kind string
	to   model.Key
}

const edgeColumns = `from_account_id, from_region, from_service, from_type, from_id, kind,
	to_account_id, to_region, to_service, to_type, to_id`

// The edges opened and closed between ?1 and ?2, like openedVersions and
// closedVersions.
const (
	openedEdges = `SELECT ` + edgeColumns + `
		FROM main.relationship_versions INDEXED BY relationship_versions_first_scan
		WHERE first_scan > ?1 AND first_scan <= ?2 AND (end_scan IS NULL OR end_scan > ?2)` + edgeFilter
	closedEdges = `SELECT ` + edgeColumns + `
		FROM main.relationship_versions INDEXED BY relationship_versions_end_scan
		WHERE end_scan > ?1 AND end_scan <= ?2 AND first_scan <= ?1` + edgeFilter
	edgeFilter = ` AND (?3 = '' OR from_account_id = ?3) AND (?4 = '' OR from_region = ?4) AND (?5 = '' OR from_service = ?5)`
)

func readEdges(ctx context.Context, q Querier, sql string, args ...any) (map[edge]bool, error) {
	rows, err := q.Query(ctx, sql, args...)
	if err != nil {
		return nil, fmt.Errorf("read relationships: %w", err)
	}
	defer rows.Close()
	out := map[edge]bool{}
	for rows.Next() {
		out[scanEdge(rows.Values())] = true
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read relationships: %w", err)
	}
	return out, nil
}

func scanEdge(v []any) edge {
	return edge{
		from: model.Key{Account: text(v[0]), Region: text(v[1]), Service: text(v[2]), Type: text(v[3]), ID: text(v[4])},
		kind: text(v[5]),
		to:   model.Key{Account: text(v[6]), Region: text(v[7]), Service: text(v[8]), Type: text(v[9]), ID: text(v[10])},
	}
}

// edgeChanges adds the relationships that appeared or disappeared between
// the two scans to the entries of their from side; a resource whose only
// change is its relationships becomes a modified entry.
func edgeChanges(ctx context.Context, q Querier, o Options, entries map[model.Key]*Entry) error {
	opened, err := readEdges(ctx, q, openedEdges, o.From, o.To, o.Account, o.Region, o.Service)
	if err != nil {
		return err
	}
	closed, err := readEdges(ctx, q, closedEdges, o.From, o.To, o.Account, o.Region, o.Service)
	if err != nil {
		return err
	}
	for _, c := range []struct {
		edges map[edge]bool
		other map[edge]bool
		kind  string
	}{{opened, closed, Added}, {closed, opened, Removed}} {
		for e := range c.edges {
			if c.other[e] { // closed and reopened: no change
				continue
			}
			entry, err := entryFor(ctx, q, o, entries, e.from)
			if err != nil {
				return err
			}
			if entry == nil {
				continue
			}
			entry.Edges = append(entry.Edges, EdgeChange{Change: c.kind, Kind: e.kind, To: e.to})
		}
	}
	for _, e := range entries {
		slices.SortFunc(e.Edges, func(a, b EdgeChange) int {
			return strings.Compare(a.Kind+" "+a.To.String()+" "+a.Change, b.Kind+" "+b.To.String()+" "+b.Change)
		})
	}
	return nil
}

// entryFor returns the entry of k, creating a modified one for a resource
// that exists at o.To (nil when it does not, or when the tag filter leaves
// it out).
func entryFor(ctx context.Context, q Querier, o Options, entries map[model.Key]*Entry, k model.Key) (*Entry, error) {
	if e, ok := entries[k]; ok {
		return e, nil
	}
	// Current versions are indexed by key; older ones are not, so a diff
	// that ends before the latest scan names such resources by id only.
	rows, err := q.Query(ctx, `SELECT coalesce(arn, ''), coalesce(name, ''), tags FROM main.resource_versions
		WHERE id = ?1 AND region = ?2 AND account_id = ?3 AND type = ?4 AND service = ?5
		AND end_scan IS NULL AND first_scan <= ?6`, k.ID, k.Region, k.Account, k.Type, k.Service, o.To)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", k, err)
	}
	defer rows.Close()
	e := &Entry{Key: k, Change: Modified, Scan: o.To}
	var tags map[string]string
	if rows.Next() {
		v := rows.Values()
		e.ARN, e.Name = text(v[0]), text(v[1])
		if err := json.Unmarshal(raw(v[2]), &tags); err != nil {
			return nil, fmt.Errorf("%s: tags: %w", k, err)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", k, err)
	}
	if len(o.Tags) > 0 && !hasTags(tags, o.Tags) {
		return nil, nil
	}
	entries[k] = e
	return e, nil
}
