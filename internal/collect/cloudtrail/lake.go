package cloudtrail

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudtrail"
	"github.com/aws/aws-sdk-go-v2/service/cloudtrail/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// described is a listed CloudTrail Lake resource with its Get call's
// answer, nil when that failed.
type described[L, G any] struct {
	listed L
	got    *G
}

// field reads a field of the Get call's answer, the zero value without one.
func field[L, G, V any](get func(*G) V) func(described[L, G]) V {
	return func(d described[L, G]) V {
		if d.got == nil {
			var zero V
			return zero
		}
		return get(d.got)
	}
}

type eventDataStore = described[types.EventDataStore, cloudtrail.GetEventDataStoreOutput]

func edsField[V any](get func(*cloudtrail.GetEventDataStoreOutput) V) func(eventDataStore) V {
	return field[types.EventDataStore](get)
}

var eventDataStoreFields = collect.Fields[eventDataStore]{
	collect.Enum("status", "CREATED, ENABLED, PENDING_DELETION, STARTING_INGESTION, STOPPED_INGESTION, ...",
		edsField(func(g *cloudtrail.GetEventDataStoreOutput) types.EventDataStoreStatus { return g.Status })),
	collect.Int("retention_days", "days events are kept", edsField(func(g *cloudtrail.GetEventDataStoreOutput) *int32 { return g.RetentionPeriod })),
	collect.Enum("billing_mode", "EXTENDABLE_RETENTION_PRICING or FIXED_RETENTION_PRICING",
		edsField(func(g *cloudtrail.GetEventDataStoreOutput) types.BillingMode { return g.BillingMode })),
	collect.Text("kms_key_id", "customer managed KMS key encrypting the events; empty for the AWS owned key",
		edsField(func(g *cloudtrail.GetEventDataStoreOutput) *string { return g.KmsKeyId })),
	collect.Bool("multi_region", "collects the events of every region", edsField(func(g *cloudtrail.GetEventDataStoreOutput) *bool { return g.MultiRegionEnabled })),
	collect.Bool("organization", "collects the events of every account of the organization",
		edsField(func(g *cloudtrail.GetEventDataStoreOutput) *bool { return g.OrganizationEnabled })),
	collect.Bool("termination_protection", "termination protection enabled",
		edsField(func(g *cloudtrail.GetEventDataStoreOutput) *bool { return g.TerminationProtectionEnabled })),
	collect.Enum("federation_status", "Lake query federation to Athena: ENABLED, DISABLED, ...",
		edsField(func(g *cloudtrail.GetEventDataStoreOutput) types.FederationStatus { return g.FederationStatus })),
}

// eventDataStores lists the CloudTrail Lake event data stores, each
// described (the listing gives only names) and tagged by ListTags batches.
func eventDataStores(ctx context.Context, t *collect.Task) error {
	api := cloudtrail.NewFromConfig(t.Config)
	p := cloudtrail.NewListEventDataStoresPaginator(api, &cloudtrail.ListEventDataStoresInput{MaxResults: t.PageSize(1000)})
	return collect.EachPage(ctx, p, func(page *cloudtrail.ListEventDataStoresOutput) error {
		arns := make([]string, 0, len(page.EventDataStores))
		for _, s := range page.EventDataStores {
			arns = append(arns, aws.ToString(s.EventDataStoreArn))
		}
		tags := listTags(ctx, t, api, arns)
		collect.ForEach(ctx, page.EventDataStores, func(ctx context.Context, s types.EventDataStore) {
			d := eventDataStore{listed: s}
			out, err := api.GetEventDataStore(ctx, &cloudtrail.GetEventDataStoreInput{EventDataStore: s.EventDataStoreArn})
			if err != nil {
				t.Warn("GetEventDataStore", err)
			} else {
				d.got = out
			}
			arn := aws.ToString(s.EventDataStoreArn)
			key := t.Key("event-data-store", collect.ARNResourceName(arn))
			r := &model.Resource{Key: key, ARN: arn, Name: aws.ToString(s.Name), Tags: tags[arn], Details: eventDataStoreFields.Details(d)}
			if out != nil {
				r.CreatedAt = model.Time(out.CreatedTimestamp)
				t.Relate(key, "encrypted-with", t.KMSKey(aws.ToString(out.KmsKeyId)))
				t.Relate(key, "assumes-role", t.Role(aws.ToString(out.FederationRoleArn)))
			}
			t.Emit(r)
		})
		return nil
	})
}

type channel = described[types.Channel, cloudtrail.GetChannelOutput]

func hasChannel(c channel) bool { return c.got != nil }

var channelFields = collect.Fields[channel]{
	collect.Text("source", "where the events come from: Default, or a partner's source", field[types.Channel](func(g *cloudtrail.GetChannelOutput) *string { return g.Source })),
	collect.When(hasChannel, collect.Computed("destinations", model.JSON, "event data stores (or AWS service) the events go to", func(c channel) any {
		out := []string{}
		for _, d := range c.got.Destinations {
			out = append(out, aws.ToString(d.Location))
		}
		return out
	})),
	collect.Timestamp("latest_ingestion_success", "last event ingested", field[types.Channel](func(g *cloudtrail.GetChannelOutput) *time.Time {
		if g.IngestionStatus == nil {
			return nil
		}
		return g.IngestionStatus.LatestIngestionSuccessTime
	})),
	collect.Text("latest_ingestion_error", "code of the last ingestion error, if any", field[types.Channel](func(g *cloudtrail.GetChannelOutput) *string {
		if g.IngestionStatus == nil {
			return nil
		}
		return g.IngestionStatus.LatestIngestionErrorCode
	})),
}

// channels lists the channels that feed events from outside AWS (or a
// service-linked one) into event data stores.
func channels(ctx context.Context, t *collect.Task) error {
	api := cloudtrail.NewFromConfig(t.Config)
	p := cloudtrail.NewListChannelsPaginator(api, &cloudtrail.ListChannelsInput{MaxResults: t.PageSize(1000)})
	return collect.EachPage(ctx, p, func(page *cloudtrail.ListChannelsOutput) error {
		arns := make([]string, 0, len(page.Channels))
		for _, c := range page.Channels {
			arns = append(arns, aws.ToString(c.ChannelArn))
		}
		tags := listTags(ctx, t, api, arns)
		collect.ForEach(ctx, page.Channels, func(ctx context.Context, c types.Channel) {
			d := channel{listed: c}
			out, err := api.GetChannel(ctx, &cloudtrail.GetChannelInput{Channel: c.ChannelArn})
			if err != nil {
				t.Warn("GetChannel", err)
			} else {
				d.got = out
			}
			arn := aws.ToString(c.ChannelArn)
			key := t.Key("channel", collect.ARNResourceName(arn))
			t.Emit(&model.Resource{Key: key, ARN: arn, Name: aws.ToString(c.Name), Tags: tags[arn], Details: channelFields.Details(d)})
			if out != nil {
				for _, dst := range out.Destinations {
					if dst.Type == types.DestinationTypeEventDataStore {
						t.Relate(key, "delivers-to", t.Key("event-data-store", collect.ARNResourceName(aws.ToString(dst.Location))))
					}
				}
			}
		})
		return nil
	})
}
