package all_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/resourcegroups"
	"github.com/aws/aws-sdk-go-v2/service/resourcegroups/types"
	"github.com/aws/smithy-go"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/resourcegroups"
)

const tagQuery = `{"ResourceTypeFilters":["AWS::AllSupported"],"TagFilters":[{"Key":"Env","Values":["prod"]}]}`

func createGroups(t *testing.T, api *resourcegroups.Client) {
	t.Helper()
	for i := range 6 {
		if _, err := api.CreateGroup(context.Background(), &resourcegroups.CreateGroupInput{Name: aws.String(fmt.Sprint("prod", i)), Description: aws.String("prod resources"),
			ResourceQuery: &types.ResourceQuery{Type: types.QueryTypeTagFilters10, Query: aws.String(tagQuery)}, Tags: map[string]string{"n": fmt.Sprint(i)}}); err != nil {
			t.Fatal(err)
		}
	}
}

func TestResourcegroupsGroups(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.Config(t, region, nil)
	createGroups(t, resourcegroups.NewFromConfig(cfg))
	got := collecttest.Run(t, cfg, collector.Service, "group", region)
	if got.Err != nil || len(got.Resources) != 6 {
		t.Fatalf("groups: %v, %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	g := got.ByID()["prod4"]
	// moto's ListGroups leaves out the description and builds the ARN in
	// us-west-1: the ARN is the one listed.
	if g.Tags["n"] != "4" || !strings.HasSuffix(g.ARN, ":"+collecttest.MotoAccount+":group/prod4") ||
		g.Details["query_type"] != "TAG_FILTERS_1_0" || fmt.Sprint(g.Details["query"]) != "map[ResourceTypeFilters:[AWS::AllSupported] TagFilters:[map[Key:Env Values:[prod]]]]" {
		t.Errorf("prod4: %s %v %v", g.ARN, g.Tags, g.Details)
	}
}

// A service-configured group has no query: no warning, no query fields.
func TestResourcegroupsConfiguredGroups(t *testing.T) {
	collecttest.Setup(t)
	createGroups(t, resourcegroups.NewFromConfig(collecttest.Config(t, region, nil)))
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){
		"GetGroupQuery": func(any) (any, error) {
			return nil, &smithy.GenericAPIError{Code: "BadRequestException", Message: "the group has no query"}
		},
	})})
	got := collecttest.Run(t, cfg, collector.Service, "group", region)
	collecttest.AssertNoWarnings(t, got)
	if g := got.ByID()["prod0"]; got.Err != nil || g.Details["query_type"] != "" || g.Details["query"] != nil {
		t.Errorf("configured group: %v %+v", got.Err, g)
	}
}

func TestResourcegroupsDenied(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("ListGroups")})
	collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, "group", region))

	createGroups(t, resourcegroups.NewFromConfig(collecttest.Config(t, region, nil)))
	cfg = collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("GetGroupQuery", "GetTags")})
	got := collecttest.Run(t, cfg, collector.Service, "group", region)
	if got.Err != nil || len(got.Resources) != 6 || len(got.Task.Warnings()) != 12 {
		t.Fatalf("want groups with two warnings each: %v, %d, %d", got.Err, len(got.Resources), len(got.Task.Warnings()))
	}
}
