package all_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs/types"
	"github.com/aws/aws-sdk-go-v2/service/kinesis"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/logs"
)

const logsAccount = collecttest.MotoAccount

// TestSubscriptionFilters reads filters over several pages of log groups:
// six groups each send to /central, /app also to a Kinesis stream.
func TestLogsSubscriptionFilters(t *testing.T) {
	collecttest.Setup(t)
	ctx := context.Background()
	cfg := collecttest.Config(t, region, nil)
	api := cloudwatchlogs.NewFromConfig(cfg)
	if _, err := kinesis.NewFromConfig(cfg).CreateStream(ctx, &kinesis.CreateStreamInput{StreamName: aws.String("events"), ShardCount: aws.Int32(1)}); err != nil {
		t.Fatal(err)
	}
	groups := []string{"/central", "/app"}
	for i := range 5 {
		groups = append(groups, fmt.Sprint("/svc", i))
	}
	for _, g := range groups {
		if _, err := api.CreateLogGroup(ctx, &cloudwatchlogs.CreateLogGroupInput{LogGroupName: aws.String(g)}); err != nil {
			t.Fatal(err)
		}
	}
	put := func(group, name, dest, role string) {
		t.Helper()
		in := &cloudwatchlogs.PutSubscriptionFilterInput{LogGroupName: aws.String(group), FilterName: aws.String(name), FilterPattern: aws.String("ERROR"),
			DestinationArn: aws.String(dest)}
		if role != "" {
			in.RoleArn = aws.String(role)
		}
		if _, err := api.PutSubscriptionFilter(ctx, in); err != nil {
			t.Fatal(err)
		}
	}
	for _, g := range groups[1:] {
		put(g, "to-central", "arn:aws:logs:"+region+":"+logsAccount+":log-group:/central:*", "")
	}
	put("/app", "to-kinesis", "arn:aws:kinesis:"+region+":"+logsAccount+":stream/events", "arn:aws:iam::"+logsAccount+":role/cwl-to-kinesis")

	got := collecttest.Run(t, cfg, collector.Service, "subscription-filter", region)
	if got.Err != nil || len(got.Resources) != 7 {
		t.Fatalf("subscription filters: %v, %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	f := got.ByID()["/app:to-kinesis"]
	if f == nil || f.Name != "to-kinesis" || f.Details["log_group"] != "/app" || f.Details["pattern"] != "ERROR" ||
		f.Details["destination_arn"] != "arn:aws:kinesis:"+region+":"+logsAccount+":stream/events" {
		t.Fatalf("filter: %+v", f)
	}
	collecttest.HasEdges(t, got, "/app:to-kinesis -filters-> logs/log-group:/app", "/app:to-kinesis -delivers-to-> kinesis/stream:events",
		"/app:to-kinesis -assumes-role-> iam/role:cwl-to-kinesis", "/svc4:to-central -delivers-to-> logs/log-group:/central")

	// A group whose filters cannot be read is a warning, not a failure.
	cfg = collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("DescribeSubscriptionFilters")})
	got = collecttest.Run(t, cfg, collector.Service, "subscription-filter", region)
	if got.Err != nil || len(got.Resources) != 0 || len(got.Task.Warnings()) != len(groups) {
		t.Fatalf("want a warning per group: %v, %d, %d", got.Err, len(got.Resources), len(got.Task.Warnings()))
	}
}

func TestLogsDeliveries(t *testing.T) {
	collecttest.Setup(t)
	ctx := context.Background()
	cfg := collecttest.Config(t, region, nil)
	api := cloudwatchlogs.NewFromConfig(cfg)
	for i := range 3 {
		if _, err := api.PutDeliverySource(ctx, &cloudwatchlogs.PutDeliverySourceInput{Name: aws.String(fmt.Sprint("cf", i)), LogType: aws.String("ACCESS_LOGS"),
			ResourceArn: aws.String(fmt.Sprintf("arn:aws:cloudfront::%s:distribution/E%d", logsAccount, i)), Tags: map[string]string{"n": fmt.Sprint(i)}}); err != nil {
			t.Fatal(err)
		}
	}
	dst, err := api.PutDeliveryDestination(ctx, &cloudwatchlogs.PutDeliveryDestinationInput{Name: aws.String("to-s3"), OutputFormat: types.OutputFormatParquet,
		DeliveryDestinationConfiguration: &types.DeliveryDestinationConfiguration{DestinationResourceArn: aws.String("arn:aws:s3:::access-logs/cf")},
		Tags:                             map[string]string{"Env": "prod"}})
	if err != nil {
		t.Fatal(err)
	}
	delivery, err := api.CreateDelivery(ctx, &cloudwatchlogs.CreateDeliveryInput{DeliverySourceName: aws.String("cf1"), DeliveryDestinationArn: dst.DeliveryDestination.Arn})
	if err != nil {
		t.Fatal(err)
	}

	got := collecttest.Run(t, cfg, collector.Service, "delivery-source", region)
	if got.Err != nil || len(got.Resources) != 3 {
		t.Fatalf("sources: %v, %d", got.Err, len(got.Resources))
	}
	s := got.ByID()["cf2"]
	if s.Tags["n"] != "2" || s.Details["log_type"] != "ACCESS_LOGS" || s.Details["source_service"] != "cloudfront" || s.ARN == "" ||
		fmt.Sprint(s.Details["resource_arns"]) != "[arn:aws:cloudfront::"+logsAccount+":distribution/E2]" {
		t.Errorf("source: %+v", s)
	}

	got = collecttest.Run(t, cfg, collector.Service, "delivery-destination", region)
	if got.Err != nil || len(got.Resources) != 1 {
		t.Fatalf("destinations: %v, %d", got.Err, len(got.Resources))
	}
	d := got.Resources[0]
	if d.ID != "to-s3" || d.ARN != aws.ToString(dst.DeliveryDestination.Arn) || d.Tags["Env"] != "prod" || d.Details["output_format"] != "parquet" ||
		d.Details["destination_type"] != "S3" || d.Details["destination_arn"] != "arn:aws:s3:::access-logs/cf" {
		t.Errorf("destination: %+v", d)
	}
	collecttest.HasEdges(t, got, "to-s3 -delivers-to-> s3/bucket:access-logs")

	got = collecttest.Run(t, cfg, collector.Service, "delivery", region)
	if got.Err != nil || len(got.Resources) != 1 {
		t.Fatalf("deliveries: %v, %d", got.Err, len(got.Resources))
	}
	id := aws.ToString(delivery.Delivery.Id)
	if r := got.Resources[0]; r.ID != id || r.Details["source"] != "cf1" || r.Details["destination_type"] != "S3" {
		t.Errorf("delivery: %+v", r)
	}
	collecttest.HasEdges(t, got, id+" -from-> logs/delivery-source:cf1", id+" -to-> logs/delivery-destination:to-s3")
}

