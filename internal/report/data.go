// Package report builds awsmap's self-contained HTML pages: the inventory
// report (`awsmap report`) and the HTML outputs of waste and tags. One
// shell (shell.html: inline CSS and JS, no network) renders them; the data
// travels inside the page as gzipped, base64-encoded columnar JSON.
package report

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/awsmap/awsmap/internal/diff"
	"github.com/awsmap/awsmap/internal/model"
	"github.com/awsmap/awsmap/internal/store"
)

// Options say what an inventory report shows.
type Options struct {
	Title     string
	ScanID    int64    // the state shown (0: current); the reader's UseScan must match
	SinceScan int64    // changes are shown since this scan (0: the previous merged scan)
	Accounts  []string // resolved account ids shown, nil for all
	Types     []model.TypeInfo
	// Findings are the named audits run on the same state, Waste the waste
	// report (the JSON shape of audit.WasteReport). The CLI runs them: this
	// package stays free of the collector registry the audits read.
	Findings []NamedResult
	Waste    any
	Now      time.Time // zero: time.Now()
}

// NamedResult is one named audit query's outcome. Rows start with
// account_id, region, service, type, id, name; Incomplete has the JSON
// shape of []audit.Gap.
type NamedResult struct {
	Name        string   `json:"name"`
	Title       string   `json:"title"`
	Description string   `json:"description"`
	Category    string   `json:"category"`
	Severity    string   `json:"severity"`
	Columns     []string `json:"columns"`
	Rows        [][]any  `json:"rows"`
	Incomplete  any      `json:"incomplete"`

	// Set by Build: each row's resource index (-1: not in the report), and
	// the leading columns of those rows; Rows keep the other columns only.
	Index []int   `json:"idx"`
	Keys  [][]any `json:"keys"`
}

// Data is what the inventory page embeds.
type Data struct {
	Meta     Meta             `json:"meta"`
	Types    []typeInfo       `json:"types"`
	Res      *Columns         `json:"res"`
	Edges    [][3]int         `json:"edges"` // from, to, kind (index in EdgeKinds); nodes < 0 are Outside[-n-1]
	Kinds    []string         `json:"edgeKinds"`
	Outside  []model.Key      `json:"outside"` // relationship ends that are not in the inventory
	Findings []NamedResult    `json:"findings"`
	Waste    any              `json:"waste"`
	Coverage Coverage         `json:"coverage"`
	Changes  *diff.Result     `json:"changes"`
	Scans    []store.ScanInfo `json:"scans"`
}

// Meta describes the report.
type Meta struct {
	Title     string `json:"title"`
	Generated string `json:"generated"` // RFC 3339 UTC
	Account   string `json:"account"`
	ScanID    int64  `json:"scanId"`
	ScanTime  string `json:"scanTime"`
	Status    string `json:"status"`
}

type typeInfo struct {
	Service     string      `json:"service"`
	Type        string      `json:"type"`
	Description string      `json:"description"`
	Fields      [][3]string `json:"fields"` // name, type, description
}

// Columns holds the resources column by column: the low-cardinality
// columns as indexes into Dict, tags and details as they are stored. Rows
// are in the page's default order (by name, unnamed last), which then
// needs no sort.
type Columns struct {
	Dict      []string          `json:"dict"`
	Account   []int             `json:"account"`
	Region    []int             `json:"region"`
	Service   []int             `json:"service"`
	Type      []int             `json:"type"`
	ID        []string          `json:"id"`
	ARN       []string          `json:"arn"`
	Name      []string          `json:"name"`
	Created   []string          `json:"created"`
	Default   []int             `json:"default"`
	FirstSeen []int             `json:"firstSeen"`
	Changed   []int             `json:"changed"`
	Tags      []json.RawMessage `json:"tags"`
	Details   []string          `json:"-"` // JSON text, in the page's lazy data (Data.Page)

	dictIndex map[string]int
	byKey     map[model.Key]int
}

// intern returns s's index in the dictionary.
func (c *Columns) intern(s string) int {
	if i, ok := c.dictIndex[s]; ok {
		return i
	}
	c.dictIndex[s] = len(c.Dict)
	c.Dict = append(c.Dict, s)
	return len(c.Dict) - 1
}

