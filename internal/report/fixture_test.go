package report

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/awsmap/awsmap/internal/model"
	"github.com/awsmap/awsmap/internal/store"
	"github.com/awsmap/awsmap/internal/store/storetest"
)

// Payloads that must show literally and execute nothing.
const (
	xssScript = `<script>alert(1)</script>`
	xssImg    = `"><img src=x onerror=alert(1)>`
	xssClose  = `</script><script>alert(2)</script>`
	xssURL    = `javascript:alert(3)`
	xssLine   = "line\u2028separator\u2029end"
)

const acct, other = "111111111111", "222222222222"

var fixtureTypes = []model.TypeInfo{
	{Service: "ec2", Type: "instance", Description: "EC2 instances", Fields: []model.Field{
		{Name: "state", Type: "text", Description: "Instance state"},
		{Name: "public_ip", Type: "text", Description: "Public IPv4 address"},
		{Name: "ebs_optimized", Type: "boolean", Description: "EBS optimisation"},
		{Name: "launch_time", Type: "timestamp", Description: "When it started"},
		{Name: "security_group_ids", Type: "json", Description: "Security groups"},
		{Name: "user_data_url", Type: "text", Description: "Where the user data comes from"},
	}},
	{Service: "ec2", Type: "subnet", Description: "VPC subnets", Fields: []model.Field{{Name: "cidr", Type: "text", Description: "CIDR block"}}},
	{Service: "ec2", Type: "vpc", Description: "VPCs"},
	{Service: "ec2", Type: "security-group", Description: "Security groups"},
	{Service: "s3", Type: "bucket", Description: "S3 buckets"},
	{Service: "lambda", Type: "function", Description: "Lambda functions"},
}

func key(region, service, typ, id string) model.Key {
	return model.Key{Account: acct, Region: region, Service: service, Type: typ, ID: id}
}

// fixtureResources is the first scan's estate.
func fixtureResources() []*model.Resource {
	return []*model.Resource{
		{Key: key("us-east-1", "ec2", "instance", "i-0xss"), Name: xssScript, ARN: "arn:aws:ec2:us-east-1:" + acct + ":instance/i-0xss",
			CreatedAt: "2026-01-02T03:04:05Z",
			Tags:      map[string]string{"env": "prod", xssImg: xssClose, "Owner": xssURL},
			Details: map[string]any{"state": "running", "public_ip": "203.0.113.7", "ebs_optimized": true, "launch_time": "2026-01-02T03:04:05Z",
				"security_group_ids": []any{"sg-1"}, "user_data_url": xssURL, "note": xssLine, "nested": map[string]any{"html": xssImg}}},
		{Key: key("us-east-1", "ec2", "instance", "i-0plain"), Name: "web-1", Tags: map[string]string{"env": "dev"},
			Details: map[string]any{"state": "stopped", "ebs_optimized": false}},
		{Key: key("us-east-1", "ec2", "subnet", "subnet-1"), Name: "private-a", Tags: map[string]string{}, Details: map[string]any{"cidr": "10.0.1.0/24"}},
		{Key: key("us-east-1", "ec2", "vpc", "vpc-1"), Name: "main", Tags: map[string]string{"env": "prod"}, Details: map[string]any{}},
		{Key: key("us-east-1", "ec2", "security-group", "sg-1"), Name: "web", Tags: map[string]string{}, Details: map[string]any{}},
		{Key: key("global", "s3", "bucket", "logs"), Name: "logs", Tags: map[string]string{"env": "prod"}, Details: map[string]any{}},
		{Key: key("us-east-1", "lambda", "function", "fn-old"), Name: "fn-old", Tags: map[string]string{}, Details: map[string]any{"runtime": "python3.8"}},
	}
}

func fixtureEdges() []model.Relationship {
	inst := key("us-east-1", "ec2", "instance", "i-0xss")
	return []model.Relationship{
		{From: inst, Kind: "in-subnet", To: key("us-east-1", "ec2", "subnet", "subnet-1")},
		{From: inst, Kind: "uses-security-group", To: key("us-east-1", "ec2", "security-group", "sg-1")},
		{From: key("us-east-1", "ec2", "subnet", "subnet-1"), Kind: "in-vpc", To: key("us-east-1", "ec2", "vpc", "vpc-1")},
		{From: inst, Kind: "assumes", To: model.Key{Account: other, Region: "global", Service: "iam", Type: "role", ID: "ops"}},
	}
}

func fixtureCollections() []store.Collection {
	ok := func(region, service, typ string) store.Collection {
		return store.Collection{AccountID: acct, Region: region, Service: service, Type: typ, Outcome: store.OutcomeOK, Items: 1}
	}
	return []store.Collection{
		ok("us-east-1", "ec2", "instance"), ok("us-east-1", "ec2", "subnet"), ok("us-east-1", "ec2", "vpc"),
		ok("us-east-1", "ec2", "security-group"), ok(model.AllRegions, "s3", "bucket"), ok("us-east-1", "lambda", "function"),
		{AccountID: acct, Region: "global", Service: "iam", Type: "user", Outcome: store.OutcomeDenied, Operation: "ListUsers",
			ErrorCode: "AccessDenied", ErrorMessage: "not authorized to perform iam:ListUsers"},
		{AccountID: acct, Region: "eu-west-1", Service: "lambda", Type: "function", Outcome: store.OutcomeError, Operation: "ListFunctions",
			ErrorCode: "InternalError", ErrorMessage: xssScript},
	}
}

