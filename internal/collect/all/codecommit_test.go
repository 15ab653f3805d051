package all_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/codecommit"
	"github.com/aws/aws-sdk-go-v2/service/codecommit/types"

	"github.com/awsmap/awsmap/internal/awsx"
	collector "github.com/awsmap/awsmap/internal/collect/codecommit"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
)

var codecommitCreated = time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)

// canned answers CodeCommit (moto has no ListRepositories): 30 repositories
// over two pages, so a page needs two BatchGetRepositories calls; each is
// tagged with its name.
var codecommitCanned = map[string]func(any) (any, error){
	"ListRepositories": func(in any) (any, error) {
		var all []types.RepositoryNameIdPair
		for i := range 30 {
			all = append(all, types.RepositoryNameIdPair{RepositoryName: aws.String(fmt.Sprint("repo", i)), RepositoryId: aws.String(fmt.Sprint("id-", i))})
		}
		page, next := collecttest.Page(all, in.(*codecommit.ListRepositoriesInput).NextToken, 27)
		return &codecommit.ListRepositoriesOutput{Repositories: page, NextToken: next}, nil
	},
	"BatchGetRepositories": func(in any) (any, error) {
		names := in.(*codecommit.BatchGetRepositoriesInput).RepositoryNames
		if len(names) > 25 {
			return nil, fmt.Errorf("%d names in one batch", len(names))
		}
		out := &codecommit.BatchGetRepositoriesOutput{}
		for _, n := range names {
			r := types.RepositoryMetadata{RepositoryName: aws.String(n), Arn: aws.String("arn:aws:codecommit:" + region + ":" + collecttest.MotoAccount + ":" + n),
				CreationDate: &codecommitCreated, DefaultBranch: aws.String("main")}
			if n == "repo7" {
				r.KmsKeyId = aws.String("arn:aws:kms:" + region + ":" + collecttest.MotoAccount + ":key/k-7")
			}
			out.Repositories = append(out.Repositories, r)
		}
		return out, nil
	},
	"ListTagsForResource": func(in any) (any, error) {
		return &codecommit.ListTagsForResourceOutput{Tags: map[string]string{"arn": aws.ToString(in.(*codecommit.ListTagsForResourceInput).ResourceArn)}}, nil
	},
}

func TestCodecommitRepositories(t *testing.T) {
	collecttest.Require(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(codecommitCanned)})
	got := collecttest.Run(t, cfg, collector.Service, "repository", region)
	if got.Err != nil || len(got.Resources) != 30 {
		t.Fatalf("repositories: %v, %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	r := got.ByID()["repo7"]
	if r.ARN != "arn:aws:codecommit:"+region+":"+collecttest.MotoAccount+":repo7" || r.Tags["arn"] != r.ARN || r.CreatedAt != "2026-10-01T00:00:00Z" ||
		r.Details["default_branch"] != "main" {
		t.Errorf("repo7: %+v", r)
	}
	collecttest.HasEdges(t, got, "repo7 -encrypted-with-> kms/key:k-7")
}

func TestCodecommitDenied(t *testing.T) {
	collecttest.Require(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){"ListRepositories": collecttest.Denied("ListRepositories")})})
	collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, "repository", region))
	cfg = collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){"ListRepositories": codecommitCanned["ListRepositories"],
		"BatchGetRepositories": codecommitCanned["BatchGetRepositories"], "ListTagsForResource": collecttest.Denied("ListTagsForResource")})})
	got := collecttest.Run(t, cfg, collector.Service, "repository", region)
	if got.Err != nil || len(got.Resources) != 30 || len(got.Task.Warnings()) != 30 {
		t.Fatalf("want repositories with a warning each: %v, %d, %d", got.Err, len(got.Resources), len(got.Task.Warnings()))
	}
}
