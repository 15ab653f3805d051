// Package dax collects DynamoDB Accelerator (DAX) clusters and their
// subnet and parameter groups.
package dax

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dax"
	"github.com/aws/aws-sdk-go-v2/service/dax/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the DAX collector.
var Service = &collect.Service{
	Name:        "dax",
	Description: "DynamoDB Accelerator (DAX) clusters, subnet groups and parameter groups",
	Types: []collect.Type{
		{Name: "cluster", Description: "DAX cluster (id = name)", Fields: clusterFields.Declared(), Tags: collect.TagsPerResource, Collect: clusters, DetailCalls: 1},
		{Name: "subnet-group", Description: "DAX subnet group (id = name)", Fields: subnetGroupFields.Declared(), Tags: collect.NotTaggable, Collect: subnetGroups},
		{Name: "parameter-group", Description: "DAX parameter group (id = name); default.dax1.0 is AWS's", Fields: parameterGroupFields.Declared(),
			Tags: collect.NotTaggable, Collect: parameterGroups},
	},
	Calls: "cluster: paged DescribeClusters + per cluster ListTags. subnet-group, parameter-group: 1 paged Describe*",
	Relations: []collect.Relation{
		{From: "cluster", Kind: "assumes-role", To: "iam/role"},
		{From: "cluster", Kind: "in-subnet-group", To: "dax/subnet-group"},
		{From: "cluster", Kind: "uses-parameter-group", To: "dax/parameter-group"},
		{From: "cluster", Kind: "uses-security-group", To: "ec2/security-group"},
		{From: "cluster", Kind: "notifies", To: "sns/topic"},
		{From: "subnet-group", Kind: "in-vpc", To: "ec2/vpc"},
		{From: "subnet-group", Kind: "includes-subnet", To: "ec2/subnet"},
	},
}

// pages runs the DAX Describe* call (which the SDK has no paginator for)
// page after page until it returns no token.
func pages(ctx context.Context, call func(ctx context.Context, token *string) (next *string, err error)) error {
	var token *string
	for {
		next, err := call(ctx, token)
		if err != nil || aws.ToString(next) == "" {
			return err
		}
		token = next
	}
}

// pageSize is the page size asked for: DAX takes 20 to 100.
func pageSize(t *collect.Task) *int32 { return t.PageSize(100) }

func securityGroupIDs(c types.Cluster) []string {
	out := []string{}
	for _, g := range c.SecurityGroups {
		out = append(out, aws.ToString(g.SecurityGroupIdentifier))
	}
	return out
}

var clusterFields = collect.Fields[types.Cluster]{
	collect.Text("status", "creating, available, modifying, deleting", func(c types.Cluster) *string { return c.Status }),
	collect.Text("node_type", "node type, e.g. dax.r5.large", func(c types.Cluster) *string { return c.NodeType }),
	collect.Int("total_nodes", "nodes in the cluster", func(c types.Cluster) *int32 { return c.TotalNodes }),
	collect.Computed("encryption_at_rest", model.Boolean, "server-side encryption is on", func(c types.Cluster) any {
		return c.SSEDescription != nil && c.SSEDescription.Status == types.SSEStatusEnabled
	}),
	collect.Enum("endpoint_encryption", "NONE or TLS: encryption in transit", func(c types.Cluster) types.ClusterEndpointEncryptionType { return c.ClusterEndpointEncryptionType }),
	collect.Text("subnet_group", "subnet group name", func(c types.Cluster) *string { return c.SubnetGroup }),
	collect.Computed("security_group_ids", model.JSON, "security groups of the cluster", func(c types.Cluster) any { return securityGroupIDs(c) }),
	collect.Text("iam_role_arn", "role DAX assumes to reach DynamoDB", func(c types.Cluster) *string { return c.IamRoleArn }),
	collect.Computed("parameter_group", model.Text, "parameter group name", func(c types.Cluster) any {
		if c.ParameterGroup == nil {
			return ""
		}
		return aws.ToString(c.ParameterGroup.ParameterGroupName)
	}),
	collect.Computed("endpoint", model.Text, "cluster discovery endpoint", func(c types.Cluster) any {
		if c.ClusterDiscoveryEndpoint == nil {
			return ""
		}
		return aws.ToString(c.ClusterDiscoveryEndpoint.Address)
	}),
	collect.Text("description", "description", func(c types.Cluster) *string { return c.Description }),
}

