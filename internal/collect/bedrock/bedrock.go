// Package bedrock collects Amazon Bedrock custom models, guardrails,
// provisioned throughput, application inference profiles and the
// region's model invocation logging configuration.
package bedrock

import (
	"context"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/bedrock"
	"github.com/aws/aws-sdk-go-v2/service/bedrock/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the Bedrock collector.
var Service = &collect.Service{
	Name:        "bedrock",
	Description: "Bedrock custom models, guardrails, provisioned throughput, inference profiles and invocation logging",
	Types: []collect.Type{
		{Name: "custom-model", Description: "Bedrock custom (fine-tuned or distilled) model (id = name)",
			Fields: customModelFields.Declared(), Tags: collect.TagsPerResource, Collect: customModels, DetailCalls: 2},
		{Name: "guardrail", Description: "Bedrock guardrail (id = guardrail id), its working draft",
			Fields: guardrailFields.Declared(), Tags: collect.TagsPerResource, Collect: guardrails, DetailCalls: 2},
		{Name: "provisioned-model-throughput", Description: "Bedrock provisioned throughput (id = name): model units bought, with or without commitment",
			Fields: throughputFields.Declared(), Tags: collect.TagsPerResource, Collect: throughputs, DetailCalls: 1},
		{Name: "inference-profile", Description: "Bedrock application inference profile (id = profile id); AWS's system-defined profiles are skipped",
			Fields: profileFields.Declared(), Tags: collect.TagsPerResource, Collect: inferenceProfiles, DetailCalls: 1},
		{Name: "invocation-logging", Description: "Bedrock model invocation logging of the region (id = region, no ARN); none: the collection is unsupported, code NotEnabled",
			Fields: loggingFields.Declared(), Tags: collect.NotTaggable, Collect: invocationLogging},
	},
	Calls: "custom-model: ListCustomModels + per model GetCustomModel, ListTagsForResource. " +
		"guardrail: ListGuardrails + per guardrail GetGuardrail, ListTagsForResource. " +
		"provisioned-model-throughput: ListProvisionedModelThroughputs + per throughput ListTagsForResource. " +
		"inference-profile: ListInferenceProfiles (type APPLICATION) + per profile ListTagsForResource. " +
		"invocation-logging: GetModelInvocationLoggingConfiguration",
	Relations: []collect.Relation{
		{From: "custom-model", Kind: "encrypted-with", To: "kms/key"},
		{From: "guardrail", Kind: "encrypted-with", To: "kms/key"},
		{From: "provisioned-model-throughput", Kind: "serves", To: "bedrock/custom-model"},
		{From: "invocation-logging", Kind: "logs-to", To: "logs/log-group"},
		{From: "invocation-logging", Kind: "logs-to", To: "s3/bucket"},
		{From: "invocation-logging", Kind: "assumes-role", To: "iam/role"},
	},
}

// tags reads a resource's tags; a failure is a warning.
func tags(ctx context.Context, t *collect.Task, api *bedrock.Client, arn string) map[string]string {
	out, err := api.ListTagsForResource(ctx, &bedrock.ListTagsForResourceInput{ResourceARN: aws.String(arn)})
	if err != nil {
		t.Warn("ListTagsForResource", err)
		return nil
	}
	return collect.TagMap(out.Tags, func(tg types.Tag) (*string, *string) { return tg.Key, tg.Value })
}

var customModelFields = collect.Fields[*bedrock.GetCustomModelOutput]{
	collect.Enum("status", "Active, Creating or Failed", func(m *bedrock.GetCustomModelOutput) types.ModelStatus { return m.ModelStatus }),
	collect.Enum("customization_type", "FINE_TUNING, CONTINUED_PRE_TRAINING, DISTILLATION, ...", func(m *bedrock.GetCustomModelOutput) types.CustomizationType {
		return m.CustomizationType
	}),
	collect.Text("base_model", "ARN of the foundation model it was customised from", func(m *bedrock.GetCustomModelOutput) *string { return m.BaseModelArn }),
	collect.Text("kms_key_arn", "customer managed KMS key encrypting the model; empty: AWS owned key", func(m *bedrock.GetCustomModelOutput) *string { return m.ModelKmsKeyArn }),
	collect.Text("job_name", "customization job that made the model", func(m *bedrock.GetCustomModelOutput) *string { return m.JobName }),
	collect.Computed("output_s3_uri", model.Text, "where the job wrote its output", func(m *bedrock.GetCustomModelOutput) any {
		if m.OutputDataConfig == nil {
			return ""
		}
		return aws.ToString(m.OutputDataConfig.S3Uri)
	}),
}

func customModels(ctx context.Context, t *collect.Task) error {
	api := bedrock.NewFromConfig(t.Config)
	p := bedrock.NewListCustomModelsPaginator(api, &bedrock.ListCustomModelsInput{MaxResults: t.PageSize(1000)})
	return collect.EachItem(ctx, p, func(page *bedrock.ListCustomModelsOutput) []types.CustomModelSummary { return page.ModelSummaries },
		func(ctx context.Context, s types.CustomModelSummary) {
			name, arn := aws.ToString(s.ModelName), aws.ToString(s.ModelArn)
			key := t.Key("custom-model", name)
			r := &model.Resource{Key: key, Name: name, ARN: arn, CreatedAt: model.Time(s.CreationTime)}
			if m, err := api.GetCustomModel(ctx, &bedrock.GetCustomModelInput{ModelIdentifier: s.ModelArn}); err != nil {
				t.Warn("GetCustomModel", err)
			} else {
				r.Details = customModelFields.Details(m)
				t.Relate(key, "encrypted-with", t.KMSKey(aws.ToString(m.ModelKmsKeyArn)))
			}
			r.Tags = tags(ctx, t, api, arn)
			t.Emit(r)
		})
}

var guardrailFields = collect.Fields[*bedrock.GetGuardrailOutput]{
	collect.Enum("status", "READY, CREATING, UPDATING, VERSIONING, FAILED or DELETING", func(g *bedrock.GetGuardrailOutput) types.GuardrailStatus { return g.Status }),
	collect.Text("description", "guardrail description", func(g *bedrock.GetGuardrailOutput) *string { return g.Description }),
	collect.Text("kms_key_arn", "customer managed KMS key encrypting the guardrail", func(g *bedrock.GetGuardrailOutput) *string { return g.KmsKeyArn }),
	collect.Computed("content_filters", model.Integer, "harmful-content filters configured", func(g *bedrock.GetGuardrailOutput) any {
		if g.ContentPolicy == nil {
			return int64(0)
		}
		return int64(len(g.ContentPolicy.Filters))
	}),
	collect.Computed("denied_topics", model.Integer, "denied topics configured", func(g *bedrock.GetGuardrailOutput) any {
		if g.TopicPolicy == nil {
			return int64(0)
		}
		return int64(len(g.TopicPolicy.Topics))
	}),
	collect.Computed("pii_filters", model.Integer, "PII entity types and regexes blocked or masked", func(g *bedrock.GetGuardrailOutput) any {
		if g.SensitiveInformationPolicy == nil {
			return int64(0)
		}
		return int64(len(g.SensitiveInformationPolicy.PiiEntities) + len(g.SensitiveInformationPolicy.Regexes))
	}),
	collect.Computed("grounding_check", model.Boolean, "contextual grounding (hallucination) check configured", func(g *bedrock.GetGuardrailOutput) any {
		return g.ContextualGroundingPolicy != nil && len(g.ContextualGroundingPolicy.Filters) > 0
	}),
	collect.Timestamp("updated_at", "last change of the draft", func(g *bedrock.GetGuardrailOutput) *time.Time { return g.UpdatedAt }),
}

func guardrails(ctx context.Context, t *collect.Task) error {
	api := bedrock.NewFromConfig(t.Config)
	p := bedrock.NewListGuardrailsPaginator(api, &bedrock.ListGuardrailsInput{MaxResults: t.PageSize(1000)})
	return collect.EachItem(ctx, p, func(page *bedrock.ListGuardrailsOutput) []types.GuardrailSummary { return page.Guardrails },
		func(ctx context.Context, s types.GuardrailSummary) {
			id, arn := aws.ToString(s.Id), aws.ToString(s.Arn)
			key := t.Key("guardrail", id)
			r := &model.Resource{Key: key, Name: aws.ToString(s.Name), ARN: arn, CreatedAt: model.Time(s.CreatedAt)}
			if g, err := api.GetGuardrail(ctx, &bedrock.GetGuardrailInput{GuardrailIdentifier: s.Id}); err != nil {
				t.Warn("GetGuardrail", err)
			} else {
				r.Details = guardrailFields.Details(g)
				t.Relate(key, "encrypted-with", t.KMSKey(aws.ToString(g.KmsKeyArn)))
			}
			r.Tags = tags(ctx, t, api, arn)
			t.Emit(r)
		})
}

var throughputFields = collect.Fields[types.ProvisionedModelSummary]{
	collect.Enum("status", "Creating, InService, Updating or Failed", func(p types.ProvisionedModelSummary) types.ProvisionedModelStatus { return p.Status }),
	collect.Text("model_arn", "model served (a foundation or a custom model)", func(p types.ProvisionedModelSummary) *string { return p.ModelArn }),
	collect.Int("model_units", "model units provisioned (the billed capacity)", func(p types.ProvisionedModelSummary) *int32 { return p.ModelUnits }),
	collect.Enum("commitment", "OneMonth or SixMonths; empty: no commitment, billed hourly", func(p types.ProvisionedModelSummary) types.CommitmentDuration {
		return p.CommitmentDuration
	}),
	collect.Timestamp("commitment_expires", "when the commitment term ends", func(p types.ProvisionedModelSummary) *time.Time { return p.CommitmentExpirationTime }),
}

func throughputs(ctx context.Context, t *collect.Task) error {
	api := bedrock.NewFromConfig(t.Config)
	p := bedrock.NewListProvisionedModelThroughputsPaginator(api, &bedrock.ListProvisionedModelThroughputsInput{MaxResults: t.PageSize(1000)})
	return collect.EachItem(ctx, p, func(page *bedrock.ListProvisionedModelThroughputsOutput) []types.ProvisionedModelSummary {
		return page.ProvisionedModelSummaries
	}, func(ctx context.Context, s types.ProvisionedModelSummary) {
		name, arn := aws.ToString(s.ProvisionedModelName), aws.ToString(s.ProvisionedModelArn)
		key := t.Key("provisioned-model-throughput", name)
		t.Emit(&model.Resource{Key: key, Name: name, ARN: arn, CreatedAt: model.Time(s.CreationTime),
			Details: throughputFields.Details(s), Tags: tags(ctx, t, api, arn)})
		if m := customModelName(aws.ToString(s.ModelArn)); m != "" {
			t.Relate(key, "serves", t.Key("custom-model", m))
		}
	})
}

// customModelName is the name in a custom model's ARN
// (arn:aws:bedrock:r:a:custom-model/NAME or .../BASE/NAME); "" for a
// foundation model.
func customModelName(arn string) string {
	if !strings.Contains(arn, ":custom-model/") {
		return ""
	}
	return collect.ARNResourceName(arn)
}

var profileFields = collect.Fields[types.InferenceProfileSummary]{
	collect.Enum("status", "ACTIVE", func(p types.InferenceProfileSummary) types.InferenceProfileStatus { return p.Status }),
	collect.Text("description", "profile description", func(p types.InferenceProfileSummary) *string { return p.Description }),
	collect.Computed("models", model.JSON, "ARNs of the models the profile routes to", func(p types.InferenceProfileSummary) any {
		out := []string{}
		for _, m := range p.Models {
			out = append(out, aws.ToString(m.ModelArn))
		}
		return out
	}),
}

func inferenceProfiles(ctx context.Context, t *collect.Task) error {
	api := bedrock.NewFromConfig(t.Config)
	p := bedrock.NewListInferenceProfilesPaginator(api, &bedrock.ListInferenceProfilesInput{MaxResults: t.PageSize(1000), TypeEquals: types.InferenceProfileTypeApplication})
	return collect.EachItem(ctx, p, func(page *bedrock.ListInferenceProfilesOutput) []types.InferenceProfileSummary {
		return page.InferenceProfileSummaries
	},
		func(ctx context.Context, s types.InferenceProfileSummary) {
			arn := aws.ToString(s.InferenceProfileArn)
			t.Emit(&model.Resource{Key: t.Key("inference-profile", aws.ToString(s.InferenceProfileId)), Name: aws.ToString(s.InferenceProfileName), ARN: arn,
				CreatedAt: model.Time(s.CreatedAt), Details: profileFields.Details(s), Tags: tags(ctx, t, api, arn)})
		})
}

var loggingFields = collect.Fields[*types.LoggingConfig]{
	collect.Computed("log_group", model.Text, "CloudWatch Logs log group the invocations go to", func(l *types.LoggingConfig) any {
		return aws.ToString(cloudWatch(l).LogGroupName)
	}),
	collect.Computed("s3_bucket", model.Text, "S3 bucket the invocations go to", func(l *types.LoggingConfig) any { return aws.ToString(s3Config(l).BucketName) }),
	collect.Bool("text_data", "prompts and completions in text are logged", func(l *types.LoggingConfig) *bool { return l.TextDataDeliveryEnabled }),
	collect.Bool("image_data", "image inputs and outputs are logged", func(l *types.LoggingConfig) *bool { return l.ImageDataDeliveryEnabled }),
	collect.Bool("embedding_data", "embeddings are logged", func(l *types.LoggingConfig) *bool { return l.EmbeddingDataDeliveryEnabled }),
}

func cloudWatch(l *types.LoggingConfig) types.CloudWatchConfig {
	if l.CloudWatchConfig == nil {
		return types.CloudWatchConfig{}
	}
	return *l.CloudWatchConfig
}

func s3Config(l *types.LoggingConfig) types.S3Config {
	if l.S3Config == nil {
		return types.S3Config{}
	}
	return *l.S3Config
}

func invocationLogging(ctx context.Context, t *collect.Task) error {
	out, err := bedrock.NewFromConfig(t.Config).GetModelInvocationLoggingConfiguration(ctx, &bedrock.GetModelInvocationLoggingConfigurationInput{})
	if err != nil {
		return err
	}
	l := out.LoggingConfig
	if l == nil || l.CloudWatchConfig == nil && l.S3Config == nil {
		return awsx.NotEnabled("GetModelInvocationLoggingConfiguration", "Bedrock model invocation logging", t.Region)
	}
	key := t.Key("invocation-logging", t.Region)
	t.Emit(&model.Resource{Key: key, Name: "invocation logging", Details: loggingFields.Details(l)})
	t.Relate(key, "logs-to", t.Ref("logs", "log-group", aws.ToString(cloudWatch(l).LogGroupName)))
	t.RelateByName(key, "logs-to", "s3", "bucket", aws.ToString(s3Config(l).BucketName), t.Region)
	t.Relate(key, "assumes-role", t.Role(aws.ToString(cloudWatch(l).RoleArn)))
	return nil
}
