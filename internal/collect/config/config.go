// Package config collects AWS Config: configuration recorders and delivery
// channels (what Config records and where it delivers), rules, conformance
// packs and aggregators. A region without a recorder has Config turned off:
// the recorder collection is recorded unsupported with the code NotEnabled.
package config

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/configservice"
	"github.com/aws/aws-sdk-go-v2/service/configservice/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the AWS Config collector.
var Service = &collect.Service{
	Name:        "config",
	Description: "AWS Config recorders, delivery channels, rules, conformance packs and aggregators",
	Types: []collect.Type{
		{Name: "configuration-recorder", Description: "Config configuration recorder (id = name; at most one per region); none: the collection is unsupported, code NotEnabled",
			Fields: recorderFields.Declared(), Tags: collect.NotTaggable, Collect: recorders},
		{Name: "delivery-channel", Description: "Config delivery channel: the bucket and topic Config delivers to (id = name)",
			Fields: channelFields.Declared(), Tags: collect.NotTaggable, Collect: channels},
		{Name: "config-rule", Description: "Config rule (id = name)",
			Fields: ruleFields.Declared(), Tags: collect.TagsPerResource, Collect: rules, DetailCalls: 1},
		{Name: "conformance-pack", Description: "Config conformance pack (id = name)",
			Fields: packFields.Declared(), Tags: collect.TagsPerResource, Collect: packs, DetailCalls: 1},
		{Name: "aggregator", Description: "Config configuration aggregator (id = name)",
			Fields: aggregatorFields.Declared(), Tags: collect.TagsPerResource, Collect: aggregators, DetailCalls: 1},
	},
	Calls: "configuration-recorder: DescribeConfigurationRecorders + DescribeConfigurationRecorderStatus. delivery-channel: DescribeDeliveryChannels. " +
		"config-rule, conformance-pack, aggregator: the paged Describe call + per resource ListTagsForResource",
	Relations: []collect.Relation{
		{From: "configuration-recorder", Kind: "assumes-role", To: "iam/role"},
		{From: "delivery-channel", Kind: "delivers-to", To: "s3/bucket"},
		{From: "delivery-channel", Kind: "notifies", To: "sns/topic"},
		{From: "aggregator", Kind: "assumes-role", To: "iam/role"},
	},
}

func client(t *collect.Task) *configservice.Client { return configservice.NewFromConfig(t.Config) }

// recorder is a recorder with its status (nil when Config did not report one).
type recorder struct {
	types.ConfigurationRecorder
	status *types.ConfigurationRecorderStatus
}

func hasStatus(r recorder) bool { return r.status != nil }

var recorderFields = collect.Fields[recorder]{
	collect.When(hasStatus, collect.Computed("recording", model.Boolean, "the recorder is running", func(r recorder) any { return r.status.Recording })),
	collect.When(hasStatus, collect.Enum("last_status", "Pending, Success or Failure of the last delivery", func(r recorder) types.RecorderStatus {
		return r.status.LastStatus
	})),
	collect.Computed("all_supported", model.Boolean, "records every supported resource type", func(r recorder) any {
		if r.RecordingGroup == nil {
			return false
		}
		return r.RecordingGroup.AllSupported
	}),
	collect.Computed("records_iam", model.Boolean, "records IAM and the other global resource types too", func(r recorder) any {
		return r.RecordingGroup != nil && r.RecordingGroup.IncludeGlobalResourceTypes
	}),
	collect.Computed("resource_types", model.JSON, "resource types recorded when not all_supported", func(r recorder) any {
		if r.RecordingGroup == nil {
			return []string{}
		}
		return collect.Values(r.RecordingGroup.ResourceTypes)
	}),
	collect.Text("role_arn", "role Config assumes to read the resources", func(r recorder) *string { return r.RoleARN }),
}

