// Package apigateway collects API Gateway REST APIs (v1), their stages,
// custom domain names, VPC links, API keys and usage plans.
package apigateway

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/apigateway"
	"github.com/aws/aws-sdk-go-v2/service/apigateway/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the API Gateway (REST APIs) collector.
var Service = &collect.Service{
	Name:        "apigateway",
	Description: "API Gateway REST APIs, stages, custom domain names, VPC links, API keys and usage plans",
	Types: []collect.Type{
		{Name: "rest-api", Description: "REST API (id = API id)", Fields: restAPIFields, Tags: collect.TagsListed, Collect: restAPIs},
		{Name: "stage", Description: "REST API stage (id = apiId/stageName)", Fields: stageFields, Tags: collect.TagsListed, Collect: stages},
		{Name: "domain-name", Description: "custom domain name (id = the name): TLS policy, certificate, endpoint type", Fields: domainNameFields.Declared(),
			Tags: collect.TagsListed, Collect: domainNames},
		{Name: "vpc-link", Description: "VPC link to Network Load Balancers for private integrations (id = link id)", Fields: vpcLinkFields.Declared(),
			Tags: collect.TagsListed, Collect: vpcLinks},
		{Name: "api-key", Description: "API key (id = key id); the key value is never read", Fields: apiKeyFields.Declared(), Tags: collect.TagsListed, Collect: apiKeys},
		{Name: "usage-plan", Description: "usage plan: throttling and quota of the stages it covers (id = plan id)", Fields: usagePlanFields.Declared(),
			Tags: collect.TagsListed, Collect: usagePlans},
	},
	Calls: "api: 1 paged list. stage: GetStages per API. domain-name: GetDomainNames. vpc-link: GetVpcLinks. api-key: GetApiKeys (without values). " +
		"usage-plan: GetUsagePlans",
	Relations: []collect.Relation{
		{From: "stage", Kind: "member-of", To: "apigateway/rest-api"},
		{From: "domain-name", Kind: "uses-certificate", To: "acm/certificate"},
		{From: "vpc-link", Kind: "targets", To: "elbv2/load-balancer"},
		{From: "usage-plan", Kind: "covers", To: "apigateway/stage"},
	},
}

// arn builds an API Gateway ARN: they carry no account id.
func arn(t *collect.Task, path string) string {
	return collect.AccountlessARN(t, "apigateway", t.Region, path)
}

// apiPages runs fn on each page of REST APIs, one page at a time.
func apiPages(ctx context.Context, t *collect.Task, api *apigateway.Client, fn func(apis []types.RestApi)) error {
	p := apigateway.NewGetRestApisPaginator(api, &apigateway.GetRestApisInput{Limit: t.PageSize(500)})
	return collect.EachPage(ctx, p, func(page *apigateway.GetRestApisOutput) error {
		fn(page.Items)
		return nil
	})
}

var restAPIFields = []model.Field{
	{Name: "description", Type: "text", Description: "API description"},
	{Name: "endpoint_types", Type: "json", Description: "EDGE, REGIONAL or PRIVATE"},
	{Name: "vpc_endpoint_ids", Type: "json", Description: "VPC endpoints of a PRIVATE API"},
	{Name: "api_key_source", Type: "text", Description: "HEADER or AUTHORIZER"},
	{Name: "disable_execute_api_endpoint", Type: "boolean", Description: "the default execute-api endpoint is disabled"},
	{Name: "has_policy", Type: "boolean", Description: "a resource policy is attached"},
	{Name: "version", Type: "text", Description: "API version label"},
}

func restAPIs(ctx context.Context, t *collect.Task) error {
	return apiPages(ctx, t, apigateway.NewFromConfig(t.Config), func(apis []types.RestApi) {
		emitRestAPIs(t, apis)
	})
}

