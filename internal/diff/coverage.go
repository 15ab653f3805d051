package diff

import (
	"context"
	"fmt"
	"sort"

	"github.com/awsmap/awsmap/internal/model"
	"github.com/awsmap/awsmap/internal/store"
)

// Gap is a collection that did not succeed (or did not run) in one of the
// two compared scans: what it holds is unknown on that side.
type Gap struct {
	Side      string `json:"side"` // "from" or "to"
	Scan      int64  `json:"scan"`
	Account   string `json:"account_id"`
	Region    string `json:"region"`
	Service   string `json:"service"`
	Type      string `json:"type"`
	Outcome   string `json:"outcome"` // "missing" when the scan did not collect it
	Operation string `json:"operation,omitempty"`
	ErrorCode string `json:"error_code,omitempty"`
}

// String names the collection and why it is unknown, like the audits'
// UNKNOWN lines.
func (g Gap) String() string {
	why := g.ErrorCode
	if why == "" {
		why = g.Outcome
	}
	if g.Outcome == "missing" {
		why = "not collected"
	}
	what := g.Type
	if g.Operation != "" {
		what += " " + g.Operation
	}
	return fmt.Sprintf("UNKNOWN at --%s (scan %d) for %s/%s: %s %s %s", g.Side, g.Scan, g.Account, g.Region, g.Service, what, why)
}

// collection identifies one collection: a type in an account and region
// (region "*" for a list call covering every region).
type collection struct{ account, region, service, typ string }

// outcomes are the collections of one scan.
type outcomes struct {
	scan int64
	side string
	byID map[collection]Gap // Gap.Outcome is the collection's outcome, ok included
}

// collectionsAt reads the collections of scan (side names it in gaps).
func collectionsAt(ctx context.Context, q Querier, scan int64, side string) (*outcomes, error) {
	rows, err := q.Query(ctx, `SELECT account_id, region, service, type, outcome,
			coalesce(operation, ''), coalesce(error_code, '')
		FROM main.collections WHERE scan_id = ?1`, scan)
	if err != nil {
		return nil, fmt.Errorf("collections of scan %d: %w", scan, err)
	}
	defer rows.Close()
	o := &outcomes{scan: scan, side: side, byID: map[collection]Gap{}}
	for rows.Next() {
		v := rows.Values()
		g := Gap{Side: side, Scan: scan, Account: store.Text(v[0]), Region: store.Text(v[1]), Service: store.Text(v[2]),
			Type: store.Text(v[3]), Outcome: store.Text(v[4]), Operation: store.Text(v[5]), ErrorCode: store.Text(v[6])}
		o.byID[collection{g.Account, g.Region, g.Service, g.Type}] = g
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("collections of scan %d: %w", scan, err)
	}
	return o, nil
}

// succeeded reports whether an outcome vouches for what a collection
// returned being complete. Unsupported (a service the partition or the
// account does not offer, such as Organizations outside the management
// account) holds nothing that could change.
func succeeded(outcome string) bool {
	return outcome == store.OutcomeOK || outcome == store.OutcomeNotFound || outcome == store.OutcomeUnsupported
}

// gapFor returns the gap that makes k unknown in this scan: its
// collection failed or did not run. A collection covering every region
// vouches for each region.
func (o *outcomes) gapFor(k model.Key) (Gap, bool) {
	g, ok := o.byID[collection{k.Account, k.Region, k.Service, k.Type}]
	if !ok {
		g, ok = o.byID[collection{k.Account, model.AllRegions, k.Service, k.Type}]
	}
	if !ok {
		return Gap{Side: o.side, Scan: o.scan, Account: k.Account, Region: k.Region,
			Service: k.Service, Type: k.Type, Outcome: "missing"}, true
	}
	return g, !succeeded(g.Outcome)
}

// gaps lists, for the collections either scan ran (within the filters),
// those that did not succeed on each side.
func gaps(from, to *outcomes, f Filters) []Gap {
	out := []Gap{}
	seen := map[collection]bool{}
	for _, o := range []*outcomes{from, to} {
		for c := range o.byID {
			if seen[c] || !f.matchCollection(c) {
				continue
			}
			seen[c] = true
			k := model.Key{Account: c.account, Region: c.region, Service: c.service, Type: c.typ}
			for _, side := range []*outcomes{from, to} {
				if g, unknown := side.gapFor(k); unknown {
					out = append(out, g)
				}
			}
		}
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Side != b.Side {
			return a.Side == "from"
		}
		return collection{a.Account, a.Region, a.Service, a.Type}.less(collection{b.Account, b.Region, b.Service, b.Type})
	})
	return out
}

func (c collection) less(d collection) bool {
	switch {
	case c.account != d.account:
		return c.account < d.account
	case c.region != d.region:
		return c.region < d.region
	case c.service != d.service:
		return c.service < d.service
	}
	return c.typ < d.typ
}
