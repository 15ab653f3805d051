package demo

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ncruces/go-sqlite3"

	"github.com/awsmap/awsmap/internal/collect/all"
	"github.com/awsmap/awsmap/internal/gendoc"
)

var testNow = time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)

func scanN(t *testing.T, path string, o Options, so scanOptions, scans int) []scanResult {
	t.Helper()
	est := New(o)
	var out []scanResult
	for s := range scans {
		r, err := scanInto(context.Background(), path, est.Scan(s), so)
		if err != nil {
			t.Fatalf("scan %d: %v", s, err)
		}
		out = append(out, r)
	}
	return out
}

func rows(t *testing.T, path, query string, args ...any) [][]string {
	t.Helper()
	conn, err := sqlite3.Open("file:" + path + "?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	// Parallel tests read the shared inventory at once: the last reader to
	// close checkpoints it, briefly locking the others out.
	if err := conn.BusyTimeout(10 * time.Second); err != nil {
		t.Fatal(err)
	}
	st, _, err := conn.Prepare(query)
	if err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	defer st.Close()
	for i, a := range args {
		if err := st.BindText(i+1, a.(string)); err != nil {
			t.Fatal(err)
		}
	}
	var out [][]string
	for st.Step() {
		row := make([]string, st.ColumnCount())
		for i := range row {
			row[i] = st.ColumnText(i)
		}
		out = append(out, row)
	}
	if err := st.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// set is the first column of rows.
func set(rows [][]string) map[string]bool {
	out := make(map[string]bool, len(rows))
	for _, r := range rows {
		out[r[0]] = true
	}
	return out
}

func count(t *testing.T, path, query string) int {
	var n int
	fmt.Sscan(rows(t, path, query)[0][0], &n)
	return n
}

// One small estate scanned once, shared by the tests that only read it.
var shared struct {
	sync.Mutex
	path string
}

// TestMain removes the shared estate, which outlives every test's TempDir.
func TestMain(m *testing.M) {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400) // a short-lived process with memory to spare: 10% less CPU (docs/benchmarks.md)
	}
	code := m.Run()
	if shared.path != "" {
		os.RemoveAll(filepath.Dir(shared.path))
	}
	os.Exit(code)
}

func sharedScan(t *testing.T) string {
	shared.Lock()
	defer shared.Unlock()
	if shared.path == "" {
		dir, err := os.MkdirTemp("", "awsmap-demo-test-")
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, "demo.db")
		scanN(t, path, Options{Seed: 42, Size: 2000, Now: testNow}, scanOptions{Workers: 20}, 2)
		shared.path = path // only once scanned: a failed scan is not shared
	}
	return shared.path
}

// withoutDemoDataFile names the types the estate has no data for: their
// read calls get the operation's empty answer, so they are collected with
// nothing to show. The test regenerates it with AWSMAP_UPDATE_DOCS=1.
const withoutDemoDataFile = "testdata/without-demo-data.txt"

func TestEveryCollectorGoesThroughTheEngine(t *testing.T) {
	t.Parallel()
	path := sharedScan(t)
	// The ledger has rows for every service, and no operation is unknown to
	// the estate (it would answer DemoNotImplemented).
	missing := map[string][]string{}
	var empty strings.Builder
	for _, r := range rows(t, path, `SELECT DISTINCT service, operation FROM api_calls WHERE error_code = 'DemoNotImplemented'`) {
		missing[r[0]] = append(missing[r[0]], r[1])
	}
	answered := set(rows(t, path, `SELECT DISTINCT service FROM api_calls WHERE outcome IN ('ok', 'not_found') AND calls > 0`))
	found := set(rows(t, path, `SELECT DISTINCT service || '/' || type FROM resources`))
	for _, s := range all.Services() {
		if len(missing[s.Name]) > 0 {
			t.Errorf("%s: the demo estate does not answer %v", s.Name, missing[s.Name])
		}
		if !answered[s.Name] {
			t.Errorf("%s: no ledger rows", s.Name)
		}
		for _, typ := range s.Types {
			if !found[s.Name+"/"+typ.Name] {
				empty.WriteString(s.Name + "/" + typ.Name + "\n")
			}
		}
	}
	gendoc.Check(t, withoutDemoDataFile, empty.String(), "go test ./internal/demo -run TestEveryCollectorGoesThroughTheEngine")
	// Every served collection succeeded.
	for _, r := range rows(t, path, `SELECT service, type, outcome, error_code, error_message FROM coverage WHERE outcome NOT IN ('ok', 'not_found') GROUP BY 1, 2`) {
		// Member accounts may not list the organization's accounts, as in
		// AWS: the collector records that as unsupported, not as a gap; so
		// are the regions where GuardDuty and Security Hub are off.
		notEnabled := r[2] == "unsupported" && r[3] == "NotEnabled"
		if (r[0] != "organizations" || r[2] != "unsupported") && !notEnabled {
			t.Errorf("collection %s/%s: %s %s %s", r[0], r[1], r[2], r[3], r[4])
		}
	}
	// Every ledger row names its operation.
	if n := count(t, path, `SELECT count(*) FROM api_calls WHERE operation = '' OR service = ''`); n != 0 {
		t.Errorf("%d ledger rows without an operation or service", n)
	}
	// Relationships span services.
	for _, kind := range []string{"in-subnet", "in-vpc", "uses-security-group", "attached-to", "assumes-role", "logs-for", "member-of"} {
		if n := count(t, path, `SELECT count(*) FROM relationships WHERE kind = '`+kind+`'`); n == 0 {
			t.Errorf("no %s relationships", kind)
		}
	}
}

