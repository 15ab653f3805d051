package all_test

import (
	"context"
	"fmt"
	"maps"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/personalize"
	"github.com/aws/aws-sdk-go-v2/service/personalize/types"
	"github.com/aws/smithy-go"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/personalize"
)

var personalizePaged = collecttest.Paged{Cap: 2}

var (
	personalizeUpdated = time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
	personalizeRole    = "arn:aws:iam::" + account + ":role/personalize"
	personalizeKey     = "arn:aws:kms:" + region + ":" + account + ":key/k-pz"
)

func personalizeArn(res string) string {
	return "arn:aws:personalize:" + region + ":" + account + ":" + res
}

// group is the name of the dataset group an ARN names.
func group(groupARN *string) string {
	return strings.TrimPrefix(aws.ToString(groupARN), personalizeArn("dataset-group/"))
}

func personalizeNotFound(what string) error {
	return &smithy.GenericAPIError{Code: "ResourceNotFoundException", Message: "no such " + what}
}

// canned answers Personalize (moto serves only schemas): dataset groups
// dg0..dg2 (dg0 encrypted with a customer key, dg2 a domain group), three
// of every kind of resource, per group for those listed per group; every
// tag set holds the resource's ARN.
func personalizeCanned(replace map[string]func(any) (any, error)) awsx.Options {
	answers := map[string]func(any) (any, error){
		"ListDatasetGroups": func(in any) (any, error) {
			var all []types.DatasetGroupSummary
			for _, g := range three("dg") {
				s := types.DatasetGroupSummary{DatasetGroupArn: aws.String(personalizeArn("dataset-group/" + g)), Name: aws.String(g), Status: aws.String("ACTIVE"),
					CreationDateTime: &created, LastUpdatedDateTime: &personalizeUpdated}
				if g == "dg2" {
					s.Domain = types.DomainEcommerce
				}
				all = append(all, s)
			}
			items, next := twoPerPage(all, in.(*personalize.ListDatasetGroupsInput).NextToken)
			return &personalize.ListDatasetGroupsOutput{DatasetGroups: items, NextToken: next}, nil
		},
		"DescribeDatasetGroup": func(in any) (any, error) {
			g := in.(*personalize.DescribeDatasetGroupInput).DatasetGroupArn
			d := &types.DatasetGroup{DatasetGroupArn: g, Name: aws.String(group(g)), Status: aws.String("ACTIVE")}
			if group(g) == "dg0" {
				d.KmsKeyArn, d.RoleArn = aws.String(personalizeKey), aws.String(personalizeRole)
			}
			return &personalize.DescribeDatasetGroupOutput{DatasetGroup: d}, nil
		},
		"ListDatasets": func(in any) (any, error) {
			g := group(in.(*personalize.ListDatasetsInput).DatasetGroupArn)
			var all []types.DatasetSummary
			for _, typ := range []string{"INTERACTIONS", "ITEMS", "USERS"} {
				all = append(all, types.DatasetSummary{DatasetArn: aws.String(personalizeArn("dataset/" + g + "/" + typ)), Name: aws.String(g + "-" + strings.ToLower(typ)),
					DatasetType: aws.String(typ), Status: aws.String("ACTIVE"), CreationDateTime: &created, LastUpdatedDateTime: &personalizeUpdated})
			}
			items, next := twoPerPage(all, in.(*personalize.ListDatasetsInput).NextToken)
			return &personalize.ListDatasetsOutput{Datasets: items, NextToken: next}, nil
		},
		"DescribeDataset": func(in any) (any, error) {
			a := aws.ToString(in.(*personalize.DescribeDatasetInput).DatasetArn)
			typ := a[strings.LastIndex(a, "/")+1:]
			return &personalize.DescribeDatasetOutput{Dataset: &types.Dataset{DatasetArn: aws.String(a), DatasetType: aws.String(typ),
				SchemaArn: aws.String(personalizeArn("schema/sc-" + strings.ToLower(typ)))}}, nil
		},
		"ListSchemas": func(in any) (any, error) {
			var all []types.DatasetSchemaSummary
			for _, s := range three("sc") {
				all = append(all, types.DatasetSchemaSummary{SchemaArn: aws.String(personalizeArn("schema/" + s)), Name: aws.String(s), Domain: types.DomainVideoOnDemand,
					CreationDateTime: &created, LastUpdatedDateTime: &personalizeUpdated})
			}
			items, next := twoPerPage(all, in.(*personalize.ListSchemasInput).NextToken)
			return &personalize.ListSchemasOutput{Schemas: items, NextToken: next}, nil
		},
		"ListSolutions": func(in any) (any, error) {
			var all []types.SolutionSummary
			for _, s := range three("sol") {
				all = append(all, types.SolutionSummary{SolutionArn: aws.String(personalizeArn("solution/" + s)), Name: aws.String(s), Status: aws.String("ACTIVE"),
					RecipeArn: aws.String("arn:aws:personalize:::recipe/aws-user-personalization"), CreationDateTime: &created, LastUpdatedDateTime: &personalizeUpdated})
			}
			items, next := twoPerPage(all, in.(*personalize.ListSolutionsInput).NextToken)
			return &personalize.ListSolutionsOutput{Solutions: items, NextToken: next}, nil
		},
		"DescribeSolution": func(in any) (any, error) {
			a := in.(*personalize.DescribeSolutionInput).SolutionArn
			s := &types.Solution{SolutionArn: a, DatasetGroupArn: aws.String(personalizeArn("dataset-group/dg1")), PerformAutoTraining: aws.Bool(false), PerformHPO: true}
			if strings.HasSuffix(aws.ToString(a), "sol0") {
				s.PerformAutoTraining, s.EventType = aws.Bool(true), aws.String("click")
				s.SolutionConfig = &types.SolutionConfig{AutoTrainingConfig: &types.AutoTrainingConfig{SchedulingExpression: aws.String("rate(5 days)")}}
				s.LatestSolutionVersion = &types.SolutionVersionSummary{SolutionVersionArn: aws.String(aws.ToString(a) + "/v9"), Status: aws.String("ACTIVE")}
			}
			return &personalize.DescribeSolutionOutput{Solution: s}, nil
		},
		"ListCampaigns": func(in any) (any, error) {
			var all []types.CampaignSummary
			for _, c := range three("cp") {
				all = append(all, types.CampaignSummary{CampaignArn: aws.String(personalizeArn("campaign/" + c)), Name: aws.String(c), Status: aws.String("ACTIVE"),
					CreationDateTime: &created, LastUpdatedDateTime: &personalizeUpdated})
			}
			items, next := twoPerPage(all, in.(*personalize.ListCampaignsInput).NextToken)
			return &personalize.ListCampaignsOutput{Campaigns: items, NextToken: next}, nil
		},
		"DescribeCampaign": func(in any) (any, error) {
			a := in.(*personalize.DescribeCampaignInput).CampaignArn
			c := &types.Campaign{CampaignArn: a, SolutionVersionArn: aws.String(personalizeArn("solution/sol0/v9")), MinProvisionedTPS: aws.Int32(1)}
			if strings.HasSuffix(aws.ToString(a), "cp1") {
				c.SolutionVersionArn, c.MinProvisionedTPS = aws.String(personalizeArn("solution/sol1/$LATEST")), aws.Int32(20)
				c.CampaignConfig = &types.CampaignConfig{SyncWithLatestSolutionVersion: aws.Bool(true), EnableMetadataWithRecommendations: aws.Bool(true)}
			}
			return &personalize.DescribeCampaignOutput{Campaign: c}, nil
		},
		"ListEventTrackers": func(in any) (any, error) {
			g := group(in.(*personalize.ListEventTrackersInput).DatasetGroupArn)
			var all []types.EventTrackerSummary
			for _, e := range three(g + "et") {
				all = append(all, types.EventTrackerSummary{EventTrackerArn: aws.String(personalizeArn("event-tracker/" + e)), Name: aws.String("clicks-" + e),
					Status: aws.String("ACTIVE"), CreationDateTime: &created, LastUpdatedDateTime: &personalizeUpdated})
			}
			items, next := twoPerPage(all, in.(*personalize.ListEventTrackersInput).NextToken)
			return &personalize.ListEventTrackersOutput{EventTrackers: items, NextToken: next}, nil
		},
		"ListFilters": func(in any) (any, error) {
			g := in.(*personalize.ListFiltersInput).DatasetGroupArn
			var all []types.FilterSummary
			for _, f := range three(group(g) + "-f") {
				all = append(all, types.FilterSummary{FilterArn: aws.String(personalizeArn("filter/" + f)), Name: aws.String(f), DatasetGroupArn: g,
					Status: aws.String("ACTIVE"), CreationDateTime: &created, LastUpdatedDateTime: &personalizeUpdated})
			}
			items, next := twoPerPage(all, in.(*personalize.ListFiltersInput).NextToken)
			return &personalize.ListFiltersOutput{Filters: items, NextToken: next}, nil
		},
		"ListRecommenders": func(in any) (any, error) {
			var all []types.RecommenderSummary
			for _, r := range three("rec") {
				all = append(all, types.RecommenderSummary{RecommenderArn: aws.String(personalizeArn("recommender/" + r)), Name: aws.String(r),
					DatasetGroupArn: aws.String(personalizeArn("dataset-group/dg2")), RecipeArn: aws.String("arn:aws:personalize:::recipe/aws-ecomm-popular-items-by-views"),
					Status: aws.String("ACTIVE"), CreationDateTime: &created, LastUpdatedDateTime: &personalizeUpdated,
					RecommenderConfig: &types.RecommenderConfig{MinRecommendationRequestsPerSecond: aws.Int32(10)}})
			}
			items, next := twoPerPage(all, in.(*personalize.ListRecommendersInput).NextToken)
			return &personalize.ListRecommendersOutput{Recommenders: items, NextToken: next}, nil
		},
		"ListMetricAttributions": func(in any) (any, error) {
			g := group(in.(*personalize.ListMetricAttributionsInput).DatasetGroupArn)
			var all []types.MetricAttributionSummary
			for _, m := range three(g + "-ma") {
				all = append(all, types.MetricAttributionSummary{MetricAttributionArn: aws.String(personalizeArn("metric-attribution/" + m)), Name: aws.String(m),
					Status: aws.String("ACTIVE"), CreationDateTime: &created, LastUpdatedDateTime: &personalizeUpdated})
			}
			items, next := twoPerPage(all, in.(*personalize.ListMetricAttributionsInput).NextToken)
			return &personalize.ListMetricAttributionsOutput{MetricAttributions: items, NextToken: next}, nil
		},
		"DescribeMetricAttribution": func(in any) (any, error) {
			return &personalize.DescribeMetricAttributionOutput{MetricAttribution: &types.MetricAttribution{
				MetricAttributionArn: in.(*personalize.DescribeMetricAttributionInput).MetricAttributionArn,
				MetricsOutputConfig: &types.MetricAttributionOutput{RoleArn: aws.String(personalizeRole),
					S3DataDestination: &types.S3DataConfig{Path: aws.String("s3://pz-metrics/attribution/"), KmsKeyArn: aws.String(personalizeKey)}}}}, nil
		},
		"ListTagsForResource": func(in any) (any, error) {
			return &personalize.ListTagsForResourceOutput{Tags: []types.Tag{{TagKey: aws.String("arn"), TagValue: in.(*personalize.ListTagsForResourceInput).ResourceArn}}}, nil
		},
	}
	maps.Copy(answers, replace)
	return awsx.Options{Responder: collecttest.Canned(answers)}
}

