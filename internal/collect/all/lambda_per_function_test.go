package all_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/lambda"
	"github.com/aws/aws-sdk-go-v2/service/lambda/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/lambda"
)

// publish creates function name with two published versions and an alias
// "live" weighted between them.
func publish(t *testing.T, api *lambda.Client, role, name string) {
	t.Helper()
	ctx := context.Background()
	createFunction(t, api, &lambda.CreateFunctionInput{FunctionName: aws.String(name), Role: aws.String(role)})
	for i := range 2 {
		// A version is published only for a change.
		if _, err := api.UpdateFunctionConfiguration(ctx, &lambda.UpdateFunctionConfigurationInput{FunctionName: aws.String(name), MemorySize: aws.Int32(int32(128 * (i + 1)))}); err != nil {
			t.Fatal(err)
		}
		if _, err := api.PublishVersion(ctx, &lambda.PublishVersionInput{FunctionName: aws.String(name), Description: aws.String(fmt.Sprint("release ", i+1))}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := api.CreateAlias(ctx, &lambda.CreateAliasInput{FunctionName: aws.String(name), Name: aws.String("live"), FunctionVersion: aws.String("2"),
		Description: aws.String("production"), RoutingConfig: &types.AliasRoutingConfiguration{AdditionalVersionWeights: map[string]float64{"1": 0.1}}}); err != nil {
		t.Fatal(err)
	}
}

func TestLambdaAliasesAndVersions(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.Config(t, region, nil)
	role := createRole(t, cfg)
	api := lambda.NewFromConfig(cfg)
	for i := range 3 {
		publish(t, api, role, fmt.Sprint("svc-", i))
	}

	got := collecttest.Run(t, cfg, collector.Service, "alias", region)
	if got.Err != nil || len(got.Resources) != 3 {
		t.Fatalf("aliases: %v, %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	a := got.ByID()["svc-2:live"]
	if a == nil || a.Name != "live" || a.ARN != "arn:aws:lambda:"+region+":"+collecttest.MotoAccount+":function:svc-2:live" ||
		a.Details["function_version"] != "2" || a.Details["description"] != "production" || fmt.Sprint(a.Details["routing_weights"]) != "map[1:0.1]" {
		t.Fatalf("alias: %+v", a)
	}
	collecttest.HasEdges(t, got, "svc-2:live -alias-of-> lambda/function:svc-2")

	got = collecttest.Run(t, cfg, collector.Service, "version", region)
	if got.Err != nil || len(got.Resources) != 6 {
		t.Fatalf("want 2 versions of 3 functions, $LATEST left out: %v, %d", got.Err, len(got.Resources))
	}
	v := got.ByID()["svc-1:2"]
	if v == nil || v.Details["version"] != "2" || v.Details["runtime"] != "python3.12" || v.Details["code_size"] == int64(0) || v.CreatedAt == "" {
		t.Fatalf("version: %+v", v)
	}
	collecttest.HasEdges(t, got, "svc-1:2 -version-of-> lambda/function:svc-1", "svc-1:2 -assumes-role-> iam/role:fn-role")
}

const lambdaFnARN = "arn:aws:lambda:" + region + ":" + collecttest.MotoAccount + ":function:"

// canned answers the function listing and what moto lacks below it: three
// functions, each with a URL of its own and of its alias live, and a
// provisioned concurrency on live; three code signing configurations.
var lambdaCanned = map[string]func(any) (any, error){
	"ListFunctions": func(in any) (any, error) {
		var all []types.FunctionConfiguration
		for i := range 3 {
			name := fmt.Sprint("web-", i)
			all = append(all, types.FunctionConfiguration{FunctionName: aws.String(name), FunctionArn: aws.String(lambdaFnARN + name)})
		}
		page, next := collecttest.Page(all, in.(*lambda.ListFunctionsInput).Marker, 2)
		return &lambda.ListFunctionsOutput{Functions: page, NextMarker: next}, nil
	},
	"ListFunctionUrlConfigs": func(in any) (any, error) {
		name := aws.ToString(in.(*lambda.ListFunctionUrlConfigsInput).FunctionName)
		all := []types.FunctionUrlConfig{
			{FunctionArn: aws.String(lambdaFnARN + name), FunctionUrl: aws.String("https://" + name + ".lambda-url.eu-west-1.on.aws/"), AuthType: types.FunctionUrlAuthTypeNone,
				InvokeMode: types.InvokeModeBuffered, CreationTime: aws.String("2026-02-01T10:00:00.000+0000"), Cors: &types.Cors{AllowOrigins: []string{"*"}}},
			{FunctionArn: aws.String(lambdaFnARN + name + ":live"), FunctionUrl: aws.String("https://live-" + name + ".lambda-url.eu-west-1.on.aws/"),
				AuthType: types.FunctionUrlAuthTypeAwsIam, InvokeMode: types.InvokeModeResponseStream},
		}
		page, next := collecttest.Page(all, in.(*lambda.ListFunctionUrlConfigsInput).Marker, 1)
		return &lambda.ListFunctionUrlConfigsOutput{FunctionUrlConfigs: page, NextMarker: next}, nil
	},
	"ListProvisionedConcurrencyConfigs": func(in any) (any, error) {
		name := aws.ToString(in.(*lambda.ListProvisionedConcurrencyConfigsInput).FunctionName)
		return &lambda.ListProvisionedConcurrencyConfigsOutput{ProvisionedConcurrencyConfigs: []types.ProvisionedConcurrencyConfigListItem{{
			FunctionArn: aws.String(lambdaFnARN + name + ":live"), RequestedProvisionedConcurrentExecutions: aws.Int32(10), AllocatedProvisionedConcurrentExecutions: aws.Int32(10),
			AvailableProvisionedConcurrentExecutions: aws.Int32(8), Status: types.ProvisionedConcurrencyStatusEnumReady, LastModified: aws.String("2026-02-02T10:00:00.000+0000")}}}, nil
	},
	"ListCodeSigningConfigs": func(in any) (any, error) {
		var all []types.CodeSigningConfig
		for i := range 3 {
			id := fmt.Sprint("csc-0", i)
			all = append(all, types.CodeSigningConfig{CodeSigningConfigId: aws.String(id), CodeSigningConfigArn: aws.String("arn:aws:lambda:" + region + ":" + collecttest.MotoAccount + ":code-signing-config:" + id),
				Description: aws.String("release signing"), CodeSigningPolicies: &types.CodeSigningPolicies{UntrustedArtifactOnDeployment: types.CodeSigningPolicyEnforce},
				AllowedPublishers: &types.AllowedPublishers{SigningProfileVersionArns: []string{"arn:aws:signer:" + region + ":" + collecttest.MotoAccount + ":/signing-profiles/release/abc"}},
				LastModified:      aws.String("2026-01-05T08:00:00.000+0000")})
		}
		page, next := collecttest.Page(all, in.(*lambda.ListCodeSigningConfigsInput).Marker, 2)
		return &lambda.ListCodeSigningConfigsOutput{CodeSigningConfigs: page, NextMarker: next}, nil
	},
	"ListTags": func(in any) (any, error) {
		return &lambda.ListTagsOutput{Tags: map[string]string{"of": lastField(aws.ToString(in.(*lambda.ListTagsInput).Resource))}}, nil
	},
}

func TestLambdaURLsProvisionedConcurrencyAndCodeSigning(t *testing.T) {
	collecttest.Require(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(lambdaCanned)})

	got := collecttest.Run(t, cfg, collector.Service, "function-url", region)
	if got.Err != nil || len(got.Resources) != 6 {
		t.Fatalf("function URLs: %v, %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	u, live := got.ByID()["web-2"], got.ByID()["web-2:live"]
	if u == nil || live == nil || u.Details["auth_type"] != "NONE" || live.Details["auth_type"] != "AWS_IAM" || live.Details["invoke_mode"] != "RESPONSE_STREAM" ||
		u.CreatedAt != "2026-02-01T10:00:00Z" || fmt.Sprint(u.Details["cors_allow_origins"]) != "[*]" || u.Details["function_url"] != "https://web-2.lambda-url.eu-west-1.on.aws/" {
		t.Fatalf("function URLs: %+v, %+v", u, live)
	}
	collecttest.HasEdges(t, got, "web-2:live -invokes-> lambda/function:web-2")

	got = collecttest.Run(t, cfg, collector.Service, "provisioned-concurrency", region)
	if got.Err != nil || len(got.Resources) != 3 {
		t.Fatalf("provisioned concurrency: %v, %d", got.Err, len(got.Resources))
	}
	p := got.ByID()["web-1:live"]
	if p == nil || p.Details["requested"] != int64(10) || p.Details["available"] != int64(8) || p.Details["status"] != "READY" || p.Details["last_modified"] != "2026-02-02T10:00:00Z" {
		t.Fatalf("provisioned concurrency: %+v", p)
	}
	collecttest.HasEdges(t, got, "web-1:live -configures-> lambda/function:web-1")

	got = collecttest.Run(t, cfg, collector.Service, "code-signing-config", region)
	if got.Err != nil || len(got.Resources) != 3 {
		t.Fatalf("code signing configs: %v, %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	c := got.ByID()["csc-02"]
	if c == nil || c.Tags["of"] != "csc-02" || c.Details["untrusted_artifact_on_deployment"] != "Enforce" || len(c.Details["allowed_signing_profiles"].([]string)) != 1 ||
		c.ARN != "arn:aws:lambda:"+region+":"+collecttest.MotoAccount+":code-signing-config:csc-02" {
		t.Fatalf("code signing config: %+v", c)
	}
}

func TestLambdaPerFunctionDenied(t *testing.T) {
	collecttest.Require(t)
	for typ, op := range map[string]string{"alias": "ListFunctions", "version": "ListFunctions", "function-url": "ListFunctions",
		"provisioned-concurrency": "ListFunctions", "code-signing-config": "ListCodeSigningConfigs"} {
		cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){op: collecttest.Denied(op)})})
		collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, typ, region))
	}
	// A function whose URLs cannot be read leaves the collection partial.
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){
		"ListFunctions": lambdaCanned["ListFunctions"], "ListFunctionUrlConfigs": collecttest.Denied("ListFunctionUrlConfigs")})})
	got := collecttest.Run(t, cfg, collector.Service, "function-url", region)
	if got.Err != nil || len(got.Task.Warnings()) != 3 {
		t.Fatalf("want a warning per function: %v, %v", got.Err, got.Task.Warnings())
	}
}

func lastField(arn string) string { return arn[strings.LastIndex(arn, ":")+1:] }
