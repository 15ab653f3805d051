// Package health collects the AWS Health events open or upcoming for the
// account: outages, scheduled maintenance and retirements, notices. The
// Health API answers for every region from one endpoint, and only for
// accounts with a Business, Enterprise On-Ramp or Enterprise support plan
// (others get SubscriptionRequiredException, which the engine reports as
// not applicable).
package health

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/health"
	"github.com/aws/aws-sdk-go-v2/service/health/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the AWS Health collector.
var Service = &collect.Service{
	Name:        "health",
	Description: "AWS Health events open or upcoming for the account (needs a Business or Enterprise support plan)",
	Scope:       collect.AccountWide,
	Types: []collect.Type{
		{Name: "event", Description: "open or upcoming Health event of the account (id = the event ARN's last part), in the region it concerns " +
			"(global for global services); closed events are skipped",
			Fields: eventFields.Declared(), Tags: collect.NotTaggable, Collect: events},
	},
	Calls: "event: DescribeEvents (open and upcoming), in us-east-1",
}

// endpointRegion is where the aws partition's Health API answers; other
// partitions answer in the scan's home region.
const endpointRegion = "us-east-1"

var eventFields = collect.Fields[types.Event]{
	collect.Text("service", "AWS service the event concerns, e.g. EC2", func(e types.Event) *string { return e.Service }),
	collect.Text("event_type_code", "kind of event, e.g. AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED", func(e types.Event) *string { return e.EventTypeCode }),
	collect.Enum("category", "issue, accountNotification, scheduledChange or investigation", func(e types.Event) types.EventTypeCategory { return e.EventTypeCategory }),
	collect.Enum("status", "open or upcoming (closed events are not collected)", func(e types.Event) types.EventStatusCode { return e.StatusCode }),
	collect.Enum("scope", "ACCOUNT_SPECIFIC: resources of the account are affected; PUBLIC: a service event of the region", func(e types.Event) types.EventScopeCode {
		return e.EventScopeCode
	}),
	collect.Enum("actionability", "ACTION_REQUIRED, ACTION_MAY_BE_REQUIRED or INFORMATIONAL", func(e types.Event) types.EventActionability { return e.Actionability }),
	collect.Computed("personas", model.JSON, "who the event is for: OPERATIONS, SECURITY, BILLING", func(e types.Event) any {
		out := []string{}
		for _, p := range e.Personas {
			out = append(out, string(p))
		}
		return out
	}),
	collect.Text("availability_zone", "Availability Zone concerned, if one", func(e types.Event) *string { return e.AvailabilityZone }),
	collect.Timestamp("start_time", "when the event began or is scheduled to begin", func(e types.Event) *time.Time { return e.StartTime }),
	collect.Timestamp("end_time", "when the event ended or is scheduled to end; empty: not known yet", func(e types.Event) *time.Time { return e.EndTime }),
	collect.Timestamp("updated", "last update of the event", func(e types.Event) *time.Time { return e.LastUpdatedTime }),
}

// events lists the open and upcoming events once for the account. Events
// of regions the scan does not plan are dropped; global ones are kept.
func events(ctx context.Context, t *collect.Task) error {
	api := health.NewFromConfig(t.Config, func(o *health.Options) {
		if t.Partition() == "aws" {
			o.Region = endpointRegion
		}
	})
	p := health.NewDescribeEventsPaginator(api, &health.DescribeEventsInput{MaxResults: t.PageSize(100),
		Filter: &types.EventFilter{EventStatusCodes: []types.EventStatusCode{"open", "upcoming"}}})
	return collect.EachPage(ctx, p, func(page *health.DescribeEventsOutput) error {
		for _, e := range page.Events {
			region := aws.ToString(e.Region)
			if region == "" || region == "global" {
				region = model.GlobalRegion
			} else if !t.InPlan(region) {
				continue
			}
			arn := aws.ToString(e.Arn)
			key := model.Key{Account: t.Account, Region: region, Service: t.Service, Type: "event", ID: collect.ARNResourceName(arn)}
			t.Emit(&model.Resource{Key: key, Name: aws.ToString(e.EventTypeCode), ARN: arn, Details: eventFields.Details(e)})
		}
		return nil
	})
}
