// Package secretsmanager collects Secrets Manager secrets: names, rotation
// and encryption metadata only, never secret values.
package secretsmanager

import (
	"context"
	"strings"

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
		{Name: "secret", Description: "secret (id = secret name); values are never read", Fields: secretFields, Tags: collect.TagsListed, Collect: secrets, DetailCalls: 1},
	},
	Calls: "secret: ListSecrets + per secret GetResourcePolicy (never GetSecretValue)",
	Relations: []collect.Relation{
		{From: "secret", Kind: "encrypted-with", To: "kms/key"},
		{From: "secret", Kind: "rotated-by", To: "lambda/function"},
	},
}

var secretFields = []model.Field{
	{Name: "description", Type: "text", Description: "secret description"},
	{Name: "kms_key_id", Type: "text", Description: "KMS key encrypting the secret; empty for the aws/secretsmanager key"},
	{Name: "rotation_enabled", Type: "boolean", Description: "automatic rotation is on"},
	{Name: "rotation_lambda_arn", Type: "text", Description: "Lambda function that rotates the secret"},
	{Name: "rotation_days", Type: "integer", Description: "rotation interval in days"},
	{Name: "rotation_schedule", Type: "text", Description: "rotation schedule expression (cron/rate), when used"},
	{Name: "last_rotated", Type: "timestamp", Description: "last rotation"},
	{Name: "next_rotation", Type: "timestamp", Description: "next scheduled rotation"},
	{Name: "last_accessed", Type: "timestamp", Description: "last retrieval of the value (date only, per AWS)"},
	{Name: "last_changed", Type: "timestamp", Description: "last change of the secret"},
	{Name: "primary_region", Type: "text", Description: "primary region of a replicated secret"},
	{Name: "owning_service", Type: "text", Description: "AWS service that manages the secret, if any"},
	{Name: "resource_policy_present", Type: "boolean", Description: "the secret has a resource-based policy"},
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
	d := map[string]any{
		"description":         aws.ToString(s.Description),
		"kms_key_id":          aws.ToString(s.KmsKeyId),
		"rotation_enabled":    aws.ToBool(s.RotationEnabled),
		"rotation_lambda_arn": aws.ToString(s.RotationLambdaARN),
		"last_rotated":        model.Time(s.LastRotatedDate),
		"next_rotation":       model.Time(s.NextRotationDate),
		"last_accessed":       model.Time(s.LastAccessedDate),
		"last_changed":        model.Time(s.LastChangedDate),
		"primary_region":      aws.ToString(s.PrimaryRegion),
		"owning_service":      aws.ToString(s.OwningService),
	}
	if r := s.RotationRules; r != nil {
		if r.AutomaticallyAfterDays != nil {
			d["rotation_days"] = int(aws.ToInt64(r.AutomaticallyAfterDays))
		}
		if r.ScheduleExpression != nil {
			d["rotation_schedule"] = aws.ToString(r.ScheduleExpression)
		}
	}
	out, err := api.GetResourcePolicy(ctx, &awssm.GetResourcePolicyInput{SecretId: s.ARN})
	if err == nil {
		d["resource_policy_present"] = aws.ToString(out.ResourcePolicy) != ""
	}
	t.Warn("GetResourcePolicy", err)
	key := t.Key("secret", name)
	t.Emit(&model.Resource{
		Key: key, ARN: aws.ToString(s.ARN), Name: name, CreatedAt: model.Time(s.CreatedDate),
		Tags:    collect.TagMap(s.Tags, func(t smtypes.Tag) (*string, *string) { return t.Key, t.Value }),
		Details: d,
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
