package all_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"
	"github.com/aws/aws-sdk-go-v2/service/route53"
	"github.com/aws/aws-sdk-go-v2/service/route53/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/route53"
	"github.com/awsmap/awsmap/internal/model"
)

func TestRoute53HealthChecks(t *testing.T) {
	collecttest.Setup(t)
	ctx := context.Background()
	cfg := collecttest.Config(t, "us-east-1", nil)
	api := route53.NewFromConfig(cfg)
	var ids []string
	for i := range 11 { // several pages and two tag batches
		out, err := api.CreateHealthCheck(ctx, &route53.CreateHealthCheckInput{CallerReference: aws.String(fmt.Sprint(i)),
			HealthCheckConfig: &types.HealthCheckConfig{Type: types.HealthCheckTypeHttps, FullyQualifiedDomainName: aws.String(fmt.Sprintf("www%d.example.com", i)),
				Port: aws.Int32(443), ResourcePath: aws.String("/health"), RequestInterval: aws.Int32(10), FailureThreshold: aws.Int32(2)}})
		check(t, err)
		ids = append(ids, aws.ToString(out.HealthCheck.Id))
	}
	_, err := api.ChangeTagsForResource(ctx, &route53.ChangeTagsForResourceInput{ResourceType: types.TagResourceTypeHealthcheck, ResourceId: aws.String(ids[10]),
		AddTags: []types.Tag{{Key: aws.String("Name"), Value: aws.String("shop")}}})
	check(t, err)
	calc, err := api.CreateHealthCheck(ctx, &route53.CreateHealthCheckInput{CallerReference: aws.String("calc"),
		HealthCheckConfig: &types.HealthCheckConfig{Type: types.HealthCheckTypeCalculated, ChildHealthChecks: ids[:2], HealthThreshold: aws.Int32(1)}})
	check(t, err)

	got := collecttest.Run(t, cfg, collector.Service, "health-check", model.GlobalRegion)
	if got.Err != nil || len(got.Resources) != 12 {
		t.Fatalf("want 12 health checks: %v, %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	h := got.ByID()[ids[3]]
	if h == nil || h.Name != "www3.example.com/health" || h.ARN != "arn:aws:route53:::healthcheck/"+ids[3] || h.Details["type"] != "HTTPS" ||
		h.Details["port"] != int64(443) || h.Details["request_interval"] != int64(10) || h.Details["failure_threshold"] != int64(2) || h.Details["disabled"] != false {
		t.Errorf("health check: %+v", h)
	}
	if s := got.ByID()[ids[10]]; s.Name != "shop" || s.Tags["Name"] != "shop" {
		t.Errorf("tagged health check: %+v", s)
	}
	c := aws.ToString(calc.HealthCheck.Id)
	if got.ByID()[c].Details["type"] != "CALCULATED" {
		t.Errorf("calculated: %v", got.ByID()[c].Details)
	}
	collecttest.HasEdges(t, got, c+" -combines-> route53/health-check:"+ids[0], c+" -combines-> route53/health-check:"+ids[1])

	denied := collecttest.ConfigWith(t, "us-east-1", awsx.Options{Responder: collecttest.Deny("ListHealthChecks")})
	collecttest.AssertDenied(t, collecttest.Run(t, denied, collector.Service, "health-check", model.GlobalRegion))
}

func TestRoute53QueryLoggingConfigs(t *testing.T) {
	collecttest.Setup(t)
	ctx := context.Background()
	cfg := collecttest.Config(t, "us-east-1", nil)
	api := route53.NewFromConfig(cfg)
	group := "/aws/route53/example"
	_, err := cloudwatchlogs.NewFromConfig(cfg).CreateLogGroup(ctx, &cloudwatchlogs.CreateLogGroupInput{LogGroupName: aws.String(group)})
	check(t, err)
	groupARN := "arn:aws:logs:us-east-1:" + collecttest.MotoAccount + ":log-group:" + group + ":*"
	var zones []string
	for i := range 6 {
		z, err := api.CreateHostedZone(ctx, &route53.CreateHostedZoneInput{Name: aws.String(fmt.Sprintf("q%d.example.com", i)), CallerReference: aws.String(fmt.Sprint("q", i))})
		check(t, err)
		zone := strings.TrimPrefix(aws.ToString(z.HostedZone.Id), "/hostedzone/")
		zones = append(zones, zone)
		_, err = api.CreateQueryLoggingConfig(ctx, &route53.CreateQueryLoggingConfigInput{HostedZoneId: aws.String(zone), CloudWatchLogsLogGroupArn: aws.String(groupARN)})
		check(t, err)
	}
	got := collecttest.Run(t, cfg, collector.Service, "query-logging-config", model.GlobalRegion)
	if got.Err != nil || len(got.Resources) != 6 {
		t.Fatalf("want 6 query logging configs over pages: %v, %d", got.Err, len(got.Resources))
	}
	found := 0
	for _, r := range got.Resources {
		if r.Name != zones[2] {
			continue
		}
		found++
		if r.ARN != "arn:aws:route53:::queryloggingconfig/"+r.ID || r.Details["hosted_zone_id"] != zones[2] || r.Details["log_group_arn"] != groupARN {
			t.Errorf("query logging config: %+v", r)
		}
		collecttest.HasEdges(t, got, r.ID+" -logs-> route53/hosted-zone:"+zones[2], r.ID+" -logs-to-> logs/log-group:"+group)
	}
	if found != 1 {
		t.Errorf("%d configurations of zone %s", found, zones[2])
	}
	denied := collecttest.ConfigWith(t, "us-east-1", awsx.Options{Responder: collecttest.Deny("ListQueryLoggingConfigs")})
	collecttest.AssertDenied(t, collecttest.Run(t, denied, collector.Service, "query-logging-config", model.GlobalRegion))
}
