package diff

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/awsmap/awsmap/internal/model"
	"github.com/awsmap/awsmap/internal/store"
	"github.com/awsmap/awsmap/internal/store/storetest"
)

const acct = "111111111111"

// res is a resource of acct; region "global" for IAM.
func res(service, typ, id string, tags map[string]string, details map[string]any) *model.Resource {
	region := "us-east-1"
	if service == "iam" {
		region = model.GlobalRegion
	}
	return &model.Resource{Key: model.Key{Account: acct, Region: region, Service: service, Type: typ, ID: id},
		ARN: "arn:aws:" + service + ":::" + id, Name: id + "-name", Tags: tags, Details: details}
}

func key(service, typ, id string) model.Key { return res(service, typ, id, nil, nil).Key }

func coll(service, typ, outcome string) store.Collection {
	region := "us-east-1"
	if service == "iam" {
		region = model.GlobalRegion
	}
	c := store.Collection{AccountID: acct, Region: region, Service: service, Type: typ, Outcome: outcome}
	if outcome == store.OutcomeDenied {
		c.Operation, c.ErrorCode = "List", "AccessDenied"
	}
	return c
}

func inSubnet(id, subnet string) model.Relationship {
	return model.Relationship{From: key("ec2", "instance", id), Kind: "in-subnet", To: key("ec2", "subnet", subnet)}
}

type fixtureScan struct {
	resources   []*model.Resource
	edges       []model.Relationship
	collections []store.Collection
}

// writeScans writes the scans into a new inventory and returns a reader.
func writeScans(t *testing.T, scans []fixtureScan) *store.Reader {
	t.Helper()
	path := filepath.Join(t.TempDir(), "inventory.db")
	db, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range scans {
		storetest.Write(t, db, storetest.Scan{Meta: store.ScanMeta{AccountID: acct},
			Resources: s.resources, Edges: s.edges, Collections: s.collections})
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	r, err := store.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.Close() })
	return r
}

func rules(cidrs ...string) []any {
	out := make([]any, len(cidrs))
	for i, c := range cidrs {
		out[i] = map[string]any{"from_port": 22 + i, "cidr": c}
	}
	return out
}

// history5 is six scans of one account:
//
//  1. sg-1 (two rules), i-1 in subnet-1, i-2, user u-1: everything ok
//  2. sg-1's second rule changed and a third added; i-1's tags changed
//     (only) and it moved to subnet-2; i-2 gone; i-3 new
//  3. IAM denied (u-1 not returned); i-3 gone; i-2 back
//  4. EC2 instances denied (nothing returned); u-1 gone
//  5. everything ok; u-2 new; i-2 still there
//  6. i-1 moved to subnet-3 (its only change)
func history5(t *testing.T) *store.Reader {
	ok := store.OutcomeOK
	sg := func(cidrs ...string) *model.Resource {
		return res("ec2", "security-group", "sg-1", map[string]string{"Team": "a"}, map[string]any{"ip_permissions": rules(cidrs...)})
	}
	inst := func(id string, tags map[string]string) *model.Resource {
		return res("ec2", "instance", id, tags, map[string]any{"state": "running"})
	}
	all := func(ec2, iam string) []store.Collection {
		return []store.Collection{coll("ec2", "security-group", ok), coll("ec2", "instance", ec2), coll("iam", "user", iam)}
	}
	user := func(id string) *model.Resource { return res("iam", "user", id, nil, map[string]any{"mfa": false}) }
	return writeScans(t, []fixtureScan{
		{resources: []*model.Resource{sg("10.0.0.0/8", "0.0.0.0/0"), inst("i-1", map[string]string{"Team": "a"}), inst("i-2", nil), user("u-1")},
			edges: []model.Relationship{inSubnet("i-1", "subnet-1")}, collections: all(ok, ok)},
		{resources: []*model.Resource{sg("10.0.0.0/8", "10.1.0.0/16", "0.0.0.0/0"), inst("i-1", map[string]string{"Team": "b", "Owner": "x"}), inst("i-3", nil), user("u-1")},
			edges: []model.Relationship{inSubnet("i-1", "subnet-2")}, collections: all(ok, ok)},
		{resources: []*model.Resource{sg("10.0.0.0/8", "10.1.0.0/16", "0.0.0.0/0"), inst("i-1", map[string]string{"Team": "b", "Owner": "x"}), inst("i-2", nil)},
			edges: []model.Relationship{inSubnet("i-1", "subnet-2")}, collections: all(ok, store.OutcomeDenied)},
		{resources: []*model.Resource{sg("10.0.0.0/8", "10.1.0.0/16", "0.0.0.0/0")},
			collections: all(store.OutcomeDenied, ok)},
		{resources: []*model.Resource{sg("10.0.0.0/8", "10.1.0.0/16", "0.0.0.0/0"), inst("i-1", map[string]string{"Team": "b", "Owner": "x"}), inst("i-2", nil), user("u-2")},
			edges: []model.Relationship{inSubnet("i-1", "subnet-2")}, collections: all(ok, ok)},
		{resources: []*model.Resource{sg("10.0.0.0/8", "10.1.0.0/16", "0.0.0.0/0"), inst("i-1", map[string]string{"Team": "b", "Owner": "x"}), inst("i-2", nil), user("u-2")},
			edges: []model.Relationship{inSubnet("i-1", "subnet-3")}, collections: all(ok, ok)},
	})
}

func compute(t *testing.T, q Querier, o Options) *Result {
	t.Helper()
	r, err := Compute(context.Background(), q, o)
	if err != nil {
		t.Fatal(err)
	}
	return r
}
