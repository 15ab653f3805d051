// Package servicecatalog collects Service Catalog portfolios (with whom
// they are shared) and products.
package servicecatalog

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/servicecatalog"
	"github.com/aws/aws-sdk-go-v2/service/servicecatalog/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the Service Catalog collector.
var Service = &collect.Service{
	Name:        "servicecatalog",
	Description: "Service Catalog portfolios and products",
	Types: []collect.Type{
		{Name: "portfolio", Description: "portfolio of products (id = port-...), with the accounts it is shared with", Fields: portfolioFields.Declared(),
			Tags: collect.TagsPerResource, Collect: portfolios, DetailCalls: 2},
		{Name: "product", Description: "product administered in the account (id = prod-...)", Fields: productFields.Declared(),
			Tags: collect.TagsPerResource, Collect: products, DetailCalls: 1},
	},
	Calls: "portfolio: ListPortfolios + per portfolio DescribePortfolio (tags), ListPortfolioAccess. product: SearchProductsAsAdmin + per product DescribeProductAsAdmin (tags)",
}

func tagMap(tags []types.Tag) map[string]string {
	return collect.TagMap(tags, func(t types.Tag) (*string, *string) { return t.Key, t.Value })
}

// portfolio is a listed portfolio with the accounts it is shared with
// (nil when ListPortfolioAccess failed: unknown).
type portfolio struct {
	types.PortfolioDetail
	sharedWith []string
}

func hasAccess(p portfolio) bool { return p.sharedWith != nil }

var portfolioFields = collect.Fields[portfolio]{
	collect.Text("provider", "who provides the portfolio", func(p portfolio) *string { return p.ProviderName }),
	collect.Text("description", "portfolio description", func(p portfolio) *string { return p.Description }),
	collect.When(hasAccess, collect.Computed("shared_with_accounts", model.JSON, "accounts the portfolio is shared with; absent when unknown", func(p portfolio) any {
		return p.sharedWith
	})),
}

func portfolios(ctx context.Context, t *collect.Task) error {
	api := servicecatalog.NewFromConfig(t.Config)
	p := servicecatalog.NewListPortfoliosPaginator(api, &servicecatalog.ListPortfoliosInput{PageSize: *t.PageSize(20)})
	return collect.EachItem(ctx, p, func(page *servicecatalog.ListPortfoliosOutput) []types.PortfolioDetail { return page.PortfolioDetails },
		func(ctx context.Context, d types.PortfolioDetail) {
			pf := portfolio{PortfolioDetail: d}
			shared := []string{}
			ap := servicecatalog.NewListPortfolioAccessPaginator(api, &servicecatalog.ListPortfolioAccessInput{PortfolioId: d.Id, PageSize: *t.PageSize(20)})
			err := collect.EachPage(ctx, ap, func(page *servicecatalog.ListPortfolioAccessOutput) error {
				shared = append(shared, page.AccountIds...)
				return nil
			})
			t.Warn("ListPortfolioAccess", err)
			if err == nil {
				pf.sharedWith = shared
			}
			r := &model.Resource{Key: t.Key("portfolio", aws.ToString(d.Id)), Name: aws.ToString(d.DisplayName), ARN: aws.ToString(d.ARN),
				CreatedAt: model.Time(d.CreatedTime), Details: portfolioFields.Details(pf)}
			out, err := api.DescribePortfolio(ctx, &servicecatalog.DescribePortfolioInput{Id: d.Id})
			t.Warn("DescribePortfolio", err)
			if err == nil {
				r.Tags = tagMap(out.Tags)
			}
			t.Emit(r)
		})
}

func summary(p types.ProductViewDetail) types.ProductViewSummary {
	if p.ProductViewSummary == nil {
		return types.ProductViewSummary{}
	}
	return *p.ProductViewSummary
}

var productFields = collect.Fields[types.ProductViewDetail]{
	collect.Computed("product_type", model.Text, "CLOUD_FORMATION_TEMPLATE, MARKETPLACE, TERRAFORM_OPEN_SOURCE, ...", func(p types.ProductViewDetail) any {
		return string(summary(p).Type)
	}),
	collect.Computed("owner", model.Text, "owner of the product", func(p types.ProductViewDetail) any { return aws.ToString(summary(p).Owner) }),
	collect.Computed("distributor", model.Text, "distributor of the product", func(p types.ProductViewDetail) any { return aws.ToString(summary(p).Distributor) }),
	collect.Computed("description", model.Text, "short description", func(p types.ProductViewDetail) any { return aws.ToString(summary(p).ShortDescription) }),
	collect.Enum("status", "AVAILABLE, CREATING or FAILED", func(p types.ProductViewDetail) types.Status { return p.Status }),
}

func products(ctx context.Context, t *collect.Task) error {
	api := servicecatalog.NewFromConfig(t.Config)
	p := servicecatalog.NewSearchProductsAsAdminPaginator(api, &servicecatalog.SearchProductsAsAdminInput{PageSize: *t.PageSize(100)})
	return collect.EachItem(ctx, p, func(page *servicecatalog.SearchProductsAsAdminOutput) []types.ProductViewDetail {
		return page.ProductViewDetails
	},
		func(ctx context.Context, d types.ProductViewDetail) {
			s := summary(d)
			r := &model.Resource{Key: t.Key("product", aws.ToString(s.ProductId)), Name: aws.ToString(s.Name), ARN: aws.ToString(d.ProductARN),
				CreatedAt: model.Time(d.CreatedTime), Details: productFields.Details(d)}
			out, err := api.DescribeProductAsAdmin(ctx, &servicecatalog.DescribeProductAsAdminInput{Id: s.ProductId})
			t.Warn("DescribeProductAsAdmin", err)
			if err == nil {
				r.Tags = tagMap(out.Tags)
			}
			t.Emit(r)
		})
}