func TestPlantedProblems(t *testing.T) {
	t.Parallel()
	path := sharedScan(t)
	for name, q := range map[string]string{
		"public buckets":            `SELECT count(*) FROM resources WHERE type = 'bucket' AND (json_extract(details, '$.public') = 1 OR json_extract(details, '$.policy_is_public') = 1 OR json_extract(details, '$.acl_public') = 1)`,
		"ssh open to the world":     `SELECT count(*) FROM resources WHERE type = 'security-group' AND details LIKE '%tcp:22-22%' AND json_extract(details, '$.open_to_world') = 1`,
		"rdp open to the world":     `SELECT count(*) FROM resources WHERE type = 'security-group' AND details LIKE '%tcp:3389-3389%'`,
		"unattached volumes":        `SELECT count(*) FROM resources WHERE type = 'volume' AND json_extract(details, '$.state') = 'available'`,
		"unencrypted volumes":       `SELECT count(*) FROM resources WHERE type = 'volume' AND json_extract(details, '$.encrypted') = 0`,
		"gp2 volumes":               `SELECT count(*) FROM resources WHERE type = 'volume' AND json_extract(details, '$.volume_type') = 'gp2'`,
		"unassociated EIPs":         `SELECT count(*) FROM resources WHERE type = 'elastic-ip' AND coalesce(json_extract(details, '$.instance_id'), '') = ''`,
		"stopped instances":         `SELECT count(*) FROM resources WHERE type = 'instance' AND json_extract(details, '$.state') = 'stopped'`,
		"snapshots over a year old": `SELECT count(*) FROM resources WHERE type = 'snapshot' AND created_at < '2025-03-01'`,
		"admins without MFA":        `SELECT count(*) FROM resources WHERE type = 'user' AND details LIKE '%AdministratorAccess%' AND json_extract(details, '$.mfa_active') = 0 AND json_extract(details, '$.password_enabled') = 1`,
		"access keys over 1 year":   `SELECT count(*) FROM resources r, json_each(r.details, '$.access_keys') k WHERE r.type = 'user' AND json_extract(k.value, '$.created') < '2025-03-01'`,
		"log groups kept forever":   `SELECT count(*) FROM resources WHERE type = 'log-group' AND json_extract(details, '$.retention_days') IS NULL`,
		"secrets never rotated":     `SELECT count(*) FROM resources WHERE type = 'secret' AND json_extract(details, '$.rotation_enabled') = 0`,
		"resources without Owner":   `SELECT count(*) FROM resources WHERE json_extract(tags, '$.Owner') IS NULL`,
		"ages spread over 3+ years": `SELECT count(*) FROM resources WHERE created_at < '2023-03-01'`,
		"unencrypted databases":     `SELECT count(*) FROM resources WHERE type = 'db-instance' AND json_extract(details, '$.storage_encrypted') = 0`,
		"public databases":          `SELECT count(*) FROM resources WHERE type = 'db-instance' AND json_extract(details, '$.publicly_accessible') = 1`,
		"public EBS snapshots":      `SELECT count(*) FROM resources WHERE type = 'snapshot' AND json_extract(details, '$.shared_publicly') = 1`,
		"public DB snapshots":       `SELECT count(*) FROM resources WHERE type = 'db-snapshot' AND json_extract(details, '$.shared_publicly') = 1`,
		"unencrypted DB snapshots":  `SELECT count(*) FROM resources WHERE type = 'db-snapshot' AND json_extract(details, '$.encrypted') = 0`,
		"idle target groups":        `SELECT count(*) FROM resources WHERE service = 'elbv2' AND type = 'target-group' AND json_extract(details, '$.healthy_count') = 0`,
		"classic ELBs w/o hosts":    `SELECT count(*) FROM resources WHERE service = 'elb' AND json_extract(details, '$.instance_count') = 0`,
		"certs expiring in 30 days": `SELECT count(*) FROM resources WHERE type = 'certificate' AND json_extract(details, '$.not_after') < '2026-03-31' AND json_extract(details, '$.status') = 'ISSUED'`,
		"certificates in use":       `SELECT count(*) FROM relationships WHERE kind = 'uses-certificate'`,
		"trails not logging":        `SELECT count(*) FROM resources WHERE type = 'trail' AND json_extract(details, '$.is_logging') = 0`,
		"single-region trails":      `SELECT count(*) FROM resources WHERE type = 'trail' AND json_extract(details, '$.multi_region') = 0`,
		"trails log to buckets":     `SELECT count(*) FROM relationships r JOIN resources b ON b.type = 'bucket' AND b.id = r.to_id AND b.region = r.to_region WHERE r.kind = 'logs-to' AND r.from_type = 'trail'`,
		"central trail logging":     `SELECT count(*) FROM relationships r JOIN resources b ON b.type = 'bucket' AND b.id = r.to_id AND b.region = r.to_region AND b.account_id = r.to_account_id WHERE r.kind = 'logs-to' AND r.from_type = 'trail' AND r.to_account_id <> r.from_account_id`,
		"rules trigger lambdas":     `SELECT count(*) FROM relationships r JOIN resources f ON f.type = 'function' AND f.id = r.to_id AND f.region = r.to_region WHERE r.kind = 'triggers'`,
		"private zones in VPCs":     `SELECT count(*) FROM relationships r JOIN resources v ON v.type = 'vpc' AND v.id = r.to_id AND v.region = r.to_region WHERE r.kind = 'associated-with' AND r.from_type = 'hosted-zone'`,
		"CloudFront allowing HTTP":  `SELECT count(*) FROM resources WHERE type = 'distribution' AND json_extract(details, '$.viewer_protocol_policy') = 'allow-all'`,
		"organization members":      `SELECT count(*) FROM resources WHERE service = 'organizations' AND type = 'account'`,
		"WAF protects public ALBs":  `SELECT count(*) FROM relationships r JOIN resources lb ON lb.type = 'load-balancer' AND lb.id = r.to_id AND lb.region = r.to_region WHERE r.kind = 'protects' AND r.from_type = 'web-acl'`,
		"glue tables in databases":  `SELECT count(*) FROM relationships r JOIN resources d ON d.service = 'glue' AND d.type = 'database' AND d.id = r.to_id AND d.region = r.to_region WHERE r.kind = 'in-database'`,
		"triggers start glue jobs":  `SELECT count(*) FROM relationships r JOIN resources j ON j.service = 'glue' AND j.type = 'job' AND j.id = r.to_id AND j.region = r.to_region WHERE r.kind = 'starts'`,
		"firehose reads kinesis":    `SELECT count(*) FROM relationships r JOIN resources s ON s.service = 'kinesis' AND s.id = r.to_id AND s.region = r.to_region WHERE r.kind = 'reads-from' AND r.from_type = 'delivery-stream'`,
		"schedules invoke lambdas":  `SELECT count(*) FROM relationships r JOIN resources f ON f.type = 'function' AND f.id = r.to_id AND f.region = r.to_region WHERE r.kind = 'targets' AND r.from_service = 'scheduler'`,
		"identity pools' users":     `SELECT count(*) FROM relationships r JOIN resources p ON p.type = 'user-pool' AND p.id = r.to_id AND p.region = r.to_region WHERE r.kind = 'uses-user-pool'`,
		"MFA devices of users":      `SELECT count(*) FROM relationships r JOIN resources u ON u.type = 'user' AND u.id = r.to_id AND u.account_id = r.to_account_id WHERE r.kind = 'assigned-to' AND r.from_type = 'virtual-mfa-device'`,
		"metric filters on groups":  `SELECT count(*) FROM relationships r JOIN resources g ON g.type = 'log-group' AND g.id = r.to_id AND g.region = r.to_region WHERE r.kind = 'filters'`,
		"expired server certs":      `SELECT count(*) FROM resources WHERE type = 'server-certificate' AND json_extract(details, '$.expiration') < '2026-03-01'`,
		"guest identity pools":      `SELECT count(*) FROM resources WHERE type = 'identity-pool' AND json_extract(details, '$.allow_unauthenticated_identities') = 1`,
		"lambda roles exist in IAM": `SELECT count(*) FROM relationships r JOIN resources i ON i.type = 'role' AND i.id = r.to_id AND i.account_id = r.to_account_id WHERE r.kind = 'assumes-role' AND r.from_type = 'function'`,
	} {
		if n := count(t, path, q); n == 0 {
			t.Errorf("%s: none found (%s)", name, q)
		}
	}
	// Log buckets are found wherever they live (central logging, other
	// regions): no trail points at a bucket that is not stored.
	dangling := `SELECT count(*) FROM relationships r WHERE r.to_service = 's3' AND r.to_type = 'bucket' AND NOT EXISTS (
		SELECT 1 FROM resources b WHERE b.service = 's3' AND b.type = 'bucket' AND b.id = r.to_id
			AND b.account_id = r.to_account_id AND b.region = r.to_region)`
	if n := count(t, path, dangling); n != 0 {
		t.Errorf("%d edges to buckets that are not stored where they point", n)
	}
}

