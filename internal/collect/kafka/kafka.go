// Package kafka collects Amazon MSK (Managed Streaming for Apache Kafka)
// clusters, provisioned and serverless.
package kafka

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/kafka"
	"github.com/aws/aws-sdk-go-v2/service/kafka/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the MSK collector.
var Service = &collect.Service{
	Name:        "kafka",
	Description: "Amazon MSK clusters (provisioned and serverless), configurations and multi-VPC connections",
	Types: []collect.Type{
		{Name: "cluster", Description: "MSK cluster (id = cluster name)", Fields: clusterFields.Declared(), Tags: collect.TagsListed, Collect: clusters},
		{Name: "configuration", Description: "MSK broker configuration (id = name)", Fields: configurationFields.Declared(), Tags: collect.TagsPerResource,
			Collect: configurations, DetailCalls: 1},
		{Name: "vpc-connection", Description: "MSK multi-VPC private connection from a client VPC to a cluster (id = the connection's UUID)",
			Fields: vpcConnectionFields.Declared(), Tags: collect.TagsPerResource, Collect: vpcConnections, DetailCalls: 1},
	},
	Calls: "cluster: ListClustersV2 (which returns the configuration and tags). configuration: ListConfigurations + per configuration ListTagsForResource. " +
		"vpc-connection: ListVpcConnections + per connection ListTagsForResource",
	Relations: []collect.Relation{
		{From: "cluster", Kind: "in-subnet", To: "ec2/subnet"},
		{From: "cluster", Kind: "uses-security-group", To: "ec2/security-group"},
		{From: "cluster", Kind: "encrypted-with", To: "kms/key"},
		{From: "cluster", Kind: "uses-configuration", To: "kafka/configuration"},
		{From: "vpc-connection", Kind: "in-vpc", To: "ec2/vpc"},
		{From: "vpc-connection", Kind: "connects-to", To: "kafka/cluster"},
	},
}

// provisioned is the provisioned part of a cluster (zero for serverless).
func provisioned(c types.Cluster) types.Provisioned {
	if c.Provisioned == nil {
		return types.Provisioned{}
	}
	return *c.Provisioned
}

func brokers(c types.Cluster) types.BrokerNodeGroupInfo {
	if g := provisioned(c).BrokerNodeGroupInfo; g != nil {
		return *g
	}
	return types.BrokerNodeGroupInfo{}
}

func encryption(c types.Cluster) types.EncryptionInfo {
	if e := provisioned(c).EncryptionInfo; e != nil {
		return *e
	}
	return types.EncryptionInfo{}
}

func inTransit(c types.Cluster) types.EncryptionInTransit {
	if e := encryption(c).EncryptionInTransit; e != nil {
		return *e
	}
	return types.EncryptionInTransit{}
}

func atRestKey(c types.Cluster) string {
	if e := encryption(c).EncryptionAtRest; e != nil {
		return aws.ToString(e.DataVolumeKMSKeyId)
	}
	return ""
}

// network is the cluster's subnets and security groups, provisioned or
// serverless.
func network(c types.Cluster) (subnets, groups []string) {
	if c.Serverless != nil {
		for _, v := range c.Serverless.VpcConfigs {
			subnets, groups = append(subnets, v.SubnetIds...), append(groups, v.SecurityGroupIds...)
		}
		return subnets, groups
	}
	b := brokers(c)
	return b.ClientSubnets, b.SecurityGroups
}

var clusterFields = collect.Fields[types.Cluster]{
	collect.Enum("cluster_type", "PROVISIONED or SERVERLESS", func(c types.Cluster) types.ClusterType { return c.ClusterType }),
	collect.Enum("state", "ACTIVE, CREATING, UPDATING, FAILED, ...", func(c types.Cluster) types.ClusterState { return c.State }),
	collect.Computed("kafka_version", model.Text, "Kafka version of a provisioned cluster", func(c types.Cluster) any {
		if v := provisioned(c).CurrentBrokerSoftwareInfo; v != nil {
			return aws.ToString(v.KafkaVersion)
		}
		return ""
	}),
	collect.Computed("broker_nodes", model.Integer, "broker nodes of a provisioned cluster", func(c types.Cluster) any { return int64(aws.ToInt32(provisioned(c).NumberOfBrokerNodes)) }),
	collect.Computed("instance_type", model.Text, "broker instance type (kafka.m5.large, ...)", func(c types.Cluster) any { return aws.ToString(brokers(c).InstanceType) }),
	collect.Enum("client_broker_encryption", "encryption between clients and brokers: TLS, TLS_PLAINTEXT or PLAINTEXT; empty for serverless clusters, which always use TLS",
		func(c types.Cluster) types.ClientBroker { return inTransit(c).ClientBroker }),
	collect.Computed("inter_broker_tls", model.Boolean, "traffic between brokers is encrypted with TLS (always for serverless)", func(c types.Cluster) any {
		return c.Serverless != nil || aws.ToBool(inTransit(c).InCluster)
	}),
	collect.Computed("at_rest_kms_key", model.Text, "KMS key of at-rest encryption (an AWS managed key when not chosen)", func(c types.Cluster) any { return atRestKey(c) }),
	collect.Computed("unauthenticated_access", model.Boolean, "clients may connect without authentication", func(c types.Cluster) any {
		a := provisioned(c).ClientAuthentication
		return a != nil && a.Unauthenticated != nil && aws.ToBool(a.Unauthenticated.Enabled)
	}),
	collect.Computed("public_access", model.Boolean, "brokers have public IP addresses", func(c types.Cluster) any {
		ci := brokers(c).ConnectivityInfo
		return ci != nil && ci.PublicAccess != nil && aws.ToString(ci.PublicAccess.Type) == "SERVICE_PROVIDED_EIPS"
	}),
	collect.Enum("enhanced_monitoring", "DEFAULT, PER_BROKER, PER_TOPIC_PER_BROKER or PER_TOPIC_PER_PARTITION", func(c types.Cluster) types.EnhancedMonitoring { return provisioned(c).EnhancedMonitoring }),
}

func clusters(ctx context.Context, t *collect.Task) error {
	p := kafka.NewListClustersV2Paginator(kafka.NewFromConfig(t.Config), &kafka.ListClustersV2Input{MaxResults: t.PageSize(100)})
	return collect.EachPage(ctx, p, func(page *kafka.ListClustersV2Output) error {
		for _, c := range page.ClusterInfoList {
			emitCluster(t, c)
		}
		return nil
	})
}

func emitCluster(t *collect.Task, c types.Cluster) {
	name := aws.ToString(c.ClusterName)
	key := t.Key("cluster", name)
	t.Emit(&model.Resource{Key: key, Name: name, ARN: aws.ToString(c.ClusterArn), CreatedAt: model.Time(c.CreationTime),
		Tags: c.Tags, Details: clusterFields.Details(c)})
	subnets, groups := network(c)
	for _, sn := range subnets {
		t.Relate(key, "in-subnet", t.Ref("ec2", "subnet", sn))
	}
	for _, sg := range groups {
		t.Relate(key, "uses-security-group", t.Ref("ec2", "security-group", sg))
	}
	t.Relate(key, "encrypted-with", t.KMSKey(atRestKey(c)))
	if v := provisioned(c).CurrentBrokerSoftwareInfo; v != nil {
		t.Relate(key, "uses-configuration", t.Key("configuration", nameIn(aws.ToString(v.ConfigurationArn), "configuration")))
	}
}
