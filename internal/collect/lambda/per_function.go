package lambda

import (
	"context"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/lambda"
	"github.com/aws/aws-sdk-go-v2/service/lambda/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// perFunction lists the functions and runs list, a listing of what lives
// below one function, on each concurrently; a failed one is a warning
// under operation (the function's other types are still collected).
func perFunction(ctx context.Context, t *collect.Task, operation string, list func(ctx context.Context, api *lambda.Client, f types.FunctionConfiguration) error) error {
	api := client(t)
	functions, err := functionList(ctx, t, api)
	collect.ForEach(ctx, functions, func(ctx context.Context, f types.FunctionConfiguration) {
		t.Warn(operation, list(ctx, api, f))
	})
	return err
}

// timeField is a field of one of Lambda's string timestamps.
func timeField[T any](name, description string, get func(T) *string) collect.Field[T] {
	return collect.Computed(name, model.Timestamp, description, func(v T) any { return lambdaTime(get(v)) })
}

// qualifiedID is the id of what a qualified function ARN names below its
// function: name:qualifier, or the bare name without a qualifier.
func qualifiedID(arn string) string {
	parts := strings.Split(arn, ":")
	if len(parts) < 7 {
		return arn
	}
	return strings.Join(parts[6:], ":")
}

var aliasFields = collect.Fields[types.AliasConfiguration]{
	collect.Text("function_version", "version the alias points to", func(a types.AliasConfiguration) *string { return a.FunctionVersion }),
	collect.Text("description", "description of the alias", func(a types.AliasConfiguration) *string { return a.Description }),
	collect.Computed("routing_weights", model.JSON, "weights of the additional versions a weighted alias sends traffic to", func(a types.AliasConfiguration) any {
		if a.RoutingConfig == nil || len(a.RoutingConfig.AdditionalVersionWeights) == 0 {
			return map[string]float64{}
		}
		return a.RoutingConfig.AdditionalVersionWeights
	}),
}

func aliases(ctx context.Context, t *collect.Task) error {
	return perFunction(ctx, t, "ListAliases", func(ctx context.Context, api *lambda.Client, f types.FunctionConfiguration) error {
		fn := aws.ToString(f.FunctionName)
		p := lambda.NewListAliasesPaginator(api, &lambda.ListAliasesInput{FunctionName: f.FunctionName, MaxItems: t.PageSize(50)})
		return collect.EachPage(ctx, p, func(page *lambda.ListAliasesOutput) error {
			for _, a := range page.Aliases {
				key := t.Key("alias", fn+":"+aws.ToString(a.Name))
				t.Emit(&model.Resource{Key: key, ARN: aws.ToString(a.AliasArn), Name: aws.ToString(a.Name), Details: aliasFields.Details(a)})
				t.Relate(key, "alias-of", t.Key("function", fn))
			}
			return nil
		})
	})
}

var versionFields = collect.Fields[types.FunctionConfiguration]{
	collect.Text("version", "version number", func(f types.FunctionConfiguration) *string { return f.Version }),
	collect.Text("description", "description given when published", func(f types.FunctionConfiguration) *string { return f.Description }),
	collect.Enum("runtime", "runtime, e.g. python3.12; empty for container images", func(f types.FunctionConfiguration) types.Runtime { return f.Runtime }),
	collect.Enum("package_type", "Zip or Image", func(f types.FunctionConfiguration) types.PackageType { return f.PackageType }),
	collect.Computed("code_size", model.Integer, "deployment package size in bytes (counts toward the code storage quota)", func(f types.FunctionConfiguration) any { return f.CodeSize }),
	collect.Text("code_sha256", "SHA-256 of the deployment package", func(f types.FunctionConfiguration) *string { return f.CodeSha256 }),
	collect.Enum("state", "Pending, Active, Inactive or Failed", func(f types.FunctionConfiguration) types.State { return f.State }),
	timeField("last_modified", "when the version was published", func(f types.FunctionConfiguration) *string { return f.LastModified }),
}

// versions lists the published versions of each function ($LATEST is the
// function itself): each keeps its code, which counts toward the region's
// code storage quota.
func versions(ctx context.Context, t *collect.Task) error {
	return perFunction(ctx, t, "ListVersionsByFunction", func(ctx context.Context, api *lambda.Client, f types.FunctionConfiguration) error {
		fn := aws.ToString(f.FunctionName)
		p := lambda.NewListVersionsByFunctionPaginator(api, &lambda.ListVersionsByFunctionInput{FunctionName: f.FunctionName, MaxItems: t.PageSize(50)})
		return collect.EachPage(ctx, p, func(page *lambda.ListVersionsByFunctionOutput) error {
			for _, v := range page.Versions {
				if aws.ToString(v.Version) == "$LATEST" {
					continue
				}
				key := t.Key("version", fn+":"+aws.ToString(v.Version))
				t.Emit(&model.Resource{Key: key, ARN: aws.ToString(v.FunctionArn), Name: fn, CreatedAt: lambdaTime(v.LastModified), Details: versionFields.Details(v)})
				t.Relate(key, "version-of", t.Key("function", fn))
				t.Relate(key, "assumes-role", t.Role(aws.ToString(v.Role)))
			}
			return nil
		})
	})
}

var urlFields = collect.Fields[types.FunctionUrlConfig]{
	collect.Text("function_url", "the HTTPS endpoint", func(u types.FunctionUrlConfig) *string { return u.FunctionUrl }),
	collect.Enum("auth_type", "AWS_IAM, or NONE: anyone on the internet may invoke the function", func(u types.FunctionUrlConfig) types.FunctionUrlAuthType { return u.AuthType }),
	collect.Enum("invoke_mode", "BUFFERED or RESPONSE_STREAM", func(u types.FunctionUrlConfig) types.InvokeMode { return u.InvokeMode }),
	collect.Computed("cors_allow_origins", model.JSON, "origins CORS allows", func(u types.FunctionUrlConfig) any {
		if u.Cors == nil || u.Cors.AllowOrigins == nil {
			return []string{}
		}
		return u.Cors.AllowOrigins
	}),
	timeField("last_modified", "last update of the URL's configuration", func(u types.FunctionUrlConfig) *string { return u.LastModifiedTime }),
}

// functionURLs lists the URLs of each function and of its aliases.
func functionURLs(ctx context.Context, t *collect.Task) error {
	return perFunction(ctx, t, "ListFunctionUrlConfigs", func(ctx context.Context, api *lambda.Client, f types.FunctionConfiguration) error {
		fn := aws.ToString(f.FunctionName)
		p := lambda.NewListFunctionUrlConfigsPaginator(api, &lambda.ListFunctionUrlConfigsInput{FunctionName: f.FunctionName, MaxItems: t.PageSize(50)})
		return collect.EachPage(ctx, p, func(page *lambda.ListFunctionUrlConfigsOutput) error {
			for _, u := range page.FunctionUrlConfigs {
				key := t.Key("function-url", qualifiedID(aws.ToString(u.FunctionArn)))
				t.Emit(&model.Resource{Key: key, ARN: aws.ToString(u.FunctionArn), Name: fn, CreatedAt: lambdaTime(u.CreationTime), Details: urlFields.Details(u)})
				t.Relate(key, "invokes", t.Key("function", fn))
			}
			return nil
		})
	})
}

var provisionedFields = collect.Fields[types.ProvisionedConcurrencyConfigListItem]{
	collect.Int("requested", "provisioned concurrent executions asked for (billed while allocated)", func(p types.ProvisionedConcurrencyConfigListItem) *int32 {
		return p.RequestedProvisionedConcurrentExecutions
	}),
	collect.Int("allocated", "provisioned concurrent executions allocated", func(p types.ProvisionedConcurrencyConfigListItem) *int32 {
		return p.AllocatedProvisionedConcurrentExecutions
	}),
	collect.Int("available", "provisioned concurrent executions available now", func(p types.ProvisionedConcurrencyConfigListItem) *int32 {
		return p.AvailableProvisionedConcurrentExecutions
	}),
	collect.Enum("status", "IN_PROGRESS, READY or FAILED", func(p types.ProvisionedConcurrencyConfigListItem) types.ProvisionedConcurrencyStatusEnum {
		return p.Status
	}),
	collect.Text("status_reason", "why allocation failed, if it did", func(p types.ProvisionedConcurrencyConfigListItem) *string { return p.StatusReason }),
	timeField("last_modified", "last update of the configuration", func(p types.ProvisionedConcurrencyConfigListItem) *string { return p.LastModified }),
}

// provisionedConcurrency lists the provisioned concurrency of each
// function's versions and aliases.
func provisionedConcurrency(ctx context.Context, t *collect.Task) error {
	return perFunction(ctx, t, "ListProvisionedConcurrencyConfigs", func(ctx context.Context, api *lambda.Client, f types.FunctionConfiguration) error {
		fn := aws.ToString(f.FunctionName)
		p := lambda.NewListProvisionedConcurrencyConfigsPaginator(api, &lambda.ListProvisionedConcurrencyConfigsInput{FunctionName: f.FunctionName, MaxItems: t.PageSize(50)})
		return collect.EachPage(ctx, p, func(page *lambda.ListProvisionedConcurrencyConfigsOutput) error {
			for _, c := range page.ProvisionedConcurrencyConfigs {
				key := t.Key("provisioned-concurrency", qualifiedID(aws.ToString(c.FunctionArn)))
				t.Emit(&model.Resource{Key: key, ARN: aws.ToString(c.FunctionArn), Name: fn, Details: provisionedFields.Details(c)})
				t.Relate(key, "configures", t.Key("function", fn))
			}
			return nil
		})
	})
}

var codeSigningFields = collect.Fields[types.CodeSigningConfig]{
	collect.Text("description", "description of the configuration", func(c types.CodeSigningConfig) *string { return c.Description }),
	collect.Enum("untrusted_artifact_on_deployment", "Warn, or Enforce: deployments of unsigned or untrusted code are refused", func(c types.CodeSigningConfig) types.CodeSigningPolicy {
		if c.CodeSigningPolicies == nil {
			return ""
		}
		return c.CodeSigningPolicies.UntrustedArtifactOnDeployment
	}),
	collect.Computed("allowed_signing_profiles", model.JSON, "ARNs of the signing profile versions trusted", func(c types.CodeSigningConfig) any {
		if c.AllowedPublishers == nil || c.AllowedPublishers.SigningProfileVersionArns == nil {
			return []string{}
		}
		return c.AllowedPublishers.SigningProfileVersionArns
	}),
	timeField("last_modified", "last update of the configuration", func(c types.CodeSigningConfig) *string { return c.LastModified }),
}

// codeSigningConfigs reads each configuration's tags with ListTags,
// concurrently: the listing has none.
func codeSigningConfigs(ctx context.Context, t *collect.Task) error {
	api := client(t)
	p := lambda.NewListCodeSigningConfigsPaginator(api, &lambda.ListCodeSigningConfigsInput{MaxItems: t.PageSize(50)})
	return collect.EachItem(ctx, p, func(page *lambda.ListCodeSigningConfigsOutput) []types.CodeSigningConfig {
		return page.CodeSigningConfigs
	},
		func(ctx context.Context, c types.CodeSigningConfig) {
			r := &model.Resource{Key: t.Key("code-signing-config", aws.ToString(c.CodeSigningConfigId)), ARN: aws.ToString(c.CodeSigningConfigArn),
				Details: codeSigningFields.Details(c)}
			out, err := api.ListTags(ctx, &lambda.ListTagsInput{Resource: c.CodeSigningConfigArn})
			if err != nil {
				t.Warn("ListTags", err)
			} else {
				r.Tags = out.Tags
			}
			t.Emit(r)
		})
}
