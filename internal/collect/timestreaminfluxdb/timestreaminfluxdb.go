// Package timestreaminfluxdb collects Timestream for InfluxDB database
// instances and clusters.
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
	Description: "Timestream for InfluxDB database instances and clusters",
	Types: []collect.Type{
		{Name: "db-instance", Description: "InfluxDB instance (id = instance id): exposure, size, log delivery", Fields: serverFields.Declared(),
			Tags: collect.TagsPerResource, Collect: instances, DetailCalls: 2},
		{Name: "db-cluster", Description: "InfluxDB cluster (id = cluster id): exposure, size, log delivery", Fields: serverFields.Declared(),
			Tags: collect.TagsPerResource, Collect: clusters, DetailCalls: 2},
	},
	Calls: "db-instance, db-cluster: List* + per resource Get*, ListTagsForResource",
	Relations: []collect.Relation{
		{From: "db-instance", Kind: "in-subnet", To: "ec2/subnet"},
		{From: "db-instance", Kind: "uses-security-group", To: "ec2/security-group"},
		{From: "db-instance", Kind: "logs-to", To: "s3/bucket"},
		{From: "db-instance", Kind: "member-of", To: "timestream-influxdb/db-cluster"},
		{From: "db-cluster", Kind: "in-subnet", To: "ec2/subnet"},
		{From: "db-cluster", Kind: "uses-security-group", To: "ec2/security-group"},
		{From: "db-cluster", Kind: "logs-to", To: "s3/bucket"},
	},
}

// server is what GetDbInstance and GetDbCluster both say of an InfluxDB
// server.
type server struct {
	status, instanceType, storageType, deployment string
	storage, port                                 *int32
	public                                        *bool
	endpoint, readerEndpoint, parameterGroup      *string
	clusterID                                     *string
	subnets, groups                               []string
	logs                                          *types.LogDeliveryConfiguration
}

// logBucket is the bucket the server's logs go to, if they are delivered.
func (s server) logBucket() string {
	if s.logs == nil || s.logs.S3Configuration == nil || !aws.ToBool(s.logs.S3Configuration.Enabled) {
		return ""
	}
	return aws.ToString(s.logs.S3Configuration.BucketName)
}

var serverFields = collect.Fields[server]{
	collect.Computed("status", model.Text, "CREATING, AVAILABLE, DELETING, MODIFYING, UPDATING, FAILED, ...", func(s server) any { return s.status }),
	collect.Computed("instance_type", model.Text, "instance type, e.g. db.influx.large", func(s server) any { return s.instanceType }),
	collect.Computed("storage_type", model.Text, "InfluxIOIncludedT1, T2 or T3", func(s server) any { return s.storageType }),
	collect.Int("allocated_storage_gb", "allocated storage in GiB", func(s server) *int32 { return s.storage }),
	collect.Computed("deployment_type", model.Text, "SINGLE_AZ, WITH_MULTIAZ_STANDBY (instances) or MULTI_NODE_READ_REPLICAS (clusters)", func(s server) any { return s.deployment }),
	collect.Bool("publicly_accessible", "the endpoint resolves to a public address", func(s server) *bool { return s.public }),
	collect.Text("endpoint", "endpoint host", func(s server) *string { return s.endpoint }),
	collect.Text("reader_endpoint", "read-only endpoint of a cluster", func(s server) *string { return s.readerEndpoint }),
	collect.Int("port", "endpoint port", func(s server) *int32 { return s.port }),
	collect.Computed("subnet_ids", model.JSON, "subnets", func(s server) any { return append([]string{}, s.subnets...) }),
	collect.Computed("security_group_ids", model.JSON, "security groups", func(s server) any { return append([]string{}, s.groups...) }),
	collect.Computed("log_bucket", model.Text, "bucket InfluxDB logs are delivered to; empty when not delivered", func(s server) any { return s.logBucket() }),
	collect.Text("parameter_group", "DB parameter group", func(s server) *string { return s.parameterGroup }),
	collect.Text("cluster_id", "cluster an instance belongs to, if any", func(s server) *string { return s.clusterID }),
}

