package appflow_test

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

func TestMain(m *testing.M) { collecttest.Main(m, 2) }

const region = "eu-west-1"

var created = aws.Time(time.Date(2026, 5, 5, 0, 0, 0, 0, time.UTC))

func arn(kind, name string) *string {
	return aws.String("arn:aws:appflow:eu-west-1:" + collecttest.MotoAccount + ":" + kind + "/" + name)
}

// answers can AppFlow, which moto lacks, each listing over two pages.
func answers() map[string]func(any) (any, error) {
	return map[string]func(any) (any, error){
		"ListFlows": func(in any) (any, error) {
			if in.(*appflow.ListFlowsInput).NextToken == nil {
				return &appflow.ListFlowsOutput{NextToken: aws.String("2"), Flows: []types.FlowDefinition{{FlowName: aws.String("crm-to-lake"), FlowArn: arn("flow", "crm-to-lake"),
					FlowStatus: types.FlowStatusActive, SourceConnectorType: types.ConnectorTypeSalesforce, DestinationConnectorType: types.ConnectorTypeS3,
					TriggerType: types.TriggerTypeScheduled, CreatedAt: created, Tags: map[string]string{"team": "crm"},
					LastRunExecutionDetails: &types.ExecutionDetails{MostRecentExecutionStatus: types.ExecutionStatusError}}}}, nil
			}
			return &appflow.ListFlowsOutput{Flows: []types.FlowDefinition{{FlowName: aws.String("manual"), FlowStatus: types.FlowStatusDraft, TriggerType: types.TriggerTypeOndemand}}}, nil
		},
		"DescribeConnectorProfiles": func(in any) (any, error) {
			if in.(*appflow.DescribeConnectorProfilesInput).NextToken == nil {
				return &appflow.DescribeConnectorProfilesOutput{NextToken: aws.String("2"), ConnectorProfileDetails: []types.ConnectorProfile{{ConnectorProfileName: aws.String("salesforce-prod"),
					ConnectorProfileArn: arn("connectorprofile", "salesforce-prod"), ConnectorType: types.ConnectorTypeSalesforce, ConnectionMode: types.ConnectionModePublic,
					CredentialsArn: aws.String("arn:aws:secretsmanager:eu-west-1:" + collecttest.MotoAccount + ":secret:appflow!salesforce-prod-AbCdEf"), CreatedAt: created}}}, nil
			}
			return &appflow.DescribeConnectorProfilesOutput{ConnectorProfileDetails: []types.ConnectorProfile{{ConnectorProfileName: aws.String("private"),
				ConnectionMode: types.ConnectionModePrivate}}}, nil
		},
	}
}

func TestAppFlow(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(answers())})
	fl := collecttest.Run(t, cfg, collector.Service, "flow", region)
	if fl.Err != nil || len(fl.Resources) != 2 {
		t.Fatalf("flows: %v, %d", fl.Err, len(fl.Resources))
	}
	f := fl.ByID()["crm-to-lake"]
	for k, v := range map[string]any{"status": "Active", "source_type": "Salesforce", "destination_type": "S3", "trigger_type": "Scheduled", "last_run_status": "Error"} {
		if f.Details[k] != v {
			t.Errorf("crm-to-lake details[%s] = %v, want %v", k, f.Details[k], v)
		}
	}
	if f.Tags["team"] != "crm" || f.CreatedAt != "2026-05-05T00:00:00Z" || f.ARN != *arn("flow", "crm-to-lake") {
		t.Errorf("crm-to-lake: %s %v %q", f.ARN, f.Tags, f.CreatedAt)
	}
	if d := fl.ByID()["manual"].Details; d["last_run_status"] != "" {
		t.Errorf("manual: %v", d)
	}
	ps := collecttest.Run(t, cfg, collector.Service, "connector-profile", region)
	if ps.Err != nil || len(ps.Resources) != 2 {
		t.Fatalf("profiles: %v, %d", ps.Err, len(ps.Resources))
	}
	p := ps.ByID()["salesforce-prod"]
	if p.Details["connection_mode"] != "Public" || p.Details["has_credentials"] != true || ps.ByID()["private"].Details["has_credentials"] != false {
		t.Errorf("profiles: %v / %v", p.Details, ps.ByID()["private"].Details)
	}
	collecttest.HasEdges(t, ps, "salesforce-prod -uses-secret-> secretsmanager/secret:appflow!salesforce-prod")
	for typ, op := range map[string]string{"flow": "ListFlows", "connector-profile": "DescribeConnectorProfiles"} {
		denied := answers()
		denied[op] = collecttest.Denied(op)
		cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(denied)})
		collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, typ, region))
	}
}