func TestPersonalizeTypes(t *testing.T) {
	collecttest.Require(t)
	cfg := collecttest.ConfigWith(t, region, personalizeCanned(nil))
	for _, c := range []struct {
		typ, id, name, arn string
		count              int
		tagged             bool
		details            map[string]any
		edges              []string
	}{
		{"dataset-group", "dg0", "dg0", "dataset-group/dg0", 3, true,
			map[string]any{"status": "ACTIVE", "domain": "", "kms_key": personalizeKey, "role_arn": personalizeRole, "updated": "2026-03-02T00:00:00Z"},
			[]string{"dg0 -assumes-role-> iam/role:personalize", "dg0 -encrypted-with-> kms/key:k-pz"}},
		{"dataset-group", "dg2", "dg2", "dataset-group/dg2", 3, true, map[string]any{"domain": "ECOMMERCE", "kms_key": "", "role_arn": ""}, nil},
		{"dataset", "dg1/ITEMS", "dg1-items", "dataset/dg1/ITEMS", 9, true,
			map[string]any{"dataset_type": "ITEMS", "status": "ACTIVE", "schema_arn": personalizeArn("schema/sc-items")},
			[]string{"dg1/ITEMS -in-> personalize/dataset-group:dg1", "dg1/ITEMS -uses-> personalize/schema:sc-items"}},
		{"schema", "sc2", "sc2", "schema/sc2", 3, false, map[string]any{"domain": "VIDEO_ON_DEMAND", "updated": "2026-03-02T00:00:00Z"}, nil},
		{"solution", "sol0", "sol0", "solution/sol0", 3, true,
			map[string]any{"status": "ACTIVE", "recipe_arn": "arn:aws:personalize:::recipe/aws-user-personalization", "auto_training": true,
				"auto_training_schedule": "rate(5 days)", "perform_hpo": true, "perform_auto_ml": false, "event_type": "click",
				"latest_version_arn": personalizeArn("solution/sol0/v9"), "latest_version_status": "ACTIVE"},
			[]string{"sol0 -in-> personalize/dataset-group:dg1"}},
		{"solution", "sol2", "sol2", "solution/sol2", 3, true, map[string]any{"auto_training": false, "auto_training_schedule": "", "latest_version_arn": ""}, nil},
		{"campaign", "cp1", "cp1", "campaign/cp1", 3, true,
			map[string]any{"status": "ACTIVE", "solution_version_arn": personalizeArn("solution/sol1/$LATEST"), "min_provisioned_tps": int64(20),
				"sync_with_latest_version": true, "metadata_in_recommendations": true},
			[]string{"cp1 -serves-> personalize/solution:sol1"}},
		{"campaign", "cp2", "cp2", "campaign/cp2", 3, true, map[string]any{"min_provisioned_tps": int64(1), "sync_with_latest_version": false},
			[]string{"cp2 -serves-> personalize/solution:sol0"}},
		{"event-tracker", "dg2et1", "clicks-dg2et1", "event-tracker/dg2et1", 9, true, map[string]any{"status": "ACTIVE"},
			[]string{"dg2et1 -in-> personalize/dataset-group:dg2"}},
		{"filter", "dg0-f2", "dg0-f2", "filter/dg0-f2", 9, true, map[string]any{"status": "ACTIVE", "failure_reason": ""},
			[]string{"dg0-f2 -in-> personalize/dataset-group:dg0"}},
		{"recommender", "rec1", "rec1", "recommender/rec1", 3, true,
			map[string]any{"recipe_arn": "arn:aws:personalize:::recipe/aws-ecomm-popular-items-by-views", "min_recommendation_requests_per_second": int64(10),
				"metadata_in_recommendations": false},
			[]string{"rec1 -in-> personalize/dataset-group:dg2"}},
		{"metric-attribution", "dg1-ma0", "dg1-ma0", "metric-attribution/dg1-ma0", 9, false,
			map[string]any{"role_arn": personalizeRole, "s3_path": "s3://pz-metrics/attribution/", "kms_key": personalizeKey},
			[]string{"dg1-ma0 -in-> personalize/dataset-group:dg1", "dg1-ma0 -assumes-role-> iam/role:personalize",
				"dg1-ma0 -writes-to-> s3/bucket:pz-metrics", "dg1-ma0 -encrypted-with-> kms/key:k-pz"}},
	} {
		t.Run(c.typ+"/"+c.id, func(t *testing.T) {
			got := personalizePaged.Run(t, cfg, collector.Service, c.typ, region)
			if got.Err != nil || len(got.Resources) != c.count {
				t.Fatalf("%v, %d resources, want %d", got.Err, len(got.Resources), c.count)
			}
			collecttest.AssertNoWarnings(t, got)
			r := got.ByID()[c.id]
			if r == nil || r.Name != c.name || r.ARN != personalizeArn(c.arn) || r.CreatedAt != "2026-03-01T00:00:00Z" || (r.Tags["arn"] == r.ARN) != c.tagged {
				t.Fatalf("%s: %+v in %v", c.id, r, got.ByID())
			}
			for k, v := range c.details {
				if r.Details[k] != v {
					t.Errorf("details[%s] = %#v, want %#v", k, r.Details[k], v)
				}
			}
			collecttest.HasEdges(t, got, c.edges...)
		})
	}
}

