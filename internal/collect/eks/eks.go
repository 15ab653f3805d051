// Package eks collects EKS clusters and their parts: managed node groups,
// Fargate profiles, add-ons, access entries and Pod Identity associations.
package eks

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/eks"
	"github.com/aws/aws-sdk-go-v2/service/eks/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the EKS collector.
var Service = &collect.Service{
	Name:        "eks",
	Description: "EKS Kubernetes clusters, node groups, Fargate profiles, add-ons, access entries and Pod Identity associations",
	Types: []collect.Type{
		{Name: "cluster", Description: "EKS cluster (id = cluster name)", Fields: clusterFields, Tags: collect.TagsListed, Collect: clusters, DetailCalls: 1},
		{Name: "nodegroup", Description: "EKS managed node group (id = cluster/nodegroup)", Fields: nodegroupFields, Tags: collect.TagsListed, Collect: nodegroups, DetailCalls: 1},
		{Name: "fargate-profile", Description: "EKS Fargate profile (id = cluster/profile)", Fields: fargateFields.Declared(), Tags: collect.TagsListed, Collect: fargateProfiles, DetailCalls: 1},
		{Name: "addon", Description: "EKS add-on (id = cluster/add-on name)", Fields: addonFields.Declared(), Tags: collect.TagsListed, Collect: addons, DetailCalls: 1},
		{Name: "access-entry", Description: "EKS access entry: an IAM principal's access to the cluster (id = cluster/principal ARN)", Fields: accessEntryFields.Declared(), Tags: collect.TagsListed, Collect: accessEntries, DetailCalls: 1},
		{Name: "pod-identity-association", Description: "EKS Pod Identity association of a service account with an IAM role (id = cluster/association id)", Fields: podIdentityFields.Declared(), Tags: collect.TagsListed, Collect: podIdentityAssociations, DetailCalls: 1},
	},
	Calls: "cluster: ListClusters + per cluster DescribeCluster. nodegroup, fargate-profile, addon, access-entry, pod-identity-association: ListClusters + per cluster its paged List* (ListNodegroups, ListFargateProfiles, ListAddons, ListAccessEntries, ListPodIdentityAssociations) + per item its Describe*",
	Relations: []collect.Relation{
		{From: "cluster", Kind: "assumes-role", To: "iam/role"},
		{From: "cluster", Kind: "in-subnet", To: "ec2/subnet"},
		{From: "cluster", Kind: "in-vpc", To: "ec2/vpc"},
		{From: "cluster", Kind: "uses-security-group", To: "ec2/security-group"},
		{From: "access-entry", Kind: "grants-access-to", To: "iam/role"},
		{From: "access-entry", Kind: "member-of", To: "eks/cluster"},
		{From: "addon", Kind: "assumes-role", To: "iam/role"},
		{From: "addon", Kind: "member-of", To: "eks/cluster"},
		{From: "fargate-profile", Kind: "assumes-role", To: "iam/role"},
		{From: "fargate-profile", Kind: "in-subnet", To: "ec2/subnet"},
		{From: "fargate-profile", Kind: "member-of", To: "eks/cluster"},
		{From: "nodegroup", Kind: "assumes-role", To: "iam/role"},
		{From: "nodegroup", Kind: "in-subnet", To: "ec2/subnet"},
		{From: "nodegroup", Kind: "member-of", To: "eks/cluster"},
		{From: "pod-identity-association", Kind: "assumes-role", To: "iam/role"},
		{From: "pod-identity-association", Kind: "member-of", To: "eks/cluster"},
	},
}

// clusterPages runs fn on each page of cluster names, one page at a time.
func clusterPages(ctx context.Context, t *collect.Task, api *eks.Client, fn func(names []string) error) error {
	p := eks.NewListClustersPaginator(api, &eks.ListClustersInput{MaxResults: t.PageSize(100)})
	return collect.EachPage(ctx, p, func(page *eks.ListClustersOutput) error {
		return fn(page.Clusters)
	})
}

