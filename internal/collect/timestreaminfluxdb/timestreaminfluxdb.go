// Package timestreaminfluxdb collects Timestream for InfluxDB database
// instances.
package timestreaminfluxdb

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	influx "github.com/aws/aws-sdk-go-v2/service/timestreaminfluxdb"
	"github.com/aws/aws-sdk-go-v2/service/timestreaminfluxdb/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the Timestream for InfluxDB collector.
var Service = &collect.Service{
	Name:        "timestream-influxdb",
	Description: "Timestream for InfluxDB database instances",
	Types: []collect.Type{
		{Name: "db-instance", Description: "InfluxDB instance (id = instance id): exposure, size, log delivery", Fields: instanceFields.Declared(),
			Tags: collect.TagsPerResource, Collect: instances, DetailCalls: 2},
	},
	Calls: "db-instance: ListDbInstances + per instance GetDbInstance, ListTagsForResource",
	Relations: []collect.Relation{
		{From: "db-instance", Kind: "in-subnet", To: "ec2/subnet"},
		{From: "db-instance", Kind: "uses-security-group", To: "ec2/security-group"},
		{From: "db-instance", Kind: "logs-to", To: "s3/bucket"},
	},
}

// logBucket is the bucket the instance's logs go to, if they are delivered.
func logBucket(d *influx.GetDbInstanceOutput) string {
	l := d.LogDeliveryConfiguration
	if l == nil || l.S3Configuration == nil || !aws.ToBool(l.S3Configuration.Enabled) {
		return ""
	}
	return aws.ToString(l.S3Configuration.BucketName)
}

var instanceFields = collect.Fields[*influx.GetDbInstanceOutput]{
	collect.Enum("status", "CREATING, AVAILABLE, DELETING, MODIFYING, UPDATING, FAILED, ...", func(d *influx.GetDbInstanceOutput) types.Status { return d.Status }),
	collect.Enum("instance_type", "instance type, e.g. db.influx.large", func(d *influx.GetDbInstanceOutput) types.DbInstanceType { return d.DbInstanceType }),
	collect.Enum("storage_type", "InfluxIOIncludedT1, T2 or T3", func(d *influx.GetDbInstanceOutput) types.DbStorageType { return d.DbStorageType }),
	collect.Int("allocated_storage_gb", "allocated storage in GiB", func(d *influx.GetDbInstanceOutput) *int32 { return d.AllocatedStorage }),
	collect.Enum("deployment_type", "SINGLE_AZ or WITH_MULTIAZ_STANDBY", func(d *influx.GetDbInstanceOutput) types.DeploymentType { return d.DeploymentType }),
	collect.Bool("publicly_accessible", "the endpoint resolves to a public address", func(d *influx.GetDbInstanceOutput) *bool { return d.PubliclyAccessible }),
	collect.Text("endpoint", "endpoint host", func(d *influx.GetDbInstanceOutput) *string { return d.Endpoint }),
	collect.Int("port", "endpoint port", func(d *influx.GetDbInstanceOutput) *int32 { return d.Port }),
	collect.Computed("subnet_ids", model.JSON, "subnets of the instance", func(d *influx.GetDbInstanceOutput) any { return append([]string{}, d.VpcSubnetIds...) }),
	collect.Computed("security_group_ids", model.JSON, "security groups of the instance", func(d *influx.GetDbInstanceOutput) any {
		return append([]string{}, d.VpcSecurityGroupIds...)
	}),
	collect.Computed("log_bucket", model.Text, "bucket InfluxDB logs are delivered to; empty when not delivered", func(d *influx.GetDbInstanceOutput) any { return logBucket(d) }),
	collect.Text("parameter_group", "DB parameter group", func(d *influx.GetDbInstanceOutput) *string { return d.DbParameterGroupIdentifier }),
	collect.Text("cluster_id", "cluster the instance belongs to, if any", func(d *influx.GetDbInstanceOutput) *string { return d.DbClusterId }),
}

func instances(ctx context.Context, t *collect.Task) error {
	api := influx.NewFromConfig(t.Config)
	p := influx.NewListDbInstancesPaginator(api, &influx.ListDbInstancesInput{MaxResults: t.PageSize(100)})
	return collect.EachItem(ctx, p, func(page *influx.ListDbInstancesOutput) []types.DbInstanceSummary { return page.Items },
		func(ctx context.Context, s types.DbInstanceSummary) {
			id := aws.ToString(s.Id)
			key := t.Key("db-instance", id)
			r := &model.Resource{Key: key, ARN: aws.ToString(s.Arn), Name: aws.ToString(s.Name)}
			d, err := api.GetDbInstance(ctx, &influx.GetDbInstanceInput{Identifier: s.Id})
			t.Warn("GetDbInstance", err)
			if err == nil {
				r.Details = instanceFields.Details(d)
				for _, sub := range d.VpcSubnetIds {
					t.Relate(key, "in-subnet", t.Ref("ec2", "subnet", sub))
				}
				for _, sg := range d.VpcSecurityGroupIds {
					t.Relate(key, "uses-security-group", t.Ref("ec2", "security-group", sg))
				}
				t.RelateByName(key, "logs-to", "s3", "bucket", logBucket(d), t.Region)
			}
			tags, err := api.ListTagsForResource(ctx, &influx.ListTagsForResourceInput{ResourceArn: s.Arn})
			t.Warn("ListTagsForResource", err)
			if err == nil {
				r.Tags = tags.Tags
			}
			t.Emit(r)
		})
}
