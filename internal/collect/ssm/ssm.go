// Package ssm collects Systems Manager Parameter Store parameters: metadata
// only, never parameter values.
package ssm

import (
	"context"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsssm "github.com/aws/aws-sdk-go-v2/service/ssm"
	ssmtypes "github.com/aws/aws-sdk-go-v2/service/ssm/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the SSM collector.
var Service = &collect.Service{
	Name:        "ssm",
	Description: "Systems Manager Parameter Store parameters (metadata only, never values)",
	Types: []collect.Type{
		{Name: "parameter", Description: "SSM parameter (id = parameter name); values are never read", Fields: parameterFields, Tags: collect.TagsBulk, Collect: parameters},
	},
	Calls: "parameter: DescribeParameters + bulk tags (else per parameter ListTagsForResource); never GetParameter",
	Relations: []collect.Relation{
		{From: "parameter", Kind: "encrypted-with", To: "kms/key"},
	},
}

var parameterFields = []model.Field{
	{Name: "type", Type: "text", Description: "String, StringList or SecureString", Values: collect.Values(ssmtypes.ParameterType("").Values())},
	{Name: "tier", Type: "text", Description: "Standard, Advanced or Intelligent-Tiering"},
	{Name: "data_type", Type: "text", Description: "text, aws:ec2:image or aws:ssm:integration"},
	{Name: "version", Type: "integer", Description: "current version number"},
	{Name: "last_modified", Type: "timestamp", Description: "last change"},
	{Name: "last_modified_user", Type: "text", Description: "ARN of the identity that last changed it"},
	{Name: "key_id", Type: "text", Description: "KMS key encrypting a SecureString"},
	{Name: "description", Type: "text", Description: "parameter description"},
}

func client(t *collect.Task) *awsssm.Client { return awsssm.NewFromConfig(t.Config) }

func parameters(ctx context.Context, t *collect.Task) error {
	api := client(t)
	bulk := collect.NewBulkTags(t, "ssm:parameter")
	p := awsssm.NewDescribeParametersPaginator(api, &awsssm.DescribeParametersInput{MaxResults: t.PageSize(50)})
	return collect.EachPage(ctx, p, func(page *awsssm.DescribeParametersOutput) error {
		collect.ForEach(ctx, page.Parameters, func(ctx context.Context, pm ssmtypes.ParameterMetadata) {
			emitParameter(ctx, t, api, bulk, pm)
		})
		return nil
	})
}

func emitParameter(ctx context.Context, t *collect.Task, api *awsssm.Client, bulk *collect.BulkTags, pm ssmtypes.ParameterMetadata) {
	name := aws.ToString(pm.Name)
	arn := aws.ToString(pm.ARN)
	if arn == "" {
		arn = collect.ARN(t, "ssm", "", "parameter/"+strings.TrimPrefix(name, "/"))
	}
	tags := bulk.Of(ctx, arn, "ListTagsForResource", func(ctx context.Context) (map[string]string, error) {
		out, err := api.ListTagsForResource(ctx, &awsssm.ListTagsForResourceInput{ResourceId: pm.Name, ResourceType: ssmtypes.ResourceTypeForTaggingParameter})
		if err != nil {
			return nil, err
		}
		return collect.TagMap(out.TagList, func(t ssmtypes.Tag) (*string, *string) { return t.Key, t.Value }), nil
	})
	key := t.Key("parameter", name)
	t.Emit(&model.Resource{
		Key: key, ARN: arn, Name: name, Tags: tags,
		Details: map[string]any{
			"type":               string(pm.Type),
			"tier":               string(pm.Tier),
			"data_type":          aws.ToString(pm.DataType),
			"version":            pm.Version,
			"last_modified":      model.Time(pm.LastModifiedDate),
			"last_modified_user": aws.ToString(pm.LastModifiedUser),
			"key_id":             aws.ToString(pm.KeyId),
			"description":        aws.ToString(pm.Description),
		},
	})
	t.Relate(key, "encrypted-with", t.KMSKey(aws.ToString(pm.KeyId)))
}