func recorders(ctx context.Context, t *collect.Task) error {
	api := client(t)
	out, err := api.DescribeConfigurationRecorders(ctx, &configservice.DescribeConfigurationRecordersInput{})
	if err != nil {
		return err
	}
	if len(out.ConfigurationRecorders) == 0 {
		return awsx.NotEnabled("DescribeConfigurationRecorders", "AWS Config", t.Region)
	}
	statuses := map[string]*types.ConfigurationRecorderStatus{}
	st, err := api.DescribeConfigurationRecorderStatus(ctx, &configservice.DescribeConfigurationRecorderStatusInput{})
	t.Warn("DescribeConfigurationRecorderStatus", err)
	if err == nil {
		for i, s := range st.ConfigurationRecordersStatus {
			statuses[aws.ToString(s.Name)] = &st.ConfigurationRecordersStatus[i]
		}
	}
	for _, r := range out.ConfigurationRecorders {
		name := aws.ToString(r.Name)
		key := t.Key("configuration-recorder", name)
		status := statuses[name]
		var started string
		if status != nil {
			started = model.Time(status.LastStartTime)
		}
		t.Emit(&model.Resource{Key: key, ARN: aws.ToString(r.Arn), Name: name, CreatedAt: started,
			Details: recorderFields.Details(recorder{ConfigurationRecorder: r, status: status})})
		if role := aws.ToString(r.RoleARN); role != "" {
			t.Relate(key, "assumes-role", t.Role(role))
		}
	}
	return nil
}

var channelFields = collect.Fields[types.DeliveryChannel]{
	collect.Text("s3_bucket_name", "bucket configuration snapshots and history go to", func(c types.DeliveryChannel) *string { return c.S3BucketName }),
	collect.Text("s3_key_prefix", "key prefix in the bucket", func(c types.DeliveryChannel) *string { return c.S3KeyPrefix }),
	collect.Text("s3_kms_key_arn", "KMS key encrypting what is delivered to the bucket", func(c types.DeliveryChannel) *string { return c.S3KmsKeyArn }),
	collect.Text("sns_topic_arn", "topic notified of configuration changes", func(c types.DeliveryChannel) *string { return c.SnsTopicARN }),
	collect.Computed("delivery_frequency", model.Text, "how often snapshots are delivered (One_Hour ... TwentyFour_Hours)", func(c types.DeliveryChannel) any {
		if c.ConfigSnapshotDeliveryProperties == nil {
			return ""
		}
		return string(c.ConfigSnapshotDeliveryProperties.DeliveryFrequency)
	}),
}

func channels(ctx context.Context, t *collect.Task) error {
	out, err := client(t).DescribeDeliveryChannels(ctx, &configservice.DescribeDeliveryChannelsInput{})
	if err != nil {
		return err
	}
	for _, c := range out.DeliveryChannels {
		name := aws.ToString(c.Name)
		key := t.Key("delivery-channel", name)
		t.Emit(&model.Resource{Key: key, Name: name, Details: channelFields.Details(c)})
		t.RelateByName(key, "delivers-to", "s3", "bucket", aws.ToString(c.S3BucketName), t.Region)
		if topic, ok := collect.TargetKey(aws.ToString(c.SnsTopicARN)); ok {
			t.Relate(key, "notifies", topic)
		}
	}
	return nil
}

var ruleFields = collect.Fields[types.ConfigRule]{
	collect.Enum("state", "ACTIVE, DELETING, DELETING_RESULTS or EVALUATING", func(r types.ConfigRule) types.ConfigRuleState { return r.ConfigRuleState }),
	collect.Computed("owner", model.Text, "AWS (managed rule), CUSTOM_LAMBDA or CUSTOM_POLICY", func(r types.ConfigRule) any {
		if r.Source == nil {
			return ""
		}
		return string(r.Source.Owner)
	}),
	collect.Computed("source_identifier", model.Text, "managed rule identifier (S3_BUCKET_VERSIONING_ENABLED) or Lambda function ARN", func(r types.ConfigRule) any {
		if r.Source == nil {
			return ""
		}
		return aws.ToString(r.Source.SourceIdentifier)
	}),
	collect.Enum("maximum_execution_frequency", "how often a periodic rule runs", func(r types.ConfigRule) types.MaximumExecutionFrequency { return r.MaximumExecutionFrequency }),
	collect.Text("created_by", "service principal that created a service-linked rule", func(r types.ConfigRule) *string { return r.CreatedBy }),
	collect.Text("description", "what the rule checks", func(r types.ConfigRule) *string { return r.Description }),
}

func rules(ctx context.Context, t *collect.Task) error {
	api := client(t)
	p := configservice.NewDescribeConfigRulesPaginator(api, &configservice.DescribeConfigRulesInput{})
	return collect.EachPage(ctx, p, func(page *configservice.DescribeConfigRulesOutput) error {
		collect.ForEach(ctx, page.ConfigRules, func(ctx context.Context, r types.ConfigRule) {
			name := aws.ToString(r.ConfigRuleName)
			emitTagged(ctx, t, api, &model.Resource{Key: t.Key("config-rule", name), ARN: aws.ToString(r.ConfigRuleArn), Name: name,
				Details: ruleFields.Details(r)})
		})
		return nil
	})
}

