// Package xray collects X-Ray groups, sampling rules, resource policies and
// each region's encryption configuration.
package xray

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/xray"
	"github.com/aws/aws-sdk-go-v2/service/xray/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the X-Ray collector.
var Service = &collect.Service{
	Name:        "xray",
	Description: "X-Ray groups, sampling rules, resource policies and encryption configuration",
	Types: []collect.Type{
		{Name: "group", Description: "X-Ray group: a filter expression over traces (id = name); the built-in Default group is skipped",
			Fields: groupFields.Declared(), Tags: collect.TagsPerResource, Collect: groups, DetailCalls: 1},
		{Name: "sampling-rule", Description: "X-Ray sampling rule (id = name); the built-in Default rule is skipped", Fields: ruleFields.Declared(),
			Tags: collect.TagsPerResource, Collect: samplingRules, DetailCalls: 1},
		{Name: "resource-policy", Description: "X-Ray resource policy letting services send traces (id = policy name)", Fields: policyFields.Declared(),
			Tags: collect.NotTaggable, Collect: resourcePolicies},
		{Name: "encryption-config", Description: "how X-Ray encrypts the region's traces (one per region, id = region)", Fields: encryptionFields.Declared(),
			Tags: collect.NotTaggable, Collect: encryptionConfig},
	},
	Calls: "group: GetGroups + per group ListTagsForResource. sampling-rule: GetSamplingRules + per rule ListTagsForResource. " +
		"resource-policy: ListResourcePolicies. encryption-config: GetEncryptionConfig",
	Relations: []collect.Relation{
		{From: "encryption-config", Kind: "encrypted-with", To: "kms/key"},
	},
}

// builtin is the name of the group and of the sampling rule every region has.
const builtin = "Default"

// tags pages through a resource's tags; a failure is a warning.
func tags(ctx context.Context, t *collect.Task, api *xray.Client, arn *string) map[string]string {
	out := map[string]string{}
	p := xray.NewListTagsForResourcePaginator(api, &xray.ListTagsForResourceInput{ResourceARN: arn})
	t.Warn("ListTagsForResource", collect.EachPage(ctx, p, func(page *xray.ListTagsForResourceOutput) error {
		for _, tg := range page.Tags {
			out[aws.ToString(tg.Key)] = aws.ToString(tg.Value)
		}
		return nil
	}))
	return out
}

func insights(g types.GroupSummary) types.InsightsConfiguration {
	if g.InsightsConfiguration == nil {
		return types.InsightsConfiguration{}
	}
	return *g.InsightsConfiguration
}

var groupFields = collect.Fields[types.GroupSummary]{
	collect.Text("filter_expression", "traces the group holds", func(g types.GroupSummary) *string { return g.FilterExpression }),
	collect.Computed("insights_enabled", model.Boolean, "X-Ray Insights analyses the group", func(g types.GroupSummary) any { return aws.ToBool(insights(g).InsightsEnabled) }),
	collect.Computed("notifications_enabled", model.Boolean, "Insights notifications go to EventBridge", func(g types.GroupSummary) any {
		return aws.ToBool(insights(g).NotificationsEnabled)
	}),
}

func groups(ctx context.Context, t *collect.Task) error {
	api := xray.NewFromConfig(t.Config)
	p := xray.NewGetGroupsPaginator(api, &xray.GetGroupsInput{})
	return collect.EachItem(ctx, p, func(page *xray.GetGroupsOutput) []types.GroupSummary { return page.Groups },
		func(ctx context.Context, g types.GroupSummary) {
			name := aws.ToString(g.GroupName)
			if name == builtin {
				return
			}
			t.Emit(&model.Resource{Key: t.Key("group", name), Name: name, ARN: aws.ToString(g.GroupARN), Tags: tags(ctx, t, api, g.GroupARN),
				Details: groupFields.Details(g)})
		})
}

func rule(r types.SamplingRuleRecord) types.SamplingRule {
	if r.SamplingRule == nil {
		return types.SamplingRule{}
	}
	return *r.SamplingRule
}

