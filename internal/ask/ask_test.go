package ask

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/awsmap/awsmap/internal/model"
	"github.com/awsmap/awsmap/internal/store"
)

// These tests use a small hand-written catalog, so that they need no
// collector; internal/cli tests ask the real catalog on a demo inventory.

var testNow = time.Date(2026, 6, 17, 15, 30, 0, 0, time.UTC) // a Wednesday

func f(name string, typ model.Kind, desc string) model.Field {
	return model.Field{Name: name, Type: typ, Description: desc}
}

func testTypes() []model.TypeInfo {
	return []model.TypeInfo{
		{Service: "ec2", Type: "instance", Fields: []model.Field{
			f("state", "text", "pending, running, stopping, stopped"), f("instance_type", "text", "instance type, e.g. m5.large"),
			f("public_ip", "text", "public IPv4 address"), f("vpc_id", "text", "VPC")}},
		{Service: "ec2", Type: "volume", Fields: []model.Field{
			f("size_gb", "integer", "size in GiB"), f("volume_type", "text", "gp2, gp3, io1"), f("encrypted", "boolean", "encrypted"),
			f("state", "text", "creating, available, in-use")}},
		{Service: "ec2", Type: "vpc"}, {Service: "ec2", Type: "subnet"},
		{Service: "s3", Type: "bucket", Fields: []model.Field{f("is_public", "boolean", "public"), f("versioning", "text", "Enabled, Suspended or Disabled")}},
		{Service: "lambda", Type: "function", Fields: []model.Field{
			f("runtime", "text", "runtime"), f("memory_mb", "integer", "memory"), f("timeout_seconds", "integer", "timeout"),
			f("last_modified", "timestamp", "last change")}},
		{Service: "iam", Type: "user", Fields: []model.Field{f("mfa_active", "boolean", "MFA")}},
		{Service: "iam", Type: "role", Fields: []model.Field{f("last_used", "timestamp", "last use"), f("trusts_other_accounts", "boolean", "x")}},
		{Service: "acm", Type: "certificate", Fields: []model.Field{f("not_after", "timestamp", "expiry"), f("in_use", "boolean", "used")}},
		{Service: "rds", Type: "db-instance", Fields: []model.Field{f("engine", "text", "engine"), f("publicly_accessible", "boolean", "public"), f("storage_encrypted", "boolean", "x")}},
		{Service: "rds", Type: "db-cluster", Fields: []model.Field{f("engine", "text", "engine"), f("storage_encrypted", "boolean", "x")}},
		{Service: "ecs", Type: "cluster"}, {Service: "eks", Type: "cluster"},
	}
}

func ask(t *testing.T, c *Catalog, q string) *Answer {
	t.Helper()
	a, err := c.Ask(q, Options{Now: testNow})
	if err != nil {
		t.Fatalf("%q: %v", q, err)
	}
	return a
}

// TestNewTypeIsAskable: a type and fields ask has never heard of are
// askable by their names, values and kinds.
func TestNewTypeIsAskable(t *testing.T) {
	types := append(testTypes(), model.TypeInfo{Service: "widgets", Type: "gadget", Fields: []model.Field{
		f("sparkle_level", "integer", "how much it sparkles"), f("shiny", "boolean", "polished"),
		f("colour", "text", "red, green or blue"), f("polished_at", "timestamp", "when")}})
	c := NewCatalog(types)
	for q, want := range map[string][]string{
		"how many widgets gadgets":                          {"count(*)", "r.service = ? AND r.type = ?"},
		"widgets gadgets with sparkle level greater than 3": {"CAST(r.details ->> '$.sparkle_level' AS REAL) > ?"},
		"gadgets that are not shiny":                        {"r.details ->> '$.shiny' = ?"},
		"green gadgets":                                     {"lower(r.details ->> '$.colour') = lower(?)"},
		"count gadgets per colour":                          {"r.details ->> '$.colour' AS \"colour\"", "GROUP BY 1"},
		"gadgets sorted by polished at":                     {"ORDER BY r.details ->> '$.polished_at'"},
		"top 3 gadgets by sparkle level":                    {"GROUP BY 1"},
	} {
		a := ask(t, c, q)
		for _, w := range want {
			if !strings.Contains(a.SQL, w) {
				t.Errorf("%q: SQL lacks %q:\n%s", q, w, a.SQL)
			}
		}
		if len(a.Reads) != 1 || a.Reads[0] != (TypeRef{"widgets", "gadget"}) {
			t.Errorf("%q reads %v", q, a.Reads)
		}
	}
}