// Build reads the report's data from the inventory.
func Build(ctx context.Context, r *store.Reader, o Options) (*Data, error) {
	now := o.Now
	if now.IsZero() {
		now = time.Now()
	}
	scans, err := r.Scans()
	if err != nil {
		return nil, err
	}
	d := &Data{Findings: o.Findings, Waste: o.Waste, Scans: scans, Types: types(o.Types),
		Meta: Meta{Title: o.Title, Generated: now.UTC().Format(time.RFC3339), Account: strings.Join(o.Accounts, ", ")}}
	if d.Findings == nil {
		d.Findings = []NamedResult{}
	}
	shown := shownScan(scans, o.ScanID)
	if shown != nil {
		d.Meta.ScanID, d.Meta.ScanTime, d.Meta.Status = shown.ID, shown.StartedAt, shown.Status
	}
	if d.Res, err = readResources(ctx, r, o.Accounts); err != nil {
		return nil, err
	}
	for i := range d.Findings {
		d.Findings[i].locate(d.Res)
	}
	if err = readEdges(ctx, r, d, o.Accounts); err != nil {
		return nil, err
	}
	if d.Coverage, err = readCoverage(ctx, r, o.Accounts); err != nil {
		return nil, err
	}
	if shown != nil {
		since := o.SinceScan
		if since == 0 {
			since = previousScan(scans, shown.ID)
		}
		if since != 0 {
			d.Changes, err = diff.Compute(ctx, r, diff.Options{From: since, To: shown.ID, Filters: diff.Filters{Accounts: o.Accounts}})
			if err != nil {
				return nil, fmt.Errorf("report: changes: %w", err)
			}
		}
	}
	return d, nil
}

// locate points the result's rows at the report's resources, so that the
// page needs no key lookups (a large estate has over 100,000 finding rows).
func (n *NamedResult) locate(c *Columns) {
	lead := len(LeadingColumns)
	n.Index, n.Keys = make([]int, len(n.Rows)), make([][]any, len(n.Rows))
	for j, row := range n.Rows {
		if len(row) < lead {
			n.Index[j], n.Keys[j] = -1, row
			n.Rows[j] = nil
			continue
		}
		k := model.Key{Account: store.Text(row[0]), Region: store.Text(row[1]), Service: store.Text(row[2]), Type: store.Text(row[3]), ID: store.Text(row[4])}
		i, ok := c.byKey[k]
		if !ok {
			i = -1
			n.Keys[j] = row[:lead]
		}
		n.Index[j], n.Rows[j] = i, row[lead:]
	}
}

// LeadingColumns are the columns every audit row starts with.
var LeadingColumns = []string{"account_id", "region", "service", "type", "id", "name"}

// shownScan is the scan whose state the report shows: id, or the latest
// merged scan for the current state (id 0). Nil when nothing was merged.
func shownScan(scans []store.ScanInfo, id int64) *store.ScanInfo {
	var found *store.ScanInfo
	for i := range scans {
		s := &scans[i]
		if merged(s) && (id == 0 || s.ID == id) {
			found = s
		}
	}
	return found
}

func merged(s *store.ScanInfo) bool { return s.Status == "complete" || s.Status == "partial" }

// previousScan is the merged scan before id, 0 if none.
func previousScan(scans []store.ScanInfo, id int64) int64 {
	prev := int64(0)
	for i := range scans {
		if s := &scans[i]; merged(s) && s.ID < id {
			prev = s.ID
		}
	}
	return prev
}

func types(in []model.TypeInfo) []typeInfo {
	out := make([]typeInfo, len(in))
	for i, t := range in {
		out[i] = typeInfo{Service: t.Service, Type: t.Type, Description: t.Description, Fields: make([][3]string, len(t.Fields))}
		for j, f := range t.Fields {
			out[i].Fields[j] = [3]string{f.Name, string(f.Type), f.Description}
		}
	}
	return out
}

