package all_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/swf"
	"github.com/aws/aws-sdk-go-v2/service/swf/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/swf"
)

var swfPaged = collecttest.Paged{Cap: 2}

// register makes five domains (orders0 keeps 30 days of history) and a
// deprecated one.
func swfRegister(t *testing.T, api *swf.Client) {
	t.Helper()
	ctx := context.Background()
	for i := range 6 {
		days := "7"
		if i == 0 {
			days = "30"
		}
		if _, err := api.RegisterDomain(ctx, &swf.RegisterDomainInput{Name: aws.String(fmt.Sprintf("orders%d", i)), Description: aws.String("order flow"),
			WorkflowExecutionRetentionPeriodInDays: aws.String(days), Tags: []types.ResourceTag{{Key: aws.String("n"), Value: aws.String(fmt.Sprint(i))}}}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := api.DeprecateDomain(ctx, &swf.DeprecateDomainInput{Name: aws.String("orders5")}); err != nil {
		t.Fatal(err)
	}
}

func TestSwfDomains(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.Config(t, region, nil)
	swfRegister(t, swf.NewFromConfig(cfg))
	got := swfPaged.Run(t, cfg, collector.Service, "domain", region)
	if got.Err != nil || len(got.Resources) != 5 {
		t.Fatalf("domains: %v, %d (want the 5 registered)", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	d := got.ByID()["orders0"]
	if d.ARN != "arn:aws:swf:eu-west-1:"+collecttest.MotoAccount+":/domain/orders0" || d.Tags["n"] != "0" {
		t.Errorf("orders0: %s %v", d.ARN, d.Tags)
	}
	for k, v := range map[string]any{"description": "order flow", "status": "REGISTERED", "retention_days": int64(30)} {
		if d.Details[k] != v {
			t.Errorf("orders0 details[%s] = %v, want %v", k, d.Details[k], v)
		}
	}
}

func TestSwfDenied(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("ListDomains")})
	collecttest.AssertDenied(t, swfPaged.Run(t, cfg, collector.Service, "domain", region))
	swfRegister(t, swf.NewFromConfig(collecttest.Config(t, region, nil)))
	cfg = collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("DescribeDomain")})
	got := swfPaged.Run(t, cfg, collector.Service, "domain", region)
	d := got.ByID()["orders1"]
	if got.Err != nil || len(got.Resources) != 5 || len(got.Task.Warnings()) != 5 || d.Details["retention_days"] != nil || d.Details["status"] != "REGISTERED" {
		t.Fatalf("want domains without retention and a warning each, got %v, %d, %d", got.Err, len(got.Resources), len(got.Task.Warnings()))
	}
}
