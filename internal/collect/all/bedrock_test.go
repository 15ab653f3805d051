package all_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/bedrock"
	"github.com/aws/aws-sdk-go-v2/service/bedrock/types"

	"github.com/awsmap/awsmap/internal/awsx"
	collector "github.com/awsmap/awsmap/internal/collect/bedrock"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
)

var bedrockPaged = collecttest.Paged{Cap: 2}

const bedrockRegion = "us-east-1"

var (
	bedrockKey = "arn:aws:kms:us-east-1:" + account + ":key/k-br"
)

func bedrockTag(k, v string) []types.Tag {
	return []types.Tag{{Key: aws.String(k), Value: aws.String(v)}}
}

// moto writes custom models' times in a form the SDK cannot read:
// canned listing and description, two pages.
func customModels(getDenied bool) map[string]func(any) (any, error) {
	arn := func(n string) *string {
		return aws.String("arn:aws:bedrock:us-east-1:" + account + ":custom-model/amazon.titan-text-express-v1:0:8k/" + n)
	}
	created := time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC)
	get := func(in any) (any, error) {
		id := aws.ToString(in.(*bedrock.GetCustomModelInput).ModelIdentifier)
		out := &bedrock.GetCustomModelOutput{ModelArn: aws.String(id), ModelStatus: types.ModelStatusActive, CustomizationType: types.CustomizationTypeFineTuning,
			JobName: aws.String("job-" + collectName(id)), OutputDataConfig: &types.OutputDataConfig{S3Uri: aws.String("s3://train/out")}}
		if collectName(id) == "tuned0" {
			out.ModelKmsKeyArn = aws.String(bedrockKey)
		}
		return out, nil
	}
	if getDenied {
		get = collecttest.Denied("GetCustomModel")
	}
	return map[string]func(any) (any, error){
		"ListCustomModels": func(in any) (any, error) {
			if aws.ToString(in.(*bedrock.ListCustomModelsInput).NextToken) == "" {
				return &bedrock.ListCustomModelsOutput{NextToken: aws.String("2"), ModelSummaries: []types.CustomModelSummary{
					{ModelName: aws.String("tuned0"), ModelArn: arn("tuned0"), CreationTime: &created}, {ModelName: aws.String("tuned1"), ModelArn: arn("tuned1")}}}, nil
			}
			return &bedrock.ListCustomModelsOutput{ModelSummaries: []types.CustomModelSummary{{ModelName: aws.String("tuned2"), ModelArn: arn("tuned2")}}}, nil
		},
		"GetCustomModel":      get,
		"ListTagsForResource": func(any) (any, error) { return &bedrock.ListTagsForResourceOutput{Tags: bedrockTag("team", "ai")}, nil },
	}
}

func collectName(arn string) string { return arn[strings.LastIndex(arn, "/")+1:] }

