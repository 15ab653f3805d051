// Package appsync collects AppSync GraphQL APIs, their data sources and
// custom domain names.
package appsync

import (
	"cmp"
	"context"
	"strings"
	"sync"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/arn"
	"github.com/aws/aws-sdk-go-v2/service/appsync"
	"github.com/aws/aws-sdk-go-v2/service/appsync/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the AppSync collector.
var Service = &collect.Service{
	Name:        "appsync",
	Description: "AppSync GraphQL APIs, data sources and custom domain names",
	Types: []collect.Type{
		{Name: "graphql-api", Description: "GraphQL API (id = API id): how clients authenticate, logging, WAF", Fields: apiFields.Declared(),
			Tags: collect.TagsListed, Collect: graphqlAPIs},
		{Name: "data-source", Description: "data source of a GraphQL API (id = API id/name) and what it reads", Fields: dataSourceFields.Declared(),
			Tags: collect.NotTaggable, Collect: dataSources},
		{Name: "domain-name", Description: "custom domain name of AppSync APIs (id = domain name)", Fields: domainFields.Declared(),
			Tags: collect.TagsListed, Collect: domainNames},
	},
	Calls: "ListGraphqlApis (tags included) once for graphql-api and data-source; data-source: per API ListDataSources. domain-name: ListDomainNames (tags included)",
	Relations: []collect.Relation{
		{From: "graphql-api", Kind: "protected-by", To: "wafv2/web-acl"},
		{From: "graphql-api", Kind: "authenticates-with", To: "cognito-idp/user-pool"},
		{From: "graphql-api", Kind: "invokes", To: "lambda/function"},
		{From: "data-source", Kind: "of-api", To: "appsync/graphql-api"},
		{From: "data-source", Kind: "reads", To: "dynamodb/table"},
		{From: "data-source", Kind: "invokes", To: "lambda/function"},
		{From: "data-source", Kind: "assumes-role", To: "iam/role"},
		{From: "domain-name", Kind: "uses-certificate", To: "acm/certificate"},
	},
}

// additional are the authentication types beyond the default one.
func additional(a types.GraphqlApi) []string {
	out := []string{}
	for _, p := range a.AdditionalAuthenticationProviders {
		out = append(out, string(p.AuthenticationType))
	}
	return out
}

var apiFields = collect.Fields[types.GraphqlApi]{
	collect.Enum("authentication_type", "default authentication: API_KEY, AWS_IAM, AMAZON_COGNITO_USER_POOLS, OPENID_CONNECT or AWS_LAMBDA",
		func(a types.GraphqlApi) types.AuthenticationType { return a.AuthenticationType }),
	collect.Computed("additional_authentication_types", model.JSON, "other authentication types accepted", func(a types.GraphqlApi) any { return additional(a) }),
	collect.Enum("api_type", "GRAPHQL or MERGED", func(a types.GraphqlApi) types.GraphQLApiType { return a.ApiType }),
	collect.Enum("visibility", "GLOBAL (public endpoint) or PRIVATE (VPC endpoints only)", func(a types.GraphqlApi) types.GraphQLApiVisibility { return a.Visibility }),
	collect.Computed("field_log_level", model.Text, "resolver logging: NONE, ERROR, INFO, DEBUG or ALL (NONE when logging is off)", func(a types.GraphqlApi) any {
		if a.LogConfig == nil {
			return string(types.FieldLogLevelNone)
		}
		return string(a.LogConfig.FieldLogLevel)
	}),
	collect.Computed("xray_enabled", model.Boolean, "X-Ray tracing is on", func(a types.GraphqlApi) any { return a.XrayEnabled }),
	collect.Text("waf_web_acl_arn", "WAF web ACL protecting the API, empty when none", func(a types.GraphqlApi) *string { return a.WafWebAclArn }),
	collect.Enum("introspection", "ENABLED or DISABLED: whether the schema can be queried", func(a types.GraphqlApi) types.GraphQLApiIntrospectionConfig {
		return a.IntrospectionConfig
	}),
	collect.Computed("query_depth_limit", model.Integer, "maximum query depth; 0: unlimited", func(a types.GraphqlApi) any { return int64(a.QueryDepthLimit) }),
	collect.Computed("graphql_url", model.Text, "GraphQL endpoint", func(a types.GraphqlApi) any { return a.Uris["GRAPHQL"] }),
}

// apiList are the region's GraphQL APIs, listed once for the graphql-api
// and data-source types.
func apiList(ctx context.Context, t *collect.Task, api *appsync.Client) ([]types.GraphqlApi, error) {
	p := appsync.NewListGraphqlApisPaginator(api, &appsync.ListGraphqlApisInput{MaxResults: *t.PageSize(25)})
	return collect.ReuseItems(ctx, t, "ListGraphqlApis", p, func(page *appsync.ListGraphqlApisOutput) []types.GraphqlApi { return page.GraphqlApis })
}

func graphqlAPIs(ctx context.Context, t *collect.Task) error {
	apis, err := apiList(ctx, t, appsync.NewFromConfig(t.Config))
	for _, a := range apis {
		key := t.Key("graphql-api", aws.ToString(a.ApiId))
		t.Emit(&model.Resource{Key: key, Name: aws.ToString(a.Name), ARN: aws.ToString(a.Arn), Tags: a.Tags, Details: apiFields.Details(a)})
		if acl := aws.ToString(a.WafWebAclArn); acl != "" {
			t.Relate(key, "protected-by", t.Ref("wafv2", "web-acl", collect.ARNResourceName(acl)))
		}
		if u := a.UserPoolConfig; u != nil {
			t.Relate(key, "authenticates-with", regional(t, aws.ToString(u.AwsRegion), "cognito-idp", "user-pool", aws.ToString(u.UserPoolId)))
		}
		if l := a.LambdaAuthorizerConfig; l != nil {
			if k, ok := collect.TargetKey(aws.ToString(l.AuthorizerUri)); ok {
				t.Relate(key, "invokes", k)
			}
		}
	}
	return err
}

// regional is the key of a resource in region (the task's when empty).
func regional(t *collect.Task, region, service, typ, id string) model.Key {
	k := t.Ref(service, typ, id)
	if region != "" {
		k.Region = region
	}
	return k
}

var dataSourceFields = collect.Fields[types.DataSource]{
	collect.Enum("source_type", "AWS_LAMBDA, AMAZON_DYNAMODB, AMAZON_OPENSEARCH_SERVICE, HTTP, RELATIONAL_DATABASE, AMAZON_EVENTBRIDGE, AMAZON_BEDROCK_RUNTIME or NONE",
		func(d types.DataSource) types.DataSourceType { return d.Type }),
	collect.Text("description", "description", func(d types.DataSource) *string { return d.Description }),
	collect.Text("service_role_arn", "role AppSync assumes to reach the source", func(d types.DataSource) *string { return d.ServiceRoleArn }),
	collect.Computed("endpoint", model.Text, "HTTP endpoint of an HTTP source", func(d types.DataSource) any {
		if d.HttpConfig == nil {
			return ""
		}
		return aws.ToString(d.HttpConfig.Endpoint)
	}),
}

// dataSources fails with the first failed ListDataSources, else with the
// listing of the APIs.
func dataSources(ctx context.Context, t *collect.Task) error {
	client := appsync.NewFromConfig(t.Config)
	apis, err := apiList(ctx, t, client)
	var mu sync.Mutex
	var first error
	collect.ForEach(ctx, apis, func(ctx context.Context, a types.GraphqlApi) {
		id := aws.ToString(a.ApiId)
		p := appsync.NewListDataSourcesPaginator(client, &appsync.ListDataSourcesInput{ApiId: a.ApiId, MaxResults: *t.PageSize(25)})
		err := collect.EachPage(ctx, p, func(page *appsync.ListDataSourcesOutput) error {
			for _, d := range page.DataSources {
				emitDataSource(t, id, d)
			}
			return nil
		})
		if err != nil {
			mu.Lock()
			defer mu.Unlock()
			if first == nil {
				first = err
			}
		}
	})
	return cmp.Or(first, err)
}

func emitDataSource(t *collect.Task, api string, d types.DataSource) {
	key := t.Key("data-source", api+"/"+aws.ToString(d.Name))
	t.Emit(&model.Resource{Key: key, Name: aws.ToString(d.Name), ARN: aws.ToString(d.DataSourceArn), Details: dataSourceFields.Details(d)})
	t.Relate(key, "of-api", t.Key("graphql-api", api))
	if role := aws.ToString(d.ServiceRoleArn); role != "" {
		t.Relate(key, "assumes-role", t.Role(role))
	}
	if c := d.DynamodbConfig; c != nil {
		t.Relate(key, "reads", regional(t, aws.ToString(c.AwsRegion), "dynamodb", "table", aws.ToString(c.TableName)))
	}
	if c := d.LambdaConfig; c != nil {
		if k, ok := collect.TargetKey(aws.ToString(c.LambdaFunctionArn)); ok {
			t.Relate(key, "invokes", k)
		}
	}
}

var domainFields = collect.Fields[types.DomainNameConfig]{
	collect.Text("certificate_arn", "ACM certificate of the domain", func(d types.DomainNameConfig) *string { return d.CertificateArn }),
	collect.Text("appsync_domain_name", "CloudFront domain the custom domain points to", func(d types.DomainNameConfig) *string { return d.AppsyncDomainName }),
	collect.Text("hosted_zone_id", "hosted zone of the AppSync domain", func(d types.DomainNameConfig) *string { return d.HostedZoneId }),
	collect.Text("description", "description", func(d types.DomainNameConfig) *string { return d.Description }),
}

func domainNames(ctx context.Context, t *collect.Task) error {
	p := appsync.NewListDomainNamesPaginator(appsync.NewFromConfig(t.Config), &appsync.ListDomainNamesInput{MaxResults: *t.PageSize(25)})
	return collect.EachPage(ctx, p, func(page *appsync.ListDomainNamesOutput) error {
		for _, d := range page.DomainNameConfigs {
			name := aws.ToString(d.DomainName)
			key := t.Key("domain-name", name)
			a := aws.ToString(d.DomainNameArn)
			if a == "" {
				a = collect.ARN(t, "appsync", "", "domainnames/"+name)
			}
			t.Emit(&model.Resource{Key: key, Name: name, ARN: a, Tags: d.Tags, Details: domainFields.Details(d)})
			if c, err := arn.Parse(aws.ToString(d.CertificateArn)); err == nil {
				t.Relate(key, "uses-certificate", model.Key{Account: c.AccountID, Region: c.Region, Service: "acm", Type: "certificate",
					ID: strings.TrimPrefix(c.Resource, "certificate/")})
			}
		}
		return nil
	})
}
