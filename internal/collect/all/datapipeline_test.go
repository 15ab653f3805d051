package all_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/datapipeline"
	"github.com/aws/aws-sdk-go-v2/service/datapipeline/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/datapipeline"
)

var datapipelinePaged = collecttest.Paged{Cap: 2}

// create makes 30 pipelines: two DescribePipelines batches.
func datapipelineCreate(t *testing.T, api *datapipeline.Client) map[string]string {
	t.Helper()
	ids := map[string]string{}
	for i := range 30 {
		name := fmt.Sprintf("copy%d", i)
		out, err := api.CreatePipeline(context.Background(), &datapipeline.CreatePipelineInput{Name: aws.String(name), UniqueId: aws.String(name),
			Description: aws.String("nightly copy"), Tags: []types.Tag{{Key: aws.String("n"), Value: aws.String(fmt.Sprint(i))}}})
		if err != nil {
			t.Fatal(err)
		}
		ids[name] = aws.ToString(out.PipelineId)
	}
	return ids
}

func TestDatapipelinePipelines(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.Config(t, region, nil)
	ids := datapipelineCreate(t, datapipeline.NewFromConfig(cfg))
	got := datapipelinePaged.Run(t, cfg, collector.Service, "pipeline", region)
	if got.Err != nil || len(got.Resources) != 30 {
		t.Fatalf("pipelines: %v, %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	p := got.ByID()[ids["copy27"]]
	if p.Name != "copy27" || p.Tags["n"] != "27" || p.ARN != "arn:aws:datapipeline:eu-west-1:"+collecttest.MotoAccount+":pipeline/"+ids["copy27"] {
		t.Errorf("copy27: %s %s %v", p.Name, p.ARN, p.Tags)
	}
	if p.Details["state"] != "PENDING" || p.Details["description"] != "nightly copy" {
		t.Errorf("copy27 details: %v", p.Details)
	}
}

func TestDatapipelineDenied(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("ListPipelines")})
	collecttest.AssertDenied(t, datapipelinePaged.Run(t, cfg, collector.Service, "pipeline", region))
	ids := datapipelineCreate(t, datapipeline.NewFromConfig(collecttest.Config(t, region, nil)))
	cfg = collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("DescribePipelines")})
	got := datapipelinePaged.Run(t, cfg, collector.Service, "pipeline", region)
	if got.Err != nil || len(got.Resources) != 30 || len(got.Task.Warnings()) != 2 || got.ByID()[ids["copy3"]].Name != "copy3" {
		t.Fatalf("want pipelines by id and name and a warning per batch, got %v, %d, %d", got.Err, len(got.Resources), len(got.Task.Warnings()))
	}
}