// moto serves schemas (in one page); the collector reads them from it.
func TestPersonalizeSchemasFromMoto(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.Config(t, region, nil)
	api := personalize.NewFromConfig(cfg)
	avro := `{"type":"record","name":"Interactions","namespace":"com.amazonaws.personalize.schema","fields":[{"name":"USER_ID","type":"string"},{"name":"ITEM_ID","type":"string"},{"name":"TIMESTAMP","type":"long"}],"version":"1.0"}`
	want := map[string]string{}
	for i, name := range []string{"clicks", "views", "orders"} {
		in := &personalize.CreateSchemaInput{Name: aws.String(name), Schema: aws.String(avro)}
		if i == 0 {
			in.Domain = types.DomainEcommerce
		}
		out, err := api.CreateSchema(context.Background(), in)
		if err != nil {
			t.Fatal(err)
		}
		want[name] = aws.ToString(out.SchemaArn)
	}
	got := personalizePaged.Run(t, cfg, collector.Service, "schema", region)
	if got.Err != nil || len(got.Resources) != 3 {
		t.Fatalf("%v, %d resources", got.Err, len(got.Resources))
	}
	for name, a := range want {
		r := got.ByID()[name]
		if r == nil || r.Name != name || r.ARN != a || a != personalizeArn("schema/"+name) || r.CreatedAt == "" || r.Details["updated"] == "" {
			t.Fatalf("%s: %+v", name, r)
		}
	}
	if d := got.ByID()["clicks"].Details["domain"]; d != "ECOMMERCE" {
		t.Errorf("clicks domain = %v", d)
	}
	if d := got.ByID()["views"].Details["domain"]; d != "" {
		t.Errorf("views domain = %v, want none", d)
	}
}

