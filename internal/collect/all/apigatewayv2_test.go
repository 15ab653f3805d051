package all_test

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/apigatewayv2"
	"github.com/aws/aws-sdk-go-v2/service/apigatewayv2/types"

	"github.com/awsmap/awsmap/internal/awsx"
	collector "github.com/awsmap/awsmap/internal/collect/apigatewayv2"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
)

// createAPI makes an HTTP API with a tagged, auto-deployed, logged "prod" stage.
func createAPI(t *testing.T, api *apigatewayv2.Client) string {
	t.Helper()
	ctx := context.Background()
	out, err := api.CreateApi(ctx, &apigatewayv2.CreateApiInput{Name: aws.String("orders"), ProtocolType: types.ProtocolTypeHttp,
		Description: aws.String("orders API"), DisableExecuteApiEndpoint: aws.Bool(true), Tags: map[string]string{"team": "orders"}})
	if err != nil {
		t.Fatal(err)
	}
	id := aws.ToString(out.ApiId)
	if _, err := api.CreateStage(ctx, &apigatewayv2.CreateStageInput{ApiId: out.ApiId, StageName: aws.String("prod"), AutoDeploy: aws.Bool(true),
		AccessLogSettings: &types.AccessLogSettings{DestinationArn: aws.String("arn:aws:logs:eu-west-1:1:log-group:access"), Format: aws.String("$context.requestId")},
		Tags:              map[string]string{"env": "prod"}}); err != nil {
		t.Fatal(err)
	}
	return id
}

func TestApigatewayv2APIsAndStages(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.Config(t, region, nil)
	id := createAPI(t, apigatewayv2.NewFromConfig(cfg))

	got := collecttest.Run(t, cfg, collector.Service, "api", region)
	if got.Err != nil {
		t.Fatal(got.Err)
	}
	a := got.ByID()[id]
	if a == nil || a.Name != "orders" || a.Tags["team"] != "orders" || a.CreatedAt == "" || a.ARN != "arn:aws:apigateway:eu-west-1::/apis/"+id ||
		a.Details["protocol_type"] != "HTTP" || a.Details["disable_execute_api_endpoint"] != true || a.Details["endpoint"] == "" {
		t.Fatalf("API wrong: %+v", a)
	}

	got = collecttest.Run(t, cfg, collector.Service, "stage", region)
	if got.Err != nil {
		t.Fatal(got.Err)
	}
	s := got.ByID()[id+"/prod"]
	if s == nil || s.Tags["env"] != "prod" || s.Details["auto_deploy"] != true ||
		s.Details["access_log_destination"] != "arn:aws:logs:eu-west-1:1:log-group:access" || s.Details["api_id"] != id {
		t.Fatalf("stage wrong: %+v", s)
	}
	if want := id + "/prod -member-of-> apigatewayv2/api:" + id; !slices.Contains(got.Edges(), want) {
		t.Errorf("missing %s in %v", want, got.Edges())
	}
}

// pages answers a list call from items, n per page, keyed by a numeric NextToken.
func apigatewayv2Pages[T any](items []T, token *string, max *string) ([]T, *string) {
	start, n := 0, 0
	fmt.Sscan(aws.ToString(token), &start)
	fmt.Sscan(aws.ToString(max), &n)
	end := min(start+n, len(items))
	if end < len(items) {
		return items[start:end], aws.String(fmt.Sprint(end))
	}
	return items[start:end], nil
}

// moto ignores MaxResults on GetApis and GetStages: page canned answers to
// check the hand-written token loops.
func TestApigatewayv2Paging(t *testing.T) {
	collecttest.Require(t)
	var all []types.Api
	for i := range 7 {
		all = append(all, types.Api{ApiId: aws.String(fmt.Sprintf("a%d", i)), Name: aws.String("x"), ProtocolType: types.ProtocolTypeWebsocket})
	}
	var st []types.Stage
	for i := range 6 {
		st = append(st, types.Stage{StageName: aws.String(fmt.Sprintf("s%d", i))})
	}
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){
		"GetApis": func(in any) (any, error) {
			req := in.(*apigatewayv2.GetApisInput)
			items, next := apigatewayv2Pages(all, req.NextToken, req.MaxResults)
			return &apigatewayv2.GetApisOutput{Items: items, NextToken: next}, nil
		},
		"GetStages": func(in any) (any, error) {
			req := in.(*apigatewayv2.GetStagesInput)
			items, next := apigatewayv2Pages(st, req.NextToken, req.MaxResults)
			return &apigatewayv2.GetStagesOutput{Items: items, NextToken: next}, nil
		},
	})})
	got := collecttest.Run(t, cfg, collector.Service, "api", region)
	if got.Err != nil || len(got.Resources) != 7 {
		t.Fatalf("err %v, %d APIs, want 7", got.Err, len(got.Resources))
	}
	got = collecttest.Run(t, cfg, collector.Service, "stage", region)
	if got.Err != nil || len(got.Resources) != 7*6 || got.ByID()["a6/s5"] == nil {
		t.Fatalf("err %v, %d stages, want 42", got.Err, len(got.Resources))
	}
}

func TestApigatewayv2Denied(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("GetApis")})
	got := collecttest.Run(t, cfg, collector.Service, "api", region)
	collecttest.AssertDenied(t, got)

	createAPI(t, apigatewayv2.NewFromConfig(collecttest.Config(t, region, nil)))
	cfg = collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("GetStages")})
	got = collecttest.Run(t, cfg, collector.Service, "stage", region)
	if got.Err != nil || len(got.Resources) != 0 || len(got.Task.Warnings()) != 1 {
		t.Fatalf("err %v, %d resources, warnings %v", got.Err, len(got.Resources), got.Task.Warnings())
	}
}
