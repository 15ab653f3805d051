package all_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/mediaconnect"
	"github.com/aws/aws-sdk-go-v2/service/mediaconnect/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/mediaconnect"
)

var mediaconnectPaged = collecttest.Paged{Cap: 100}

func mediaconnectCreate(t *testing.T) map[string]string {
	t.Helper()
	api := mediaconnect.NewFromConfig(collecttest.Config(t, region, nil))
	arns := map[string]string{}
	for i := range 3 {
		name := fmt.Sprint("feed", i)
		out, err := api.CreateFlow(context.Background(), &mediaconnect.CreateFlowInput{Name: aws.String(name), AvailabilityZone: aws.String("eu-west-1a"),
			Source: &types.SetSourceRequest{Name: aws.String("cam"), Protocol: types.ProtocolRtp, IngestPort: aws.Int32(5000), WhitelistCidr: aws.String("203.0.113.0/24")}})
		if err != nil {
			t.Fatal(err)
		}
		arns[name] = aws.ToString(out.Flow.FlowArn)
		if _, err := api.TagResource(context.Background(), &mediaconnect.TagResourceInput{ResourceArn: out.Flow.FlowArn, Tags: map[string]string{"n": fmt.Sprint(i)}}); err != nil {
			t.Fatal(err)
		}
	}
	return arns
}

func TestMediaconnectFlows(t *testing.T) {
	collecttest.Setup(t)
	arns := mediaconnectCreate(t)
	got := mediaconnectPaged.Run(t, collecttest.Config(t, region, nil), collector.Service, "flow", region)
	if got.Err != nil || len(got.Resources) != 3 {
		t.Fatalf("flows: %v, %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	for _, r := range got.Resources {
		if r.ARN != arns[r.Name] || r.Tags["n"] != r.Name[4:] || r.Details["availability_zone"] != "eu-west-1a" || r.Details["source_type"] != "OWNED" {
			t.Errorf("%s: %+v", r.Name, r)
		}
	}
}

func TestMediaconnectDenied(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("ListFlows")})
	collecttest.AssertDenied(t, mediaconnectPaged.Run(t, cfg, collector.Service, "flow", region))
	mediaconnectCreate(t)
	cfg = collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("ListTagsForResource")})
	got := mediaconnectPaged.Run(t, cfg, collector.Service, "flow", region)
	if got.Err != nil || len(got.Resources) != 3 || len(got.Task.Warnings()) != 3 {
		t.Fatalf("want flows and a tag warning each, got %v, %d, %d", got.Err, len(got.Resources), len(got.Task.Warnings()))
	}
}
