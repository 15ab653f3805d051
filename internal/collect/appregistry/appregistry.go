// Package appregistry collects Service Catalog AppRegistry applications
// and attribute groups.
package appregistry

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/servicecatalogappregistry"
	"github.com/aws/aws-sdk-go-v2/service/servicecatalogappregistry/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the AppRegistry collector.
var Service = &collect.Service{
	Name:        "servicecatalog-appregistry",
	Description: "Service Catalog AppRegistry applications and attribute groups",
	Types: []collect.Type{
		{Name: "application", Description: "AppRegistry application (id = application id)", Fields: applicationFields.Declared(),
			Tags: collect.TagsPerResource, Collect: applications, DetailCalls: 1},
		{Name: "attribute-group", Description: "AppRegistry attribute group: metadata attached to applications (id = attribute group id)",
			Fields: attributeGroupFields.Declared(), Tags: collect.TagsPerResource, Collect: attributeGroups, DetailCalls: 1},
	},
	Calls: "application: ListApplications + per application ListTagsForResource. attribute-group: ListAttributeGroups + per group ListTagsForResource",
}

// emit reads r's tags (a failure is a warning) and emits it.
func emit(ctx context.Context, t *collect.Task, api *servicecatalogappregistry.Client, r *model.Resource) {
	out, err := api.ListTagsForResource(ctx, &servicecatalogappregistry.ListTagsForResourceInput{ResourceArn: aws.String(r.ARN)})
	t.Warn("ListTagsForResource", err)
	if err == nil {
		r.Tags = out.Tags
	}
	t.Emit(r)
}

var applicationFields = collect.Fields[types.ApplicationSummary]{
	collect.Text("description", "application description", func(a types.ApplicationSummary) *string { return a.Description }),
	collect.Timestamp("last_updated", "last change", func(a types.ApplicationSummary) *time.Time { return a.LastUpdateTime }),
}

func applications(ctx context.Context, t *collect.Task) error {
	api := servicecatalogappregistry.NewFromConfig(t.Config)
	p := servicecatalogappregistry.NewListApplicationsPaginator(api, &servicecatalogappregistry.ListApplicationsInput{MaxResults: t.PageSize(25)})
	return collect.EachItem(ctx, p, func(page *servicecatalogappregistry.ListApplicationsOutput) []types.ApplicationSummary {
		return page.Applications
	},
		func(ctx context.Context, a types.ApplicationSummary) {
			emit(ctx, t, api, &model.Resource{Key: t.Key("application", aws.ToString(a.Id)), Name: aws.ToString(a.Name), ARN: aws.ToString(a.Arn),
				CreatedAt: model.Time(a.CreationTime), Details: applicationFields.Details(a)})
		})
}

var attributeGroupFields = collect.Fields[types.AttributeGroupSummary]{
	collect.Text("description", "attribute group description", func(g types.AttributeGroupSummary) *string { return g.Description }),
	collect.Text("created_by", "identity that created the group", func(g types.AttributeGroupSummary) *string { return g.CreatedBy }),
	collect.Timestamp("last_updated", "last change", func(g types.AttributeGroupSummary) *time.Time { return g.LastUpdateTime }),
}

func attributeGroups(ctx context.Context, t *collect.Task) error {
	api := servicecatalogappregistry.NewFromConfig(t.Config)
	p := servicecatalogappregistry.NewListAttributeGroupsPaginator(api, &servicecatalogappregistry.ListAttributeGroupsInput{MaxResults: t.PageSize(25)})
	return collect.EachItem(ctx, p, func(page *servicecatalogappregistry.ListAttributeGroupsOutput) []types.AttributeGroupSummary {
		return page.AttributeGroups
	},
		func(ctx context.Context, g types.AttributeGroupSummary) {
			emit(ctx, t, api, &model.Resource{Key: t.Key("attribute-group", aws.ToString(g.Id)), Name: aws.ToString(g.Name), ARN: aws.ToString(g.Arn),
				CreatedAt: model.Time(g.CreationTime), Details: attributeGroupFields.Details(g)})
		})
}