func fixtureCalls() []store.APICall {
	return []store.APICall{
		{AccountID: acct, Region: "us-east-1", Service: "ec2", Operation: "DescribeInstances", Calls: 2, Pages: 2, Items: 2, Outcome: store.OutcomeOK},
		{AccountID: acct, Region: "global", Service: "iam", Operation: "ListUsers", Calls: 1, Errors: 1, Outcome: store.OutcomeDenied, ErrorCode: "AccessDenied"},
		{AccountID: acct, Region: "eu-west-1", Service: "lambda", Operation: "ListFunctions", Calls: 4, Retries: 3, Errors: 1, Outcome: store.OutcomeError, ErrorCode: "InternalError"},
	}
}

// fixtureDB writes two scans: the estate, then one where the XSS instance
// stopped, a bucket appeared and the Lambda function went away.
func fixtureDB(t testing.TB) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "inventory.db")
	db, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	first := fixtureResources()
	second := fixtureResources()
	second[0].Details["state"] = "stopped"
	second[0].Tags["env"] = "staging"
	second = append(second[:len(second)-1], &model.Resource{Key: key("global", "s3", "bucket", "new-bucket"), Name: "new-bucket",
		Tags: map[string]string{}, Details: map[string]any{}})
	for _, estate := range [][]*model.Resource{first, second} {
		writeScan(t, db, estate, fixtureEdges(), fixtureCollections(), fixtureCalls())
	}
	return path
}

func writeScan(t testing.TB, db *store.DB, res []*model.Resource, edges []model.Relationship, cols []store.Collection, calls []store.APICall) {
	t.Helper()
	storetest.Write(t, db, storetest.Scan{Meta: store.ScanMeta{AccountID: acct}, Resources: res, Edges: edges,
		Collections: cols, Calls: calls, Status: store.StatusPartial})
}

// fixtureFindings are audit results as the CLI passes them.
func fixtureFindings() []NamedResult {
	return []NamedResult{
		{Name: "public-instances", Title: "EC2 instances with a public IP", Description: "Reachable from the internet.", Category: "security", Severity: "high",
			Columns:    []string{"account_id", "region", "service", "type", "id", "name", "public_ip"},
			Rows:       [][]any{{acct, "us-east-1", "ec2", "instance", "i-0xss", xssScript, "203.0.113.7"}},
			Incomplete: []map[string]any{}},
		{Name: "admin-users", Title: "IAM users with admin rights", Description: "Users with AdministratorAccess.", Category: "security", Severity: "critical",
			Columns: []string{"account_id", "region", "service", "type", "id", "name"}, Rows: [][]any{},
			Incomplete: []map[string]any{{"account_id": acct, "region": "global", "service": "iam", "type": "user", "outcome": "denied",
				"operation": "ListUsers", "error_code": "AccessDenied"}}},
		{Name: "default-vpcs", Title: "Default VPCs", Description: "Nobody uses them.", Category: "hygiene", Severity: "low",
			Columns: []string{"account_id", "region", "service", "type", "id", "name"}, Rows: [][]any{}, Incomplete: []map[string]any{}},
	}
}

func fixtureWaste() map[string]any {
	return map[string]any{"prices_as_of": "2026-11-01", "cost_note": "estimate", "min_age_days": 90, "total_findings": 1,
		"estimated_monthly_usd": 12.5, "incomplete": []any{},
		"rules": []any{map[string]any{"rule": "idle-instance", "title": "Stopped instances", "note": "", "findings": 1, "estimated_monthly_usd": 12.5, "incomplete": []any{}}},
		"findings": []any{map[string]any{"rule": "idle-instance", "account_id": acct, "region": "us-east-1", "service": "ec2", "type": "instance",
			"id": "i-0plain", "name": "web-1", "estimated_monthly_usd": 12.5, "details": map[string]any{"state": "stopped"}}}}
}

// fixtureReport builds the report of the fixture's latest state.
func fixtureReport(t testing.TB) *Data {
	t.Helper()
	d, err := Build(context.Background(), fixtureReader(t), Options{Title: "Fixture " + xssScript, Types: fixtureTypes,
		Findings: fixtureFindings(), Waste: fixtureWaste(), Now: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// fixtureReader opens the fixture inventory on its current state.
func fixtureReader(t testing.TB) *store.Reader {
	t.Helper()
	r, err := store.OpenReader(fixtureDB(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.Close() })
	if err := r.UseScan(0, fixtureTypes); err != nil {
		t.Fatal(err)
	}
	return r
}