// TestTimeWords: time expressions are relative to Options.Now.
func TestTimeWords(t *testing.T) {
	c := NewCatalog(testTypes())
	for q, want := range map[string][]any{
		"instances created in the last 7 days":   {"2026-06-10T15:30:00Z"},
		"instances created last week":            {"2026-06-08T00:00:00Z", "2026-06-15T00:00:00Z"},
		"instances created this month":           {"2026-06-01T00:00:00Z"},
		"instances created yesterday":            {"2026-06-16T00:00:00Z", "2026-06-17T00:00:00Z"},
		"instances created since March":          {"2026-03-01T00:00:00Z"},
		"instances created since September":      {"2025-09-01T00:00:00Z"},
		"instances created before 2025-01-01":    {"2025-01-01T00:00:00Z"},
		"instances older than 2 weeks":           {"2026-06-03T15:30:00Z"},
		"instances created 3 days ago":           {"2026-06-14T00:00:00Z", "2026-06-15T00:00:00Z"},
		"certificates expiring within 30 days":   {"2026-06-17T15:30:00Z", "2026-07-17T15:30:00Z"},
		"functions modified in the last 2 hours": {"2026-06-17T13:30:00Z"},
		"instances created in 2025":              {"2025-01-01T00:00:00Z", "2026-01-01T00:00:00Z"},
	} {
		a := ask(t, c, q)
		args := a.Args[2:] // after service and type
		if len(args) != len(want) {
			t.Errorf("%q: args %v, want %v", q, args, want)
			continue
		}
		for i := range want {
			if args[i] != want[i] {
				t.Errorf("%q: arg %d = %v, want %v (%s)", q, i, args[i], want[i], a.SQL)
			}
		}
	}
}

// TestEveryWordAccountedFor: each word is used, a stop word, or the
// question is refused naming it.
func TestEveryWordAccountedFor(t *testing.T) {
	c := NewCatalog(testTypes())
	a := ask(t, c, "show me the stopped instances in eu-west-1 without an Owner tag")
	for _, w := range a.Words {
		if w.Role == "" || w.Role == "not understood" {
			t.Errorf("%q has no role", w.Text)
		}
	}
	_, err := c.Ask("stopped instances owned by bob", Options{Now: testNow})
	var r *Refusal
	if !errors.As(err, &r) || !strings.Contains(r.Error(), `"owned"`) || !strings.Contains(r.Error(), `"bob"`) {
		t.Errorf("refusal: %v", err)
	}
}

// TestValuesAreBound: values from the question never reach the SQL text.
func TestValuesAreBound(t *testing.T) {
	c := NewCatalog(testTypes())
	for _, q := range []string{`buckets named "x'; DROP TABLE scans; --"`, `buckets tagged Owner=o'brien`, `instances with instance type "'||1||'"`} {
		a := ask(t, c, q)
		if strings.Contains(a.SQL, "DROP") || strings.Contains(a.SQL, "brien") || strings.Contains(a.SQL, "||1||") {
			t.Errorf("%q: a value is spliced:\n%s", q, a.SQL)
		}
	}
}

