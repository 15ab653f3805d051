package all_test

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/apigateway"
	"github.com/aws/aws-sdk-go-v2/service/apigateway/types"

	"github.com/awsmap/awsmap/internal/awsx"
	collector "github.com/awsmap/awsmap/internal/collect/apigateway"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
)

// createAPIs makes n REST APIs; the first is private, tagged and has a
// "prod" stage with tracing and INFO logging.
func apigatewayCreateAPIs(t *testing.T, api *apigateway.Client, n int) (first string) {
	t.Helper()
	ctx := context.Background()
	for i := range n {
		in := &apigateway.CreateRestApiInput{Name: aws.String(fmt.Sprintf("api%d", i)), Description: aws.String("orders")}
		if i == 0 {
			in.EndpointConfiguration = &types.EndpointConfiguration{Types: []types.EndpointType{types.EndpointTypePrivate}}
			in.Tags = map[string]string{"team": "orders"}
			in.ApiKeySource = types.ApiKeySourceTypeAuthorizer
		}
		out, err := api.CreateRestApi(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			first = aws.ToString(out.Id)
		}
	}
	if _, err := api.PutMethod(ctx, &apigateway.PutMethodInput{RestApiId: aws.String(first), ResourceId: rootID(t, api, first),
		HttpMethod: aws.String("GET"), AuthorizationType: aws.String("NONE")}); err != nil {
		t.Fatal(err)
	}
	if _, err := api.PutIntegration(ctx, &apigateway.PutIntegrationInput{RestApiId: aws.String(first), ResourceId: rootID(t, api, first),
		HttpMethod: aws.String("GET"), Type: types.IntegrationTypeMock}); err != nil {
		t.Fatal(err)
	}
	if _, err := api.CreateDeployment(ctx, &apigateway.CreateDeploymentInput{RestApiId: aws.String(first), StageName: aws.String("prod")}); err != nil {
		t.Fatal(err)
	}
	if _, err := api.UpdateStage(ctx, &apigateway.UpdateStageInput{RestApiId: aws.String(first), StageName: aws.String("prod"),
		PatchOperations: []types.PatchOperation{
			{Op: types.OpReplace, Path: aws.String("/tracingEnabled"), Value: aws.String("true")},
			{Op: types.OpReplace, Path: aws.String("/*/*/logging/loglevel"), Value: aws.String("INFO")},
		}}); err != nil {
		t.Fatal(err)
	}
	return first
}

func rootID(t *testing.T, api *apigateway.Client, apiID string) *string {
	t.Helper()
	out, err := api.GetResources(context.Background(), &apigateway.GetResourcesInput{RestApiId: aws.String(apiID)})
	if err != nil || len(out.Items) == 0 {
		t.Fatalf("root resource: %v", err)
	}
	return out.Items[0].Id
}

func TestApigatewayRestAPIs(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.Config(t, region, nil)
	first := apigatewayCreateAPIs(t, apigateway.NewFromConfig(cfg), 7)
	got := collecttest.Run(t, cfg, collector.Service, "rest-api", region)
	if got.Err != nil {
		t.Fatal(got.Err)
	}
	byID := got.ByID()
	if len(byID) != 7 {
		t.Fatalf("want 7 APIs, got %d", len(byID))
	}
	a := byID[first]
	if a.Name != "api0" || a.Tags["team"] != "orders" || a.CreatedAt == "" || a.ARN != "arn:aws:apigateway:eu-west-1::/restapis/"+first ||
		fmt.Sprint(a.Details["endpoint_types"]) != "[PRIVATE]" || a.Details["api_key_source"] != "AUTHORIZER" || a.Details["description"] != "orders" {
		t.Errorf("API wrong: %#v", *a)
	}
}

func TestApigatewayStages(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.Config(t, region, nil)
	first := apigatewayCreateAPIs(t, apigateway.NewFromConfig(cfg), 2)
	got := collecttest.Run(t, cfg, collector.Service, "stage", region)
	if got.Err != nil {
		t.Fatal(got.Err)
	}
	s := got.ByID()[first+"/prod"]
	if len(got.Resources) != 1 || s == nil {
		t.Fatalf("want the prod stage, got %v", got.Resources)
	}
	checks := map[string]any{"rest_api_id": first, "tracing_enabled": true, "logging_level": "INFO", "cache_cluster_enabled": false}
	for k, want := range checks {
		if s.Details[k] != want {
			t.Errorf("details[%s] = %v, want %v", k, s.Details[k], want)
		}
	}
	if s.Name != "prod" || s.Details["deployment_id"] == "" || s.ARN != "arn:aws:apigateway:eu-west-1::/restapis/"+first+"/stages/prod" {
		t.Errorf("stage wrong: %#v", *s)
	}
	if want := first + "/prod -member-of-> apigateway/rest-api:" + first; !slices.Contains(got.Edges(), want) {
		t.Errorf("missing %s in %v", want, got.Edges())
	}
}

func TestApigatewayDenied(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("GetRestApis")})
	got := collecttest.Run(t, cfg, collector.Service, "rest-api", region)
	collecttest.AssertDenied(t, got)

	apigatewayCreateAPIs(t, apigateway.NewFromConfig(collecttest.Config(t, region, nil)), 1)
	cfg = collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("GetStages")})
	got = collecttest.Run(t, cfg, collector.Service, "stage", region)
	if got.Err != nil || len(got.Resources) != 0 || len(got.Task.Warnings()) != 1 {
		t.Fatalf("err %v, %d resources, warnings %v", got.Err, len(got.Resources), got.Task.Warnings())
	}
}
