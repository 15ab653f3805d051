package all_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/codeartifact"
	"github.com/aws/aws-sdk-go-v2/service/codeartifact/types"

	"github.com/awsmap/awsmap/internal/awsx"
	collector "github.com/awsmap/awsmap/internal/collect/codeartifact"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
)

var (
	codeartifactCreated = time.Date(2026, 2, 2, 0, 0, 0, 0, time.UTC)
)

// canned answers CodeArtifact (moto has none of it): three domains and
// three repositories over two pages, each tagged with its ARN.
var codeartifactCanned = map[string]func(any) (any, error){
	"ListDomains": func(in any) (any, error) {
		var all []types.DomainSummary
		for i := range 3 {
			name := fmt.Sprint("corp", i)
			all = append(all, types.DomainSummary{Name: aws.String(name), Arn: aws.String("arn:aws:codeartifact:" + region + ":" + account + ":domain/" + name),
				Owner: aws.String(account), Status: types.DomainStatusActive, CreatedTime: &codeartifactCreated,
				EncryptionKey: aws.String("arn:aws:kms:" + region + ":" + account + ":key/k-" + fmt.Sprint(i))})
		}
		page, next := collecttest.Page(all, in.(*codeartifact.ListDomainsInput).NextToken, 2)
		return &codeartifact.ListDomainsOutput{Domains: page, NextToken: next}, nil
	},
	"ListRepositories": func(in any) (any, error) {
		var all []types.RepositorySummary
		for i, name := range []string{"npm-store", "pypi-store", "maven"} {
			all = append(all, types.RepositorySummary{Name: aws.String(name), DomainName: aws.String("corp0"), DomainOwner: aws.String(account),
				Arn: aws.String("arn:aws:codeartifact:" + region + ":" + account + ":repository/corp0/" + name), CreatedTime: &codeartifactCreated,
				AdministratorAccount: aws.String(account), Description: aws.String(fmt.Sprint("repo ", i))})
		}
		page, next := collecttest.Page(all, in.(*codeartifact.ListRepositoriesInput).NextToken, 2)
		return &codeartifact.ListRepositoriesOutput{Repositories: page, NextToken: next}, nil
	},
	"ListTagsForResource": func(in any) (any, error) {
		return &codeartifact.ListTagsForResourceOutput{Tags: []types.Tag{{Key: aws.String("arn"), Value: in.(*codeartifact.ListTagsForResourceInput).ResourceArn}}}, nil
	},
}

func TestCodeartifact(t *testing.T) {
	collecttest.Require(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(codeartifactCanned)})
	got := collecttest.Run(t, cfg, collector.Service, "domain", region)
	if got.Err != nil || len(got.Resources) != 3 {
		t.Fatalf("domains: %v, %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	d := got.ByID()["corp2"]
	if d.Tags["arn"] != d.ARN || d.ARN == "" || d.CreatedAt != "2026-02-02T00:00:00Z" || d.Details["status"] != "Active" || d.Details["owner"] != account {
		t.Errorf("domain: %+v", d)
	}
	collecttest.HasEdges(t, got, "corp2 -encrypted-with-> kms/key:k-2")

	got = collecttest.Run(t, cfg, collector.Service, "repository", region)
	if got.Err != nil || len(got.Resources) != 3 {
		t.Fatalf("repositories: %v, %d", got.Err, len(got.Resources))
	}
	r := got.ByID()["corp0/maven"]
	if r == nil || r.Name != "maven" || r.Tags["arn"] != r.ARN || r.Details["domain"] != "corp0" || r.Details["description"] != "repo 2" {
		t.Fatalf("repository: %+v", r)
	}
	collecttest.HasEdges(t, got, "corp0/maven -in-> codeartifact/domain:corp0")
}

func TestCodeartifactDenied(t *testing.T) {
	collecttest.Require(t)
	for typ, op := range map[string]string{"domain": "ListDomains", "repository": "ListRepositories"} {
		cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){op: collecttest.Denied(op)})})
		collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, typ, region))
	}
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){
		"ListDomains": codeartifactCanned["ListDomains"], "ListTagsForResource": collecttest.Denied("ListTagsForResource")})})
	got := collecttest.Run(t, cfg, collector.Service, "domain", region)
	if got.Err != nil || len(got.Resources) != 3 || len(got.Task.Warnings()) != 3 {
		t.Fatalf("want domains with a warning each: %v, %d, %d", got.Err, len(got.Resources), len(got.Task.Warnings()))
	}
}
