package audit

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"

	"github.com/awsmap/awsmap/internal/model"
	"github.com/awsmap/awsmap/internal/store"
)

// Gap is a place where an audit's input is unknown: the latest collection
// of a type it reads, at or before the audited scan, is missing or did not
// succeed completely there.
type Gap struct {
	Account   string `json:"account_id"`
	Region    string `json:"region"`
	Service   string `json:"service"`
	Type      string `json:"type"`
	Outcome   string `json:"outcome"` // "missing" when never collected
	Operation string `json:"operation,omitempty"`
	ErrorCode string `json:"error_code,omitempty"`
	ScanID    int64  `json:"scan_id,omitempty"` // the scan of that collection
}

// String renders the gap as an UNKNOWN status line. It names the type: one
// failed call (IAM's GetAccountAuthorizationDetails) can leave several
// types unknown, and their lines would otherwise read the same.
func (g Gap) String() string {
	what := g.Type
	if g.Operation != "" {
		what += " " + g.Operation
	}
	why := g.ErrorCode
	if why == "" {
		why = g.Outcome
	}
	if g.Outcome == "missing" {
		why = "never collected"
	}
	return fmt.Sprintf("UNKNOWN for %s/%s: %s %s %s", g.Account, g.Region, g.Service, what, why)
}

// Querier is what audits need from an inventory (a *store.Reader).
type Querier interface {
	Query(ctx context.Context, sql string, args ...any) (*store.Rows, error)
}

// AuditedScan returns the scan id whose state is audited: scanID itself, or
// for 0 (the current state) the latest merged scan (0 when there is none).
func AuditedScan(ctx context.Context, q Querier, scanID int64) (int64, error) {
	if scanID != 0 {
		return scanID, nil
	}
	return queryInt(ctx, q, `SELECT coalesce(max(id), 0) FROM main.scans WHERE status IN ('complete', 'partial')`)
}

// auditedScanOf is, for the collection version v, the latest complete or
// partial scan at or before ?1 that recorded it (NULL for none). The
// completeness queries read collection_versions with it, rather than the
// collections view, which repeats every version once per scan: their cost
// then follows the number of versions, not the length of the history.
const auditedScanOf = `(SELECT max(s.id) FROM main.scans s WHERE s.ledger = 1
	AND s.status IN ('complete', 'partial') AND s.id <= ?1
	AND s.id >= v.first_scan AND (v.end_scan IS NULL OR s.id < v.end_scan))`

// Completeness checks the collections behind reads for every account
// (limited to accounts when not nil) and region known at scanID, and
// returns the gaps; types tells where each type is collected. scanID must
// be a merged scan id (see AuditedScan); 0 means an empty inventory, which
// has no gaps: it has no accounts.
func Completeness(ctx context.Context, q Querier, types model.Catalog, reads []TypeRef, scanID int64, accounts []string) ([]Gap, error) {
	if scanID == 0 || len(reads) == 0 {
		return nil, nil
	}
	l, err := LoadLedger(ctx, q, scanID, accounts)
	if err != nil {
		return nil, err
	}
	return l.Gaps(types, reads)
}

// Ledger is the collection state of an inventory at one merged scan: every
// account, its regions, and the latest collection of every type there.
// Checking many audits against one state (a report runs them all) loads it
// once: reading it costs far more than any one audit's query.
type Ledger struct {
	scanID   int64
	accounts []accountLedger
}

type accountLedger struct {
	id      string
	regions []string
	latest  map[TypeRef]map[string]Gap // type → region → latest collection
}

// LoadLedger reads the collection state at scanID (a merged scan id, see
// AuditedScan) of accounts, or of every account when accounts is nil.
func LoadLedger(ctx context.Context, q Querier, scanID int64, accounts []string) (*Ledger, error) {
	l := &Ledger{scanID: scanID}
	if scanID == 0 {
		return l, nil
	}
	// Every account a merged scan listed, scanned or not, and every
	// account with collections.
	known, err := strings1(ctx, q, `SELECT a.account_id FROM main.scan_accounts a JOIN main.scans s ON s.id = a.scan_id
		WHERE s.status IN ('complete', 'partial') AND s.id <= ?1
		UNION SELECT v.account_id FROM main.collection_versions v
		WHERE v.first_scan <= ?1 AND `+auditedScanOf+` IS NOT NULL ORDER BY 1`, scanID)
	if err != nil {
		return nil, err
	}
	for _, acct := range known {
		if accounts != nil && !slices.Contains(accounts, acct) {
			continue
		}
		regions, err := strings1(ctx, q, `SELECT DISTINCT v.region FROM main.collection_versions v
			WHERE v.first_scan <= ?1 AND v.account_id = ?2 AND v.region NOT IN ('global', '*')
			AND `+auditedScanOf+` IS NOT NULL ORDER BY 1`, scanID, acct)
		if err != nil {
			return nil, err
		}
		latest, err := latestCollections(ctx, q, scanID, acct)
		if err != nil {
			return nil, err
		}
		l.accounts = append(l.accounts, accountLedger{id: acct, regions: regions, latest: latest})
	}
	return l, nil
}

