package all_test

import (
	"fmt"
	"maps"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/kendra"
	"github.com/aws/aws-sdk-go-v2/service/kendra/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/kendra"
)

var kendraPaged = collecttest.Paged{Cap: 2}

var (
	kendraCreated = time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)
	kendraRole    = aws.String("arn:aws:iam::" + account + ":role/kendra")
)

// canned answers Kendra (moto has none of it): indices ix0..ix2 (ix0
// encrypted with a customer key, with extra capacity) and three of each
// child per index; every tag set holds the resource's ARN.
func kendraCanned(replace map[string]func(any) (any, error)) awsx.Options {
	answers := map[string]func(any) (any, error){
		"ListIndices": func(in any) (any, error) {
			var all []types.IndexConfigurationSummary
			for _, id := range three("ix") {
				all = append(all, types.IndexConfigurationSummary{Id: aws.String(id), Name: aws.String("search-" + id), CreatedAt: &kendraCreated,
					Edition: types.IndexEditionEnterpriseEdition, Status: types.IndexStatusActive})
			}
			items, next := twoPerPage(all, in.(*kendra.ListIndicesInput).NextToken)
			return &kendra.ListIndicesOutput{IndexConfigurationSummaryItems: items, NextToken: next}, nil
		},
		"DescribeIndex": func(in any) (any, error) {
			out := &kendra.DescribeIndexOutput{Id: in.(*kendra.DescribeIndexInput).Id, Edition: types.IndexEditionEnterpriseEdition, Status: types.IndexStatusActive,
				RoleArn: kendraRole, UserContextPolicy: types.UserContextPolicyUserToken,
				IndexStatistics: &types.IndexStatistics{TextDocumentStatistics: &types.TextDocumentStatistics{IndexedTextDocumentsCount: 1200}}}
			if aws.ToString(out.Id) == "ix0" {
				out.ServerSideEncryptionConfiguration = &types.ServerSideEncryptionConfiguration{KmsKeyId: aws.String("arn:aws:kms:" + region + ":" + account + ":key/k-1")}
				out.CapacityUnits = &types.CapacityUnitsConfiguration{QueryCapacityUnits: aws.Int32(2), StorageCapacityUnits: aws.Int32(1)}
			}
			return out, nil
		},
		"ListTagsForResource": func(in any) (any, error) {
			return &kendra.ListTagsForResourceOutput{Tags: []types.Tag{{Key: aws.String("arn"), Value: in.(*kendra.ListTagsForResourceInput).ResourceARN}}}, nil
		},
		"ListDataSources": func(in any) (any, error) {
			var all []types.DataSourceSummary
			for _, id := range three("ds") {
				all = append(all, types.DataSourceSummary{Id: aws.String(id), Name: aws.String("docs-" + id), CreatedAt: &kendraCreated, Type: types.DataSourceTypeS3,
					Status: types.DataSourceStatusActive})
			}
			items, next := twoPerPage(all, in.(*kendra.ListDataSourcesInput).NextToken)
			return &kendra.ListDataSourcesOutput{SummaryItems: items, NextToken: next}, nil
		},
		"DescribeDataSource": func(in any) (any, error) {
			return &kendra.DescribeDataSourceOutput{Id: in.(*kendra.DescribeDataSourceInput).Id, Type: types.DataSourceTypeS3, Status: types.DataSourceStatusActive,
				LanguageCode: aws.String("en"), Schedule: aws.String("cron(0 3 * * ? *)"), RoleArn: kendraRole,
				VpcConfiguration: &types.DataSourceVpcConfiguration{SubnetIds: []string{"subnet-1"}, SecurityGroupIds: []string{"sg-1"}},
				Configuration:    &types.DataSourceConfiguration{S3Configuration: &types.S3DataSourceConfiguration{BucketName: aws.String("corpus")}}}, nil
		},
		"ListFaqs": func(in any) (any, error) {
			var all []types.FaqSummary
			for _, id := range three("fq") {
				all = append(all, types.FaqSummary{Id: aws.String(id), Name: aws.String("faq-" + id), CreatedAt: &kendraCreated, Status: types.FaqStatusActive,
					FileFormat: types.FaqFileFormatCsv})
			}
			items, next := twoPerPage(all, in.(*kendra.ListFaqsInput).NextToken)
			return &kendra.ListFaqsOutput{FaqSummaryItems: items, NextToken: next}, nil
		},
		"DescribeFaq": func(in any) (any, error) {
			return &kendra.DescribeFaqOutput{Id: in.(*kendra.DescribeFaqInput).Id, Status: types.FaqStatusActive, FileFormat: types.FaqFileFormatCsvWithHeader,
				LanguageCode: aws.String("en"), RoleArn: kendraRole, S3Path: &types.S3Path{Bucket: aws.String("faqs"), Key: aws.String("hr.csv")}}, nil
		},
		"ListExperiences": func(in any) (any, error) {
			var all []types.ExperiencesSummary
			for _, id := range three("ex") {
				all = append(all, types.ExperiencesSummary{Id: aws.String(id), Name: aws.String("portal-" + id), CreatedAt: &kendraCreated, Status: types.ExperienceStatusActive,
					Endpoints: []types.ExperienceEndpoint{{Endpoint: aws.String(id + ".search.kendra.aws"), EndpointType: types.EndpointTypeHome}}})
			}
			items, next := twoPerPage(all, in.(*kendra.ListExperiencesInput).NextToken)
			return &kendra.ListExperiencesOutput{SummaryItems: items, NextToken: next}, nil
		},
		"ListThesauri": func(in any) (any, error) {
			var all []types.ThesaurusSummary
			for _, id := range three("th") {
				all = append(all, types.ThesaurusSummary{Id: aws.String(id), Name: aws.String("synonyms-" + id), CreatedAt: &kendraCreated, Status: types.ThesaurusStatusActive})
			}
			items, next := twoPerPage(all, in.(*kendra.ListThesauriInput).NextToken)
			return &kendra.ListThesauriOutput{ThesaurusSummaryItems: items, NextToken: next}, nil
		},
		"ListQuerySuggestionsBlockLists": func(in any) (any, error) {
			var all []types.QuerySuggestionsBlockListSummary
			for _, id := range three("bl") {
				all = append(all, types.QuerySuggestionsBlockListSummary{Id: aws.String(id), Name: aws.String("blocked-" + id), CreatedAt: &kendraCreated,
					Status: types.QuerySuggestionsBlockListStatusActive, ItemCount: aws.Int32(40)})
			}
			items, next := twoPerPage(all, in.(*kendra.ListQuerySuggestionsBlockListsInput).NextToken)
			return &kendra.ListQuerySuggestionsBlockListsOutput{BlockListSummaryItems: items, NextToken: next}, nil
		},
		"ListFeaturedResultsSets": func(in any) (any, error) {
			var all []types.FeaturedResultsSetSummary
			for _, id := range three("fr") {
				all = append(all, types.FeaturedResultsSetSummary{FeaturedResultsSetId: aws.String(id), FeaturedResultsSetName: aws.String("featured-" + id),
					CreationTimestamp: aws.Int64(kendraCreated.UnixMilli()), Status: types.FeaturedResultsSetStatusActive})
			}
			items, next := twoPerPage(all, in.(*kendra.ListFeaturedResultsSetsInput).NextToken)
			return &kendra.ListFeaturedResultsSetsOutput{FeaturedResultsSetSummaryItems: items, NextToken: next}, nil
		},
	}
	maps.Copy(answers, replace)
	return awsx.Options{Responder: collecttest.Canned(answers)}
}

