// Package emr collects EMR clusters that are not terminated. Security
// configurations are not collected yet: moto 5.2.1 does not list them.
package emr

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/emr"
	"github.com/aws/aws-sdk-go-v2/service/emr/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the EMR collector.
var Service = &collect.Service{
	Name:        "emr",
	Description: "EMR clusters (not terminated), security configurations and studios",
	Types: []collect.Type{
		{Name: "cluster", Description: "EMR cluster that is starting, running, waiting or terminating (id = j-...); terminated clusters, listed by AWS for two months, are skipped",
			Fields: clusterFields.Declared(), Tags: collect.TagsListed, Collect: clusters, DetailCalls: 1},
		{Name: "security-configuration", Description: "EMR security configuration (id = name): at-rest and in-transit encryption, Kerberos, IMDS",
			Fields: securityConfigurationFields.Declared(), Tags: collect.NotTaggable, Collect: securityConfigurations, DetailCalls: 1},
		{Name: "studio", Description: "EMR Studio (id = es-...), the notebook environment", Fields: studioFields.Declared(), Tags: collect.TagsListed,
			Collect: studios, DetailCalls: 1},
	},
	Calls: "cluster: ListClusters (active states) + per cluster DescribeCluster (which returns the tags). " +
		"security-configuration: ListSecurityConfigurations + per configuration DescribeSecurityConfiguration. studio: ListStudios + per studio DescribeStudio",
	Relations: []collect.Relation{
		{From: "cluster", Kind: "in-subnet", To: "ec2/subnet"},
		{From: "cluster", Kind: "uses-security-group", To: "ec2/security-group"},
		{From: "cluster", Kind: "assumes-role", To: "iam/role"},
		{From: "cluster", Kind: "uses-security-configuration", To: "emr/security-configuration"},
		{From: "security-configuration", Kind: "encrypted-with", To: "kms/key"},
		{From: "studio", Kind: "in-vpc", To: "ec2/vpc"},
		{From: "studio", Kind: "in-subnet", To: "ec2/subnet"},
		{From: "studio", Kind: "uses-security-group", To: "ec2/security-group"},
		{From: "studio", Kind: "assumes-role", To: "iam/role"},
		{From: "studio", Kind: "encrypted-with", To: "kms/key"},
	},
}

// activeStates are the states of the clusters collected: a terminated
// cluster costs nothing and can only be cloned, not changed.
var activeStates = []types.ClusterState{types.ClusterStateStarting, types.ClusterStateBootstrapping,
	types.ClusterStateRunning, types.ClusterStateWaiting, types.ClusterStateTerminating}

func ec2Attributes(c *types.Cluster) types.Ec2InstanceAttributes {
	if c.Ec2InstanceAttributes == nil {
		return types.Ec2InstanceAttributes{}
	}
	return *c.Ec2InstanceAttributes
}

var clusterFields = collect.Fields[*types.Cluster]{
	collect.Enum("state", "STARTING, BOOTSTRAPPING, RUNNING, WAITING or TERMINATING", func(c *types.Cluster) types.ClusterState {
		if c.Status == nil {
			return ""
		}
		return c.Status.State
	}),
	collect.Text("release_label", "EMR release (emr-7.1.0, ...)", func(c *types.Cluster) *string { return c.ReleaseLabel }),
	collect.Text("security_configuration", "security configuration applied (encryption, Kerberos); empty when none", func(c *types.Cluster) *string { return c.SecurityConfiguration }),
	collect.Text("log_uri", "S3 location of the cluster's logs; empty when logs are not archived", func(c *types.Cluster) *string { return c.LogUri }),
	collect.Bool("termination_protected", "the cluster cannot be terminated by API or accident", func(c *types.Cluster) *bool { return c.TerminationProtected }),
	collect.Bool("auto_terminate", "the cluster terminates after its steps", func(c *types.Cluster) *bool { return c.AutoTerminate }),
	collect.Bool("visible_to_all_users", "every IAM principal of the account may act on the cluster", func(c *types.Cluster) *bool { return c.VisibleToAllUsers }),
	collect.Text("service_role", "IAM role EMR uses to manage the cluster", func(c *types.Cluster) *string { return c.ServiceRole }),
	collect.Computed("instance_profile", model.Text, "EC2 instance profile of the cluster's nodes", func(c *types.Cluster) any { return aws.ToString(ec2Attributes(c).IamInstanceProfile) }),
	collect.Computed("subnet_id", model.Text, "subnet of the nodes", func(c *types.Cluster) any { return aws.ToString(ec2Attributes(c).Ec2SubnetId) }),
	collect.Computed("key_name", model.Text, "EC2 key pair that allows SSH to the nodes; empty when none", func(c *types.Cluster) any { return aws.ToString(ec2Attributes(c).Ec2KeyName) }),
	collect.Int("normalized_instance_hours", "instance hours used so far, normalized to m1.small", func(c *types.Cluster) *int32 { return c.NormalizedInstanceHours }),
	collect.Computed("applications", model.JSON, "installed applications (Spark, Hive, ...)", func(c *types.Cluster) any {
		apps := []string{}
		for _, a := range c.Applications {
			apps = append(apps, aws.ToString(a.Name))
		}
		return apps
	}),
}

func clusters(ctx context.Context, t *collect.Task) error {
	api := emr.NewFromConfig(t.Config)
	// ListClusters has no page size: AWS returns 50 per page.
	p := emr.NewListClustersPaginator(api, &emr.ListClustersInput{ClusterStates: activeStates})
	return collect.EachItem(ctx, p, func(page *emr.ListClustersOutput) []types.ClusterSummary { return page.Clusters },
		func(ctx context.Context, s types.ClusterSummary) { emitCluster(ctx, t, api, s) })
}

// emitCluster describes and emits one cluster; a failed description leaves
// its details and tags unknown and the collection partial.
func emitCluster(ctx context.Context, t *collect.Task, api *emr.Client, s types.ClusterSummary) {
	id := aws.ToString(s.Id)
	key := t.Key("cluster", id)
	r := &model.Resource{Key: key, Name: aws.ToString(s.Name), ARN: aws.ToString(s.ClusterArn)}
	if s.Status != nil && s.Status.Timeline != nil {
		r.CreatedAt = model.Time(s.Status.Timeline.CreationDateTime)
	}
	out, err := api.DescribeCluster(ctx, &emr.DescribeClusterInput{ClusterId: s.Id})
	if err != nil || out.Cluster == nil {
		t.Warn("DescribeCluster", err)
		t.Emit(r)
		return
	}
	c := out.Cluster
	r.Tags = collect.TagMap(c.Tags, func(tg types.Tag) (*string, *string) { return tg.Key, tg.Value })
	r.Details = clusterFields.Details(c)
	t.Emit(r)
	a := ec2Attributes(c)
	t.Relate(key, "in-subnet", t.Ref("ec2", "subnet", aws.ToString(a.Ec2SubnetId)))
	groups := append([]string{aws.ToString(a.EmrManagedMasterSecurityGroup), aws.ToString(a.EmrManagedSlaveSecurityGroup)},
		append(a.AdditionalMasterSecurityGroups, a.AdditionalSlaveSecurityGroups...)...)
	for _, sg := range groups {
		t.Relate(key, "uses-security-group", t.Ref("ec2", "security-group", sg))
	}
	t.Relate(key, "assumes-role", t.Role(aws.ToString(c.ServiceRole)))
	t.Relate(key, "uses-security-configuration", t.Key("security-configuration", aws.ToString(c.SecurityConfiguration)))
}
