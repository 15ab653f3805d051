package rds

import (
	"context"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/rds"
	"github.com/aws/aws-sdk-go-v2/service/rds/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// bulkTagged pages through a type whose Describe* returns no tags (unlike
// the instance, cluster and snapshot listings): they come in bulk from
// GetResources (filter), else from ListTagsForResource per resource.
func bulkTagged[Out, T any](ctx context.Context, t *collect.Task, api *rds.Client, filter string, p collect.Pager[rds.Options, Out],
	items func(*Out) []T, arn func(T) *string, emit func(item T, tags map[string]string)) error {
	bulk := collect.NewBulkTags(t, filter)
	return collect.EachItem(ctx, p, items, func(ctx context.Context, it T) {
		a := arn(it)
		emit(it, bulk.Of(ctx, aws.ToString(a), "ListTagsForResource", func(ctx context.Context) (map[string]string, error) {
			out, err := api.ListTagsForResource(ctx, &rds.ListTagsForResourceInput{ResourceName: a})
			if err != nil {
				return nil, err
			}
			return tags(out.TagList), nil
		}))
	})
}

var subnetGroupFields = collect.Fields[types.DBSubnetGroup]{
	collect.Text("description", "description of the subnet group", func(g types.DBSubnetGroup) *string { return g.DBSubnetGroupDescription }),
	collect.Text("vpc_id", "VPC of the subnets", func(g types.DBSubnetGroup) *string { return g.VpcId }),
	collect.Computed("subnet_ids", model.JSON, "subnets in the group", func(g types.DBSubnetGroup) any { return subnetIDs(g) }),
	collect.Text("status", "subnet group status, e.g. Complete", func(g types.DBSubnetGroup) *string { return g.SubnetGroupStatus }),
}

func subnetIDs(g types.DBSubnetGroup) []string {
	out := []string{}
	for _, s := range g.Subnets {
		out = append(out, aws.ToString(s.SubnetIdentifier))
	}
	return out
}

func subnetGroups(ctx context.Context, t *collect.Task) error {
	api := client(t)
	p := rds.NewDescribeDBSubnetGroupsPaginator(api, &rds.DescribeDBSubnetGroupsInput{MaxRecords: t.PageSize(maxRecords)})
	return bulkTagged(ctx, t, api, "rds:subgrp", p, func(page *rds.DescribeDBSubnetGroupsOutput) []types.DBSubnetGroup { return page.DBSubnetGroups },
		func(g types.DBSubnetGroup) *string { return g.DBSubnetGroupArn },
		func(g types.DBSubnetGroup, tags map[string]string) {
			name := aws.ToString(g.DBSubnetGroupName)
			key := t.Key("db-subnet-group", name)
			// "default" is the subnet group RDS creates in the default VPC.
			t.Emit(&model.Resource{Key: key, ARN: aws.ToString(g.DBSubnetGroupArn), Name: name, IsDefault: name == "default",
				Tags: tags, Details: subnetGroupFields.Details(g)})
			for _, s := range subnetIDs(g) {
				t.Relate(key, "includes-subnet", t.Ref("ec2", "subnet", s))
			}
			t.Relate(key, "in-vpc", t.Ref("ec2", "vpc", aws.ToString(g.VpcId)))
		})
}

// AWS's own parameter and option groups: "default.postgres16",
// "default:mysql-8-0".
func isDefaultGroup(name string) bool {
	return strings.HasPrefix(name, "default.") || strings.HasPrefix(name, "default:")
}

var parameterGroupFields = collect.Fields[types.DBParameterGroup]{
	collect.Text("family", "parameter group family, e.g. postgres16, mysql8.0", func(g types.DBParameterGroup) *string { return g.DBParameterGroupFamily }),
	collect.Text("description", "description", func(g types.DBParameterGroup) *string { return g.Description }),
}

func parameterGroups(ctx context.Context, t *collect.Task) error {
	api := client(t)
	p := rds.NewDescribeDBParameterGroupsPaginator(api, &rds.DescribeDBParameterGroupsInput{MaxRecords: t.PageSize(maxRecords)})
	return bulkTagged(ctx, t, api, "rds:pg", p, func(page *rds.DescribeDBParameterGroupsOutput) []types.DBParameterGroup {
		return page.DBParameterGroups
	},
		func(g types.DBParameterGroup) *string { return g.DBParameterGroupArn },
		func(g types.DBParameterGroup, tags map[string]string) {
			name := aws.ToString(g.DBParameterGroupName)
			t.Emit(&model.Resource{Key: t.Key("db-parameter-group", name), ARN: aws.ToString(g.DBParameterGroupArn), Name: name,
				IsDefault: isDefaultGroup(name), Tags: tags, Details: parameterGroupFields.Details(g)})
		})
}

var clusterParameterGroupFields = collect.Fields[types.DBClusterParameterGroup]{
	collect.Text("family", "parameter group family, e.g. aurora-postgresql16, docdb5.0, neptune1.3", func(g types.DBClusterParameterGroup) *string {
		return g.DBParameterGroupFamily
	}),
	collect.Text("description", "description", func(g types.DBClusterParameterGroup) *string { return g.Description }),
}

// clusterParameterGroups: DocumentDB's and Neptune's cluster parameter
// groups are RDS ones too (the family says which); they are listed here.
func clusterParameterGroups(ctx context.Context, t *collect.Task) error {
	api := client(t)
	p := rds.NewDescribeDBClusterParameterGroupsPaginator(api, &rds.DescribeDBClusterParameterGroupsInput{MaxRecords: t.PageSize(maxRecords)})
	return bulkTagged(ctx, t, api, "rds:cluster-pg", p,
		func(page *rds.DescribeDBClusterParameterGroupsOutput) []types.DBClusterParameterGroup {
			return page.DBClusterParameterGroups
		},
		func(g types.DBClusterParameterGroup) *string { return g.DBClusterParameterGroupArn },
		func(g types.DBClusterParameterGroup, tags map[string]string) {
			name := aws.ToString(g.DBClusterParameterGroupName)
			t.Emit(&model.Resource{Key: t.Key("db-cluster-parameter-group", name), ARN: aws.ToString(g.DBClusterParameterGroupArn), Name: name,
				IsDefault: isDefaultGroup(name), Tags: tags, Details: clusterParameterGroupFields.Details(g)})
		})
}

var optionGroupFields = collect.Fields[types.OptionGroup]{
	collect.Text("engine", "engine the options are for", func(g types.OptionGroup) *string { return g.EngineName }),
	collect.Text("major_engine_version", "major engine version", func(g types.OptionGroup) *string { return g.MajorEngineVersion }),
	collect.Text("description", "description", func(g types.OptionGroup) *string { return g.OptionGroupDescription }),
	collect.Computed("options", model.JSON, "names of the options set, e.g. [\"TDE\", \"S3_INTEGRATION\"]", func(g types.OptionGroup) any {
		out := []string{}
		for _, o := range g.Options {
			out = append(out, aws.ToString(o.OptionName))
		}
		return out
	}),
	collect.Text("vpc_id", "VPC the group is limited to, if any", func(g types.OptionGroup) *string { return g.VpcId }),
}

func optionGroups(ctx context.Context, t *collect.Task) error {
	api := client(t)
	p := rds.NewDescribeOptionGroupsPaginator(api, &rds.DescribeOptionGroupsInput{MaxRecords: t.PageSize(maxRecords)})
	return bulkTagged(ctx, t, api, "rds:og", p, func(page *rds.DescribeOptionGroupsOutput) []types.OptionGroup { return page.OptionGroupsList },
		func(g types.OptionGroup) *string { return g.OptionGroupArn },
		func(g types.OptionGroup, tags map[string]string) {
			name := aws.ToString(g.OptionGroupName)
			t.Emit(&model.Resource{Key: t.Key("option-group", name), ARN: aws.ToString(g.OptionGroupArn), Name: name,
				IsDefault: isDefaultGroup(name), Tags: tags, Details: optionGroupFields.Details(g)})
		})
}