// FuzzAsk: no question panics, and every SQL ask produces prepares on an
// inventory with the schema. go test ./internal/ask -run '^$' -fuzz FuzzAsk
func FuzzAsk(f *testing.F) {
	for _, s := range []string{"how many ec2 instances per region", "stopped instances in eu-west-1 vs us-east-1",
		"unencrypted volumes larger than 100 GB", "count functions per runtime and region", "who has admin access",
		"what changed since yesterday by service", "which region has the most buckets", "vpcs without any subnets",
		"instances in vpc-0abc123", "buckets tagged Owner=alice", "resources with 3 or more tags", "roles not used in the last 90 days",
		"top 5 volumes sorted by size gb descending", "functions using python 3.12 or nodejs", "public databases",
		"certificates expiring within 30 days", "what was deleted last month", "", "'", `"unterminated`, "named '; DROP TABLE x; --",
		"tagged a=b=c", "top 0 instances", "instances in us-east-1 vs", "between 1 and", "per per per", "x=", "=y", "ec2 ec2 ec2",
		"9999999999999999999999 instances", "functions with memory > 1e400", "since 0000-00-00", "named \x00", "résumé buckets"} {
		f.Add(s)
	}
	c := NewCatalog(testTypes())
	path := filepath.Join(f.TempDir(), "fuzz.db")
	db, err := store.Open(path)
	if err != nil {
		f.Fatal(err)
	}
	db.Close()
	r, err := store.OpenReader(path)
	if err != nil {
		f.Fatal(err)
	}
	defer r.Close()
	if err := r.UseScan(0, testTypes()); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, q string) {
		a, err := c.Ask(q, Options{Now: testNow, Account: "111122223333"})
		if err != nil || a.SQL == "" {
			return
		}
		rows, err := r.Query(context.Background(), a.SQL, a.Args...)
		if err != nil {
			t.Fatalf("%q: %v\n%s", q, err, a.SQL)
		}
		rows.Close()
	})
}

// TestDeterministic: the same question gives the same answer, refusals
// included (no map order leaks into messages or SQL).
func TestDeterministic(t *testing.T) {
	var first string
	for range 20 {
		c := NewCatalog(testTypes())
		_, err := c.Ask("how many clusters", Options{Now: testNow})
		a := ask(t, c, "count instances per state and region without an Owner tag")
		b := ask(t, c, "functions running nodejs18.x or python3.12")
		got := fmt.Sprint(err, a.SQL, a.Args, a.Interpretation, b.Args)
		if first == "" {
			first = got
		} else if got != first {
			t.Fatalf("answers differ:\n%s\n%s", first, got)
		}
	}
}

// sharedWordTypes adds, to the test catalog, a second service whose types
// reuse generic type words (snapshot, cluster, table, instance) and whose
// boolean fields contain concept words ("encryption", "public"): the shape
// every new AWS service risks.
func sharedWordTypes() []model.TypeInfo {
	return append(testTypes(),
		model.TypeInfo{Service: "ec2", Type: "snapshot", Fields: []model.Field{f("shared_publicly", "boolean", "public")}},
		model.TypeInfo{Service: "dynamodb", Type: "table", Fields: []model.Field{f("item_count", "integer", "items")}},
		model.TypeInfo{Service: "warehouse", Type: "snapshot", Fields: []model.Field{f("encrypted", "boolean", "x")}},
		model.TypeInfo{Service: "warehouse", Type: "table"},
		model.TypeInfo{Service: "warehouse", Type: "instance"},
		model.TypeInfo{Service: "warehouse", Type: "cluster", Fields: []model.Field{
			f("in_cluster_encryption", "boolean", "x"), f("encryption_at_rest", "boolean", "x"),
			f("public_access", "boolean", "x"), f("client_broker_encryption", "text", "TLS, TLS_PLAINTEXT or PLAINTEXT"),
			f("encryption_in_transit", "boolean", "x"), f("logging_enabled", "boolean", "x"), f("is_default", "boolean", "x"),
			f("enhanced_monitoring", "text", "DEFAULT, PER_BROKER or PER_TOPIC"), f("number_of_nodes", "integer", "x"),
			f("in_use", "boolean", "x"), f("open_to_world", "boolean", "x"), f("created_by_user", "boolean", "x"),
			f("tagged", "boolean", "x"), f("region_count", "integer", "x"), f("not_after", "timestamp", "x")}},
	)
}

