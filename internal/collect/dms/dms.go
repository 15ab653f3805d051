// Package dms collects Database Migration Service replication instances,
// endpoints (never their passwords), replication tasks and replication
// subnet groups.
package dms

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	dms "github.com/aws/aws-sdk-go-v2/service/databasemigrationservice"
	"github.com/aws/aws-sdk-go-v2/service/databasemigrationservice/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the DMS collector.
var Service = &collect.Service{
	Name:        "dms",
	Description: "Database Migration Service replication instances, endpoints, tasks and subnet groups",
	Types: []collect.Type{
		{Name: "replication-instance", Description: "DMS replication instance (id = the ARN's resource id, name = identifier): class, public access, Multi-AZ, storage key",
			Fields: instanceFields.Declared(), Tags: collect.TagsPerResource, Collect: instances},
		{Name: "endpoint", Description: "DMS source or target endpoint (id = the ARN's resource id, name = identifier); connection details, never the password",
			Fields: endpointFields.Declared(), Tags: collect.TagsPerResource, Collect: endpoints},
		{Name: "replication-task", Description: "DMS replication task (id = the ARN's resource id, name = identifier)",
			Fields: taskFields.Declared(), Tags: collect.TagsPerResource, Collect: tasks},
		{Name: "replication-subnet-group", Description: "DMS replication subnet group (id = identifier)",
			Fields: subnetGroupFields.Declared(), Tags: collect.TagsPerResource, Collect: subnetGroups},
	},
	Calls: "replication-instance: DescribeReplicationInstances + ListTagsForResource per 20 instances. " +
		"endpoint: DescribeEndpoints + ListTagsForResource per 20 endpoints. " +
		"replication-task: DescribeReplicationTasks (without settings) + ListTagsForResource per 20 tasks. " +
		"replication-subnet-group: DescribeReplicationSubnetGroups + ListTagsForResource per 20 groups",
	Relations: []collect.Relation{
		{From: "replication-instance", Kind: "in-subnet-group", To: "dms/replication-subnet-group"},
		{From: "replication-instance", Kind: "uses-security-group", To: "ec2/security-group"},
		{From: "replication-instance", Kind: "encrypted-with", To: "kms/key"},
		{From: "endpoint", Kind: "encrypted-with", To: "kms/key"},
		{From: "endpoint", Kind: "assumes-role", To: "iam/role"},
		{From: "replication-task", Kind: "runs-on", To: "dms/replication-instance"},
		{From: "replication-task", Kind: "reads-from", To: "dms/endpoint"},
		{From: "replication-task", Kind: "writes-to", To: "dms/endpoint"},
		{From: "replication-subnet-group", Kind: "in-vpc", To: "ec2/vpc"},
		{From: "replication-subnet-group", Kind: "includes-subnet", To: "ec2/subnet"},
	},
}

// tagBatch is how many ARNs one ListTagsForResource call asks about.
const tagBatch = 20

// emitPage reads the tags of a page of resources, in batches, then emits
// each with emit; arn names a resource.
func emitPage[T any](ctx context.Context, t *collect.Task, api *dms.Client, items []T, arn func(T) string, emit func(T, map[string]string)) {
	arns := make([]string, len(items))
	for i, it := range items {
		arns[i] = arn(it)
	}
	tags := collect.TagBatches(ctx, t, "ListTagsForResource", arns, tagBatch, func(ctx context.Context, batch []string) (map[string]map[string]string, error) {
		out, err := api.ListTagsForResource(ctx, &dms.ListTagsForResourceInput{ResourceArnList: batch})
		if err != nil {
			return nil, err
		}
		m := make(map[string]map[string]string, len(batch))
		for _, a := range batch {
			m[a] = map[string]string{}
		}
		for _, tg := range out.TagList {
			if r := m[aws.ToString(tg.ResourceArn)]; r != nil {
				r[aws.ToString(tg.Key)] = aws.ToString(tg.Value)
			}
		}
		return m, nil
	})
	for _, it := range items {
		emit(it, tags[arn(it)])
	}
}

// key is the key of a DMS resource of type typ named by its ARN
// (arn:aws:dms:r:a:rep:ID): tasks name their instance and endpoints by ARN.
func key(t *collect.Task, typ, arn string) model.Key {
	return t.Key(typ, collect.ARNResourceName(arn))
}

