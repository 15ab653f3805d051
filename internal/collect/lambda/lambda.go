// Package lambda collects Lambda functions and what lives below them
// (aliases, versions, URLs, provisioned concurrency), layers, event source
// mappings and code signing configurations.
package lambda

import (
	"context"
	"slices"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/lambda"
	"github.com/aws/aws-sdk-go-v2/service/lambda/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the Lambda collector.
var Service = &collect.Service{
	Name:        "lambda",
	Description: "Lambda functions, aliases, versions, URLs, provisioned concurrency, layers, event source mappings and code signing configurations",
	Types: []collect.Type{
		{Name: "function", Description: "Lambda function ($LATEST configuration)", Fields: functionFields.Declared(), Tags: collect.TagsBulk, Collect: functions, DetailCalls: 1},
		{Name: "layer", Description: "Lambda layer (latest version)", Fields: layerFields.Declared(), Tags: collect.NotTaggable, Collect: layers},
		{Name: "event-source-mapping", Description: "poller that feeds a queue or stream to a function", Fields: mappingFields.Declared(), Tags: collect.TagsPerResource, Collect: mappings, DetailCalls: 1},
		{Name: "alias", Description: "alias of a function, pointing to one version or weighted between two", Fields: aliasFields.Declared(), Tags: collect.NotTaggable, Collect: aliases, DetailCalls: 1},
		{Name: "version", Description: "published version of a function ($LATEST is the function)", Fields: versionFields.Declared(), Tags: collect.NotTaggable, Collect: versions, DetailCalls: 1},
		{Name: "function-url", Description: "HTTPS endpoint of a function or alias", Fields: urlFields.Declared(), Tags: collect.NotTaggable, Collect: functionURLs, DetailCalls: 1},
		{Name: "provisioned-concurrency", Description: "provisioned concurrency of a function version or alias", Fields: provisionedFields.Declared(),
			Tags: collect.NotTaggable, Collect: provisionedConcurrency, DetailCalls: 1},
		{Name: "code-signing-config", Description: "code signing configuration: trusted signing profiles and what happens to untrusted code",
			Fields: codeSigningFields.Declared(), Tags: collect.TagsPerResource, Collect: codeSigningConfigs, DetailCalls: 1},
	},
	Calls: "ListFunctions once for function, alias, version, function-url and provisioned-concurrency; " +
		"function: per function GetFunctionConcurrency; bulk tags (else per function ListTags). layer: 1 paged list. event-source-mapping: 1 paged list + per mapping ListTags. " +
		"alias, version, function-url, provisioned-concurrency: per function ListAliases, ListVersionsByFunction, ListFunctionUrlConfigs, ListProvisionedConcurrencyConfigs. " +
		"code-signing-config: ListCodeSigningConfigs + per configuration ListTags",
	Relations: []collect.Relation{
		{From: "alias", Kind: "alias-of", To: "lambda/function"},
		{From: "version", Kind: "version-of", To: "lambda/function"},
		{From: "version", Kind: "assumes-role", To: "iam/role"},
		{From: "function-url", Kind: "invokes", To: "lambda/function"},
		{From: "provisioned-concurrency", Kind: "configures", To: "lambda/function"},
		{From: "event-source-mapping", Kind: "triggers", To: "lambda/function"},
		{From: "function", Kind: "assumes-role", To: "iam/role"},
		{From: "function", Kind: "in-subnet", To: "ec2/subnet"},
		{From: "function", Kind: "uses-security-group", To: "ec2/security-group"},
		{From: "function", Kind: "encrypted-with", To: "kms/key"},
	},
}

func client(t *collect.Task) *lambda.Client { return lambda.NewFromConfig(t.Config) }

// lambdaTime parses Lambda's string timestamps ("2024-05-14T22:32:30.880+0000").
func lambdaTime(s *string) string {
	for _, layout := range []string{"2006-01-02T15:04:05.000-0700", time.RFC3339Nano} {
		if ts, err := time.Parse(layout, aws.ToString(s)); err == nil {
			return model.Time(&ts)
		}
	}
	return ""
}

// function is a listed function with its GetFunctionConcurrency answer
// (nil when that failed).
type function struct {
	types.FunctionConfiguration
	concurrency *lambda.GetFunctionConcurrencyOutput
}

func inVPC(f function) bool { return f.VpcConfig != nil }

var functionFields = collect.Fields[function]{
	collect.Enum("runtime", "runtime, e.g. python3.12; empty for container images", func(f function) types.Runtime { return f.Runtime }),
	collect.Computed("architectures", model.JSON, "instruction set architectures: x86_64, arm64", func(f function) any {
		archs := []string{}
		for _, a := range f.Architectures {
			archs = append(archs, string(a))
		}
		return archs
	}),
	collect.Computed("memory_mb", model.Integer, "memory in MB", func(f function) any { return aws.ToInt32(f.MemorySize) }),
	collect.Computed("timeout_seconds", model.Integer, "maximum run time in seconds", func(f function) any { return aws.ToInt32(f.Timeout) }),
	collect.Text("role", "ARN of the execution role", func(f function) *string { return f.Role }),
	collect.Text("handler", "handler entry point", func(f function) *string { return f.Handler }),
	collect.Enum("package_type", "Zip or Image", func(f function) types.PackageType { return f.PackageType }),
	collect.Computed("code_size", model.Integer, "deployment package size in bytes", func(f function) any { return f.CodeSize }),
	timeField("last_modified", "last code or configuration update", func(f function) *string { return f.LastModified }),
	collect.When(inVPC, collect.Text("vpc_id", "VPC the function is attached to, if any", func(f function) *string { return f.VpcConfig.VpcId })),
	collect.When(inVPC, collect.Computed("subnet_ids", model.JSON, "subnets of the VPC attachment", func(f function) any { return f.VpcConfig.SubnetIds })),
	collect.When(inVPC, collect.Computed("security_group_ids", model.JSON, "security groups of the VPC attachment", func(f function) any { return f.VpcConfig.SecurityGroupIds })),
	collect.Computed("environment_variable_names", model.JSON, "names of the environment variables (values are never read)", func(f function) any {
		names := []string{}
		if f.Environment != nil {
			for name := range f.Environment.Variables {
				names = append(names, name)
			}
			slices.Sort(names)
		}
		return names
	}),
	collect.When(func(f function) bool { return f.DeadLetterConfig != nil },
		collect.Text("dead_letter_target", "ARN of the SQS queue or SNS topic for failed async events", func(f function) *string { return f.DeadLetterConfig.TargetArn })),
	collect.Computed("layers", model.JSON, "ARNs of the layer versions used", func(f function) any {
		arns := []string{}
		for _, l := range f.Layers {
			arns = append(arns, aws.ToString(l.Arn))
		}
		return arns
	}),
	collect.When(func(f function) bool { return f.TracingConfig != nil },
		collect.Enum("tracing_mode", "X-Ray tracing: Active or PassThrough", func(f function) types.TracingMode { return f.TracingConfig.Mode })),
	collect.When(func(f function) bool { return f.concurrency != nil },
		collect.Computed("reserved_concurrency", model.Integer, "reserved concurrent executions; null when unreserved", func(f function) any {
			if f.concurrency.ReservedConcurrentExecutions == nil {
				return collect.Null
			}
			return *f.concurrency.ReservedConcurrentExecutions
		})),
	collect.Text("kms_key_arn", "customer managed KMS key encrypting the environment", func(f function) *string { return f.KMSKeyArn }),
	collect.When(func(f function) bool { return f.EphemeralStorage != nil },
		collect.Computed("ephemeral_storage_mb", model.Integer, "size of /tmp in MB", func(f function) any { return aws.ToInt32(f.EphemeralStorage.Size) })),
}

// functionList are the region's functions, listed once for the function
// type and the four types that live below a function.
func functionList(ctx context.Context, t *collect.Task, api *lambda.Client) ([]types.FunctionConfiguration, error) {
	p := lambda.NewListFunctionsPaginator(api, &lambda.ListFunctionsInput{MaxItems: t.PageSize(50)})
	return collect.ReuseItems(ctx, t, "ListFunctions", p, func(page *lambda.ListFunctionsOutput) []types.FunctionConfiguration { return page.Functions })
}

func functions(ctx context.Context, t *collect.Task) error {
	api := client(t)
	bulk := collect.NewBulkTags(t, "lambda:function")
	list, err := functionList(ctx, t, api)
	collect.ForEach(ctx, list, func(ctx context.Context, f types.FunctionConfiguration) {
		tags := bulk.Of(ctx, aws.ToString(f.FunctionArn), "ListTags", func(ctx context.Context) (map[string]string, error) {
			out, err := api.ListTags(ctx, &lambda.ListTagsInput{Resource: f.FunctionArn})
			if err != nil {
				return nil, err
			}
			return out.Tags, nil
		})
		fn := function{FunctionConfiguration: f}
		conc, err := api.GetFunctionConcurrency(ctx, &lambda.GetFunctionConcurrencyInput{FunctionName: f.FunctionName})
		if err != nil {
			t.Warn("GetFunctionConcurrency", err)
		} else {
			fn.concurrency = conc
		}
		emitFunction(t, fn, tags)
	})
	return err
}

func emitFunction(t *collect.Task, f function, tags map[string]string) {
	name := aws.ToString(f.FunctionName)
	key := t.Key("function", name)
	t.Emit(&model.Resource{
		Key:     key,
		ARN:     aws.ToString(f.FunctionArn),
		Name:    name,
		Tags:    tags,
		Details: functionFields.Details(f),
	})
	t.Relate(key, "assumes-role", t.Role(aws.ToString(f.Role)))
	if f.VpcConfig != nil {
		for _, s := range f.VpcConfig.SubnetIds {
			t.Relate(key, "in-subnet", t.Ref("ec2", "subnet", s))
		}
		for _, sg := range f.VpcConfig.SecurityGroupIds {
			t.Relate(key, "uses-security-group", t.Ref("ec2", "security-group", sg))
		}
	}
	t.Relate(key, "encrypted-with", t.KMSKey(aws.ToString(f.KMSKeyArn)))
}

func hasLatest(l types.LayersListItem) bool { return l.LatestMatchingVersion != nil }

var layerFields = collect.Fields[types.LayersListItem]{
	collect.When(hasLatest, collect.Computed("latest_version", model.Integer, "latest version number", func(l types.LayersListItem) any { return l.LatestMatchingVersion.Version })),
	collect.When(hasLatest, collect.Text("latest_version_arn", "ARN of the latest version", func(l types.LayersListItem) *string { return l.LatestMatchingVersion.LayerVersionArn })),
	collect.When(hasLatest, collect.Text("description", "description of the latest version", func(l types.LayersListItem) *string { return l.LatestMatchingVersion.Description })),
	collect.When(hasLatest, collect.Computed("compatible_runtimes", model.JSON, "runtimes the latest version declares", func(l types.LayersListItem) any {
		runtimes := []string{}
		for _, r := range l.LatestMatchingVersion.CompatibleRuntimes {
			runtimes = append(runtimes, string(r))
		}
		return runtimes
	})),
	collect.When(hasLatest, timeField("created", "when the latest version was published", func(l types.LayersListItem) *string { return l.LatestMatchingVersion.CreatedDate })),
}

func layers(ctx context.Context, t *collect.Task) error {
	p := lambda.NewListLayersPaginator(client(t), &lambda.ListLayersInput{MaxItems: t.PageSize(50)})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return err
		}
		for _, l := range page.Layers {
			emitLayer(t, l)
		}
	}
	return nil
}