var clusterFields = []model.Field{
	{Name: "version", Type: "text", Description: "Kubernetes version"},
	{Name: "platform_version", Type: "text", Description: "EKS platform version"},
	{Name: "status", Type: "text", Description: "CREATING, ACTIVE, UPDATING, DELETING, FAILED"},
	{Name: "endpoint", Type: "text", Description: "Kubernetes API server endpoint"},
	{Name: "endpoint_public_access", Type: "boolean", Description: "the API server endpoint is reachable from the internet"},
	{Name: "endpoint_private_access", Type: "boolean", Description: "the API server endpoint is reachable from the VPC"},
	{Name: "public_access_cidrs", Type: "json", Description: "CIDR blocks allowed to reach the public endpoint"},
	{Name: "logging_enabled_types", Type: "json", Description: "control plane log types sent to CloudWatch (api, audit, authenticator...)"},
	{Name: "role_arn", Type: "text", Description: "IAM role of the control plane"},
	{Name: "vpc_id", Type: "text", Description: "VPC of the cluster"},
	{Name: "subnet_ids", Type: "json", Description: "subnets of the control plane network interfaces"},
	{Name: "security_group_ids", Type: "json", Description: "additional security groups of the control plane"},
	{Name: "cluster_security_group_id", Type: "text", Description: "security group EKS created for the cluster"},
	{Name: "secrets_encryption", Type: "boolean", Description: "Kubernetes secrets are envelope-encrypted with a KMS key"},
}

func clusters(ctx context.Context, t *collect.Task) error {
	api := eks.NewFromConfig(t.Config)
	return clusterPages(ctx, t, api, func(names []string) error {
		collect.ForEach(ctx, names, func(ctx context.Context, name string) {
			out, err := api.DescribeCluster(ctx, &eks.DescribeClusterInput{Name: aws.String(name)})
			if err != nil || out.Cluster == nil {
				// Listed, so it exists: keep it without details.
				t.Warn("DescribeCluster", err)
				t.Emit(&model.Resource{Key: t.Key("cluster", name), ARN: collect.ARN(t, "eks", "", "cluster/"+name), Name: name})
				return
			}
			emitCluster(t, out.Cluster)
		})
		return nil
	})
}

func emitCluster(t *collect.Task, c *types.Cluster) {
	name := aws.ToString(c.Name)
	var logTypes []string
	if c.Logging != nil {
		for _, l := range c.Logging.ClusterLogging {
			if aws.ToBool(l.Enabled) {
				for _, lt := range l.Types {
					logTypes = append(logTypes, string(lt))
				}
			}
		}
	}
	d := map[string]any{
		"version":               aws.ToString(c.Version),
		"platform_version":      aws.ToString(c.PlatformVersion),
		"status":                string(c.Status),
		"endpoint":              aws.ToString(c.Endpoint),
		"logging_enabled_types": logTypes,
		"role_arn":              aws.ToString(c.RoleArn),
		"secrets_encryption":    len(c.EncryptionConfig) > 0,
	}
	var vpc types.VpcConfigResponse
	if c.ResourcesVpcConfig != nil {
		vpc = *c.ResourcesVpcConfig
		d["endpoint_public_access"] = vpc.EndpointPublicAccess
		d["endpoint_private_access"] = vpc.EndpointPrivateAccess
		d["public_access_cidrs"] = vpc.PublicAccessCidrs
		d["vpc_id"] = aws.ToString(vpc.VpcId)
		d["subnet_ids"] = vpc.SubnetIds
		d["security_group_ids"] = vpc.SecurityGroupIds
		d["cluster_security_group_id"] = aws.ToString(vpc.ClusterSecurityGroupId)
	}
	key := t.Key("cluster", name)
	t.Emit(&model.Resource{
		Key:       key,
		ARN:       aws.ToString(c.Arn),
		Name:      name,
		CreatedAt: model.Time(c.CreatedAt),
		Tags:      c.Tags,
		Details:   d,
	})
	t.Relate(key, "in-vpc", t.Ref("ec2", "vpc", aws.ToString(vpc.VpcId)))
	for _, s := range vpc.SubnetIds {
		t.Relate(key, "in-subnet", t.Ref("ec2", "subnet", s))
	}
	for _, sg := range vpc.SecurityGroupIds {
		t.Relate(key, "uses-security-group", t.Ref("ec2", "security-group", sg))
	}
	t.Relate(key, "uses-security-group", t.Ref("ec2", "security-group", aws.ToString(vpc.ClusterSecurityGroupId)))
	t.Relate(key, "assumes-role", t.GlobalRef("iam", "role", collect.ARNResourceName(aws.ToString(c.RoleArn))))
}

