package all_test

import (
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/pinpoint"
	"github.com/aws/aws-sdk-go-v2/service/pinpoint/types"
	"github.com/aws/smithy-go"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/pinpoint"
)

var pinpointPaged = collecttest.Paged{Cap: 2}

// canned answers Pinpoint: moto sends CreationDate as a number where the
// SDK reads a string, so its GetApps cannot be read. Three apps over two
// pages: a0 streams to Kinesis, a1 to Firehose, a2 has no event stream.
var pinpointCanned = map[string]func(any) (any, error){
	"GetApps": func(in any) (any, error) {
		i := in.(*pinpoint.GetAppsInput)
		if aws.ToString(i.PageSize) != "2" {
			return nil, fmt.Errorf("page size %q, want the test's cap", aws.ToString(i.PageSize))
		}
		var all []types.ApplicationResponse
		for n := range 3 {
			id := fmt.Sprint("a", n)
			all = append(all, types.ApplicationResponse{Id: aws.String(id), Name: aws.String(fmt.Sprint("shop", n)), CreationDate: aws.String("2026-01-02T03:04:05.000Z"),
				Arn: aws.String("arn:aws:mobiletargeting:" + region + ":" + account + ":apps/" + id), Tags: map[string]string{"n": fmt.Sprint(n)}})
		}
		page, next := collecttest.Page(all, i.Token, 2)
		return &pinpoint.GetAppsOutput{ApplicationsResponse: &types.ApplicationsResponse{Item: page, NextToken: next}}, nil
	},
	"GetEventStream": func(in any) (any, error) {
		role := aws.String("arn:aws:iam::" + account + ":role/pinpoint-events")
		switch aws.ToString(in.(*pinpoint.GetEventStreamInput).ApplicationId) {
		case "a0":
			return &pinpoint.GetEventStreamOutput{EventStream: &types.EventStream{RoleArn: role,
				DestinationStreamArn: aws.String("arn:aws:kinesis:" + region + ":" + account + ":stream/events")}}, nil
		case "a1":
			return &pinpoint.GetEventStreamOutput{EventStream: &types.EventStream{RoleArn: role,
				DestinationStreamArn: aws.String("arn:aws:firehose:us-east-1:" + account + ":deliverystream/events")}}, nil
		}
		return nil, &smithy.GenericAPIError{Code: "NotFoundException", Message: "Resource not found"}
	},
}

func TestPinpointApps(t *testing.T) {
	collecttest.Require(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(pinpointCanned)})
	got := pinpointPaged.Run(t, cfg, collector.Service, "app", region)
	if got.Err != nil || len(got.Resources) != 3 {
		t.Fatalf("apps: %v, %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	a0, a2 := got.ByID()["a0"], got.ByID()["a2"]
	if a0 == nil || a0.Name != "shop0" || a0.Tags["n"] != "0" || a0.CreatedAt != "2026-01-02T03:04:05Z" || a0.ARN != "arn:aws:mobiletargeting:"+region+":"+account+":apps/a0" ||
		a0.Details["event_stream_arn"] != "arn:aws:kinesis:"+region+":"+account+":stream/events" {
		t.Fatalf("a0: %+v", a0)
	}
	if a2 == nil || a2.Details["event_stream_arn"] != "" || a2.Details["event_stream_role_arn"] != "" {
		t.Fatalf("a2 has no event stream: %+v", a2)
	}
	collecttest.HasEdges(t, got, "a0 -streams-to-> kinesis/stream:events", "a1 -streams-to-> firehose/delivery-stream:events",
		"a1 -assumes-role-> iam/role:pinpoint-events")
	for _, r := range got.Relationships {
		if r.From.ID == "a1" && r.Kind == "streams-to" && r.To.Region != "us-east-1" {
			t.Errorf("the Firehose stream is in the ARN's region: %+v", r.To)
		}
	}

	// A failed GetEventStream leaves the stream unknown, not absent.
	cfg = collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){
		"GetApps": pinpointCanned["GetApps"], "GetEventStream": collecttest.Denied("GetEventStream")})})
	got = pinpointPaged.Run(t, cfg, collector.Service, "app", region)
	if _, known := got.ByID()["a1"].Details["event_stream_arn"]; got.Err != nil || len(got.Task.Warnings()) != 3 || known {
		t.Fatalf("want 3 warnings and no stream: %v, %v, %v", got.Err, got.Task.Warnings(), got.ByID()["a1"].Details)
	}

	denied := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){"GetApps": collecttest.Denied("GetApps")})})
	collecttest.AssertDenied(t, pinpointPaged.Run(t, denied, collector.Service, "app", region))
}
