package logs

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

var resourcePolicyFields = collect.Fields[types.ResourcePolicy]{
	collect.Computed("policy", model.JSON, "the policy document: which services or accounts may write to which log groups", func(p types.ResourcePolicy) any {
		return collect.PolicyJSON(aws.ToString(p.PolicyDocument))
	}),
	collect.Enum("scope", "ACCOUNT (log groups of the account) or RESOURCE (one log group)", func(p types.ResourcePolicy) types.PolicyScope { return p.PolicyScope }),
	collect.Text("resource_arn", "the log group of a RESOURCE-scoped policy", func(p types.ResourcePolicy) *string { return p.ResourceArn }),
	collect.Computed("last_updated", model.Timestamp, "last change", func(p types.ResourcePolicy) any { return epochMillis(p.LastUpdatedTime) }),
}

// resourcePolicies pages by hand: the SDK has no paginator for it.
func resourcePolicies(ctx context.Context, t *collect.Task) error {
	api := cloudwatchlogs.NewFromConfig(t.Config)
	in := &cloudwatchlogs.DescribeResourcePoliciesInput{Limit: t.PageSize(50)}
	for {
		out, err := api.DescribeResourcePolicies(ctx, in)
		if err != nil {
			return err
		}
		for _, p := range out.ResourcePolicies {
			name := aws.ToString(p.PolicyName)
			t.Emit(&model.Resource{Key: t.Key("resource-policy", name), Name: name, Details: resourcePolicyFields.Details(p)})
		}
		if aws.ToString(out.NextToken) == "" {
			return nil
		}
		in.NextToken = out.NextToken
	}
}

var queryDefinitionFields = collect.Fields[types.QueryDefinition]{
	collect.Text("query", "the saved query", func(q types.QueryDefinition) *string { return q.QueryString }),
	collect.Enum("language", "CWLI (Logs Insights), SQL or PPL", func(q types.QueryDefinition) types.QueryLanguage { return q.QueryLanguage }),
	collect.Computed("log_groups", model.JSON, "log groups it queries by default", func(q types.QueryDefinition) any { return append([]string{}, q.LogGroupNames...) }),
	collect.Computed("last_modified", model.Timestamp, "last change", func(q types.QueryDefinition) any { return epochMillis(q.LastModified) }),
}

// queryDefinitions pages by hand: the SDK has no paginator for it.
func queryDefinitions(ctx context.Context, t *collect.Task) error {
	api := cloudwatchlogs.NewFromConfig(t.Config)
	in := &cloudwatchlogs.DescribeQueryDefinitionsInput{MaxResults: t.PageSize(1000)}
	for {
		out, err := api.DescribeQueryDefinitions(ctx, in)
		if err != nil {
			return err
		}
		for _, q := range out.QueryDefinitions {
			key := t.Key("query-definition", aws.ToString(q.QueryDefinitionId))
			t.Emit(&model.Resource{Key: key, Name: aws.ToString(q.Name), Details: queryDefinitionFields.Details(q)})
			for _, g := range q.LogGroupNames {
				t.Relate(key, "queries", t.Key("log-group", g))
			}
		}
		if aws.ToString(out.NextToken) == "" {
			return nil
		}
		in.NextToken = out.NextToken
	}
}
