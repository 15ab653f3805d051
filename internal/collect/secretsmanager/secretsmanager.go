// Package secretsmanager collects Secrets Manager secrets: names, rotation
// and encryption metadata only, never secret values.
package secretsmanager

import (
	"context"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awssm "github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	smtypes "github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the Secrets Manager collector.
var Service = &collect.Service{
	Name:        "secretsmanager",
	Description: "Secrets Manager secrets (metadata only, never values)",
	Types: []collect.Type{
		{Name: "secret", Description: "secret (id = secret name); values are never read", Fields: secretFields.Declared(), Tags: collect.TagsListed, Collect: secrets, DetailCalls: 1},
	},
	Calls: "secret: ListSecrets + per secret GetResourcePolicy (never GetSecretValue)",
	Relations: []collect.Relation{
		{From: "secret", Kind: "encrypted-with", To: "kms/key"},
		{From: "secret", Kind: "rotated-by", To: "lambda/function"},
	},
}

// secret is a listed secret with what GetResourcePolicy said:
// resourcePolicy is nil when that call failed.
type secret struct {
	smtypes.SecretListEntry
	resourcePolicy *bool
}

func hasPolicyAnswer(s secret) bool { return s.resourcePolicy != nil }

var secretFields = collect.Fields[secret]{
	collect.Text("description", "secret description", func(s secret) *string { return s.Description }),
	collect.Text("kms_key_id", "KMS key encrypting the secret; empty for the aws/secretsmanager key", func(s secret) *string { return s.KmsKeyId }),
	collect.Bool("rotation_enabled", "automatic rotation is on", func(s secret) *bool { return s.RotationEnabled }),
	collect.Text("rotation_lambda_arn", "Lambda function that rotates the secret", func(s secret) *string { return s.RotationLambdaARN }),
	collect.Computed("rotation_days", model.Integer, "rotation interval in days", func(s secret) any {
		if s.RotationRules == nil || s.RotationRules.AutomaticallyAfterDays == nil {
			return nil
		}
		return int(aws.ToInt64(s.RotationRules.AutomaticallyAfterDays))
	}),
	collect.Computed("rotation_schedule", model.Text, "rotation schedule expression (cron/rate), when used", func(s secret) any {
		if s.RotationRules == nil || s.RotationRules.ScheduleExpression == nil {
			return nil
		}
		return aws.ToString(s.RotationRules.ScheduleExpression)
	}),
	collect.Timestamp("last_rotated", "last rotation", func(s secret) *time.Time { return s.LastRotatedDate }),
	collect.Timestamp("next_rotation", "next scheduled rotation", func(s secret) *time.Time { return s.NextRotationDate }),
	collect.Timestamp("last_accessed", "last retrieval of the value (date only, per AWS)", func(s secret) *time.Time { return s.LastAccessedDate }),
	collect.Timestamp("last_changed", "last change of the secret", func(s secret) *time.Time { return s.LastChangedDate }),
	collect.Text("primary_region", "primary region of a replicated secret", func(s secret) *string { return s.PrimaryRegion }),
	collect.Text("owning_service", "AWS service that manages the secret, if any", func(s secret) *string { return s.OwningService }),
	collect.When(hasPolicyAnswer, collect.Bool("resource_policy_present", "the secret has a resource-based policy", func(s secret) *bool { return s.resourcePolicy })),
}

func client(t *collect.Task) *awssm.Client { return awssm.NewFromConfig(t.Config) }

func secrets(ctx context.Context, t *collect.Task) error {
	api := client(t)
	p := awssm.NewListSecretsPaginator(api, &awssm.ListSecretsInput{MaxResults: t.PageSize(100)})
	return collect.EachPage(ctx, p, func(page *awssm.ListSecretsOutput) error {
		collect.ForEach(ctx, page.SecretList, func(ctx context.Context, s smtypes.SecretListEntry) {
			emitSecret(ctx, t, api, s)
		})
		return nil
	})
}

func emitSecret(ctx context.Context, t *collect.Task, api *awssm.Client, s smtypes.SecretListEntry) {
	name := aws.ToString(s.Name)
	sec := secret{SecretListEntry: s}
	out, err := api.GetResourcePolicy(ctx, &awssm.GetResourcePolicyInput{SecretId: s.ARN})
	if err == nil {
		sec.resourcePolicy = aws.Bool(aws.ToString(out.ResourcePolicy) != "")
	}
	t.Warn("GetResourcePolicy", err)
	key := t.Key("secret", name)
	t.Emit(&model.Resource{
		Key: key, ARN: aws.ToString(s.ARN), Name: name, CreatedAt: model.Time(s.CreatedDate),
		Tags:    collect.TagMap(s.Tags, func(t smtypes.Tag) (*string, *string) { return t.Key, t.Value }),
		Details: secretFields.Details(sec),
	})
	t.Relate(key, "encrypted-with", t.KMSKey(aws.ToString(s.KmsKeyId)))
	t.Relate(key, "rotated-by", lambdaRef(aws.ToString(s.RotationLambdaARN)))
}

// lambdaRef is the function a Lambda ARN names
// (arn:aws:lambda:REGION:ACCOUNT:function:NAME[:QUALIFIER]).
func lambdaRef(arn string) model.Key {
	parts := strings.Split(arn, ":")
	if len(parts) < 7 || parts[2] != "lambda" || parts[5] != "function" {
		return model.Key{}
	}
	return model.Key{Account: parts[4], Region: parts[3], Service: "lambda", Type: "function", ID: parts[6]}
}