func readResources(ctx context.Context, r *store.Reader, accounts []string) (*Columns, error) {
	rows, err := r.Query(ctx, `SELECT account_id, region, service, type, id, coalesce(arn, ''), coalesce(name, ''),
			coalesce(created_at, ''), is_default, tags, details, coalesce(first_seen, ''), coalesce(last_changed, '')
		FROM resources WHERE `+store.InAccounts("account_id", 1)+` ORDER BY coalesce(name, '') = '', lower(coalesce(name, '')), service, type, account_id, region, id`,
		store.AccountList(accounts))
	if err != nil {
		return nil, fmt.Errorf("report: read resources: %w", err)
	}
	defer rows.Close()
	c := &Columns{dictIndex: map[string]int{}, byKey: map[model.Key]int{}}
	for rows.Next() {
		v := rows.Values()
		k := model.Key{Account: store.Text(v[0]), Region: store.Text(v[1]), Service: store.Text(v[2]), Type: store.Text(v[3]), ID: store.Text(v[4])}
		c.byKey[k] = len(c.ID)
		c.Account = append(c.Account, c.intern(k.Account))
		c.Region = append(c.Region, c.intern(k.Region))
		c.Service = append(c.Service, c.intern(k.Service))
		c.Type = append(c.Type, c.intern(k.Type))
		c.ID = append(c.ID, k.ID)
		c.ARN = append(c.ARN, store.Text(v[5]))
		c.Name = append(c.Name, store.Text(v[6]))
		c.Created = append(c.Created, store.Text(v[7]))
		c.Default = append(c.Default, int(store.Int(v[8])))
		c.Tags = append(c.Tags, rawJSON(v[9]))
		c.Details = append(c.Details, string(rawJSON(v[10])))
		c.FirstSeen = append(c.FirstSeen, c.intern(store.Text(v[11])))
		c.Changed = append(c.Changed, c.intern(store.Text(v[12])))
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("report: read resources: %w", err)
	}
	return c, nil
}

// readEdges reads the relationships from or to the report's resources.
func readEdges(ctx context.Context, r *store.Reader, d *Data, accounts []string) error {
	rows, err := r.Query(ctx, `SELECT from_account_id, from_region, from_service, from_type, from_id, kind,
			to_account_id, to_region, to_service, to_type, to_id
		FROM relationships WHERE `+store.InAccounts("from_account_id", 1)+` OR `+store.InAccounts("to_account_id", 1), store.AccountList(accounts))
	if err != nil {
		return fmt.Errorf("report: read relationships: %w", err)
	}
	defer rows.Close()
	kinds := map[string]int{}
	outside := map[model.Key]int{}
	node := func(k model.Key) int {
		if i, ok := d.Res.byKey[k]; ok {
			return i
		}
		i, ok := outside[k]
		if !ok {
			i = -len(d.Outside) - 1
			outside[k] = i
			d.Outside = append(d.Outside, k)
		}
		return i
	}
	d.Edges, d.Kinds, d.Outside = [][3]int{}, []string{}, []model.Key{}
	for rows.Next() {
		v := rows.Values()
		from := model.Key{Account: store.Text(v[0]), Region: store.Text(v[1]), Service: store.Text(v[2]), Type: store.Text(v[3]), ID: store.Text(v[4])}
		to := model.Key{Account: store.Text(v[6]), Region: store.Text(v[7]), Service: store.Text(v[8]), Type: store.Text(v[9]), ID: store.Text(v[10])}
		kind, ok := kinds[store.Text(v[5])]
		if !ok {
			kind = len(d.Kinds)
			kinds[store.Text(v[5])] = kind
			d.Kinds = append(d.Kinds, store.Text(v[5]))
		}
		d.Edges = append(d.Edges, [3]int{node(from), node(to), kind})
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("report: read relationships: %w", err)
	}
	return nil
}

// rawJSON passes a stored JSON column through; anything that is not a JSON
// object becomes {}.
func rawJSON(v any) json.RawMessage {
	s := store.Text(v)
	if s == "" || s[0] != '{' || !json.Valid([]byte(s)) {
		return json.RawMessage("{}")
	}
	return json.RawMessage(s)
}
