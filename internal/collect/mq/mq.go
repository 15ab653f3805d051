// Package mq collects Amazon MQ brokers and broker configurations.
package mq

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/mq"
	"github.com/aws/aws-sdk-go-v2/service/mq/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the Amazon MQ collector.
var Service = &collect.Service{
	Name:        "mq",
	Description: "Amazon MQ brokers (ActiveMQ, RabbitMQ) and their configurations",
	Types: []collect.Type{
		{Name: "broker", Description: "Amazon MQ broker (id = broker id)", Fields: brokerFields.Declared(), Tags: collect.TagsListed, Collect: brokers, DetailCalls: 1},
		{Name: "configuration", Description: "Amazon MQ broker configuration (id = c-...), the engine settings brokers use",
			Fields: configurationFields.Declared(), Tags: collect.TagsListed, Collect: configurations},
	},
	Calls: "broker: ListBrokers + per broker DescribeBroker (which returns the tags). configuration: ListConfigurations",
	Relations: []collect.Relation{
		{From: "broker", Kind: "in-subnet", To: "ec2/subnet"},
		{From: "broker", Kind: "uses-security-group", To: "ec2/security-group"},
		{From: "broker", Kind: "encrypted-with", To: "kms/key"},
		{From: "broker", Kind: "uses-configuration", To: "mq/configuration"},
	},
}

type broker = *mq.DescribeBrokerOutput

func encryption(b broker) types.EncryptionOptions {
	if b.EncryptionOptions == nil {
		return types.EncryptionOptions{}
	}
	return *b.EncryptionOptions
}

func logs(b broker) types.LogsSummary {
	if b.Logs == nil {
		return types.LogsSummary{}
	}
	return *b.Logs
}

var brokerFields = collect.Fields[broker]{
	collect.Enum("state", "RUNNING, CREATION_IN_PROGRESS, REBOOT_IN_PROGRESS, ...", func(b broker) types.BrokerState { return b.BrokerState }),
	collect.Enum("engine_type", "ACTIVEMQ or RABBITMQ", func(b broker) types.EngineType { return b.EngineType }),
	collect.Text("engine_version", "engine version", func(b broker) *string { return b.EngineVersion }),
	collect.Enum("deployment_mode", "SINGLE_INSTANCE, ACTIVE_STANDBY_MULTI_AZ or CLUSTER_MULTI_AZ", func(b broker) types.DeploymentMode { return b.DeploymentMode }),
	collect.Text("host_instance_type", "broker instance type (mq.m5.large, ...)", func(b broker) *string { return b.HostInstanceType }),
	collect.Bool("publicly_accessible", "the broker has a public endpoint", func(b broker) *bool { return b.PubliclyAccessible }),
	collect.Computed("aws_owned_key", model.Boolean, "data at rest is encrypted with an AWS-owned key rather than a KMS key of the account", func(b broker) any {
		return aws.ToBool(encryption(b).UseAwsOwnedKey)
	}),
	collect.Computed("kms_key_id", model.Text, "KMS key of at-rest encryption, when not AWS-owned", func(b broker) any { return aws.ToString(encryption(b).KmsKeyId) }),
	collect.Computed("general_logs", model.Boolean, "general logs are published to CloudWatch Logs", func(b broker) any { return aws.ToBool(logs(b).General) }),
	collect.Computed("audit_logs", model.Boolean, "audit logs are published to CloudWatch Logs (ActiveMQ only)", func(b broker) any { return aws.ToBool(logs(b).Audit) }),
	collect.Enum("authentication_strategy", "SIMPLE, LDAP or CONFIG_MANAGED", func(b broker) types.AuthenticationStrategy { return b.AuthenticationStrategy }),
	collect.Bool("auto_minor_version_upgrade", "minor engine upgrades are applied in the maintenance window", func(b broker) *bool { return b.AutoMinorVersionUpgrade }),
	collect.Computed("subnet_ids", model.JSON, "subnets of the broker's network interfaces", func(b broker) any { return append([]string{}, b.SubnetIds...) }),
	collect.Computed("security_group_ids", model.JSON, "security groups of the broker", func(b broker) any { return append([]string{}, b.SecurityGroups...) }),
}

func brokers(ctx context.Context, t *collect.Task) error {
	api := mq.NewFromConfig(t.Config)
	p := mq.NewListBrokersPaginator(api, &mq.ListBrokersInput{MaxResults: t.PageSize(100)})
	return collect.EachItem(ctx, p, func(page *mq.ListBrokersOutput) []types.BrokerSummary { return page.BrokerSummaries },
		func(ctx context.Context, s types.BrokerSummary) { emitBroker(ctx, t, api, s) })
}

// emitBroker describes and emits one broker; a failed description leaves
// its details and tags unknown and the collection partial.
func emitBroker(ctx context.Context, t *collect.Task, api *mq.Client, s types.BrokerSummary) {
	id := aws.ToString(s.BrokerId)
	key := t.Key("broker", id)
	r := &model.Resource{Key: key, Name: aws.ToString(s.BrokerName), ARN: aws.ToString(s.BrokerArn), CreatedAt: model.Time(s.Created)}
	b, err := api.DescribeBroker(ctx, &mq.DescribeBrokerInput{BrokerId: s.BrokerId})
	if err != nil {
		t.Warn("DescribeBroker", err)
		t.Emit(r)
		return
	}
	r.Tags, r.Details = b.Tags, brokerFields.Details(b)
	t.Emit(r)
	for _, sn := range b.SubnetIds {
		t.Relate(key, "in-subnet", t.Ref("ec2", "subnet", sn))
	}
	for _, sg := range b.SecurityGroups {
		t.Relate(key, "uses-security-group", t.Ref("ec2", "security-group", sg))
	}
	t.Relate(key, "encrypted-with", t.KMSKey(aws.ToString(encryption(b).KmsKeyId)))
	if c := b.Configurations; c != nil && c.Current != nil {
		t.Relate(key, "uses-configuration", t.Key("configuration", aws.ToString(c.Current.Id)))
	}
}
