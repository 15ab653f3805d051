package diff

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/awsmap/awsmap/internal/model"
	"github.com/awsmap/awsmap/internal/store"
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
// closedVersions, with the scan that opened or closed them.
var (
	openedEdges = `SELECT ` + edgeColumns + `, first_scan
		FROM main.relationship_versions INDEXED BY relationship_versions_first_scan
		WHERE first_scan > ?1 AND first_scan <= ?2 AND (end_scan IS NULL OR end_scan > ?2)` + keyFilter("from_", 3)
	closedEdges = `SELECT ` + edgeColumns + `, end_scan
		FROM main.relationship_versions INDEXED BY relationship_versions_end_scan
		WHERE end_scan > ?1 AND end_scan <= ?2 AND first_scan <= ?1` + keyFilter("from_", 3)
)

// readEdges reads the edges of sql (openedEdges or closedEdges) and the
// scan that opened or closed each.
func readEdges(ctx context.Context, q Querier, sql string, o Options) (map[edge]int64, error) {
	rows, err := q.Query(ctx, sql, append([]any{o.From, o.To}, o.params()...)...)
	if err != nil {
		return nil, fmt.Errorf("read relationships: %w", err)
	}
	defer rows.Close()
	out := map[edge]int64{}
	for rows.Next() {
		out[scanEdge(rows.Values())] = store.Int(rows.Values()[11])
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read relationships: %w", err)
	}
	return out, nil
}

func scanEdge(v []any) edge {
	return edge{
		from: model.Key{Account: store.Text(v[0]), Region: store.Text(v[1]), Service: store.Text(v[2]), Type: store.Text(v[3]), ID: store.Text(v[4])},
		kind: store.Text(v[5]),
		to:   model.Key{Account: store.Text(v[6]), Region: store.Text(v[7]), Service: store.Text(v[8]), Type: store.Text(v[9]), ID: store.Text(v[10])},
	}
}

// edgeChanges adds the relationships that appeared or disappeared between
// the two scans to the entries of their from side; a resource whose only
// change is its relationships becomes a modified entry, seen changed by the
// last scan that changed one of them.
func edgeChanges(ctx context.Context, q Querier, o Options, entries map[model.Key]*Entry) error {
	opened, err := readEdges(ctx, q, openedEdges, o)
	if err != nil {
		return err
	}
	closed, err := readEdges(ctx, q, closedEdges, o)
	if err != nil {
		return err
	}
	edgeOnly := map[model.Key]bool{}
	for _, c := range []struct {
		edges map[edge]int64
		other map[edge]int64
		kind  string
	}{{opened, closed, Added}, {closed, opened, Removed}} {
		for e, scan := range c.edges {
			if _, both := c.other[e]; both { // closed and reopened: no change
				continue
			}
			if _, ok := entries[e.from]; !ok {
				entry, err := edgeOnlyEntry(ctx, q, o, e.from)
				if err != nil {
					return err
				}
				if entry == nil {
					continue
				}
				entries[e.from], edgeOnly[e.from] = entry, true
			}
			entry := entries[e.from]
			if edgeOnly[e.from] {
				entry.Scan = max(entry.Scan, scan)
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

// edgeOnlyEntry returns a modified entry for the resource k, whose only
// changes are relationships, or nil when the tag filter leaves it out.
func edgeOnlyEntry(ctx context.Context, q Querier, o Options, k model.Key) (*Entry, error) {
	// Current versions are indexed by key; older ones are not, so a diff
	// that ends before the latest scan names such resources by id only.
	rows, err := q.Query(ctx, `SELECT coalesce(arn, ''), coalesce(name, ''), tags FROM main.resource_versions
		WHERE id = ?1 AND region = ?2 AND account_id = ?3 AND type = ?4 AND service = ?5
		AND end_scan IS NULL AND first_scan <= ?6`, k.ID, k.Region, k.Account, k.Type, k.Service, o.To)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", k, err)
	}
	defer rows.Close()
	e := &Entry{Key: k, Change: Modified}
	var tags map[string]string
	if rows.Next() {
		v := rows.Values()
		e.ARN, e.Name = store.Text(v[0]), store.Text(v[1])
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
	return e, nil
}
