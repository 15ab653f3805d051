package all_test

import (
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/appflow"
	"github.com/aws/aws-sdk-go-v2/service/appflow/types"

	"github.com/awsmap/awsmap/internal/awsx"
	collector "github.com/awsmap/awsmap/internal/collect/appflow"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
)

var appflowPaged = collecttest.Paged{Cap: 2}

var appflowCreated = aws.Time(time.Date(2026, 5, 5, 0, 0, 0, 0, time.UTC))

func appflowArn(kind, name string) *string {
	return aws.String("arn:aws:appflow:eu-west-1:" + collecttest.MotoAccount + ":" + kind + "/" + name)
}

// answers can AppFlow, which moto lacks, each listing over two pages.
func appflowAnswers() map[string]func(any) (any, error) {
	return map[string]func(any) (any, error){
		"ListFlows": func(in any) (any, error) {
			if in.(*appflow.ListFlowsInput).NextToken == nil {
				return &appflow.ListFlowsOutput{NextToken: aws.String("2"), Flows: []types.FlowDefinition{{FlowName: aws.String("crm-to-lake"), FlowArn: appflowArn("flow", "crm-to-lake"),
					FlowStatus: types.FlowStatusActive, SourceConnectorType: types.ConnectorTypeSalesforce, DestinationConnectorType: types.ConnectorTypeS3,
					TriggerType: types.TriggerTypeScheduled, CreatedAt: appflowCreated, Tags: map[string]string{"team": "crm"},
					LastRunExecutionDetails: &types.ExecutionDetails{MostRecentExecutionStatus: types.ExecutionStatusError}}}}, nil
			}
			return &appflow.ListFlowsOutput{Flows: []types.FlowDefinition{{FlowName: aws.String("manual"), FlowStatus: types.FlowStatusDraft, TriggerType: types.TriggerTypeOndemand}}}, nil
		},
		"DescribeConnectorProfiles": func(in any) (any, error) {
			if in.(*appflow.DescribeConnectorProfilesInput).NextToken == nil {
				return &appflow.DescribeConnectorProfilesOutput{NextToken: aws.String("2"), ConnectorProfileDetails: []types.ConnectorProfile{{ConnectorProfileName: aws.String("salesforce-prod"),
					ConnectorProfileArn: appflowArn("connectorprofile", "salesforce-prod"), ConnectorType: types.ConnectorTypeSalesforce, ConnectionMode: types.ConnectionModePublic,
					CredentialsArn: aws.String("arn:aws:secretsmanager:eu-west-1:" + collecttest.MotoAccount + ":secret:appflow!salesforce-prod-AbCdEf"), CreatedAt: appflowCreated}}}, nil
			}
			return &appflow.DescribeConnectorProfilesOutput{ConnectorProfileDetails: []types.ConnectorProfile{{ConnectorProfileName: aws.String("private"),
				ConnectionMode: types.ConnectionModePrivate}}}, nil
		},
	}
}

func TestAppflow(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(appflowAnswers())})
	fl := appflowPaged.Run(t, cfg, collector.Service, "flow", region)
	if fl.Err != nil || len(fl.Resources) != 2 {
		t.Fatalf("flows: %v, %d", fl.Err, len(fl.Resources))
	}
	f := fl.ByID()["crm-to-lake"]
	for k, v := range map[string]any{"status": "Active", "source_type": "Salesforce", "destination_type": "S3", "trigger_type": "Scheduled", "last_run_status": "Error"} {
		if f.Details[k] != v {
			t.Errorf("crm-to-lake details[%s] = %v, want %v", k, f.Details[k], v)
		}
	}
	if f.Tags["team"] != "crm" || f.CreatedAt != "2026-05-05T00:00:00Z" || f.ARN != *appflowArn("flow", "crm-to-lake") {
		t.Errorf("crm-to-lake: %s %v %q", f.ARN, f.Tags, f.CreatedAt)
	}
	if d := fl.ByID()["manual"].Details; d["last_run_status"] != "" {
		t.Errorf("manual: %v", d)
	}
	ps := appflowPaged.Run(t, cfg, collector.Service, "connector-profile", region)
	if ps.Err != nil || len(ps.Resources) != 2 {
		t.Fatalf("profiles: %v, %d", ps.Err, len(ps.Resources))
	}
	p := ps.ByID()["salesforce-prod"]
	if p.Details["connection_mode"] != "Public" || p.Details["has_credentials"] != true || ps.ByID()["private"].Details["has_credentials"] != false {
		t.Errorf("profiles: %v / %v", p.Details, ps.ByID()["private"].Details)
	}
	collecttest.HasEdges(t, ps, "salesforce-prod -uses-secret-> secretsmanager/secret:appflow!salesforce-prod")
	for typ, op := range map[string]string{"flow": "ListFlows", "connector-profile": "DescribeConnectorProfiles"} {
		denied := appflowAnswers()
		denied[op] = collecttest.Denied(op)
		cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(denied)})
		collecttest.AssertDenied(t, appflowPaged.Run(t, cfg, collector.Service, typ, region))
	}
}
