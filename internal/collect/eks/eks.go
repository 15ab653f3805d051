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
		{Name: "cluster", Description: "EKS cluster (id = cluster name)", Fields: clusterFields.Declared(), Tags: collect.TagsListed, Collect: clusters, DetailCalls: 1},
		{Name: "nodegroup", Description: "EKS managed node group (id = cluster/nodegroup)", Fields: nodegroupFields.Declared(), Tags: collect.TagsListed, Collect: nodegroups, DetailCalls: 1},
		{Name: "fargate-profile", Description: "EKS Fargate profile (id = cluster/profile)", Fields: fargateFields.Declared(), Tags: collect.TagsListed, Collect: fargateProfiles, DetailCalls: 1},
		{Name: "addon", Description: "EKS add-on (id = cluster/add-on name)", Fields: addonFields.Declared(), Tags: collect.TagsListed, Collect: addons, DetailCalls: 1},
		{Name: "access-entry", Description: "EKS access entry: an IAM principal's access to the cluster (id = cluster/principal ARN)", Fields: accessEntryFields.Declared(), Tags: collect.TagsListed, Collect: accessEntries, DetailCalls: 1},
		{Name: "pod-identity-association", Description: "EKS Pod Identity association of a service account with an IAM role (id = cluster/association id)", Fields: podIdentityFields.Declared(), Tags: collect.TagsListed, Collect: podIdentityAssociations, DetailCalls: 1},
	},
	Calls: "ListClusters once for all types; cluster: per cluster DescribeCluster. nodegroup, fargate-profile, addon, access-entry, pod-identity-association: per cluster its paged List* (ListNodegroups, ListFargateProfiles, ListAddons, ListAccessEntries, ListPodIdentityAssociations) + per item its Describe*",
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

// clusterNames are the region's clusters, listed once for all EKS types.
func clusterNames(ctx context.Context, t *collect.Task, api *eks.Client) ([]string, error) {
	p := eks.NewListClustersPaginator(api, &eks.ListClustersInput{MaxResults: t.PageSize(100)})
	return collect.ReuseItems(ctx, t, "ListClusters", p, func(page *eks.ListClustersOutput) []string { return page.Clusters })
}

// hasVPC says whether DescribeCluster gave the cluster's network: its
// fields are left out, not stored empty, when it did not.
func hasVPC(c *types.Cluster) bool { return c.ResourcesVpcConfig != nil }

// vpcField is a field read from the cluster's network, left out without it.
func vpcField(name string, kind model.Kind, description string, get func(*types.VpcConfigResponse) any) collect.Field[*types.Cluster] {
	return collect.When(hasVPC, collect.Computed(name, kind, description, func(c *types.Cluster) any { return get(c.ResourcesVpcConfig) }))
}

var clusterFields = collect.Fields[*types.Cluster]{
	collect.Text("version", "Kubernetes version", func(c *types.Cluster) *string { return c.Version }),
	collect.Text("platform_version", "EKS platform version", func(c *types.Cluster) *string { return c.PlatformVersion }),
	collect.Enum("status", "CREATING, ACTIVE, UPDATING, DELETING, FAILED", func(c *types.Cluster) types.ClusterStatus { return c.Status }),
	collect.Text("endpoint", "Kubernetes API server endpoint", func(c *types.Cluster) *string { return c.Endpoint }),
	vpcField("endpoint_public_access", model.Boolean, "the API server endpoint is reachable from the internet", func(v *types.VpcConfigResponse) any { return v.EndpointPublicAccess }),
	vpcField("endpoint_private_access", model.Boolean, "the API server endpoint is reachable from the VPC", func(v *types.VpcConfigResponse) any { return v.EndpointPrivateAccess }),
	vpcField("public_access_cidrs", model.JSON, "CIDR blocks allowed to reach the public endpoint", func(v *types.VpcConfigResponse) any { return v.PublicAccessCidrs }),
	collect.Computed("logging_enabled_types", model.JSON, "control plane log types sent to CloudWatch (api, audit, authenticator...)", func(c *types.Cluster) any {
		return enabledLogTypes(c)
	}),
	collect.Text("role_arn", "IAM role of the control plane", func(c *types.Cluster) *string { return c.RoleArn }),
	vpcField("vpc_id", model.Text, "VPC of the cluster", func(v *types.VpcConfigResponse) any { return aws.ToString(v.VpcId) }),
	vpcField("subnet_ids", model.JSON, "subnets of the control plane network interfaces", func(v *types.VpcConfigResponse) any { return v.SubnetIds }),
	vpcField("security_group_ids", model.JSON, "additional security groups of the control plane", func(v *types.VpcConfigResponse) any { return v.SecurityGroupIds }),
	vpcField("cluster_security_group_id", model.Text, "security group EKS created for the cluster", func(v *types.VpcConfigResponse) any {
		return aws.ToString(v.ClusterSecurityGroupId)
	}),
	collect.Computed("secrets_encryption", model.Boolean, "Kubernetes secrets are envelope-encrypted with a KMS key", func(c *types.Cluster) any {
		return len(c.EncryptionConfig) > 0
	}),
}

