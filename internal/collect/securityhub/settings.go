package securityhub

import (
	"context"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/securityhub"
	"github.com/aws/aws-sdk-go-v2/service/securityhub/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// The types below belong to the hub: in a region without one, each is
// NotEnabled as the hub is.

// hubOff maps the answer of a region without a hub to NotEnabled.
func hubOff(t *collect.Task, err error) error {
	if notSubscribed(err) {
		return awsx.NotEnabled(awsx.Operation(err), "Security Hub", t.Region)
	}
	return err
}

// afterPrefix is what follows prefix in an ARN's resource part
// (subscription/cis-aws-foundations-benchmark/v/1.4.0 ->
// cis-aws-foundations-benchmark/v/1.4.0); the last segment when absent.
func afterPrefix(arn, prefix string) string {
	if _, rest, ok := strings.Cut(arn, ":"+prefix); ok {
		return rest
	}
	return collect.ARNResourceName(arn)
}

var standardFields = collect.Fields[types.StandardsSubscription]{
	collect.Text("standards_arn", "the standard (CIS, AWS Foundational Security Best Practices, PCI DSS, NIST...)", func(s types.StandardsSubscription) *string { return s.StandardsArn }),
	collect.Enum("status", "PENDING, READY, FAILED, DELETING or INCOMPLETE", func(s types.StandardsSubscription) types.StandardsStatus { return s.StandardsStatus }),
	collect.Computed("status_reason", model.Text, "why the status is not READY (NO_AVAILABLE_CONFIGURATION_RECORDER, INTERNAL_ERROR...)", func(s types.StandardsSubscription) any {
		if s.StandardsStatusReason == nil {
			return ""
		}
		return string(s.StandardsStatusReason.StatusReasonCode)
	}),
	collect.Enum("controls_updatable", "READY_FOR_UPDATES or NOT_READY_FOR_UPDATES", func(s types.StandardsSubscription) types.StandardsControlsUpdatable {
		return s.StandardsControlsUpdatable
	}),
}

func standardSubscriptions(ctx context.Context, t *collect.Task) error {
	standards, err := enabledStandards(ctx, t, securityhub.NewFromConfig(t.Config))
	for _, s := range standards {
		arn := aws.ToString(s.StandardsSubscriptionArn)
		id := afterPrefix(arn, "subscription/")
		t.Emit(&model.Resource{Key: t.Key("standard-subscription", id), Name: id, ARN: arn, Details: standardFields.Details(s)})
	}
	return hubOff(t, err)
}

func productSubscriptions(ctx context.Context, t *collect.Task) error {
	p := securityhub.NewListEnabledProductsForImportPaginator(securityhub.NewFromConfig(t.Config), &securityhub.ListEnabledProductsForImportInput{MaxResults: t.PageSize(100)})
	return hubOff(t, collect.EachPage(ctx, p, func(page *securityhub.ListEnabledProductsForImportOutput) error {
		for _, arn := range page.ProductSubscriptions {
			id := afterPrefix(arn, "product-subscription/")
			t.Emit(&model.Resource{Key: t.Key("product-subscription", id), Name: id, ARN: arn})
		}
		return nil
	}))
}

var ruleFields = collect.Fields[types.AutomationRulesMetadata]{
	collect.Enum("status", "ENABLED or DISABLED", func(r types.AutomationRulesMetadata) types.RuleStatus { return r.RuleStatus }),
	collect.Int("rule_order", "order in which rules apply (lower first)", func(r types.AutomationRulesMetadata) *int32 { return r.RuleOrder }),
	collect.Bool("is_terminal", "no later rule applies to a finding this rule matched", func(r types.AutomationRulesMetadata) *bool { return r.IsTerminal }),
	collect.Text("description", "rule description", func(r types.AutomationRulesMetadata) *string { return r.Description }),
	collect.Text("created_by", "principal that created the rule", func(r types.AutomationRulesMetadata) *string { return r.CreatedBy }),
	collect.Timestamp("updated_at", "last change of the rule", func(r types.AutomationRulesMetadata) *time.Time { return r.UpdatedAt }),
}

// automationRules pages ListAutomationRules by hand: the SDK has no
// paginator for it.
func automationRules(ctx context.Context, t *collect.Task) error {
	api := securityhub.NewFromConfig(t.Config)
	in := &securityhub.ListAutomationRulesInput{MaxResults: t.PageSize(100)}
	for {
		page, err := api.ListAutomationRules(ctx, in)
		if err != nil {
			return hubOff(t, err)
		}
		collect.ForEach(ctx, page.AutomationRulesMetadata, func(ctx context.Context, r types.AutomationRulesMetadata) {
			arn := aws.ToString(r.RuleArn)
			r2 := &model.Resource{Key: t.Key("automation-rule", afterPrefix(arn, "automation-rule/")), Name: aws.ToString(r.RuleName), ARN: arn,
				CreatedAt: model.Time(r.CreatedAt), Details: ruleFields.Details(r)}
			out, err := api.ListTagsForResource(ctx, &securityhub.ListTagsForResourceInput{ResourceArn: r.RuleArn})
			if err != nil {
				t.Warn("ListTagsForResource", err)
			} else {
				r2.Tags = out.Tags
			}
			t.Emit(r2)
		})
		if aws.ToString(page.NextToken) == "" {
			return nil
		}
		in.NextToken = page.NextToken
	}
}

var aggregatorFields = collect.Fields[*securityhub.GetFindingAggregatorOutput]{
	collect.Text("aggregation_region", "region findings are aggregated into", func(a *securityhub.GetFindingAggregatorOutput) *string { return a.FindingAggregationRegion }),
	collect.Text("region_linking_mode", "ALL_REGIONS, ALL_REGIONS_EXCEPT_SPECIFIED, SPECIFIED_REGIONS or NO_REGIONS", func(a *securityhub.GetFindingAggregatorOutput) *string {
		return a.RegionLinkingMode
	}),
	collect.Computed("regions", model.JSON, "regions included or excluded, as the linking mode says", func(a *securityhub.GetFindingAggregatorOutput) any {
		if a.Regions == nil {
			return []string{}
		}
		return a.Regions
	}),
}

func findingAggregators(ctx context.Context, t *collect.Task) error {
	api := securityhub.NewFromConfig(t.Config)
	p := securityhub.NewListFindingAggregatorsPaginator(api, &securityhub.ListFindingAggregatorsInput{MaxResults: t.PageSize(100)})
	return hubOff(t, collect.EachItem(ctx, p, func(page *securityhub.ListFindingAggregatorsOutput) []types.FindingAggregator {
		return page.FindingAggregators
	},
		func(ctx context.Context, a types.FindingAggregator) {
			arn := aws.ToString(a.FindingAggregatorArn)
			r := &model.Resource{Key: t.Key("finding-aggregator", afterPrefix(arn, "finding-aggregator/")), ARN: arn}
			if out, err := api.GetFindingAggregator(ctx, &securityhub.GetFindingAggregatorInput{FindingAggregatorArn: a.FindingAggregatorArn}); err != nil {
				t.Warn("GetFindingAggregator", err)
			} else {
				r.Details = aggregatorFields.Details(out)
			}
			t.Emit(r)
		}))
}

var memberFields = collect.Fields[types.Member]{
	collect.Text("member_status", "Created, Invited, Enabled, Removed, Resigned, Deleted, AccountSuspended", func(m types.Member) *string { return m.MemberStatus }),
	collect.Text("administrator_id", "the Security Hub administrator account", func(m types.Member) *string { return m.AdministratorId }),
	collect.Timestamp("invited_at", "when the invitation was sent, if any", func(m types.Member) *time.Time { return m.InvitedAt }),
	collect.Timestamp("updated_at", "last change of the membership", func(m types.Member) *time.Time { return m.UpdatedAt }),
}

func members(ctx context.Context, t *collect.Task) error {
	p := securityhub.NewListMembersPaginator(securityhub.NewFromConfig(t.Config), &securityhub.ListMembersInput{MaxResults: t.PageSize(50), OnlyAssociated: aws.Bool(false)})
	return hubOff(t, collect.EachPage(ctx, p, func(page *securityhub.ListMembersOutput) error {
		for _, m := range page.Members {
			t.Emit(&model.Resource{Key: t.Key("member", aws.ToString(m.AccountId)), Details: memberFields.Details(m)})
		}
		return nil
	}))
}

var actionTargetFields = collect.Fields[types.ActionTarget]{
	collect.Text("description", "what the custom action does (the EventBridge rules it triggers decide)", func(a types.ActionTarget) *string { return a.Description }),
}

func actionTargets(ctx context.Context, t *collect.Task) error {
	p := securityhub.NewDescribeActionTargetsPaginator(securityhub.NewFromConfig(t.Config), &securityhub.DescribeActionTargetsInput{MaxResults: t.PageSize(100)})
	return hubOff(t, collect.EachPage(ctx, p, func(page *securityhub.DescribeActionTargetsOutput) error {
		for _, a := range page.ActionTargets {
			arn := aws.ToString(a.ActionTargetArn)
			t.Emit(&model.Resource{Key: t.Key("action-target", afterPrefix(arn, "action/custom/")), Name: aws.ToString(a.Name), ARN: arn,
				Details: actionTargetFields.Details(a)})
		}
		return nil
	}))
}

var insightFields = collect.Fields[types.Insight]{
	collect.Text("group_by", "finding attribute the insight groups by (ResourceId, Type...)", func(i types.Insight) *string { return i.GroupByAttribute }),
}

func insights(ctx context.Context, t *collect.Task) error {
	p := securityhub.NewGetInsightsPaginator(securityhub.NewFromConfig(t.Config), &securityhub.GetInsightsInput{MaxResults: t.PageSize(100)})
	return hubOff(t, collect.EachPage(ctx, p, func(page *securityhub.GetInsightsOutput) error {
		for _, i := range page.Insights {
			arn := aws.ToString(i.InsightArn)
			t.Emit(&model.Resource{Key: t.Key("insight", afterPrefix(arn, "insight/")), Name: aws.ToString(i.Name), ARN: arn, Details: insightFields.Details(i)})
		}
		return nil
	}))
}
