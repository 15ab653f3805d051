package all_test

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	re "github.com/aws/aws-sdk-go-v2/service/resourceexplorer2"
	"github.com/aws/aws-sdk-go-v2/service/resourceexplorer2/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/resourceexplorer2"
)

const prefix = "arn:aws:resource-explorer-2:" + region + ":" + collecttest.MotoAccount + ":"

// estate cans Resource Explorer, which moto 5.2.1 does not serve: the
// region's aggregator index and two views over two pages.
var resourceexplorer2Estate = map[string]func(any) (any, error){
	"ListIndexes": func(in any) (any, error) {
		if r := in.(*re.ListIndexesInput).Regions; len(r) != 1 || r[0] != region {
			return nil, &awsx.NotApplicableError{Reason: "want the task's region"}
		}
		return &re.ListIndexesOutput{Indexes: []types.Index{{Arn: aws.String(prefix + "index/i-1"), Region: aws.String(region), Type: types.IndexTypeAggregator}}}, nil
	},
	"ListTagsForResource": func(any) (any, error) {
		return &re.ListTagsForResourceOutput{Tags: map[string]string{"Team": "ops"}}, nil
	},
	"ListViews": func(in any) (any, error) {
		if aws.ToString(in.(*re.ListViewsInput).NextToken) == "" {
			return &re.ListViewsOutput{NextToken: aws.String("2"), Views: []string{prefix + "view/all/u-1"}}, nil
		}
		return &re.ListViewsOutput{Views: []string{prefix + "view/prod/u-2"}}, nil
	},
	"GetView": func(in any) (any, error) {
		arn := aws.ToString(in.(*re.GetViewInput).ViewArn)
		v := &types.View{ViewArn: aws.String(arn), Owner: aws.String(collecttest.MotoAccount), Scope: aws.String("arn:aws:iam::" + collecttest.MotoAccount + ":root")}
		if arn == prefix+"view/prod/u-2" {
			v.Filters = &types.SearchFilter{FilterString: aws.String("tag:env=prod")}
			v.IncludedProperties = []types.IncludedProperty{{Name: aws.String("tags")}}
		}
		return &re.GetViewOutput{View: v, Tags: map[string]string{"view": arn}}, nil
	},
}

func resourceexplorer2Run(t *testing.T, typ string, answers map[string]func(any) (any, error)) collecttest.Result {
	t.Helper()
	collecttest.Setup(t)
	return collecttest.Run(t, collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(answers)}), collector.Service, typ, region)
}

func TestResourceexplorer2IndexesAndViews(t *testing.T) {
	got := resourceexplorer2Run(t, "index", resourceexplorer2Estate)
	if got.Err != nil || len(got.Resources) != 1 {
		t.Fatalf("indexes: %v %v", got.Err, got.Resources)
	}
	if i := got.ByID()[region]; i.Details["index_type"] != "AGGREGATOR" || i.Tags["Team"] != "ops" || i.ARN != prefix+"index/i-1" {
		t.Errorf("index: %+v", i)
	}
	got = resourceexplorer2Run(t, "view", resourceexplorer2Estate)
	if got.Err != nil || len(got.Resources) != 2 {
		t.Fatalf("views: %v %v", got.Err, got.Resources)
	}
	collecttest.AssertNoWarnings(t, got)
	v := got.ByID()["prod/u-2"]
	if v.Name != "prod" || v.Details["filter"] != "tag:env=prod" || v.Details["includes_tags"] != true || v.Tags["view"] != v.ARN {
		t.Errorf("prod: %+v", v)
	}
	if d := got.ByID()["all/u-1"].Details; d["filter"] != "" || d["includes_tags"] != false {
		t.Errorf("all: %v", d)
	}
}

func TestResourceexplorer2NotEnabledAndDenied(t *testing.T) {
	got := resourceexplorer2Run(t, "index", map[string]func(any) (any, error){"ListIndexes": func(any) (any, error) { return &re.ListIndexesOutput{}, nil }})
	if awsx.Classify(got.Err) != awsx.Unsupported || awsx.ErrorMessage(got.Err) != "Resource Explorer is not enabled in eu-west-1" {
		t.Errorf("want NotEnabled, got %v", got.Err)
	}
	for typ, op := range map[string]string{"index": "ListIndexes", "view": "ListViews"} {
		collecttest.AssertDenied(t, resourceexplorer2Run(t, typ, map[string]func(any) (any, error){op: collecttest.Denied(op)}))
	}
	got = resourceexplorer2Run(t, "view", map[string]func(any) (any, error){"ListViews": resourceexplorer2Estate["ListViews"], "GetView": collecttest.Denied("GetView")})
	if got.Err != nil || len(got.Resources) != 2 || len(got.Task.Warnings()) != 2 {
		t.Errorf("want two views with warnings, got %v, %v", got.Err, got.Task.Warnings())
	}
}
