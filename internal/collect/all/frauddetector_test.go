package all_test

import (
	"fmt"
	"maps"
	"strings"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/frauddetector"
	"github.com/aws/aws-sdk-go-v2/service/frauddetector/types"
	"github.com/aws/smithy-go"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/frauddetector"
)

var frauddetectorPaged = collecttest.Paged{Cap: 2}

const (
	frauddetectorRegion  = "us-east-1"
	frauddetectorCreated = "2026-03-01T10:00:00.000Z"
	changed              = "2026-04-02T11:30:00.000Z"
)

var (
	frauddetectorRole = "arn:aws:iam::" + account + ":role/fraud-training"
	frauddetectorKey  = "arn:aws:kms:us-east-1:" + account + ":key/0a1b2c3d-1111-2222-3333-444455556666"
)

func frauddetectorArn(res string) *string {
	return aws.String("arn:aws:frauddetector:us-east-1:" + account + ":" + res)
}

func frauddetectorNotFound(what string) error {
	return &smithy.GenericAPIError{Code: "ResourceNotFoundException", Message: what + " not found"}
}

// calls counts the canned calls by operation (and detector or model for
// the per-parent listings), to check the page walks.
type frauddetectorCalls struct {
	mu sync.Mutex
	n  map[string]int
}

func (c *frauddetectorCalls) add(op string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n[op]++
}

func (c *frauddetectorCalls) get(op string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.n[op]
}