// A resource deleted between the listing and its describe call is skipped,
// not stored nor warned about; so are the children of a dataset group
// deleted before they were listed.
func TestPersonalizeDeletedMeanwhile(t *testing.T) {
	collecttest.Require(t)
	gone := func(op, what string, input func(any) *string) func(any) (any, error) {
		next := personalizeCanned(nil).Responder
		return func(in any) (any, error) {
			if strings.HasSuffix(aws.ToString(input(in)), what) {
				return nil, personalizeNotFound(what)
			}
			return next.Respond(context.Background(), awsx.Request{Operation: op, Input: in})
		}
	}
	for _, c := range []struct {
		typ, op, gone string
		input         func(any) *string
		want          int
	}{
		{"dataset-group", "DescribeDatasetGroup", "dg1", func(in any) *string { return in.(*personalize.DescribeDatasetGroupInput).DatasetGroupArn }, 2},
		{"dataset", "DescribeDataset", "dg1/USERS", func(in any) *string { return in.(*personalize.DescribeDatasetInput).DatasetArn }, 8},
		{"dataset", "ListDatasets", "dg1", func(in any) *string { return in.(*personalize.ListDatasetsInput).DatasetGroupArn }, 6},
		{"solution", "DescribeSolution", "sol1", func(in any) *string { return in.(*personalize.DescribeSolutionInput).SolutionArn }, 2},
		{"campaign", "DescribeCampaign", "cp0", func(in any) *string { return in.(*personalize.DescribeCampaignInput).CampaignArn }, 2},
		{"filter", "ListFilters", "dg2", func(in any) *string { return in.(*personalize.ListFiltersInput).DatasetGroupArn }, 6},
		{"metric-attribution", "DescribeMetricAttribution", "dg0-ma2", func(in any) *string {
			return in.(*personalize.DescribeMetricAttributionInput).MetricAttributionArn
		}, 8},
	} {
		cfg := collecttest.ConfigWith(t, region, personalizeCanned(map[string]func(any) (any, error){c.op: gone(c.op, c.gone, c.input)}))
		got := personalizePaged.Run(t, cfg, collector.Service, c.typ, region)
		if got.Err != nil || len(got.Resources) != c.want {
			t.Fatalf("%s, %s of %s not found: %v, %d resources, want %d", c.typ, c.op, c.gone, got.Err, len(got.Resources), c.want)
		}
		collecttest.AssertNoWarnings(t, got)
		if got.ByID()[c.gone] != nil {
			t.Errorf("%s %s was stored", c.typ, c.gone)
		}
	}
}

