// Package personalize collects Amazon Personalize: dataset groups and what
// belongs to them (datasets, event trackers, filters, metric attributions),
// schemas, solutions, the campaigns serving them and recommenders. Import,
// export, deletion and batch jobs are history, not resources: they are not
// collected, nor are solution versions (the trained models a solution's
// training runs leave behind; a solution names its latest one).
package personalize

import (
	"context"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/personalize"
	"github.com/aws/aws-sdk-go-v2/service/personalize/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the Personalize collector.
var Service = &collect.Service{
	Name:        "personalize",
	Description: "Personalize dataset groups, datasets, schemas, solutions, campaigns, event trackers, filters, recommenders and metric attributions",
	Types: []collect.Type{
		{Name: "dataset-group", Description: "Personalize dataset group (id = name): holds the datasets, encrypted with its KMS key when it names one",
			Fields: datasetGroupFields.Declared(), Tags: collect.TagsPerResource, Collect: datasetGroups, DetailCalls: 2},
		{Name: "dataset", Description: "Personalize dataset of a dataset group (id = DATASET_GROUP/DATASET_TYPE, as in its ARN)",
			Fields: datasetFields.Declared(), Tags: collect.TagsPerResource, Collect: datasets, DetailCalls: 3},
		{Name: "schema", Description: "Personalize dataset schema (id = name); its Avro definition is not stored",
			Fields: schemaFields.Declared(), Tags: collect.NotTaggable, Collect: schemas},
		{Name: "solution", Description: "Personalize solution (id = name): recipe and training configuration; with auto-training a new solution version is trained, and billed, on a schedule",
			Fields: solutionFields.Declared(), Tags: collect.TagsPerResource, Collect: solutions, DetailCalls: 2},
		{Name: "campaign", Description: "Personalize campaign (id = name): deploys a solution version for real-time recommendations, billed by its minimum provisioned TPS while it exists",
			Fields: campaignFields.Declared(), Tags: collect.TagsPerResource, Collect: campaigns, DetailCalls: 2},
		{Name: "event-tracker", Description: "Personalize event tracker feeding a dataset group with live events (id = the tracker id in its ARN)",
			Fields: eventTrackerFields.Declared(), Tags: collect.TagsPerResource, Collect: eventTrackers, DetailCalls: 2},
		{Name: "filter", Description: "Personalize recommendation filter of a dataset group (id = name)",
			Fields: filterFields.Declared(), Tags: collect.TagsPerResource, Collect: filters, DetailCalls: 2},
		{Name: "recommender", Description: "Personalize recommender of a domain dataset group (id = name), billed by its minimum recommendation requests per second while active",
			Fields: recommenderFields.Declared(), Tags: collect.TagsPerResource, Collect: recommenders, DetailCalls: 1},
		{Name: "metric-attribution", Description: "Personalize metric attribution of a dataset group (id = name): event metrics it reports to CloudWatch and S3",
			Fields: metricAttributionFields.Declared(), Tags: collect.NotTaggable, Collect: metricAttributions, DetailCalls: 2},
	},
	Calls: "ListDatasetGroups once for the dataset-group, dataset, event-tracker, filter and metric-attribution types; " +
		"dataset-group: per group DescribeDatasetGroup, ListTagsForResource. " +
		"dataset: per group ListDatasets + per dataset DescribeDataset, ListTagsForResource. " +
		"schema: ListSchemas. " +
		"solution: ListSolutions + per solution DescribeSolution, ListTagsForResource. " +
		"campaign: ListCampaigns + per campaign DescribeCampaign, ListTagsForResource. " +
		"event-tracker: per group ListEventTrackers + per tracker ListTagsForResource. " +
		"filter: per group ListFilters + per filter ListTagsForResource. " +
		"recommender: ListRecommenders + per recommender ListTagsForResource. " +
		"metric-attribution: per group ListMetricAttributions + per attribution DescribeMetricAttribution",
	Relations: []collect.Relation{
		{From: "dataset-group", Kind: "assumes-role", To: "iam/role"},
		{From: "dataset-group", Kind: "encrypted-with", To: "kms/key"},
		{From: "dataset", Kind: "in", To: "personalize/dataset-group"},
		{From: "dataset", Kind: "uses", To: "personalize/schema"},
		{From: "solution", Kind: "in", To: "personalize/dataset-group"},
		{From: "campaign", Kind: "serves", To: "personalize/solution"},
		{From: "event-tracker", Kind: "in", To: "personalize/dataset-group"},
		{From: "filter", Kind: "in", To: "personalize/dataset-group"},
		{From: "recommender", Kind: "in", To: "personalize/dataset-group"},
		{From: "metric-attribution", Kind: "in", To: "personalize/dataset-group"},
		{From: "metric-attribution", Kind: "assumes-role", To: "iam/role"},
		{From: "metric-attribution", Kind: "writes-to", To: "s3/bucket"},
		{From: "metric-attribution", Kind: "encrypted-with", To: "kms/key"},
	},
}

// tags reads a resource's tags; a failure is a warning.
func tags(ctx context.Context, t *collect.Task, api *personalize.Client, arn string) map[string]string {
	out, err := api.ListTagsForResource(ctx, &personalize.ListTagsForResourceInput{ResourceArn: aws.String(arn)})
	if err != nil {
		t.Warn("ListTagsForResource", err)
		return nil
	}
	return collect.TagMap(out.Tags, func(tg types.Tag) (*string, *string) { return tg.TagKey, tg.TagValue })
}

// groupKey is the key of the dataset group an ARN names.
func groupKey(t *collect.Task, arn *string) model.Key {
	return t.Key("dataset-group", collect.ARNID(arn, "dataset-group"))
}

// groupList are the region's dataset groups, listed once for all the types
// that walk them.
func groupList(ctx context.Context, t *collect.Task, api *personalize.Client) ([]types.DatasetGroupSummary, error) {
	p := personalize.NewListDatasetGroupsPaginator(api, &personalize.ListDatasetGroupsInput{MaxResults: t.PageSize(100)})
	return collect.ReuseItems(ctx, t, "ListDatasetGroups", p, func(page *personalize.ListDatasetGroupsOutput) []types.DatasetGroupSummary {
		return page.DatasetGroups
	})
}

// eachGroup runs list on every dataset group's ARN, concurrently. A failed
// listing fails the collection once the other groups' resources are
// emitted; a group deleted meanwhile (not found) is not a failure.
func eachGroup(ctx context.Context, t *collect.Task, api *personalize.Client, list func(ctx context.Context, group *string) error) error {
	groups, err := groupList(ctx, t, api)
	var first collect.FirstErr
	collect.ForEach(ctx, groups, func(ctx context.Context, g types.DatasetGroupSummary) { first.Keep(list(ctx, g.DatasetGroupArn)) })
	if err != nil {
		return err
	}
	return first.Err()
}

// datasetGroup is a listed dataset group with its DescribeDatasetGroup
// answer (nil when that failed).
type datasetGroup struct {
	types.DatasetGroupSummary
	detail *types.DatasetGroup
}

func hasGroupDetail(g datasetGroup) bool { return g.detail != nil }

var datasetGroupFields = collect.Fields[datasetGroup]{
	collect.Text("status", "CREATE PENDING, CREATE IN_PROGRESS, ACTIVE, CREATE FAILED or DELETE PENDING", func(g datasetGroup) *string { return g.Status }),
	collect.Enum("domain", "domain of a domain dataset group; empty: a custom dataset group", func(g datasetGroup) types.Domain { return g.Domain }),
	collect.When(hasGroupDetail, collect.Text("kms_key", "KMS key encrypting the group's datasets; empty: an AWS owned key",
		func(g datasetGroup) *string { return g.detail.KmsKeyArn })),
	collect.When(hasGroupDetail, collect.Text("role_arn", "role Personalize assumes to use the KMS key",
		func(g datasetGroup) *string { return g.detail.RoleArn })),
	collect.Text("failure_reason", "why creating the group failed, if it did", func(g datasetGroup) *string { return g.FailureReason }),
	collect.Timestamp("updated", "last change", func(g datasetGroup) *time.Time { return g.LastUpdatedDateTime }),
}

func datasetGroups(ctx context.Context, t *collect.Task) error {
	api := personalize.NewFromConfig(t.Config)
	list, err := groupList(ctx, t, api)
	collect.ForEach(ctx, list, func(ctx context.Context, s types.DatasetGroupSummary) {
		g := datasetGroup{DatasetGroupSummary: s}
		out, err := api.DescribeDatasetGroup(ctx, &personalize.DescribeDatasetGroupInput{DatasetGroupArn: s.DatasetGroupArn})
		switch {
		case awsx.IsNotFound(err):
			return // deleted since the listing
		case err != nil:
			t.Warn("DescribeDatasetGroup", err)
		default:
			g.detail = out.DatasetGroup
		}
		arn := aws.ToString(s.DatasetGroupArn)
		key := groupKey(t, s.DatasetGroupArn)
		t.Emit(&model.Resource{Key: key, Name: aws.ToString(s.Name), ARN: arn, CreatedAt: model.Time(s.CreationDateTime),
			Details: datasetGroupFields.Details(g), Tags: tags(ctx, t, api, arn)})
		if g.detail != nil {
			t.Relate(key, "assumes-role", t.Role(aws.ToString(g.detail.RoleArn)))
			t.Relate(key, "encrypted-with", t.KMSKey(aws.ToString(g.detail.KmsKeyArn)))
		}
	})
	return err
}

// dataset is a listed dataset with its DescribeDataset answer (nil when
// that failed).
type dataset struct {
	types.DatasetSummary
	detail *types.Dataset
}

func hasDatasetDetail(d dataset) bool { return d.detail != nil }

var datasetFields = collect.Fields[dataset]{
	collect.Text("dataset_type", "Interactions, Items, Users, Actions or Action_Interactions", func(d dataset) *string { return d.DatasetType }),
	collect.Text("status", "CREATE PENDING, CREATE IN_PROGRESS, ACTIVE, CREATE FAILED, DELETE PENDING or DELETE IN_PROGRESS", func(d dataset) *string { return d.Status }),
	collect.When(hasDatasetDetail, collect.Text("schema_arn", "schema of the dataset's records", func(d dataset) *string { return d.detail.SchemaArn })),
	collect.Timestamp("updated", "last change", func(d dataset) *time.Time { return d.LastUpdatedDateTime }),
}

func datasets(ctx context.Context, t *collect.Task) error {
	api := personalize.NewFromConfig(t.Config)
	return eachGroup(ctx, t, api, func(ctx context.Context, group *string) error {
		p := personalize.NewListDatasetsPaginator(api, &personalize.ListDatasetsInput{DatasetGroupArn: group, MaxResults: t.PageSize(100)})
		return collect.EachItem(ctx, p, func(page *personalize.ListDatasetsOutput) []types.DatasetSummary { return page.Datasets },
			func(ctx context.Context, s types.DatasetSummary) {
				d := dataset{DatasetSummary: s}
				out, err := api.DescribeDataset(ctx, &personalize.DescribeDatasetInput{DatasetArn: s.DatasetArn})
				switch {
				case awsx.IsNotFound(err):
					return // deleted since the listing
				case err != nil:
					t.Warn("DescribeDataset", err)
				default:
					d.detail = out.Dataset
				}
				arn := aws.ToString(s.DatasetArn)
				key := t.Key("dataset", collect.ARNID(s.DatasetArn, "dataset"))
				t.Emit(&model.Resource{Key: key, Name: aws.ToString(s.Name), ARN: arn, CreatedAt: model.Time(s.CreationDateTime),
					Details: datasetFields.Details(d), Tags: tags(ctx, t, api, arn)})
				t.Relate(key, "in", groupKey(t, group))
				if d.detail != nil {
					t.Relate(key, "uses", t.Key("schema", collect.ARNID(d.detail.SchemaArn, "schema")))
				}
			})
	})
}

var schemaFields = collect.Fields[types.DatasetSchemaSummary]{
	collect.Enum("domain", "domain of a schema for a domain dataset group; empty: a custom schema", func(s types.DatasetSchemaSummary) types.Domain { return s.Domain }),
	collect.Timestamp("updated", "last change", func(s types.DatasetSchemaSummary) *time.Time { return s.LastUpdatedDateTime }),
}

func schemas(ctx context.Context, t *collect.Task) error {
	api := personalize.NewFromConfig(t.Config)
	p := personalize.NewListSchemasPaginator(api, &personalize.ListSchemasInput{MaxResults: t.PageSize(100)})
	return collect.EachPage(ctx, p, func(page *personalize.ListSchemasOutput) error {
		for _, s := range page.Schemas {
			t.Emit(&model.Resource{Key: t.Key("schema", collect.ARNID(s.SchemaArn, "schema")), Name: aws.ToString(s.Name), ARN: aws.ToString(s.SchemaArn),
				CreatedAt: model.Time(s.CreationDateTime), Details: schemaFields.Details(s)})
		}
		return nil
	})
}

// solution is a listed solution with its DescribeSolution answer (nil when
// that failed).
type solution struct {
	types.SolutionSummary
	detail *types.Solution
}

func hasSolutionDetail(s solution) bool { return s.detail != nil }

// latest is the solution's latest version, or nil.
func (s solution) latest() *types.SolutionVersionSummary {
	if s.detail == nil {
		return nil
	}
	return s.detail.LatestSolutionVersion
}

var solutionFields = collect.Fields[solution]{
	collect.Text("status", "CREATE PENDING, CREATE IN_PROGRESS, ACTIVE, CREATE FAILED, DELETE PENDING or DELETE IN_PROGRESS", func(s solution) *string { return s.Status }),
	collect.Text("recipe_arn", "recipe the solution trains with", func(s solution) *string { return s.RecipeArn }),
	collect.When(hasSolutionDetail, collect.Computed("auto_training", model.Boolean, "a new solution version is trained, and billed, on a schedule",
		func(s solution) any {
			if s.detail.PerformAutoTraining == nil {
				return nil
			}
			return *s.detail.PerformAutoTraining
		})),
	collect.When(hasSolutionDetail, collect.Computed("auto_training_schedule", model.Text, "rate of the automatic training (rate(7 days) unless set)",
		func(s solution) any {
			if c := s.detail.SolutionConfig; c != nil && c.AutoTrainingConfig != nil {
				return aws.ToString(c.AutoTrainingConfig.SchedulingExpression)
			}
			return ""
		})),
	collect.When(hasSolutionDetail, collect.Computed("perform_auto_ml", model.Boolean, "training searches for the best recipe",
		func(s solution) any { return s.detail.PerformAutoML })),
	collect.When(hasSolutionDetail, collect.Computed("perform_hpo", model.Boolean, "training tunes hyperparameters (longer, billed training)",
		func(s solution) any { return s.detail.PerformHPO })),
	collect.When(hasSolutionDetail, collect.Text("event_type", "event type the solution trains on; empty: every interaction",
		func(s solution) *string { return s.detail.EventType })),
	collect.When(hasSolutionDetail, collect.Computed("latest_version_arn", model.Text, "latest solution version (trained model)", func(s solution) any {
		if v := s.latest(); v != nil {
			return aws.ToString(v.SolutionVersionArn)
		}
		return ""
	})),
	collect.When(hasSolutionDetail, collect.Computed("latest_version_status", model.Text, "status of the latest solution version", func(s solution) any {
		if v := s.latest(); v != nil {
			return aws.ToString(v.Status)
		}
		return ""
	})),
	collect.Timestamp("updated", "last change", func(s solution) *time.Time { return s.LastUpdatedDateTime }),
}

func solutions(ctx context.Context, t *collect.Task) error {
	api := personalize.NewFromConfig(t.Config)
	p := personalize.NewListSolutionsPaginator(api, &personalize.ListSolutionsInput{MaxResults: t.PageSize(100)})
	return collect.EachItem(ctx, p, func(page *personalize.ListSolutionsOutput) []types.SolutionSummary { return page.Solutions },
		func(ctx context.Context, s types.SolutionSummary) {
			sol := solution{SolutionSummary: s}
			out, err := api.DescribeSolution(ctx, &personalize.DescribeSolutionInput{SolutionArn: s.SolutionArn})
			switch {
			case awsx.IsNotFound(err):
				return // deleted since the listing
			case err != nil:
				t.Warn("DescribeSolution", err)
			default:
				sol.detail = out.Solution
			}
			arn := aws.ToString(s.SolutionArn)
			key := t.Key("solution", collect.ARNID(s.SolutionArn, "solution"))
			t.Emit(&model.Resource{Key: key, Name: aws.ToString(s.Name), ARN: arn, CreatedAt: model.Time(s.CreationDateTime),
				Details: solutionFields.Details(sol), Tags: tags(ctx, t, api, arn)})
			if sol.detail != nil {
				t.Relate(key, "in", groupKey(t, sol.detail.DatasetGroupArn))
			}
		})
}

// campaign is a listed campaign with its DescribeCampaign answer (nil when
// that failed).
type campaign struct {
	types.CampaignSummary
	detail *types.Campaign
}

func hasCampaignDetail(c campaign) bool { return c.detail != nil }

// config is the campaign's configuration, never nil.
func (c campaign) config() types.CampaignConfig {
	if c.detail == nil || c.detail.CampaignConfig == nil {
		return types.CampaignConfig{}
	}
	return *c.detail.CampaignConfig
}

var campaignFields = collect.Fields[campaign]{
	collect.Text("status", "CREATE PENDING, CREATE IN_PROGRESS, ACTIVE, CREATE FAILED, DELETE PENDING or DELETE IN_PROGRESS", func(c campaign) *string { return c.Status }),
	collect.When(hasCampaignDetail, collect.Text("solution_version_arn", "solution version (trained model) the campaign serves; SOLUTION/$LATEST follows each new version",
		func(c campaign) *string { return c.detail.SolutionVersionArn })),
	collect.When(hasCampaignDetail, collect.Int("min_provisioned_tps", "transactions per second provisioned, and billed, at least",
		func(c campaign) *int32 { return c.detail.MinProvisionedTPS })),
	collect.When(hasCampaignDetail, collect.Bool("sync_with_latest_version", "the campaign moves to each new solution version",
		func(c campaign) *bool { return c.config().SyncWithLatestSolutionVersion })),
	collect.When(hasCampaignDetail, collect.Bool("metadata_in_recommendations", "item metadata is returned with recommendations (extra cost)",
		func(c campaign) *bool { return c.config().EnableMetadataWithRecommendations })),
	collect.Text("failure_reason", "why the campaign failed, if it did", func(c campaign) *string { return c.FailureReason }),
	collect.Timestamp("updated", "last change", func(c campaign) *time.Time { return c.LastUpdatedDateTime }),
}

func campaigns(ctx context.Context, t *collect.Task) error {
	api := personalize.NewFromConfig(t.Config)
	p := personalize.NewListCampaignsPaginator(api, &personalize.ListCampaignsInput{MaxResults: t.PageSize(100)})
	return collect.EachItem(ctx, p, func(page *personalize.ListCampaignsOutput) []types.CampaignSummary { return page.Campaigns },
		func(ctx context.Context, s types.CampaignSummary) {
			c := campaign{CampaignSummary: s}
			out, err := api.DescribeCampaign(ctx, &personalize.DescribeCampaignInput{CampaignArn: s.CampaignArn})
			switch {
			case awsx.IsNotFound(err):
				return // deleted since the listing
			case err != nil:
				t.Warn("DescribeCampaign", err)
			default:
				c.detail = out.Campaign
			}
			arn := aws.ToString(s.CampaignArn)
			key := t.Key("campaign", collect.ARNID(s.CampaignArn, "campaign"))
			t.Emit(&model.Resource{Key: key, Name: aws.ToString(s.Name), ARN: arn, CreatedAt: model.Time(s.CreationDateTime),
				Details: campaignFields.Details(c), Tags: tags(ctx, t, api, arn)})
			if c.detail != nil {
				// solution/NAME/VERSION (or NAME/$LATEST): the solution is NAME.
				name, _, _ := strings.Cut(collect.ARNID(c.detail.SolutionVersionArn, "solution"), "/")
				t.Relate(key, "serves", t.Key("solution", name))
			}
		})
}

var eventTrackerFields = collect.Fields[types.EventTrackerSummary]{
	collect.Text("status", "CREATE PENDING, CREATE IN_PROGRESS, ACTIVE, CREATE FAILED, DELETE PENDING or DELETE IN_PROGRESS",
		func(e types.EventTrackerSummary) *string { return e.Status }),
	collect.Timestamp("updated", "last change", func(e types.EventTrackerSummary) *time.Time { return e.LastUpdatedDateTime }),
}

func eventTrackers(ctx context.Context, t *collect.Task) error {
	api := personalize.NewFromConfig(t.Config)
	return eachGroup(ctx, t, api, func(ctx context.Context, group *string) error {
		p := personalize.NewListEventTrackersPaginator(api, &personalize.ListEventTrackersInput{DatasetGroupArn: group, MaxResults: t.PageSize(100)})
		return collect.EachItem(ctx, p, func(page *personalize.ListEventTrackersOutput) []types.EventTrackerSummary { return page.EventTrackers },
			func(ctx context.Context, e types.EventTrackerSummary) {
				arn := aws.ToString(e.EventTrackerArn)
				key := t.Key("event-tracker", collect.ARNID(e.EventTrackerArn, "event-tracker"))
				t.Emit(&model.Resource{Key: key, Name: aws.ToString(e.Name), ARN: arn, CreatedAt: model.Time(e.CreationDateTime),
					Details: eventTrackerFields.Details(e), Tags: tags(ctx, t, api, arn)})
				t.Relate(key, "in", groupKey(t, group))
			})
	})
}

var filterFields = collect.Fields[types.FilterSummary]{
	collect.Text("status", "CREATE PENDING, CREATE IN_PROGRESS, ACTIVE, CREATE FAILED, DELETE PENDING or DELETE IN_PROGRESS",
		func(f types.FilterSummary) *string { return f.Status }),
	collect.Text("failure_reason", "why the filter failed, if it did", func(f types.FilterSummary) *string { return f.FailureReason }),
	collect.Timestamp("updated", "last change", func(f types.FilterSummary) *time.Time { return f.LastUpdatedDateTime }),
}

func filters(ctx context.Context, t *collect.Task) error {
	api := personalize.NewFromConfig(t.Config)
	return eachGroup(ctx, t, api, func(ctx context.Context, group *string) error {
		p := personalize.NewListFiltersPaginator(api, &personalize.ListFiltersInput{DatasetGroupArn: group, MaxResults: t.PageSize(100)})
		return collect.EachItem(ctx, p, func(page *personalize.ListFiltersOutput) []types.FilterSummary { return page.Filters },
			func(ctx context.Context, f types.FilterSummary) {
				arn := aws.ToString(f.FilterArn)
				key := t.Key("filter", collect.ARNID(f.FilterArn, "filter"))
				t.Emit(&model.Resource{Key: key, Name: aws.ToString(f.Name), ARN: arn, CreatedAt: model.Time(f.CreationDateTime),
					Details: filterFields.Details(f), Tags: tags(ctx, t, api, arn)})
				t.Relate(key, "in", groupKey(t, group))
			})
	})
}

// recommenderConfig is the recommender's configuration, never nil.
func recommenderConfig(r types.RecommenderSummary) types.RecommenderConfig {
	if r.RecommenderConfig == nil {
		return types.RecommenderConfig{}
	}
	return *r.RecommenderConfig
}

func minRequests(r types.RecommenderSummary) *int32 {
	return recommenderConfig(r).MinRecommendationRequestsPerSecond
}

var recommenderFields = collect.Fields[types.RecommenderSummary]{
	collect.Text("status", "CREATE PENDING, CREATE IN_PROGRESS, ACTIVE, CREATE FAILED, STOP PENDING, STOP IN_PROGRESS, INACTIVE, START PENDING, START IN_PROGRESS, DELETE PENDING or DELETE IN_PROGRESS",
		func(r types.RecommenderSummary) *string { return r.Status }),
	collect.Text("recipe_arn", "use case (domain recipe) the recommender serves", func(r types.RecommenderSummary) *string { return r.RecipeArn }),
	collect.Int("min_recommendation_requests_per_second", "recommendation requests per second provisioned, and billed, at least", minRequests),
	collect.Bool("metadata_in_recommendations", "item metadata is returned with recommendations (extra cost)",
		func(r types.RecommenderSummary) *bool { return recommenderConfig(r).EnableMetadataWithRecommendations }),
	collect.Timestamp("updated", "last change", func(r types.RecommenderSummary) *time.Time { return r.LastUpdatedDateTime }),
}

func recommenders(ctx context.Context, t *collect.Task) error {
	api := personalize.NewFromConfig(t.Config)
	p := personalize.NewListRecommendersPaginator(api, &personalize.ListRecommendersInput{MaxResults: t.PageSize(100)})
	return collect.EachItem(ctx, p, func(page *personalize.ListRecommendersOutput) []types.RecommenderSummary { return page.Recommenders },
		func(ctx context.Context, r types.RecommenderSummary) {
			arn := aws.ToString(r.RecommenderArn)
			key := t.Key("recommender", collect.ARNID(r.RecommenderArn, "recommender"))
			t.Emit(&model.Resource{Key: key, Name: aws.ToString(r.Name), ARN: arn, CreatedAt: model.Time(r.CreationDateTime),
				Details: recommenderFields.Details(r), Tags: tags(ctx, t, api, arn)})
			t.Relate(key, "in", groupKey(t, r.DatasetGroupArn))
		})
}

// metricAttribution is a listed metric attribution with its
// DescribeMetricAttribution answer (nil when that failed).
type metricAttribution struct {
	types.MetricAttributionSummary
	detail *types.MetricAttribution
}

func hasAttributionDetail(m metricAttribution) bool { return m.detail != nil }

// output is where the attribution reports, never nil.
func (m metricAttribution) output() types.MetricAttributionOutput {
	if m.detail == nil || m.detail.MetricsOutputConfig == nil {
		return types.MetricAttributionOutput{}
	}
	return *m.detail.MetricsOutputConfig
}

// s3 is the attribution's S3 destination, never nil.
func (m metricAttribution) s3() types.S3DataConfig {
	if o := m.output(); o.S3DataDestination != nil {
		return *o.S3DataDestination
	}
	return types.S3DataConfig{}
}

var metricAttributionFields = collect.Fields[metricAttribution]{
	collect.Text("status", "CREATE PENDING, CREATE IN_PROGRESS, ACTIVE, CREATE FAILED, DELETE PENDING or DELETE IN_PROGRESS",
		func(m metricAttribution) *string { return m.Status }),
	collect.When(hasAttributionDetail, collect.Text("role_arn", "role Personalize assumes to publish the metrics",
		func(m metricAttribution) *string { return m.output().RoleArn })),
	collect.When(hasAttributionDetail, collect.Text("s3_path", "S3 location the metrics are exported to; empty: CloudWatch only",
		func(m metricAttribution) *string { return m.s3().Path })),
	collect.When(hasAttributionDetail, collect.Text("kms_key", "KMS key encrypting the exported metrics",
		func(m metricAttribution) *string { return m.s3().KmsKeyArn })),
	collect.Text("failure_reason", "why the attribution failed, if it did", func(m metricAttribution) *string { return m.FailureReason }),
	collect.Timestamp("updated", "last change", func(m metricAttribution) *time.Time { return m.LastUpdatedDateTime }),
}

func attributionsOf(page *personalize.ListMetricAttributionsOutput) []types.MetricAttributionSummary {
	return page.MetricAttributions
}

func metricAttributions(ctx context.Context, t *collect.Task) error {
	api := personalize.NewFromConfig(t.Config)
	return eachGroup(ctx, t, api, func(ctx context.Context, group *string) error {
		p := personalize.NewListMetricAttributionsPaginator(api, &personalize.ListMetricAttributionsInput{DatasetGroupArn: group, MaxResults: t.PageSize(100)})
		return collect.EachItem(ctx, p, attributionsOf,
			func(ctx context.Context, s types.MetricAttributionSummary) {
				m := metricAttribution{MetricAttributionSummary: s}
				out, err := api.DescribeMetricAttribution(ctx, &personalize.DescribeMetricAttributionInput{MetricAttributionArn: s.MetricAttributionArn})
				switch {
				case awsx.IsNotFound(err):
					return // deleted since the listing
				case err != nil:
					t.Warn("DescribeMetricAttribution", err)
				default:
					m.detail = out.MetricAttribution
				}
				key := t.Key("metric-attribution", collect.ARNID(s.MetricAttributionArn, "metric-attribution"))
				t.Emit(&model.Resource{Key: key, Name: aws.ToString(s.Name), ARN: aws.ToString(s.MetricAttributionArn), CreatedAt: model.Time(s.CreationDateTime),
					Details: metricAttributionFields.Details(m)})
				t.Relate(key, "in", groupKey(t, group))
				t.Relate(key, "assumes-role", t.Role(aws.ToString(m.output().RoleArn)))
				t.RelateByName(key, "writes-to", "s3", "bucket", collect.S3URIBucket(aws.ToString(m.s3().Path)), t.Region)
				t.Relate(key, "encrypted-with", t.KMSKey(aws.ToString(m.s3().KmsKeyArn)))
			})
	})
}
