package all_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/keyspaces"
	"github.com/aws/aws-sdk-go-v2/service/keyspaces/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/keyspaces"
)

var (
	keyspacesArn     = "arn:aws:cassandra:" + region + ":" + collecttest.MotoAccount + ":/keyspace/"
	keyspacesKmsKey  = "arn:aws:kms:" + region + ":" + collecttest.MotoAccount + ":key/k-1"
	keyspacesCreated = time.Date(2025, 3, 3, 0, 0, 0, 0, time.UTC)
)

// estate answers as Keyspaces would (moto has no Keyspaces): the system
// keyspace and two of the account's over two pages, two tables in "shop";
// the operations in deny are refused.
func keyspacesEstate(deny ...string) awsx.Responder {
	answers := map[string]func(any) (any, error){
		"ListKeyspaces": func(in any) (any, error) {
			if in.(*keyspaces.ListKeyspacesInput).NextToken == nil {
				return &keyspaces.ListKeyspacesOutput{Keyspaces: []types.KeyspaceSummary{
					{KeyspaceName: aws.String("system_schema"), ResourceArn: aws.String(keyspacesArn + "system_schema/"), ReplicationStrategy: types.RsSingleRegion},
					{KeyspaceName: aws.String("shop"), ResourceArn: aws.String(keyspacesArn + "shop/"), ReplicationStrategy: types.RsMultiRegion, ReplicationRegions: []string{region, "eu-central-1"}},
				}, NextToken: aws.String("2")}, nil
			}
			return &keyspaces.ListKeyspacesOutput{Keyspaces: []types.KeyspaceSummary{{KeyspaceName: aws.String("logs"), ResourceArn: aws.String(keyspacesArn + "logs/")}}}, nil
		},
		"ListTables": func(in any) (any, error) {
			out := &keyspaces.ListTablesOutput{}
			if aws.ToString(in.(*keyspaces.ListTablesInput).KeyspaceName) == "shop" {
				for _, name := range []string{"orders", "carts"} {
					out.Tables = append(out.Tables, types.TableSummary{KeyspaceName: aws.String("shop"), TableName: aws.String(name), ResourceArn: aws.String(keyspacesArn + "shop/table/" + name)})
				}
			}
			return out, nil
		},
		"GetTable": func(in any) (any, error) {
			name := in.(*keyspaces.GetTableInput).TableName
			out := &keyspaces.GetTableOutput{KeyspaceName: aws.String("shop"), TableName: name, Status: types.TableStatusActive, CreationTimestamp: &keyspacesCreated,
				EncryptionSpecification: &types.EncryptionSpecification{Type: types.EncryptionTypeAwsOwnedKmsKey},
				CapacitySpecification:   &types.CapacitySpecificationSummary{ThroughputMode: types.ThroughputModePayPerRequest}}
			if aws.ToString(name) == "orders" {
				out.EncryptionSpecification = &types.EncryptionSpecification{Type: types.EncryptionTypeCustomerManagedKmsKey, KmsKeyIdentifier: aws.String(keyspacesKmsKey)}
				out.PointInTimeRecovery = &types.PointInTimeRecoverySummary{Status: types.PointInTimeRecoveryStatusEnabled}
				out.CapacitySpecification = &types.CapacitySpecificationSummary{ThroughputMode: types.ThroughputModeProvisioned, ReadCapacityUnits: aws.Int64(100), WriteCapacityUnits: aws.Int64(50)}
				out.Ttl, out.DefaultTimeToLive = &types.TimeToLive{Status: types.TimeToLiveStatusEnabled}, aws.Int32(86400)
			}
			return out, nil
		},
		"ListTagsForResource": func(any) (any, error) {
			return &keyspaces.ListTagsForResourceOutput{Tags: []types.Tag{{Key: aws.String("team"), Value: aws.String("shop")}}}, nil
		},
	}
	for _, op := range deny {
		answers[op] = collecttest.Denied(op)
	}
	return collecttest.Canned(answers)
}

func TestKeyspacesAndTables(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: keyspacesEstate()})
	got := collecttest.Run(t, cfg, collector.Service, "keyspace", region)
	if byID := got.ByID(); got.Err != nil || len(byID) != 2 || byID["system_schema"] != nil {
		t.Fatalf("want shop and logs, not the system keyspace: %v %v", got.Err, byID)
	}
	k := got.ByID()["shop"]
	if k.Details["replication_strategy"] != "MULTI_REGION" || fmt.Sprint(k.Details["replication_regions"]) != "[eu-west-1 eu-central-1]" || k.Tags["team"] != "shop" || k.ARN != keyspacesArn+"shop/" {
		t.Errorf("shop: %v %v %s", k.Details, k.Tags, k.ARN)
	}

	got = collecttest.Run(t, cfg, collector.Service, "table", region)
	if got.Err != nil || len(got.Resources) != 2 {
		t.Fatalf("tables: %v %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	o := got.ByID()["shop/orders"]
	for k, v := range map[string]any{"encryption_type": "CUSTOMER_MANAGED_KMS_KEY", "point_in_time_recovery": true, "throughput_mode": "PROVISIONED",
		"read_capacity_units": int64(100), "ttl_enabled": true, "default_ttl_seconds": int64(86400), "status": "ACTIVE", "keyspace": "shop"} {
		if o.Details[k] != v {
			t.Errorf("orders details[%s] = %v, want %v", k, o.Details[k], v)
		}
	}
	if c := got.ByID()["shop/carts"]; c.Details["point_in_time_recovery"] != false || c.Details["encryption_type"] != "AWS_OWNED_KMS_KEY" || c.CreatedAt != "2025-03-03T00:00:00Z" {
		t.Errorf("carts: %v %s", c.Details, c.CreatedAt)
	}
	collecttest.HasEdges(t, got, "shop/orders -in-keyspace-> keyspaces/keyspace:shop", "shop/orders -encrypted-with-> kms/key:k-1")
}

func TestKeyspacesDenied(t *testing.T) {
	collecttest.Setup(t)
	for _, typ := range []string{"keyspace", "table"} {
		cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: keyspacesEstate("ListKeyspaces")})
		collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, typ, region))
	}
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: keyspacesEstate("ListTables")})
	collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, "table", region))
	cfg = collecttest.ConfigWith(t, region, awsx.Options{Responder: keyspacesEstate("GetTable")})
	got := collecttest.Run(t, cfg, collector.Service, "table", region)
	if got.Err != nil || len(got.Resources) != 2 || len(got.Task.Warnings()) != 2 || len(got.ByID()["shop/orders"].Details) != 0 {
		t.Fatalf("want 2 tables without details and 2 warnings, got %v %d %d", got.Err, len(got.Resources), len(got.Task.Warnings()))
	}
}