// dump is a canonical dump of the inventory content (not of scan times).
func dump(t *testing.T, path string) string {
	var b strings.Builder
	for _, q := range []string{
		`SELECT account_id, region, service, type, id, arn, name, created_at, is_default, tags, details, first_scan, end_scan FROM resource_versions ORDER BY account_id, region, service, type, id, first_scan`,
		`SELECT from_account_id, from_region, from_service, from_type, from_id, kind, to_account_id, to_region, to_service, to_type, to_id FROM relationships ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11`,
		`SELECT scan_id, account_id, region, service, operation, calls, outcome FROM api_calls ORDER BY 1, 2, 3, 4, 5`,
	} {
		for _, r := range rows(t, path, q) {
			b.WriteString(strings.Join(r, "|"))
			b.WriteByte('\n')
		}
	}
	return b.String()
}

func TestDeterministic(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	o := Options{Seed: 7, Size: 400, Now: testNow}
	a, b, c := filepath.Join(dir, "a.db"), filepath.Join(dir, "b.db"), filepath.Join(dir, "c.db")
	so := scanOptions{Workers: 20, Regions: fewRegions}
	scanN(t, a, o, so, 2)
	scanN(t, b, o, so, 2)
	o.Seed = 8
	scanN(t, c, o, so, 1)
	da, db := dump(t, a), dump(t, b)
	if da != db {
		al, bl := strings.Split(da, "\n"), strings.Split(db, "\n")
		for i := range min(len(al), len(bl)) {
			if al[i] != bl[i] {
				t.Fatalf("same seed, different content at line %d:\n%s\n%s", i, al[i], bl[i])
			}
		}
		t.Fatalf("same seed, different content (%d vs %d lines)", len(al), len(bl))
	}
	if dump(t, c) == da {
		t.Fatal("different seeds gave the same estate")
	}
	// Drift: later scans added, removed and modified resources.
	if n := count(t, a, `SELECT count(*) FROM resource_versions WHERE first_scan > 1`); n == 0 {
		t.Error("no resource added or modified by drift")
	}
	if n := count(t, a, `SELECT count(*) FROM resource_versions WHERE end_scan IS NOT NULL`); n == 0 {
		t.Error("no resource removed or modified by drift")
	}
}

