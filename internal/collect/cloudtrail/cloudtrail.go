// Package cloudtrail collects CloudTrail trails and CloudTrail Lake event
// data stores and channels.
package cloudtrail

import (
	"context"
	"slices"
	"time"

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
		{Name: "trail", Description: "CloudTrail trail, collected in its home region", Fields: trailFields.Declared(), Tags: collect.TagsPerResource, Collect: trails, DetailCalls: 2},
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

// trail is a described trail with its GetTrailStatus and GetEventSelectors
// answers (nil when the call failed: the fields they give are left out).
type trail struct {
	types.Trail
	status    *cloudtrail.GetTrailStatusOutput
	selectors *cloudtrail.GetEventSelectorsOutput
}

func hasStatus(tr trail) bool    { return tr.status != nil }
func hasSelectors(tr trail) bool { return tr.selectors != nil }

var trailFields = collect.Fields[trail]{
	collect.When(hasStatus, collect.Bool("is_logging", "the trail is recording events", func(tr trail) *bool { return tr.status.IsLogging })),
	collect.Bool("multi_region", "the trail records events of every region", func(tr trail) *bool { return tr.IsMultiRegionTrail }),
	collect.Bool("log_file_validation", "log file integrity validation enabled", func(tr trail) *bool { return tr.LogFileValidationEnabled }),
	collect.Bool("organization_trail", "the trail records events of every account of the organization", func(tr trail) *bool { return tr.IsOrganizationTrail }),
	collect.Text("s3_bucket", "bucket the log files are delivered to", func(tr trail) *string { return tr.S3BucketName }),
	collect.Text("s3_key_prefix", "key prefix of the log files", func(tr trail) *string { return tr.S3KeyPrefix }),
	collect.Text("kms_key_id", "ARN of the KMS key encrypting the log files", func(tr trail) *string { return tr.KmsKeyId }),
	collect.Text("cloudwatch_logs_group", "ARN of the CloudWatch Logs group events are also sent to", func(tr trail) *string { return tr.CloudWatchLogsLogGroupArn }),
	collect.Text("sns_topic_arn", "topic notified of each log file delivery", func(tr trail) *string { return tr.SnsTopicARN }),
	collect.Text("home_region", "region the trail was created in", func(tr trail) *string { return tr.HomeRegion }),
	collect.When(hasStatus, collect.Timestamp("latest_delivery_time", "last successful delivery of a log file to S3", func(tr trail) *time.Time {
		return tr.status.LatestDeliveryTime
	})),
	collect.When(hasStatus, collect.Text("latest_delivery_error", "last S3 delivery error, if any", func(tr trail) *string { return tr.status.LatestDeliveryError })),
	collect.Bool("include_global_events", "records events of global services (IAM, STS...)", func(tr trail) *bool { return tr.IncludeGlobalServiceEvents }),
	collect.When(hasSelectors, collect.Computed("management_events", model.Boolean, "the event selectors record management events", func(tr trail) any {
		return recordsManagementEvents(tr.selectors)
	})),
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
		item := trail{Trail: tr}
		status, err := api.GetTrailStatus(ctx, &cloudtrail.GetTrailStatusInput{Name: tr.TrailARN})
		if err != nil {
			t.Warn("GetTrailStatus", err)
		} else {
			item.status = status
		}
		selectors, err := api.GetEventSelectors(ctx, &cloudtrail.GetEventSelectorsInput{TrailName: tr.TrailARN})
		if err != nil {
			t.Warn("GetEventSelectors", err)
		} else {
			item.selectors = selectors
		}
		emit(t, item, tags[aws.ToString(tr.TrailARN)])
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

func emit(t *collect.Task, tr trail, tags map[string]string) {
	name := aws.ToString(tr.Name)
	key := t.Key("trail", name)
	t.Emit(&model.Resource{Key: key, ARN: aws.ToString(tr.TrailARN), Name: name, Tags: tags, Details: trailFields.Details(tr)})
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