func emitLayer(t *collect.Task, l types.LayersListItem) {
	var created string
	if v := l.LatestMatchingVersion; v != nil {
		created = lambdaTime(v.CreatedDate)
	}
	name := aws.ToString(l.LayerName)
	t.Emit(&model.Resource{
		Key:       t.Key("layer", name),
		ARN:       aws.ToString(l.LayerArn),
		Name:      name,
		CreatedAt: created,
		Details:   layerFields.Details(l),
	})
}

var mappingFields = collect.Fields[types.EventSourceMappingConfiguration]{
	collect.Text("event_source_arn", "ARN of the queue, stream or cluster read", func(m types.EventSourceMappingConfiguration) *string { return m.EventSourceArn }),
	collect.Text("function_arn", "ARN of the function invoked", func(m types.EventSourceMappingConfiguration) *string { return m.FunctionArn }),
	collect.Text("state", "Enabled, Disabled, Creating, ...", func(m types.EventSourceMappingConfiguration) *string { return m.State }),
	collect.Computed("batch_size", model.Integer, "maximum records per invocation", func(m types.EventSourceMappingConfiguration) any { return aws.ToInt32(m.BatchSize) }),
	collect.Timestamp("last_modified", "last update of the mapping", func(m types.EventSourceMappingConfiguration) *time.Time { return m.LastModified }),
}