var instanceFields = collect.Fields[types.ReplicationInstance]{
	collect.Text("status", "available, creating, modifying, deleting, failed, ...", func(i types.ReplicationInstance) *string { return i.ReplicationInstanceStatus }),
	collect.Text("instance_class", "compute class (dms.t3.medium...)", func(i types.ReplicationInstance) *string { return i.ReplicationInstanceClass }),
	collect.Text("engine_version", "replication engine version", func(i types.ReplicationInstance) *string { return i.EngineVersion }),
	collect.Computed("allocated_storage_gb", model.Integer, "storage in GB", func(i types.ReplicationInstance) any { return int64(i.AllocatedStorage) }),
	collect.Computed("publicly_accessible", model.Boolean, "the instance has a public IP address", func(i types.ReplicationInstance) any { return i.PubliclyAccessible }),
	collect.Computed("multi_az", model.Boolean, "a standby runs in a second Availability Zone", func(i types.ReplicationInstance) any { return i.MultiAZ }),
	collect.Computed("auto_minor_version_upgrade", model.Boolean, "minor engine upgrades are applied automatically", func(i types.ReplicationInstance) any {
		return i.AutoMinorVersionUpgrade
	}),
	collect.Text("kms_key_id", "KMS key encrypting the storage", func(i types.ReplicationInstance) *string { return i.KmsKeyId }),
	collect.Text("availability_zone", "Availability Zone of the instance", func(i types.ReplicationInstance) *string { return i.AvailabilityZone }),
	collect.Computed("subnet_group", model.Text, "replication subnet group", func(i types.ReplicationInstance) any { return subnetGroupName(i) }),
	collect.Text("network_type", "IPV4 or DUAL", func(i types.ReplicationInstance) *string { return i.NetworkType }),
}

func subnetGroupName(i types.ReplicationInstance) string {
	if i.ReplicationSubnetGroup == nil {
		return ""
	}
	return aws.ToString(i.ReplicationSubnetGroup.ReplicationSubnetGroupIdentifier)
}

func instances(ctx context.Context, t *collect.Task) error {
	api := dms.NewFromConfig(t.Config)
	p := dms.NewDescribeReplicationInstancesPaginator(api, &dms.DescribeReplicationInstancesInput{MaxRecords: t.PageSize(100)})
	return collect.EachPage(ctx, p, func(page *dms.DescribeReplicationInstancesOutput) error {
		emitPage(ctx, t, api, page.ReplicationInstances, func(i types.ReplicationInstance) string { return aws.ToString(i.ReplicationInstanceArn) },
			func(i types.ReplicationInstance, tags map[string]string) {
				arn := aws.ToString(i.ReplicationInstanceArn)
				k := key(t, "replication-instance", arn)
				t.Emit(&model.Resource{Key: k, Name: aws.ToString(i.ReplicationInstanceIdentifier), ARN: arn, CreatedAt: model.Time(i.InstanceCreateTime),
					Tags: tags, Details: instanceFields.Details(i)})
				t.Relate(k, "in-subnet-group", t.Key("replication-subnet-group", subnetGroupName(i)))
				for _, g := range i.VpcSecurityGroups {
					t.Relate(k, "uses-security-group", t.Ref("ec2", "security-group", aws.ToString(g.VpcSecurityGroupId)))
				}
				t.Relate(k, "encrypted-with", t.KMSKey(aws.ToString(i.KmsKeyId)))
			})
		return nil
	})
}

var endpointFields = collect.Fields[types.Endpoint]{
	collect.Enum("endpoint_type", "source or target", func(e types.Endpoint) types.ReplicationEndpointTypeValue { return e.EndpointType }),
	collect.Text("engine", "database engine (mysql, postgres, oracle, s3, ...)", func(e types.Endpoint) *string { return e.EngineName }),
	collect.Text("server_name", "database host name", func(e types.Endpoint) *string { return e.ServerName }),
	collect.Int("port", "database port", func(e types.Endpoint) *int32 { return e.Port }),
	collect.Text("database", "database name", func(e types.Endpoint) *string { return e.DatabaseName }),
	collect.Enum("ssl_mode", "none, require, verify-ca or verify-full: none sends the data unencrypted", func(e types.Endpoint) types.DmsSslModeValue { return e.SslMode }),
	collect.Text("status", "endpoint status", func(e types.Endpoint) *string { return e.Status }),
	collect.Text("kms_key_id", "KMS key encrypting the connection parameters", func(e types.Endpoint) *string { return e.KmsKeyId }),
	collect.Text("certificate_arn", "DMS certificate used for SSL", func(e types.Endpoint) *string { return e.CertificateArn }),
	collect.Text("service_access_role", "IAM role DMS uses to reach the endpoint (S3, DynamoDB, Kinesis, ...)", func(e types.Endpoint) *string { return e.ServiceAccessRoleArn }),
}

func endpoints(ctx context.Context, t *collect.Task) error {
	api := dms.NewFromConfig(t.Config)
	p := dms.NewDescribeEndpointsPaginator(api, &dms.DescribeEndpointsInput{MaxRecords: t.PageSize(100)})
	return collect.EachPage(ctx, p, func(page *dms.DescribeEndpointsOutput) error {
		emitPage(ctx, t, api, page.Endpoints, func(e types.Endpoint) string { return aws.ToString(e.EndpointArn) },
			func(e types.Endpoint, tags map[string]string) {
				arn := aws.ToString(e.EndpointArn)
				k := key(t, "endpoint", arn)
				t.Emit(&model.Resource{Key: k, Name: aws.ToString(e.EndpointIdentifier), ARN: arn, Tags: tags, Details: endpointFields.Details(e)})
				t.Relate(k, "encrypted-with", t.KMSKey(aws.ToString(e.KmsKeyId)))
				t.Relate(k, "assumes-role", t.Role(aws.ToString(e.ServiceAccessRoleArn)))
			})
		return nil
	})
}

