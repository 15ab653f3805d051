package all_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/amp"
	"github.com/aws/aws-sdk-go-v2/service/amp/types"

	"github.com/awsmap/awsmap/internal/awsx"
	collector "github.com/awsmap/awsmap/internal/collect/amp"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
)

// createWorkspaces makes six workspaces (prom0 logs to /amp/prom0), and
// two rule groups namespaces in prom1 and one in prom2.
func createWorkspaces(t *testing.T, api *amp.Client) map[string]string {
	t.Helper()
	ctx := context.Background()
	ids := map[string]string{}
	for i := range 6 {
		alias := fmt.Sprint("prom", i)
		out, err := api.CreateWorkspace(ctx, &amp.CreateWorkspaceInput{Alias: aws.String(alias), Tags: map[string]string{"n": fmt.Sprint(i)}})
		if err != nil {
			t.Fatal(err)
		}
		ids[alias] = aws.ToString(out.WorkspaceId)
	}
	if _, err := api.CreateLoggingConfiguration(ctx, &amp.CreateLoggingConfigurationInput{WorkspaceId: aws.String(ids["prom0"]),
		LogGroupArn: aws.String("arn:aws:logs:" + region + ":" + account + ":log-group:/amp/prom0:*")}); err != nil {
		t.Fatal(err)
	}
	for ws, names := range map[string][]string{"prom1": {"alerts", "recording"}, "prom2": {"alerts"}} {
		for _, name := range names {
			if _, err := api.CreateRuleGroupsNamespace(ctx, &amp.CreateRuleGroupsNamespaceInput{WorkspaceId: aws.String(ids[ws]), Name: aws.String(name),
				Data: []byte("groups: []"), Tags: map[string]string{"ws": ws}}); err != nil {
				t.Fatal(err)
			}
		}
	}
	return ids
}

func TestAmpWorkspacesAndNamespaces(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.Config(t, region, nil)
	ids := createWorkspaces(t, amp.NewFromConfig(cfg))

	got := collecttest.Run(t, cfg, collector.Service, "workspace", region)
	if got.Err != nil || len(got.Resources) != 6 {
		t.Fatalf("workspaces: %v, %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	w := got.ByID()[ids["prom0"]]
	if w.Name != "prom0" || w.Tags["n"] != "0" || w.Details["status"] != "ACTIVE" || w.CreatedAt == "" ||
		w.ARN != "arn:aws:aps:"+region+":"+account+":workspace/"+ids["prom0"] ||
		w.Details["log_group_arn"] != "arn:aws:logs:"+region+":"+account+":log-group:/amp/prom0:*" {
		t.Errorf("prom0: %+v", w)
	}
	if d := got.ByID()[ids["prom3"]].Details["log_group_arn"]; d != "" {
		t.Errorf("prom3 logs to %v", d)
	}
	collecttest.HasEdges(t, got, ids["prom0"]+" -logs-to-> logs/log-group:/amp/prom0")

	got = collecttest.Run(t, cfg, collector.Service, "rule-groups-namespace", region)
	if got.Err != nil || len(got.Resources) != 3 {
		t.Fatalf("namespaces: %v, %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	id := ids["prom1"] + "/recording"
	n := got.ByID()[id]
	if n == nil || n.Name != "recording" || n.Tags["ws"] != "prom1" || n.Details["status"] != "ACTIVE" || n.ARN == "" {
		t.Fatalf("namespace: %+v", n)
	}
	collecttest.HasEdges(t, got, id+" -in-> amp/workspace:"+ids["prom1"])
}

func TestAmpScrapers(t *testing.T) {
	collecttest.Require(t)
	created := time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)
	ws := "arn:aws:aps:" + region + ":" + account + ":workspace/ws-1"
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){
		// moto lacks ListScrapers.
		"ListScrapers": func(in any) (any, error) {
			all := []types.ScraperSummary{
				{ScraperId: aws.String("s-1"), Alias: aws.String("eks-prod"), Arn: aws.String("arn:aws:aps:" + region + ":" + account + ":scraper/s-1"),
					CreatedAt: &created, Status: &types.ScraperStatus{StatusCode: types.ScraperStatusCodeActive},
					RoleArn: aws.String("arn:aws:iam::" + account + ":role/aws-service-role/scraper.aps.amazonaws.com/AWSServiceRoleForAmazonPrometheusScraper"),
					Source: &types.SourceMemberEksConfiguration{Value: types.EksConfiguration{ClusterArn: aws.String("arn:aws:eks:" + region + ":" + account + ":cluster/prod"),
						SubnetIds: []string{"subnet-1", "subnet-2"}, SecurityGroupIds: []string{"sg-1"}}},
					Destination: &types.DestinationMemberAmpConfiguration{Value: types.AmpConfiguration{WorkspaceArn: aws.String(ws)}}, Tags: map[string]string{"Env": "prod"}},
				{ScraperId: aws.String("s-2"), Source: &types.SourceMemberVpcConfiguration{Value: types.VpcConfiguration{SubnetIds: []string{"subnet-3"}}}},
				{ScraperId: aws.String("s-3")},
			}
			page, next := collecttest.Page(all, in.(*amp.ListScrapersInput).NextToken, 2)
			return &amp.ListScrapersOutput{Scrapers: page, NextToken: next}, nil
		},
	})})
	got := collecttest.Run(t, cfg, collector.Service, "scraper", region)
	if got.Err != nil || len(got.Resources) != 3 {
		t.Fatalf("scrapers: %v, %d", got.Err, len(got.Resources))
	}
	s := got.ByID()["s-1"]
	if s.Name != "eks-prod" || s.Tags["Env"] != "prod" || s.CreatedAt != "2026-02-01T00:00:00Z" || s.Details["status"] != "ACTIVE" ||
		s.Details["workspace_arn"] != ws || s.Details["source_cluster_arn"] != "arn:aws:eks:"+region+":"+account+":cluster/prod" {
		t.Errorf("scraper: %+v", s)
	}
	collecttest.HasEdges(t, got, "s-1 -scrapes-> eks/cluster:prod", "s-1 -in-subnet-> ec2/subnet:subnet-2", "s-1 -uses-security-group-> ec2/security-group:sg-1",
		"s-1 -writes-to-> amp/workspace:ws-1", "s-1 -assumes-role-> iam/role:AWSServiceRoleForAmazonPrometheusScraper", "s-2 -in-subnet-> ec2/subnet:subnet-3")
}

func TestAmpDenied(t *testing.T) {
	collecttest.Setup(t)
	for typ, op := range map[string]string{"workspace": "ListWorkspaces", "rule-groups-namespace": "ListWorkspaces", "scraper": "ListScrapers"} {
		cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny(op)})
		collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, typ, region))
	}
	createWorkspaces(t, amp.NewFromConfig(collecttest.Config(t, region, nil)))
	for typ, op := range map[string]string{"workspace": "DescribeLoggingConfiguration", "rule-groups-namespace": "ListRuleGroupsNamespaces"} {
		cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny(op)})
		got := collecttest.Run(t, cfg, collector.Service, typ, region)
		if got.Err != nil || len(got.Task.Warnings()) != 6 {
			t.Errorf("%s: want a warning per workspace, got %v, %d", typ, got.Err, len(got.Task.Warnings()))
		}
	}
}