// scanVariant scans the estate of seed and size, in fewRegions, twice into
// new files: as served by default (the reference) and as served by variant.
// It returns both paths and the variant's result.
func scanVariant(t *testing.T, seed int64, size int, variant ServeOptions) (ref, path string, r scanResult) {
	t.Helper()
	dir := t.TempDir()
	est := New(Options{Seed: seed, Size: size, Now: testNow})
	ref, path = filepath.Join(dir, "ref.db"), filepath.Join(dir, "variant.db")
	if _, err := scanInto(context.Background(), ref, est.Scan(0), scanOptions{Regions: fewRegions}); err != nil {
		t.Fatal(err)
	}
	r, err := scanInto(context.Background(), path, est.Scan(0), scanOptions{Serve: variant, Regions: fewRegions})
	if err != nil {
		t.Fatal(err)
	}
	return ref, path, r
}

func TestPagination(t *testing.T) {
	t.Parallel()
	// Small pages: the same estate, many pages, same resources.
	full, paged, _ := scanVariant(t, 3, 300, ServeOptions{PageScale: 0.02})
	q := `SELECT account_id, region, service, type, id, details FROM resources ORDER BY 1, 2, 3, 4, 5`
	if a, b := rows(t, full, q), rows(t, paged, q); !slices.EqualFunc(a, b, slices.Equal) {
		t.Fatalf("paging changed the result: %d vs %d resources", len(a), len(b))
	}
}

