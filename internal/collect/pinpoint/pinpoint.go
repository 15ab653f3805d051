// Package pinpoint collects Amazon Pinpoint (End User Messaging) projects,
// the apps of the Pinpoint API, with where their events stream to.
package pinpoint

import (
	"context"
	"strconv"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/pinpoint"
	"github.com/aws/aws-sdk-go-v2/service/pinpoint/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the Pinpoint collector.
var Service = &collect.Service{
	Name:        "pinpoint",
	Description: "Pinpoint projects (apps) and their event streams",
	Types: []collect.Type{
		{Name: "app", Description: "Pinpoint project (id = application id), with the Kinesis or Firehose stream its events go to",
			Fields: appFields.Declared(), Tags: collect.TagsListed, Collect: apps, DetailCalls: 1},
	},
	Calls: "app: GetApps (tags included) + per app GetEventStream",
	Relations: []collect.Relation{
		{From: "app", Kind: "streams-to", To: "kinesis/stream"},
		{From: "app", Kind: "streams-to", To: "firehose/delivery-stream"},
		{From: "app", Kind: "assumes-role", To: "iam/role"},
	},
}

// app is a project with its event stream: nil when it has none or the
// call failed (known then says which).
type app struct {
	types.ApplicationResponse
	stream *types.EventStream
	known  bool
}

func hasStreamAnswer(a app) bool { return a.known }

// streamField reads a field of the app's event stream, nil when it has none.
func streamField(get func(*types.EventStream) *string) func(a app) *string {
	return func(a app) *string {
		if a.stream == nil {
			return nil
		}
		return get(a.stream)
	}
}

var appFields = collect.Fields[app]{
	collect.When(hasStreamAnswer, collect.Text("event_stream_arn", "Kinesis data stream or Firehose delivery stream the project's events go to; empty: none",
		streamField(func(s *types.EventStream) *string { return s.DestinationStreamArn }))),
	collect.When(hasStreamAnswer, collect.Text("event_stream_role_arn", "role Pinpoint writes the events with",
		streamField(func(s *types.EventStream) *string { return s.RoleArn }))),
}

func appsOf(page *pinpoint.GetAppsOutput) []types.ApplicationResponse {
	if page.ApplicationsResponse == nil {
		return nil
	}
	return page.ApplicationsResponse.Item
}

func apps(ctx context.Context, t *collect.Task) error {
	api := pinpoint.NewFromConfig(t.Config)
	size := aws.String(strconv.Itoa(int(*t.PageSize(1000))))
	p := collect.NewTokenPager(func(ctx context.Context, token *string, optFns ...func(*pinpoint.Options)) (*pinpoint.GetAppsOutput, error) {
		return api.GetApps(ctx, &pinpoint.GetAppsInput{Token: token, PageSize: size}, optFns...)
	}, func(out *pinpoint.GetAppsOutput) *string {
		if out.ApplicationsResponse == nil {
			return nil
		}
		return out.ApplicationsResponse.NextToken
	})
	return collect.EachItem(ctx, p, appsOf, func(ctx context.Context, r types.ApplicationResponse) {
		a := app{ApplicationResponse: r}
		out, err := api.GetEventStream(ctx, &pinpoint.GetEventStreamInput{ApplicationId: r.Id})
		t.Warn("GetEventStream", err) // not found: no event stream
		a.known = err == nil || awsx.IsNotFound(err)
		if err == nil {
			a.stream = out.EventStream
		}
		id := aws.ToString(r.Id)
		key := t.Key("app", id)
		t.Emit(&model.Resource{Key: key, Name: aws.ToString(r.Name), ARN: aws.ToString(r.Arn), CreatedAt: collect.TimeText(r.CreationDate),
			Tags: r.Tags, Details: appFields.Details(a)})
		if a.stream != nil {
			if k, ok := collect.StreamKey(aws.ToString(a.stream.DestinationStreamArn)); ok {
				t.Relate(key, "streams-to", k)
			}
			if role := aws.ToString(a.stream.RoleArn); role != "" {
				t.Relate(key, "assumes-role", t.Role(role))
			}
		}
	})
}