// canned answers every Fraud Detector call (moto serves none), each listing
// over two pages of at most two items. The detector "gone" and the label
// "gone" are deleted between their listing and the next call (NotFound);
// every other resource is tagged with its ARN.
func frauddetectorCanned(c *frauddetectorCalls, replace map[string]func(any) (any, error)) awsx.Options {
	detectors := []types.Detector{
		{DetectorId: aws.String("checkout"), Arn: frauddetectorArn("detector/checkout"), EventTypeName: aws.String("purchase"), Description: aws.String("card payments"),
			CreatedTime: aws.String(frauddetectorCreated), LastUpdatedTime: aws.String(changed)},
		{DetectorId: aws.String("gone"), Arn: frauddetectorArn("detector/gone"), EventTypeName: aws.String("purchase")},
		{DetectorId: aws.String("signup"), Arn: frauddetectorArn("detector/signup"), EventTypeName: aws.String("registration")},
	}
	rules := map[string][]types.RuleDetail{
		"checkout": {
			{DetectorId: aws.String("checkout"), RuleId: aws.String("high_risk"), RuleVersion: aws.String("1"), Arn: frauddetectorArn("rule/checkout/high_risk/1"),
				Expression: aws.String("$model_score > 900"), Language: types.LanguageDetectorpl, Outcomes: []string{"block", "review"}, CreatedTime: aws.String(frauddetectorCreated)},
			{DetectorId: aws.String("checkout"), RuleId: aws.String("high_risk"), RuleVersion: aws.String("2"), Arn: frauddetectorArn("rule/checkout/high_risk/2"),
				Expression: aws.String("$model_score > 950"), Language: types.LanguageDetectorpl, Outcomes: []string{"block"}},
			{DetectorId: aws.String("checkout"), RuleId: aws.String("low_risk"), RuleVersion: aws.String("1"), Arn: frauddetectorArn("rule/checkout/low_risk/1"),
				Expression: aws.String("$model_score <= 950"), Language: types.LanguageDetectorpl, Outcomes: []string{"approve"}},
		},
		"signup": {{DetectorId: aws.String("signup"), RuleId: aws.String("all"), RuleVersion: aws.String("1"), Arn: frauddetectorArn("rule/signup/all/1"), Outcomes: []string{"approve"}}},
	}
	models := []types.Model{
		{ModelId: aws.String("payments"), ModelType: types.ModelTypeEnumTransactionFraudInsights, Arn: frauddetectorArn("model/TRANSACTION_FRAUD_INSIGHTS/payments"),
			EventTypeName: aws.String("purchase"), CreatedTime: aws.String(frauddetectorCreated), LastUpdatedTime: aws.String(changed)},
		{ModelId: aws.String("signups"), ModelType: types.ModelTypeEnumOnlineFraudInsights, Arn: frauddetectorArn("model/ONLINE_FRAUD_INSIGHTS/signups"), EventTypeName: aws.String("registration")},
		{ModelId: aws.String("logins"), ModelType: types.ModelTypeEnumAccountTakeoverInsights, Arn: frauddetectorArn("model/ACCOUNT_TAKEOVER_INSIGHTS/logins")},
	}
	version := func(m types.Model, n string) types.ModelVersionDetail {
		return types.ModelVersionDetail{ModelId: m.ModelId, ModelType: m.ModelType, ModelVersionNumber: aws.String(n), Arn: aws.String(aws.ToString(m.Arn) + "/" + n),
			Status: aws.String("TRAINING_COMPLETE"), TrainingDataSource: types.TrainingDataSourceEnumIngestedEvents}
	}
	variable := func(name string, typ types.DataType) types.Variable {
		return types.Variable{Name: aws.String(name), Arn: frauddetectorArn("variable/" + name), DataType: typ, DataSource: types.DataSourceEvent, VariableType: aws.String("CATEGORICAL")}
	}
	answers := map[string]func(any) (any, error){
		"GetDetectors": func(in any) (any, error) {
			c.add("GetDetectors")
			page, next := collecttest.Page(detectors, in.(*frauddetector.GetDetectorsInput).NextToken, 2)
			return &frauddetector.GetDetectorsOutput{Detectors: page, NextToken: next}, nil
		},
		"DescribeDetector": func(in any) (any, error) {
			in2 := in.(*frauddetector.DescribeDetectorInput)
			id := aws.ToString(in2.DetectorId)
			c.add("DescribeDetector/" + id)
			switch {
			case id == "gone":
				return nil, frauddetectorNotFound("detector gone")
			case id == "signup":
				return &frauddetector.DescribeDetectorOutput{DetectorId: in2.DetectorId}, nil
			case in2.NextToken == nil: // checkout: one version a page
				return &frauddetector.DescribeDetectorOutput{DetectorId: in2.DetectorId, NextToken: aws.String("2"),
					DetectorVersionSummaries: []types.DetectorVersionSummary{{DetectorVersionId: aws.String("1"), Status: types.DetectorVersionStatusInactive}}}, nil
			}
			return &frauddetector.DescribeDetectorOutput{DetectorId: in2.DetectorId, DetectorVersionSummaries: []types.DetectorVersionSummary{
				{DetectorVersionId: aws.String("2"), Status: types.DetectorVersionStatusActive}, {DetectorVersionId: aws.String("3"), Status: types.DetectorVersionStatusDraft}}}, nil
		},
		"GetRules": func(in any) (any, error) {
			in2 := in.(*frauddetector.GetRulesInput)
			id := aws.ToString(in2.DetectorId)
			c.add("GetRules/" + id)
			if id == "gone" {
				return nil, frauddetectorNotFound("detector gone")
			}
			page, next := collecttest.Page(rules[id], in2.NextToken, 2)
			return &frauddetector.GetRulesOutput{RuleDetails: page, NextToken: next}, nil
		},
		"GetModels": func(in any) (any, error) {
			c.add("GetModels")
			page, next := collecttest.Page(models, in.(*frauddetector.GetModelsInput).NextToken, 2)
			return &frauddetector.GetModelsOutput{Models: page, NextToken: next}, nil
		},
		"DescribeModelVersions": func(in any) (any, error) {
			in2 := in.(*frauddetector.DescribeModelVersionsInput)
			c.add("DescribeModelVersions/" + aws.ToString(in2.ModelId))
			var all []types.ModelVersionDetail
			for _, m := range models {
				if aws.ToString(m.ModelId) == aws.ToString(in2.ModelId) && m.ModelType == in2.ModelType && m.ModelType != types.ModelTypeEnumAccountTakeoverInsights {
					all = append(all, version(m, "1.0"), version(m, "2.0"))
				}
			}
			if aws.ToString(in2.ModelId) == "payments" {
				v := version(models[0], "3.0")
				v.Status, v.TrainingDataSource, v.CreatedTime = aws.String("ACTIVE"), types.TrainingDataSourceEnumExternalEvents, aws.String(frauddetectorCreated)
				v.ExternalEventsDetail = &types.ExternalEventsDetail{DataAccessRoleArn: aws.String(frauddetectorRole), DataLocation: aws.String("s3://fraud-training/2026/events.csv")}
				all = append(all, v)
			}
			page, next := collecttest.Page(all, in2.NextToken, 2)
			return &frauddetector.DescribeModelVersionsOutput{ModelVersionDetails: page, NextToken: next}, nil
		},
		"GetExternalModels": func(in any) (any, error) {
			c.add("GetExternalModels")
			all := []types.ExternalModel{
				{ModelEndpoint: aws.String("xgb-fraud"), Arn: frauddetectorArn("external-model/xgb-fraud"), ModelSource: types.ModelSourceSagemaker,
					ModelEndpointStatus: types.ModelEndpointStatusAssociated, InvokeModelEndpointRoleArn: aws.String(frauddetectorRole), CreatedTime: aws.String(frauddetectorCreated),
					InputConfiguration:  &types.ModelInputConfiguration{EventTypeName: aws.String("purchase"), Format: types.ModelInputDataFormatJson, UseEventVariables: aws.Bool(true)},
					OutputConfiguration: &types.ModelOutputConfiguration{Format: types.ModelOutputDataFormatJsonlines}},
				{ModelEndpoint: aws.String("b"), Arn: frauddetectorArn("external-model/b"), ModelEndpointStatus: types.ModelEndpointStatusDissociated},
				{ModelEndpoint: aws.String("c"), Arn: frauddetectorArn("external-model/c")},
			}
			page, next := collecttest.Page(all, in.(*frauddetector.GetExternalModelsInput).NextToken, 2)
			return &frauddetector.GetExternalModelsOutput{ExternalModels: page, NextToken: next}, nil
		},
		"GetEventTypes": func(in any) (any, error) {
			c.add("GetEventTypes")
			all := []types.EventType{
				{Name: aws.String("purchase"), Arn: frauddetectorArn("event-type/purchase"), EntityTypes: []string{"customer"}, EventVariables: []string{"email", "amount"},
					Labels: []string{"fraud", "legit"}, EventIngestion: types.EventIngestionEnabled, EventOrchestration: &types.EventOrchestration{EventBridgeEnabled: aws.Bool(true)},
					IngestedEventStatistics: &types.IngestedEventStatistics{NumberOfEvents: aws.Int64(12000), EventDataSizeInBytes: aws.Int64(4_500_000)}, CreatedTime: aws.String(frauddetectorCreated)},
				{Name: aws.String("registration"), Arn: frauddetectorArn("event-type/registration"), EventIngestion: types.EventIngestionDisabled},
				{Name: aws.String("login"), Arn: frauddetectorArn("event-type/login")},
			}
			page, next := collecttest.Page(all, in.(*frauddetector.GetEventTypesInput).NextToken, 2)
			return &frauddetector.GetEventTypesOutput{EventTypes: page, NextToken: next}, nil
		},
		"GetEntityTypes": func(in any) (any, error) {
			c.add("GetEntityTypes")
			var all []types.EntityType
			for _, n := range []string{"customer", "merchant", "device"} {
				all = append(all, types.EntityType{Name: aws.String(n), Arn: frauddetectorArn("entity-type/" + n), Description: aws.String("the " + n), CreatedTime: aws.String(frauddetectorCreated)})
			}
			page, next := collecttest.Page(all, in.(*frauddetector.GetEntityTypesInput).NextToken, 2)
			return &frauddetector.GetEntityTypesOutput{EntityTypes: page, NextToken: next}, nil
		},
		"GetLabels": func(in any) (any, error) {
			c.add("GetLabels")
			var all []types.Label
			for _, n := range []string{"fraud", "gone", "legit"} {
				all = append(all, types.Label{Name: aws.String(n), Arn: frauddetectorArn("label/" + n), LastUpdatedTime: aws.String(changed)})
			}
			page, next := collecttest.Page(all, in.(*frauddetector.GetLabelsInput).NextToken, 2)
			return &frauddetector.GetLabelsOutput{Labels: page, NextToken: next}, nil
		},
		"GetOutcomes": func(in any) (any, error) {
			c.add("GetOutcomes")
			var all []types.Outcome
			for _, n := range []string{"approve", "block", "review"} {
				all = append(all, types.Outcome{Name: aws.String(n), Arn: frauddetectorArn("outcome/" + n), Description: aws.String(n + " the event")})
			}
			page, next := collecttest.Page(all, in.(*frauddetector.GetOutcomesInput).NextToken, 2)
			return &frauddetector.GetOutcomesOutput{Outcomes: page, NextToken: next}, nil
		},
		"GetVariables": func(in any) (any, error) {
			c.add("GetVariables")
			email := variable("email", types.DataTypeString)
			email.VariableType, email.DefaultValue = aws.String("EMAIL_ADDRESS"), aws.String("unknown@example.com")
			all := []types.Variable{email, variable("amount", types.DataTypeFloat), variable("ip", types.DataTypeString)}
			page, next := collecttest.Page(all, in.(*frauddetector.GetVariablesInput).NextToken, 2)
			return &frauddetector.GetVariablesOutput{Variables: page, NextToken: next}, nil
		},
		"GetListsMetadata": func(in any) (any, error) {
			c.add("GetListsMetadata")
			var all []types.AllowDenyList
			for _, n := range []string{"blocked_emails", "trusted_ips", "vip"} {
				all = append(all, types.AllowDenyList{Name: aws.String(n), Arn: frauddetectorArn("list/" + n), VariableType: aws.String("EMAIL_ADDRESS"), UpdatedTime: aws.String(changed)})
			}
			page, next := collecttest.Page(all, in.(*frauddetector.GetListsMetadataInput).NextToken, 2)
			return &frauddetector.GetListsMetadataOutput{Lists: page, NextToken: next}, nil
		},
		"GetKMSEncryptionKey": func(any) (any, error) {
			return &frauddetector.GetKMSEncryptionKeyOutput{KmsKey: &types.KMSKey{KmsEncryptionKeyArn: aws.String(frauddetectorKey)}}, nil
		},
		"ListTagsForResource": func(in any) (any, error) {
			a := aws.ToString(in.(*frauddetector.ListTagsForResourceInput).ResourceARN)
			if strings.HasSuffix(a, "/gone") {
				return nil, frauddetectorNotFound("label gone")
			}
			return &frauddetector.ListTagsForResourceOutput{Tags: []types.Tag{{Key: aws.String("arn"), Value: aws.String(a)}}}, nil
		},
	}
	maps.Copy(answers, replace)
	return awsx.Options{Responder: collecttest.Canned(answers)}
}

