// Package kendra collects Amazon Kendra indices and what belongs to them:
// data sources, FAQs, experiences, thesauri, query suggestion block lists
// and featured results sets. Data source configurations (which name
// secrets) are not stored.
package kendra

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/kendra"
	"github.com/aws/aws-sdk-go-v2/service/kendra/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the Kendra collector.
var Service = &collect.Service{
	Name:        "kendra",
	Description: "Kendra indices, data sources, FAQs, experiences, thesauri, query suggestion block lists and featured results sets",
	Types: []collect.Type{
		{Name: "index", Description: "Kendra index (id = index id): billed per hour by edition and capacity units while it exists",
			Fields: indexFields.Declared(), Tags: collect.TagsPerResource, Collect: indices, DetailCalls: 2},
		{Name: "data-source", Description: "connector feeding an index (id = INDEX_ID/DATA_SOURCE_ID); its configuration is not stored",
			Fields: dataSourceFields.Declared(), Tags: collect.TagsPerResource, Collect: dataSources, DetailCalls: 3},
		{Name: "faq", Description: "FAQ document of an index (id = INDEX_ID/FAQ_ID)",
			Fields: faqFields.Declared(), Tags: collect.TagsPerResource, Collect: faqs, DetailCalls: 3},
		{Name: "experience", Description: "Kendra search application of an index (id = INDEX_ID/EXPERIENCE_ID)",
			Fields: experienceFields.Declared(), Tags: collect.NotTaggable, Collect: experiences, DetailCalls: 1},
		{Name: "thesaurus", Description: "synonyms of an index (id = INDEX_ID/THESAURUS_ID)",
			Fields: thesaurusFields.Declared(), Tags: collect.TagsPerResource, Collect: thesauri, DetailCalls: 2},
		{Name: "query-suggestions-block-list", Description: "words an index never suggests (id = INDEX_ID/BLOCK_LIST_ID)",
			Fields: blockListFields.Declared(), Tags: collect.TagsPerResource, Collect: blockLists, DetailCalls: 2},
		{Name: "featured-results-set", Description: "documents an index puts first for given queries (id = INDEX_ID/SET_ID)",
			Fields: featuredFields.Declared(), Tags: collect.TagsPerResource, Collect: featuredSets, DetailCalls: 2},
	},
	Calls: "ListIndices once for all types; index: per index DescribeIndex, ListTagsForResource. " +
		"data-source: per index ListDataSources + per data source DescribeDataSource, ListTagsForResource. " +
		"faq: per index ListFaqs + per FAQ DescribeFaq, ListTagsForResource. " +
		"experience: per index ListExperiences. " +
		"thesaurus: per index ListThesauri + per thesaurus ListTagsForResource. " +
		"query-suggestions-block-list: per index ListQuerySuggestionsBlockLists + per block list ListTagsForResource. " +
		"featured-results-set: per index ListFeaturedResultsSets + per set ListTagsForResource",
	Relations: []collect.Relation{
		{From: "index", Kind: "assumes-role", To: "iam/role"},
		{From: "index", Kind: "encrypted-with", To: "kms/key"},
		{From: "data-source", Kind: "in", To: "kendra/index"},
		{From: "data-source", Kind: "assumes-role", To: "iam/role"},
		{From: "data-source", Kind: "in-subnet", To: "ec2/subnet"},
		{From: "data-source", Kind: "uses-security-group", To: "ec2/security-group"},
		{From: "data-source", Kind: "reads-from", To: "s3/bucket"},
		{From: "faq", Kind: "in", To: "kendra/index"},
		{From: "faq", Kind: "assumes-role", To: "iam/role"},
		{From: "faq", Kind: "reads-from", To: "s3/bucket"},
		{From: "experience", Kind: "in", To: "kendra/index"},
		{From: "thesaurus", Kind: "in", To: "kendra/index"},
		{From: "query-suggestions-block-list", Kind: "in", To: "kendra/index"},
		{From: "featured-results-set", Kind: "in", To: "kendra/index"},
	},
}

// tags reads a resource's tags; a failure is a warning.
func tags(ctx context.Context, t *collect.Task, api *kendra.Client, arn string) map[string]string {
	out, err := api.ListTagsForResource(ctx, &kendra.ListTagsForResourceInput{ResourceARN: aws.String(arn)})
	if err != nil {
		t.Warn("ListTagsForResource", err)
		return nil
	}
	return collect.TagMap(out.Tags, func(tg types.Tag) (*string, *string) { return tg.Key, tg.Value })
}

