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
		{Name: "function", Description: "Lambda function ($LATEST configuration)", Fields: functionFields, Tags: collect.TagsBulk, Collect: functions, DetailCalls: 1},
		{Name: "layer", Description: "Lambda layer (latest version)", Fields: layerFields, Tags: collect.NotTaggable, Collect: layers},
		{Name: "event-source-mapping", Description: "poller that feeds a queue or stream to a function", Fields: mappingFields, Tags: collect.TagsPerResource, Collect: mappings, DetailCalls: 1},
		{Name: "alias", Description: "alias of a function, pointing to one version or weighted between two", Fields: aliasFields.Declared(), Tags: collect.NotTaggable, Collect: aliases, DetailCalls: 1},
		{Name: "version", Description: "published version of a function ($LATEST is the function)", Fields: versionFields.Declared(), Tags: collect.NotTaggable, Collect: versions, DetailCalls: 1},
		{Name: "function-url", Description: "HTTPS endpoint of a function or alias", Fields: urlFields.Declared(), Tags: collect.NotTaggable, Collect: functionURLs, DetailCalls: 1},
		{Name: "provisioned-concurrency", Description: "provisioned concurrency of a function version or alias", Fields: provisionedFields.Declared(),
			Tags: collect.NotTaggable, Collect: provisionedConcurrency, DetailCalls: 1},
		{Name: "code-signing-config", Description: "code signing configuration: trusted signing profiles and what happens to untrusted code",
			Fields: codeSigningFields.Declared(), Tags: collect.TagsPerResource, Collect: codeSigningConfigs, DetailCalls: 1},
	},
	Calls: "function: ListFunctions + per function GetFunctionConcurrency; bulk tags (else per function ListTags). layer: 1 paged list. event-source-mapping: 1 paged list + per mapping ListTags. " +
		"alias, version, function-url, provisioned-concurrency: ListFunctions + per function ListAliases, ListVersionsByFunction, ListFunctionUrlConfigs, ListProvisionedConcurrencyConfigs. " +
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

var functionFields = []model.Field{
	{Name: "runtime", Type: "text", Description: "runtime, e.g. python3.12; empty for container images", Values: collect.Values(types.Runtime("").Values())},
	{Name: "architectures", Type: "json", Description: "instruction set architectures: x86_64, arm64"},
	{Name: "memory_mb", Type: "integer", Description: "memory in MB"},
	{Name: "timeout_seconds", Type: "integer", Description: "maximum run time in seconds"},
	{Name: "role", Type: "text", Description: "ARN of the execution role"},
	{Name: "handler", Type: "text", Description: "handler entry point"},
	{Name: "package_type", Type: "text", Description: "Zip or Image"},
	{Name: "code_size", Type: "integer", Description: "deployment package size in bytes"},
	{Name: "last_modified", Type: "timestamp", Description: "last code or configuration update"},
	{Name: "vpc_id", Type: "text", Description: "VPC the function is attached to, if any"},
	{Name: "subnet_ids", Type: "json", Description: "subnets of the VPC attachment"},
	{Name: "security_group_ids", Type: "json", Description: "security groups of the VPC attachment"},
	{Name: "environment_variable_names", Type: "json", Description: "names of the environment variables (values are never read)"},
	{Name: "dead_letter_target", Type: "text", Description: "ARN of the SQS queue or SNS topic for failed async events"},
	{Name: "layers", Type: "json", Description: "ARNs of the layer versions used"},
	{Name: "tracing_mode", Type: "text", Description: "X-Ray tracing: Active or PassThrough"},
	{Name: "reserved_concurrency", Type: "integer", Description: "reserved concurrent executions; null when unreserved"},
	{Name: "kms_key_arn", Type: "text", Description: "customer managed KMS key encrypting the environment"},
	{Name: "ephemeral_storage_mb", Type: "integer", Description: "size of /tmp in MB"},
}

func functions(ctx context.Context, t *collect.Task) error {
	api := client(t)
	bulk := collect.NewBulkTags(t, "lambda:function")
	p := lambda.NewListFunctionsPaginator(api, &lambda.ListFunctionsInput{MaxItems: t.PageSize(50)})
	return collect.EachPage(ctx, p, func(page *lambda.ListFunctionsOutput) error {
		collect.ForEach(ctx, page.Functions, func(ctx context.Context, f types.FunctionConfiguration) {
			d := functionDetails(f)
			tags := bulk.Of(ctx, aws.ToString(f.FunctionArn), "ListTags", func(ctx context.Context) (map[string]string, error) {
				out, err := api.ListTags(ctx, &lambda.ListTagsInput{Resource: f.FunctionArn})
				if err != nil {
					return nil, err
				}
				return out.Tags, nil
			})
			conc, err := api.GetFunctionConcurrency(ctx, &lambda.GetFunctionConcurrencyInput{FunctionName: f.FunctionName})
			if err != nil {
				t.Warn("GetFunctionConcurrency", err)
			} else {
				d["reserved_concurrency"] = nil // unreserved: draws on the account's unreserved pool
				if rc := conc.ReservedConcurrentExecutions; rc != nil {
					d["reserved_concurrency"] = *rc
				}
			}
			emitFunction(t, f, d, tags)
		})
		return nil
	})
}

