package dynamodb

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// globalTable is a listed global table with DescribeGlobalTable's answer,
// nil when that failed.
type globalTable struct {
	types.GlobalTable
	desc *types.GlobalTableDescription
}

var globalTableFields = collect.Fields[globalTable]{
	collect.Computed("replica_regions", model.JSON, "regions of the replicas", func(g globalTable) any {
		regions := []string{}
		for _, r := range g.ReplicationGroup {
			regions = append(regions, aws.ToString(r.RegionName))
		}
		return regions
	}),
	collect.Enum("status", "CREATING, ACTIVE, DELETING or UPDATING", func(g globalTable) types.GlobalTableStatus {
		if g.desc == nil {
			return ""
		}
		return g.desc.GlobalTableStatus
	}),
}

// globalTables lists the global tables of version 2017.11.29 that have a
// replica in the region (those of version 2019.11.21 are tables with
// replicas: table's global_table_replicas), one per region they span, each
// related to its replica there.
func globalTables(ctx context.Context, t *collect.Task) error {
	api := dynamodb.NewFromConfig(t.Config)
	p := collect.NewTokenPager(func(ctx context.Context, token *string, optFns ...func(*dynamodb.Options)) (*dynamodb.ListGlobalTablesOutput, error) {
		return api.ListGlobalTables(ctx, &dynamodb.ListGlobalTablesInput{RegionName: aws.String(t.Region), ExclusiveStartGlobalTableName: token, Limit: t.PageSize(100)}, optFns...)
	}, func(out *dynamodb.ListGlobalTablesOutput) *string { return out.LastEvaluatedGlobalTableName })
	return collect.EachItem(ctx, p, func(page *dynamodb.ListGlobalTablesOutput) []types.GlobalTable { return page.GlobalTables },
		func(ctx context.Context, gt types.GlobalTable) {
			g := globalTable{GlobalTable: gt}
			name := aws.ToString(gt.GlobalTableName)
			out, err := api.DescribeGlobalTable(ctx, &dynamodb.DescribeGlobalTableInput{GlobalTableName: gt.GlobalTableName})
			if err != nil {
				t.Warn("DescribeGlobalTable", err)
			} else {
				g.desc = out.GlobalTableDescription
			}
			key := t.Key("global-table", name)
			// A global table's ARN has no region.
			r := &model.Resource{Key: key, Name: name, ARN: "arn:" + t.Partition() + ":dynamodb::" + t.Account + ":global-table/" + name,
				Details: globalTableFields.Details(g)}
			if g.desc != nil {
				r.CreatedAt = model.Time(g.desc.CreationDateTime)
				if arn := aws.ToString(g.desc.GlobalTableArn); arn != "" {
					r.ARN = arn
				}
			}
			t.Emit(r)
			t.Relate(key, "has-replica", t.Key("table", name))
		})
}
