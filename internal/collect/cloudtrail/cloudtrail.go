// Package cloudtrail collects CloudTrail trails and CloudTrail Lake event
// data stores and channels.
package cloudtrail

import (
	"context"
	"slices"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudtrail"
	"github.com/aws/aws-sdk-go-v2/service/cloudtrail/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the CloudTrail collector.
var Service = &collect.Service{
	Name:        "cloudtrail",
	Description: "CloudTrail trails, Lake event data stores and channels",
	Types: []collect.Type{
		{Name: "trail", Description: "CloudTrail trail, collected in its home region", Fields: trailFields, Tags: collect.TagsPerResource, Collect: trails, DetailCalls: 2},
		{Name: "event-data-store", Description: "CloudTrail Lake event data store", Fields: eventDataStoreFields.Declared(), Tags: collect.TagsPerResource,
			Collect: eventDataStores, DetailCalls: 1},
		{Name: "channel", Description: "CloudTrail Lake channel bringing events from outside AWS into event data stores", Fields: channelFields.Declared(),
			Tags: collect.TagsPerResource, Collect: channels, DetailCalls: 1},
	},
	Calls: "trail: DescribeTrails + ListTags per 20 + per trail GetTrailStatus, GetEventSelectors; " +
		"event-data-store: ListEventDataStores + ListTags per 20 + per store GetEventDataStore; channel: ListChannels + ListTags per 20 + per channel GetChannel",
	Relations: []collect.Relation{
		{From: "event-data-store", Kind: "encrypted-with", To: "kms/key"},
		{From: "event-data-store", Kind: "assumes-role", To: "iam/role"},
		{From: "channel", Kind: "delivers-to", To: "cloudtrail/event-data-store"},
		{From: "trail", Kind: "encrypted-with", To: "kms/key"},
		{From: "trail", Kind: "logs-to", To: "logs/log-group"},
		{From: "trail", Kind: "logs-to", To: "s3/bucket"},
	},
}

// tagBatch is how many trail ARNs ListTags accepts per call.
const tagBatch = 20

var trailFields = []model.Field{
	{Name: "is_logging", Type: "boolean", Description: "the trail is recording events"},
	{Name: "multi_region", Type: "boolean", Description: "the trail records events of every region"},
	{Name: "log_file_validation", Type: "boolean", Description: "log file integrity validation enabled"},
	{Name: "organization_trail", Type: "boolean", Description: "the trail records events of every account of the organization"},
	{Name: "s3_bucket", Type: "text", Description: "bucket the log files are delivered to"},
	{Name: "s3_key_prefix", Type: "text", Description: "key prefix of the log files"},
	{Name: "kms_key_id", Type: "text", Description: "ARN of the KMS key encrypting the log files"},
	{Name: "cloudwatch_logs_group", Type: "text", Description: "ARN of the CloudWatch Logs group events are also sent to"},
	{Name: "sns_topic_arn", Type: "text", Description: "topic notified of each log file delivery"},
	{Name: "home_region", Type: "text", Description: "region the trail was created in"},
	{Name: "latest_delivery_time", Type: "timestamp", Description: "last successful delivery of a log file to S3"},
	{Name: "latest_delivery_error", Type: "text", Description: "last S3 delivery error, if any"},
	{Name: "include_global_events", Type: "boolean", Description: "records events of global services (IAM, STS...)"},
	{Name: "management_events", Type: "boolean", Description: "the event selectors record management events"},
}

func trails(ctx context.Context, t *collect.Task) error {
	api := cloudtrail.NewFromConfig(t.Config)
	// Shadow copies of multi-region trails appear in every region; each trail
	// is collected once, in its home region.
	out, err := api.DescribeTrails(ctx, &cloudtrail.DescribeTrailsInput{IncludeShadowTrails: aws.Bool(false)})
	if err != nil {
		return err
	}
	arns := make([]string, 0, len(out.TrailList))
	for _, tr := range out.TrailList {
		arns = append(arns, aws.ToString(tr.TrailARN))
	}
	tags := listTags(ctx, t, api, arns)
	collect.ForEach(ctx, out.TrailList, func(ctx context.Context, tr types.Trail) {
		d := trailDetails(tr)
		status, err := api.GetTrailStatus(ctx, &cloudtrail.GetTrailStatusInput{Name: tr.TrailARN})
		if err != nil {
			t.Warn("GetTrailStatus", err)
		} else {
			d["is_logging"] = aws.ToBool(status.IsLogging)
			d["latest_delivery_time"] = model.Time(status.LatestDeliveryTime)
			d["latest_delivery_error"] = aws.ToString(status.LatestDeliveryError)
		}
		selectors, err := api.GetEventSelectors(ctx, &cloudtrail.GetEventSelectorsInput{TrailName: tr.TrailARN})
		if err != nil {
			t.Warn("GetEventSelectors", err)
		} else {
			d["management_events"] = recordsManagementEvents(selectors)
		}
		emit(t, tr, d, tags[aws.ToString(tr.TrailARN)])
	})
	return nil
}

// listTags fetches the tags of the trails, tagBatch ARNs per ListTags call;
// a failed batch is a warning and its trails are emitted without tags.
func listTags(ctx context.Context, t *collect.Task, api *cloudtrail.Client, arns []string) map[string]map[string]string {
	return collect.TagBatches(ctx, t, "ListTags", arns, tagBatch, func(ctx context.Context, batch []string) (map[string]map[string]string, error) {
		out := map[string]map[string]string{}
		p := cloudtrail.NewListTagsPaginator(api, &cloudtrail.ListTagsInput{ResourceIdList: batch})
		for p.HasMorePages() {
			page, err := p.NextPage(ctx)
			if err != nil {
				return out, err
			}
			for _, r := range page.ResourceTagList {
				out[aws.ToString(r.ResourceId)] = collect.TagMap(r.TagsList, func(t types.Tag) (*string, *string) { return t.Key, t.Value })
			}
		}
		return out, nil
	})
}

func trailDetails(tr types.Trail) map[string]any {
	return map[string]any{
		"multi_region":          aws.ToBool(tr.IsMultiRegionTrail),
		"log_file_validation":   aws.ToBool(tr.LogFileValidationEnabled),
		"organization_trail":    aws.ToBool(tr.IsOrganizationTrail),
		"s3_bucket":             aws.ToString(tr.S3BucketName),
		"s3_key_prefix":         aws.ToString(tr.S3KeyPrefix),
		"kms_key_id":            aws.ToString(tr.KmsKeyId),
		"cloudwatch_logs_group": aws.ToString(tr.CloudWatchLogsLogGroupArn),
		"sns_topic_arn":         aws.ToString(tr.SnsTopicARN),
		"home_region":           aws.ToString(tr.HomeRegion),
		"include_global_events": aws.ToBool(tr.IncludeGlobalServiceEvents),
	}
}

// recordsManagementEvents reads basic selectors (IncludeManagementEvents) and
// advanced ones (a selector with eventCategory = Management).
func recordsManagementEvents(out *cloudtrail.GetEventSelectorsOutput) bool {
	for _, s := range out.EventSelectors {
		if aws.ToBool(s.IncludeManagementEvents) {
			return true
		}
	}
	for _, s := range out.AdvancedEventSelectors {
		for _, f := range s.FieldSelectors {
			if aws.ToString(f.Field) == "eventCategory" && slices.Contains(f.Equals, "Management") {
				return true
			}
		}
	}
	return false
}

func emit(t *collect.Task, tr types.Trail, d map[string]any, tags map[string]string) {
	name := aws.ToString(tr.Name)
	key := t.Key("trail", name)
	t.Emit(&model.Resource{Key: key, ARN: aws.ToString(tr.TrailARN), Name: name, Tags: tags, Details: d})
	// The bucket may live in another region or account (central logging):
	// the store finds it by name, and otherwise keeps the likeliest guess,
	// the trail's home region in this account.
	home := aws.ToString(tr.HomeRegion)
	if home == "" {
		home = t.Region
	}
	t.RelateByName(key, "logs-to", "s3", "bucket", aws.ToString(tr.S3BucketName), home)
	t.Relate(key, "logs-to", t.Ref("logs", "log-group", collect.LogGroupName(aws.ToString(tr.CloudWatchLogsLogGroupArn))))
	t.Relate(key, "encrypted-with", t.KMSKey(aws.ToString(tr.KmsKeyId)))
}
