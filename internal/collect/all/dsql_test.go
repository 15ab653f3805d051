package all_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dsql"
	"github.com/aws/aws-sdk-go-v2/service/dsql/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/dsql"
)

var (
	dsqlArn     = "arn:aws:dsql:" + region + ":" + collecttest.MotoAccount + ":cluster/"
	dsqlKmsKey  = "arn:aws:kms:" + region + ":" + collecttest.MotoAccount + ":key/k-1"
	dsqlCreated = time.Date(2025, 7, 1, 0, 0, 0, 0, time.UTC)
)

// estate answers as DSQL would (moto cannot list clusters): three clusters
// over two pages, c0 KMS-encrypted and in a multi-region set.
func dsqlEstate(deny ...string) awsx.Responder {
	answers := map[string]func(any) (any, error){
		"ListClusters": func(in any) (any, error) {
			summary := func(i int) types.ClusterSummary {
				return types.ClusterSummary{Identifier: aws.String(fmt.Sprint("c", i)), Arn: aws.String(fmt.Sprint(dsqlArn, "c", i))}
			}
			if in.(*dsql.ListClustersInput).NextToken == nil {
				return &dsql.ListClustersOutput{Clusters: []types.ClusterSummary{summary(0), summary(1)}, NextToken: aws.String("2")}, nil
			}
			return &dsql.ListClustersOutput{Clusters: []types.ClusterSummary{summary(2)}}, nil
		},
		"GetCluster": func(in any) (any, error) {
			id := in.(*dsql.GetClusterInput).Identifier
			out := &dsql.GetClusterOutput{Identifier: id, Arn: aws.String(dsqlArn + aws.ToString(id)), Status: types.ClusterStatusActive, CreationTime: &dsqlCreated,
				DeletionProtectionEnabled: aws.Bool(false), EncryptionDetails: &types.EncryptionDetails{EncryptionType: types.EncryptionTypeAwsOwnedKmsKey},
				Tags: map[string]string{"team": "payments"}}
			if aws.ToString(id) == "c0" {
				out.DeletionProtectionEnabled, out.Tags["Name"] = aws.Bool(true), "ledger"
				out.EncryptionDetails = &types.EncryptionDetails{EncryptionType: types.EncryptionTypeCustomerManagedKmsKey, KmsKeyArn: aws.String(dsqlKmsKey)}
				out.MultiRegionProperties = &types.MultiRegionProperties{Clusters: []string{dsqlArn + "c0", "arn:aws:dsql:eu-central-1:" + collecttest.MotoAccount + ":cluster/c9"},
					WitnessRegion: aws.String("eu-north-1")}
			}
			return out, nil
		},
	}
	for _, op := range deny {
		answers[op] = collecttest.Denied(op)
	}
	return collecttest.Canned(answers)
}

func TestDsqlClusters(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: dsqlEstate()})
	got := collecttest.Run(t, cfg, collector.Service, "cluster", region)
	if got.Err != nil || len(got.Resources) != 3 {
		t.Fatalf("want the clusters of both pages, got %v %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	c := got.ByID()["c0"]
	for k, v := range map[string]any{"status": "ACTIVE", "deletion_protection": true, "encryption_type": "CUSTOMER_MANAGED_KMS_KEY", "kms_key_arn": dsqlKmsKey, "witness_region": "eu-north-1"} {
		if c.Details[k] != v {
			t.Errorf("c0 details[%s] = %v, want %v", k, c.Details[k], v)
		}
	}
	if c.Name != "ledger" || c.Tags["team"] != "payments" || c.ARN != dsqlArn+"c0" || c.CreatedAt != "2025-07-01T00:00:00Z" || len(c.Details["peer_clusters"].([]string)) != 2 {
		t.Errorf("c0: %s %v %s %s %v", c.Name, c.Tags, c.ARN, c.CreatedAt, c.Details["peer_clusters"])
	}
	if got.ByID()["c2"].Name != "c2" {
		t.Errorf("a cluster without a Name tag is named by its id")
	}
	collecttest.HasEdges(t, got, "c0 -encrypted-with-> kms/key:k-1")
}

func TestDsqlDenied(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: dsqlEstate("ListClusters")})
	collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, "cluster", region))
	cfg = collecttest.ConfigWith(t, region, awsx.Options{Responder: dsqlEstate("GetCluster")})
	got := collecttest.Run(t, cfg, collector.Service, "cluster", region)
	if got.Err != nil || len(got.Resources) != 3 || len(got.Task.Warnings()) != 3 || len(got.ByID()["c0"].Details) != 0 {
		t.Fatalf("want 3 clusters without details and 3 warnings, got %v %d %d", got.Err, len(got.Resources), len(got.Task.Warnings()))
	}
}
