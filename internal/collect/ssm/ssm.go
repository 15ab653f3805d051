// Package ssm collects Systems Manager resources: Parameter Store
// parameters (metadata only, never values), the account's documents,
// associations, maintenance windows, custom patch baselines, resource
// data syncs and open OpsItems.
package ssm

import (
	"context"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsssm "github.com/aws/aws-sdk-go-v2/service/ssm"
	ssmtypes "github.com/aws/aws-sdk-go-v2/service/ssm/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the SSM collector.
var Service = &collect.Service{
	Name:        "ssm",
	Description: "Systems Manager parameters (metadata only, never values), documents, associations, maintenance windows, patch baselines, resource data syncs, open OpsItems",
	Types: []collect.Type{
		{Name: "parameter", Description: "SSM parameter (id = parameter name); values are never read", Fields: parameterFields.Declared(), Tags: collect.TagsBulk, Collect: parameters},
		{Name: "document", Description: "SSM document the account owns (id = name), with whom it is shared; AWS's and shared-in documents are skipped",
			Fields: documentFields.Declared(), Tags: collect.TagsListed, Collect: documents, DetailCalls: 1},
		{Name: "association", Description: "State Manager association (id = association id): a document applied to targets on a schedule",
			Fields: associationFields.Declared(), Tags: collect.TagsPerResource, Collect: associations, DetailCalls: 1},
		{Name: "maintenance-window", Description: "maintenance window (id = mw-...)", Fields: windowFields.Declared(), Tags: collect.TagsPerResource,
			Collect: maintenanceWindows, DetailCalls: 1},
		{Name: "patch-baseline", Description: "custom patch baseline (id = pb-...); AWS's predefined baselines are skipped", Fields: baselineFields.Declared(),
			Tags: collect.TagsPerResource, Collect: patchBaselines, DetailCalls: 1},
		{Name: "resource-data-sync", Description: "resource data sync (id = name): inventory written to S3, or OpsData gathered from accounts and regions",
			Fields: dataSyncFields.Declared(), Tags: collect.NotTaggable, Collect: resourceDataSyncs},
		{Name: "ops-item", Description: "open or in-progress OpsCenter item (id = oi-...): an operational issue to handle; its operational data is not stored",
			Fields: opsItemFields.Declared(), Tags: collect.TagsPerResource, Collect: opsItems, DetailCalls: 1},
	},
	Calls: "parameter: DescribeParameters + bulk tags (else per parameter ListTagsForResource); never GetParameter. " +
		"document: ListDocuments (Owner=Self) + per document DescribeDocumentPermission. " +
		"association: ListAssociations + per association ListTagsForResource. " +
		"maintenance-window: DescribeMaintenanceWindows + per window ListTagsForResource. " +
		"patch-baseline: DescribePatchBaselines (OWNER=Self) + per baseline ListTagsForResource. resource-data-sync: ListResourceDataSync. " +
		"ops-item: DescribeOpsItems (Status Open or InProgress) + per item ListTagsForResource",
	Relations: []collect.Relation{
		{From: "parameter", Kind: "encrypted-with", To: "kms/key"},
		{From: "association", Kind: "applies", To: "ssm/document"},
		{From: "association", Kind: "targets", To: "ec2/instance"},
		{From: "resource-data-sync", Kind: "writes-to", To: "s3/bucket"},
		{From: "resource-data-sync", Kind: "encrypted-with", To: "kms/key"},
	},
}

var parameterFields = collect.Fields[ssmtypes.ParameterMetadata]{
	collect.Enum("type", "String, StringList or SecureString", func(p ssmtypes.ParameterMetadata) ssmtypes.ParameterType { return p.Type }),
	collect.Enum("tier", "Standard, Advanced or Intelligent-Tiering", func(p ssmtypes.ParameterMetadata) ssmtypes.ParameterTier { return p.Tier }),
	collect.Text("data_type", "text, aws:ec2:image or aws:ssm:integration", func(p ssmtypes.ParameterMetadata) *string { return p.DataType }),
	collect.Computed("version", model.Integer, "current version number", func(p ssmtypes.ParameterMetadata) any { return p.Version }),
	collect.Timestamp("last_modified", "last change", func(p ssmtypes.ParameterMetadata) *time.Time { return p.LastModifiedDate }),
	collect.Text("last_modified_user", "ARN of the identity that last changed it", func(p ssmtypes.ParameterMetadata) *string { return p.LastModifiedUser }),
	collect.Text("key_id", "KMS key encrypting a SecureString", func(p ssmtypes.ParameterMetadata) *string { return p.KeyId }),
	collect.Text("description", "parameter description", func(p ssmtypes.ParameterMetadata) *string { return p.Description }),
}

func client(t *collect.Task) *awsssm.Client { return awsssm.NewFromConfig(t.Config) }

func parameters(ctx context.Context, t *collect.Task) error {
	api := client(t)
	bulk := collect.NewBulkTags(t, "ssm:parameter")
	p := awsssm.NewDescribeParametersPaginator(api, &awsssm.DescribeParametersInput{MaxResults: t.PageSize(50)})
	return collect.EachItem(ctx, p, func(page *awsssm.DescribeParametersOutput) []ssmtypes.ParameterMetadata { return page.Parameters },
		func(ctx context.Context, pm ssmtypes.ParameterMetadata) { emitParameter(ctx, t, api, bulk, pm) })
}

func emitParameter(ctx context.Context, t *collect.Task, api *awsssm.Client, bulk *collect.BulkTags, pm ssmtypes.ParameterMetadata) {
	name := aws.ToString(pm.Name)
	arn := aws.ToString(pm.ARN)
	if arn == "" {
		arn = collect.ARN(t, "ssm", "", "parameter/"+strings.TrimPrefix(name, "/"))
	}
	tags := bulk.Of(ctx, arn, "ListTagsForResource", func(ctx context.Context) (map[string]string, error) {
		return resourceTags(ctx, api, ssmtypes.ResourceTypeForTaggingParameter, pm.Name)
	})
	key := t.Key("parameter", name)
	t.Emit(&model.Resource{Key: key, ARN: arn, Name: name, Tags: tags, Details: parameterFields.Details(pm)})
	t.Relate(key, "encrypted-with", t.KMSKey(aws.ToString(pm.KeyId)))
}