func TestFrauddetectorTypes(t *testing.T) {
	collecttest.Setup(t)
	c := &frauddetectorCalls{n: map[string]int{}}
	cfg := collecttest.ConfigWith(t, frauddetectorRegion, frauddetectorCanned(c, nil))
	arn := func(res string) string { return aws.ToString(frauddetectorArn(res)) }
	for _, tc := range []struct {
		typ     string
		ids     []string // every id the collection emits
		id      string   // the one looked at
		name    string
		arn     string
		created string
		details map[string]any
		edges   []string
	}{
		{"detector", []string{"checkout", "signup"}, "checkout", "checkout", arn("detector/checkout"), "2026-03-01T10:00:00Z",
			map[string]any{"event_type": "purchase", "description": "card payments", "active_version": "2", "versions": int64(3), "last_updated": "2026-04-02T11:30:00Z"},
			[]string{"checkout -uses-> frauddetector/event-type:purchase"}},
		{"detector", []string{"checkout", "signup"}, "signup", "signup", arn("detector/signup"), "",
			map[string]any{"active_version": "", "versions": int64(0)}, []string{"signup -uses-> frauddetector/event-type:registration"}},
		{"detector-rule", []string{"checkout/high_risk/1", "checkout/high_risk/2", "checkout/low_risk/1", "signup/all/1"}, "checkout/high_risk/1", "high_risk",
			arn("rule/checkout/high_risk/1"), "2026-03-01T10:00:00Z",
			map[string]any{"detector": "checkout", "version": "1", "expression": "$model_score > 900", "language": "DETECTORPL", "outcomes": []string{"block", "review"}},
			[]string{"checkout/high_risk/1 -in-> frauddetector/detector:checkout", "checkout/high_risk/1 -uses-> frauddetector/outcome:block",
				"checkout/high_risk/1 -uses-> frauddetector/outcome:review"}},
		{"model", []string{"TRANSACTION_FRAUD_INSIGHTS/payments", "ONLINE_FRAUD_INSIGHTS/signups", "ACCOUNT_TAKEOVER_INSIGHTS/logins"},
			"TRANSACTION_FRAUD_INSIGHTS/payments", "payments", arn("model/TRANSACTION_FRAUD_INSIGHTS/payments"), "2026-03-01T10:00:00Z",
			map[string]any{"model_type": "TRANSACTION_FRAUD_INSIGHTS", "event_type": "purchase", "last_updated": "2026-04-02T11:30:00Z"},
			[]string{"TRANSACTION_FRAUD_INSIGHTS/payments -uses-> frauddetector/event-type:purchase"}},
		{"model-version", []string{"TRANSACTION_FRAUD_INSIGHTS/payments/1.0", "TRANSACTION_FRAUD_INSIGHTS/payments/2.0", "TRANSACTION_FRAUD_INSIGHTS/payments/3.0",
			"ONLINE_FRAUD_INSIGHTS/signups/1.0", "ONLINE_FRAUD_INSIGHTS/signups/2.0"},
			"TRANSACTION_FRAUD_INSIGHTS/payments/3.0", "payments", arn("model/TRANSACTION_FRAUD_INSIGHTS/payments/3.0"), "2026-03-01T10:00:00Z",
			map[string]any{"model": "payments", "version": "3.0", "status": "ACTIVE", "training_data_source": "EXTERNAL_EVENTS",
				"data_location": "s3://fraud-training/2026/events.csv", "data_access_role": frauddetectorRole},
			[]string{"TRANSACTION_FRAUD_INSIGHTS/payments/3.0 -in-> frauddetector/model:TRANSACTION_FRAUD_INSIGHTS/payments",
				"TRANSACTION_FRAUD_INSIGHTS/payments/3.0 -assumes-role-> iam/role:fraud-training",
				"TRANSACTION_FRAUD_INSIGHTS/payments/3.0 -reads-from-> s3/bucket:fraud-training"}},
		{"external-model", []string{"xgb-fraud", "b", "c"}, "xgb-fraud", "xgb-fraud", arn("external-model/xgb-fraud"), "2026-03-01T10:00:00Z",
			map[string]any{"endpoint_status": "ASSOCIATED", "model_source": "SAGEMAKER", "invoke_role": frauddetectorRole, "event_type": "purchase",
				"input_format": "APPLICATION_JSON", "output_format": "APPLICATION_JSONLINES"},
			[]string{"xgb-fraud -invokes-> sagemaker/endpoint:xgb-fraud", "xgb-fraud -assumes-role-> iam/role:fraud-training", "xgb-fraud -uses-> frauddetector/event-type:purchase"}},
		{"event-type", []string{"purchase", "registration", "login"}, "purchase", "purchase", arn("event-type/purchase"), "2026-03-01T10:00:00Z",
			map[string]any{"entity_types": []string{"customer"}, "event_variables": []string{"email", "amount"}, "labels": []string{"fraud", "legit"},
				"event_ingestion": "ENABLED", "eventbridge_enabled": true, "stored_events": int64(12000), "stored_bytes": int64(4_500_000)},
			[]string{"purchase -uses-> frauddetector/entity-type:customer", "purchase -uses-> frauddetector/variable:email",
				"purchase -uses-> frauddetector/variable:amount", "purchase -uses-> frauddetector/label:fraud", "purchase -uses-> frauddetector/label:legit"}},
		{"event-type", []string{"purchase", "registration", "login"}, "registration", "registration", arn("event-type/registration"), "",
			map[string]any{"entity_types": []string{}, "event_ingestion": "DISABLED", "eventbridge_enabled": false, "stored_events": int64(0)}, nil},
		{"entity-type", []string{"customer", "merchant", "device"}, "merchant", "merchant", arn("entity-type/merchant"), "2026-03-01T10:00:00Z",
			map[string]any{"description": "the merchant", "last_updated": ""}, nil},
		{"variable", []string{"email", "amount", "ip"}, "email", "email", arn("variable/email"), "",
			map[string]any{"data_type": "STRING", "data_source": "EVENT", "variable_type": "EMAIL_ADDRESS", "default_value": "unknown@example.com"}, nil},
		{"label", []string{"fraud", "legit"}, "legit", "legit", arn("label/legit"), "", map[string]any{"last_updated": "2026-04-02T11:30:00Z"}, nil},
		{"outcome", []string{"approve", "block", "review"}, "review", "review", arn("outcome/review"), "", map[string]any{"description": "review the event"}, nil},
		{"allow-deny-list", []string{"blocked_emails", "trusted_ips", "vip"}, "trusted_ips", "trusted_ips", arn("list/trusted_ips"), "",
			map[string]any{"variable_type": "EMAIL_ADDRESS", "last_updated": "2026-04-02T11:30:00Z"}, nil},
	} {
		t.Run(tc.typ+"/"+tc.id, func(t *testing.T) {
			got := frauddetectorPaged.Run(t, cfg, collector.Service, tc.typ, frauddetectorRegion)
			if got.Err != nil {
				t.Fatal(got.Err)
			}
			collecttest.AssertNoWarnings(t, got)
			byID := got.ByID()
			if len(got.Resources) != len(tc.ids) {
				t.Errorf("%d resources, want %v: %v", len(got.Resources), tc.ids, byID)
			}
			for _, id := range tc.ids {
				if byID[id] == nil {
					t.Errorf("%s missing from %v", id, byID)
				}
			}
			r := byID[tc.id]
			if r == nil || r.Name != tc.name || r.ARN != tc.arn || r.CreatedAt != tc.created || r.Tags["arn"] != r.ARN || len(r.Tags) != 1 {
				t.Fatalf("%s: %+v", tc.id, r)
			}
			for k, v := range tc.details {
				if _, ok := r.Details[k]; !ok {
					t.Errorf("details[%s] missing: %v", k, r.Details)
				}
				if fmt.Sprint(r.Details[k]) != fmt.Sprint(v) || fmt.Sprintf("%T", r.Details[k]) != fmt.Sprintf("%T", v) {
					t.Errorf("details[%s] = %#v, want %#v", k, r.Details[k], v)
				}
			}
			collecttest.HasEdges(t, got, tc.edges...)
		})
	}
	// Every listing was walked page by page: the detectors over two pages
	// in each of the three collections that list them (no Shared in these
	// tests), checkout's versions over two pages in each detector
	// collection, its rules over two pages.
	for op, want := range map[string]int{"GetDetectors": 3 * 2, "DescribeDetector/checkout": 2 * 2, "GetRules/checkout": 2, "GetModels": 2 * 2,
		"DescribeModelVersions/payments": 2, "GetLabels": 2, "GetListsMetadata": 2} {
		if got := c.get(op); got != want {
			t.Errorf("%s called %d times, want %d", op, got, want)
		}
	}
}

