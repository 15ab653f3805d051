// Package comprehend collects Amazon Comprehend custom models (document
// classifiers and entity recognizers) and the endpoints serving them.
package comprehend

import (
	"context"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/comprehend"
	"github.com/aws/aws-sdk-go-v2/service/comprehend/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the Comprehend collector.
var Service = &collect.Service{
	Name:        "comprehend",
	Description: "Comprehend endpoints, document classifiers and entity recognizers",
	Types: []collect.Type{
		{Name: "endpoint", Description: "Comprehend real-time endpoint (id = endpoint name): inference units are billed while it exists",
			Fields: endpointFields.Declared(), Tags: collect.TagsPerResource, Collect: endpoints, DetailCalls: 1},
		{Name: "document-classifier", Description: "Comprehend custom document classifier (id = name, or name/version/VERSION)",
			Fields: modelFields.Declared(), Tags: collect.TagsPerResource, Collect: classifiers, DetailCalls: 1},
		{Name: "entity-recognizer", Description: "Comprehend custom entity recognizer (id = name, or name/version/VERSION)",
			Fields: modelFields.Declared(), Tags: collect.TagsPerResource, Collect: recognizers, DetailCalls: 1},
	},
	Calls: "endpoint: ListEndpoints + per endpoint ListTagsForResource. document-classifier: ListDocumentClassifiers + per classifier ListTagsForResource. " +
		"entity-recognizer: ListEntityRecognizers + per recognizer ListTagsForResource",
	Relations: []collect.Relation{
		{From: "endpoint", Kind: "serves", To: "comprehend/document-classifier"},
		{From: "endpoint", Kind: "serves", To: "comprehend/entity-recognizer"},
		{From: "endpoint", Kind: "assumes-role", To: "iam/role"},
		{From: "document-classifier", Kind: "assumes-role", To: "iam/role"},
		{From: "document-classifier", Kind: "encrypted-with", To: "kms/key"},
		{From: "document-classifier", Kind: "in-subnet", To: "ec2/subnet"},
		{From: "document-classifier", Kind: "uses-security-group", To: "ec2/security-group"},
		{From: "entity-recognizer", Kind: "assumes-role", To: "iam/role"},
		{From: "entity-recognizer", Kind: "encrypted-with", To: "kms/key"},
		{From: "entity-recognizer", Kind: "in-subnet", To: "ec2/subnet"},
		{From: "entity-recognizer", Kind: "uses-security-group", To: "ec2/security-group"},
	},
}

// tags reads a resource's tags; a failure is a warning.
func tags(ctx context.Context, t *collect.Task, api *comprehend.Client, arn string) map[string]string {
	out, err := api.ListTagsForResource(ctx, &comprehend.ListTagsForResourceInput{ResourceArn: aws.String(arn)})
	if err != nil {
		t.Warn("ListTagsForResource", err)
		return nil
	}
	return collect.TagMap(out.Tags, func(tg types.Tag) (*string, *string) { return tg.Key, tg.Value })
}

// modelID is the id of a custom model in its ARN: what follows
// "document-classifier/" or "entity-recognizer/" (name[/version/V]).
func modelID(arn string) (typ, id string) {
	for _, typ := range []string{"document-classifier", "entity-recognizer"} {
		if _, rest, ok := strings.Cut(arn, ":"+typ+"/"); ok {
			return typ, rest
		}
	}
	return "", ""
}

var endpointFields = collect.Fields[types.EndpointProperties]{
	collect.Enum("status", "CREATING, DELETING, FAILED, IN_SERVICE or UPDATING", func(e types.EndpointProperties) types.EndpointStatus { return e.Status }),
	collect.Text("model_arn", "model the endpoint serves", func(e types.EndpointProperties) *string { return e.ModelArn }),
	collect.Int("inference_units", "inference units provisioned (billed per second)", func(e types.EndpointProperties) *int32 { return e.CurrentInferenceUnits }),
	collect.Text("data_access_role", "IAM role for the model's encryption key", func(e types.EndpointProperties) *string { return e.DataAccessRoleArn }),
	collect.Timestamp("last_modified", "last change", func(e types.EndpointProperties) *time.Time { return e.LastModifiedTime }),
}

func endpoints(ctx context.Context, t *collect.Task) error {
	api := comprehend.NewFromConfig(t.Config)
	p := comprehend.NewListEndpointsPaginator(api, &comprehend.ListEndpointsInput{MaxResults: t.PageSize(100)})
	return collect.EachItem(ctx, p, func(page *comprehend.ListEndpointsOutput) []types.EndpointProperties {
		return page.EndpointPropertiesList
	},
		func(ctx context.Context, e types.EndpointProperties) {
			arn := aws.ToString(e.EndpointArn)
			name := collect.ARNResourceName(arn)
			key := t.Key("endpoint", name)
			t.Emit(&model.Resource{Key: key, Name: name, ARN: arn, CreatedAt: model.Time(e.CreationTime), Details: endpointFields.Details(e), Tags: tags(ctx, t, api, arn)})
			if typ, id := modelID(aws.ToString(e.ModelArn)); typ != "" {
				t.Relate(key, "serves", t.Key(typ, id))
			}
			t.Relate(key, "assumes-role", t.Role(aws.ToString(e.DataAccessRoleArn)))
		})
}

// trained is what document classifiers and entity recognizers share.
type trained struct {
	arn, role, modelKey, volumeKey *string
	status                         types.ModelStatus
	language                       types.LanguageCode
	version                        *string
	submitted, trainingEnd         *time.Time
	vpc                            *types.VpcConfig
}

var modelFields = collect.Fields[trained]{
	collect.Enum("status", "SUBMITTED, TRAINING, TRAINED, IN_ERROR, STOPPED, ...", func(m trained) types.ModelStatus { return m.status }),
	collect.Enum("language", "language of the training documents", func(m trained) types.LanguageCode { return m.language }),
	collect.Text("version", "model version name", func(m trained) *string { return m.version }),
	collect.Text("model_kms_key", "KMS key encrypting the trained model", func(m trained) *string { return m.modelKey }),
	collect.Text("volume_kms_key", "KMS key encrypting the training volume", func(m trained) *string { return m.volumeKey }),
	collect.Text("data_access_role", "IAM role that reads the training data", func(m trained) *string { return m.role }),
	collect.Computed("in_vpc", model.Boolean, "training ran in a VPC of the account", func(m trained) any { return m.vpc != nil }),
	collect.Timestamp("training_end", "when training finished", func(m trained) *time.Time { return m.trainingEnd }),
}

func emitModel(ctx context.Context, t *collect.Task, api *comprehend.Client, m trained) {
	arn := aws.ToString(m.arn)
	typ, id := modelID(arn)
	key := t.Key(typ, id)
	name, _, _ := strings.Cut(id, "/")
	t.Emit(&model.Resource{Key: key, Name: name, ARN: arn, CreatedAt: model.Time(m.submitted), Details: modelFields.Details(m), Tags: tags(ctx, t, api, arn)})
	t.Relate(key, "assumes-role", t.Role(aws.ToString(m.role)))
	t.Relate(key, "encrypted-with", t.KMSKey(aws.ToString(m.modelKey)))
	t.Relate(key, "encrypted-with", t.KMSKey(aws.ToString(m.volumeKey)))
	if m.vpc != nil {
		for _, s := range m.vpc.Subnets {
			t.Relate(key, "in-subnet", t.Ref("ec2", "subnet", s))
		}
		for _, g := range m.vpc.SecurityGroupIds {
			t.Relate(key, "uses-security-group", t.Ref("ec2", "security-group", g))
		}
	}
}

func classifiers(ctx context.Context, t *collect.Task) error {
	api := comprehend.NewFromConfig(t.Config)
	p := comprehend.NewListDocumentClassifiersPaginator(api, &comprehend.ListDocumentClassifiersInput{MaxResults: t.PageSize(100)})
	return collect.EachItem(ctx, p, func(page *comprehend.ListDocumentClassifiersOutput) []types.DocumentClassifierProperties {
		return page.DocumentClassifierPropertiesList
	}, func(ctx context.Context, c types.DocumentClassifierProperties) {
		emitModel(ctx, t, api, trained{arn: c.DocumentClassifierArn, role: c.DataAccessRoleArn, modelKey: c.ModelKmsKeyId, volumeKey: c.VolumeKmsKeyId,
			status: c.Status, language: c.LanguageCode, version: c.VersionName, submitted: c.SubmitTime, trainingEnd: c.TrainingEndTime, vpc: c.VpcConfig})
	})
}

func recognizers(ctx context.Context, t *collect.Task) error {
	api := comprehend.NewFromConfig(t.Config)
	p := comprehend.NewListEntityRecognizersPaginator(api, &comprehend.ListEntityRecognizersInput{MaxResults: t.PageSize(100)})
	return collect.EachItem(ctx, p, func(page *comprehend.ListEntityRecognizersOutput) []types.EntityRecognizerProperties {
		return page.EntityRecognizerPropertiesList
	}, func(ctx context.Context, r types.EntityRecognizerProperties) {
		emitModel(ctx, t, api, trained{arn: r.EntityRecognizerArn, role: r.DataAccessRoleArn, modelKey: r.ModelKmsKeyId, volumeKey: r.VolumeKmsKeyId,
			status: r.Status, language: r.LanguageCode, version: r.VersionName, submitted: r.SubmitTime, trainingEnd: r.TrainingEndTime, vpc: r.VpcConfig})
	})
}