func TestBedrockCustomModels(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, bedrockRegion, awsx.Options{Responder: collecttest.Canned(customModels(false))})
	got := bedrockPaged.Run(t, cfg, collector.Service, "custom-model", bedrockRegion)
	if got.Err != nil || len(got.Resources) != 3 {
		t.Fatalf("custom models: %v, %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	m := got.ByID()["tuned0"]
	if m == nil || m.Tags["team"] != "ai" || m.ARN == "" || m.CreatedAt != "2026-04-01T00:00:00Z" {
		t.Fatalf("tuned0 %+v", m)
	}
	for k, v := range map[string]any{"kms_key_arn": bedrockKey, "job_name": "job-tuned0", "output_s3_uri": "s3://train/out", "customization_type": "FINE_TUNING", "status": "Active"} {
		if m.Details[k] != v {
			t.Errorf("details[%s] = %#v, want %#v", k, m.Details[k], v)
		}
	}
	collecttest.HasEdges(t, got, "tuned0 -encrypted-with-> kms/key:k-br")
}

func TestBedrockInvocationLogging(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.Config(t, bedrockRegion, nil)
	got := bedrockPaged.Run(t, cfg, collector.Service, "invocation-logging", bedrockRegion)
	if awsx.Classify(got.Err) != awsx.Unsupported || awsx.ErrorCode(got.Err) != "NotEnabled" || len(got.Resources) != 0 {
		t.Fatalf("want unsupported NotEnabled without logging, got %v", got.Err)
	}
	_, err := bedrock.NewFromConfig(cfg).PutModelInvocationLoggingConfiguration(ctx, &bedrock.PutModelInvocationLoggingConfigurationInput{LoggingConfig: &types.LoggingConfig{
		CloudWatchConfig:        &types.CloudWatchConfig{LogGroupName: aws.String("bedrock-calls"), RoleArn: aws.String("arn:aws:iam::" + account + ":role/br-logs")},
		S3Config:                &types.S3Config{BucketName: aws.String("bedrock-logs")},
		TextDataDeliveryEnabled: aws.Bool(true)}})
	if err != nil {
		t.Fatal(err)
	}
	got = bedrockPaged.Run(t, cfg, collector.Service, "invocation-logging", bedrockRegion)
	if got.Err != nil || len(got.Resources) != 1 {
		t.Fatalf("logging: %v, %d", got.Err, len(got.Resources))
	}
	l := got.Resources[0]
	if l.ID != bedrockRegion || l.Details["log_group"] != "bedrock-calls" || l.Details["s3_bucket"] != "bedrock-logs" || l.Details["text_data"] != true || l.Details["image_data"] != false {
		t.Fatalf("logging %+v", l)
	}
	collecttest.HasEdges(t, got, bedrockRegion+" -logs-to-> logs/log-group:bedrock-calls", bedrockRegion+" -logs-to-> s3/bucket:bedrock-logs", bedrockRegion+" -assumes-role-> iam/role:br-logs")
}

// moto serves neither guardrails, provisioned throughput nor inference
// profiles: canned, with two pages each.
func TestBedrockCanned(t *testing.T) {
	collecttest.Setup(t)
	created := time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)
	arn := func(res string) *string { return aws.String("arn:aws:bedrock:us-east-1:" + account + ":" + res) }
	twoPages := func(token *string, first, second any) any {
		if aws.ToString(token) == "" {
			return first
		}
		return second
	}
	cfg := collecttest.ConfigWith(t, bedrockRegion, awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){
		"ListGuardrails": func(in any) (any, error) {
			return twoPages(in.(*bedrock.ListGuardrailsInput).NextToken,
				&bedrock.ListGuardrailsOutput{NextToken: aws.String("2"), Guardrails: []types.GuardrailSummary{{Id: aws.String("gr1"), Name: aws.String("strict"), Arn: arn("guardrail/gr1"), CreatedAt: &created}}},
				&bedrock.ListGuardrailsOutput{Guardrails: []types.GuardrailSummary{{Id: aws.String("gr2"), Name: aws.String("loose"), Arn: arn("guardrail/gr2")}}}), nil
		},
		"GetGuardrail": func(in any) (any, error) {
			if aws.ToString(in.(*bedrock.GetGuardrailInput).GuardrailIdentifier) == "gr2" {
				return &bedrock.GetGuardrailOutput{Status: types.GuardrailStatusReady}, nil
			}
			return &bedrock.GetGuardrailOutput{Status: types.GuardrailStatusReady, KmsKeyArn: aws.String(bedrockKey),
				ContentPolicy:              &types.GuardrailContentPolicy{Filters: []types.GuardrailContentFilter{{Type: types.GuardrailContentFilterTypeHate}, {Type: types.GuardrailContentFilterTypeViolence}}},
				SensitiveInformationPolicy: &types.GuardrailSensitiveInformationPolicy{PiiEntities: []types.GuardrailPiiEntity{{Type: types.GuardrailPiiEntityTypeEmail}}}}, nil
		},
		"ListProvisionedModelThroughputs": func(any) (any, error) {
			return &bedrock.ListProvisionedModelThroughputsOutput{ProvisionedModelSummaries: []types.ProvisionedModelSummary{{ProvisionedModelName: aws.String("prod"),
				ProvisionedModelArn: arn("provisioned-model/abc"), ModelArn: arn("custom-model/amazon.titan-text-express-v1:0:8k/tuned0"), ModelUnits: aws.Int32(2),
				Status: types.ProvisionedModelStatusInService, CommitmentDuration: types.CommitmentDurationOneMonth, CreationTime: &created}}}, nil
		},
		"ListInferenceProfiles": func(in any) (any, error) {
			if in.(*bedrock.ListInferenceProfilesInput).TypeEquals != types.InferenceProfileTypeApplication {
				return nil, fmt.Errorf("system profiles asked for")
			}
			return &bedrock.ListInferenceProfilesOutput{InferenceProfileSummaries: []types.InferenceProfileSummary{{InferenceProfileId: aws.String("ip1"),
				InferenceProfileName: aws.String("chat-cost"), InferenceProfileArn: arn("application-inference-profile/ip1"), Status: types.InferenceProfileStatusActive,
				Type: types.InferenceProfileTypeApplication, Models: []types.InferenceProfileModel{{ModelArn: arn("foundation-model/claude")}}}}}, nil
		},
		"ListTagsForResource": func(any) (any, error) { return &bedrock.ListTagsForResourceOutput{Tags: bedrockTag("team", "ai")}, nil },
	})})

	got := bedrockPaged.Run(t, cfg, collector.Service, "guardrail", bedrockRegion)
	if got.Err != nil || len(got.Resources) != 2 {
		t.Fatalf("guardrails: %v, %d", got.Err, len(got.Resources))
	}
	g := got.ByID()["gr1"]
	if g.Name != "strict" || g.Tags["team"] != "ai" || g.Details["content_filters"] != int64(2) || g.Details["pii_filters"] != int64(1) || g.Details["kms_key_arn"] != bedrockKey {
		t.Fatalf("gr1 %+v", g)
	}
	if got.ByID()["gr2"].Details["content_filters"] != int64(0) {
		t.Errorf("gr2 %+v", got.ByID()["gr2"])
	}
	collecttest.HasEdges(t, got, "gr1 -encrypted-with-> kms/key:k-br")

	got = bedrockPaged.Run(t, cfg, collector.Service, "provisioned-model-throughput", bedrockRegion)
	if got.Err != nil || len(got.Resources) != 1 {
		t.Fatalf("throughput: %v, %d", got.Err, len(got.Resources))
	}
	p := got.Resources[0]
	if p.ID != "prod" || p.Details["model_units"] != int64(2) || p.Details["commitment"] != "OneMonth" || p.Details["status"] != "InService" {
		t.Fatalf("throughput %+v", p)
	}
	collecttest.HasEdges(t, got, "prod -serves-> bedrock/custom-model:tuned0")

	got = bedrockPaged.Run(t, cfg, collector.Service, "inference-profile", bedrockRegion)
	if got.Err != nil || len(got.Resources) != 1 || got.Resources[0].Name != "chat-cost" || got.Resources[0].Tags["team"] != "ai" {
		t.Fatalf("inference profiles: %v, %+v", got.Err, got.Resources)
	}
}

func TestBedrockDenied(t *testing.T) {
	collecttest.Setup(t)
	for typ, op := range map[string]string{"custom-model": "ListCustomModels", "invocation-logging": "GetModelInvocationLoggingConfiguration", "guardrail": "ListGuardrails"} {
		cfg := collecttest.ConfigWith(t, bedrockRegion, awsx.Options{Responder: collecttest.Deny(op)})
		collecttest.AssertDenied(t, bedrockPaged.Run(t, cfg, collector.Service, typ, bedrockRegion))
	}
	cfg := collecttest.ConfigWith(t, bedrockRegion, awsx.Options{Responder: collecttest.Canned(customModels(true))})
	got := bedrockPaged.Run(t, cfg, collector.Service, "custom-model", bedrockRegion)
	if got.Err != nil || len(got.Resources) != 3 || len(got.Task.Warnings()) != 3 || len(got.Resources[0].Details) != 0 {
		t.Fatalf("want the models without details and a warning each, got %v, %d, %v", got.Err, len(got.Resources), got.Task.Warnings())
	}
}