func functionDetails(f types.FunctionConfiguration) map[string]any {
	archs := []string{}
	for _, a := range f.Architectures {
		archs = append(archs, string(a))
	}
	layerARNs := []string{}
	for _, l := range f.Layers {
		layerARNs = append(layerARNs, aws.ToString(l.Arn))
	}
	envNames := []string{}
	if f.Environment != nil {
		for name := range f.Environment.Variables {
			envNames = append(envNames, name)
		}
		slices.Sort(envNames)
	}
	d := map[string]any{
		"runtime":                    string(f.Runtime),
		"architectures":              archs,
		"memory_mb":                  aws.ToInt32(f.MemorySize),
		"timeout_seconds":            aws.ToInt32(f.Timeout),
		"role":                       aws.ToString(f.Role),
		"handler":                    aws.ToString(f.Handler),
		"package_type":               string(f.PackageType),
		"code_size":                  f.CodeSize,
		"last_modified":              lambdaTime(f.LastModified),
		"environment_variable_names": envNames,
		"layers":                     layerARNs,
		"kms_key_arn":                aws.ToString(f.KMSKeyArn),
	}
	if f.VpcConfig != nil {
		d["vpc_id"] = aws.ToString(f.VpcConfig.VpcId)
		d["subnet_ids"] = f.VpcConfig.SubnetIds
		d["security_group_ids"] = f.VpcConfig.SecurityGroupIds
	}
	if f.DeadLetterConfig != nil {
		d["dead_letter_target"] = aws.ToString(f.DeadLetterConfig.TargetArn)
	}
	if f.TracingConfig != nil {
		d["tracing_mode"] = string(f.TracingConfig.Mode)
	}
	if f.EphemeralStorage != nil {
		d["ephemeral_storage_mb"] = aws.ToInt32(f.EphemeralStorage.Size)
	}
	return d
}

func emitFunction(t *collect.Task, f types.FunctionConfiguration, d map[string]any, tags map[string]string) {
	name := aws.ToString(f.FunctionName)
	key := t.Key("function", name)
	t.Emit(&model.Resource{
		Key:     key,
		ARN:     aws.ToString(f.FunctionArn),
		Name:    name,
		Tags:    tags,
		Details: d,
	})
	t.Relate(key, "assumes-role", t.GlobalRef("iam", "role", collect.ARNResourceName(aws.ToString(f.Role))))
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

var layerFields = []model.Field{
	{Name: "latest_version", Type: "integer", Description: "latest version number"},
	{Name: "latest_version_arn", Type: "text", Description: "ARN of the latest version"},
	{Name: "description", Type: "text", Description: "description of the latest version"},
	{Name: "compatible_runtimes", Type: "json", Description: "runtimes the latest version declares"},
	{Name: "created", Type: "timestamp", Description: "when the latest version was published"},
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
	d := map[string]any{}
	var created string
	if v := l.LatestMatchingVersion; v != nil {
		runtimes := []string{}
		for _, r := range v.CompatibleRuntimes {
			runtimes = append(runtimes, string(r))
		}
		created = lambdaTime(v.CreatedDate)
		d["latest_version"] = v.Version
		d["latest_version_arn"] = aws.ToString(v.LayerVersionArn)
		d["description"] = aws.ToString(v.Description)
		d["compatible_runtimes"] = runtimes
		d["created"] = created
	}
	name := aws.ToString(l.LayerName)
	t.Emit(&model.Resource{
		Key:       t.Key("layer", name),
		ARN:       aws.ToString(l.LayerArn),
		Name:      name,
		CreatedAt: created,
		Details:   d,
	})
}

var mappingFields = []model.Field{
	{Name: "event_source_arn", Type: "text", Description: "ARN of the queue, stream or cluster read"},
	{Name: "function_arn", Type: "text", Description: "ARN of the function invoked"},
	{Name: "state", Type: "text", Description: "Enabled, Disabled, Creating, ..."},
	{Name: "batch_size", Type: "integer", Description: "maximum records per invocation"},
	{Name: "last_modified", Type: "timestamp", Description: "last update of the mapping"},
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
		Key:  key,
		ARN:  arn,
		Name: id,
		Tags: tags,
		Details: map[string]any{
			"event_source_arn": aws.ToString(m.EventSourceArn),
			"function_arn":     fn,
			"state":            aws.ToString(m.State),
			"batch_size":       aws.ToInt32(m.BatchSize),
			"last_modified":    model.Time(m.LastModified),
		},
	})
	t.Relate(key, "triggers", t.Key("function", collect.FunctionName(fn)))
}