func TestFrauddetectorEncryptionConfig(t *testing.T) {
	collecttest.Setup(t)
	for _, tc := range []struct {
		answer *types.KMSKey
		want   string
		edges  []string
	}{
		{&types.KMSKey{KmsEncryptionKeyArn: aws.String(frauddetectorKey)}, frauddetectorKey, []string{frauddetectorRegion + " -encrypted-with-> kms/key:0a1b2c3d-1111-2222-3333-444455556666"}},
		{&types.KMSKey{KmsEncryptionKeyArn: aws.String("DEFAULT")}, "", nil},
		{nil, "", nil},
	} {
		cfg := collecttest.ConfigWith(t, frauddetectorRegion, frauddetectorCanned(&frauddetectorCalls{n: map[string]int{}}, map[string]func(any) (any, error){
			"GetKMSEncryptionKey": func(any) (any, error) { return &frauddetector.GetKMSEncryptionKeyOutput{KmsKey: tc.answer}, nil },
		}))
		got := frauddetectorPaged.Run(t, cfg, collector.Service, "encryption-config", frauddetectorRegion)
		r := got.ByID()[frauddetectorRegion]
		if got.Err != nil || len(got.Resources) != 1 || r == nil || r.Details["kms_key"] != tc.want || len(got.Relationships) != len(tc.edges) {
			t.Fatalf("%v: %v, %+v, %v", tc.want, got.Err, r, got.Edges())
		}
		collecttest.HasEdges(t, got, tc.edges...)
	}
}

