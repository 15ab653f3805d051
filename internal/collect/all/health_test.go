package all_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/health"
	"github.com/aws/aws-sdk-go-v2/service/health/types"
	"github.com/aws/smithy-go"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/health"
)

var healthPaged = collecttest.Paged{Cap: 2}

var healthStart = time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)

func eventARN(region, id string) string {
	return "arn:aws:health:" + region + "::event/EC2/AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED/" + id
}

// canned answers DescribeEvents (moto has no Health) with four events over
// two pages: in eu-west-1, in ap-south-1 (outside the scan) and global;
// it checks the filter asks for open and upcoming events only.
var healthCanned = map[string]func(any) (any, error){
	"DescribeEvents": func(in any) (any, error) {
		i := in.(*health.DescribeEventsInput)
		if i.Filter == nil || fmt.Sprint(i.Filter.EventStatusCodes) != "[open upcoming]" {
			return nil, fmt.Errorf("want open and upcoming events only: %+v", i.Filter)
		}
		var all []types.Event
		for n, region := range []string{"eu-west-1", "eu-west-1", "ap-south-1", "global"} {
			id := fmt.Sprint("retire-", n)
			all = append(all, types.Event{Arn: aws.String(eventARN(region, id)), Region: aws.String(region), Service: aws.String("EC2"),
				EventTypeCode: aws.String("AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED"), EventTypeCategory: "scheduledChange", StatusCode: "upcoming",
				EventScopeCode: "ACCOUNT_SPECIFIC", Actionability: "ACTION_REQUIRED", Personas: []types.EventPersona{"OPERATIONS"}, StartTime: &healthStart,
				LastUpdatedTime: &healthStart})
		}
		page, next := collecttest.Page(all, i.NextToken, 2)
		return &health.DescribeEventsOutput{Events: page, NextToken: next}, nil
	},
}

func TestHealthEvents(t *testing.T) {
	collecttest.Require(t)
	cfg := collecttest.ConfigWith(t, "us-east-1", awsx.Options{Responder: collecttest.Canned(healthCanned)})
	got := healthPaged.Run(t, cfg, collector.Service, "event", "eu-west-1")
	if got.Err != nil || len(got.Resources) != 3 {
		t.Fatalf("events: %v, %d (want the ap-south-1 one dropped)", got.Err, len(got.Resources))
	}
	e, global := got.ByID()["retire-1"], got.ByID()["retire-3"]
	if e == nil || e.Region != "eu-west-1" || e.ARN != eventARN("eu-west-1", "retire-1") || e.Name != "AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED" ||
		e.Details["category"] != "scheduledChange" || e.Details["status"] != "upcoming" || e.Details["actionability"] != "ACTION_REQUIRED" ||
		e.Details["start_time"] != "2026-12-01T00:00:00Z" || e.Details["end_time"] != "" || fmt.Sprint(e.Details["personas"]) != "[OPERATIONS]" {
		t.Errorf("event: %+v", e)
	}
	if global == nil || global.Region != "global" {
		t.Errorf("global event: %+v", global)
	}
}

func TestHealthDenied(t *testing.T) {
	collecttest.Require(t)
	cfg := collecttest.ConfigWith(t, "us-east-1", awsx.Options{Responder: collecttest.Deny("DescribeEvents")})
	collecttest.AssertDenied(t, healthPaged.Run(t, cfg, collector.Service, "event", "eu-west-1"))

	// Without a Business or Enterprise support plan the API refuses: the
	// engine reports it as not applicable, the collector passes it on.
	cfg = collecttest.ConfigWith(t, "us-east-1", awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){
		"DescribeEvents": func(any) (any, error) {
			return nil, &smithy.GenericAPIError{Code: "SubscriptionRequiredException", Message: "no premium support"}
		}})})
	got := healthPaged.Run(t, cfg, collector.Service, "event", "eu-west-1")
	if awsx.Classify(got.Err) != awsx.Unsupported {
		t.Errorf("want an unsupported answer: %v", got.Err)
	}
}