// emit reads one server with get (nil, err when it could not be read) and
// its tags, then emits it.
func emit(ctx context.Context, t *collect.Task, api *influx.Client, typ, operation string, id, name, arn *string, get func(context.Context) (*server, error)) {
	key := t.Key(typ, aws.ToString(id))
	r := &model.Resource{Key: key, ARN: aws.ToString(arn), Name: aws.ToString(name)}
	s, err := get(ctx)
	t.Warn(operation, err)
	if err == nil {
		r.Details = serverFields.Details(*s)
		for _, sub := range s.subnets {
			t.Relate(key, "in-subnet", t.Ref("ec2", "subnet", sub))
		}
		for _, sg := range s.groups {
			t.Relate(key, "uses-security-group", t.Ref("ec2", "security-group", sg))
		}
		t.RelateByName(key, "logs-to", "s3", "bucket", s.logBucket(), t.Region)
		t.Relate(key, "member-of", t.Key("db-cluster", aws.ToString(s.clusterID)))
	}
	tags, err := api.ListTagsForResource(ctx, &influx.ListTagsForResourceInput{ResourceArn: arn})
	t.Warn("ListTagsForResource", err)
	if err == nil {
		r.Tags = tags.Tags
	}
	t.Emit(r)
}

func instances(ctx context.Context, t *collect.Task) error {
	api := influx.NewFromConfig(t.Config)
	p := influx.NewListDbInstancesPaginator(api, &influx.ListDbInstancesInput{MaxResults: t.PageSize(100)})
	return collect.EachItem(ctx, p, func(page *influx.ListDbInstancesOutput) []types.DbInstanceSummary { return page.Items },
		func(ctx context.Context, i types.DbInstanceSummary) {
			emit(ctx, t, api, "db-instance", "GetDbInstance", i.Id, i.Name, i.Arn, func(ctx context.Context) (*server, error) {
				d, err := api.GetDbInstance(ctx, &influx.GetDbInstanceInput{Identifier: i.Id})
				if err != nil {
					return nil, err
				}
				return &server{status: string(d.Status), instanceType: string(d.DbInstanceType), storageType: string(d.DbStorageType), deployment: string(d.DeploymentType),
					storage: d.AllocatedStorage, port: d.Port, public: d.PubliclyAccessible, endpoint: d.Endpoint, parameterGroup: d.DbParameterGroupIdentifier,
					clusterID: d.DbClusterId, subnets: d.VpcSubnetIds, groups: d.VpcSecurityGroupIds, logs: d.LogDeliveryConfiguration}, nil
			})
		})
}

func clusters(ctx context.Context, t *collect.Task) error {
	api := influx.NewFromConfig(t.Config)
	p := influx.NewListDbClustersPaginator(api, &influx.ListDbClustersInput{MaxResults: t.PageSize(100)})
	return collect.EachItem(ctx, p, func(page *influx.ListDbClustersOutput) []types.DbClusterSummary { return page.Items },
		func(ctx context.Context, c types.DbClusterSummary) {
			emit(ctx, t, api, "db-cluster", "GetDbCluster", c.Id, c.Name, c.Arn, func(ctx context.Context) (*server, error) {
				d, err := api.GetDbCluster(ctx, &influx.GetDbClusterInput{DbClusterId: c.Id})
				if err != nil {
					return nil, err
				}
				return &server{status: string(d.Status), instanceType: string(d.DbInstanceType), storageType: string(d.DbStorageType), deployment: string(d.DeploymentType),
					storage: d.AllocatedStorage, port: d.Port, public: d.PubliclyAccessible, endpoint: d.Endpoint, readerEndpoint: d.ReaderEndpoint,
					parameterGroup: d.DbParameterGroupIdentifier, subnets: d.VpcSubnetIds, groups: d.VpcSecurityGroupIds, logs: d.LogDeliveryConfiguration}, nil
			})
		})
}
