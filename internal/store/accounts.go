package store

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/ncruces/go-sqlite3"

	"github.com/awsmap/awsmap/internal/suggest"
)

// Account statuses in a scan (scan_accounts.status). Only AccountOK and
// AccountPartial merged anything: a denied or not scanned account keeps
// its previous inventory, and its collections say why in coverage.
const (
	AccountOK         = "ok"
	AccountPartial    = "partial"
	AccountDenied     = "denied"      // its credentials could not be obtained (AssumeRole failed)
	AccountNotScanned = "not_scanned" // planned but never started
	AccountAborted    = "aborted"     // the scan was interrupted
)

// ScanAccount is one account of a scan (a row of scan_accounts).
type ScanAccount struct {
	ID      string
	Name    string // from Organizations
	Alias   string // IAM account alias
	OUPath  string // OU ids from the root, "/"-separated
	OUNames string // the same path by name
	Profile string // the profile whose credentials reach it directly
	RoleARN string // the role assumed to reach it
	Status  string // one of the Account constants
	// ErrorCode and ErrorMessage say why a denied account was not scanned.
	ErrorCode, ErrorMessage string
}

// accountsOf returns the accounts a scan records: res.Accounts, or the one
// account of meta for callers that scan one account.
func accountsOf(meta ScanMeta, res ScanResult) []ScanAccount {
	if len(res.Accounts) > 0 || meta.AccountID == "" {
		return res.Accounts
	}
	status := AccountOK
	if res.Status == StatusPartial {
		status = AccountPartial
	}
	return []ScanAccount{{ID: meta.AccountID, Alias: meta.AccountAlias, Profile: meta.Profile, Status: status}}
}

