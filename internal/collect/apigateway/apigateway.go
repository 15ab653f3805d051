// Package apigateway collects API Gateway REST APIs (v1), their stages,
// custom domain names, VPC links, API keys and usage plans.
package apigateway

import (
	"context"
	"time"

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
		{Name: "rest-api", Description: "REST API (id = API id)", Fields: restAPIFields.Declared(), Tags: collect.TagsListed, Collect: restAPIs},
		{Name: "stage", Description: "REST API stage (id = apiId/stageName)", Fields: stageFields.Declared(), Tags: collect.TagsListed, Collect: stages},
		{Name: "domain-name", Description: "custom domain name (id = the name): TLS policy, certificate, endpoint type", Fields: domainNameFields.Declared(),
			Tags: collect.TagsListed, Collect: domainNames},
		{Name: "vpc-link", Description: "VPC link to Network Load Balancers for private integrations (id = link id)", Fields: vpcLinkFields.Declared(),
			Tags: collect.TagsListed, Collect: vpcLinks},
		{Name: "api-key", Description: "API key (id = key id); the key value is never read", Fields: apiKeyFields.Declared(), Tags: collect.TagsListed, Collect: apiKeys},
		{Name: "usage-plan", Description: "usage plan: throttling and quota of the stages it covers (id = plan id)", Fields: usagePlanFields.Declared(),
			Tags: collect.TagsListed, Collect: usagePlans},
	},
	Calls: "GetRestApis (paged) once for rest-api and stage; stage: GetStages per API. domain-name: GetDomainNames. vpc-link: GetVpcLinks. api-key: GetApiKeys (without values). " +
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

// restAPIList are the region's REST APIs, listed once for the rest-api
// and stage types.
func restAPIList(ctx context.Context, t *collect.Task, api *apigateway.Client) ([]types.RestApi, error) {
	p := apigateway.NewGetRestApisPaginator(api, &apigateway.GetRestApisInput{Limit: t.PageSize(500)})
	return collect.ReuseItems(ctx, t, "GetRestApis", p, func(page *apigateway.GetRestApisOutput) []types.RestApi { return page.Items })
}

func hasEndpointConfig(a types.RestApi) bool { return a.EndpointConfiguration != nil }

var restAPIFields = collect.Fields[types.RestApi]{
	collect.Text("description", "API description", func(a types.RestApi) *string { return a.Description }),
	collect.When(hasEndpointConfig, collect.Computed("endpoint_types", model.JSON, "EDGE, REGIONAL or PRIVATE", func(a types.RestApi) any {
		return endpointTypes(a.EndpointConfiguration)
	})),
	collect.When(hasEndpointConfig, collect.Computed("vpc_endpoint_ids", model.JSON, "VPC endpoints of a PRIVATE API", func(a types.RestApi) any {
		return append([]string{}, a.EndpointConfiguration.VpcEndpointIds...)
	})),
	collect.Enum("api_key_source", "HEADER or AUTHORIZER", func(a types.RestApi) types.ApiKeySourceType { return a.ApiKeySource }),
	collect.Computed("disable_execute_api_endpoint", model.Boolean, "the default execute-api endpoint is disabled", func(a types.RestApi) any {
		return a.DisableExecuteApiEndpoint
	}),
	collect.Computed("has_policy", model.Boolean, "a resource policy is attached", func(a types.RestApi) any { return aws.ToString(a.Policy) != "" }),
	collect.Text("version", "API version label", func(a types.RestApi) *string { return a.Version }),
}

func restAPIs(ctx context.Context, t *collect.Task) error {
	apis, err := restAPIList(ctx, t, apigateway.NewFromConfig(t.Config))
	emitRestAPIs(t, apis)
	return err
}

func emitRestAPIs(t *collect.Task, apis []types.RestApi) {
	for _, a := range apis {
		id := aws.ToString(a.Id)
		t.Emit(&model.Resource{
			Key:       t.Key("rest-api", id),
			ARN:       arn(t, "/restapis/"+id),
			Name:      aws.ToString(a.Name),
			CreatedAt: model.Time(a.CreatedDate),
			Tags:      a.Tags,
			Details:   restAPIFields.Details(a),
		})
	}
}

// stage is a stage with the REST API it belongs to.
type stage struct {
	types.Stage
	apiID string
}

// stageWide is the stage's */* method settings: those of every method.
func stageWide(s stage) (types.MethodSetting, bool) {
	m, ok := s.MethodSettings[allMethods]
	return m, ok
}

var stageFields = collect.Fields[stage]{
	collect.Computed("rest_api_id", model.Text, "REST API of the stage", func(s stage) any { return s.apiID }),
	collect.Text("deployment_id", "deployment the stage serves", func(s stage) *string { return s.DeploymentId }),
	collect.Text("description", "stage description", func(s stage) *string { return s.Description }),
	collect.Computed("tracing_enabled", model.Boolean, "X-Ray tracing is enabled", func(s stage) any { return s.TracingEnabled }),
	collect.Computed("cache_cluster_enabled", model.Boolean, "a cache cluster is enabled", func(s stage) any { return s.CacheClusterEnabled }),
	collect.Text("web_acl_arn", "AWS WAF web ACL protecting the stage", func(s stage) *string { return s.WebAclArn }),
	collect.Text("client_certificate_id", "client certificate used to call the backend", func(s stage) *string { return s.ClientCertificateId }),
	collect.Computed("logging_level", model.Text, "execution logging level of all methods (*/*): OFF, ERROR or INFO", func(s stage) any {
		if m, ok := stageWide(s); ok && aws.ToString(m.LoggingLevel) != "" {
			return aws.ToString(m.LoggingLevel)
		}
		return "OFF"
	}),
	collect.Computed("data_trace_enabled", model.Boolean, "full request/response logging for all methods (*/*)", func(s stage) any {
		m, ok := stageWide(s)
		return ok && m.DataTraceEnabled
	}),
	collect.Computed("access_log_destination", model.Text, "ARN receiving access logs, empty when off", func(s stage) any {
		if s.AccessLogSettings == nil {
			return ""
		}
		return aws.ToString(s.AccessLogSettings.DestinationArn)
	}),
	collect.Timestamp("last_updated", "last stage update", func(s stage) *time.Time { return s.LastUpdatedDate }),
}

// allMethods is the MethodSettings key of stage-wide settings.
const allMethods = "*/*"

func stages(ctx context.Context, t *collect.Task) error {
	api := apigateway.NewFromConfig(t.Config)
	apis, err := restAPIList(ctx, t, api)
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
	return err
}

func emitStage(t *collect.Task, apiID string, s types.Stage) {
	name := aws.ToString(s.StageName)
	key := t.Key("stage", apiID+"/"+name)
	t.Emit(&model.Resource{
		Key:       key,
		ARN:       arn(t, "/restapis/"+apiID+"/stages/"+name),
		Name:      name,
		CreatedAt: model.Time(s.CreatedDate),
		Tags:      s.Tags,
		Details:   stageFields.Details(stage{Stage: s, apiID: apiID}),
	})
	t.Relate(key, "member-of", t.Key("rest-api", apiID))
}
