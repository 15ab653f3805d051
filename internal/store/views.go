package store

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/ncruces/go-sqlite3"

	"github.com/awsmap/awsmap/internal/model"
)

// view is a TEMP view a Reader creates.
type view struct{ name, sql string }

// identifier is the shape of typed view and field names.
var identifier = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)

// sqlWord finds, in lower-cased SQL, the words that may name a typed view,
// quoted or not, and schemaNames are those of the tables and pragmas that
// list the schema.
var (
	sqlWord     = regexp.MustCompile(`[a-z_][a-z0-9_$]*`)
	schemaNames = map[string]bool{"sqlite_schema": true, "sqlite_master": true, "sqlite_temp_schema": true,
		"sqlite_temp_master": true, "table_list": true, "pragma_table_list": true}
)

// baseColumns are the columns every typed view starts with, before the
// fields and the raw details. A field named like one of them is shown under
// another name in the view (see ViewColumn).
var baseColumns = []string{"account_id", "region", "service", "type", "id", "arn", "name",
	"created_at", "is_default", "tags", "first_seen", "last_changed"}

// reservedNames are the tables and views a typed view may not shadow.
var reservedNames = map[string]bool{
	"scans": true, "resource_versions": true, "relationship_versions": true,
	"collections": true, "api_calls": true, "collection_versions": true, "call_versions": true, "scan_timings": true,
	"resources": true, "relationships": true, "coverage": true, "scan_accounts": true,
}

// CheckTypes reports the type descriptions a Reader cannot turn into typed
// views: names that are not snake_case identifiers, duplicate views or
// columns, views shadowing a table.
func CheckTypes(types []model.TypeInfo) error {
	seen := map[string]bool{}
	for _, t := range types {
		name := t.View()
		switch {
		case !identifier.MatchString(name):
			return fmt.Errorf("type %s/%s: view name %q is not a snake_case identifier", t.Service, t.Type, name)
		case reservedNames[name] || seen[name]:
			return fmt.Errorf("type %s/%s: view name %q is already taken", t.Service, t.Type, name)
		}
		seen[name] = true
		if err := checkFields(t); err != nil {
			return fmt.Errorf("type %s/%s: %w", t.Service, t.Type, err)
		}
	}
	return nil
}

func checkFields(t model.TypeInfo) error {
	taken := map[string]bool{"details": true}
	for _, c := range baseColumns {
		taken[c] = true
	}
	for _, f := range t.Fields {
		col := ViewColumn(t, f)
		switch {
		case !identifier.MatchString(f.Name):
			return fmt.Errorf("field %q is not a snake_case identifier", f.Name)
		case taken[col]:
			return fmt.Errorf("field %q duplicates a column of the view", f.Name)
		}
		taken[col] = true
	}
	return nil
}

// ViewColumn is the column of t's typed view that shows field f: the field's
// name, or, when that is a base column (ssm parameter "type"), the name
// prefixed with the type ("parameter_type"). details->>'$.type' is unchanged.
func ViewColumn(t model.TypeInfo, f model.Field) string {
	if slices.Contains(baseColumns, f.Name) {
		return strings.ReplaceAll(t.Type, "-", "_") + "_" + f.Name
	}
	return f.Name
}

// scanViews returns the TEMP views showing scan id (0: current state), with
// the coverage of coverageScan, limited to accounts (nil: all).
func scanViews(id, coverageScan int64, accounts []string) []view {
	return []view{
		{"resources", `CREATE TEMP VIEW resources AS
			SELECT v.account_id, v.region, v.service, v.type, v.id, v.arn, v.name,
				v.created_at, v.is_default, v.tags, v.details,
				` + scanTime("v.first_seen_scan") + ` AS first_seen,
				` + scanTime("v.first_scan") + ` AS last_changed, v.vid
			FROM main.resource_versions AS v
			WHERE ` + validAt("v", id) + accountFilter("v.account_id", accounts)},
		{"relationships", `CREATE TEMP VIEW relationships AS
			SELECT r.from_account_id, r.from_region, r.from_service, r.from_type, r.from_id,
				r.kind,
				r.to_account_id, r.to_region, r.to_service, r.to_type, r.to_id,
				` + scanTime("r.first_scan") + ` AS first_seen, r.rid
			FROM main.relationship_versions AS r
			WHERE ` + validAt("r", id) + accountFilter("r.from_account_id", accounts)},
		{"coverage", fmt.Sprintf(`CREATE TEMP VIEW coverage AS
			SELECT * FROM main.coverage WHERE scan_id = %d%s`, coverageScan, accountFilter("account_id", accounts))},
	}
}

// scanTime is the start time of the scan whose id is the column col. A
// subquery rather than a join: it is evaluated only when the column is
// read, and the planner cannot put the small scans table in an outer loop
// (statistics taken when it held one row made it scan all scans for every
// row).
func scanTime(col string) string {
	return "(SELECT started_at FROM main.scans WHERE id = " + col + ")"
}

// validAt is the condition for a version (table alias a) to be part of the
// state as of scan id: [first_scan, end_scan) contains id; id 0 means now.
func validAt(a string, id int64) string {
	if id == 0 {
		return a + ".end_scan IS NULL"
	}
	return fmt.Sprintf("%[1]s.first_scan <= %[2]d AND (%[1]s.end_scan IS NULL OR %[1]s.end_scan > %[2]d)", a, id)
}

// typedView selects one type from resources, with one column per field
// extracted from details (JSON numbers, strings and booleans (0/1) come out
// as SQL values, objects and arrays as JSON text). Names were checked by
// CheckTypes.
func typedView(t model.TypeInfo) view {
	var cols strings.Builder
	for _, c := range baseColumns {
		cols.WriteString(c + ", ")
	}
	for _, f := range t.Fields {
		fmt.Fprintf(&cols, "details->>'$.%s' AS %s, ", f.Name, sqlite3.QuoteIdentifier(ViewColumn(t, f)))
	}
	cols.WriteString("details")
	name := t.View()
	return view{name, fmt.Sprintf(`CREATE TEMP VIEW %s AS SELECT %s FROM temp.resources WHERE service = %s AND type = %s`,
		sqlite3.QuoteIdentifier(name), cols.String(), sqlite3.Quote(t.Service), sqlite3.Quote(t.Type))}
}