var taskFields = collect.Fields[types.ReplicationTask]{
	collect.Text("status", "creating, ready, running, stopped, failed, ...", func(r types.ReplicationTask) *string { return r.Status }),
	collect.Enum("migration_type", "full-load, cdc or full-load-and-cdc", func(r types.ReplicationTask) types.MigrationTypeValue { return r.MigrationType }),
	collect.Text("source_endpoint_arn", "endpoint read from", func(r types.ReplicationTask) *string { return r.SourceEndpointArn }),
	collect.Text("target_endpoint_arn", "endpoint written to", func(r types.ReplicationTask) *string { return r.TargetEndpointArn }),
	collect.Text("replication_instance_arn", "instance the task runs on", func(r types.ReplicationTask) *string { return r.ReplicationInstanceArn }),
	collect.Timestamp("started_at", "when the task last started", func(r types.ReplicationTask) *time.Time { return r.ReplicationTaskStartDate }),
	collect.Text("stop_reason", "why the task last stopped", func(r types.ReplicationTask) *string { return r.StopReason }),
	collect.Text("last_failure", "last failure message", func(r types.ReplicationTask) *string { return r.LastFailureMessage }),
}

func tasks(ctx context.Context, t *collect.Task) error {
	api := dms.NewFromConfig(t.Config)
	p := dms.NewDescribeReplicationTasksPaginator(api, &dms.DescribeReplicationTasksInput{MaxRecords: t.PageSize(100), WithoutSettings: aws.Bool(true)})
	return collect.EachPage(ctx, p, func(page *dms.DescribeReplicationTasksOutput) error {
		emitPage(ctx, t, api, page.ReplicationTasks, func(r types.ReplicationTask) string { return aws.ToString(r.ReplicationTaskArn) },
			func(r types.ReplicationTask, tags map[string]string) {
				arn := aws.ToString(r.ReplicationTaskArn)
				k := key(t, "replication-task", arn)
				t.Emit(&model.Resource{Key: k, Name: aws.ToString(r.ReplicationTaskIdentifier), ARN: arn, CreatedAt: model.Time(r.ReplicationTaskCreationDate),
					Tags: tags, Details: taskFields.Details(r)})
				t.Relate(k, "runs-on", key(t, "replication-instance", aws.ToString(r.ReplicationInstanceArn)))
				t.Relate(k, "reads-from", key(t, "endpoint", aws.ToString(r.SourceEndpointArn)))
				t.Relate(k, "writes-to", key(t, "endpoint", aws.ToString(r.TargetEndpointArn)))
			})
		return nil
	})
}

var subnetGroupFields = collect.Fields[types.ReplicationSubnetGroup]{
	collect.Text("description", "group description", func(g types.ReplicationSubnetGroup) *string { return g.ReplicationSubnetGroupDescription }),
	collect.Text("status", "Complete, Incomplete or Invalid", func(g types.ReplicationSubnetGroup) *string { return g.SubnetGroupStatus }),
	collect.Text("vpc_id", "VPC of the subnets", func(g types.ReplicationSubnetGroup) *string { return g.VpcId }),
	collect.Computed("subnet_ids", model.JSON, "subnets of the group", func(g types.ReplicationSubnetGroup) any { return subnetIDs(g) }),
}

func subnetIDs(g types.ReplicationSubnetGroup) []string {
	out := []string{}
	for _, s := range g.Subnets {
		if id := aws.ToString(s.SubnetIdentifier); id != "" {
			out = append(out, id)
		}
	}
	return out
}

func subnetGroupARN(t *collect.Task, g types.ReplicationSubnetGroup) string {
	return collect.ARN(t, "dms", "", "subgrp:"+aws.ToString(g.ReplicationSubnetGroupIdentifier))
}

func subnetGroups(ctx context.Context, t *collect.Task) error {
	api := dms.NewFromConfig(t.Config)
	p := dms.NewDescribeReplicationSubnetGroupsPaginator(api, &dms.DescribeReplicationSubnetGroupsInput{MaxRecords: t.PageSize(100)})
	return collect.EachPage(ctx, p, func(page *dms.DescribeReplicationSubnetGroupsOutput) error {
		emitPage(ctx, t, api, page.ReplicationSubnetGroups, func(g types.ReplicationSubnetGroup) string { return subnetGroupARN(t, g) },
			func(g types.ReplicationSubnetGroup, tags map[string]string) {
				name := aws.ToString(g.ReplicationSubnetGroupIdentifier)
				k := t.Key("replication-subnet-group", name)
				t.Emit(&model.Resource{Key: k, Name: name, ARN: subnetGroupARN(t, g), Tags: tags, Details: subnetGroupFields.Details(g)})
				t.Relate(k, "in-vpc", t.Ref("ec2", "vpc", aws.ToString(g.VpcId)))
				for _, s := range subnetIDs(g) {
					t.Relate(k, "includes-subnet", t.Ref("ec2", "subnet", s))
				}
			})
		return nil
	})
}