// TestSharedTypeWords: a type word several services share reads its
// everyday meaning when a synonym gives one, saying what it left out, and
// is refused with the candidates otherwise; field names spelled out win
// over type words and concept words.
func TestSharedTypeWords(t *testing.T) {
	c := NewCatalog(sharedWordTypes())
	for _, tc := range []struct {
		q, reads, interp, sql string
	}{
		{"snapshots older than 180 days", "ec2/snapshot", "EC2 snapshots (not warehouse snapshots: name the service for those)", "r.created_at < ?"},
		{"public snapshots", "ec2/snapshot", "not warehouse snapshots", "'$.shared_publicly'"},
		{"warehouse snapshots that are encrypted", "warehouse/snapshot", "warehouse snapshots", "'$.encrypted'"},
		{"tables with item count greater than 10", "dynamodb/table", "not warehouse tables", "'$.item_count'"},
		{"stopped instances", "ec2/instance", "not warehouse instances", "'$.state'"},
		{"warehouse clusters with in cluster encryption", "warehouse/cluster", "in_cluster_encryption is true", "'$.in_cluster_encryption' = ?"},
		{"warehouse clusters without in cluster encryption", "warehouse/cluster", "in_cluster_encryption is false", "'$.in_cluster_encryption' = ?"},
		{"warehouse clusters without encryption at rest", "warehouse/cluster", "encryption_at_rest is false", "'$.encryption_at_rest' = ?"},
		{"warehouse clusters with public access", "warehouse/cluster", "public_access is true", "'$.public_access' = ?"},
		{"warehouse clusters in us-east-1 with client broker encryption tls", "warehouse/cluster", "in us-east-1", "'$.client_broker_encryption'"},
	} {
		a, err := c.Ask(tc.q, Options{Now: testNow})
		if err != nil {
			t.Errorf("%q: %v", tc.q, err)
			continue
		}
		if len(a.Reads) != 1 || a.Reads[0].String() != tc.reads {
			t.Errorf("%q reads %v, want %s", tc.q, a.Reads, tc.reads)
		}
		if !strings.Contains(a.Interpretation, tc.interp) || !strings.Contains(a.SQL, tc.sql) {
			t.Errorf("%q: interpretation %q (want %q), SQL lacks %q:\n%s", tc.q, a.Interpretation, tc.interp, tc.sql, a.SQL)
		}
	}
	for q, reason := range map[string]string{
		"clusters": `"clusters" is ambiguous: it could mean ecs cluster, eks cluster or warehouse cluster`,
		"how many clusters with in cluster encryption": `"clusters" is ambiguous`,
		"warehouse clusters with encryption":           `what "encrypted" means for warehouse clusters`,
		"vpcs without any clusters":                    `"clusters" is ambiguous: it could mean ecs cluster, eks cluster or warehouse cluster`,
	} {
		_, err := c.Ask(q, Options{Now: testNow})
		var r *Refusal
		if !errors.As(err, &r) || !strings.Contains(r.Error(), reason) {
			t.Errorf("%q: got %v, want a refusal saying %s", q, err, reason)
		}
	}
}

// TestExamplesReadTheirField: every example generated from a field reads
// that field, on a catalog with shared type words and field names full of
// concept and grammar words; a field ask cannot read back by its words
// ("tagged") gets no example rather than a misleading one.
func TestExamplesReadTheirField(t *testing.T) {
	c := NewCatalog(sharedWordTypes())
	got := map[string]bool{}
	for _, e := range c.Examples() {
		if e.Field == "" {
			continue
		}
		got[e.Field] = true
		a, err := c.Ask(e.Question, Options{Now: testNow})
		if err != nil {
			t.Errorf("%q: %v", e.Question, err)
		} else if !strings.Contains(a.SQL, "'$."+e.Field+"'") {
			t.Errorf("%q was generated from %s but reads: %s", e.Question, e.Field, a.Interpretation)
		}
	}
	for _, field := range []string{"in_cluster_encryption", "encryption_at_rest", "encryption_in_transit", "public_access",
		"logging_enabled", "in_use", "open_to_world", "created_by_user", "is_default", "number_of_nodes",
		"region_count", "not_after", "client_broker_encryption", "shared_publicly", "item_count"} {
		if !got[field] {
			t.Errorf("no example reads %s", field)
		}
	}
	if got["tagged"] {
		t.Errorf("an example claims to read the field tagged")
	}
}
