package ec2_test

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/aws-sdk-go-v2/service/ec2/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/ec2"
)

// moto does not implement placement groups: the SDK's DescribePlacementGroups
// answer is canned, the rest of the client (middleware, ledger) is real.
func TestPlacementGroups(t *testing.T) {
	collecttest.Setup(t)
	groups := &ec2.DescribePlacementGroupsOutput{PlacementGroups: []types.PlacementGroup{
		{GroupName: aws.String("hpc"), GroupId: aws.String("pg-1"), Strategy: types.PlacementStrategyCluster,
			State: types.PlacementGroupStateAvailable, Tags: []types.Tag{{Key: aws.String("Team"), Value: aws.String("ml")}}},
		{GroupName: aws.String("kafka"), GroupId: aws.String("pg-2"), Strategy: types.PlacementStrategyPartition,
			State: types.PlacementGroupStateAvailable, PartitionCount: aws.Int32(3)},
	}}
	cfg := collecttest.ConfigWith(t, "eu-west-1", awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){
		"DescribePlacementGroups": func(any) (any, error) { return groups, nil },
	})})
	got := run(t, cfg, "placement-group", "eu-west-1")
	if len(got.Resources) != 2 {
		t.Fatalf("%d placement groups, want 2", len(got.Resources))
	}
	hpc, kafka := got.ByID()["hpc"], got.ByID()["kafka"]
	wantDetails(t, hpc, map[string]any{"group_id": "pg-1", "strategy": "cluster", "state": "available", "partition_count": int64(0), "spread_level": ""})
	wantDetails(t, kafka, map[string]any{"group_id": "pg-2", "strategy": "partition", "partition_count": int64(3)})
	if hpc.Tags["Team"] != "ml" || hpc.ARN != "arn:aws:ec2:eu-west-1:"+collecttest.MotoAccount+":placement-group/hpc" {
		t.Errorf("identity fields wrong: %v %q", hpc.Tags, hpc.ARN)
	}

	denied := collecttest.ConfigWith(t, "eu-west-1", awsx.Options{Responder: collecttest.Deny("DescribePlacementGroups")})
	collecttest.AssertDenied(t, collecttest.Run(t, denied, collector.Service, "placement-group", "eu-west-1"))
}
