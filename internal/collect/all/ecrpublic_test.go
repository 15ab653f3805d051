package all_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ecrpublic"
	"github.com/aws/aws-sdk-go-v2/service/ecrpublic/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/ecrpublic"
	"github.com/awsmap/awsmap/internal/model"
)

var ecrpublicPaged = collecttest.Paged{Cap: 2}

// public cans the API, which moto 5.2.1 lacks: five repositories, PageCap
// a page; tools is tagged.
var ecrpublicPublic = func() awsx.Responder {
	created := time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)
	var all []types.Repository
	for i := range 5 {
		name := fmt.Sprint("tools", i)
		all = append(all, types.Repository{RepositoryName: aws.String(name), RegistryId: aws.String(collecttest.MotoAccount), CreatedAt: &created,
			RepositoryArn: aws.String("arn:aws:ecr-public::" + collecttest.MotoAccount + ":repository/" + name), RepositoryUri: aws.String("public.ecr.aws/x1y2/" + name)})
	}
	return collecttest.Canned(map[string]func(any) (any, error){
		"DescribeRepositories": func(in any) (any, error) {
			i := in.(*ecrpublic.DescribeRepositoriesInput)
			start := 0
			if i.NextToken != nil {
				fmt.Sscan(*i.NextToken, &start)
			}
			end := min(start+int(aws.ToInt32(i.MaxResults)), len(all))
			out := &ecrpublic.DescribeRepositoriesOutput{Repositories: all[start:end]}
			if end < len(all) {
				out.NextToken = aws.String(fmt.Sprint(end))
			}
			return out, nil
		},
		"ListTagsForResource": func(in any) (any, error) {
			out := &ecrpublic.ListTagsForResourceOutput{}
			if aws.ToString(in.(*ecrpublic.ListTagsForResourceInput).ResourceArn) == aws.ToString(all[3].RepositoryArn) {
				out.Tags = []types.Tag{{Key: aws.String("team"), Value: aws.String("oss")}}
			}
			return out, nil
		},
	})
}()

func TestEcrpublicRepositories(t *testing.T) {
	collecttest.Setup(t)
	got := ecrpublicPaged.Run(t, collecttest.ConfigWith(t, "us-east-1", awsx.Options{Responder: ecrpublicPublic}), collector.Service, "repository", model.GlobalRegion)
	if got.Err != nil {
		t.Fatal(got.Err)
	}
	collecttest.AssertNoWarnings(t, got)
	r := got.ByID()["tools3"]
	if len(got.Resources) != 5 || r == nil {
		t.Fatalf("want 5 repositories over pages, got %d", len(got.Resources))
	}
	if r.Details["repository_uri"] != "public.ecr.aws/x1y2/tools3" || r.Details["registry_id"] != collecttest.MotoAccount || r.Tags["team"] != "oss" ||
		r.CreatedAt != "2026-05-01T00:00:00Z" || r.Region != model.GlobalRegion || r.ARN != "arn:aws:ecr-public::"+collecttest.MotoAccount+":repository/tools3" {
		t.Errorf("tools3: %+v", r)
	}
}

func TestEcrpublicDenied(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, "us-east-1", awsx.Options{Responder: collecttest.Chain(collecttest.Deny("DescribeRepositories"), ecrpublicPublic)})
	collecttest.AssertDenied(t, ecrpublicPaged.Run(t, cfg, collector.Service, "repository", model.GlobalRegion))
	got := ecrpublicPaged.Run(t, collecttest.ConfigWith(t, "us-east-1", awsx.Options{Responder: collecttest.Chain(collecttest.Deny("ListTagsForResource"), ecrpublicPublic)}),
		collector.Service, "repository", model.GlobalRegion)
	if got.Err != nil || len(got.Resources) != 5 || len(got.Task.Warnings()) != 5 {
		t.Errorf("want the repositories kept with warnings: %v %d %v", got.Err, len(got.Resources), got.Task.Warnings())
	}
}
