package all_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/appsync"
	"github.com/aws/aws-sdk-go-v2/service/appsync/types"

	"github.com/awsmap/awsmap/internal/awsx"
	collector "github.com/awsmap/awsmap/internal/collect/appsync"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
)

const appsyncAccount = collecttest.MotoAccount

// createAPIs makes six APIs; api0 uses a user pool and logs errors.
func appsyncCreateAPIs(t *testing.T) []string {
	t.Helper()
	collecttest.Setup(t)
	api := appsync.NewFromConfig(collecttest.Config(t, region, nil))
	var ids []string
	for i := range 6 {
		in := &appsync.CreateGraphqlApiInput{Name: aws.String(fmt.Sprint("api-", i)), AuthenticationType: types.AuthenticationTypeApiKey,
			Tags: map[string]string{"n": fmt.Sprint(i)}}
		if i == 0 {
			in.AuthenticationType = types.AuthenticationTypeAmazonCognitoUserPools
			in.UserPoolConfig = &types.UserPoolConfig{UserPoolId: aws.String("eu-west-1_pool"), AwsRegion: aws.String(region), DefaultAction: types.DefaultActionAllow}
			in.AdditionalAuthenticationProviders = []types.AdditionalAuthenticationProvider{{AuthenticationType: types.AuthenticationTypeAwsIam}}
			in.LogConfig = &types.LogConfig{FieldLogLevel: types.FieldLogLevelError, CloudWatchLogsRoleArn: aws.String("arn:aws:iam::" + appsyncAccount + ":role/appsync-logs")}
			in.XrayEnabled = true
		}
		out, err := api.CreateGraphqlApi(context.Background(), in)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, aws.ToString(out.GraphqlApi.ApiId))
	}
	return ids
}

func TestAppsyncGraphqlAPIs(t *testing.T) {
	ids := appsyncCreateAPIs(t)
	got := collecttest.Run(t, collecttest.Config(t, region, nil), collector.Service, "graphql-api", region)
	if got.Err != nil || len(got.Resources) != 6 {
		t.Fatalf("apis: %v %d", got.Err, len(got.Resources))
	}
	a := got.ByID()[ids[0]]
	if a.Name != "api-0" || a.ARN != "arn:aws:appsync:"+region+":"+appsyncAccount+":apis/"+ids[0] || a.Tags["n"] != "0" {
		t.Errorf("api-0: %+v", a)
	}
	for k, v := range map[string]any{"authentication_type": "AMAZON_COGNITO_USER_POOLS", "field_log_level": "ERROR", "xray_enabled": true, "visibility": "GLOBAL"} {
		if a.Details[k] != v {
			t.Errorf("details[%s] = %v, want %v", k, a.Details[k], v)
		}
	}
	if fmt.Sprint(a.Details["additional_authentication_types"]) != "[AWS_IAM]" {
		t.Errorf("additional: %v", a.Details["additional_authentication_types"])
	}
	if d := got.ByID()[ids[3]].Details; d["field_log_level"] != "NONE" || d["authentication_type"] != "API_KEY" {
		t.Errorf("api-3: %v", d)
	}
	collecttest.HasEdges(t, got, ids[0]+" -authenticates-with-> cognito-idp/user-pool:eu-west-1_pool")
}

// sources cans ListDataSources and ListDomainNames, which moto 5.2.1 lacks.
var sources = collecttest.Canned(map[string]func(any) (any, error){
	"ListDataSources": func(in any) (any, error) {
		i := in.(*appsync.ListDataSourcesInput)
		api := aws.ToString(i.ApiId)
		if aws.ToString(i.NextToken) == "" {
			return &appsync.ListDataSourcesOutput{NextToken: aws.String("2"), DataSources: []types.DataSource{{Name: aws.String("orders"), Type: types.DataSourceTypeAmazonDynamodb,
				DataSourceArn:  aws.String("arn:aws:appsync:" + region + ":" + appsyncAccount + ":apis/" + api + "/datasources/orders"),
				ServiceRoleArn: aws.String("arn:aws:iam::" + appsyncAccount + ":role/appsync-ddb"), DynamodbConfig: &types.DynamodbDataSourceConfig{TableName: aws.String("orders"), AwsRegion: aws.String(region)}}}}, nil
		}
		return &appsync.ListDataSourcesOutput{DataSources: []types.DataSource{{Name: aws.String("fn"), Type: types.DataSourceTypeAwsLambda,
			LambdaConfig: &types.LambdaDataSourceConfig{LambdaFunctionArn: aws.String("arn:aws:lambda:" + region + ":" + appsyncAccount + ":function:resolve")}}}}, nil
	},
	"ListDomainNames": func(any) (any, error) {
		return &appsync.ListDomainNamesOutput{DomainNameConfigs: []types.DomainNameConfig{{DomainName: aws.String("api.example.com"),
			CertificateArn: aws.String("arn:aws:acm:us-east-1:" + appsyncAccount + ":certificate/c-9"), AppsyncDomainName: aws.String("d1.cloudfront.net"),
			Tags: map[string]string{"Team": "api"}}}}, nil
	},
})

func TestAppsyncDataSourcesAndDomains(t *testing.T) {
	ids := appsyncCreateAPIs(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: sources})
	got := collecttest.Run(t, cfg, collector.Service, "data-source", region)
	if got.Err != nil || len(got.Resources) != 12 {
		t.Fatalf("data sources: %v %d", got.Err, len(got.Resources))
	}
	d := got.ByID()[ids[2]+"/orders"]
	if d == nil || d.Details["source_type"] != "AMAZON_DYNAMODB" || d.ARN == "" || d.Name != "orders" {
		t.Fatalf("orders: %+v", d)
	}
	collecttest.HasEdges(t, got, ids[2]+"/orders -reads-> dynamodb/table:orders", ids[2]+"/orders -assumes-role-> iam/role:appsync-ddb",
		ids[2]+"/orders -of-api-> appsync/graphql-api:"+ids[2], ids[2]+"/fn -invokes-> lambda/function:resolve")

	got = collecttest.Run(t, cfg, collector.Service, "domain-name", region)
	if got.Err != nil || len(got.Resources) != 1 {
		t.Fatalf("domains: %v %v", got.Err, got.Resources)
	}
	if dn := got.Resources[0]; dn.ID != "api.example.com" || dn.Tags["Team"] != "api" || dn.Details["appsync_domain_name"] != "d1.cloudfront.net" {
		t.Errorf("domain: %+v", dn)
	}
	collecttest.HasEdges(t, got, "api.example.com -uses-certificate-> acm/certificate:c-9")
}

func TestAppsyncDenied(t *testing.T) {
	appsyncCreateAPIs(t)
	for typ, op := range map[string]string{"graphql-api": "ListGraphqlApis", "data-source": "ListDataSources", "domain-name": "ListDomainNames"} {
		cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny(op)})
		collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, typ, region))
	}
}
