// Package ram collects the Resource Access Manager shares the account
// owns (what it shares, and with whom) and its customer managed permissions.
package ram

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ram"
	"github.com/aws/aws-sdk-go-v2/service/ram/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the Resource Access Manager collector.
var Service = &collect.Service{
	Name:        "ram",
	Description: "Resource Access Manager shares owned by the account and customer managed permissions",
	Types: []collect.Type{
		{Name: "resource-share", Description: "resource share owned by the account (id = share id), its principals and resources; deleted shares skipped",
			Fields: shareFields.Declared(), Tags: collect.TagsListed, Collect: resourceShares, DetailCalls: 2},
		{Name: "permission", Description: "customer managed permission (id = name): what principals may do with shared resources; AWS managed ones skipped",
			Fields: permissionFields.Declared(), Tags: collect.TagsListed, Collect: permissions},
	},
	Calls: "resource-share: GetResourceShares (resourceOwner SELF, tags included) + per share GetResourceShareAssociations for principals and for resources. " +
		"permission: ListPermissions (customer managed, tags included)",
}

// share is a share with its associations (nil when they could not be read).
type share struct {
	types.ResourceShare
	principals, resources []types.ResourceShareAssociation
}

func hasPrincipals(s share) bool { return s.principals != nil }
func hasResources(s share) bool  { return s.resources != nil }

func entities(as []types.ResourceShareAssociation) []string {
	out := make([]string, 0, len(as))
	for _, a := range as {
		out = append(out, aws.ToString(a.AssociatedEntity))
	}
	return out
}

var shareFields = collect.Fields[share]{
	collect.Enum("status", "PENDING, ACTIVE, FAILED or DELETING", func(s share) types.ResourceShareStatus { return s.Status }),
	collect.Bool("allow_external_principals", "principals outside the organization may be added", func(s share) *bool { return s.AllowExternalPrincipals }),
	collect.Enum("feature_set", "STANDARD, CREATED_FROM_POLICY or PROMOTING_TO_STANDARD", func(s share) types.ResourceShareFeatureSet { return s.FeatureSet }),
	collect.Timestamp("last_updated", "last change of the share", func(s share) *time.Time { return s.LastUpdatedTime }),
	collect.When(hasPrincipals, collect.Computed("principals", model.JSON, "who it is shared with: account ids, organization or OU ARNs, IAM role or user ARNs, service principals",
		func(s share) any { return entities(s.principals) })),
	collect.When(hasPrincipals, collect.Computed("external_principals", model.Boolean, "shared with a principal outside the organization", func(s share) any {
		for _, a := range s.principals {
			if aws.ToBool(a.External) {
				return true
			}
		}
		return false
	})),
	collect.When(hasResources, collect.Computed("resources", model.JSON, "ARNs of the resources shared", func(s share) any { return entities(s.resources) })),
}

func resourceShares(ctx context.Context, t *collect.Task) error {
	api := ram.NewFromConfig(t.Config)
	p := ram.NewGetResourceSharesPaginator(api, &ram.GetResourceSharesInput{ResourceOwner: types.ResourceOwnerSelf, MaxResults: t.PageSize(500)})
	return collect.EachItem(ctx, p, func(page *ram.GetResourceSharesOutput) []types.ResourceShare { return page.ResourceShares },
		func(ctx context.Context, rs types.ResourceShare) {
			if rs.Status == types.ResourceShareStatusDeleted {
				return
			}
			s := share{ResourceShare: rs,
				principals: associations(ctx, t, api, rs.ResourceShareArn, types.ResourceShareAssociationTypePrincipal),
				resources:  associations(ctx, t, api, rs.ResourceShareArn, types.ResourceShareAssociationTypeResource)}
			arn := aws.ToString(rs.ResourceShareArn)
			t.Emit(&model.Resource{Key: t.Key("resource-share", collect.ARNResourceName(arn)), Name: aws.ToString(rs.Name), ARN: arn,
				CreatedAt: model.Time(rs.CreationTime), Details: shareFields.Details(s),
				Tags: collect.TagMap(rs.Tags, func(tg types.Tag) (*string, *string) { return tg.Key, tg.Value })})
		})
}

// associations are a share's live associations of one type; nil and a
// warning when they could not be read.
func associations(ctx context.Context, t *collect.Task, api *ram.Client, arn *string, typ types.ResourceShareAssociationType) []types.ResourceShareAssociation {
	out := []types.ResourceShareAssociation{}
	p := ram.NewGetResourceShareAssociationsPaginator(api, &ram.GetResourceShareAssociationsInput{AssociationType: typ,
		ResourceShareArns: []string{aws.ToString(arn)}, MaxResults: t.PageSize(500)})
	err := collect.EachPage(ctx, p, func(page *ram.GetResourceShareAssociationsOutput) error {
		for _, a := range page.ResourceShareAssociations {
			if a.Status == types.ResourceShareAssociationStatusAssociated || a.Status == types.ResourceShareAssociationStatusAssociating {
				out = append(out, a)
			}
		}
		return nil
	})
	if err != nil {
		t.Warn("GetResourceShareAssociations", err)
		return nil
	}
	return out
}

var permissionFields = collect.Fields[types.ResourceSharePermissionSummary]{
	collect.Text("resource_type", "resource type the permission applies to (ec2:Subnet...)", func(p types.ResourceSharePermissionSummary) *string { return p.ResourceType }),
	collect.Text("version", "version listed (the default one)", func(p types.ResourceSharePermissionSummary) *string { return p.Version }),
	collect.Text("status", "ATTACHABLE, UNATTACHABLE, DELETING or DELETED", func(p types.ResourceSharePermissionSummary) *string { return p.Status }),
	collect.Enum("feature_set", "STANDARD, CREATED_FROM_POLICY or PROMOTING_TO_STANDARD", func(p types.ResourceSharePermissionSummary) types.PermissionFeatureSet {
		return p.FeatureSet
	}),
	collect.Timestamp("last_updated", "last change of the permission", func(p types.ResourceSharePermissionSummary) *time.Time { return p.LastUpdatedTime }),
}

func permissions(ctx context.Context, t *collect.Task) error {
	p := ram.NewListPermissionsPaginator(ram.NewFromConfig(t.Config), &ram.ListPermissionsInput{PermissionType: types.PermissionTypeFilterCustomerManaged, MaxResults: t.PageSize(500)})
	return collect.EachPage(ctx, p, func(page *ram.ListPermissionsOutput) error {
		for _, pm := range page.Permissions {
			arn := aws.ToString(pm.Arn)
			t.Emit(&model.Resource{Key: t.Key("permission", collect.ARNResourceName(arn)), Name: aws.ToString(pm.Name), ARN: arn, CreatedAt: model.Time(pm.CreationTime),
				Tags: collect.TagMap(pm.Tags, func(tg types.Tag) (*string, *string) { return tg.Key, tg.Value }), Details: permissionFields.Details(pm)})
		}
		return nil
	})
}
