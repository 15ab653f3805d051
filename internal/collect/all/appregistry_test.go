package all_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/servicecatalogappregistry"
	"github.com/aws/aws-sdk-go-v2/service/servicecatalogappregistry/types"

	"github.com/awsmap/awsmap/internal/awsx"
	collector "github.com/awsmap/awsmap/internal/collect/appregistry"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
)

var appregistryCreated = time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC)

func appregistryArn(kind, id string) *string {
	return aws.String("arn:aws:servicecatalog:" + region + ":" + collecttest.MotoAccount + ":/" + kind + "/" + id)
}

// canned answers AppRegistry: moto writes times the SDK cannot read and
// lacks attribute groups and ListTagsForResource. Three of each over two
// pages, each tagged with its ARN.
var appregistryCanned = map[string]func(any) (any, error){
	"ListApplications": func(in any) (any, error) {
		var all []types.ApplicationSummary
		for i := range 3 {
			id := fmt.Sprint("app-", i)
			all = append(all, types.ApplicationSummary{Id: aws.String(id), Name: aws.String(fmt.Sprint("shop", i)), Arn: appregistryArn("applications", id), CreationTime: &appregistryCreated,
				Description: aws.String("web shop")})
		}
		page, next := collecttest.Page(all, in.(*servicecatalogappregistry.ListApplicationsInput).NextToken, 2)
		return &servicecatalogappregistry.ListApplicationsOutput{Applications: page, NextToken: next}, nil
	},
	"ListAttributeGroups": func(in any) (any, error) {
		var all []types.AttributeGroupSummary
		for i := range 3 {
			id := fmt.Sprint("ag-", i)
			all = append(all, types.AttributeGroupSummary{Id: aws.String(id), Name: aws.String(fmt.Sprint("owners", i)), CreationTime: &appregistryCreated,
				Arn: appregistryArn("attribute-groups", id), CreatedBy: aws.String("admin")})
		}
		page, next := collecttest.Page(all, in.(*servicecatalogappregistry.ListAttributeGroupsInput).NextToken, 2)
		return &servicecatalogappregistry.ListAttributeGroupsOutput{AttributeGroups: page, NextToken: next}, nil
	},
	"ListTagsForResource": func(in any) (any, error) {
		return &servicecatalogappregistry.ListTagsForResourceOutput{Tags: map[string]string{"arn": aws.ToString(in.(*servicecatalogappregistry.ListTagsForResourceInput).ResourceArn)}}, nil
	},
}

func TestAppregistry(t *testing.T) {
	collecttest.Require(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(appregistryCanned)})
	for _, c := range []struct {
		typ, id, name string
		details       map[string]any
	}{
		{"application", "app-1", "shop1", map[string]any{"description": "web shop"}},
		{"attribute-group", "ag-2", "owners2", map[string]any{"created_by": "admin"}},
	} {
		got := collecttest.Run(t, cfg, collector.Service, c.typ, region)
		if got.Err != nil || len(got.Resources) != 3 {
			t.Fatalf("%s: %v, %d", c.typ, got.Err, len(got.Resources))
		}
		collecttest.AssertNoWarnings(t, got)
		r := got.ByID()[c.id]
		if r.Name != c.name || r.ARN == "" || r.Tags["arn"] != r.ARN || r.CreatedAt != "2026-07-01T00:00:00Z" {
			t.Errorf("%s: %+v", c.typ, r)
		}
		for k, v := range c.details {
			if r.Details[k] != v {
				t.Errorf("%s details[%s] = %v, want %v", c.typ, k, r.Details[k], v)
			}
		}
	}
}

func TestAppregistryDenied(t *testing.T) {
	collecttest.Require(t)
	for typ, op := range map[string]string{"application": "ListApplications", "attribute-group": "ListAttributeGroups"} {
		cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){op: collecttest.Denied(op)})})
		collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, typ, region))
	}
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){
		"ListApplications": appregistryCanned["ListApplications"], "ListTagsForResource": collecttest.Denied("ListTagsForResource")})})
	got := collecttest.Run(t, cfg, collector.Service, "application", region)
	if got.Err != nil || len(got.Resources) != 3 || len(got.Task.Warnings()) != 3 {
		t.Fatalf("want applications with a warning each: %v, %d, %d", got.Err, len(got.Resources), len(got.Task.Warnings()))
	}
}
