package mq

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/mq"
	"github.com/aws/aws-sdk-go-v2/service/mq/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

func revision(c types.Configuration) types.ConfigurationRevision {
	if c.LatestRevision == nil {
		return types.ConfigurationRevision{}
	}
	return *c.LatestRevision
}

var configurationFields = collect.Fields[types.Configuration]{
	collect.Enum("engine_type", "ACTIVEMQ or RABBITMQ", func(c types.Configuration) types.EngineType { return c.EngineType }),
	collect.Text("engine_version", "broker engine version the configuration is for", func(c types.Configuration) *string { return c.EngineVersion }),
	collect.Enum("authentication_strategy", "SIMPLE (broker users) or LDAP", func(c types.Configuration) types.AuthenticationStrategy { return c.AuthenticationStrategy }),
	collect.Text("description", "configuration description", func(c types.Configuration) *string { return c.Description }),
	collect.Computed("latest_revision", model.Integer, "number of the latest revision", func(c types.Configuration) any { return int64(aws.ToInt32(revision(c).Revision)) }),
	collect.Computed("latest_revision_created", model.Timestamp, "when the latest revision was made", func(c types.Configuration) any { return model.Time(revision(c).Created) }),
}

// configurations pages through the broker configurations by hand: the SDK
// has no paginator for ListConfigurations.
func configurations(ctx context.Context, t *collect.Task) error {
	api := mq.NewFromConfig(t.Config)
	in := &mq.ListConfigurationsInput{MaxResults: t.PageSize(100)}
	for {
		out, err := api.ListConfigurations(ctx, in)
		if err != nil {
			return err
		}
		for _, c := range out.Configurations {
			id := aws.ToString(c.Id)
			t.Emit(&model.Resource{Key: t.Key("configuration", id), Name: aws.ToString(c.Name), ARN: aws.ToString(c.Arn),
				CreatedAt: model.Time(c.Created), Tags: c.Tags, Details: configurationFields.Details(c)})
		}
		if aws.ToString(out.NextToken) == "" {
			return nil
		}
		in.NextToken = out.NextToken
	}
}