// A detail call failing otherwise than NotFound keeps the resource,
// without what that call would have said, and marks the collection partial.
func TestFrauddetectorDetailFailures(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, frauddetectorRegion, frauddetectorCanned(&frauddetectorCalls{n: map[string]int{}}, map[string]func(any) (any, error){
		"DescribeDetector":    collecttest.Denied("DescribeDetector"),
		"ListTagsForResource": collecttest.Denied("ListTagsForResource"),
	}))
	got := frauddetectorPaged.Run(t, cfg, collector.Service, "detector", frauddetectorRegion)
	if got.Err != nil || len(got.Resources) != 3 || len(got.Task.Warnings()) != 6 {
		t.Fatalf("want 3 detectors and 2 warnings each, got %v, %d, %v", got.Err, len(got.Resources), got.Task.Warnings())
	}
	r := got.ByID()["checkout"]
	if _, ok := r.Details["active_version"]; ok || len(r.Tags) != 0 || r.Details["event_type"] != "purchase" {
		t.Errorf("checkout: %+v", r)
	}
}

func TestFrauddetectorDenied(t *testing.T) {
	collecttest.Setup(t)
	listings := map[string][]string{
		"detector": {"GetDetectors"}, "detector-rule": {"GetDetectors", "GetRules"}, "model": {"GetModels"}, "model-version": {"GetModels", "DescribeModelVersions"},
		"external-model": {"GetExternalModels"}, "event-type": {"GetEventTypes"}, "entity-type": {"GetEntityTypes"}, "variable": {"GetVariables"},
		"label": {"GetLabels"}, "outcome": {"GetOutcomes"}, "allow-deny-list": {"GetListsMetadata"}, "encryption-config": {"GetKMSEncryptionKey"},
	}
	for _, typ := range collector.Service.Types {
		if len(listings[typ.Name]) == 0 {
			t.Errorf("no denied case for %s", typ.Name)
		}
		for _, op := range listings[typ.Name] {
			cfg := collecttest.ConfigWith(t, frauddetectorRegion, frauddetectorCanned(&frauddetectorCalls{n: map[string]int{}}, map[string]func(any) (any, error){op: collecttest.Denied(op)}))
			t.Run(typ.Name+"/"+op, func(t *testing.T) {
				collecttest.AssertDenied(t, frauddetectorPaged.Run(t, cfg, collector.Service, typ.Name, frauddetectorRegion))
			})
		}
	}
}