func TestLogsPoliciesAndQueries(t *testing.T) {
	collecttest.Setup(t)
	ctx := context.Background()
	modified := time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC).UnixMilli()
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){
		"DescribeQueryDefinitions": func(in any) (any, error) {
			all := []types.QueryDefinition{
				{QueryDefinitionId: aws.String("q-1"), Name: aws.String("errors/by-host"), QueryString: aws.String("fields @message | filter @message like /ERROR/"),
					LogGroupNames: []string{"/app", "/web"}, QueryLanguage: types.QueryLanguageCwli, LastModified: &modified},
				{QueryDefinitionId: aws.String("q-2"), Name: aws.String("all")},
				{QueryDefinitionId: aws.String("q-3"), Name: aws.String("sql"), QueryLanguage: types.QueryLanguageSql},
			}
			page, next := collecttest.Page(all, in.(*cloudwatchlogs.DescribeQueryDefinitionsInput).NextToken, 2)
			return &cloudwatchlogs.DescribeQueryDefinitionsOutput{QueryDefinitions: page, NextToken: next}, nil
		},
	})})
	policy := `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"route53.amazonaws.com"},"Action":"logs:PutLogEvents","Resource":"*"}]}`
	for _, name := range []string{"route53-query-logging", "es-logs"} {
		if _, err := cloudwatchlogs.NewFromConfig(cfg).PutResourcePolicy(ctx, &cloudwatchlogs.PutResourcePolicyInput{PolicyName: aws.String(name), PolicyDocument: aws.String(policy)}); err != nil {
			t.Fatal(err)
		}
	}
	got := collecttest.Run(t, cfg, collector.Service, "resource-policy", region)
	if got.Err != nil || len(got.Resources) != 2 {
		t.Fatalf("policies: %v, %d", got.Err, len(got.Resources))
	}
	p := got.ByID()["route53-query-logging"]
	if fmt.Sprint(p.Details["policy"].(map[string]any)["Statement"]) != "[map[Action:logs:PutLogEvents Effect:Allow Principal:map[Service:route53.amazonaws.com] Resource:*]]" ||
		p.Details["last_updated"] == "" {
		t.Errorf("policy: %+v", p.Details)
	}

	got = collecttest.Run(t, cfg, collector.Service, "query-definition", region)
	if got.Err != nil || len(got.Resources) != 3 {
		t.Fatalf("queries: %v, %d", got.Err, len(got.Resources))
	}
	q := got.ByID()["q-1"]
	if q.Name != "errors/by-host" || q.Details["language"] != "CWLI" || q.Details["last_modified"] != "2026-10-01T00:00:00Z" ||
		q.Details["query"] != "fields @message | filter @message like /ERROR/" {
		t.Errorf("query: %+v", q)
	}
	collecttest.HasEdges(t, got, "q-1 -queries-> logs/log-group:/app", "q-1 -queries-> logs/log-group:/web")
}

func TestLogsNewTypesDenied(t *testing.T) {
	collecttest.Setup(t)
	for typ, op := range map[string]string{"subscription-filter": "DescribeLogGroups", "delivery-source": "DescribeDeliverySources",
		"delivery-destination": "DescribeDeliveryDestinations", "delivery": "DescribeDeliveries", "resource-policy": "DescribeResourcePolicies",
		"query-definition": "DescribeQueryDefinitions"} {
		cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny(op)})
		collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, typ, region))
	}
}