var indexFields = collect.Fields[*kendra.DescribeIndexOutput]{
	collect.Enum("edition", "DEVELOPER_EDITION, ENTERPRISE_EDITION or GEN_AI_ENTERPRISE_EDITION", func(i *kendra.DescribeIndexOutput) types.IndexEdition { return i.Edition }),
	collect.Enum("status", "CREATING, ACTIVE, DELETING, FAILED, UPDATING or SYSTEM_UPDATING", func(i *kendra.DescribeIndexOutput) types.IndexStatus { return i.Status }),
	collect.Text("role_arn", "role the index writes its CloudWatch metrics and logs with", func(i *kendra.DescribeIndexOutput) *string { return i.RoleArn }),
	collect.Computed("kms_key", model.Text, "customer KMS key encrypting the index; empty: an AWS owned key", func(i *kendra.DescribeIndexOutput) any {
		if i.ServerSideEncryptionConfiguration == nil {
			return ""
		}
		return aws.ToString(i.ServerSideEncryptionConfiguration.KmsKeyId)
	}),
	collect.Computed("query_capacity_units", model.Integer, "extra query capacity units beyond the edition's base (billed)", func(i *kendra.DescribeIndexOutput) any {
		if i.CapacityUnits == nil {
			return int64(0)
		}
		return int64(aws.ToInt32(i.CapacityUnits.QueryCapacityUnits))
	}),
	collect.Computed("storage_capacity_units", model.Integer, "extra storage capacity units beyond the edition's base (billed)", func(i *kendra.DescribeIndexOutput) any {
		if i.CapacityUnits == nil {
			return int64(0)
		}
		return int64(aws.ToInt32(i.CapacityUnits.StorageCapacityUnits))
	}),
	collect.Computed("documents", model.Integer, "text documents indexed", func(i *kendra.DescribeIndexOutput) any {
		if i.IndexStatistics == nil || i.IndexStatistics.TextDocumentStatistics == nil {
			return int64(0)
		}
		return int64(i.IndexStatistics.TextDocumentStatistics.IndexedTextDocumentsCount)
	}),
	collect.Enum("user_context_policy", "ATTRIBUTE_FILTER (every document searchable unless filtered) or USER_TOKEN (access by user token)",
		func(i *kendra.DescribeIndexOutput) types.UserContextPolicy { return i.UserContextPolicy }),
	collect.Timestamp("updated", "last change", func(i *kendra.DescribeIndexOutput) *time.Time { return i.UpdatedAt }),
}

// indexList are the region's indices, listed once for all Kendra types.
func indexList(ctx context.Context, t *collect.Task, api *kendra.Client) ([]types.IndexConfigurationSummary, error) {
	p := kendra.NewListIndicesPaginator(api, &kendra.ListIndicesInput{MaxResults: t.PageSize(100)})
	return collect.ReuseItems(ctx, t, "ListIndices", p, func(page *kendra.ListIndicesOutput) []types.IndexConfigurationSummary {
		return page.IndexConfigurationSummaryItems
	})
}

func indices(ctx context.Context, t *collect.Task) error {
	api := kendra.NewFromConfig(t.Config)
	list, err := indexList(ctx, t, api)
	collect.ForEach(ctx, list, func(ctx context.Context, s types.IndexConfigurationSummary) {
		id := aws.ToString(s.Id)
		i, err := api.DescribeIndex(ctx, &kendra.DescribeIndexInput{Id: s.Id})
		if err != nil {
			t.Warn("DescribeIndex", err)
			i = &kendra.DescribeIndexOutput{Id: s.Id, Name: s.Name, Edition: s.Edition, Status: s.Status, CreatedAt: s.CreatedAt, UpdatedAt: s.UpdatedAt}
		}
		arn := collect.ARN(t, "kendra", "", "index/"+id)
		key := t.Key("index", id)
		t.Emit(&model.Resource{Key: key, Name: aws.ToString(s.Name), ARN: arn, CreatedAt: model.Time(s.CreatedAt), Details: indexFields.Details(i),
			Tags: tags(ctx, t, api, arn)})
		t.Relate(key, "assumes-role", t.Role(aws.ToString(i.RoleArn)))
		if i.ServerSideEncryptionConfiguration != nil {
			t.Relate(key, "encrypted-with", t.KMSKey(aws.ToString(i.ServerSideEncryptionConfiguration.KmsKeyId)))
		}
	})
	return err
}

