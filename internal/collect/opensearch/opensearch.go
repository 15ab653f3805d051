// Package opensearch collects OpenSearch Service domains, including the
// legacy Elasticsearch ones (the OpenSearch API serves both: the engine
// version says which), packages and reserved instances.
package opensearch

import (
	"context"
	"slices"
	"sort"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/opensearch"
	"github.com/aws/aws-sdk-go-v2/service/opensearch/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the OpenSearch Service collector.
var Service = &collect.Service{
	Name:        "opensearch",
	Description: "OpenSearch Service (and legacy Elasticsearch) domains, packages and reserved instances",
	Types: []collect.Type{
		{Name: "domain", Description: "OpenSearch or Elasticsearch domain (id = name): exposure, encryption, access control, logging, version",
			Fields: domainFields.Declared(), Tags: collect.TagsPerResource, Collect: domains, DetailCalls: 1},
		{Name: "package", Description: "package (dictionary, plugin) uploaded for domains (id = package id)", Fields: packageFields.Declared(),
			Tags: collect.NotTaggable, Collect: packages},
		{Name: "reserved-instance", Description: "reserved instance purchase (id = reservation id; no ARN)", Fields: reservedInstanceFields.Declared(),
			Tags: collect.NotTaggable, Collect: reservedInstances},
	},
	Calls: "domain: ListDomainNames + DescribeDomains per 5 domains + per domain ListTags. package: DescribePackages. reserved-instance: DescribeReservedInstances",
	Relations: []collect.Relation{
		{From: "domain", Kind: "encrypted-with", To: "kms/key"},
		{From: "domain", Kind: "in-vpc", To: "ec2/vpc"},
		{From: "domain", Kind: "in-subnet", To: "ec2/subnet"},
		{From: "domain", Kind: "uses-security-group", To: "ec2/security-group"},
		{From: "domain", Kind: "logs-to", To: "logs/log-group"},
	},
}

// describeBatch is the most domains DescribeDomains takes at once.
const describeBatch = 5

func vpc(d types.DomainStatus) types.VPCDerivedInfo {
	if d.VPCOptions == nil {
		return types.VPCDerivedInfo{}
	}
	return *d.VPCOptions
}

func cluster(d types.DomainStatus) types.ClusterConfig {
	if d.ClusterConfig == nil {
		return types.ClusterConfig{}
	}
	return *d.ClusterConfig
}

func atRest(d types.DomainStatus) types.EncryptionAtRestOptions {
	if d.EncryptionAtRestOptions == nil {
		return types.EncryptionAtRestOptions{}
	}
	return *d.EncryptionAtRestOptions
}

func endpointOptions(d types.DomainStatus) types.DomainEndpointOptions {
	if d.DomainEndpointOptions == nil {
		return types.DomainEndpointOptions{}
	}
	return *d.DomainEndpointOptions
}

func ebs(d types.DomainStatus) types.EBSOptions {
	if d.EBSOptions == nil {
		return types.EBSOptions{}
	}
	return *d.EBSOptions
}

// enabledLogs are the log types published to CloudWatch Logs, sorted.
func enabledLogs(d types.DomainStatus) []string {
	out := []string{}
	for kind, o := range d.LogPublishingOptions {
		if aws.ToBool(o.Enabled) {
			out = append(out, kind)
		}
	}
	sort.Strings(out)
	return out
}

var domainFields = collect.Fields[types.DomainStatus]{
	collect.Text("engine_version", "OpenSearch_2.x or Elasticsearch_7.x ...", func(d types.DomainStatus) *string { return d.EngineVersion }),
	collect.Computed("vpc_id", model.Text, "VPC of a VPC domain; empty for a public (internet) endpoint", func(d types.DomainStatus) any { return aws.ToString(vpc(d).VPCId) }),
	collect.Computed("public_endpoint", model.Boolean, "the domain has a public endpoint (not in a VPC): its access policy alone guards it",
		func(d types.DomainStatus) any { return len(vpc(d).SubnetIds) == 0 }),
	collect.Computed("endpoint", model.Text, "endpoint host name (the VPC one for VPC domains)", func(d types.DomainStatus) any {
		if e := aws.ToString(d.Endpoint); e != "" {
			return e
		}
		return d.Endpoints["vpc"]
	}),
	collect.Computed("encryption_at_rest", model.Boolean, "data at rest is encrypted", func(d types.DomainStatus) any { return aws.ToBool(atRest(d).Enabled) }),
	collect.Computed("kms_key_id", model.Text, "KMS key encrypting data at rest", func(d types.DomainStatus) any { return aws.ToString(atRest(d).KmsKeyId) }),
	collect.Computed("node_to_node_encryption", model.Boolean, "traffic between nodes is encrypted", func(d types.DomainStatus) any {
		return d.NodeToNodeEncryptionOptions != nil && aws.ToBool(d.NodeToNodeEncryptionOptions.Enabled)
	}),
	collect.Computed("enforce_https", model.Boolean, "plain HTTP is refused", func(d types.DomainStatus) any { return aws.ToBool(endpointOptions(d).EnforceHTTPS) }),
	collect.Computed("tls_policy", model.Text, "minimum TLS policy (Policy-Min-TLS-1-2-...)", func(d types.DomainStatus) any { return string(endpointOptions(d).TLSSecurityPolicy) }),
	collect.Computed("fine_grained_access_control", model.Boolean, "fine-grained access control (users and roles inside the domain) is on", func(d types.DomainStatus) any {
		return d.AdvancedSecurityOptions != nil && aws.ToBool(d.AdvancedSecurityOptions.Enabled)
	}),
	collect.Computed("has_access_policy", model.Boolean, "a resource-based access policy is set", func(d types.DomainStatus) any { return aws.ToString(d.AccessPolicies) != "" }),
	collect.Computed("cognito_enabled", model.Boolean, "Dashboards log in through Amazon Cognito", func(d types.DomainStatus) any {
		return d.CognitoOptions != nil && aws.ToBool(d.CognitoOptions.Enabled)
	}),
	collect.Computed("log_types", model.JSON, "log types published to CloudWatch Logs (AUDIT_LOGS, ES_APPLICATION_LOGS, ...)", func(d types.DomainStatus) any { return enabledLogs(d) }),
	collect.Computed("instance_type", model.Text, "data node instance type", func(d types.DomainStatus) any { return string(cluster(d).InstanceType) }),
	collect.Computed("instance_count", model.Integer, "data nodes", func(d types.DomainStatus) any { return int64(aws.ToInt32(cluster(d).InstanceCount)) }),
	collect.Computed("dedicated_master", model.Boolean, "dedicated master nodes are used", func(d types.DomainStatus) any { return aws.ToBool(cluster(d).DedicatedMasterEnabled) }),
	collect.Computed("zone_awareness", model.Boolean, "nodes are spread over availability zones", func(d types.DomainStatus) any { return aws.ToBool(cluster(d).ZoneAwarenessEnabled) }),
	collect.Computed("ebs_volume_type", model.Text, "EBS volume type of data nodes (gp3, gp2, io1...)", func(d types.DomainStatus) any { return string(ebs(d).VolumeType) }),
	collect.Computed("ebs_volume_size_gb", model.Integer, "EBS volume size per data node in GiB", func(d types.DomainStatus) any { return int64(aws.ToInt32(ebs(d).VolumeSize)) }),
	collect.Enum("processing_status", "Creating, Active, Modifying, UpgradingEngineVersion, Deleting, Isolated, ...", func(d types.DomainStatus) types.DomainProcessingStatusType {
		return d.DomainProcessingStatus
	}),
}

func domains(ctx context.Context, t *collect.Task) error {
	api := opensearch.NewFromConfig(t.Config)
	list, err := api.ListDomainNames(ctx, &opensearch.ListDomainNamesInput{})
	if err != nil {
		return err
	}
	var names []string
	for _, d := range list.DomainNames {
		names = append(names, aws.ToString(d.DomainName))
	}
	collect.ForEach(ctx, slices.Collect(slices.Chunk(names, describeBatch)), func(ctx context.Context, batch []string) {
		out, err := api.DescribeDomains(ctx, &opensearch.DescribeDomainsInput{DomainNames: batch})
		if err != nil {
			// The domains are listed: store them without details.
			t.Warn("DescribeDomains", err)
			for _, name := range batch {
				emit(ctx, t, api, types.DomainStatus{DomainName: aws.String(name)}, false)
			}
			return
		}
		for _, d := range out.DomainStatusList {
			emit(ctx, t, api, d, true)
		}
	})
	return nil
}

func emit(ctx context.Context, t *collect.Task, api *opensearch.Client, d types.DomainStatus, described bool) {
	name := aws.ToString(d.DomainName)
	arn := aws.ToString(d.ARN)
	if arn == "" {
		arn = collect.ARN(t, "es", "", "domain/"+name)
	}
	key := t.Key("domain", name)
	r := &model.Resource{Key: key, ARN: arn, Name: name}
	if described {
		r.Details = domainFields.Details(d)
	}
	out, err := api.ListTags(ctx, &opensearch.ListTagsInput{ARN: aws.String(arn)})
	t.Warn("ListTags", err)
	if err == nil {
		r.Tags = collect.TagMap(out.TagList, func(tg types.Tag) (*string, *string) { return tg.Key, tg.Value })
	}
	t.Emit(r)
	v := vpc(d)
	t.Relate(key, "in-vpc", t.Ref("ec2", "vpc", aws.ToString(v.VPCId)))
	for _, s := range v.SubnetIds {
		t.Relate(key, "in-subnet", t.Ref("ec2", "subnet", s))
	}
	for _, sg := range v.SecurityGroupIds {
		t.Relate(key, "uses-security-group", t.Ref("ec2", "security-group", sg))
	}
	t.Relate(key, "encrypted-with", t.KMSKey(aws.ToString(atRest(d).KmsKeyId)))
	for _, o := range d.LogPublishingOptions {
		if aws.ToBool(o.Enabled) {
			t.Relate(key, "logs-to", t.Ref("logs", "log-group", collect.LogGroupName(aws.ToString(o.CloudWatchLogsLogGroupArn))))
		}
	}
}
