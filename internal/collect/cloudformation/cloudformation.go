// Package cloudformation collects CloudFormation stacks, stack sets and
// their stack instances.
package cloudformation

import (
	"context"
	"strings"

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
		{Name: "stack", Description: "CloudFormation stack, deleted ones excluded (id = stack name)", Fields: stackFields, Tags: collect.TagsListed, Collect: stacks},
		{Name: "stack-set", Description: "stack set administered from this account, self-managed or service-managed (id = name; deleted ones skipped)",
			Fields: stackSetFields.Declared(), Tags: collect.TagsListed, Collect: stackSets, DetailCalls: 1},
		{Name: "stack-instance", Description: "stack a stack set deployed to an account and region (id = stack set/account/region)",
			Fields: stackInstanceFields.Declared(), Tags: collect.NotTaggable, Collect: stackInstances, DetailCalls: 1},
	},
	Calls: "stack: 1 paged list/describe. stack-set: ListStackSets + per stack set DescribeStackSet. stack-instance: ListStackSets + per stack set ListStackInstances",
	Relations: []collect.Relation{
		{From: "stack-set", Kind: "assumes-role", To: "iam/role"},
		{From: "stack-instance", Kind: "member-of", To: "cloudformation/stack-set"},
		{From: "stack", Kind: "assumes-role", To: "iam/role"},
		{From: "stack", Kind: "member-of", To: "cloudformation/stack"},
	},
}

var stackFields = []model.Field{
	{Name: "status", Type: "text", Description: "stack status, e.g. CREATE_COMPLETE, UPDATE_ROLLBACK_FAILED", Values: collect.Values(types.StackStatus("").Values())},
	{Name: "status_reason", Type: "text", Description: "why the stack is in its status"},
	{Name: "description", Type: "text", Description: "template description"},
	{Name: "last_updated", Type: "timestamp", Description: "last successful or attempted update"},
	{Name: "drift_status", Type: "text", Description: "DRIFTED, IN_SYNC, UNKNOWN or NOT_CHECKED", Values: collect.Values(types.StackDriftStatus("").Values())},
	{Name: "drift_checked", Type: "timestamp", Description: "when drift was last detected"},
	{Name: "termination_protection", Type: "boolean", Description: "the stack cannot be deleted until protection is removed"},
	{Name: "role_arn", Type: "text", Description: "service role CloudFormation uses for stack operations"},
	{Name: "capabilities", Type: "json", Description: "acknowledged capabilities, e.g. CAPABILITY_IAM"},
	{Name: "parameter_names", Type: "json", Description: "template parameter names (values are never stored)"},
	{Name: "outputs_count", Type: "integer", Description: "number of stack outputs"},
	{Name: "parent_id", Type: "text", Description: "ARN of the parent stack, for nested stacks"},
	{Name: "root_id", Type: "text", Description: "ARN of the top-level stack, for nested stacks"},
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
	params := make([]string, 0, len(s.Parameters))
	for _, p := range s.Parameters {
		params = append(params, aws.ToString(p.ParameterKey))
	}
	var caps []string
	for _, c := range s.Capabilities {
		caps = append(caps, string(c))
	}
	parent := aws.ToString(s.ParentId)
	d := map[string]any{
		"status":                 string(s.StackStatus),
		"status_reason":          aws.ToString(s.StackStatusReason),
		"description":            aws.ToString(s.Description),
		"last_updated":           model.Time(s.LastUpdatedTime),
		"termination_protection": aws.ToBool(s.EnableTerminationProtection),
		"role_arn":               aws.ToString(s.RoleARN),
		"capabilities":           caps,
		"parameter_names":        params,
		"outputs_count":          len(s.Outputs),
		"parent_id":              parent,
		"root_id":                aws.ToString(s.RootId),
	}
	if di := s.DriftInformation; di != nil {
		d["drift_status"] = string(di.StackDriftStatus)
		d["drift_checked"] = model.Time(di.LastCheckTimestamp)
	}
	key := t.Key("stack", name)
	t.Emit(&model.Resource{
		Key:       key,
		ARN:       aws.ToString(s.StackId),
		Name:      name,
		CreatedAt: model.Time(s.CreationTime),
		Tags:      collect.TagMap(s.Tags, func(tg types.Tag) (*string, *string) { return tg.Key, tg.Value }),
		Details:   d,
	})
	if role := aws.ToString(s.RoleARN); role != "" {
		t.Relate(key, "assumes-role", t.GlobalRef("iam", "role", collect.ARNResourceName(role)))
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