func kendraArn(res string) string { return "arn:aws:kendra:" + region + ":" + account + ":" + res }

func TestKendraIndices(t *testing.T) {
	collecttest.Require(t)
	got := kendraPaged.Run(t, collecttest.ConfigWith(t, region, kendraCanned(nil)), collector.Service, "index", region)
	if got.Err != nil || len(got.Resources) != 3 {
		t.Fatalf("indices: %v, %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	i := got.ByID()["ix0"]
	if i == nil || i.Name != "search-ix0" || i.ARN != kendraArn("index/ix0") || i.Tags["arn"] != i.ARN || i.CreatedAt != "2026-02-01T00:00:00Z" ||
		i.Details["edition"] != "ENTERPRISE_EDITION" || i.Details["status"] != "ACTIVE" || i.Details["query_capacity_units"] != int64(2) ||
		i.Details["storage_capacity_units"] != int64(1) || i.Details["documents"] != int64(1200) || i.Details["user_context_policy"] != "USER_TOKEN" {
		t.Fatalf("ix0: %+v", i)
	}
	if got.ByID()["ix1"].Details["kms_key"] != "" || got.ByID()["ix1"].Details["query_capacity_units"] != int64(0) {
		t.Errorf("ix1 has no customer key nor extra capacity: %v", got.ByID()["ix1"].Details)
	}
	collecttest.HasEdges(t, got, "ix0 -assumes-role-> iam/role:kendra", "ix0 -encrypted-with-> kms/key:k-1")
}

func TestKendraChildren(t *testing.T) {
	collecttest.Require(t)
	cfg := collecttest.ConfigWith(t, region, kendraCanned(nil))
	for _, c := range []struct {
		typ, id, arn, name string
		tagged             bool
		details            map[string]any
	}{
		{"data-source", "ix2/ds1", "index/ix2/data-source/ds1", "docs-ds1", true, map[string]any{"type": "S3", "status": "ACTIVE", "language": "en",
			"schedule": "cron(0 3 * * ? *)", "role_arn": *kendraRole, "in_vpc": true, "s3_bucket": "corpus"}},
		{"faq", "ix2/fq1", "index/ix2/faq/fq1", "faq-fq1", true, map[string]any{"status": "ACTIVE", "file_format": "CSV_WITH_HEADER", "role_arn": *kendraRole,
			"s3_uri": "s3://faqs/hr.csv"}},
		{"experience", "ix2/ex1", "index/ix2/experience/ex1", "portal-ex1", false, map[string]any{"status": "ACTIVE", "endpoints": "[ex1.search.kendra.aws]"}},
		{"thesaurus", "ix2/th1", "index/ix2/thesaurus/th1", "synonyms-th1", true, map[string]any{"status": "ACTIVE"}},
		{"query-suggestions-block-list", "ix2/bl1", "index/ix2/query-suggestions-block-list/bl1", "blocked-bl1", true, map[string]any{"status": "ACTIVE", "items": int64(40)}},
		{"featured-results-set", "ix2/fr1", "index/ix2/featured-results-set/fr1", "featured-fr1", true, map[string]any{"status": "ACTIVE"}},
	} {
		got := kendraPaged.Run(t, cfg, collector.Service, c.typ, region)
		if got.Err != nil || len(got.Resources) != 9 {
			t.Fatalf("%s: %v, %d", c.typ, got.Err, len(got.Resources))
		}
		collecttest.AssertNoWarnings(t, got)
		r := got.ByID()[c.id]
		if r == nil || r.Name != c.name || r.ARN != kendraArn(c.arn) || r.CreatedAt != "2026-02-01T00:00:00Z" || (r.Tags["arn"] == r.ARN) != c.tagged {
			t.Fatalf("%s: %+v", c.typ, r)
		}
		for k, want := range c.details {
			if v := r.Details[k]; fmt.Sprint(v) != fmt.Sprint(want) {
				t.Errorf("%s %s = %v, want %v", c.typ, k, v, want)
			}
		}
		collecttest.HasEdges(t, got, c.id+" -in-> kendra/index:ix2")
		switch c.typ {
		case "data-source":
			collecttest.HasEdges(t, got, c.id+" -assumes-role-> iam/role:kendra", c.id+" -in-subnet-> ec2/subnet:subnet-1",
				c.id+" -uses-security-group-> ec2/security-group:sg-1", c.id+" -reads-from-> s3/bucket:corpus")
		case "faq":
			collecttest.HasEdges(t, got, c.id+" -reads-from-> s3/bucket:faqs")
		}
	}
}

func TestKendraDenied(t *testing.T) {
	collecttest.Require(t)
	for _, typ := range []string{"index", "data-source", "faq", "experience", "thesaurus", "query-suggestions-block-list", "featured-results-set"} {
		cfg := collecttest.ConfigWith(t, region, kendraCanned(map[string]func(any) (any, error){"ListIndices": collecttest.Denied("ListIndices")}))
		collecttest.AssertDenied(t, kendraPaged.Run(t, cfg, collector.Service, typ, region))
	}
	// A denied detail call leaves the resource, from its summary, and a warning.
	cfg := collecttest.ConfigWith(t, region, kendraCanned(map[string]func(any) (any, error){"DescribeDataSource": collecttest.Denied("DescribeDataSource"),
		"ListFaqs": collecttest.Denied("ListFaqs")}))
	got := kendraPaged.Run(t, cfg, collector.Service, "data-source", region)
	if got.Err != nil || len(got.Resources) != 9 || len(got.Task.Warnings()) != 9 || got.ByID()["ix0/ds0"].Details["type"] != "S3" {
		t.Fatalf("want data sources from their summaries and a warning each: %v, %d, %d", got.Err, len(got.Resources), len(got.Task.Warnings()))
	}
	got = kendraPaged.Run(t, cfg, collector.Service, "faq", region)
	if got.Err != nil || len(got.Resources) != 0 || len(got.Task.Warnings()) != 3 {
		t.Fatalf("want a warning per index: %v, %d, %d", got.Err, len(got.Resources), len(got.Task.Warnings()))
	}
}
