// Package amp collects Amazon Managed Service for Prometheus workspaces,
// their rule groups namespaces, and managed scrapers.
package amp

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/amp"
	"github.com/aws/aws-sdk-go-v2/service/amp/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the Managed Prometheus collector.
var Service = &collect.Service{
	Name:        "amp",
	Description: "Managed Service for Prometheus workspaces, rule groups namespaces and scrapers",
	Types: []collect.Type{
		{Name: "workspace", Description: "Prometheus workspace (id = ws-...), with where its logs go", Fields: workspaceFields.Declared(),
			Tags: collect.TagsListed, Collect: workspaces, DetailCalls: 1},
		{Name: "rule-groups-namespace", Description: "recording and alerting rules of a workspace (id = WORKSPACE_ID/NAME)", Fields: namespaceFields.Declared(),
			Tags: collect.TagsListed, Collect: namespaces, DetailCalls: 1},
		{Name: "scraper", Description: "managed collector scraping an EKS cluster or VPC into a workspace (id = s-...)", Fields: scraperFields.Declared(),
			Tags: collect.TagsListed, Collect: scrapers},
	},
	Calls: "ListWorkspaces once for workspace and rule-groups-namespace; workspace: per workspace DescribeLoggingConfiguration. " +
		"rule-groups-namespace: per workspace ListRuleGroupsNamespaces. scraper: ListScrapers",
	Relations: []collect.Relation{
		{From: "workspace", Kind: "encrypted-with", To: "kms/key"},
		{From: "workspace", Kind: "logs-to", To: "logs/log-group"},
		{From: "rule-groups-namespace", Kind: "in", To: "amp/workspace"},
		{From: "scraper", Kind: "scrapes", To: "eks/cluster"},
		{From: "scraper", Kind: "writes-to", To: "amp/workspace"},
		{From: "scraper", Kind: "in-subnet", To: "ec2/subnet"},
		{From: "scraper", Kind: "uses-security-group", To: "ec2/security-group"},
		{From: "scraper", Kind: "assumes-role", To: "iam/role"},
	},
}

// workspace is a workspace with its logging configuration (nil when it
// has none or it could not be read: logged_to is then empty).
type workspace struct {
	types.WorkspaceSummary
	logging *types.LoggingConfigurationMetadata
}

func workspaceStatus(w types.WorkspaceSummary) types.WorkspaceStatusCode {
	if w.Status == nil {
		return ""
	}
	return w.Status.StatusCode
}

var workspaceFields = collect.Fields[workspace]{
	collect.Enum("status", "CREATING, ACTIVE, UPDATING, DELETING or CREATION_FAILED", func(w workspace) types.WorkspaceStatusCode { return workspaceStatus(w.WorkspaceSummary) }),
	collect.Text("kms_key_arn", "customer managed key encrypting the workspace; empty for an AWS owned key", func(w workspace) *string { return w.KmsKeyArn }),
	collect.Computed("log_group_arn", model.Text, "log group receiving the workspace's rule and alert manager logs; empty when logging is off", func(w workspace) any {
		if w.logging == nil {
			return ""
		}
		return aws.ToString(w.logging.LogGroupArn)
	}),
}

// workspaceList are the region's workspaces, listed once for the
// workspace and rule-groups-namespace types.
func workspaceList(ctx context.Context, t *collect.Task, api *amp.Client) ([]types.WorkspaceSummary, error) {
	p := amp.NewListWorkspacesPaginator(api, &amp.ListWorkspacesInput{MaxResults: t.PageSize(1000)})
	return collect.ReuseItems(ctx, t, "ListWorkspaces", p, func(page *amp.ListWorkspacesOutput) []types.WorkspaceSummary { return page.Workspaces })
}

func workspaces(ctx context.Context, t *collect.Task) error {
	api := amp.NewFromConfig(t.Config)
	list, err := workspaceList(ctx, t, api)
	collect.ForEach(ctx, list, func(ctx context.Context, s types.WorkspaceSummary) {
		w := workspace{WorkspaceSummary: s}
		out, err := api.DescribeLoggingConfiguration(ctx, &amp.DescribeLoggingConfigurationInput{WorkspaceId: s.WorkspaceId})
		t.Warn("DescribeLoggingConfiguration", err)
		if err == nil {
			w.logging = out.LoggingConfiguration
		}
		id := aws.ToString(s.WorkspaceId)
		key := t.Key("workspace", id)
		t.Emit(&model.Resource{Key: key, Name: aws.ToString(s.Alias), ARN: aws.ToString(s.Arn), CreatedAt: model.Time(s.CreatedAt), Tags: s.Tags,
			Details: workspaceFields.Details(w)})
		t.Relate(key, "encrypted-with", t.KMSKey(aws.ToString(s.KmsKeyArn)))
		if w.logging != nil {
			t.Relate(key, "logs-to", t.Ref("logs", "log-group", collect.LogGroupName(aws.ToString(w.logging.LogGroupArn))))
		}
	})
	return err
}

