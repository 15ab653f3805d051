// Package resourceexplorer2 collects Resource Explorer indexes and views.
// A region without an index has Resource Explorer off: the index
// collection is recorded unsupported with the code NotEnabled.
package resourceexplorer2

import (
	"context"
	"strings"
	"sync/atomic"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	re "github.com/aws/aws-sdk-go-v2/service/resourceexplorer2"
	"github.com/aws/aws-sdk-go-v2/service/resourceexplorer2/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the Resource Explorer collector.
var Service = &collect.Service{
	Name:        "resource-explorer-2",
	Description: "Resource Explorer indexes and views",
	Types: []collect.Type{
		{Name: "index", Description: "the region's index (id = region); AGGREGATOR indexes hold every region's resources; none: unsupported, code NotEnabled",
			Fields: indexFields.Declared(), Tags: collect.TagsPerResource, Collect: indexes, DetailCalls: 1},
		{Name: "view", Description: "view (id = name/uuid) that searches select", Fields: viewFields.Declared(), Tags: collect.TagsListed, Collect: views, DetailCalls: 1},
	},
	Calls: "index: ListIndexes (the task's region) + per index ListTagsForResource. view: ListViews + per view GetView (tags included)",
}

var indexFields = collect.Fields[types.Index]{
	collect.Enum("index_type", "LOCAL or AGGREGATOR", func(i types.Index) types.IndexType { return i.Type }),
}

func indexes(ctx context.Context, t *collect.Task) error {
	api := re.NewFromConfig(t.Config)
	var found atomic.Bool
	p := re.NewListIndexesPaginator(api, &re.ListIndexesInput{Regions: []string{t.Region}, MaxResults: t.PageSize(100)})
	err := collect.EachItem(ctx, p, func(page *re.ListIndexesOutput) []types.Index { return page.Indexes }, func(ctx context.Context, i types.Index) {
		if aws.ToString(i.Region) != t.Region {
			return
		}
		found.Store(true)
		r := &model.Resource{Key: t.Key("index", t.Region), ARN: aws.ToString(i.Arn), Details: indexFields.Details(i)}
		if out, err := api.ListTagsForResource(ctx, &re.ListTagsForResourceInput{ResourceArn: i.Arn}); err != nil {
			t.Warn("ListTagsForResource", err)
		} else {
			r.Tags = out.Tags
		}
		t.Emit(r)
	})
	if err == nil && !found.Load() {
		return awsx.NotEnabled("ListIndexes", "Resource Explorer", t.Region)
	}
	return err
}

var viewFields = collect.Fields[*types.View]{
	collect.Text("scope", "what the view searches: the account or an organization (ARN)", func(v *types.View) *string { return v.Scope }),
	collect.Computed("filter", model.Text, "query filter every search of the view applies; empty: every resource", func(v *types.View) any {
		if v.Filters == nil {
			return ""
		}
		return aws.ToString(v.Filters.FilterString)
	}),
	collect.Computed("includes_tags", model.Boolean, "results include resource tags", func(v *types.View) any {
		for _, p := range v.IncludedProperties {
			if aws.ToString(p.Name) == "tags" {
				return true
			}
		}
		return false
	}),
	collect.Text("owner", "account that owns the view", func(v *types.View) *string { return v.Owner }),
	collect.Timestamp("last_updated", "last change of the view", func(v *types.View) *time.Time { return v.LastUpdatedAt }),
}

func views(ctx context.Context, t *collect.Task) error {
	api := re.NewFromConfig(t.Config)
	p := re.NewListViewsPaginator(api, &re.ListViewsInput{MaxResults: t.PageSize(50)})
	return collect.EachItem(ctx, p, func(page *re.ListViewsOutput) []string { return page.Views }, func(ctx context.Context, arn string) {
		_, id, _ := strings.Cut(arn, ":view/")
		name, _, _ := strings.Cut(id, "/")
		r := &model.Resource{Key: t.Key("view", id), Name: name, ARN: arn}
		if out, err := api.GetView(ctx, &re.GetViewInput{ViewArn: aws.String(arn)}); err != nil {
			t.Warn("GetView", err)
		} else if out.View != nil {
			r.Details, r.Tags = viewFields.Details(out.View), out.Tags
		}
		t.Emit(r)
	})
}
