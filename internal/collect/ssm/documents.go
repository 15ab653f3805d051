package ssm

import (
	"context"
	"slices"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsssm "github.com/aws/aws-sdk-go-v2/service/ssm"
	ssmtypes "github.com/aws/aws-sdk-go-v2/service/ssm/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// document is a document of the account with who it is shared with
// (nil when DescribeDocumentPermission failed: unknown).
type document struct {
	ssmtypes.DocumentIdentifier
	sharedWith []string
}

// publicShare is the account id of a document shared with everyone.
const publicShare = "all"

func hasPermissions(d document) bool { return d.sharedWith != nil }

var documentFields = collect.Fields[document]{
	collect.Enum("document_type", "Command, Automation, Policy, Session, Package, ...", func(d document) ssmtypes.DocumentType { return d.DocumentType }),
	collect.Enum("document_format", "JSON, YAML or TEXT", func(d document) ssmtypes.DocumentFormat { return d.DocumentFormat }),
	collect.Text("document_version", "default version", func(d document) *string { return d.DocumentVersion }),
	collect.Text("schema_version", "document schema version", func(d document) *string { return d.SchemaVersion }),
	collect.Text("target_type", "resource type the document runs on, e.g. /AWS::EC2::Instance", func(d document) *string { return d.TargetType }),
	collect.Computed("platform_types", model.JSON, "operating systems it runs on: Windows, Linux, MacOS", func(d document) any { return collect.Values(d.PlatformTypes) }),
	collect.When(hasPermissions, collect.Computed("shared_with", model.JSON, "account ids the document is shared with (\"all\" = public); absent when unknown",
		func(d document) any { return d.sharedWith })),
	collect.When(hasPermissions, collect.Computed("public", model.Boolean, "shared with every AWS account; absent when unknown", func(d document) any {
		return slices.Contains(d.sharedWith, publicShare)
	})),
}

// documents lists the documents the account owns (AWS's and other
// accounts' shared documents are left out).
func documents(ctx context.Context, t *collect.Task) error {
	api := client(t)
	p := awsssm.NewListDocumentsPaginator(api, &awsssm.ListDocumentsInput{MaxResults: t.PageSize(50),
		Filters: []ssmtypes.DocumentKeyValuesFilter{{Key: aws.String(string(ssmtypes.DocumentFilterKeyOwner)), Values: []string{"Self"}}}})
	return collect.EachItem(ctx, p, func(page *awsssm.ListDocumentsOutput) []ssmtypes.DocumentIdentifier { return page.DocumentIdentifiers },
		func(ctx context.Context, di ssmtypes.DocumentIdentifier) {
			d := document{DocumentIdentifier: di}
			out, err := api.DescribeDocumentPermission(ctx, &awsssm.DescribeDocumentPermissionInput{Name: di.Name, PermissionType: ssmtypes.DocumentPermissionTypeShare})
			t.Warn("DescribeDocumentPermission", err)
			if err == nil {
				d.sharedWith = append([]string{}, out.AccountIds...)
			}
			name := aws.ToString(di.Name)
			t.Emit(&model.Resource{Key: t.Key("document", name), Name: name, ARN: collect.ARN(t, "ssm", "", "document/"+name),
				CreatedAt: model.Time(di.CreatedDate), Tags: tagMap(di.Tags), Details: documentFields.Details(d)})
		})
}

func tagMap(tags []ssmtypes.Tag) map[string]string {
	return collect.TagMap(tags, func(t ssmtypes.Tag) (*string, *string) { return t.Key, t.Value })
}

// resourceTags reads the tags of one resource of the given type.
func resourceTags(ctx context.Context, api *awsssm.Client, typ ssmtypes.ResourceTypeForTagging, id *string) (map[string]string, error) {
	out, err := api.ListTagsForResource(ctx, &awsssm.ListTagsForResourceInput{ResourceId: id, ResourceType: typ})
	if err != nil {
		return nil, err
	}
	return tagMap(out.TagList), nil
}

// emitTagged reads r's tags with resourceTags (a failure is a warning) and emits r.
func emitTagged(ctx context.Context, t *collect.Task, api *awsssm.Client, typ ssmtypes.ResourceTypeForTagging, id *string, r *model.Resource) {
	tags, err := resourceTags(ctx, api, typ, id)
	t.Warn("ListTagsForResource", err)
	r.Tags = tags
	t.Emit(r)
}
