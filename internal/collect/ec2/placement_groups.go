package ec2

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/aws-sdk-go-v2/service/ec2/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

var placementGroupFields = collect.Fields[types.PlacementGroup]{
	collect.Text("group_id", "placement group id (pg-...)", func(g types.PlacementGroup) *string { return g.GroupId }),
	collect.Enum("strategy", "cluster, spread or partition", func(g types.PlacementGroup) types.PlacementStrategy { return g.Strategy }),
	collect.Enum("state", "pending, available, deleting or deleted", func(g types.PlacementGroup) types.PlacementGroupState { return g.State }),
	collect.Int("partition_count", "partitions of a partition group", func(g types.PlacementGroup) *int32 { return g.PartitionCount }),
	collect.Enum("spread_level", "host or rack, for spread groups", func(g types.PlacementGroup) types.SpreadLevel { return g.SpreadLevel }),
}

func placementGroups(ctx context.Context, t *collect.Task) error {
	out, err := client(t).DescribePlacementGroups(ctx, &ec2.DescribePlacementGroupsInput{})
	if err != nil {
		return err
	}
	for _, g := range out.PlacementGroups {
		if g.State == types.PlacementGroupStateDeleted {
			continue
		}
		// Instances name their placement group, so the name is the id.
		name := aws.ToString(g.GroupName)
		t.Emit(&model.Resource{Key: t.Key("placement-group", name), ARN: firstOf(g.GroupArn, aws.String(arn(t, nil, "placement-group/"+name))), Name: name,
			Tags: tags(g.Tags), Details: placementGroupFields.Details(g)})
	}
	return nil
}
