package all_test

import (
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/detective"
	"github.com/aws/aws-sdk-go-v2/service/detective/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/detective"
)

var detectiveCreated = time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC)

const graphARN = "arn:aws:detective:" + region + ":" + collecttest.MotoAccount + ":graph:0123456789abcdef"

// estate cans Detective, which moto 5.2.1 does not serve: one graph with
// three members over two pages.
var detectiveEstate = map[string]func(any) (any, error){
	"ListGraphs": func(any) (any, error) {
		return &detective.ListGraphsOutput{GraphList: []types.Graph{{Arn: aws.String(graphARN), CreatedTime: &detectiveCreated}}}, nil
	},
	"ListMembers": func(in any) (any, error) {
		if aws.ToString(in.(*detective.ListMembersInput).NextToken) == "" {
			return &detective.ListMembersOutput{NextToken: aws.String("2"), MemberDetails: []types.MemberDetail{{AccountId: aws.String("1")}, {AccountId: aws.String("2")}}}, nil
		}
		return &detective.ListMembersOutput{MemberDetails: []types.MemberDetail{{AccountId: aws.String("3")}}}, nil
	},
	"ListTagsForResource": func(any) (any, error) {
		return &detective.ListTagsForResourceOutput{Tags: map[string]string{"Team": "sec"}}, nil
	},
}

func detectiveRun(t *testing.T, answers map[string]func(any) (any, error)) collecttest.Result {
	t.Helper()
	collecttest.Setup(t)
	return collecttest.Run(t, collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(answers)}), collector.Service, "graph", region)
}

func TestDetectiveGraphs(t *testing.T) {
	got := detectiveRun(t, detectiveEstate)
	if got.Err != nil || len(got.Resources) != 1 {
		t.Fatalf("graphs: %v %v", got.Err, got.Resources)
	}
	collecttest.AssertNoWarnings(t, got)
	g := got.ByID()["0123456789abcdef"]
	if g == nil || g.ARN != graphARN || g.Tags["Team"] != "sec" || g.CreatedAt != "2026-07-01T00:00:00Z" || g.Details["member_count"] != 3 {
		t.Errorf("graph: %+v", g)
	}
}

func TestDetectiveNotEnabledAndDenied(t *testing.T) {
	got := detectiveRun(t, map[string]func(any) (any, error){"ListGraphs": func(any) (any, error) { return &detective.ListGraphsOutput{}, nil }})
	if awsx.Classify(got.Err) != awsx.Unsupported || awsx.ErrorMessage(got.Err) != "Amazon Detective is not enabled in eu-west-1" {
		t.Errorf("want NotEnabled, got %v", got.Err)
	}
	collecttest.AssertDenied(t, detectiveRun(t, map[string]func(any) (any, error){"ListGraphs": collecttest.Denied("ListGraphs")}))
	partial := map[string]func(any) (any, error){"ListGraphs": detectiveEstate["ListGraphs"], "ListMembers": collecttest.Denied("ListMembers"),
		"ListTagsForResource": collecttest.Denied("ListTagsForResource")}
	got = detectiveRun(t, partial)
	if got.Err != nil || len(got.Resources) != 1 || len(got.Task.Warnings()) != 2 {
		t.Fatalf("want the graph with two warnings, got %v, %v", got.Err, got.Task.Warnings())
	}
	if _, ok := got.Resources[0].Details["member_count"]; ok {
		t.Errorf("member count should be unknown")
	}
}
