// Package fms collects AWS Firewall Manager policies. Only the Firewall
// Manager administrator account can list them: elsewhere the collection
// is recorded unsupported (not the administrator), not a failure.
package fms

import (
	"context"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/fms"
	"github.com/aws/aws-sdk-go-v2/service/fms/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the Firewall Manager collector.
var Service = &collect.Service{
	Name:        "fms",
	Description: "AWS Firewall Manager policies (administrator account only)",
	Types: []collect.Type{
		{Name: "policy", Description: "Firewall Manager policy (id = policy id) enforcing WAF, Shield, security group or firewall rules across accounts",
			Fields: policyFields.Declared(), Tags: collect.TagsPerResource, Collect: policies, DetailCalls: 1},
	},
	Calls: "policy: ListPolicies + per policy ListTagsForResource",
}

var policyFields = collect.Fields[types.PolicySummary]{
	collect.Enum("security_service_type", "WAFV2, SHIELD_ADVANCED, SECURITY_GROUPS_COMMON, NETWORK_FIREWALL, DNS_FIREWALL, ...",
		func(p types.PolicySummary) types.SecurityServiceType { return p.SecurityServiceType }),
	collect.Text("resource_type", "resource type the policy applies to (AWS::ElasticLoadBalancingV2::LoadBalancer, ResourceTypeList...)",
		func(p types.PolicySummary) *string { return p.ResourceType }),
	collect.Computed("remediation_enabled", model.Boolean, "non-compliant resources are fixed automatically", func(p types.PolicySummary) any { return p.RemediationEnabled }),
	collect.Computed("delete_unused_resources", model.Boolean, "Firewall Manager deletes the resources it created once out of scope", func(p types.PolicySummary) any {
		return p.DeleteUnusedFMManagedResources
	}),
	collect.Enum("status", "ACTIVE or OUT_OF_ADMIN_SCOPE", func(p types.PolicySummary) types.CustomerPolicyStatus { return p.PolicyStatus }),
}

// notAdmin is the answer to an account that is not the administrator.
func notAdmin(err error) error {
	if awsx.Classify(err) == awsx.Denied && strings.Contains(awsx.ErrorMessage(err), "only available to Administration account") {
		return &awsx.NotApplicableError{Reason: "the account is not the Firewall Manager administrator"}
	}
	return err
}

func policies(ctx context.Context, t *collect.Task) error {
	api := fms.NewFromConfig(t.Config)
	p := fms.NewListPoliciesPaginator(api, &fms.ListPoliciesInput{MaxResults: t.PageSize(100)})
	return notAdmin(collect.EachItem(ctx, p, func(page *fms.ListPoliciesOutput) []types.PolicySummary { return page.PolicyList },
		func(ctx context.Context, s types.PolicySummary) {
			r := &model.Resource{Key: t.Key("policy", aws.ToString(s.PolicyId)), Name: aws.ToString(s.PolicyName), ARN: aws.ToString(s.PolicyArn),
				Details: policyFields.Details(s)}
			if out, err := api.ListTagsForResource(ctx, &fms.ListTagsForResourceInput{ResourceArn: s.PolicyArn}); err != nil {
				t.Warn("ListTagsForResource", err)
			} else {
				r.Tags = collect.TagMap(out.TagList, func(tg types.Tag) (*string, *string) { return tg.Key, tg.Value })
			}
			t.Emit(r)
		}))
}
