// Package apigatewayv2 collects API Gateway HTTP and WebSocket APIs (v2) and
// their stages.
package apigatewayv2

import (
	"context"
	"strconv"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/apigatewayv2"
	"github.com/aws/aws-sdk-go-v2/service/apigatewayv2/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the API Gateway v2 (HTTP and WebSocket APIs) collector.
var Service = &collect.Service{
	Name:        "apigatewayv2",
	Description: "API Gateway HTTP and WebSocket APIs, stages, custom domain names and VPC links",
	Types: []collect.Type{
		{Name: "api", Description: "HTTP or WebSocket API (id = API id)", Fields: apiFields.Declared(), Tags: collect.TagsListed, Collect: apis},
		{Name: "stage", Description: "HTTP/WebSocket API stage (id = apiId/stageName)", Fields: stageFields.Declared(), Tags: collect.TagsListed, Collect: stages},
		{Name: "domain-name", Description: "custom domain name of HTTP/WebSocket APIs (id = the name): TLS policy, certificate", Fields: domainNameFields.Declared(),
			Tags: collect.TagsListed, Collect: domainNames},
		{Name: "vpc-link", Description: "VPC link of HTTP APIs into private subnets (id = link id)", Fields: vpcLinkFields.Declared(), Tags: collect.TagsListed, Collect: vpcLinks},
	},
	Calls: "GetApis (paged) once for api and stage; stage: GetStages per API. domain-name: GetDomainNames. vpc-link: GetVpcLinks",
	Relations: []collect.Relation{
		{From: "stage", Kind: "member-of", To: "apigatewayv2/api"},
		{From: "domain-name", Kind: "uses-certificate", To: "acm/certificate"},
		{From: "vpc-link", Kind: "in-subnet", To: "ec2/subnet"},
		{From: "vpc-link", Kind: "uses-security-group", To: "ec2/security-group"},
	},
}

// pageSize is the MaxResults to send: this API takes it as a string.
func pageSize(t *collect.Task) *string { return aws.String(strconv.Itoa(int(*t.PageSize(500)))) }

// arn builds an API Gateway ARN: they carry no account id.
func arn(t *collect.Task, path string) string {
	return collect.AccountlessARN(t, "apigateway", t.Region, path)
}

// apiList are the region's APIs, listed once for the api and stage types.
func apiList(ctx context.Context, t *collect.Task, client *apigatewayv2.Client) ([]types.Api, error) {
	p := collect.NewTokenPager(func(ctx context.Context, token *string, optFns ...func(*apigatewayv2.Options)) (*apigatewayv2.GetApisOutput, error) {
		return client.GetApis(ctx, &apigatewayv2.GetApisInput{MaxResults: pageSize(t), NextToken: token}, optFns...)
	}, func(page *apigatewayv2.GetApisOutput) *string { return page.NextToken })
	return collect.ReuseItems(ctx, t, "GetApis", p, func(page *apigatewayv2.GetApisOutput) []types.Api { return page.Items })
}

var apiFields = collect.Fields[types.Api]{
	collect.Enum("protocol_type", "HTTP or WEBSOCKET", func(a types.Api) types.ProtocolType { return a.ProtocolType }),
	collect.Text("endpoint", "default execute-api endpoint URL", func(a types.Api) *string { return a.ApiEndpoint }),
	collect.Text("description", "API description", func(a types.Api) *string { return a.Description }),
	collect.Bool("disable_execute_api_endpoint", "the default execute-api endpoint is disabled", func(a types.Api) *bool { return a.DisableExecuteApiEndpoint }),
	collect.Bool("api_gateway_managed", "managed by API Gateway (quick create); not editable", func(a types.Api) *bool { return a.ApiGatewayManaged }),
	collect.Text("version", "API version label", func(a types.Api) *string { return a.Version }),
}

func apis(ctx context.Context, t *collect.Task) error {
	items, err := apiList(ctx, t, apigatewayv2.NewFromConfig(t.Config))
	emitAPIs(t, items)
	return err
}

func emitAPIs(t *collect.Task, items []types.Api) {
	for _, a := range items {
		id := aws.ToString(a.ApiId)
		t.Emit(&model.Resource{
			Key:       t.Key("api", id),
			ARN:       arn(t, "/apis/"+id),
			Name:      aws.ToString(a.Name),
			CreatedAt: model.Time(a.CreatedDate),
			Tags:      a.Tags,
			Details:   apiFields.Details(a),
		})
	}
}

// stage is a listed stage with the id of its API.
type stage struct {
	types.Stage
	apiID string
}

func hasRouteSettings(s stage) bool { return s.DefaultRouteSettings != nil }

var stageFields = collect.Fields[stage]{
	collect.Computed("api_id", model.Text, "API of the stage", func(s stage) any { return s.apiID }),
	collect.Text("deployment_id", "deployment the stage serves", func(s stage) *string { return s.DeploymentId }),
	collect.Text("description", "stage description", func(s stage) *string { return s.Description }),
	collect.Bool("auto_deploy", "changes to the API are deployed automatically", func(s stage) *bool { return s.AutoDeploy }),
	collect.Text("access_log_destination", "ARN receiving access logs, empty when off", func(s stage) *string {
		if s.AccessLogSettings == nil {
			return nil
		}
		return s.AccessLogSettings.DestinationArn
	}),
	collect.When(hasRouteSettings, collect.Enum("logging_level", "default route execution logging (WebSocket): OFF, ERROR or INFO", func(s stage) types.LoggingLevel {
		return s.DefaultRouteSettings.LoggingLevel
	})),
	collect.When(hasRouteSettings, collect.Bool("detailed_metrics_enabled", "per-route CloudWatch metrics by default", func(s stage) *bool {
		return s.DefaultRouteSettings.DetailedMetricsEnabled
	})),
	collect.Timestamp("last_updated", "last stage update", func(s stage) *time.Time { return s.LastUpdatedDate }),
}

func stages(ctx context.Context, t *collect.Task) error {
	client := apigatewayv2.NewFromConfig(t.Config)
	items, err := apiList(ctx, t, client)
	stagesOf(ctx, t, client, items)
	return err
}

func stagesOf(ctx context.Context, t *collect.Task, client *apigatewayv2.Client, items []types.Api) {
	collect.ForEach(ctx, items, func(ctx context.Context, a types.Api) {
		id := aws.ToString(a.ApiId)
		in := &apigatewayv2.GetStagesInput{ApiId: a.ApiId, MaxResults: pageSize(t)}
		for {
			page, err := client.GetStages(ctx, in)
			if err != nil {
				t.Warn("GetStages", err)
				return
			}
			for _, s := range page.Items {
				emitStage(t, id, s)
			}
			if aws.ToString(page.NextToken) == "" {
				return
			}
			in.NextToken = page.NextToken
		}
	})
}

func emitStage(t *collect.Task, apiID string, s types.Stage) {
	name := aws.ToString(s.StageName)
	key := t.Key("stage", apiID+"/"+name)
	t.Emit(&model.Resource{
		Key:       key,
		ARN:       arn(t, "/apis/"+apiID+"/stages/"+name),
		Name:      name,
		CreatedAt: model.Time(s.CreatedDate),
		Tags:      s.Tags,
		Details:   stageFields.Details(stage{Stage: s, apiID: apiID}),
	})
	t.Relate(key, "member-of", t.Key("api", apiID))
}