// Gaps returns where the collections behind reads are missing or
// incomplete; types tells where each type is collected.
func (l *Ledger) Gaps(types model.Catalog, reads []TypeRef) ([]Gap, error) {
	if l.scanID == 0 || len(reads) == 0 {
		return nil, nil
	}
	if len(types) == 0 {
		// Without the catalog every type would look regional, and global
		// ones (IAM) UNKNOWN everywhere: refuse rather than mislead.
		return nil, errors.New("audit: no type catalog to tell where each type is collected")
	}
	var gaps []Gap
	for _, a := range l.accounts {
		for _, ref := range dedupe(reads) {
			gaps = append(gaps, typeGaps(ref, types.ScopeOf(ref.Service), a.latest[ref], a.id, a.regions)...)
		}
	}
	return gaps, nil
}

func dedupe(refs []TypeRef) []TypeRef {
	seen := map[TypeRef]bool{}
	var out []TypeRef
	for _, r := range refs {
		if !seen[r] {
			seen[r] = true
			out = append(out, r)
		}
	}
	return out
}

// latestCollections reads, in one query, the latest collection of every
// type and region of account at or before scanID, as Gaps (type → region →
// collection). One query per account rather than per type: an answer over
// every type (ask's "resources per region") reads them all.
func latestCollections(ctx context.Context, q Querier, scanID int64, account string) (map[TypeRef]map[string]Gap, error) {
	rows, err := q.Query(ctx, `SELECT * FROM (
			SELECT v.service, v.type, v.region, v.outcome, coalesce(v.operation, ''), coalesce(v.error_code, ''), `+auditedScanOf+` AS scan_id
			FROM main.collection_versions v
			WHERE v.account_id = ?2 AND v.first_scan <= ?1)
		WHERE scan_id IS NOT NULL ORDER BY scan_id`, scanID, account)
	if err != nil {
		return nil, fmt.Errorf("completeness of %s: %w", account, err)
	}
	defer rows.Close()
	latest := map[TypeRef]map[string]Gap{}
	for rows.Next() {
		v := rows.Values()
		ref := TypeRef{store.Text(v[0]), store.Text(v[1])}
		g := Gap{Account: account, Region: store.Text(v[2]), Service: ref.Service, Type: ref.Type,
			Outcome: store.Text(v[3]), Operation: store.Text(v[4]), ErrorCode: store.Text(v[5]), ScanID: store.Int(v[6])}
		if latest[ref] == nil {
			latest[ref] = map[string]Gap{}
		}
		latest[ref][g.Region] = g // ascending scan ids: the last one wins
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("completeness of %s: %w", account, err)
	}
	return latest, nil
}

// typeGaps checks one type in one account, from its latest collections
// (region → collection).
func typeGaps(ref TypeRef, scope model.Scope, latest map[string]Gap, account string, regions []string) []Gap {
	var places []string
	switch scope {
	case model.Global:
		places = []string{model.GlobalRegion}
	default: // regional and account-wide types: the engine records one collection per region
		places = regions
		if len(places) == 0 {
			places = []string{model.AllRegions}
		}
	}
	var gaps []Gap
	for _, region := range places {
		g, ok := latest[region]
		if !ok && region != model.AllRegions {
			// A collection covering every region vouches for this one.
			if star, ok2 := latest[model.AllRegions]; ok2 {
				g, ok = star, true
			}
		}
		if !ok {
			gaps = append(gaps, Gap{Account: account, Region: region, Service: ref.Service, Type: ref.Type, Outcome: "missing"})
			continue
		}
		if !vouches(g) {
			g.Region = region
			gaps = append(gaps, g)
		}
	}
	sort.Slice(gaps, func(i, j int) bool { return gaps[i].Region < gaps[j].Region })
	return gaps
}

// vouches reports whether a collection is complete: it succeeded, or AWS
// said the service is not enabled there (so nothing of it exists).
func vouches(g Gap) bool {
	return g.Outcome == store.OutcomeOK || g.Outcome == store.OutcomeNotFound ||
		g.Outcome == store.OutcomeUnsupported && g.ErrorCode == model.CodeNotEnabled
}

func queryInt(ctx context.Context, q Querier, sql string, args ...any) (int64, error) {
	rows, err := q.Query(ctx, sql, args...)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	var n int64
	if rows.Next() {
		n = store.Int(rows.Values()[0])
	}
	return n, rows.Err()
}

// strings1 returns the first column of every row as text.
func strings1(ctx context.Context, q Querier, sql string, args ...any) ([]string, error) {
	rows, err := q.Query(ctx, sql, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		out = append(out, store.Text(rows.Values()[0]))
	}
	return out, rows.Err()
}