var packFields = collect.Fields[types.ConformancePackDetail]{
	collect.Text("delivery_s3_bucket", "bucket the pack's evaluation results go to", func(p types.ConformancePackDetail) *string { return p.DeliveryS3Bucket }),
	collect.Text("created_by", "service principal that created a service-linked pack", func(p types.ConformancePackDetail) *string { return p.CreatedBy }),
	collect.Timestamp("last_update_requested", "last time the pack was deployed or updated", func(p types.ConformancePackDetail) *time.Time { return p.LastUpdateRequestedTime }),
}

func packs(ctx context.Context, t *collect.Task) error {
	api := client(t)
	p := configservice.NewDescribeConformancePacksPaginator(api, &configservice.DescribeConformancePacksInput{Limit: *t.PageSize(20)})
	return collect.EachPage(ctx, p, func(page *configservice.DescribeConformancePacksOutput) error {
		collect.ForEach(ctx, page.ConformancePackDetails, func(ctx context.Context, p types.ConformancePackDetail) {
			name := aws.ToString(p.ConformancePackName)
			emitTagged(ctx, t, api, &model.Resource{Key: t.Key("conformance-pack", name), ARN: aws.ToString(p.ConformancePackArn), Name: name,
				Details: packFields.Details(p)})
		})
		return nil
	})
}

var aggregatorFields = collect.Fields[types.ConfigurationAggregator]{
	collect.Computed("organization", model.Boolean, "aggregates every account of the organization", func(a types.ConfigurationAggregator) any {
		return a.OrganizationAggregationSource != nil
	}),
	collect.Computed("account_ids", model.JSON, "accounts aggregated by id (not organization-wide)", func(a types.ConfigurationAggregator) any {
		ids := []string{}
		for _, s := range a.AccountAggregationSources {
			ids = append(ids, s.AccountIds...)
		}
		return ids
	}),
	collect.Computed("all_regions", model.Boolean, "aggregates every region, present and future", func(a types.ConfigurationAggregator) any {
		if o := a.OrganizationAggregationSource; o != nil {
			return o.AllAwsRegions
		}
		for _, s := range a.AccountAggregationSources {
			if !s.AllAwsRegions {
				return false
			}
		}
		return len(a.AccountAggregationSources) > 0
	}),
	collect.Text("created_by", "service principal that created a service-linked aggregator", func(a types.ConfigurationAggregator) *string { return a.CreatedBy }),
}

func aggregators(ctx context.Context, t *collect.Task) error {
	api := client(t)
	p := configservice.NewDescribeConfigurationAggregatorsPaginator(api, &configservice.DescribeConfigurationAggregatorsInput{Limit: *t.PageSize(100)})
	return collect.EachPage(ctx, p, func(page *configservice.DescribeConfigurationAggregatorsOutput) error {
		collect.ForEach(ctx, page.ConfigurationAggregators, func(ctx context.Context, a types.ConfigurationAggregator) {
			name := aws.ToString(a.ConfigurationAggregatorName)
			key := t.Key("aggregator", name)
			emitTagged(ctx, t, api, &model.Resource{Key: key, ARN: aws.ToString(a.ConfigurationAggregatorArn), Name: name,
				CreatedAt: model.Time(a.CreationTime), Details: aggregatorFields.Details(a)})
			if o := a.OrganizationAggregationSource; o != nil && aws.ToString(o.RoleArn) != "" {
				t.Relate(key, "assumes-role", t.Role(aws.ToString(o.RoleArn)))
			}
		})
		return nil
	})
}

// emitTagged reads r's tags (ListTagsForResource on its ARN), then emits it;
// a failed tag call is a warning and r is emitted without tags.
func emitTagged(ctx context.Context, t *collect.Task, api *configservice.Client, r *model.Resource) {
	r.Tags = map[string]string{}
	p := configservice.NewListTagsForResourcePaginator(api, &configservice.ListTagsForResourceInput{ResourceArn: aws.String(r.ARN)})
	err := collect.EachPage(ctx, p, func(page *configservice.ListTagsForResourceOutput) error {
		for _, tg := range page.Tags {
			r.Tags[aws.ToString(tg.Key)] = aws.ToString(tg.Value)
		}
		return nil
	})
	t.Warn("ListTagsForResource", err)
	t.Emit(r)
}