// eachIndex lists the indices and runs fn on each, concurrently; fn lists
// what belongs to the index, its failure a warning under operation.
func eachIndex(ctx context.Context, t *collect.Task, api *kendra.Client, operation string, fn func(ctx context.Context, index string) error) error {
	list, err := indexList(ctx, t, api)
	collect.ForEach(ctx, list, func(ctx context.Context, s types.IndexConfigurationSummary) {
		t.Warn(operation, fn(ctx, aws.ToString(s.Id)))
	})
	return err
}

// child is a resource of an index: id INDEX/ID, ARN index/INDEX/TYPE/ID,
// related to its index.
type child struct {
	index, id, name string
	created         *time.Time
}

// emit emits the child with details, reading its tags when tagged.
func (c child) emit(ctx context.Context, t *collect.Task, api *kendra.Client, typ string, details map[string]any, tagged bool) model.Key {
	arn := collect.ARN(t, "kendra", "", "index/"+c.index+"/"+typ+"/"+c.id)
	key := t.Key(typ, c.index+"/"+c.id)
	r := &model.Resource{Key: key, Name: c.name, ARN: arn, CreatedAt: model.Time(c.created), Details: details}
	if tagged {
		r.Tags = tags(ctx, t, api, arn)
	}
	t.Emit(r)
	t.Relate(key, "in", t.Key("index", c.index))
	return key
}

var dataSourceFields = collect.Fields[*kendra.DescribeDataSourceOutput]{
	collect.Enum("type", "S3, SHAREPOINT, SALESFORCE, WEBCRAWLER, CONFLUENCE, TEMPLATE, ...", func(d *kendra.DescribeDataSourceOutput) types.DataSourceType { return d.Type }),
	collect.Enum("status", "CREATING, DELETING, FAILED, UPDATING or ACTIVE", func(d *kendra.DescribeDataSourceOutput) types.DataSourceStatus { return d.Status }),
	collect.Text("language", "language of the documents", func(d *kendra.DescribeDataSourceOutput) *string { return d.LanguageCode }),
	collect.Text("schedule", "cron expression of the sync; empty: synced on demand only", func(d *kendra.DescribeDataSourceOutput) *string { return d.Schedule }),
	collect.Text("role_arn", "role the connector reads the source with", func(d *kendra.DescribeDataSourceOutput) *string { return d.RoleArn }),
	collect.Computed("in_vpc", model.Boolean, "the connector reaches the source from a VPC of the account", func(d *kendra.DescribeDataSourceOutput) any {
		return d.VpcConfiguration != nil && len(d.VpcConfiguration.SubnetIds) > 0
	}),
	collect.Computed("s3_bucket", model.Text, "bucket an S3 connector reads", func(d *kendra.DescribeDataSourceOutput) any { return s3Bucket(d) }),
	collect.Timestamp("updated", "last change", func(d *kendra.DescribeDataSourceOutput) *time.Time { return d.UpdatedAt }),
}

func s3Bucket(d *kendra.DescribeDataSourceOutput) string {
	if d.Configuration == nil || d.Configuration.S3Configuration == nil {
		return ""
	}
	return aws.ToString(d.Configuration.S3Configuration.BucketName)
}

func dataSources(ctx context.Context, t *collect.Task) error {
	api := kendra.NewFromConfig(t.Config)
	return eachIndex(ctx, t, api, "ListDataSources", func(ctx context.Context, index string) error {
		p := kendra.NewListDataSourcesPaginator(api, &kendra.ListDataSourcesInput{IndexId: aws.String(index), MaxResults: t.PageSize(100)})
		return collect.EachItem(ctx, p, func(page *kendra.ListDataSourcesOutput) []types.DataSourceSummary { return page.SummaryItems },
			func(ctx context.Context, s types.DataSourceSummary) {
				d, err := api.DescribeDataSource(ctx, &kendra.DescribeDataSourceInput{Id: s.Id, IndexId: aws.String(index)})
				if err != nil {
					t.Warn("DescribeDataSource", err)
					d = &kendra.DescribeDataSourceOutput{Type: s.Type, Status: s.Status, LanguageCode: s.LanguageCode, UpdatedAt: s.UpdatedAt}
				}
				key := child{index: index, id: aws.ToString(s.Id), name: aws.ToString(s.Name), created: s.CreatedAt}.
					emit(ctx, t, api, "data-source", dataSourceFields.Details(d), true)
				t.Relate(key, "assumes-role", t.Role(aws.ToString(d.RoleArn)))
				if v := d.VpcConfiguration; v != nil {
					for _, sub := range v.SubnetIds {
						t.Relate(key, "in-subnet", t.Ref("ec2", "subnet", sub))
					}
					for _, g := range v.SecurityGroupIds {
						t.Relate(key, "uses-security-group", t.Ref("ec2", "security-group", g))
					}
				}
				t.RelateByName(key, "reads-from", "s3", "bucket", s3Bucket(d), t.Region)
			})
	})
}

