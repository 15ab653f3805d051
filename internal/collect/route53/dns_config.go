package route53

import (
	"context"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/route53"
	"github.com/aws/aws-sdk-go-v2/service/route53/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

var queryLoggingFields = collect.Fields[types.QueryLoggingConfig]{
	collect.Text("hosted_zone_id", "public hosted zone whose queries are logged", func(c types.QueryLoggingConfig) *string { return c.HostedZoneId }),
	collect.Text("log_group_arn", "CloudWatch Logs log group receiving the queries (in us-east-1)", func(c types.QueryLoggingConfig) *string { return c.CloudWatchLogsLogGroupArn }),
}

func queryLoggingConfigs(ctx context.Context, t *collect.Task) error {
	p := route53.NewListQueryLoggingConfigsPaginator(route53.NewFromConfig(t.Config), &route53.ListQueryLoggingConfigsInput{MaxResults: t.PageSize(100)})
	return collect.EachPage(ctx, p, func(page *route53.ListQueryLoggingConfigsOutput) error {
		for _, c := range page.QueryLoggingConfigs {
			id, zone, group := aws.ToString(c.Id), aws.ToString(c.HostedZoneId), aws.ToString(c.CloudWatchLogsLogGroupArn)
			key := t.Key("query-logging-config", id)
			t.Emit(&model.Resource{Key: key, ARN: collect.AccountlessARN(t, "route53", "", "queryloggingconfig/"+id), Name: zone,
				Details: queryLoggingFields.Details(c)})
			t.Relate(key, "logs", t.Key("hosted-zone", zone))
			// The log group is regional (us-east-1), the configuration global.
			if parts := strings.Split(group, ":"); len(parts) > 4 {
				t.Relate(key, "logs-to", model.Key{Account: parts[4], Region: parts[3], Service: "logs", Type: "log-group", ID: collect.LogGroupName(group)})
			}
		}
		return nil
	})
}

var trafficPolicyFields = collect.Fields[types.TrafficPolicySummary]{
	collect.Enum("dns_type", "DNS type of the records the policy creates", func(p types.TrafficPolicySummary) types.RRType { return p.Type }),
	collect.Int("latest_version", "latest version of the policy document", func(p types.TrafficPolicySummary) *int32 { return p.LatestVersion }),
	collect.Int("version_count", "versions of the policy", func(p types.TrafficPolicySummary) *int32 { return p.TrafficPolicyCount }),
}

func trafficPolicies(ctx context.Context, t *collect.Task) error {
	api := route53.NewFromConfig(t.Config)
	// ListTrafficPolicies has no SDK paginator: its marker is TrafficPolicyIdMarker.
	p := collect.NewTokenPager(func(ctx context.Context, token *string, optFns ...func(*route53.Options)) (*route53.ListTrafficPoliciesOutput, error) {
		return api.ListTrafficPolicies(ctx, &route53.ListTrafficPoliciesInput{TrafficPolicyIdMarker: token, MaxItems: t.PageSize(100)}, optFns...)
	}, func(out *route53.ListTrafficPoliciesOutput) *string {
		if !out.IsTruncated {
			return nil
		}
		return out.TrafficPolicyIdMarker
	})
	return collect.EachPage(ctx, p, func(page *route53.ListTrafficPoliciesOutput) error {
		for _, tp := range page.TrafficPolicySummaries {
			id := aws.ToString(tp.Id)
			t.Emit(&model.Resource{Key: t.Key("traffic-policy", id), ARN: collect.AccountlessARN(t, "route53", "", "trafficpolicy/"+id),
				Name: aws.ToString(tp.Name), Details: trafficPolicyFields.Details(tp)})
		}
		return nil
	})
}

var cidrCollectionFields = collect.Fields[types.CollectionSummary]{
	collect.Int("version", "version of the collection, raised by each change", func(c types.CollectionSummary) *int64 { return c.Version }),
}

func cidrCollections(ctx context.Context, t *collect.Task) error {
	p := route53.NewListCidrCollectionsPaginator(route53.NewFromConfig(t.Config), &route53.ListCidrCollectionsInput{MaxResults: t.PageSize(100)})
	return collect.EachPage(ctx, p, func(page *route53.ListCidrCollectionsOutput) error {
		for _, c := range page.CidrCollections {
			t.Emit(&model.Resource{Key: t.Key("cidr-collection", aws.ToString(c.Id)), ARN: aws.ToString(c.Arn), Name: aws.ToString(c.Name),
				Details: cidrCollectionFields.Details(c)})
		}
		return nil
	})
}