func TestThrottlingAndDenial(t *testing.T) {
	t.Parallel()
	ref, path, r := scanVariant(t, 5, 300, ServeOptions{Throttle: 0.15, Deny: []string{"S3.GetBucketPolicy", "KMS"}})
	if r.Responder.Throttled() == 0 || count(t, path, `SELECT sum(throttles) FROM api_calls`) == 0 {
		t.Error("no throttling recorded in the ledger")
	}
	if n := count(t, path, `SELECT count(*) FROM api_calls WHERE service = 'kms' AND outcome = 'denied'`); n == 0 {
		t.Error("KMS denial not in the ledger")
	}
	// Nothing else is missing despite 15% throttling.
	q := `SELECT count(*) FROM resources WHERE service NOT IN ('kms')`
	if a, b := count(t, ref, q), count(t, path, q); a != b {
		t.Errorf("throttled scan found %d resources, reference %d", b, a)
	}
}

// Tags read in bulk (GetResources) are exactly those the per-resource tag
// calls return, which a scan falls back to when the bulk read is denied.
func TestBulkTagsMatchPerResourceTags(t *testing.T) {
	t.Parallel()
	bulk, perResource, r := scanVariant(t, 9, 600, ServeOptions{Deny: []string{"Resource Groups Tagging API"}})
	if r.Failed != 0 {
		t.Errorf("%d failed collections with GetResources denied: the per-resource fallback should cover it", r.Failed)
	}
	q := `SELECT account_id, region, service, type, id, tags FROM resources ORDER BY 1, 2, 3, 4, 5`
	if a, b := rows(t, bulk, q), rows(t, perResource, q); !slices.EqualFunc(a, b, slices.Equal) {
		t.Fatalf("bulk and per-resource tags differ (%d vs %d resources)", len(a), len(b))
	}
	if n := count(t, bulk, `SELECT count(*) FROM resources WHERE service IN ('lambda', 'ssm', 'sqs', 'dynamodb', 'elasticache', 'sns', 'kms', 'acm', 's3', 'ecr') AND tags <> '{}'`); n == 0 {
		t.Fatal("no tagged resource among the services read in bulk")
	}
	perResourceOps := `SELECT coalesce(sum(calls), 0) FROM api_calls WHERE operation IN
		('ListTags', 'ListTagsForResource', 'ListQueueTags', 'ListTagsOfResource', 'ListResourceTags', 'ListTagsForCertificate', 'GetBucketTagging')
		AND service IN ('lambda', 'ssm', 'sqs', 'dynamodb', 'elasticache', 'sns', 'kms', 'acm', 's3', 'ecr')`
	// With GetResources answering, a per-resource tag call only checks an
	// empty answer: at most once per collection (elasticache's three types
	// share the service), or reads an event-source mapping's tags (no bulk
	// path: one ListTags each).
	checks := strings.Replace(perResourceOps, "SELECT coalesce(sum(calls), 0)", "SELECT count(*)", 1) +
		` AND NOT (service = 'lambda' AND operation = 'ListTags') AND calls > CASE service WHEN 'elasticache' THEN 3 ELSE 1 END`
	if n := count(t, bulk, checks); n != 0 {
		t.Errorf("%d places with more per-resource tag calls than checks of an empty GetResources answer", n)
	}
	if n := count(t, bulk, `SELECT (SELECT coalesce(sum(calls), 0) FROM api_calls WHERE service = 'lambda' AND operation = 'ListTags')
		- (SELECT count(*) FROM resources WHERE type = 'event-source-mapping')
		- (SELECT count(*) FROM api_calls WHERE service = 'lambda' AND operation = 'ListTags')`); n > 0 {
		t.Errorf("%d Lambda ListTags calls beyond one per mapping and one check per region", n)
	}
	if n := count(t, perResource, perResourceOps); n == 0 {
		t.Error("no per-resource tag call when GetResources was denied")
	}
	if n := count(t, perResource, `SELECT count(*) FROM api_calls WHERE operation = 'GetResources' AND outcome = 'denied'`); n == 0 {
		t.Error("the denied GetResources calls are not in the ledger")
	}
}

