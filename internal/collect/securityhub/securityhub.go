// Package securityhub collects the Security Hub hub of each region and what
// belongs to it. A region whose account is not subscribed has no hub: its
// collections are recorded unsupported with the code NotEnabled, which
// audits read as "not enabled", not as a gap.
package securityhub

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/securityhub"
	"github.com/aws/aws-sdk-go-v2/service/securityhub/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the Security Hub collector.
var Service = &collect.Service{
	Name:        "securityhub",
	Description: "Security Hub hubs, standards and product subscriptions, automation rules, finding aggregators, members, custom actions and insights",
	Types: []collect.Type{
		// Hub tags need ListTagsForResource, one more call per region for
		// a resource rarely tagged: not read.
		{Name: "hub", Description: "the Security Hub hub of the region (id = default); not subscribed: the collection is unsupported, code NotEnabled",
			Fields: hubFields.Declared(), Tags: collect.NotTaggable, Collect: hubs, DetailCalls: 1},
		{Name: "standard-subscription", Description: "standard the hub checks (id = standard/v/version, e.g. cis-aws-foundations-benchmark/v/1.4.0)",
			Fields: standardFields.Declared(), Tags: collect.NotTaggable, Collect: standardSubscriptions},
		{Name: "product-subscription", Description: "integration whose findings the hub imports (id = company/product, e.g. aws/guardduty)",
			Tags: collect.NotTaggable, Collect: productSubscriptions},
		{Name: "automation-rule", Description: "automation rule (id = rule id) that updates or suppresses matching findings",
			Fields: ruleFields.Declared(), Tags: collect.TagsPerResource, Collect: automationRules, DetailCalls: 1},
		{Name: "finding-aggregator", Description: "cross-region aggregation of findings into this region (id = aggregator id)",
			Fields: aggregatorFields.Declared(), Tags: collect.NotTaggable, Collect: findingAggregators, DetailCalls: 1},
		{Name: "member", Description: "member account of the Security Hub administrator (id = account id); the email is not stored",
			Fields: memberFields.Declared(), Tags: collect.NotTaggable, Collect: members},
		{Name: "action-target", Description: "custom action (id = action id) that sends chosen findings to EventBridge", Fields: actionTargetFields.Declared(),
			Tags: collect.NotTaggable, Collect: actionTargets},
		{Name: "insight", Description: "custom insight (id = account/insight id): a saved, grouped finding filter; managed insights skipped",
			Fields: insightFields.Declared(), Tags: collect.NotTaggable, Collect: insights},
	},
	Calls: "GetEnabledStandards (paged) once for hub and standard-subscription; hub: DescribeHub. product-subscription: ListEnabledProductsForImport. " +
		"automation-rule: ListAutomationRules + per rule ListTagsForResource. finding-aggregator: ListFindingAggregators + per aggregator GetFindingAggregator. member: ListMembers. " +
		"action-target: DescribeActionTargets. insight: GetInsights (custom insights)",
}

// hub is DescribeHub's answer with the hub's standards subscriptions.
type hub struct {
	*securityhub.DescribeHubOutput
	standards []types.StandardsSubscription
}

// hasStandards is false when GetEnabledStandards failed: they are unknown.
func hasStandards(h hub) bool { return h.standards != nil }

var hubFields = collect.Fields[hub]{
	collect.Bool("auto_enable_controls", "new controls of enabled standards are turned on automatically", func(h hub) *bool { return h.AutoEnableControls }),
	collect.Enum("control_finding_generator", "SECURITY_CONTROL (consolidated control findings) or STANDARD_CONTROL (one finding per standard)",
		func(h hub) types.ControlFindingGenerator { return h.ControlFindingGenerator }),
	collect.When(hasStandards, collect.Computed("standards", model.JSON, "standards subscribed to: ARN of the standard and status (READY, PENDING, INCOMPLETE, FAILED, DELETING)",
		func(h hub) any {
			out := make([]map[string]string, 0, len(h.standards))
			for _, s := range h.standards {
				out = append(out, map[string]string{"arn": aws.ToString(s.StandardsArn), "status": string(s.StandardsStatus)})
			}
			return out
		})),
	collect.When(hasStandards, collect.Computed("standards_count", model.Integer, "number of standards subscribed to", func(h hub) any { return len(h.standards) })),
}

func hubs(ctx context.Context, t *collect.Task) error {
	api := securityhub.NewFromConfig(t.Config)
	out, err := api.DescribeHub(ctx, &securityhub.DescribeHubInput{})
	if notSubscribed(err) {
		return awsx.NotEnabled("DescribeHub", "Security Hub", t.Region)
	}
	if err != nil {
		return err
	}
	h := hub{DescribeHubOutput: out}
	if standards, err := enabledStandards(ctx, t, api); err != nil {
		t.Warn("GetEnabledStandards", err)
	} else {
		h.standards = append([]types.StandardsSubscription{}, standards...) // not nil: known, even when none
	}
	arn := aws.ToString(out.HubArn)
	if arn == "" {
		arn = collect.ARN(t, "securityhub", "", "hub/default")
	}
	t.Emit(&model.Resource{Key: t.Key("hub", collect.ARNResourceName(arn)), ARN: arn,
		CreatedAt: collect.TimeText(out.SubscribedAt), Details: hubFields.Details(h)})
	return nil
}

// enabledStandards are the hub's standards subscriptions, listed once for
// the hub and standard-subscription types.
func enabledStandards(ctx context.Context, t *collect.Task, api *securityhub.Client) ([]types.StandardsSubscription, error) {
	p := securityhub.NewGetEnabledStandardsPaginator(api, &securityhub.GetEnabledStandardsInput{MaxResults: t.PageSize(100)})
	return collect.ReuseItems(ctx, t, "GetEnabledStandards", p, func(page *securityhub.GetEnabledStandardsOutput) []types.StandardsSubscription {
		return page.StandardsSubscriptions
	})
}

// notSubscribed reports whether err is Security Hub's answer for an account
// not subscribed in the region (InvalidAccessException).
func notSubscribed(err error) bool {
	return awsx.ErrorCode(err) == "InvalidAccessException"
}