var faqFields = collect.Fields[*kendra.DescribeFaqOutput]{
	collect.Enum("status", "CREATING, UPDATING, ACTIVE, DELETING or FAILED", func(f *kendra.DescribeFaqOutput) types.FaqStatus { return f.Status }),
	collect.Enum("file_format", "CSV, CSV_WITH_HEADER or JSON", func(f *kendra.DescribeFaqOutput) types.FaqFileFormat { return f.FileFormat }),
	collect.Text("language", "language of the questions", func(f *kendra.DescribeFaqOutput) *string { return f.LanguageCode }),
	collect.Text("role_arn", "role that read the FAQ file", func(f *kendra.DescribeFaqOutput) *string { return f.RoleArn }),
	collect.Computed("s3_uri", model.Text, "S3 object the FAQ was read from", func(f *kendra.DescribeFaqOutput) any {
		if f.S3Path == nil {
			return ""
		}
		return "s3://" + aws.ToString(f.S3Path.Bucket) + "/" + aws.ToString(f.S3Path.Key)
	}),
	collect.Timestamp("updated", "last change", func(f *kendra.DescribeFaqOutput) *time.Time { return f.UpdatedAt }),
}

func faqs(ctx context.Context, t *collect.Task) error {
	api := kendra.NewFromConfig(t.Config)
	return eachIndex(ctx, t, api, "ListFaqs", func(ctx context.Context, index string) error {
		p := kendra.NewListFaqsPaginator(api, &kendra.ListFaqsInput{IndexId: aws.String(index), MaxResults: t.PageSize(100)})
		return collect.EachItem(ctx, p, func(page *kendra.ListFaqsOutput) []types.FaqSummary { return page.FaqSummaryItems },
			func(ctx context.Context, s types.FaqSummary) {
				f, err := api.DescribeFaq(ctx, &kendra.DescribeFaqInput{Id: s.Id, IndexId: aws.String(index)})
				if err != nil {
					t.Warn("DescribeFaq", err)
					f = &kendra.DescribeFaqOutput{Status: s.Status, FileFormat: s.FileFormat, LanguageCode: s.LanguageCode, UpdatedAt: s.UpdatedAt}
				}
				key := child{index: index, id: aws.ToString(s.Id), name: aws.ToString(s.Name), created: s.CreatedAt}.
					emit(ctx, t, api, "faq", faqFields.Details(f), true)
				t.Relate(key, "assumes-role", t.Role(aws.ToString(f.RoleArn)))
				if f.S3Path != nil {
					t.RelateByName(key, "reads-from", "s3", "bucket", aws.ToString(f.S3Path.Bucket), t.Region)
				}
			})
	})
}

var experienceFields = collect.Fields[types.ExperiencesSummary]{
	collect.Enum("status", "CREATING, ACTIVE, DELETING or FAILED", func(e types.ExperiencesSummary) types.ExperienceStatus { return e.Status }),
	collect.Computed("endpoints", model.JSON, "addresses the search application is served at", func(e types.ExperiencesSummary) any {
		out := []string{}
		for _, ep := range e.Endpoints {
			out = append(out, aws.ToString(ep.Endpoint))
		}
		return out
	}),
}

func experiences(ctx context.Context, t *collect.Task) error {
	api := kendra.NewFromConfig(t.Config)
	return eachIndex(ctx, t, api, "ListExperiences", func(ctx context.Context, index string) error {
		p := kendra.NewListExperiencesPaginator(api, &kendra.ListExperiencesInput{IndexId: aws.String(index), MaxResults: t.PageSize(100)})
		return collect.EachPage(ctx, p, func(page *kendra.ListExperiencesOutput) error {
			for _, e := range page.SummaryItems {
				child{index: index, id: aws.ToString(e.Id), name: aws.ToString(e.Name), created: e.CreatedAt}.
					emit(ctx, t, api, "experience", experienceFields.Details(e), false)
			}
			return nil
		})
	})
}

var thesaurusFields = collect.Fields[types.ThesaurusSummary]{
	collect.Enum("status", "CREATING, ACTIVE, DELETING, UPDATING, ACTIVE_BUT_UPDATE_FAILED or FAILED", func(s types.ThesaurusSummary) types.ThesaurusStatus { return s.Status }),
	collect.Timestamp("updated", "last change", func(s types.ThesaurusSummary) *time.Time { return s.UpdatedAt }),
}

