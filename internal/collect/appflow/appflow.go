// Package appflow collects Amazon AppFlow flows and connector profiles.
package appflow

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/appflow"
	"github.com/aws/aws-sdk-go-v2/service/appflow/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the AppFlow collector.
var Service = &collect.Service{
	Name:        "appflow",
	Description: "Amazon AppFlow flows and connector profiles",
	Types: []collect.Type{
		{Name: "flow", Description: "AppFlow flow moving data between a SaaS application and AWS (id = name)", Fields: flowFields.Declared(),
			Tags: collect.TagsListed, Collect: flows},
		{Name: "connector-profile", Description: "AppFlow connector profile: a connection to a SaaS account (id = name); its credentials are never read",
			Fields: profileFields.Declared(), Tags: collect.NotTaggable, Collect: profiles},
	},
	Calls: "flow: ListFlows (which returns the tags). connector-profile: DescribeConnectorProfiles",
	Relations: []collect.Relation{
		{From: "connector-profile", Kind: "uses-secret", To: "secretsmanager/secret"},
	},
}

var flowFields = collect.Fields[types.FlowDefinition]{
	collect.Enum("status", "Active, Deprecated, Deleted, Draft, Errored or Suspended", func(f types.FlowDefinition) types.FlowStatus { return f.FlowStatus }),
	collect.Enum("source_type", "connector the flow reads (Salesforce, S3, ...)", func(f types.FlowDefinition) types.ConnectorType { return f.SourceConnectorType }),
	collect.Enum("destination_type", "connector the flow writes", func(f types.FlowDefinition) types.ConnectorType { return f.DestinationConnectorType }),
	collect.Enum("trigger_type", "Scheduled, Event or OnDemand", func(f types.FlowDefinition) types.TriggerType { return f.TriggerType }),
	collect.Text("description", "flow description", func(f types.FlowDefinition) *string { return f.Description }),
	collect.Computed("last_run_status", model.Text, "InProgress, Successful, Error, CancelStarted or Canceled; empty: never run", func(f types.FlowDefinition) any {
		if f.LastRunExecutionDetails == nil {
			return ""
		}
		return string(f.LastRunExecutionDetails.MostRecentExecutionStatus)
	}),
	collect.Timestamp("last_updated", "last change of the flow", func(f types.FlowDefinition) *time.Time { return f.LastUpdatedAt }),
}

func flows(ctx context.Context, t *collect.Task) error {
	p := appflow.NewListFlowsPaginator(appflow.NewFromConfig(t.Config), &appflow.ListFlowsInput{MaxResults: t.PageSize(100)})
	return collect.EachPage(ctx, p, func(page *appflow.ListFlowsOutput) error {
		for _, f := range page.Flows {
			name := aws.ToString(f.FlowName)
			t.Emit(&model.Resource{Key: t.Key("flow", name), Name: name, ARN: aws.ToString(f.FlowArn), CreatedAt: model.Time(f.CreatedAt), Tags: f.Tags,
				Details: flowFields.Details(f)})
		}
		return nil
	})
}

var profileFields = collect.Fields[types.ConnectorProfile]{
	collect.Enum("connector_type", "the SaaS application or service connected to", func(p types.ConnectorProfile) types.ConnectorType { return p.ConnectorType }),
	collect.Enum("connection_mode", "Public (over the internet) or Private (PrivateLink)", func(p types.ConnectorProfile) types.ConnectionMode { return p.ConnectionMode }),
	collect.Computed("has_credentials", model.Boolean, "credentials are stored in Secrets Manager (never read)", func(p types.ConnectorProfile) any {
		return aws.ToString(p.CredentialsArn) != ""
	}),
	collect.Timestamp("last_updated", "last change", func(p types.ConnectorProfile) *time.Time { return p.LastUpdatedAt }),
}

func profiles(ctx context.Context, t *collect.Task) error {
	p := appflow.NewDescribeConnectorProfilesPaginator(appflow.NewFromConfig(t.Config), &appflow.DescribeConnectorProfilesInput{MaxResults: t.PageSize(100)})
	return collect.EachPage(ctx, p, func(page *appflow.DescribeConnectorProfilesOutput) error {
		for _, cp := range page.ConnectorProfileDetails {
			name := aws.ToString(cp.ConnectorProfileName)
			r := &model.Resource{Key: t.Key("connector-profile", name), Name: name, ARN: aws.ToString(cp.ConnectorProfileArn), CreatedAt: model.Time(cp.CreatedAt),
				Details: profileFields.Details(cp)}
			t.Relate(r.Key, "uses-secret", t.Ref("secretsmanager", "secret", collect.SecretName(aws.ToString(cp.CredentialsArn))))
			t.Emit(r)
		}
		return nil
	})
}