// A failed describe call leaves the resource, from its summary, without
// the fields that call gives (unknown, not empty), and a warning.
func TestPersonalizeDescribeFails(t *testing.T) {
	collecttest.Require(t)
	cfg := collecttest.ConfigWith(t, region, personalizeCanned(map[string]func(any) (any, error){
		"DescribeSolution":     collecttest.Denied("DescribeSolution"),
		"DescribeDatasetGroup": collecttest.Denied("DescribeDatasetGroup"),
	}))
	got := personalizePaged.Run(t, cfg, collector.Service, "solution", region)
	if got.Err != nil || len(got.Resources) != 3 || len(got.Task.Warnings()) != 3 {
		t.Fatalf("%v, %d resources, %d warnings", got.Err, len(got.Resources), len(got.Task.Warnings()))
	}
	s := got.ByID()["sol0"].Details
	if _, known := s["auto_training"]; known || s["status"] != "ACTIVE" || len(got.Relationships) != 0 {
		t.Errorf("sol0 without its description: %v, %v", s, got.Edges())
	}
	got = personalizePaged.Run(t, cfg, collector.Service, "dataset-group", region)
	if got.Err != nil || len(got.Resources) != 3 || len(got.Task.Warnings()) != 3 {
		t.Fatalf("%v, %d resources, %d warnings", got.Err, len(got.Resources), len(got.Task.Warnings()))
	}
	if _, known := got.ByID()["dg0"].Details["kms_key"]; known {
		t.Errorf("dg0's key is unknown, not empty: %v", got.ByID()["dg0"].Details)
	}
}

