package kafka

import (
	"context"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsarn "github.com/aws/aws-sdk-go-v2/aws/arn"
	"github.com/aws/aws-sdk-go-v2/service/kafka"
	"github.com/aws/aws-sdk-go-v2/service/kafka/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// nameIn is the name in an MSK ARN of the given kind
// (arn:aws:kafka:r:a:KIND/NAME/UUID); "" for another ARN.
func nameIn(arn, kind string) string {
	_, rest, ok := strings.Cut(arn, ":"+kind+"/")
	if !ok {
		return ""
	}
	name, _, _ := strings.Cut(rest, "/")
	return name
}

// tagsOf reads a resource's tags; a failure is a warning (tags unknown).
func tagsOf(ctx context.Context, t *collect.Task, api *kafka.Client, arn *string) map[string]string {
	out, err := api.ListTagsForResource(ctx, &kafka.ListTagsForResourceInput{ResourceArn: arn})
	t.Warn("ListTagsForResource", err)
	if err != nil {
		return nil
	}
	return out.Tags
}

func latest(c types.Configuration) types.ConfigurationRevision {
	if c.LatestRevision == nil {
		return types.ConfigurationRevision{}
	}
	return *c.LatestRevision
}

var configurationFields = collect.Fields[types.Configuration]{
	collect.Enum("state", "ACTIVE, DELETING or DELETE_FAILED", func(c types.Configuration) types.ConfigurationState { return c.State }),
	collect.Text("description", "configuration description", func(c types.Configuration) *string { return c.Description }),
	collect.Computed("kafka_versions", model.JSON, "Kafka versions the configuration applies to", func(c types.Configuration) any { return append([]string{}, c.KafkaVersions...) }),
	collect.Computed("latest_revision", model.Integer, "number of the latest revision", func(c types.Configuration) any { return aws.ToInt64(latest(c).Revision) }),
	collect.Computed("latest_revision_created", model.Timestamp, "when the latest revision was made", func(c types.Configuration) any { return model.Time(latest(c).CreationTime) }),
}

func configurations(ctx context.Context, t *collect.Task) error {
	api := kafka.NewFromConfig(t.Config)
	p := kafka.NewListConfigurationsPaginator(api, &kafka.ListConfigurationsInput{MaxResults: t.PageSize(100)})
	return collect.EachItem(ctx, p, func(page *kafka.ListConfigurationsOutput) []types.Configuration { return page.Configurations },
		func(ctx context.Context, c types.Configuration) {
			name := aws.ToString(c.Name)
			t.Emit(&model.Resource{Key: t.Key("configuration", name), Name: name, ARN: aws.ToString(c.Arn), CreatedAt: model.Time(c.CreationTime),
				Details: configurationFields.Details(c), Tags: tagsOf(ctx, t, api, c.Arn)})
		})
}

var vpcConnectionFields = collect.Fields[types.VpcConnection]{
	collect.Enum("state", "CREATING, AVAILABLE, INACTIVE, DEACTIVATING, DELETING, FAILED, REJECTED, ...", func(v types.VpcConnection) types.VpcConnectionState { return v.State }),
	collect.Text("authentication", "client authentication over the connection: SASL_IAM, SASL_SCRAM or TLS", func(v types.VpcConnection) *string { return v.Authentication }),
	collect.Text("vpc_id", "client VPC the connection reaches the cluster from", func(v types.VpcConnection) *string { return v.VpcId }),
	collect.Text("target_cluster_arn", "ARN of the cluster connected to (may be in another account)", func(v types.VpcConnection) *string { return v.TargetClusterArn }),
}

func vpcConnections(ctx context.Context, t *collect.Task) error {
	api := kafka.NewFromConfig(t.Config)
	p := kafka.NewListVpcConnectionsPaginator(api, &kafka.ListVpcConnectionsInput{MaxResults: t.PageSize(100)})
	return collect.EachItem(ctx, p, func(page *kafka.ListVpcConnectionsOutput) []types.VpcConnection { return page.VpcConnections },
		func(ctx context.Context, v types.VpcConnection) {
			arn := aws.ToString(v.VpcConnectionArn)
			id := collect.ARNResourceName(arn)
			r := &model.Resource{Key: t.Key("vpc-connection", id), Name: id, ARN: arn, CreatedAt: model.Time(v.CreationTime),
				Details: vpcConnectionFields.Details(v), Tags: tagsOf(ctx, t, api, v.VpcConnectionArn)}
			t.Relate(r.Key, "in-vpc", t.Ref("ec2", "vpc", aws.ToString(v.VpcId)))
			if a, err := awsarn.Parse(aws.ToString(v.TargetClusterArn)); err == nil {
				t.Relate(r.Key, "connects-to", model.Key{Account: a.AccountID, Region: a.Region, Service: "kafka", Type: "cluster", ID: nameIn(a.String(), "cluster")})
			}
			t.Emit(r)
		})
}
