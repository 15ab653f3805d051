package all_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/servicecatalog"
	"github.com/aws/aws-sdk-go-v2/service/servicecatalog/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/servicecatalog"
)

// createPortfolios makes six portfolios; the first is shared with one account.
func createPortfolios(t *testing.T, api *servicecatalog.Client) map[string]string {
	t.Helper()
	ctx := context.Background()
	ids := map[string]string{}
	for i := range 6 {
		out, err := api.CreatePortfolio(ctx, &servicecatalog.CreatePortfolioInput{DisplayName: aws.String(fmt.Sprint("platform", i)), ProviderName: aws.String("platform team"),
			Description: aws.String("golden paths"), IdempotencyToken: aws.String(fmt.Sprint("tok", i)),
			Tags: []types.Tag{{Key: aws.String("n"), Value: aws.String(fmt.Sprint(i))}}})
		if err != nil {
			t.Fatal(err)
		}
		ids[fmt.Sprint("platform", i)] = aws.ToString(out.PortfolioDetail.Id)
	}
	if _, err := api.CreatePortfolioShare(ctx, &servicecatalog.CreatePortfolioShareInput{PortfolioId: aws.String(ids["platform0"]), AccountId: aws.String("111122223333")}); err != nil {
		t.Fatal(err)
	}
	return ids
}

func TestServicecatalogPortfolios(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.Config(t, region, nil)
	ids := createPortfolios(t, servicecatalog.NewFromConfig(cfg))
	got := collecttest.Run(t, cfg, collector.Service, "portfolio", region)
	if got.Err != nil || len(got.Resources) != 6 {
		t.Fatalf("portfolios: %v, %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	p := got.ByID()[ids["platform0"]]
	if p.Name != "platform0" || p.Tags["n"] != "0" || p.ARN == "" || p.CreatedAt == "" || p.Details["provider"] != "platform team" ||
		fmt.Sprint(p.Details["shared_with_accounts"]) != "[111122223333]" {
		t.Errorf("platform0: %+v", p)
	}
	if s := got.ByID()[ids["platform1"]].Details["shared_with_accounts"].([]string); len(s) != 0 {
		t.Errorf("platform1 shared with %v", s)
	}
}

// moto lacks SearchProductsAsAdmin and DescribeProductAsAdmin: canned,
// three products over two pages, each tagged with its id.
func TestServicecatalogProducts(t *testing.T) {
	collecttest.Require(t)
	created := time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){
		"SearchProductsAsAdmin": func(in any) (any, error) {
			var all []types.ProductViewDetail
			for i := range 3 {
				id := fmt.Sprint("prod-", i)
				all = append(all, types.ProductViewDetail{ProductARN: aws.String("arn:aws:catalog:" + region + ":" + collecttest.MotoAccount + ":product/" + id), CreatedTime: &created,
					Status: types.StatusAvailable, ProductViewSummary: &types.ProductViewSummary{ProductId: aws.String(id), Id: aws.String(fmt.Sprint("prodview-", i)),
						Name: aws.String(fmt.Sprint("bucket", i)), Owner: aws.String("platform"), Type: types.ProductTypeCloudFormationTemplate}})
			}
			page, next := collecttest.Page(all, in.(*servicecatalog.SearchProductsAsAdminInput).PageToken, 2)
			return &servicecatalog.SearchProductsAsAdminOutput{ProductViewDetails: page, NextPageToken: next}, nil
		},
		"DescribeProductAsAdmin": func(in any) (any, error) {
			return &servicecatalog.DescribeProductAsAdminOutput{Tags: []types.Tag{{Key: aws.String("id"), Value: in.(*servicecatalog.DescribeProductAsAdminInput).Id}}}, nil
		},
	})})
	got := collecttest.Run(t, cfg, collector.Service, "product", region)
	if got.Err != nil || len(got.Resources) != 3 {
		t.Fatalf("products: %v, %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	p := got.ByID()["prod-2"]
	if p.Name != "bucket2" || p.Tags["id"] != "prod-2" || p.CreatedAt != "2026-05-01T00:00:00Z" || p.Details["product_type"] != "CLOUD_FORMATION_TEMPLATE" ||
		p.Details["status"] != "AVAILABLE" || p.Details["owner"] != "platform" {
		t.Errorf("product: %+v", p)
	}
}

func TestServicecatalogDenied(t *testing.T) {
	collecttest.Setup(t)
	for typ, op := range map[string]string{"portfolio": "ListPortfolios", "product": "SearchProductsAsAdmin"} {
		cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny(op)})
		collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, typ, region))
	}
	ids := createPortfolios(t, servicecatalog.NewFromConfig(collecttest.Config(t, region, nil)))
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("ListPortfolioAccess")})
	got := collecttest.Run(t, cfg, collector.Service, "portfolio", region)
	if got.Err != nil || len(got.Resources) != 6 || len(got.Task.Warnings()) != 6 {
		t.Fatalf("want portfolios with a warning each: %v, %d, %d", got.Err, len(got.Resources), len(got.Task.Warnings()))
	}
	if _, known := got.ByID()[ids["platform0"]].Details["shared_with_accounts"]; known {
		t.Errorf("sharing is unknown: %v", got.ByID()[ids["platform0"]].Details)
	}
}
