package cloudformation

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudformation"
	"github.com/aws/aws-sdk-go-v2/service/cloudformation/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// stackSet is a listed stack set with DescribeStackSet's answer, nil when
// that failed.
type stackSet struct {
	types.StackSetSummary
	desc *types.StackSet
}

func hasStackSet(s stackSet) bool { return s.desc != nil }

var stackSetFields = collect.Fields[stackSet]{
	collect.Enum("status", "ACTIVE (deleted ones are skipped)", func(s stackSet) types.StackSetStatus { return s.Status }),
	collect.Enum("permission_model", "SELF_MANAGED (roles you create) or SERVICE_MANAGED (deployed by Organizations to OUs)",
		func(s stackSet) types.PermissionModels { return s.PermissionModel }),
	collect.Text("description", "description of the stack set", func(s stackSet) *string { return s.Description }),
	collect.Enum("drift_status", "DRIFTED, IN_SYNC, UNKNOWN or NOT_CHECKED", func(s stackSet) types.StackDriftStatus { return s.DriftStatus }),
	collect.Timestamp("drift_checked", "when drift was last detected", func(s stackSet) *time.Time { return s.LastDriftCheckTimestamp }),
	collect.Computed("auto_deployment", model.Boolean, "SERVICE_MANAGED: accounts joining the target OUs get the stacks", func(s stackSet) any {
		return s.AutoDeployment != nil && aws.ToBool(s.AutoDeployment.Enabled)
	}),
	collect.When(hasStackSet, collect.Text("administration_role_arn", "SELF_MANAGED: role the administrator account uses", func(s stackSet) *string {
		return s.desc.AdministrationRoleARN
	})),
	collect.When(hasStackSet, collect.Text("execution_role_name", "SELF_MANAGED: role assumed in each target account", func(s stackSet) *string {
		return s.desc.ExecutionRoleName
	})),
	collect.When(hasStackSet, collect.Computed("organizational_unit_ids", model.JSON, "SERVICE_MANAGED: OUs deployed to", func(s stackSet) any {
		return nonNil(s.desc.OrganizationalUnitIds)
	})),
	collect.When(hasStackSet, collect.Computed("capabilities", model.JSON, "acknowledged capabilities, e.g. CAPABILITY_IAM", func(s stackSet) any {
		out := []string{}
		for _, c := range s.desc.Capabilities {
			out = append(out, string(c))
		}
		return out
	})),
}

func nonNil(ss []string) []string {
	if ss == nil {
		return []string{}
	}
	return ss
}

// eachStackSet runs fn on every active stack set the account administers
// (self-managed ones, and the service-managed ones of a management
// account), concurrently; they are listed once for the stack-set and
// stack-instance types.
func eachStackSet(ctx context.Context, t *collect.Task, fn func(ctx context.Context, api *cloudformation.Client, s types.StackSetSummary)) error {
	api := cloudformation.NewFromConfig(t.Config)
	p := cloudformation.NewListStackSetsPaginator(api, &cloudformation.ListStackSetsInput{Status: types.StackSetStatusActive, MaxResults: t.PageSize(100)})
	list, err := collect.ReuseItems(ctx, t, "ListStackSets", p, func(page *cloudformation.ListStackSetsOutput) []types.StackSetSummary { return page.Summaries })
	collect.ForEach(ctx, list, func(ctx context.Context, s types.StackSetSummary) { fn(ctx, api, s) })
	return err
}

// stackSets describes each stack set for its roles, OUs, ARN and tags.
func stackSets(ctx context.Context, t *collect.Task) error {
	return eachStackSet(ctx, t, func(ctx context.Context, api *cloudformation.Client, s types.StackSetSummary) {
		set := stackSet{StackSetSummary: s}
		name := aws.ToString(s.StackSetName)
		r := &model.Resource{Key: t.Key("stack-set", name), Name: name, ARN: collect.ARN(t, "cloudformation", "", "stackset/"+aws.ToString(s.StackSetId))}
		out, err := api.DescribeStackSet(ctx, &cloudformation.DescribeStackSetInput{StackSetName: s.StackSetName})
		if err != nil {
			t.Warn("DescribeStackSet", err)
		} else if out.StackSet != nil {
			set.desc = out.StackSet
			if arn := aws.ToString(out.StackSet.StackSetARN); arn != "" {
				r.ARN = arn
			}
			r.Tags = collect.TagMap(out.StackSet.Tags, func(tg types.Tag) (*string, *string) { return tg.Key, tg.Value })
			t.Relate(r.Key, "assumes-role", t.Role(aws.ToString(out.StackSet.AdministrationRoleARN)))
		}
		r.Details = stackSetFields.Details(set)
		t.Emit(r)
	})
}

var stackInstanceFields = collect.Fields[types.StackInstanceSummary]{
	collect.Text("account", "account the stack is deployed in", func(i types.StackInstanceSummary) *string { return i.Account }),
	collect.Text("region", "region the stack is deployed in", func(i types.StackInstanceSummary) *string { return i.Region }),
	collect.Text("organizational_unit_id", "SERVICE_MANAGED: OU the account was targeted through", func(i types.StackInstanceSummary) *string { return i.OrganizationalUnitId }),
	collect.Enum("status", "CURRENT, OUTDATED (last operation failed or not yet run) or INOPERABLE", func(i types.StackInstanceSummary) types.StackInstanceStatus { return i.Status }),
	collect.Enum("detailed_status", "PENDING, RUNNING, SUCCEEDED, FAILED, CANCELLED, INOPERABLE, SKIPPED_SUSPENDED_ACCOUNT, ...",
		func(i types.StackInstanceSummary) types.StackInstanceDetailedStatus {
			if i.StackInstanceStatus == nil {
				return ""
			}
			return i.StackInstanceStatus.DetailedStatus
		}),
	collect.Text("status_reason", "why the instance is in its status", func(i types.StackInstanceSummary) *string { return i.StatusReason }),
	collect.Enum("drift_status", "DRIFTED, IN_SYNC, UNKNOWN or NOT_CHECKED", func(i types.StackInstanceSummary) types.StackDriftStatus { return i.DriftStatus }),
	collect.Text("stack_id", "ARN of the stack in the target account and region", func(i types.StackInstanceSummary) *string { return i.StackId }),
}

// stackInstances lists the stacks each stack set deployed (id = stack set
// name/account/region).
func stackInstances(ctx context.Context, t *collect.Task) error {
	return eachStackSet(ctx, t, func(ctx context.Context, api *cloudformation.Client, s types.StackSetSummary) {
		set := aws.ToString(s.StackSetName)
		p := cloudformation.NewListStackInstancesPaginator(api, &cloudformation.ListStackInstancesInput{StackSetName: s.StackSetName, MaxResults: t.PageSize(100)})
		t.Warn("ListStackInstances", collect.EachPage(ctx, p, func(page *cloudformation.ListStackInstancesOutput) error {
			for _, i := range page.Summaries {
				key := t.Key("stack-instance", set+"/"+aws.ToString(i.Account)+"/"+aws.ToString(i.Region))
				t.Emit(&model.Resource{Key: key, ARN: aws.ToString(i.StackId), Name: set, Details: stackInstanceFields.Details(i)})
				t.Relate(key, "member-of", t.Key("stack-set", set))
			}
			return nil
		}))
	})
}