func TestPersonalizeDenied(t *testing.T) {
	collecttest.Require(t)
	for typ, ops := range map[string][]string{
		"dataset-group":      {"ListDatasetGroups"},
		"dataset":            {"ListDatasetGroups", "ListDatasets"},
		"schema":             {"ListSchemas"},
		"solution":           {"ListSolutions"},
		"campaign":           {"ListCampaigns"},
		"event-tracker":      {"ListDatasetGroups", "ListEventTrackers"},
		"filter":             {"ListDatasetGroups", "ListFilters"},
		"recommender":        {"ListRecommenders"},
		"metric-attribution": {"ListDatasetGroups", "ListMetricAttributions"},
	} {
		for _, op := range ops {
			cfg := collecttest.ConfigWith(t, region, personalizeCanned(map[string]func(any) (any, error){op: collecttest.Denied(op)}))
			got := personalizePaged.Run(t, cfg, collector.Service, typ, region)
			if !strings.Contains(fmt.Sprint(got.Err), op) {
				t.Errorf("%s: the error %v does not name %s", typ, got.Err, op)
			}
			collecttest.AssertDenied(t, got)
		}
	}
	// Denied tags leave the resources, untagged, and a warning each.
	cfg := collecttest.ConfigWith(t, region, personalizeCanned(map[string]func(any) (any, error){"ListTagsForResource": collecttest.Denied("ListTagsForResource")}))
	got := personalizePaged.Run(t, cfg, collector.Service, "filter", region)
	if got.Err != nil || len(got.Resources) != 9 || len(got.Task.Warnings()) != 9 || len(got.ByID()["dg0-f0"].Tags) != 0 {
		t.Fatalf("want filters and a tag warning each, got %v, %d, %d", got.Err, len(got.Resources), len(got.Task.Warnings()))
	}
}