var nodegroupFields = []model.Field{
	{Name: "cluster", Type: "text", Description: "name of the cluster the node group belongs to"},
	{Name: "status", Type: "text", Description: "CREATING, ACTIVE, UPDATING, DEGRADED..."},
	{Name: "version", Type: "text", Description: "Kubernetes version of the nodes"},
	{Name: "instance_types", Type: "json", Description: "EC2 instance types of the nodes"},
	{Name: "capacity_type", Type: "text", Description: "ON_DEMAND, SPOT or CAPACITY_BLOCK"},
	{Name: "desired_size", Type: "integer", Description: "desired number of nodes"},
	{Name: "min_size", Type: "integer", Description: "minimum number of nodes"},
	{Name: "max_size", Type: "integer", Description: "maximum number of nodes"},
	{Name: "ami_type", Type: "text", Description: "AMI family of the nodes, e.g. AL2023_x86_64_STANDARD"},
	{Name: "node_role", Type: "text", Description: "IAM role ARN of the nodes"},
	{Name: "subnets", Type: "json", Description: "subnets the nodes are launched in"},
}

func nodegroups(ctx context.Context, t *collect.Task) error {
	api := eks.NewFromConfig(t.Config)
	return eachChild(ctx, t, api, func(ctx context.Context, cluster string) ([]string, error) {
		p := eks.NewListNodegroupsPaginator(api, &eks.ListNodegroupsInput{ClusterName: aws.String(cluster), MaxResults: t.PageSize(100)})
		return pagedNames(ctx, p, func(page *eks.ListNodegroupsOutput) []string { return page.Nodegroups })
	}, func(ctx context.Context, ref childRef) {
		out, err := api.DescribeNodegroup(ctx, &eks.DescribeNodegroupInput{ClusterName: aws.String(ref.cluster), NodegroupName: aws.String(ref.name)})
		if err != nil || out.Nodegroup == nil {
			emitPart(t, "nodegroup", ref, "DescribeNodegroup", err, nil)
			return
		}
		emitNodegroup(t, out.Nodegroup)
	})
}

func emitNodegroup(t *collect.Task, ng *types.Nodegroup) {
	cluster, name := aws.ToString(ng.ClusterName), aws.ToString(ng.NodegroupName)
	d := map[string]any{
		"cluster":        cluster,
		"status":         string(ng.Status),
		"version":        aws.ToString(ng.Version),
		"instance_types": ng.InstanceTypes,
		"capacity_type":  string(ng.CapacityType),
		"ami_type":       string(ng.AmiType),
		"node_role":      aws.ToString(ng.NodeRole),
		"subnets":        ng.Subnets,
	}
	if s := ng.ScalingConfig; s != nil {
		d["desired_size"] = aws.ToInt32(s.DesiredSize)
		d["min_size"] = aws.ToInt32(s.MinSize)
		d["max_size"] = aws.ToInt32(s.MaxSize)
	}
	key := t.Key("nodegroup", cluster+"/"+name)
	t.Emit(&model.Resource{
		Key:       key,
		ARN:       aws.ToString(ng.NodegroupArn),
		Name:      name,
		CreatedAt: model.Time(ng.CreatedAt),
		Tags:      ng.Tags,
		Details:   d,
	})
	t.Relate(key, "member-of", t.Key("cluster", cluster))
	t.Relate(key, "assumes-role", t.GlobalRef("iam", "role", collect.ARNResourceName(aws.ToString(ng.NodeRole))))
	for _, s := range ng.Subnets {
		t.Relate(key, "in-subnet", t.Ref("ec2", "subnet", s))
	}
}