func clusters(ctx context.Context, t *collect.Task) error {
	api := dax.NewFromConfig(t.Config)
	return pages(ctx, func(ctx context.Context, token *string) (*string, error) {
		out, err := api.DescribeClusters(ctx, &dax.DescribeClustersInput{MaxResults: pageSize(t), NextToken: token})
		if err != nil {
			return nil, err
		}
		collect.ForEach(ctx, out.Clusters, func(ctx context.Context, c types.Cluster) { emitCluster(ctx, t, api, c) })
		return out.NextToken, nil
	})
}

func emitCluster(ctx context.Context, t *collect.Task, api *dax.Client, c types.Cluster) {
	name := aws.ToString(c.ClusterName)
	key := t.Key("cluster", name)
	r := &model.Resource{Key: key, ARN: aws.ToString(c.ClusterArn), Name: name, Details: clusterFields.Details(c)}
	out, err := api.ListTags(ctx, &dax.ListTagsInput{ResourceName: c.ClusterArn})
	t.Warn("ListTags", err)
	if err == nil {
		r.Tags = collect.TagMap(out.Tags, func(tg types.Tag) (*string, *string) { return tg.Key, tg.Value })
	}
	t.Emit(r)
	t.Relate(key, "assumes-role", t.Role(aws.ToString(c.IamRoleArn)))
	t.Relate(key, "in-subnet-group", t.Key("subnet-group", aws.ToString(c.SubnetGroup)))
	if c.ParameterGroup != nil {
		t.Relate(key, "uses-parameter-group", t.Key("parameter-group", aws.ToString(c.ParameterGroup.ParameterGroupName)))
	}
	for _, sg := range securityGroupIDs(c) {
		t.Relate(key, "uses-security-group", t.Ref("ec2", "security-group", sg))
	}
	if c.NotificationConfiguration != nil {
		if k, ok := collect.TargetKey(aws.ToString(c.NotificationConfiguration.TopicArn)); ok {
			t.Relate(key, "notifies", k)
		}
	}
}

func subnetIDs(g types.SubnetGroup) []string {
	out := []string{}
	for _, s := range g.Subnets {
		out = append(out, aws.ToString(s.SubnetIdentifier))
	}
	return out
}

var subnetGroupFields = collect.Fields[types.SubnetGroup]{
	collect.Text("description", "description", func(g types.SubnetGroup) *string { return g.Description }),
	collect.Text("vpc_id", "VPC of the subnets", func(g types.SubnetGroup) *string { return g.VpcId }),
	collect.Computed("subnet_ids", model.JSON, "subnets in the group", func(g types.SubnetGroup) any { return subnetIDs(g) }),
}

func subnetGroups(ctx context.Context, t *collect.Task) error {
	api := dax.NewFromConfig(t.Config)
	return pages(ctx, func(ctx context.Context, token *string) (*string, error) {
		out, err := api.DescribeSubnetGroups(ctx, &dax.DescribeSubnetGroupsInput{MaxResults: pageSize(t), NextToken: token})
		if err != nil {
			return nil, err
		}
		for _, g := range out.SubnetGroups {
			name := aws.ToString(g.SubnetGroupName)
			key := t.Key("subnet-group", name)
			t.Emit(&model.Resource{Key: key, Name: name, Details: subnetGroupFields.Details(g)})
			t.Relate(key, "in-vpc", t.Ref("ec2", "vpc", aws.ToString(g.VpcId)))
			for _, s := range subnetIDs(g) {
				t.Relate(key, "includes-subnet", t.Ref("ec2", "subnet", s))
			}
		}
		return out.NextToken, nil
	})
}

var parameterGroupFields = collect.Fields[types.ParameterGroup]{
	collect.Text("description", "description", func(g types.ParameterGroup) *string { return g.Description }),
}

func parameterGroups(ctx context.Context, t *collect.Task) error {
	api := dax.NewFromConfig(t.Config)
	return pages(ctx, func(ctx context.Context, token *string) (*string, error) {
		out, err := api.DescribeParameterGroups(ctx, &dax.DescribeParameterGroupsInput{MaxResults: pageSize(t), NextToken: token})
		if err != nil {
			return nil, err
		}
		for _, g := range out.ParameterGroups {
			name := aws.ToString(g.ParameterGroupName)
			t.Emit(&model.Resource{Key: t.Key("parameter-group", name), Name: name, IsDefault: name == "default.dax1.0", Details: parameterGroupFields.Details(g)})
		}
		return out.NextToken, nil
	})
}