func thesauri(ctx context.Context, t *collect.Task) error {
	api := kendra.NewFromConfig(t.Config)
	return eachIndex(ctx, t, api, "ListThesauri", func(ctx context.Context, index string) error {
		p := kendra.NewListThesauriPaginator(api, &kendra.ListThesauriInput{IndexId: aws.String(index), MaxResults: t.PageSize(100)})
		return collect.EachItem(ctx, p, func(page *kendra.ListThesauriOutput) []types.ThesaurusSummary { return page.ThesaurusSummaryItems },
			func(ctx context.Context, s types.ThesaurusSummary) {
				child{index: index, id: aws.ToString(s.Id), name: aws.ToString(s.Name), created: s.CreatedAt}.
					emit(ctx, t, api, "thesaurus", thesaurusFields.Details(s), true)
			})
	})
}

var blockListFields = collect.Fields[types.QuerySuggestionsBlockListSummary]{
	collect.Enum("status", "ACTIVE, CREATING, DELETING, UPDATING, ACTIVE_BUT_UPDATE_FAILED or FAILED",
		func(s types.QuerySuggestionsBlockListSummary) types.QuerySuggestionsBlockListStatus { return s.Status }),
	collect.Int("items", "words or phrases blocked", func(s types.QuerySuggestionsBlockListSummary) *int32 { return s.ItemCount }),
	collect.Timestamp("updated", "last change", func(s types.QuerySuggestionsBlockListSummary) *time.Time { return s.UpdatedAt }),
}

func blockLists(ctx context.Context, t *collect.Task) error {
	api := kendra.NewFromConfig(t.Config)
	return eachIndex(ctx, t, api, "ListQuerySuggestionsBlockLists", func(ctx context.Context, index string) error {
		p := kendra.NewListQuerySuggestionsBlockListsPaginator(api, &kendra.ListQuerySuggestionsBlockListsInput{IndexId: aws.String(index), MaxResults: t.PageSize(100)})
		return collect.EachItem(ctx, p, func(page *kendra.ListQuerySuggestionsBlockListsOutput) []types.QuerySuggestionsBlockListSummary {
			return page.BlockListSummaryItems
		}, func(ctx context.Context, s types.QuerySuggestionsBlockListSummary) {
			child{index: index, id: aws.ToString(s.Id), name: aws.ToString(s.Name), created: s.CreatedAt}.
				emit(ctx, t, api, "query-suggestions-block-list", blockListFields.Details(s), true)
		})
	})
}

// millis reads the Unix milliseconds featured results sets are dated in.
func millis(ms *int64) *time.Time {
	if ms == nil {
		return nil
	}
	at := time.UnixMilli(*ms)
	return &at
}

var featuredFields = collect.Fields[types.FeaturedResultsSetSummary]{
	collect.Enum("status", "ACTIVE (featuring results) or INACTIVE", func(s types.FeaturedResultsSetSummary) types.FeaturedResultsSetStatus { return s.Status }),
	collect.Timestamp("updated", "last change", func(s types.FeaturedResultsSetSummary) *time.Time { return millis(s.LastUpdatedTimestamp) }),
}

func featuredSets(ctx context.Context, t *collect.Task) error {
	api := kendra.NewFromConfig(t.Config)
	return eachIndex(ctx, t, api, "ListFeaturedResultsSets", func(ctx context.Context, index string) error {
		// The SDK has no paginator for this listing.
		p := collect.NewTokenPager(func(ctx context.Context, token *string, o ...func(*kendra.Options)) (*kendra.ListFeaturedResultsSetsOutput, error) {
			return api.ListFeaturedResultsSets(ctx, &kendra.ListFeaturedResultsSetsInput{IndexId: aws.String(index), NextToken: token, MaxResults: t.PageSize(100)}, o...)
		}, func(out *kendra.ListFeaturedResultsSetsOutput) *string { return out.NextToken })
		return collect.EachItem(ctx, p, func(page *kendra.ListFeaturedResultsSetsOutput) []types.FeaturedResultsSetSummary {
			return page.FeaturedResultsSetSummaryItems
		}, func(ctx context.Context, s types.FeaturedResultsSetSummary) {
			child{index: index, id: aws.ToString(s.FeaturedResultsSetId), name: aws.ToString(s.FeaturedResultsSetName), created: millis(s.CreationTimestamp)}.
				emit(ctx, t, api, "featured-results-set", featuredFields.Details(s), true)
		})
	})
}