func emitRestAPIs(t *collect.Task, apis []types.RestApi) {
	for _, a := range apis {
		id := aws.ToString(a.Id)
		d := map[string]any{
			"description":                  aws.ToString(a.Description),
			"api_key_source":               string(a.ApiKeySource),
			"disable_execute_api_endpoint": a.DisableExecuteApiEndpoint,
			"has_policy":                   aws.ToString(a.Policy) != "",
			"version":                      aws.ToString(a.Version),
		}
		if ec := a.EndpointConfiguration; ec != nil {
			var kinds []string
			for _, k := range ec.Types {
				kinds = append(kinds, string(k))
			}
			d["endpoint_types"] = kinds
			d["vpc_endpoint_ids"] = ec.VpcEndpointIds
		}
		t.Emit(&model.Resource{
			Key:       t.Key("rest-api", id),
			ARN:       arn(t, "/restapis/"+id),
			Name:      aws.ToString(a.Name),
			CreatedAt: model.Time(a.CreatedDate),
			Tags:      a.Tags,
			Details:   d,
		})
	}
}

var stageFields = []model.Field{
	{Name: "rest_api_id", Type: "text", Description: "REST API of the stage"},
	{Name: "deployment_id", Type: "text", Description: "deployment the stage serves"},
	{Name: "description", Type: "text", Description: "stage description"},
	{Name: "tracing_enabled", Type: "boolean", Description: "X-Ray tracing is enabled"},
	{Name: "cache_cluster_enabled", Type: "boolean", Description: "a cache cluster is enabled"},
	{Name: "web_acl_arn", Type: "text", Description: "AWS WAF web ACL protecting the stage"},
	{Name: "client_certificate_id", Type: "text", Description: "client certificate used to call the backend"},
	{Name: "logging_level", Type: "text", Description: "execution logging level of all methods (*/*): OFF, ERROR or INFO"},
	{Name: "data_trace_enabled", Type: "boolean", Description: "full request/response logging for all methods (*/*)"},
	{Name: "access_log_destination", Type: "text", Description: "ARN receiving access logs, empty when off"},
	{Name: "last_updated", Type: "timestamp", Description: "last stage update"},
}

// allMethods is the MethodSettings key of stage-wide settings.
const allMethods = "*/*"

func stages(ctx context.Context, t *collect.Task) error {
	api := apigateway.NewFromConfig(t.Config)
	return apiPages(ctx, t, api, func(apis []types.RestApi) {
		collect.ForEach(ctx, apis, func(ctx context.Context, a types.RestApi) {
			// GetStages returns every stage at once: it has no pagination.
			out, err := api.GetStages(ctx, &apigateway.GetStagesInput{RestApiId: a.Id})
			if err != nil {
				t.Warn("GetStages", err)
				return
			}
			for _, s := range out.Item {
				emitStage(t, aws.ToString(a.Id), s)
			}
		})
	})
}

func emitStage(t *collect.Task, apiID string, s types.Stage) {
	name := aws.ToString(s.StageName)
	d := map[string]any{
		"rest_api_id":            apiID,
		"deployment_id":          aws.ToString(s.DeploymentId),
		"description":            aws.ToString(s.Description),
		"tracing_enabled":        s.TracingEnabled,
		"cache_cluster_enabled":  s.CacheClusterEnabled,
		"web_acl_arn":            aws.ToString(s.WebAclArn),
		"client_certificate_id":  aws.ToString(s.ClientCertificateId),
		"last_updated":           model.Time(s.LastUpdatedDate),
		"logging_level":          "OFF",
		"data_trace_enabled":     false,
		"access_log_destination": "",
	}
	if m, ok := s.MethodSettings[allMethods]; ok {
		if lvl := aws.ToString(m.LoggingLevel); lvl != "" {
			d["logging_level"] = lvl
		}
		d["data_trace_enabled"] = m.DataTraceEnabled
	}
	if s.AccessLogSettings != nil {
		d["access_log_destination"] = aws.ToString(s.AccessLogSettings.DestinationArn)
	}
	key := t.Key("stage", apiID+"/"+name)
	t.Emit(&model.Resource{
		Key:       key,
		ARN:       arn(t, "/restapis/"+apiID+"/stages/"+name),
		Name:      name,
		CreatedAt: model.Time(s.CreatedDate),
		Tags:      s.Tags,
		Details:   d,
	})
	t.Relate(key, "member-of", t.Key("rest-api", apiID))
}
