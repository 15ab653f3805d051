// Package apigatewayv2 collects API Gateway HTTP and WebSocket APIs (v2) and
// their stages.
package apigatewayv2

import (
	"context"
	"strconv"

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
		{Name: "api", Description: "HTTP or WebSocket API (id = API id)", Fields: apiFields, Tags: collect.TagsListed, Collect: apis},
		{Name: "stage", Description: "HTTP/WebSocket API stage (id = apiId/stageName)", Fields: stageFields, Tags: collect.TagsListed, Collect: stages},
		{Name: "domain-name", Description: "custom domain name of HTTP/WebSocket APIs (id = the name): TLS policy, certificate", Fields: domainNameFields.Declared(),
			Tags: collect.TagsListed, Collect: domainNames},
		{Name: "vpc-link", Description: "VPC link of HTTP APIs into private subnets (id = link id)", Fields: vpcLinkFields.Declared(), Tags: collect.TagsListed, Collect: vpcLinks},
	},
	Calls: "api: 1 paged list. stage: GetStages per API. domain-name: GetDomainNames. vpc-link: GetVpcLinks",
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

// apiPages pages GetApis and runs fn on each page before fetching the next.
func apiPages(ctx context.Context, t *collect.Task, client *apigatewayv2.Client, fn func(items []types.Api)) error {
	return eachPage(ctx, func(ctx context.Context, token *string) ([]types.Api, *string, error) {
		page, err := client.GetApis(ctx, &apigatewayv2.GetApisInput{MaxResults: pageSize(t), NextToken: token})
		if err != nil {
			return nil, nil, err
		}
		return page.Items, page.NextToken, nil
	}, fn)
}

var apiFields = []model.Field{
	{Name: "protocol_type", Type: "text", Description: "HTTP or WEBSOCKET"},
	{Name: "endpoint", Type: "text", Description: "default execute-api endpoint URL"},
	{Name: "description", Type: "text", Description: "API description"},
	{Name: "disable_execute_api_endpoint", Type: "boolean", Description: "the default execute-api endpoint is disabled"},
	{Name: "api_gateway_managed", Type: "boolean", Description: "managed by API Gateway (quick create); not editable"},
	{Name: "version", Type: "text", Description: "API version label"},
}

func apis(ctx context.Context, t *collect.Task) error {
	return apiPages(ctx, t, apigatewayv2.NewFromConfig(t.Config), func(items []types.Api) {
		emitAPIs(t, items)
	})
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
			Details: map[string]any{
				"protocol_type":                string(a.ProtocolType),
				"endpoint":                     aws.ToString(a.ApiEndpoint),
				"description":                  aws.ToString(a.Description),
				"disable_execute_api_endpoint": aws.ToBool(a.DisableExecuteApiEndpoint),
				"api_gateway_managed":          aws.ToBool(a.ApiGatewayManaged),
				"version":                      aws.ToString(a.Version),
			},
		})
	}
}

var stageFields = []model.Field{
	{Name: "api_id", Type: "text", Description: "API of the stage"},
	{Name: "deployment_id", Type: "text", Description: "deployment the stage serves"},
	{Name: "description", Type: "text", Description: "stage description"},
	{Name: "auto_deploy", Type: "boolean", Description: "changes to the API are deployed automatically"},
	{Name: "access_log_destination", Type: "text", Description: "ARN receiving access logs, empty when off"},
	{Name: "logging_level", Type: "text", Description: "default route execution logging (WebSocket): OFF, ERROR or INFO"},
	{Name: "detailed_metrics_enabled", Type: "boolean", Description: "per-route CloudWatch metrics by default"},
	{Name: "last_updated", Type: "timestamp", Description: "last stage update"},
}

func stages(ctx context.Context, t *collect.Task) error {
	client := apigatewayv2.NewFromConfig(t.Config)
	return apiPages(ctx, t, client, func(items []types.Api) {
		stagesOf(ctx, t, client, items)
	})
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
	d := map[string]any{
		"api_id":                 apiID,
		"deployment_id":          aws.ToString(s.DeploymentId),
		"description":            aws.ToString(s.Description),
		"auto_deploy":            aws.ToBool(s.AutoDeploy),
		"access_log_destination": "",
		"last_updated":           model.Time(s.LastUpdatedDate),
	}
	if s.AccessLogSettings != nil {
		d["access_log_destination"] = aws.ToString(s.AccessLogSettings.DestinationArn)
	}
	if rs := s.DefaultRouteSettings; rs != nil {
		d["logging_level"] = string(rs.LoggingLevel)
		d["detailed_metrics_enabled"] = aws.ToBool(rs.DetailedMetricsEnabled)
	}
	key := t.Key("stage", apiID+"/"+name)
	t.Emit(&model.Resource{
		Key:       key,
		ARN:       arn(t, "/apis/"+apiID+"/stages/"+name),
		Name:      name,
		CreatedAt: model.Time(s.CreatedDate),
		Tags:      s.Tags,
		Details:   d,
	})
	t.Relate(key, "member-of", t.Key("api", apiID))
}