var ruleFields = collect.Fields[types.SamplingRuleRecord]{
	collect.Computed("priority", model.Integer, "rules are matched in ascending priority", func(r types.SamplingRuleRecord) any { return int64(aws.ToInt32(rule(r).Priority)) }),
	collect.Computed("fixed_rate", model.Real, "share of matching requests traced beyond the reservoir (0 to 1)", func(r types.SamplingRuleRecord) any { return rule(r).FixedRate }),
	collect.Computed("reservoir_size", model.Integer, "requests a second traced before the fixed rate applies", func(r types.SamplingRuleRecord) any { return int64(rule(r).ReservoirSize) }),
	collect.Computed("service_name", model.Text, "service matched (* for any)", func(r types.SamplingRuleRecord) any { return aws.ToString(rule(r).ServiceName) }),
	collect.Computed("service_type", model.Text, "service type matched, e.g. AWS::EC2::Instance", func(r types.SamplingRuleRecord) any { return aws.ToString(rule(r).ServiceType) }),
	collect.Computed("host", model.Text, "host name matched", func(r types.SamplingRuleRecord) any { return aws.ToString(rule(r).Host) }),
	collect.Computed("http_method", model.Text, "HTTP method matched", func(r types.SamplingRuleRecord) any { return aws.ToString(rule(r).HTTPMethod) }),
	collect.Computed("url_path", model.Text, "URL path matched", func(r types.SamplingRuleRecord) any { return aws.ToString(rule(r).URLPath) }),
	collect.Timestamp("modified", "last change", func(r types.SamplingRuleRecord) *time.Time { return r.ModifiedAt }),
}

func samplingRules(ctx context.Context, t *collect.Task) error {
	api := xray.NewFromConfig(t.Config)
	p := xray.NewGetSamplingRulesPaginator(api, &xray.GetSamplingRulesInput{})
	return collect.EachItem(ctx, p, func(page *xray.GetSamplingRulesOutput) []types.SamplingRuleRecord { return page.SamplingRuleRecords },
		func(ctx context.Context, r types.SamplingRuleRecord) {
			name := aws.ToString(rule(r).RuleName)
			if name == builtin {
				return
			}
			t.Emit(&model.Resource{Key: t.Key("sampling-rule", name), Name: name, ARN: aws.ToString(rule(r).RuleARN), CreatedAt: model.Time(r.CreatedAt),
				Tags: tags(ctx, t, api, rule(r).RuleARN), Details: ruleFields.Details(r)})
		})
}

var policyFields = collect.Fields[types.ResourcePolicy]{
	collect.Computed("policy", model.JSON, "the policy document: which services may send traces", func(p types.ResourcePolicy) any {
		return collect.PolicyJSON(aws.ToString(p.PolicyDocument))
	}),
	collect.Timestamp("last_updated", "last change", func(p types.ResourcePolicy) *time.Time { return p.LastUpdatedTime }),
}

func resourcePolicies(ctx context.Context, t *collect.Task) error {
	p := xray.NewListResourcePoliciesPaginator(xray.NewFromConfig(t.Config), &xray.ListResourcePoliciesInput{})
	return collect.EachPage(ctx, p, func(page *xray.ListResourcePoliciesOutput) error {
		for _, pol := range page.ResourcePolicies {
			name := aws.ToString(pol.PolicyName)
			t.Emit(&model.Resource{Key: t.Key("resource-policy", name), Name: name, Details: policyFields.Details(pol)})
		}
		return nil
	})
}

var encryptionFields = collect.Fields[types.EncryptionConfig]{
	collect.Enum("type", "NONE (X-Ray's own keys) or KMS (a customer managed key)", func(c types.EncryptionConfig) types.EncryptionType { return c.Type }),
	collect.Enum("status", "ACTIVE or UPDATING", func(c types.EncryptionConfig) types.EncryptionStatus { return c.Status }),
	collect.Text("key_id", "KMS key of the KMS type", func(c types.EncryptionConfig) *string { return c.KeyId }),
}

func encryptionConfig(ctx context.Context, t *collect.Task) error {
	out, err := xray.NewFromConfig(t.Config).GetEncryptionConfig(ctx, &xray.GetEncryptionConfigInput{})
	if err != nil {
		return err
	}
	if out.EncryptionConfig == nil {
		return nil
	}
	c := *out.EncryptionConfig
	key := t.Key("encryption-config", t.Region)
	t.Emit(&model.Resource{Key: key, Name: t.Region, Details: encryptionFields.Details(c)})
	t.Relate(key, "encrypted-with", t.KMSKey(aws.ToString(c.KeyId)))
	return nil
}
