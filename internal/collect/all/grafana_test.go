package all_test

import (
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/grafana"
	"github.com/aws/aws-sdk-go-v2/service/grafana/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/grafana"
)

// canned answers Managed Grafana (moto has none): three workspaces over two
// pages; g-1 is private to a VPC endpoint and reaches into a VPC.
var grafanaCanned = map[string]func(any) (any, error){
	"ListWorkspaces": func(in any) (any, error) {
		var all []types.WorkspaceSummary
		for i := range 3 {
			all = append(all, types.WorkspaceSummary{Id: aws.String(fmt.Sprint("g-", i)), Name: aws.String(fmt.Sprint("ops", i)), Created: &created,
				Status: types.WorkspaceStatusActive, GrafanaVersion: aws.String("10.4"), Endpoint: aws.String(fmt.Sprintf("g-%d.grafana-workspace.%s.amazonaws.com", i, region)),
				Authentication: &types.AuthenticationSummary{Providers: []types.AuthenticationProviderTypes{types.AuthenticationProviderTypesAwsSso}},
				GrafanaToken:   aws.String("secret"), Tags: map[string]string{"n": fmt.Sprint(i)}})
		}
		page, next := collecttest.Page(all, in.(*grafana.ListWorkspacesInput).NextToken, 2)
		return &grafana.ListWorkspacesOutput{Workspaces: page, NextToken: next}, nil
	},
	"DescribeWorkspace": func(in any) (any, error) {
		d := &types.WorkspaceDescription{Id: in.(*grafana.DescribeWorkspaceInput).WorkspaceId, AccountAccessType: types.AccountAccessTypeCurrentAccount,
			PermissionType: types.PermissionTypeServiceManaged, DataSources: []types.DataSourceType{types.DataSourceTypeCloudwatch, types.DataSourceTypePrometheus}}
		if aws.ToString(d.Id) == "g-1" {
			d.NetworkAccessControl = &types.NetworkAccessConfiguration{VpceIds: []string{"vpce-1"}}
			d.VpcConfiguration = &types.VpcConfiguration{SubnetIds: []string{"subnet-1"}, SecurityGroupIds: []string{"sg-1"}}
			d.WorkspaceRoleArn = aws.String("arn:aws:iam::" + collecttest.MotoAccount + ":role/service-role/grafana-ops")
			d.KmsKeyId = aws.String("k-1")
		}
		return &grafana.DescribeWorkspaceOutput{Workspace: d}, nil
	},
}

func TestGrafanaWorkspaces(t *testing.T) {
	collecttest.Require(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(grafanaCanned)})
	got := collecttest.Run(t, cfg, collector.Service, "workspace", region)
	if got.Err != nil || len(got.Resources) != 3 {
		t.Fatalf("workspaces: %v, %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	w := got.ByID()["g-0"]
	if w.Name != "ops0" || w.Tags["n"] != "0" || w.CreatedAt != "2026-03-01T00:00:00Z" || w.ARN != "arn:aws:grafana:"+region+":"+collecttest.MotoAccount+":/workspaces/g-0" ||
		w.Details["status"] != "ACTIVE" || w.Details["public_network"] != true || w.Details["in_vpc"] != false ||
		fmt.Sprint(w.Details["auth_providers"]) != "[AWS_SSO]" || fmt.Sprint(w.Details["data_sources"]) != "[CLOUDWATCH PROMETHEUS]" {
		t.Errorf("g-0: %+v", w)
	}
	for k, v := range w.Details {
		if v == "secret" {
			t.Errorf("the workspace token is stored in %s", k)
		}
	}
	if p := got.ByID()["g-1"]; p.Details["public_network"] != false || p.Details["in_vpc"] != true {
		t.Errorf("g-1: %+v", p.Details)
	}
	collecttest.HasEdges(t, got, "g-1 -in-subnet-> ec2/subnet:subnet-1", "g-1 -uses-security-group-> ec2/security-group:sg-1",
		"g-1 -assumes-role-> iam/role:grafana-ops", "g-1 -encrypted-with-> kms/key:k-1")
}

func TestGrafanaDenied(t *testing.T) {
	collecttest.Require(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){"ListWorkspaces": collecttest.Denied("ListWorkspaces")})})
	collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, "workspace", region))

	cfg = collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){
		"ListWorkspaces": grafanaCanned["ListWorkspaces"], "DescribeWorkspace": collecttest.Denied("DescribeWorkspace")})})
	got := collecttest.Run(t, cfg, collector.Service, "workspace", region)
	if got.Err != nil || len(got.Resources) != 3 || len(got.Task.Warnings()) != 3 {
		t.Fatalf("want workspaces with a warning each: %v, %d, %d", got.Err, len(got.Resources), len(got.Task.Warnings()))
	}
	if _, known := got.ByID()["g-0"].Details["public_network"]; known {
		t.Errorf("exposure is unknown without DescribeWorkspace: %v", got.ByID()["g-0"].Details)
	}
}
