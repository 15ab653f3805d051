// Package shield collects AWS Shield Advanced: the subscription and the
// resources it protects. An account without the subscription has Shield
// Advanced off: both collections are recorded unsupported with the code
// NotEnabled.
package shield

import (
	"context"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/arn"
	"github.com/aws/aws-sdk-go-v2/service/shield"
	"github.com/aws/aws-sdk-go-v2/service/shield/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the Shield Advanced collector.
var Service = &collect.Service{
	Name:        "shield",
	Description: "Shield Advanced subscription and protections",
	Scope:       collect.Global,
	Types: []collect.Type{
		{Name: "subscription", Description: "the account's Shield Advanced subscription (id = account id); none: unsupported, code NotEnabled",
			Fields: subscriptionFields.Declared(), Tags: collect.NotTaggable, Collect: subscriptions},
		{Name: "protection", Description: "Shield Advanced protection of one resource (id = protection id)", Fields: protectionFields.Declared(),
			Tags: collect.TagsPerResource, Collect: protections, DetailCalls: 1},
	},
	Calls: "subscription: DescribeSubscription. protection: DescribeSubscription, ListProtections + per protection ListTagsForResource",
	Relations: []collect.Relation{
		{From: "protection", Kind: "protects", To: "cloudfront/distribution"},
	},
}

// errNotSubscribed is the answer of an account without the subscription.
var errNotSubscribed = &awsx.NotApplicableError{Code: model.CodeNotEnabled, Reason: "Shield Advanced is not subscribed in this account",
	Operation: "DescribeSubscription"}

// subscription reads the subscription; none is errNotSubscribed.
func subscription(ctx context.Context, api *shield.Client) (*types.Subscription, error) {
	out, err := api.DescribeSubscription(ctx, &shield.DescribeSubscriptionInput{})
	if awsx.IsNotFound(err) || err == nil && out.Subscription == nil {
		return nil, errNotSubscribed
	}
	if err != nil {
		return nil, err
	}
	return out.Subscription, nil
}

var subscriptionFields = collect.Fields[*types.Subscription]{
	collect.Timestamp("start_time", "start of the subscription", func(s *types.Subscription) *time.Time { return s.StartTime }),
	collect.Timestamp("end_time", "end of the commitment", func(s *types.Subscription) *time.Time { return s.EndTime }),
	collect.Enum("auto_renew", "ENABLED or DISABLED", func(s *types.Subscription) types.AutoRenew { return s.AutoRenew }),
	collect.Computed("commitment_days", model.Integer, "length of the commitment in days", func(s *types.Subscription) any { return s.TimeCommitmentInSeconds / 86400 }),
	collect.Enum("proactive_engagement", "the Shield Response Team contacts you during events: ENABLED, DISABLED or PENDING",
		func(s *types.Subscription) types.ProactiveEngagementStatus { return s.ProactiveEngagementStatus }),
}

func subscriptions(ctx context.Context, t *collect.Task) error {
	s, err := subscription(ctx, shield.NewFromConfig(t.Config))
	if err != nil {
		return err
	}
	t.Emit(&model.Resource{Key: t.Key("subscription", t.Account), ARN: aws.ToString(s.SubscriptionArn), CreatedAt: model.Time(s.StartTime),
		Details: subscriptionFields.Details(s)})
	return nil
}

// resourceType is the service and type of a protected resource's ARN
// (cloudfront/distribution, elasticloadbalancing/loadbalancer, ec2/eip-allocation...).
func resourceType(a string) string {
	p, err := arn.Parse(a)
	if err != nil {
		return ""
	}
	typ, _, _ := strings.Cut(p.Resource, "/")
	return p.Service + "/" + typ
}

var protectionFields = collect.Fields[types.Protection]{
	collect.Text("resource_arn", "resource protected", func(p types.Protection) *string { return p.ResourceArn }),
	collect.Computed("resource_type", model.Text, "service/type of the resource (cloudfront/distribution, elasticloadbalancing/loadbalancer, route53/hostedzone...)",
		func(p types.Protection) any { return resourceType(aws.ToString(p.ResourceArn)) }),
	collect.Computed("health_checks", model.Integer, "Route 53 health checks associated (health-based detection)", func(p types.Protection) any { return len(p.HealthCheckIds) }),
	collect.Computed("layer7_auto_response", model.Text, "automatic application-layer mitigation: ENABLED or DISABLED", func(p types.Protection) any {
		if c := p.ApplicationLayerAutomaticResponseConfiguration; c != nil {
			return string(c.Status)
		}
		return string(types.ApplicationLayerAutomaticResponseStatusDisabled)
	}),
}

func protections(ctx context.Context, t *collect.Task) error {
	api := shield.NewFromConfig(t.Config)
	if _, err := subscription(ctx, api); err != nil {
		return err
	}
	p := shield.NewListProtectionsPaginator(api, &shield.ListProtectionsInput{MaxResults: t.PageSize(100)})
	return collect.EachItem(ctx, p, func(page *shield.ListProtectionsOutput) []types.Protection { return page.Protections },
		func(ctx context.Context, pr types.Protection) {
			key := t.Key("protection", aws.ToString(pr.Id))
			r := &model.Resource{Key: key, Name: aws.ToString(pr.Name), ARN: aws.ToString(pr.ProtectionArn), Details: protectionFields.Details(pr)}
			if out, err := api.ListTagsForResource(ctx, &shield.ListTagsForResourceInput{ResourceARN: pr.ProtectionArn}); err != nil {
				t.Warn("ListTagsForResource", err)
			} else {
				r.Tags = collect.TagMap(out.Tags, func(tg types.Tag) (*string, *string) { return tg.Key, tg.Value })
			}
			t.Emit(r)
			if resourceType(aws.ToString(pr.ResourceArn)) == "cloudfront/distribution" {
				t.Relate(key, "protects", t.GlobalRef("cloudfront", "distribution", collect.ARNResourceName(aws.ToString(pr.ResourceArn))))
			}
		})
}