// enabledLogTypes are the control plane log types turned on; nil when none.
func enabledLogTypes(c *types.Cluster) []string {
	var out []string
	if c.Logging == nil {
		return out
	}
	for _, l := range c.Logging.ClusterLogging {
		if aws.ToBool(l.Enabled) {
			for _, lt := range l.Types {
				out = append(out, string(lt))
			}
		}
	}
	return out
}

func clusters(ctx context.Context, t *collect.Task) error {
	api := eks.NewFromConfig(t.Config)
	names, err := clusterNames(ctx, t, api)
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
	return err
}

func emitCluster(t *collect.Task, c *types.Cluster) {
	name := aws.ToString(c.Name)
	var vpc types.VpcConfigResponse
	if c.ResourcesVpcConfig != nil {
		vpc = *c.ResourcesVpcConfig
	}
	key := t.Key("cluster", name)
	t.Emit(&model.Resource{
		Key:       key,
		ARN:       aws.ToString(c.Arn),
		Name:      name,
		CreatedAt: model.Time(c.CreatedAt),
		Tags:      c.Tags,
		Details:   clusterFields.Details(c),
	})
	t.Relate(key, "in-vpc", t.Ref("ec2", "vpc", aws.ToString(vpc.VpcId)))
	for _, s := range vpc.SubnetIds {
		t.Relate(key, "in-subnet", t.Ref("ec2", "subnet", s))
	}
	for _, sg := range vpc.SecurityGroupIds {
		t.Relate(key, "uses-security-group", t.Ref("ec2", "security-group", sg))
	}
	t.Relate(key, "uses-security-group", t.Ref("ec2", "security-group", aws.ToString(vpc.ClusterSecurityGroupId)))
	t.Relate(key, "assumes-role", t.Role(aws.ToString(c.RoleArn)))
}

// scalingField is a node count of the group's scaling config, left out
// without one; stored as an int32 (not collect.Int's int64), the type this
// field has always had.
func scalingField(name, description string, get func(*types.NodegroupScalingConfig) *int32) collect.Field[*types.Nodegroup] {
	return collect.When(func(ng *types.Nodegroup) bool { return ng.ScalingConfig != nil },
		collect.Computed(name, model.Integer, description, func(ng *types.Nodegroup) any { return aws.ToInt32(get(ng.ScalingConfig)) }))
}

var nodegroupFields = collect.Fields[*types.Nodegroup]{
	collect.Text("cluster", "name of the cluster the node group belongs to", func(ng *types.Nodegroup) *string { return ng.ClusterName }),
	collect.Enum("status", "CREATING, ACTIVE, UPDATING, DEGRADED...", func(ng *types.Nodegroup) types.NodegroupStatus { return ng.Status }),
	collect.Text("version", "Kubernetes version of the nodes", func(ng *types.Nodegroup) *string { return ng.Version }),
	collect.Computed("instance_types", model.JSON, "EC2 instance types of the nodes", func(ng *types.Nodegroup) any { return ng.InstanceTypes }),
	collect.Enum("capacity_type", "ON_DEMAND, SPOT or CAPACITY_BLOCK", func(ng *types.Nodegroup) types.CapacityTypes { return ng.CapacityType }),
	scalingField("desired_size", "desired number of nodes", func(s *types.NodegroupScalingConfig) *int32 { return s.DesiredSize }),
	scalingField("min_size", "minimum number of nodes", func(s *types.NodegroupScalingConfig) *int32 { return s.MinSize }),
	scalingField("max_size", "maximum number of nodes", func(s *types.NodegroupScalingConfig) *int32 { return s.MaxSize }),
	collect.Enum("ami_type", "AMI family of the nodes, e.g. AL2023_x86_64_STANDARD", func(ng *types.Nodegroup) types.AMITypes { return ng.AmiType }),
	collect.Text("node_role", "IAM role ARN of the nodes", func(ng *types.Nodegroup) *string { return ng.NodeRole }),
	collect.Computed("subnets", model.JSON, "subnets the nodes are launched in", func(ng *types.Nodegroup) any { return ng.Subnets }),
}

func nodegroups(ctx context.Context, t *collect.Task) error {
	api := eks.NewFromConfig(t.Config)
	return eachChild(ctx, t, api, func(ctx context.Context, cluster string) ([]string, error) {
		p := eks.NewListNodegroupsPaginator(api, &eks.ListNodegroupsInput{ClusterName: aws.String(cluster), MaxResults: t.PageSize(100)})
		return collect.AllItems(ctx, p, func(page *eks.ListNodegroupsOutput) []string { return page.Nodegroups })
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
	key := t.Key("nodegroup", cluster+"/"+name)
	t.Emit(&model.Resource{
		Key:       key,
		ARN:       aws.ToString(ng.NodegroupArn),
		Name:      name,
		CreatedAt: model.Time(ng.CreatedAt),
		Tags:      ng.Tags,
		Details:   nodegroupFields.Details(ng),
	})
	t.Relate(key, "member-of", t.Key("cluster", cluster))
	t.Relate(key, "assumes-role", t.Role(aws.ToString(ng.NodeRole)))
	for _, s := range ng.Subnets {
		t.Relate(key, "in-subnet", t.Ref("ec2", "subnet", s))
	}
}