// mappings reads each mapping's tags with ListTags, concurrently: the
// listing has none.
func mappings(ctx context.Context, t *collect.Task) error {
	api := client(t)
	p := lambda.NewListEventSourceMappingsPaginator(api, &lambda.ListEventSourceMappingsInput{MaxItems: t.PageSize(1000)})
	return collect.EachPage(ctx, p, func(page *lambda.ListEventSourceMappingsOutput) error {
		collect.ForEach(ctx, page.EventSourceMappings, func(ctx context.Context, m types.EventSourceMappingConfiguration) {
			arn := mappingARN(t, m)
			out, err := api.ListTags(ctx, &lambda.ListTagsInput{Resource: aws.String(arn)})
			t.Warn("ListTags", err)
			var tags map[string]string
			if err == nil {
				tags = out.Tags
			}
			emitMapping(t, m, arn, tags)
		})
		return nil
	})
}

// mappingARN is the mapping's ARN, built from its UUID when the API leaves it out.
func mappingARN(t *collect.Task, m types.EventSourceMappingConfiguration) string {
	if arn := aws.ToString(m.EventSourceMappingArn); arn != "" {
		return arn
	}
	return collect.ARN(t, "lambda", "", "event-source-mapping:"+aws.ToString(m.UUID))
}

func emitMapping(t *collect.Task, m types.EventSourceMappingConfiguration, arn string, tags map[string]string) {
	id := aws.ToString(m.UUID)
	fn := aws.ToString(m.FunctionArn)
	key := t.Key("event-source-mapping", id)
	t.Emit(&model.Resource{
		Key:     key,
		ARN:     arn,
		Name:    id,
		Tags:    tags,
		Details: mappingFields.Details(m),
	})
	t.Relate(key, "triggers", t.Key("function", collect.FunctionName(fn)))
}
