// Package cloudformation collects CloudFormation stacks, stack sets and
// their stack instances.
package cloudformation

import (
	"context"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudformation"
	"github.com/aws/aws-sdk-go-v2/service/cloudformation/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the CloudFormation collector.
var Service = &collect.Service{
	Name:        "cloudformation",
	Description: "CloudFormation stacks, stack sets and stack instances",
	Types: []collect.Type{
		{Name: "stack", Description: "CloudFormation stack, deleted ones excluded (id = stack name)", Fields: stackFields.Declared(), Tags: collect.TagsListed, Collect: stacks},
		{Name: "stack-set", Description: "stack set administered from this account, self-managed or service-managed (id = name; deleted ones skipped)",
			Fields: stackSetFields.Declared(), Tags: collect.TagsListed, Collect: stackSets, DetailCalls: 1},
		{Name: "stack-instance", Description: "stack a stack set deployed to an account and region (id = stack set/account/region)",
			Fields: stackInstanceFields.Declared(), Tags: collect.NotTaggable, Collect: stackInstances, DetailCalls: 1},
	},
	Calls: "stack: 1 paged list/describe. ListStackSets once for stack-set and stack-instance; stack-set: per stack set DescribeStackSet. " +
		"stack-instance: per stack set ListStackInstances",
	Relations: []collect.Relation{
		{From: "stack-set", Kind: "assumes-role", To: "iam/role"},
		{From: "stack-instance", Kind: "member-of", To: "cloudformation/stack-set"},
		{From: "stack", Kind: "assumes-role", To: "iam/role"},
		{From: "stack", Kind: "member-of", To: "cloudformation/stack"},
	},
}

func hasDrift(s types.Stack) bool { return s.DriftInformation != nil }

var stackFields = collect.Fields[types.Stack]{
	collect.Enum("status", "stack status, e.g. CREATE_COMPLETE, UPDATE_ROLLBACK_FAILED", func(s types.Stack) types.StackStatus { return s.StackStatus }),
	collect.Text("status_reason", "why the stack is in its status", func(s types.Stack) *string { return s.StackStatusReason }),
	collect.Text("description", "template description", func(s types.Stack) *string { return s.Description }),
	collect.Timestamp("last_updated", "last successful or attempted update", func(s types.Stack) *time.Time { return s.LastUpdatedTime }),
	collect.When(hasDrift, collect.Enum("drift_status", "DRIFTED, IN_SYNC, UNKNOWN or NOT_CHECKED", func(s types.Stack) types.StackDriftStatus {
		return s.DriftInformation.StackDriftStatus
	})),
	collect.When(hasDrift, collect.Timestamp("drift_checked", "when drift was last detected", func(s types.Stack) *time.Time {
		return s.DriftInformation.LastCheckTimestamp
	})),
	collect.Bool("termination_protection", "the stack cannot be deleted until protection is removed", func(s types.Stack) *bool { return s.EnableTerminationProtection }),
	collect.Text("role_arn", "service role CloudFormation uses for stack operations", func(s types.Stack) *string { return s.RoleARN }),
	collect.Computed("capabilities", model.JSON, "acknowledged capabilities, e.g. CAPABILITY_IAM", func(s types.Stack) any {
		var caps []string // nil (JSON null) when none
		for _, c := range s.Capabilities {
			caps = append(caps, string(c))
		}
		return caps
	}),
	collect.Computed("parameter_names", model.JSON, "template parameter names (values are never stored)", func(s types.Stack) any {
		params := make([]string, 0, len(s.Parameters))
		for _, p := range s.Parameters {
			params = append(params, aws.ToString(p.ParameterKey))
		}
		return params
	}),
	collect.Computed("outputs_count", model.Integer, "number of stack outputs", func(s types.Stack) any { return len(s.Outputs) }),
	collect.Text("parent_id", "ARN of the parent stack, for nested stacks", func(s types.Stack) *string { return s.ParentId }),
	collect.Text("root_id", "ARN of the top-level stack, for nested stacks", func(s types.Stack) *string { return s.RootId }),
}

func stacks(ctx context.Context, t *collect.Task) error {
	// DescribeStacks without a name lists live stacks only (no DELETE_COMPLETE).
	p := cloudformation.NewDescribeStacksPaginator(cloudformation.NewFromConfig(t.Config), &cloudformation.DescribeStacksInput{})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return err
		}
		for _, s := range page.Stacks {
			if s.StackStatus != types.StackStatusDeleteComplete {
				emitStack(t, s)
			}
		}
	}
	return nil
}

func emitStack(t *collect.Task, s types.Stack) {
	name := aws.ToString(s.StackName)
	parent := aws.ToString(s.ParentId)
	key := t.Key("stack", name)
	t.Emit(&model.Resource{
		Key:       key,
		ARN:       aws.ToString(s.StackId),
		Name:      name,
		CreatedAt: model.Time(s.CreationTime),
		Tags:      collect.TagMap(s.Tags, func(tg types.Tag) (*string, *string) { return tg.Key, tg.Value }),
		Details:   stackFields.Details(s),
	})
	if role := aws.ToString(s.RoleARN); role != "" {
		t.Relate(key, "assumes-role", t.Role(role))
	}
	t.Relate(key, "member-of", t.Key("stack", stackName(parent)))
}

// stackName extracts NAME from arn:aws:cloudformation:r:a:stack/NAME/guid.
func stackName(arn string) string {
	_, res, ok := strings.Cut(arn, ":stack/")
	if !ok {
		return arn
	}
	name, _, _ := strings.Cut(res, "/")
	return name
}