// writeAccounts records the scan's accounts. With staged set (Finish) each
// account's resource count comes from the staged scan; an aborted scan
// merged nothing: its scanned accounts become aborted, counts unknown.
func writeAccounts(conn *sqlite3.Conn, scan int64, accounts []ScanAccount, staged bool) error {
	counts := map[string]int64{}
	if staged {
		var err error
		if counts, err = stagedCounts(conn); err != nil {
			return err
		}
	}
	i, err := execRows(conn, `INSERT INTO scan_accounts (scan_id, account_id, account_name, account_alias,
			ou_path, ou_names, profile, role_arn, status, error_code, error_message, resources)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, accounts, func(a ScanAccount) []any {
		var resources any
		if staged {
			resources = counts[a.ID]
		} else if a.Status == AccountOK || a.Status == AccountPartial {
			a.Status = AccountAborted
		}
		return []any{scan, a.ID, nullable(a.Name), nullable(a.Alias), nullable(a.OUPath), nullable(a.OUNames),
			nullable(a.Profile), nullable(a.RoleARN), a.Status, nullable(a.ErrorCode), nullable(a.ErrorMessage), resources}
	})
	if err != nil {
		return fmt.Errorf("account %s of scan %d: %w", accounts[i].ID, scan, err)
	}
	return nil
}

func stagedCounts(conn *sqlite3.Conn) (map[string]int64, error) {
	stmt, _, err := conn.Prepare(`SELECT account_id, count(*) FROM temp.staged_resources GROUP BY 1`)
	if err != nil {
		return nil, fmt.Errorf("count staged resources: %w", err)
	}
	defer stmt.Close()
	counts := map[string]int64{}
	for stmt.Step() {
		counts[stmt.ColumnText(0)] = stmt.ColumnInt64(1)
	}
	return counts, stmt.Err()
}

// checkAccounts refuses what would make scans ambiguous: a comma-joined
// account id, an account listed twice, an unknown status.
func checkAccounts(meta ScanMeta, accounts []ScanAccount) error {
	if strings.Contains(meta.AccountID, ",") {
		return fmt.Errorf("account id %q: a scan of several accounts lists them in ScanResult.Accounts", meta.AccountID)
	}
	seen := map[string]bool{}
	for _, a := range accounts {
		switch {
		case a.ID == "" || strings.Contains(a.ID, ","):
			return fmt.Errorf("account id %q is not an account id", a.ID)
		case seen[a.ID]:
			return fmt.Errorf("account %s is listed twice", a.ID)
		case !slices.Contains([]string{AccountOK, AccountPartial, AccountDenied, AccountNotScanned, AccountAborted}, a.Status):
			return fmt.Errorf("account %s: unknown status %q", a.ID, a.Status)
		}
		seen[a.ID] = true
	}
	return nil
}

// AccountInfo is what the inventory knows of one account: its latest
// record in a merged scan, and its current resources.
type AccountInfo struct {
	ScanAccount
	LastScan   int64  // the latest merged scan that listed it
	LastScanAt string // its start, RFC 3339 UTC
	Resources  int64  // current resources in the inventory
	// Failed and Collections count the account's collections in LastScan.
	Failed, Collections int64
}

// Coverage says how much of the account LastScan saw: "ok", "partial (N of
// M collections failed)", "denied (ErrorCode)" or "not scanned".
func (a AccountInfo) Coverage() string {
	switch a.Status {
	case AccountOK:
		return "ok"
	case AccountPartial:
		return fmt.Sprintf("partial (%d of %d collections failed)", a.Failed, a.Collections)
	case AccountDenied:
		if a.ErrorCode != "" {
			return "denied (" + a.ErrorCode + ")"
		}
		return "denied"
	}
	return "not scanned"
}

// Accounts lists every account of the inventory, by id, as its latest
// complete or partial scan recorded it.
func (r *Reader) Accounts() ([]AccountInfo, error) {
	stmt, _, err := r.conn.Prepare(`WITH latest AS (
			SELECT a.*, s.started_at, row_number() OVER (PARTITION BY a.account_id ORDER BY a.scan_id DESC) AS n
			FROM main.scan_accounts AS a JOIN main.scans AS s ON s.id = a.scan_id
			WHERE s.status IN ('complete', 'partial')),
		current AS (SELECT account_id, count(*) AS n FROM main.resource_versions
			WHERE end_scan IS NULL GROUP BY 1)
		SELECT l.account_id, coalesce(l.account_name, ''), coalesce(l.account_alias, ''),
			coalesce(l.ou_path, ''), coalesce(l.ou_names, ''), coalesce(l.profile, ''), coalesce(l.role_arn, ''),
			l.status, coalesce(l.error_code, ''), coalesce(l.error_message, ''),
			l.scan_id, l.started_at, coalesce(c.n, 0),
			(SELECT count(*) FROM main.collections AS k WHERE k.scan_id = l.scan_id AND k.account_id = l.account_id
				AND k.outcome IN ('partial', 'denied', 'throttled', 'error', 'skipped')),
			(SELECT count(*) FROM main.collections AS k WHERE k.scan_id = l.scan_id AND k.account_id = l.account_id)
		FROM latest AS l LEFT JOIN current AS c ON c.account_id = l.account_id
		WHERE l.n = 1 ORDER BY l.account_id`)
	if err != nil {
		return nil, fmt.Errorf("list accounts: %w", err)
	}
	defer stmt.Close()
	var out []AccountInfo
	for stmt.Step() {
		t := stmt.ColumnText
		out = append(out, AccountInfo{
			ScanAccount: ScanAccount{ID: t(0), Name: t(1), Alias: t(2), OUPath: t(3), OUNames: t(4),
				Profile: t(5), RoleARN: t(6), Status: t(7), ErrorCode: t(8), ErrorMessage: t(9)},
			LastScan: stmt.ColumnInt64(10), LastScanAt: t(11), Resources: stmt.ColumnInt64(12),
			Failed: stmt.ColumnInt64(13), Collections: stmt.ColumnInt64(14),
		})
	}
	if err := stmt.Err(); err != nil {
		return nil, fmt.Errorf("list accounts: %w", err)
	}
	return out, nil
}

// UnknownAccountError is a selector that names no account, or several.
type UnknownAccountError struct{ msg string }

func (e *UnknownAccountError) Error() string { return e.msg }

// ResolveAccounts turns account selectors (-a: an account id, an account
// name from Organizations, an alias or a profile, as any scan recorded
// them) and OU selectors (--ou: an OU id or name anywhere on the account's
// path, as its latest scan recorded it) into sorted, distinct account ids.
// A name, alias or profile naming several accounts is refused: ids say
// which. No selectors give nil: every account. Errors are
// *UnknownAccountError.
func (r *Reader) ResolveAccounts(accounts, ous []string) ([]string, error) {
	if len(accounts) == 0 && len(ous) == 0 {
		return nil, nil
	}
	known, err := r.knownAccounts()
	if err != nil {
		return nil, err
	}
	var ids []string
	for _, sel := range accounts {
		id, err := known.resolve(strings.TrimSpace(sel))
		if err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	for _, ou := range ous {
		matched, err := known.inOU(strings.TrimSpace(ou))
		if err != nil {
			return nil, err
		}
		ids = append(ids, matched...)
	}
	slices.Sort(ids)
	return slices.Compact(ids), nil
}

// knownAccount is one scan_accounts row, the newest first.
type knownAccount struct{ id, name, alias, profile, ouPath, ouNames string }

type knownAccounts []knownAccount

func (r *Reader) knownAccounts() (knownAccounts, error) {
	stmt, _, err := r.conn.Prepare(`SELECT account_id, coalesce(account_name, ''), coalesce(account_alias, ''),
			coalesce(profile, ''), coalesce(ou_path, ''), coalesce(ou_names, '')
		FROM main.scan_accounts ORDER BY scan_id DESC`)
	if err != nil {
		return nil, fmt.Errorf("list accounts: %w", err)
	}
	defer stmt.Close()
	var out knownAccounts
	for stmt.Step() {
		t := stmt.ColumnText
		out = append(out, knownAccount{t(0), t(1), t(2), t(3), t(4), t(5)})
	}
	return out, stmt.Err()
}

func (k knownAccounts) resolve(sel string) (string, error) {
	var matched, options []string
	for _, a := range k {
		if a.id == sel {
			return a.id, nil
		}
		for _, label := range []string{a.name, a.alias, a.profile} {
			if label != "" && strings.EqualFold(label, sel) && !slices.Contains(matched, a.id) {
				matched = append(matched, a.id)
			}
		}
		for _, o := range []string{a.id, a.name, a.alias, a.profile} {
			if o != "" && !slices.Contains(options, o) {
				options = append(options, o)
			}
		}
	}
	switch len(matched) {
	case 1:
		return matched[0], nil
	case 0:
		return "", &UnknownAccountError{suggest.Unknown("account", sel, options).Error()}
	}
	slices.Sort(matched)
	return "", &UnknownAccountError{fmt.Sprintf("account %q names several accounts (%s): give an account id",
		sel, strings.Join(matched, ", "))}
}

// inOU returns the accounts whose latest recorded OU path holds ou, by id
// or (case-insensitively) by name.
func (k knownAccounts) inOU(ou string) ([]string, error) {
	seen := map[string]bool{}
	var ids, options []string
	for _, a := range k {
		if seen[a.id] {
			continue // an older record
		}
		seen[a.id] = true
		ids1, names := strings.Split(a.ouPath, "/"), strings.Split(a.ouNames, "/")
		if slices.Contains(ids1, ou) || slices.ContainsFunc(names, func(n string) bool { return n != "" && strings.EqualFold(n, ou) }) {
			ids = append(ids, a.id)
		}
		for _, o := range append(ids1, names...) {
			if o != "" && !slices.Contains(options, o) {
				options = append(options, o)
			}
		}
	}
	if len(ids) == 0 {
		return nil, &UnknownAccountError{suggest.Unknown("organizational unit", ou, options).Error()}
	}
	return ids, nil
}

// UseAccounts limits resources, relationships (by their from side),
// coverage and the typed views to the given accounts (nil: all) from the
// next UseScan on.
func (r *Reader) UseAccounts(ids []string) {
	r.accounts = slices.Clone(ids)
}

// AccountList is accounts as the JSON array InAccounts binds ("" for every
// account).
func AccountList(accounts []string) string {
	if len(accounts) == 0 {
		return ""
	}
	b, _ := json.Marshal(accounts) // []string always marshals
	return string(b)
}

// InAccounts is the SQL condition keeping col within the accounts an
// AccountList bound at ?n names (every account for "").
func InAccounts(col string, n int) string {
	return fmt.Sprintf("(?%[2]d = '' OR %[1]s IN (SELECT value FROM json_each(?%[2]d)))", col, n)
}

// accountFilter is the SQL condition keeping col within accounts, inlined:
// the temporary views it narrows cannot bind parameters.
func accountFilter(col string, accounts []string) string {
	if accounts == nil {
		return ""
	}
	quoted := make([]string, len(accounts))
	for i, a := range accounts {
		quoted[i] = sqlite3.Quote(a)
	}
	return " AND " + col + " IN (" + strings.Join(quoted, ", ") + ")"
}