var namespaceFields = collect.Fields[types.RuleGroupsNamespaceSummary]{
	collect.Computed("status", model.Text, "CREATING, ACTIVE, UPDATING, DELETING, CREATION_FAILED or UPDATE_FAILED", func(n types.RuleGroupsNamespaceSummary) any {
		if n.Status == nil {
			return ""
		}
		return string(n.Status.StatusCode)
	}),
	collect.Timestamp("modified", "last change of the rules", func(n types.RuleGroupsNamespaceSummary) *time.Time { return n.ModifiedAt }),
}

func namespaces(ctx context.Context, t *collect.Task) error {
	api := amp.NewFromConfig(t.Config)
	list, err := workspaceList(ctx, t, api)
	collect.ForEach(ctx, list, func(ctx context.Context, w types.WorkspaceSummary) {
		ws := aws.ToString(w.WorkspaceId)
		p := amp.NewListRuleGroupsNamespacesPaginator(api, &amp.ListRuleGroupsNamespacesInput{WorkspaceId: w.WorkspaceId, MaxResults: t.PageSize(1000)})
		t.Warn("ListRuleGroupsNamespaces", collect.EachPage(ctx, p, func(page *amp.ListRuleGroupsNamespacesOutput) error {
			for _, n := range page.RuleGroupsNamespaces {
				name := aws.ToString(n.Name)
				key := t.Key("rule-groups-namespace", ws+"/"+name)
				t.Emit(&model.Resource{Key: key, Name: name, ARN: aws.ToString(n.Arn), CreatedAt: model.Time(n.CreatedAt), Tags: n.Tags,
					Details: namespaceFields.Details(n)})
				t.Relate(key, "in", t.Key("workspace", ws))
			}
			return nil
		}))
	})
	return err
}

// scraperSource is where a scraper reads metrics: an EKS cluster (and the
// VPC placement of its collector) or a VPC.
func scraperSource(s types.ScraperSummary) (cluster string, subnets, groups []string) {
	switch src := s.Source.(type) {
	case *types.SourceMemberEksConfiguration:
		return aws.ToString(src.Value.ClusterArn), src.Value.SubnetIds, src.Value.SecurityGroupIds
	case *types.SourceMemberVpcConfiguration:
		return "", src.Value.SubnetIds, src.Value.SecurityGroupIds
	}
	return "", nil, nil
}

// scraperWorkspace is the ARN of the workspace a scraper writes to.
func scraperWorkspace(s types.ScraperSummary) string {
	if d, ok := s.Destination.(*types.DestinationMemberAmpConfiguration); ok {
		return aws.ToString(d.Value.WorkspaceArn)
	}
	return ""
}

var scraperFields = collect.Fields[types.ScraperSummary]{
	collect.Computed("status", model.Text, "CREATING, ACTIVE, UPDATING, DELETING, CREATION_FAILED, ...", func(s types.ScraperSummary) any {
		if s.Status == nil {
			return ""
		}
		return string(s.Status.StatusCode)
	}),
	collect.Computed("source_cluster_arn", model.Text, "EKS cluster scraped; empty for a VPC source", func(s types.ScraperSummary) any {
		cluster, _, _ := scraperSource(s)
		return cluster
	}),
	collect.Computed("workspace_arn", model.Text, "workspace the metrics are written to", func(s types.ScraperSummary) any { return scraperWorkspace(s) }),
	collect.Text("role_arn", "role the scraper uses", func(s types.ScraperSummary) *string { return s.RoleArn }),
	collect.Timestamp("modified", "last change", func(s types.ScraperSummary) *time.Time { return s.LastModifiedAt }),
}

func scrapers(ctx context.Context, t *collect.Task) error {
	p := amp.NewListScrapersPaginator(amp.NewFromConfig(t.Config), &amp.ListScrapersInput{MaxResults: t.PageSize(1000)})
	return collect.EachPage(ctx, p, func(page *amp.ListScrapersOutput) error {
		for _, s := range page.Scrapers {
			key := t.Key("scraper", aws.ToString(s.ScraperId))
			t.Emit(&model.Resource{Key: key, Name: aws.ToString(s.Alias), ARN: aws.ToString(s.Arn), CreatedAt: model.Time(s.CreatedAt), Tags: s.Tags,
				Details: scraperFields.Details(s)})
			cluster, subnets, groups := scraperSource(s)
			t.Relate(key, "scrapes", t.Ref("eks", "cluster", collect.ARNResourceName(cluster)))
			for _, sn := range subnets {
				t.Relate(key, "in-subnet", t.Ref("ec2", "subnet", sn))
			}
			for _, sg := range groups {
				t.Relate(key, "uses-security-group", t.Ref("ec2", "security-group", sg))
			}
			if ws := scraperWorkspace(s); ws != "" {
				t.Relate(key, "writes-to", t.Key("workspace", collect.ARNResourceName(ws)))
			}
			if role := aws.ToString(s.RoleArn); role != "" {
				t.Relate(key, "assumes-role", t.Role(role))
			}
		}
		return nil
	})
}
