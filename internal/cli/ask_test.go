package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/awsmap/awsmap/internal/ask"
	"github.com/awsmap/awsmap/internal/store"
)

// The ask tests run on one small demo inventory (two scans, so history has
// something to say), built once per test binary, and on an empty one.

// askTestNow pins "now" for time words; the demo estate is anchored to it.
var askTestNow = time.Date(2026, 6, 15, 12, 0, 0, 0, time.UTC)

// openAskReader opens an inventory read-only over its current state.
func openAskReader(t testing.TB, path string) *store.Reader {
	t.Helper()
	r, err := store.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := r.UseScan(0, typeCatalog()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.Close() })
	return r
}

func emptyInventory(t testing.TB) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "empty.db")
	db, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	return path
}

// rowsOf runs sql and returns its rows normalised for comparison: the
// (account, region, id) of listed resources, else every column.
func rowsOf(t testing.TB, r *store.Reader, sql string, args ...any) []string {
	t.Helper()
	rows, err := r.Query(context.Background(), sql, args...)
	if err != nil {
		t.Fatalf("%v\n%s", err, sql)
	}
	defer rows.Close()
	idCol := slices.Index(rows.Columns, "id")
	var out []string
	for rows.Next() {
		v := rows.Values()
		if idCol >= 0 {
			out = append(out, fmt.Sprintf("%v|%v|%v", v[slices.Index(rows.Columns, "account_id")], v[slices.Index(rows.Columns, "region")], v[idCol]))
			continue
		}
		var cells []string
		for _, c := range v {
			cells = append(cells, cell(c))
		}
		out = append(out, strings.Join(cells, "|"))
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	sort.Strings(out)
	return out
}

// askCase is a question, what it must be understood as, and a reference
// query written independently whose rows the answer must equal.
type askCase struct {
	q     string
	types []string // service/type read ("" entries: any)
	sql   []string // fragments the generated SQL must contain (intent: filters, grouping)
	ref   string   // reference SQL over the views; "" when only the intent is checked
	audit string
	waste bool
}

const (
	refList  = "SELECT account_id, region, id FROM resources WHERE "
	refCount = "SELECT count(*) AS count FROM resources WHERE "
)

// curatedCases are hand-written phrasings across the grammar.
func curatedCases() []askCase {
	d := func(days int) string { return askTestNow.AddDate(0, 0, -days).Format(time.RFC3339) }
	return []askCase{
		// counts, lists, grouping
		{q: "how many ec2 instances", types: []string{"ec2/instance"}, ref: refCount + "service = 'ec2' AND type = 'instance'"},
		{q: "count instances per region", sql: []string{"GROUP BY 1"}, ref: "SELECT region, count(*) FROM resources WHERE service = 'ec2' AND type = 'instance' GROUP BY 1"},
		{q: "number of s3 buckets", ref: refCount + "service = 's3' AND type = 'bucket'"},
		{q: "total number of lambda functions per account", ref: "SELECT account_id, count(*) FROM resources WHERE service = 'lambda' AND type = 'function' GROUP BY 1"},
		{q: "how many resources per region", ref: "SELECT region, count(*) FROM resources GROUP BY 1"},
		{q: "count resources per service", ref: "SELECT service, count(*) FROM resources GROUP BY 1"},
		{q: "how many accounts are there", ref: "SELECT account_id, count(*) FROM resources GROUP BY 1"},
		{q: "which accounts have lambda functions", ref: "SELECT account_id, count(*) FROM resources WHERE service = 'lambda' AND type = 'function' GROUP BY 1"},
		{q: "snapshots older than a year", ref: refList + "service = 'ec2' AND type = 'snapshot' AND created_at < '2025-06-15T12:00:00Z'"},
		{q: "count resources per account and service", ref: "SELECT account_id, service, count(*) FROM resources GROUP BY 1, 2"},
		{q: "count resources per type", ref: "SELECT service || '/' || type, count(*) FROM resources GROUP BY 1"},
		{q: "which service has the most resources", ref: "WITH g AS (SELECT service, count(*) AS c FROM resources GROUP BY 1) SELECT * FROM g WHERE c = (SELECT max(c) FROM g)"},
		{q: "which region has the most ec2 instances", ref: "WITH g AS (SELECT region, count(*) AS c FROM resources WHERE service = 'ec2' AND type = 'instance' GROUP BY 1) SELECT * FROM g WHERE c = (SELECT max(c) FROM g)"},
		{q: "which account has the fewest resources", ref: "WITH g AS (SELECT account_id, count(*) AS c FROM resources GROUP BY 1) SELECT * FROM g WHERE c = (SELECT min(c) FROM g)"},
		{q: "which runtime has the most functions", ref: "WITH g AS (SELECT runtime, count(*) AS c FROM lambda_functions GROUP BY 1) SELECT * FROM g WHERE c = (SELECT max(c) FROM g)"},
		{q: "which regions have lambda functions", ref: "SELECT region, count(*) FROM resources WHERE service = 'lambda' AND type = 'function' GROUP BY 1"},
		{q: "distinct runtimes of lambda functions", ref: "SELECT runtime, count(*) FROM lambda_functions GROUP BY 1"},
		{q: "what engines do databases use", ref: "SELECT details ->> '$.engine', count(*) FROM resources WHERE service = 'rds' AND type IN ('db-instance', 'db-cluster') GROUP BY 1"},
		{q: "count ec2 instances per instance type", ref: "SELECT instance_type, count(*) FROM ec2_instances GROUP BY 1"},
		{q: "ec2 instances per type", ref: "SELECT instance_type, count(*) FROM ec2_instances GROUP BY 1"},
		{q: "count instances per state and region", ref: "SELECT state, region, count(*) FROM ec2_instances GROUP BY 1, 2"},
		{q: "count lambda functions per runtime and region combination", ref: "SELECT runtime, region, count(*) FROM lambda_functions GROUP BY 1, 2"},
		{q: "count volumes grouped by volume type", ref: "SELECT volume_type, count(*) FROM ec2_volumes GROUP BY 1"},
		{q: "count lambda functions and s3 buckets per region", ref: "SELECT region, count(*) FROM resources WHERE (service = 'lambda' AND type = 'function') OR (service = 's3' AND type = 'bucket') GROUP BY 1"},
		{q: "count resources per Owner tag", ref: "SELECT (SELECT value FROM json_each(tags) WHERE lower(key) = 'owner'), count(*) FROM resources GROUP BY 1"},
		{q: "count resources by team tag and region", ref: "SELECT (SELECT value FROM json_each(tags) WHERE lower(key) = 'team'), region, count(*) FROM resources GROUP BY 1, 2"},
		{q: "count buckets per environment", ref: "SELECT (SELECT value FROM json_each(tags) WHERE lower(key) = 'environment'), count(*) FROM resources WHERE service = 's3' GROUP BY 1"},
		// regions
		{q: "stopped instances in eu-west-1", sql: []string{"r.region IN (?)", "'$.state'"}, ref: refList + "service = 'ec2' AND type = 'instance' AND region = 'eu-west-1' AND details ->> '$.state' = 'stopped'"},
		{q: "instances in us-east-1 or eu-west-1", ref: refList + "service = 'ec2' AND type = 'instance' AND region IN ('us-east-1', 'eu-west-1')"},
		{q: "instances not in us-east-1", sql: []string{"NOT IN"}, ref: refList + "service = 'ec2' AND type = 'instance' AND region <> 'us-east-1'"},
		{q: "buckets outside us-east-1 and eu-west-1", ref: refList + "service = 's3' AND type = 'bucket' AND region NOT IN ('us-east-1', 'eu-west-1')"},
		{q: "count dynamodb tables in ap-southeast-1 vs eu-central-1", ref: "SELECT region, count(*) FROM resources WHERE service = 'dynamodb' AND type = 'table' AND region IN ('ap-southeast-1', 'eu-central-1') GROUP BY 1"},
		{q: "lambda functions in us-east-2 versus us-west-2", ref: "SELECT region, count(*) FROM resources WHERE service = 'lambda' AND type = 'function' AND region IN ('us-east-2', 'us-west-2') GROUP BY 1"},
		{q: "iam roles in global", ref: refList + "service = 'iam' AND type = 'role' AND region = 'global'"},
		{q: "instances in account 111122223333", ref: refList + "service = 'ec2' AND type = 'instance' AND account_id = '111122223333'"},
		// semantic words
		{q: "which databases are public", ref: refList + "service = 'rds' AND type = 'db-instance' AND details ->> '$.publicly_accessible' = 1"},
		{q: "public buckets", ref: refList + "service = 's3' AND type = 'bucket' AND details ->> '$.is_public' = 1"},
		{q: "private buckets", ref: refList + "service = 's3' AND type = 'bucket' AND details ->> '$.is_public' = 0"},
		{q: "public ec2 instances", ref: refList + "service = 'ec2' AND type = 'instance' AND coalesce(details ->> '$.public_ip', '') <> ''"},
		{q: "public amis", ref: refList + "service = 'ec2' AND type = 'ami' AND details ->> '$.public' = 1"},
		{q: "public snapshots", ref: refList + "service = 'ec2' AND type = 'snapshot' AND details ->> '$.shared_publicly' = 1"},
		{q: "unencrypted volumes", ref: refList + "service = 'ec2' AND type = 'volume' AND details ->> '$.encrypted' = 0"},
		{q: "volumes that are not encrypted", ref: refList + "service = 'ec2' AND type = 'volume' AND details ->> '$.encrypted' = 0"},
		{q: "encrypted disks", ref: refList + "service = 'ec2' AND type = 'volume' AND details ->> '$.encrypted' = 1"},
		{q: "unencrypted databases", ref: refList + "service = 'rds' AND type IN ('db-instance', 'db-cluster') AND details ->> '$.storage_encrypted' = 0"},
		{q: "unencrypted efs file systems", ref: refList + "service = 'efs' AND details ->> '$.encrypted' = 0"},
		{q: "default vpcs", ref: refList + "service = 'ec2' AND type = 'vpc' AND is_default = 1"},
		{q: "non-default security groups in us-east-1", ref: refList + "service = 'ec2' AND type = 'security-group' AND is_default = 0 AND region = 'us-east-1'"},
		{q: "unattached volumes", ref: refList + "service = 'ec2' AND type = 'volume' AND details ->> '$.state' = 'available'"},
		{q: "unused volumes per region", ref: "SELECT region, count(*) FROM ec2_volumes WHERE state = 'available' GROUP BY 1"},
		{q: "certificates not in use", ref: refList + "service = 'acm' AND details ->> '$.in_use' = 0"},
		{q: "unused certificates", ref: refList + "service = 'acm' AND details ->> '$.in_use' = 0"},
		{q: "users without mfa", ref: refList + "service = 'iam' AND type = 'user' AND details ->> '$.mfa_active' = 0"},
		{q: "iam users with mfa", ref: refList + "service = 'iam' AND type = 'user' AND details ->> '$.mfa_active' = 1"},
		{q: "roles trusting external accounts", ref: refList + "service = 'iam' AND type = 'role' AND details ->> '$.trusts_other_accounts' = 1"},
		{q: "roles that trust everyone", ref: refList + "service = 'iam' AND type = 'role' AND details ->> '$.trusts_everyone' = 1"},
		{q: "trails not logging", ref: refList + "service = 'cloudtrail' AND details ->> '$.is_logging' = 0"},
		{q: "buckets not logging", ref: refList + "service = 's3' AND details ->> '$.logging_enabled' = 0"},
		{q: "buckets without versioning", ref: refList + "service = 's3' AND lower(details ->> '$.versioning') <> 'enabled'"},
		{q: "versioned buckets", ref: refList + "service = 's3' AND lower(details ->> '$.versioning') = 'enabled'"},
		{q: "kms keys without rotation", ref: refList + "service = 'kms' AND type = 'key' AND details ->> '$.rotation_enabled' = 0"},
		{q: "secrets not rotated", ref: refList + "service = 'secretsmanager' AND details ->> '$.rotation_enabled' = 0"},
		{q: "fifo queues", ref: refList + "service = 'sqs' AND details ->> '$.fifo' = 1"},
		{q: "security groups open to the world", ref: refList + "service = 'ec2' AND type = 'security-group' AND details ->> '$.open_to_world' = 1"},
		{q: "disabled kms keys", ref: refList + "service = 'kms' AND type = 'key' AND details ->> '$.enabled' = 0"},
		{q: "empty target groups", ref: refList + "service = 'elbv2' AND type = 'target-group' AND CAST(details ->> '$.target_count' AS INTEGER) = 0"},
		{q: "privileged task definitions", ref: refList + "service = 'ecs' AND type = 'task-definition' AND details ->> '$.any_privileged' = 1"},
		// boolean fields by name
		{q: "rds instances without deletion protection", ref: refList + "service = 'rds' AND type = 'db-instance' AND details ->> '$.deletion_protection' = 0"},
		{q: "multi-az databases", ref: refList + "service = 'rds' AND type IN ('db-instance', 'db-cluster') AND details ->> '$.multi_az' = 1"},
		{q: "rds instances that are not multi az", ref: refList + "service = 'rds' AND type = 'db-instance' AND details ->> '$.multi_az' = 0"},
		{q: "dynamodb tables without pitr", ref: refList + "service = 'dynamodb' AND details ->> '$.pitr_enabled' = 0"},
		{q: "ecr repositories with scan on push disabled", ref: refList + "service = 'ecr' AND details ->> '$.scan_on_push' = 0"},
		{q: "instances with imdsv2 required", ref: refList + "service = 'ec2' AND type = 'instance' AND details ->> '$.imdsv2_required' = 1"},
		{q: "eks clusters with endpoint public access", ref: refList + "service = 'eks' AND type = 'cluster' AND details ->> '$.endpoint_public_access' = 1"},
		{q: "buckets with object lock", ref: refList + "service = 's3' AND details ->> '$.object_lock_enabled' = 1"},
		// values, engines, runtimes
		{q: "gp2 volumes", ref: refList + "service = 'ec2' AND type = 'volume' AND details ->> '$.volume_type' = 'gp2'"},
		{q: "volumes with volume type gp3", ref: refList + "service = 'ec2' AND type = 'volume' AND details ->> '$.volume_type' = 'gp3'"},
		{q: "instances with instance type t3.micro", ref: refList + "service = 'ec2' AND type = 'instance' AND details ->> '$.instance_type' = 't3.micro'"},
		{q: "running instances", ref: refList + "service = 'ec2' AND type = 'instance' AND details ->> '$.state' = 'running'"},
		{q: "instances that are not running", ref: refList + "service = 'ec2' AND type = 'instance' AND details ->> '$.state' <> 'running'"},
		{q: "available volumes in us-east-1", ref: refList + "service = 'ec2' AND type = 'volume' AND details ->> '$.state' = 'available' AND region = 'us-east-1'"},
		{q: "functions using python", ref: refList + "service = 'lambda' AND type = 'function' AND details ->> '$.runtime' LIKE 'python%'"},
		{q: "functions using python 3.12", ref: refList + "service = 'lambda' AND type = 'function' AND details ->> '$.runtime' LIKE 'python3.12%'"},
		{q: "lambda functions running nodejs18", ref: refList + "service = 'lambda' AND type = 'function' AND details ->> '$.runtime' LIKE 'nodejs18%'"},
		{q: "functions not using python or nodejs", ref: refList + "service = 'lambda' AND type = 'function' AND details ->> '$.runtime' NOT LIKE 'python%' AND details ->> '$.runtime' NOT LIKE 'nodejs%'"},
		{q: "count python functions per region", ref: "SELECT region, count(*) FROM lambda_functions WHERE runtime LIKE 'python%' GROUP BY 1"},
		{q: "databases using postgres", ref: refList + "service = 'rds' AND type IN ('db-instance', 'db-cluster') AND details ->> '$.engine' LIKE '%postgres%'"},
		{q: "mysql databases", ref: refList + "service = 'rds' AND type IN ('db-instance', 'db-cluster') AND (details ->> '$.engine' LIKE 'mysql%' OR details ->> '$.engine' LIKE 'aurora-mysql%')"},
		{q: "count databases per engine", ref: "SELECT details ->> '$.engine', count(*) FROM resources WHERE service = 'rds' AND type IN ('db-instance', 'db-cluster') GROUP BY 1"},
		{q: "redis cache clusters", ref: refList + "service = 'elasticache' AND type = 'cluster' AND details ->> '$.engine' LIKE 'redis%'"},
		// numbers
		{q: "functions with memory greater than 512", sql: []string{"'$.memory_mb'", "> ?"}, ref: refList + "service = 'lambda' AND type = 'function' AND CAST(details ->> '$.memory_mb' AS REAL) > 512"},
		{q: "lambda functions with memory over 1 GB", ref: refList + "service = 'lambda' AND type = 'function' AND CAST(details ->> '$.memory_mb' AS REAL) > 1024"},
		{q: "functions with timeout between 30 and 300", ref: refList + "service = 'lambda' AND type = 'function' AND CAST(details ->> '$.timeout_seconds' AS REAL) BETWEEN 30 AND 300"},
		{q: "functions with a timeout of 900 seconds", ref: refList + "service = 'lambda' AND type = 'function' AND CAST(details ->> '$.timeout_seconds' AS REAL) = 900"},
		{q: "volumes larger than 100 GB", ref: refList + "service = 'ec2' AND type = 'volume' AND CAST(details ->> '$.size_gb' AS REAL) > 100"},
		{q: "unencrypted disks bigger than 500 gb", ref: refList + "service = 'ec2' AND type = 'volume' AND details ->> '$.encrypted' = 0 AND CAST(details ->> '$.size_gb' AS REAL) > 500"},
		{q: "volumes with size gb at least 1000", ref: refList + "service = 'ec2' AND type = 'volume' AND CAST(details ->> '$.size_gb' AS REAL) >= 1000"},
		{q: "tables with item count less than 10", ref: refList + "service = 'dynamodb' AND CAST(details ->> '$.item_count' AS REAL) < 10"},
		{q: "log groups with retention days greater than 30", ref: refList + "service = 'logs' AND CAST(details ->> '$.retention_days' AS REAL) > 30"},
		{q: "rds instances with allocated storage between 100 and 500", ref: refList + "service = 'rds' AND type = 'db-instance' AND CAST(details ->> '$.allocated_storage_gb' AS REAL) BETWEEN 100 AND 500"},
		{q: "auto scaling groups with max size of 10", ref: refList + "service = 'autoscaling' AND type = 'group' AND CAST(details ->> '$.max_size' AS REAL) = 10"},
		{q: "sqs queues with visibility timeout > 60", ref: refList + "service = 'sqs' AND CAST(details ->> '$.visibility_timeout' AS REAL) > 60"},
		{q: "resources with 5 or more tags", ref: refList + "(SELECT count(*) FROM json_each(tags)) >= 5"},
		{q: "buckets with more than 3 tags", ref: refList + "service = 's3' AND (SELECT count(*) FROM json_each(tags)) > 3"},
		// names
		{q: "instances named production-api-0027", ref: refList + "service = 'ec2' AND type = 'instance' AND (lower(name) = 'production-api-0027' OR lower(id) = 'production-api-0027')"},
		{q: "buckets containing logs", ref: refList + "service = 's3' AND instr(lower(coalesce(name, id)), 'logs') > 0"},
		{q: "functions with name containing auth", ref: refList + "service = 'lambda' AND type = 'function' AND instr(lower(coalesce(name, id)), 'auth') > 0"},
		{q: "functions with api in the name", ref: refList + "service = 'lambda' AND type = 'function' AND instr(lower(coalesce(name, id)), 'api') > 0"},
		{q: "buckets containing logs or backup", ref: refList + "service = 's3' AND (instr(lower(coalesce(name, id)), 'logs') > 0 OR instr(lower(coalesce(name, id)), 'backup') > 0)"},
		{q: "roles starting with staging", ref: refList + "service = 'iam' AND type = 'role' AND lower(coalesce(name, id)) LIKE 'staging%'"},
		// tags
		{q: "instances without an Owner tag", ref: refList + "service = 'ec2' AND type = 'instance' AND NOT EXISTS (SELECT 1 FROM json_each(tags) WHERE lower(key) = 'owner')"},
		{q: "buckets tagged with Team", ref: refList + "service = 's3' AND EXISTS (SELECT 1 FROM json_each(tags) WHERE lower(key) = 'team')"},
		{q: "resources tagged Environment=production", ref: refList + "EXISTS (SELECT 1 FROM json_each(tags) WHERE lower(key) = 'environment' AND lower(value) = 'production')"},
		{q: "resources without any tags", ref: refList + "(tags IS NULL OR tags = '{}')"},
		{q: "untagged volumes", ref: refList + "service = 'ec2' AND type = 'volume' AND (tags IS NULL OR tags = '{}')"},
		{q: "instances not tagged with CostCenter", ref: refList + "service = 'ec2' AND type = 'instance' AND NOT EXISTS (SELECT 1 FROM json_each(tags) WHERE lower(key) = 'costcenter')"},
		{q: "functions tagged with Owner or Team", ref: refList + "service = 'lambda' AND type = 'function' AND EXISTS (SELECT 1 FROM json_each(tags) WHERE lower(key) IN ('owner', 'team'))"},
		{q: "count instances in production per region", ref: "SELECT region, count(*) FROM resources WHERE service = 'ec2' AND type = 'instance' AND EXISTS (SELECT 1 FROM json_each(tags) WHERE lower(key) IN ('environment', 'env', 'stage') AND lower(value) IN ('production', 'prod', 'prd', 'live')) GROUP BY 1"},
		{q: "staging databases", ref: refList + "service = 'rds' AND type IN ('db-instance', 'db-cluster') AND EXISTS (SELECT 1 FROM json_each(tags) WHERE lower(key) IN ('environment', 'env', 'stage') AND lower(value) IN ('staging', 'stage', 'stg'))"},
		{q: "buckets with a Project tag", ref: refList + "service = 's3' AND EXISTS (SELECT 1 FROM json_each(tags) WHERE lower(key) = 'project')"},
		// time
		{q: "instances created in the last 30 days", ref: refList + "service = 'ec2' AND type = 'instance' AND created_at >= '" + d(30) + "'"},
		{q: "roles created in the last 2 weeks", ref: refList + "service = 'iam' AND type = 'role' AND created_at >= '" + d(14) + "'"},
		{q: "snapshots older than 180 days", ref: refList + "service = 'ec2' AND type = 'snapshot' AND created_at < '" + d(180) + "'"},
		{q: "amis created before 2025-01-01", ref: refList + "service = 'ec2' AND type = 'ami' AND created_at < '2025-01-01T00:00:00Z'"},
		{q: "buckets created after 2025-06-01", ref: refList + "service = 's3' AND created_at >= '2025-06-02T00:00:00Z'"},
		{q: "users created since March", ref: refList + "service = 'iam' AND type = 'user' AND created_at >= '2026-03-01T00:00:00Z'"},
		{q: "instances created this week", ref: refList + "service = 'ec2' AND type = 'instance' AND created_at >= '2026-06-15T00:00:00Z'"},
		{q: "functions created last month", ref: refList + "service = 'lambda' AND type = 'function' AND created_at >= '2026-05-01T00:00:00Z' AND created_at < '2026-06-01T00:00:00Z'"},
		{q: "certificates expiring within 30 days", ref: refList + "service = 'acm' AND details ->> '$.not_after' >= '" + askTestNow.Format(time.RFC3339) + "' AND details ->> '$.not_after' < '" + askTestNow.AddDate(0, 0, 30).Format(time.RFC3339) + "'"},
		{q: "expired certificates", ref: refList + "service = 'acm' AND details ->> '$.not_after' < '" + askTestNow.Format(time.RFC3339) + "'"},
		{q: "functions modified in the last 90 days", ref: refList + "service = 'lambda' AND type = 'function' AND details ->> '$.last_modified' >= '" + d(90) + "'"},
		{q: "roles not used in the last 90 days", ref: refList + "service = 'iam' AND type = 'role' AND (details ->> '$.last_used' IS NULL OR details ->> '$.last_used' < '" + d(90) + "')"},
		{q: "count resources created this year per service", ref: "SELECT service, count(*) FROM resources WHERE created_at >= '2026-01-01T00:00:00Z' GROUP BY 1"},
		// ordering and limits
		{q: "top 5 volumes sorted by size gb descending", ref: "SELECT account_id, region, id FROM (SELECT * FROM resources WHERE service = 'ec2' AND type = 'volume' ORDER BY details ->> '$.size_gb' DESC, account_id, region, name, id LIMIT 5)"},
		{q: "5 newest buckets", ref: "SELECT account_id, region, id FROM (SELECT * FROM resources WHERE service = 's3' ORDER BY created_at DESC, account_id, region, name, id LIMIT 5)"},
		{q: "first 3 instances sorted by name", ref: "SELECT account_id, region, id FROM (SELECT * FROM resources WHERE service = 'ec2' AND type = 'instance' ORDER BY name, account_id, region, name, id LIMIT 3)"},
		{q: "oldest 3 iam users", ref: "SELECT account_id, region, id FROM (SELECT * FROM resources WHERE service = 'iam' AND type = 'user' ORDER BY created_at, account_id, region, name, id LIMIT 3)"},
		{q: "functions sorted by memory descending", ref: refList + "service = 'lambda' AND type = 'function'"},
		// relationships
		{q: "vpcs without any subnets", ref: refList + "service = 'ec2' AND type = 'vpc' AND NOT EXISTS (SELECT 1 FROM relationships e WHERE e.to_id = resources.id AND e.from_type = 'subnet')"},
		{q: "vpcs with subnets", ref: refList + "service = 'ec2' AND type = 'vpc' AND EXISTS (SELECT 1 FROM relationships e WHERE e.to_id = resources.id AND e.from_type = 'subnet')"},
		{q: "volumes not attached to anything", ref: refList + "service = 'ec2' AND type = 'volume' AND NOT EXISTS (SELECT 1 FROM relationships e WHERE e.from_id = resources.id AND e.kind = 'attached-to')"},
		{q: "security groups without instances", ref: refList + "service = 'ec2' AND type = 'security-group' AND NOT EXISTS (SELECT 1 FROM relationships e WHERE e.to_id = resources.id AND e.from_type = 'instance' AND e.from_service = 'ec2')"},
		// typos
		{q: "how many ec2 instnaces", ref: refCount + "service = 'ec2' AND type = 'instance'"},
		{q: "count dynammo tables", ref: refCount + "service = 'dynamodb' AND type = 'table'"},
		{q: "show me iam roels", ref: refList + "service = 'iam' AND type = 'role'"},
		{q: "list securty groups in us-east-1", ref: refList + "service = 'ec2' AND type = 'security-group' AND region = 'us-east-1'"},
		{q: "unencripted volumes", ref: refList + "service = 'ec2' AND type = 'volume' AND details ->> '$.encrypted' = 0"},
		{q: "count subents per region", ref: "SELECT region, count(*) FROM resources WHERE service = 'ec2' AND type = 'subnet' GROUP BY 1"},
		{q: "cloudformaton stacks", ref: refList + "service = 'cloudformation'"},
		// synonyms in questions
		{q: "how many load balancers", ref: refCount + "(service = 'elbv2' AND type = 'load-balancer') OR (service = 'elb' AND type = 'load-balancer')"},
		{q: "list certs", ref: refList + "service = 'acm'"},
		{q: "count disks per region", ref: "SELECT region, count(*) FROM resources WHERE service = 'ec2' AND type = 'volume' GROUP BY 1"},
		{q: "how many servers are stopped", ref: refCount + "service = 'ec2' AND type = 'instance' AND details ->> '$.state' = 'stopped'"},
		{q: "are there any public buckets", ref: refList + "service = 's3' AND details ->> '$.is_public' = 1"},
		// audits, waste
		{q: "who has admin access", audit: "admin-users"},
		{q: "which users are admins", audit: "admin-users"},
		{q: "admin roles", audit: "admin-roles"},
		{q: "unused elastic ips", audit: "unused-eips"},
		{q: "unused iam roles", audit: "unused-iam-roles"},
		{q: "what is wasting money", waste: true},
		{q: "show me waste", waste: true},
		{q: "policies that allow admin", ref: refList + "service = 'iam' AND type = 'policy' AND details ->> '$.allows_admin' = 1"},
		// history
		{q: "what changed since yesterday", sql: []string{"'modified'", "'removed'", "'added'"}},
		{q: "what was deleted since 2026-01-01", ref: "SELECT account_id, region, id FROM (" + validAt(1) + " EXCEPT " + validAt(2) + ")"},
		{q: "what was added since 2026-01-01", ref: "SELECT account_id, region, id FROM (" + validAt(2) + " EXCEPT " + validAt(1) + ")"},
		{q: "count instances deleted since 2026-01-01", ref: "SELECT count(*) FROM (" + validAt(1) + " AND service = 'ec2' AND type = 'instance' EXCEPT " + validAt(2) + ")"},
		{q: "what was deleted last month", sql: []string{"'removed'", "started_at < ?"}},
		{q: "what was added this week", sql: []string{"'added'"}},
		{q: "which instances changed since 2026-01-01", types: []string{"ec2/instance"}, sql: []string{"'modified'"}},
		{q: "count changes since yesterday by type", sql: []string{"GROUP BY 1"}},
	}
}

// generatedCases ask the same phrasings of every type of the catalog, each
// with a reference query built from the type.
func generatedCases() []askCase {
	var out []askCase
	for _, t := range typeCatalog() {
		ph := t.Service + " " + pluralOf(strings.ReplaceAll(t.Type, "-", " "))
		where := fmt.Sprintf("service = '%s' AND type = '%s'", t.Service, t.Type)
		ref := []string{t.Service + "/" + t.Type}
		out = append(out,
			askCase{q: "how many " + ph, types: ref, ref: refCount + where},
			askCase{q: "count " + ph + " per region", types: ref, sql: []string{"GROUP BY 1"}, ref: "SELECT region, count(*) FROM resources WHERE " + where + " GROUP BY 1"},
			askCase{q: "list " + ph + " in us-east-1", types: ref, ref: refList + where + " AND region = 'us-east-1'"},
			askCase{q: ph + " without an Owner tag", types: ref, ref: refList + where + " AND NOT EXISTS (SELECT 1 FROM json_each(tags) WHERE lower(key) = 'owner')"},
			askCase{q: "count " + ph + " in us-east-1 vs eu-west-1", types: ref, ref: "SELECT region, count(*) FROM resources WHERE " + where + " AND region IN ('us-east-1', 'eu-west-1') GROUP BY 1"},
		)
	}
	return out
}

func TestAskQuestions(t *testing.T) {
	t.Parallel()
	r := openAskReader(t, askDemo.get(t))
	cat := ask.NewCatalog(typeCatalog())
	cases := append(curatedCases(), generatedCases()...)
	if len(cases) < 300 {
		t.Fatalf("only %d questions", len(cases))
	}
	// Types the estate has no data for answer nothing; the others must
	// mostly answer something, or the test proves little.
	populated := map[string]bool{}
	for _, row := range rowsOf(t, r, "SELECT DISTINCT service || '/' || type FROM resources") {
		populated[row] = true
	}
	nonEmpty, considered := 0, 0
	for _, tc := range cases {
		ans, err := cat.Ask(tc.q, ask.Options{Now: askTestNow})
		if err != nil {
			t.Errorf("%q: %v", tc.q, err)
			continue
		}
		switch {
		case tc.audit != "" || ans.Audit != "":
			if ans.Audit != tc.audit {
				t.Errorf("%q: audit %q, want %q", tc.q, ans.Audit, tc.audit)
			}
			continue
		case tc.waste || ans.Waste:
			if ans.Waste != tc.waste {
				t.Errorf("%q: waste %v, want %v", tc.q, ans.Waste, tc.waste)
			}
			continue
		}
		for _, frag := range tc.sql {
			if !strings.Contains(ans.SQL, frag) {
				t.Errorf("%q: SQL lacks %q:\n%s", tc.q, frag, ans.SQL)
			}
		}
		for _, want := range tc.types {
			if !slices.Contains(ans.Reads, typeRef(want)) || len(ans.Reads) != len(tc.types) {
				t.Errorf("%q: reads %v, want %v", tc.q, ans.Reads, tc.types)
			}
		}
		got := rowsOf(t, r, ans.SQL, ans.Args...)
		if tc.ref == "" {
			continue
		}
		want := rowsOf(t, r, tc.ref)
		if !slices.ContainsFunc(tc.types, func(typ string) bool { return !populated[typ] }) {
			considered++
			if len(want) > 0 {
				nonEmpty++
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("%q: %d rows, reference %d\n%s\n%v\ngot  %.5q\nwant %.5q", tc.q, len(got), len(want), ans.SQL, ans.Args, got, want)
		}
	}
	if nonEmpty < considered*2/3 || considered < 300 {
		t.Errorf("only %d of %d reference answers over types with demo data have rows", nonEmpty, considered)
	}
}

// validAt lists the keys of the versions valid at scan id.
// TestAskSurvivesNewServices: every hand-written question and every
// example reads the same types when a new service reuses every type name of
// the catalog (the clusters, snapshots, tables... of the next service to be
// added): shared words keep their everyday meaning or were service-qualified.
func TestAskSurvivesNewServices(t *testing.T) {
	t.Parallel()
	types := typeCatalog()
	for _, ti := range typeCatalog() {
		ti.Service = "newservice"
		types = append(types, ti)
	}
	now, grown := ask.NewCatalog(typeCatalog()), ask.NewCatalog(types)
	var questions []string
	for _, tc := range curatedCases() {
		questions = append(questions, tc.q)
	}
	for _, e := range now.Examples() {
		questions = append(questions, e.Question)
	}
	for _, q := range questions {
		before, err := now.Ask(q, ask.Options{Now: askTestNow})
		if err != nil {
			continue // TestAskQuestions reports it
		}
		after, err := grown.Ask(q, ask.Options{Now: askTestNow})
		if err != nil {
			t.Errorf("%q: %v", q, err)
			continue
		}
		var kept []ask.TypeRef // questions about every type also read the new ones
		for _, r := range after.Reads {
			if r.Service != "newservice" {
				kept = append(kept, r)
			}
		}
		if fmt.Sprint(kept) != fmt.Sprint(before.Reads) {
			t.Errorf("%q reads %v, was %v", q, kept, before.Reads)
		}
	}
}

func validAt(id int) string {
	return fmt.Sprintf("SELECT account_id, region, service, type, id FROM main.resource_versions WHERE first_scan <= %d AND coalesce(end_scan, 1e9) > %d", id, id)
}

func pluralOf(s string) string {
	switch {
	case strings.HasSuffix(s, "settings"):
		return s
	case strings.HasSuffix(s, "y"):
		return s[:len(s)-1] + "ies"
	case strings.HasSuffix(s, "s"):
		return s + "es"
	}
	return s + "s"
}

func typeRef(s string) ask.TypeRef {
	svc, typ, _ := strings.Cut(s, "/")
	return ask.TypeRef{Service: svc, Type: typ}
}

// TestAskExamples: every example question is understood, a question
// generated from a field reads that field, and its SQL runs on the demo
// inventory and on an empty one.
func TestAskExamples(t *testing.T) {
	t.Parallel()
	cat := ask.NewCatalog(typeCatalog())
	examples := cat.Examples()
	if len(examples) < 1000 {
		t.Fatalf("%d examples, want at least 1000", len(examples))
	}
	readers := map[string]*store.Reader{"demo": openAskReader(t, askDemo.get(t)), "empty": openAskReader(t, emptyInventory(t))}
	lib, err := loadLibrary()
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range examples {
		ans, err := cat.Ask(e.Question, ask.Options{Now: askTestNow})
		if err != nil {
			t.Errorf("[%s] %q: %v", e.Service, e.Question, err)
			continue
		}
		if e.Field != "" && !strings.Contains(ans.SQL, "'$."+e.Field+"'") {
			t.Errorf("[%s] %q was generated from %s but reads: %s", e.Service, e.Question, e.Field, ans.Interpretation)
		}
		if ans.Audit != "" {
			if _, ok := lib.Get(ans.Audit); !ok {
				t.Errorf("%q: runs %s, which is not a named query", e.Question, ans.Audit)
			}
			continue
		}
		if ans.Waste {
			continue
		}
		for name, r := range readers {
			rows, err := r.Query(context.Background(), ans.SQL, ans.Args...)
			if err != nil {
				t.Errorf("%s: %q: %v\n%s", name, e.Question, err, ans.SQL)
				continue
			}
			for rows.Next() {
			}
			if err := rows.Err(); err != nil {
				t.Errorf("%s: %q: %v", name, e.Question, err)
			}
			rows.Close()
		}
	}
}

// TestAskRefusals: questions that must not be answered, each refused with
// a reason and close examples.
func TestAskRefusals(t *testing.T) {
	t.Parallel()
	cat := ask.NewCatalog(typeCatalog())
	cases := []struct{ q, why string }{
		{"what is the weather in paris", "did not understand"},
		{"how much does my bill cost", "did not understand"},
		{"delete all instances", "did not understand"},
		{"drop table resources", "did not understand"},
		{"instances owned by bob", "did not understand"},
		{"buckets with frobnication enabled", "did not understand"},
		{"how many clusters", "ambiguous"},
		{"list stages", "ambiguous"},
		{"count groups per region", "ambiguous"},
		{"public queues", "public"},
		{"unencrypted roles", "encrypted"},
		{"empty users", "empty"},
		{"instances with quantum entanglement", "did not understand"},
		{"instances larger than 10", "compares"},
		{"lambda functions with memory greater than 10 days", "measured in"},
		{"users who logged in yesterday or today", "did not understand"},
		{"instances that are public or encrypted", "did not understand"},
		{"show me the money", "did not understand"},
		{"instances not", "did not understand"},
		{"", "empty"},
		{"???", "empty"},
		{"the and of", "nothing to look for"},
		{"roles expiring within 30 days", "no field"},
		{"vpcs modified in the last week", "no field"},
		{"what is expiring soon", "needs a resource type"},
		{"public", "needs a resource type"},
		{"how many instances per colour", "did not understand"},
		{"which instances are haunted", "did not understand"},
		{"average memory of lambda functions", "did not understand"},
		{"sum of volume sizes", "did not understand"},
		{"instances sorted by", "did not understand"},
		{"buckets named", "did not understand"},
		{"compare prod and staging costs", "did not understand"},
		{"predict next month's bill", "did not understand"},
		{"unused instances", "unused"},
		{"security groups with no rules", "ingress_rules"},
		{"instances available", "did not understand"},
	}
	if len(cases) < 30 {
		t.Fatalf("only %d refusals", len(cases))
	}
	for _, tc := range cases {
		ans, err := cat.Ask(tc.q, ask.Options{Now: askTestNow})
		var r *ask.Refusal
		if !errors.As(err, &r) {
			t.Errorf("%q was answered: %v", tc.q, ans)
			continue
		}
		if !strings.Contains(r.Error(), tc.why) {
			t.Errorf("%q: refusal %q does not say %q", tc.q, r.Error(), tc.why)
		}
		if len(r.Suggestions) == 0 {
			t.Errorf("%q: no suggestion", tc.q)
		}
		for _, s := range r.Suggestions {
			if _, err := cat.Ask(s, ask.Options{Now: askTestNow}); err != nil {
				t.Errorf("%q: suggestion %q is itself refused: %v", tc.q, s, err)
			}
		}
	}
}

// TestAskSynonyms: every form of every curated synonym names its types.
func TestAskSynonyms(t *testing.T) {
	t.Parallel()
	cat := ask.NewCatalog(typeCatalog())
	for _, s := range ask.Synonyms() {
		for _, form := range strings.Split(s.Phrase, "|") {
			ans, err := cat.Ask("list "+form, ask.Options{Now: askTestNow})
			if err != nil {
				t.Errorf("%q: %v", form, err)
				continue
			}
			var got []string
			for _, r := range ans.Reads {
				got = append(got, r.String())
			}
			if !slices.Equal(got, s.Types) {
				t.Errorf("%q reads %v, want %v", form, got, s.Types)
			}
		}
	}
}

// TestAskCommand runs the command: interpretation, SQL, rows; --sql,
// --explain, refusals (exit 2), formats, typo notes and empty answers.
func TestAskCommand(t *testing.T) {
	// Not parallel: it sets askNow, which the ask command of any test reads.
	db := askDemo.get(t)
	askNow = func() time.Time { return askTestNow }
	t.Cleanup(func() { askNow = time.Now })
	code, out, errb := awsmap(t, "--db", db, "ask", "how", "many", "ec2", "instances", "per", "region")
	if code != ExitOK || !strings.Contains(out, "Counting EC2 instances, by region.") || !strings.Contains(out, "GROUP BY 1") ||
		!strings.Contains(out, "us-east-1") || !strings.Contains(errb, "(6 rows)") {
		t.Errorf("exit %d\n%s\n%s", code, out, errb)
	}
	code, out, _ = awsmap(t, "--db", db, "ask", "-f", "json", "public", "buckets")
	var rows []map[string]any
	if code != ExitOK || json.Unmarshal([]byte(out), &rows) != nil || len(rows) == 0 {
		t.Errorf("json: exit %d\n%s", code, out)
	}
	code, out, errb = awsmap(t, "--db", db, "ask", "--sql", "stopped", "instances", "in", "eu-west-1")
	if code != ExitOK || !strings.HasPrefix(out, "SELECT") || !strings.Contains(out, `-- parameters: 1="ec2", 2="instance", 3="eu-west-1", 4="stopped"`) {
		t.Errorf("--sql: exit %d\n%s\n%s", code, out, errb)
	}
	code, out, _ = awsmap(t, "--db", db, "ask", "--explain", "unencrypted", "volumes", "in", "us-east-1")
	for _, want := range []string{"unencrypted  filter", "volumes      type", "us-east-1    region"} {
		if code != ExitOK || !strings.Contains(out, want) {
			t.Errorf("--explain lacks %q: exit %d\n%s", want, code, out)
		}
	}
	code, out, _ = awsmap(t, "--db", db, "ask", "count", "securty", "groups")
	if code != ExitOK || !strings.Contains(out, "(read securty → security)") {
		t.Errorf("typo: exit %d\n%s", code, out)
	}
	code, _, errb = awsmap(t, "--db", db, "ask", "what", "is", "the", "weather")
	if code != ExitUsage || !strings.Contains(errb, `did not understand "weather"`) || !strings.Contains(errb, "awsmap ask ") {
		t.Errorf("refusal: exit %d\n%s", code, errb)
	}
	code, _, errb = awsmap(t, "--db", db, "ask", "instances", "named", "no-such-instance")
	if code != ExitOK || !strings.Contains(errb, `No results: searched EC2 instances`) || !strings.Contains(errb, `named "no-such-instance" (every account), in the current state.`) {
		t.Errorf("empty: exit %d\n%s", code, errb)
	}
	code, out, errb = awsmap(t, "--db", db, "ask", "-a", "444455556666", "count", "buckets")
	if code != ExitOK || !strings.Contains(out, "in account 444455556666") || !strings.Contains(out, "r.account_id = ?") {
		t.Errorf("-a: exit %d\n%s\n%s", code, out, errb)
	}
	code, out, errb = awsmap(t, "--db", db, "ask", "who", "has", "admin", "access")
	if code != ExitOK || !strings.Contains(out, "Running the named query admin-users.") || !strings.Contains(out, "admin_source") {
		t.Errorf("admin: exit %d\n%s\n%s", code, out, errb)
	}
	code, out, errb = awsmap(t, "--db", db, "ask", "what", "is", "wasting", "money")
	if code != ExitOK || !strings.Contains(out, "Waste:") {
		t.Errorf("waste: exit %d\n%s\n%s", code, out, errb)
	}
	code, out, errb = awsmap(t, "--db", db, "examples")
	if code != ExitOK || !strings.Contains(out, "examples across") || !strings.Contains(out, "General (cross-service)") {
		t.Errorf("examples: exit %d\n%s\n%s", code, out, errb)
	}
	code, out, errb = awsmap(t, "--db", db, "examples", "lambda", "1", "-f", "csv")
	if code != ExitOK || !strings.Contains(errb, "awsmap ask ") || out == "" {
		t.Errorf("examples lambda 1: exit %d\n%s\n%s", code, out, errb)
	}
	code, out, _ = awsmap(t, "--db", db, "examples", "--search", "python")
	if code != ExitOK || !strings.Contains(out, "[lambda] functions using python 3.12") {
		t.Errorf("examples --search: exit %d\n%s", code, out)
	}
}

// TestAskUnknown: an answer over types whose collection was denied says
// UNKNOWN for the places concerned, and an empty answer says so.
func TestAskUnknown(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "locked.db")
	if code, _, errb := awsmap(t, "demo", "--db", path, "--size", "300", "--scans", "1", "--deny", "lambda"); code != ExitPartial {
		t.Fatalf("demo: exit %d\n%s", code, errb)
	}
	code, out, errb := awsmap(t, "--db", path, "ask", "lambda", "functions", "in", "eu-west-1")
	if code != ExitOK || !strings.Contains(errb, "UNKNOWN for ") || !strings.Contains(errb, "/eu-west-1: lambda function") ||
		strings.Contains(errb, "/us-east-1: lambda") || !strings.Contains(errb, "place(s) UNKNOWN") {
		t.Errorf("exit %d\n%s\n%s", code, out, errb)
	}
	code, _, errb = awsmap(t, "--db", path, "ask", "how", "many", "buckets")
	if code != ExitOK || strings.Contains(errb, "UNKNOWN") {
		t.Errorf("buckets were collected: exit %d\n%s", code, errb)
	}
}
