// Package frauddetector collects Amazon Fraud Detector: detectors and
// their rules, models and model versions, external (SageMaker) models, the
// event types, entity types, variables, labels and outcomes they are built
// from, allow/deny lists, and the region's encryption key setting.
package frauddetector

import (
	"context"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/frauddetector"
	"github.com/aws/aws-sdk-go-v2/service/frauddetector/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the Fraud Detector collector.
var Service = &collect.Service{
	Name: "frauddetector",
	Description: "Fraud Detector detectors, rules, models, model versions, external models, event types, entity types, variables, " +
		"labels, outcomes, lists and the region's encryption key",
	Types: []collect.Type{
		{Name: "detector", Description: "Fraud Detector detector (id = detector id): evaluates events of one event type with its active version",
			Fields: detectorFields.Declared(), Tags: collect.TagsPerResource, Collect: detectors, DetailCalls: 2},
		{Name: "detector-rule", Description: "version of a detector's rule (id = DETECTOR_ID/RULE_ID/VERSION): an expression mapping to outcomes",
			Fields: ruleFields.Declared(), Tags: collect.TagsPerResource, Collect: rules, DetailCalls: 2},
		{Name: "model", Description: "Fraud Detector model (id = MODEL_TYPE/MODEL_ID)",
			Fields: modelFields.Declared(), Tags: collect.TagsPerResource, Collect: models, DetailCalls: 1},
		{Name: "model-version", Description: "trained version of a model (id = MODEL_TYPE/MODEL_ID/VERSION): an ACTIVE one is deployed and billed per hour",
			Fields: modelVersionFields.Declared(), Tags: collect.TagsPerResource, Collect: modelVersions, DetailCalls: 2},
		{Name: "external-model", Description: "SageMaker endpoint Fraud Detector calls as a model (id = endpoint name)",
			Fields: externalModelFields.Declared(), Tags: collect.TagsPerResource, Collect: externalModels, DetailCalls: 1},
		{Name: "event-type", Description: "Fraud Detector event type (id = name): the variables, entity types and labels of an event",
			Fields: eventTypeFields.Declared(), Tags: collect.TagsPerResource, Collect: eventTypes, DetailCalls: 1},
		{Name: "entity-type", Description: "Fraud Detector entity type (id = name): who performs an event",
			Fields: describedFields.Declared(), Tags: collect.TagsPerResource, Collect: entityTypes, DetailCalls: 1},
		{Name: "variable", Description: "Fraud Detector variable (id = name): an event attribute or model score",
			Fields: variableFields.Declared(), Tags: collect.TagsPerResource, Collect: variables, DetailCalls: 1},
		{Name: "label", Description: "Fraud Detector label (id = name): classifies training events as fraudulent or legitimate",
			Fields: describedFields.Declared(), Tags: collect.TagsPerResource, Collect: labels, DetailCalls: 1},
		{Name: "outcome", Description: "Fraud Detector outcome (id = name): what a rule returns, e.g. approve or review",
			Fields: describedFields.Declared(), Tags: collect.TagsPerResource, Collect: outcomes, DetailCalls: 1},
		{Name: "allow-deny-list", Description: "Fraud Detector allow or deny list (id = name); its elements are not read",
			Fields: listFields.Declared(), Tags: collect.TagsPerResource, Collect: lists, DetailCalls: 1},
		{Name: "encryption-config", Description: "KMS key encrypting the region's Fraud Detector data (one per region, id = region)",
			Fields: encryptionFields.Declared(), Tags: collect.NotTaggable, Collect: encryptionConfig},
	},
	Calls: "GetDetectors once for detector and detector-rule; detector: per detector DescribeDetector, ListTagsForResource. " +
		"detector-rule: per detector GetRules + per rule version ListTagsForResource. " +
		"GetModels once for model and model-version; model: per model ListTagsForResource. " +
		"model-version: per model DescribeModelVersions + per version ListTagsForResource. " +
		"external-model: GetExternalModels + per model ListTagsForResource. event-type: GetEventTypes + per event type ListTagsForResource. " +
		"entity-type: GetEntityTypes + per entity type ListTagsForResource. variable: GetVariables + per variable ListTagsForResource. " +
		"label: GetLabels + per label ListTagsForResource. outcome: GetOutcomes + per outcome ListTagsForResource. " +
		"allow-deny-list: GetListsMetadata + per list ListTagsForResource. encryption-config: GetKMSEncryptionKey",
	Relations: []collect.Relation{
		{From: "detector", Kind: "uses", To: "frauddetector/event-type"},
		{From: "detector-rule", Kind: "in", To: "frauddetector/detector"},
		{From: "detector-rule", Kind: "uses", To: "frauddetector/outcome"},
		{From: "model", Kind: "uses", To: "frauddetector/event-type"},
		{From: "model-version", Kind: "in", To: "frauddetector/model"},
		{From: "model-version", Kind: "assumes-role", To: "iam/role"},
		{From: "model-version", Kind: "reads-from", To: "s3/bucket"},
		{From: "external-model", Kind: "invokes", To: "sagemaker/endpoint"},
		{From: "external-model", Kind: "assumes-role", To: "iam/role"},
		{From: "external-model", Kind: "uses", To: "frauddetector/event-type"},
		{From: "event-type", Kind: "uses", To: "frauddetector/entity-type"},
		{From: "event-type", Kind: "uses", To: "frauddetector/variable"},
		{From: "event-type", Kind: "uses", To: "frauddetector/label"},
		{From: "encryption-config", Kind: "encrypted-with", To: "kms/key"},
	},
}

func client(t *collect.Task) *frauddetector.Client { return frauddetector.NewFromConfig(t.Config) }

// emit reads r's tags (by r.ARN) and emits it, unless the tag call answers
// that the resource is gone: it was deleted since it was listed, and is
// skipped (emit reports false). Another failure is a warning.
func emit(ctx context.Context, t *collect.Task, api *frauddetector.Client, r *model.Resource) bool {
	if r.ARN != "" {
		tags := map[string]string{}
		p := frauddetector.NewListTagsForResourcePaginator(api, &frauddetector.ListTagsForResourceInput{ResourceARN: aws.String(r.ARN), MaxResults: t.PageSize(200)})
		err := collect.EachPage(ctx, p, func(page *frauddetector.ListTagsForResourceOutput) error {
			for _, tg := range page.Tags {
				tags[aws.ToString(tg.Key)] = aws.ToString(tg.Value)
			}
			return nil
		})
		switch {
		case awsx.IsNotFound(err):
			return false
		case err != nil:
			t.Warn("ListTagsForResource", err)
		default:
			r.Tags = tags
		}
	}
	t.Emit(r)
	return true
}

// Fraud Detector dates everything with ISO 8601 strings.
func updated[T any](get func(T) *string) collect.Field[T] {
	return collect.Computed("last_updated", model.Timestamp, "last change", func(v T) any { return collect.TimeText(get(v)) })
}

// detectorList are the region's detectors, listed once for detector and detector-rule.
func detectorList(ctx context.Context, t *collect.Task, api *frauddetector.Client) ([]types.Detector, error) {
	p := frauddetector.NewGetDetectorsPaginator(api, &frauddetector.GetDetectorsInput{MaxResults: t.PageSize(10)})
	return collect.ReuseItems(ctx, t, "GetDetectors", p, func(page *frauddetector.GetDetectorsOutput) []types.Detector { return page.Detectors })
}

// detector is a listed detector with its versions (nil: DescribeDetector failed).
type detector struct {
	types.Detector
	versions []types.DetectorVersionSummary
}

func hasVersions(d detector) bool { return d.versions != nil }

var detectorFields = collect.Fields[detector]{
	collect.Text("description", "description of the detector", func(d detector) *string { return d.Description }),
	collect.Text("event_type", "event type the detector evaluates", func(d detector) *string { return d.EventTypeName }),
	collect.When(hasVersions, collect.Computed("active_version", model.Text, "version answering predictions; empty: none is ACTIVE", func(d detector) any {
		for _, v := range d.versions {
			if v.Status == types.DetectorVersionStatusActive {
				return aws.ToString(v.DetectorVersionId)
			}
		}
		return ""
	})),
	collect.When(hasVersions, collect.Computed("versions", model.Integer, "detector versions (DRAFT, ACTIVE and INACTIVE)", func(d detector) any {
		return int64(len(d.versions))
	})),
	updated(func(d detector) *string { return d.LastUpdatedTime }),
}

func detectors(ctx context.Context, t *collect.Task) error {
	api := client(t)
	list, err := detectorList(ctx, t, api)
	collect.ForEach(ctx, list, func(ctx context.Context, s types.Detector) {
		d := detector{Detector: s}
		p := collect.NewTokenPager(func(ctx context.Context, token *string, o ...func(*frauddetector.Options)) (*frauddetector.DescribeDetectorOutput, error) {
			return api.DescribeDetector(ctx, &frauddetector.DescribeDetectorInput{DetectorId: s.DetectorId, NextToken: token, MaxResults: t.PageSize(2500)}, o...)
		}, func(out *frauddetector.DescribeDetectorOutput) *string { return out.NextToken })
		versions, err := collect.AllItems(ctx, p, func(out *frauddetector.DescribeDetectorOutput) []types.DetectorVersionSummary {
			return out.DetectorVersionSummaries
		})
		switch {
		case awsx.IsNotFound(err):
			return // deleted since it was listed
		case err != nil:
			t.Warn("DescribeDetector", err)
		default:
			d.versions = append([]types.DetectorVersionSummary{}, versions...)
		}
		id := aws.ToString(s.DetectorId)
		key := t.Key("detector", id)
		if emit(ctx, t, api, &model.Resource{Key: key, Name: id, ARN: aws.ToString(s.Arn), CreatedAt: collect.TimeText(s.CreatedTime), Details: detectorFields.Details(d)}) {
			t.Relate(key, "uses", t.Key("event-type", aws.ToString(s.EventTypeName)))
		}
	})
	return err
}

var ruleFields = collect.Fields[types.RuleDetail]{
	collect.Text("detector", "detector the rule belongs to", func(r types.RuleDetail) *string { return r.DetectorId }),
	collect.Text("version", "rule version", func(r types.RuleDetail) *string { return r.RuleVersion }),
	collect.Text("description", "description of the rule", func(r types.RuleDetail) *string { return r.Description }),
	collect.Enum("language", "language of the expression (DETECTORPL)", func(r types.RuleDetail) types.Language { return r.Language }),
	collect.Text("expression", "condition on variables and model scores", func(r types.RuleDetail) *string { return r.Expression }),
	collect.Computed("outcomes", model.JSON, "outcomes the rule returns when it matches", func(r types.RuleDetail) any { return append([]string{}, r.Outcomes...) }),
	updated(func(r types.RuleDetail) *string { return r.LastUpdatedTime }),
}

func rules(ctx context.Context, t *collect.Task) error {
	api := client(t)
	list, err := detectorList(ctx, t, api)
	var listErr collect.FirstErr
	collect.ForEach(ctx, list, func(ctx context.Context, d types.Detector) {
		p := frauddetector.NewGetRulesPaginator(api, &frauddetector.GetRulesInput{DetectorId: d.DetectorId, MaxResults: t.PageSize(100)})
		listErr.Keep(collect.EachItem(ctx, p, func(page *frauddetector.GetRulesOutput) []types.RuleDetail { return page.RuleDetails },
			func(ctx context.Context, r types.RuleDetail) {
				detector, rule := aws.ToString(d.DetectorId), aws.ToString(r.RuleId)
				key := t.Key("detector-rule", detector+"/"+rule+"/"+aws.ToString(r.RuleVersion))
				if !emit(ctx, t, api, &model.Resource{Key: key, Name: rule, ARN: aws.ToString(r.Arn), CreatedAt: collect.TimeText(r.CreatedTime), Details: ruleFields.Details(r)}) {
					return
				}
				t.Relate(key, "in", t.Key("detector", detector))
				for _, o := range r.Outcomes {
					t.Relate(key, "uses", t.Key("outcome", o))
				}
			}))
	})
	if err != nil {
		return err
	}
	return listErr.Err()
}

// modelList are the region's models, listed once for model and model-version.
func modelList(ctx context.Context, t *collect.Task, api *frauddetector.Client) ([]types.Model, error) {
	p := frauddetector.NewGetModelsPaginator(api, &frauddetector.GetModelsInput{MaxResults: t.PageSize(10)})
	return collect.ReuseItems(ctx, t, "GetModels", p, func(page *frauddetector.GetModelsOutput) []types.Model { return page.Models })
}

var modelFields = collect.Fields[types.Model]{
	collect.Enum("model_type", "ONLINE_FRAUD_INSIGHTS, TRANSACTION_FRAUD_INSIGHTS or ACCOUNT_TAKEOVER_INSIGHTS", func(m types.Model) types.ModelTypeEnum { return m.ModelType }),
	collect.Text("event_type", "event type the model is trained on", func(m types.Model) *string { return m.EventTypeName }),
	collect.Text("description", "description of the model", func(m types.Model) *string { return m.Description }),
	updated(func(m types.Model) *string { return m.LastUpdatedTime }),
}

func modelID(typ types.ModelTypeEnum, id *string) string { return string(typ) + "/" + aws.ToString(id) }

func models(ctx context.Context, t *collect.Task) error {
	api := client(t)
	list, err := modelList(ctx, t, api)
	collect.ForEach(ctx, list, func(ctx context.Context, m types.Model) {
		key := t.Key("model", modelID(m.ModelType, m.ModelId))
		if emit(ctx, t, api, &model.Resource{Key: key, Name: aws.ToString(m.ModelId), ARN: aws.ToString(m.Arn), CreatedAt: collect.TimeText(m.CreatedTime), Details: modelFields.Details(m)}) {
			t.Relate(key, "uses", t.Key("event-type", aws.ToString(m.EventTypeName)))
		}
	})
	return err
}

func external(v types.ModelVersionDetail) types.ExternalEventsDetail {
	if v.ExternalEventsDetail == nil {
		return types.ExternalEventsDetail{}
	}
	return *v.ExternalEventsDetail
}

var modelVersionFields = collect.Fields[types.ModelVersionDetail]{
	collect.Text("model", "model id", func(v types.ModelVersionDetail) *string { return v.ModelId }),
	collect.Enum("model_type", "ONLINE_FRAUD_INSIGHTS, TRANSACTION_FRAUD_INSIGHTS or ACCOUNT_TAKEOVER_INSIGHTS", func(v types.ModelVersionDetail) types.ModelTypeEnum { return v.ModelType }),
	collect.Text("version", "version number", func(v types.ModelVersionDetail) *string { return v.ModelVersionNumber }),
	collect.Text("status", "TRAINING_IN_PROGRESS, TRAINING_COMPLETE, ACTIVATE_REQUESTED, ACTIVATE_IN_PROGRESS, ACTIVE (deployed, billed), INACTIVE, ERROR, ...",
		func(v types.ModelVersionDetail) *string { return v.Status }),
	collect.Enum("training_data_source", "EXTERNAL_EVENTS (a file in S3) or INGESTED_EVENTS (events Fraud Detector stored)",
		func(v types.ModelVersionDetail) types.TrainingDataSourceEnum { return v.TrainingDataSource }),
	collect.Computed("data_location", model.Text, "S3 location of the training data (EXTERNAL_EVENTS)", func(v types.ModelVersionDetail) any {
		return aws.ToString(external(v).DataLocation)
	}),
	collect.Computed("data_access_role", model.Text, "IAM role that reads the training data (EXTERNAL_EVENTS)", func(v types.ModelVersionDetail) any {
		return aws.ToString(external(v).DataAccessRoleArn)
	}),
	updated(func(v types.ModelVersionDetail) *string { return v.LastUpdatedTime }),
}

func modelVersions(ctx context.Context, t *collect.Task) error {
	api := client(t)
	list, err := modelList(ctx, t, api)
	var listErr collect.FirstErr
	collect.ForEach(ctx, list, func(ctx context.Context, m types.Model) {
		p := frauddetector.NewDescribeModelVersionsPaginator(api, &frauddetector.DescribeModelVersionsInput{ModelId: m.ModelId, ModelType: m.ModelType, MaxResults: t.PageSize(10)})
		listErr.Keep(collect.EachItem(ctx, p, func(page *frauddetector.DescribeModelVersionsOutput) []types.ModelVersionDetail {
			return page.ModelVersionDetails
		},
			func(ctx context.Context, v types.ModelVersionDetail) {
				parent := modelID(m.ModelType, m.ModelId)
				key := t.Key("model-version", parent+"/"+aws.ToString(v.ModelVersionNumber))
				if !emit(ctx, t, api, &model.Resource{Key: key, Name: aws.ToString(m.ModelId), ARN: aws.ToString(v.Arn), CreatedAt: collect.TimeText(v.CreatedTime),
					Details: modelVersionFields.Details(v)}) {
					return
				}
				t.Relate(key, "in", t.Key("model", parent))
				e := external(v)
				t.Relate(key, "assumes-role", t.Role(aws.ToString(e.DataAccessRoleArn)))
				t.RelateByName(key, "reads-from", "s3", "bucket", collect.S3URIBucket(aws.ToString(e.DataLocation)), t.Region)
			}))
	})
	if err != nil {
		return err
	}
	return listErr.Err()
}

func input(m types.ExternalModel) types.ModelInputConfiguration {
	if m.InputConfiguration == nil {
		return types.ModelInputConfiguration{}
	}
	return *m.InputConfiguration
}

var externalModelFields = collect.Fields[types.ExternalModel]{
	collect.Enum("endpoint_status", "ASSOCIATED (Fraud Detector calls the endpoint) or DISSOCIATED", func(m types.ExternalModel) types.ModelEndpointStatus { return m.ModelEndpointStatus }),
	collect.Enum("model_source", "where the model runs (SAGEMAKER)", func(m types.ExternalModel) types.ModelSource { return m.ModelSource }),
	collect.Text("invoke_role", "IAM role Fraud Detector invokes the endpoint with", func(m types.ExternalModel) *string { return m.InvokeModelEndpointRoleArn }),
	collect.Computed("event_type", model.Text, "event type whose variables feed the model", func(m types.ExternalModel) any { return aws.ToString(input(m).EventTypeName) }),
	collect.Computed("input_format", model.Text, "TEXT_CSV or APPLICATION_JSON", func(m types.ExternalModel) any { return string(input(m).Format) }),
	collect.Computed("output_format", model.Text, "TEXT_CSV or APPLICATION_JSONLINES", func(m types.ExternalModel) any {
		if m.OutputConfiguration == nil {
			return ""
		}
		return string(m.OutputConfiguration.Format)
	}),
	updated(func(m types.ExternalModel) *string { return m.LastUpdatedTime }),
}

func externalModels(ctx context.Context, t *collect.Task) error {
	api := client(t)
	p := frauddetector.NewGetExternalModelsPaginator(api, &frauddetector.GetExternalModelsInput{MaxResults: t.PageSize(10)})
	return collect.EachItem(ctx, p, func(page *frauddetector.GetExternalModelsOutput) []types.ExternalModel { return page.ExternalModels },
		func(ctx context.Context, m types.ExternalModel) {
			name := aws.ToString(m.ModelEndpoint)
			key := t.Key("external-model", name)
			if !emit(ctx, t, api, &model.Resource{Key: key, Name: name, ARN: aws.ToString(m.Arn), CreatedAt: collect.TimeText(m.CreatedTime), Details: externalModelFields.Details(m)}) {
				return
			}
			t.Relate(key, "invokes", t.Ref("sagemaker", "endpoint", name))
			t.Relate(key, "assumes-role", t.Role(aws.ToString(m.InvokeModelEndpointRoleArn)))
			t.Relate(key, "uses", t.Key("event-type", aws.ToString(input(m).EventTypeName)))
		})
}

func stats(e types.EventType) types.IngestedEventStatistics {
	if e.IngestedEventStatistics == nil {
		return types.IngestedEventStatistics{}
	}
	return *e.IngestedEventStatistics
}

var eventTypeFields = collect.Fields[types.EventType]{
	collect.Text("description", "description of the event type", func(e types.EventType) *string { return e.Description }),
	collect.Computed("entity_types", model.JSON, "entity types performing the event", func(e types.EventType) any { return append([]string{}, e.EntityTypes...) }),
	collect.Computed("event_variables", model.JSON, "variables of the event", func(e types.EventType) any { return append([]string{}, e.EventVariables...) }),
	collect.Computed("labels", model.JSON, "labels classifying the event", func(e types.EventType) any { return append([]string{}, e.Labels...) }),
	collect.Enum("event_ingestion", "ENABLED: Fraud Detector stores the events it evaluates (billed storage)", func(e types.EventType) types.EventIngestion { return e.EventIngestion }),
	collect.Computed("eventbridge_enabled", model.Boolean, "events are also sent to EventBridge", func(e types.EventType) any {
		return e.EventOrchestration != nil && aws.ToBool(e.EventOrchestration.EventBridgeEnabled)
	}),
	collect.Computed("stored_events", model.Integer, "events stored", func(e types.EventType) any { return aws.ToInt64(stats(e).NumberOfEvents) }),
	collect.Computed("stored_bytes", model.Integer, "size of the stored events", func(e types.EventType) any { return aws.ToInt64(stats(e).EventDataSizeInBytes) }),
	updated(func(e types.EventType) *string { return e.LastUpdatedTime }),
}

func eventTypes(ctx context.Context, t *collect.Task) error {
	api := client(t)
	p := frauddetector.NewGetEventTypesPaginator(api, &frauddetector.GetEventTypesInput{MaxResults: t.PageSize(10)})
	return collect.EachItem(ctx, p, func(page *frauddetector.GetEventTypesOutput) []types.EventType { return page.EventTypes },
		func(ctx context.Context, e types.EventType) {
			name := aws.ToString(e.Name)
			key := t.Key("event-type", name)
			if !emit(ctx, t, api, &model.Resource{Key: key, Name: name, ARN: aws.ToString(e.Arn), CreatedAt: collect.TimeText(e.CreatedTime), Details: eventTypeFields.Details(e)}) {
				return
			}
			for typ, names := range map[string][]string{"entity-type": e.EntityTypes, "variable": e.EventVariables, "label": e.Labels} {
				for _, n := range names {
					t.Relate(key, "uses", t.Key(typ, n))
				}
			}
		})
}

// described is what entity types, labels and outcomes have: a name and a description.
type described struct {
	name, arn, description, created, updated *string
}

var describedFields = collect.Fields[described]{
	collect.Text("description", "description", func(d described) *string { return d.description }),
	updated(func(d described) *string { return d.updated }),
}

func emitDescribed(ctx context.Context, t *collect.Task, api *frauddetector.Client, typ string, d described) {
	name := aws.ToString(d.name)
	emit(ctx, t, api, &model.Resource{Key: t.Key(typ, name), Name: name, ARN: aws.ToString(d.arn), CreatedAt: collect.TimeText(d.created), Details: describedFields.Details(d)})
}

func entityTypes(ctx context.Context, t *collect.Task) error {
	api := client(t)
	p := frauddetector.NewGetEntityTypesPaginator(api, &frauddetector.GetEntityTypesInput{MaxResults: t.PageSize(10)})
	return collect.EachItem(ctx, p, func(page *frauddetector.GetEntityTypesOutput) []types.EntityType { return page.EntityTypes },
		func(ctx context.Context, e types.EntityType) {
			emitDescribed(ctx, t, api, "entity-type", described{name: e.Name, arn: e.Arn, description: e.Description, created: e.CreatedTime, updated: e.LastUpdatedTime})
		})
}

func labels(ctx context.Context, t *collect.Task) error {
	api := client(t)
	p := frauddetector.NewGetLabelsPaginator(api, &frauddetector.GetLabelsInput{MaxResults: t.PageSize(50)})
	return collect.EachItem(ctx, p, func(page *frauddetector.GetLabelsOutput) []types.Label { return page.Labels },
		func(ctx context.Context, l types.Label) {
			emitDescribed(ctx, t, api, "label", described{name: l.Name, arn: l.Arn, description: l.Description, created: l.CreatedTime, updated: l.LastUpdatedTime})
		})
}

func outcomes(ctx context.Context, t *collect.Task) error {
	api := client(t)
	p := frauddetector.NewGetOutcomesPaginator(api, &frauddetector.GetOutcomesInput{MaxResults: t.PageSize(100)})
	return collect.EachItem(ctx, p, func(page *frauddetector.GetOutcomesOutput) []types.Outcome { return page.Outcomes },
		func(ctx context.Context, o types.Outcome) {
			emitDescribed(ctx, t, api, "outcome", described{name: o.Name, arn: o.Arn, description: o.Description, created: o.CreatedTime, updated: o.LastUpdatedTime})
		})
}

var variableFields = collect.Fields[types.Variable]{
	collect.Enum("data_type", "STRING, INTEGER, FLOAT, BOOLEAN or DATETIME", func(v types.Variable) types.DataType { return v.DataType }),
	collect.Enum("data_source", "EVENT (sent with each event), MODEL_SCORE or EXTERNAL_MODEL_SCORE", func(v types.Variable) types.DataSource { return v.DataSource }),
	collect.Text("variable_type", "kind of data, e.g. EMAIL_ADDRESS, IP_ADDRESS, CARD_BIN, NUMERIC, CATEGORICAL", func(v types.Variable) *string { return v.VariableType }),
	collect.Text("default_value", "value used when an event lacks the variable", func(v types.Variable) *string { return v.DefaultValue }),
	collect.Text("description", "description of the variable", func(v types.Variable) *string { return v.Description }),
	updated(func(v types.Variable) *string { return v.LastUpdatedTime }),
}

func variables(ctx context.Context, t *collect.Task) error {
	api := client(t)
	p := frauddetector.NewGetVariablesPaginator(api, &frauddetector.GetVariablesInput{MaxResults: t.PageSize(100)})
	return collect.EachItem(ctx, p, func(page *frauddetector.GetVariablesOutput) []types.Variable { return page.Variables },
		func(ctx context.Context, v types.Variable) {
			name := aws.ToString(v.Name)
			emit(ctx, t, api, &model.Resource{Key: t.Key("variable", name), Name: name, ARN: aws.ToString(v.Arn), CreatedAt: collect.TimeText(v.CreatedTime), Details: variableFields.Details(v)})
		})
}

var listFields = collect.Fields[types.AllowDenyList]{
	collect.Text("variable_type", "kind of values the list holds, e.g. EMAIL_ADDRESS or IP_ADDRESS", func(l types.AllowDenyList) *string { return l.VariableType }),
	collect.Text("description", "description of the list", func(l types.AllowDenyList) *string { return l.Description }),
	updated(func(l types.AllowDenyList) *string { return l.UpdatedTime }),
}

func lists(ctx context.Context, t *collect.Task) error {
	api := client(t)
	p := frauddetector.NewGetListsMetadataPaginator(api, &frauddetector.GetListsMetadataInput{MaxResults: t.PageSize(100)})
	return collect.EachItem(ctx, p, func(page *frauddetector.GetListsMetadataOutput) []types.AllowDenyList { return page.Lists },
		func(ctx context.Context, l types.AllowDenyList) {
			name := aws.ToString(l.Name)
			emit(ctx, t, api, &model.Resource{Key: t.Key("allow-deny-list", name), Name: name, ARN: aws.ToString(l.Arn), CreatedAt: collect.TimeText(l.CreatedTime), Details: listFields.Details(l)})
		})
}

// customerKey is the customer managed key of a GetKMSEncryptionKey answer:
// "" for DEFAULT (an AWS owned key).
func customerKey(k types.KMSKey) string {
	if arn := aws.ToString(k.KmsEncryptionKeyArn); !strings.EqualFold(arn, "DEFAULT") {
		return arn
	}
	return ""
}

var encryptionFields = collect.Fields[types.KMSKey]{
	collect.Computed("kms_key", model.Text, "customer managed KMS key encrypting the region's data; empty: an AWS owned key", func(k types.KMSKey) any { return customerKey(k) }),
}

func encryptionConfig(ctx context.Context, t *collect.Task) error {
	out, err := client(t).GetKMSEncryptionKey(ctx, &frauddetector.GetKMSEncryptionKeyInput{})
	if err != nil {
		return err
	}
	var k types.KMSKey
	if out.KmsKey != nil {
		k = *out.KmsKey
	}
	key := t.Key("encryption-config", t.Region)
	t.Emit(&model.Resource{Key: key, Name: t.Region, Details: encryptionFields.Details(k)})
	t.Relate(key, "encrypted-with", t.KMSKey(customerKey(k)))
	return nil
}