func TestResolveDeny(t *testing.T) {
	got, err := ResolveDeny([]string{"iam", "s3.getbucketpolicy", "Elastic Load Balancing v2", "elasticloadbalancingv2.DescribeTargetHealth"})
	want := []string{"IAM", "S3.GetBucketPolicy", "Elastic Load Balancing v2", "Elastic Load Balancing v2.DescribeTargetHealth"}
	if err != nil || !slices.Equal(got, want) {
		t.Errorf("ResolveDeny = %q, %v; want %q", got, err, want)
	}
	for _, bad := range []string{"iamm", "S3.GetBucketPolicyy", ""} {
		if _, err := ResolveDeny([]string{bad}); err == nil {
			t.Errorf("ResolveDeny(%q) accepted", bad)
		}
	}
	if _, err := ResolveDeny([]string{"iamm"}); err == nil || !strings.Contains(err.Error(), "did you mean IAM") {
		t.Errorf("no suggestion for iamm: %v", err)
	}
}

// The ledger counts pages and their items: every Lambda function the scan
// stored came in one ListFunctions listing, which the five types walking
// functions share (collect.Reuse), and no operation has more pages than
// calls.
func TestLedgerCountsPagesAndItems(t *testing.T) {
	t.Parallel()
	path := sharedScan(t)
	scan := `(SELECT min(id) FROM scans)`
	functions := count(t, path, `SELECT count(*) FROM resource_versions WHERE service = 'lambda' AND type = 'function'
		AND first_scan <= `+scan+` AND (end_scan IS NULL OR end_scan > `+scan+`)`)
	items := count(t, path, `SELECT sum(items) FROM api_calls WHERE scan_id = `+scan+` AND operation = 'ListFunctions'`)
	listings := count(t, path, `SELECT count(DISTINCT type) FROM coverage WHERE scan_id = `+scan+` AND service = 'lambda'
		AND type IN ('function', 'alias', 'version', 'function-url', 'provisioned-concurrency') AND outcome = 'ok'`)
	if functions == 0 || listings != 5 || items != functions {
		t.Errorf("ListFunctions pages held %d items for %d types listing functions, the first scan stored %d functions: want one listing", items, listings, functions)
	}
	if n := count(t, path, `SELECT count(*) FROM api_calls WHERE pages > calls OR (pages = 0 AND items > 0)`); n != 0 {
		t.Errorf("%d ledger rows with more pages than calls, or items without pages", n)
	}
	if n := count(t, path, `SELECT count(*) FROM api_calls WHERE operation IN ('DescribeSnapshotAttribute', 'GetBucketPolicy') AND pages > 0`); n != 0 {
		t.Errorf("%d rows count per-resource calls as pages", n)
	}
}

// Every type's declared tag path works end to end: the demo tags 85% of
// every kind of resource AWS lets be tagged, so a taggable type with 4 or more
// resources and none tagged reads no tags, and a type declared not taggable
// reads none.
func TestTaggableTypesCollectTags(t *testing.T) {
	t.Parallel()
	path := sharedScan(t)
	var few []string
	for _, ti := range all.Types() {
		r := rows(t, path, `SELECT count(*), coalesce(sum(tags <> '{}'), 0) FROM resources WHERE service = ?1 AND type = ?2`, ti.Service, ti.Type)
		n, _ := strconv.Atoi(r[0][0])
		tagged := r[0][1]
		switch {
		case n < 4 && ti.Taggable: // all untagged by chance: over 0.05%
			few = append(few, ti.Service+"/"+ti.Type)
		case ti.Taggable && tagged == "0":
			t.Errorf("%s/%s is declared taggable but none of its %d resources has tags", ti.Service, ti.Type, n)
		case !ti.Taggable && tagged != "0":
			t.Errorf("%s/%s is declared not taggable but %s of its resources have tags", ti.Service, ti.Type, tagged)
		}
	}
	t.Logf("too few resources to judge: %v", few)
}
