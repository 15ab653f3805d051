// Package ds collects AWS Directory Service directories (Managed Microsoft
// AD, Simple AD, AD Connector) and their trusts.
package ds

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	ds "github.com/aws/aws-sdk-go-v2/service/directoryservice"
	"github.com/aws/aws-sdk-go-v2/service/directoryservice/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the Directory Service collector.
var Service = &collect.Service{
	Name:        "ds",
	Description: "Directory Service directories (Managed Microsoft AD, Simple AD, AD Connector) and trusts",
	Types: []collect.Type{
		{Name: "directory", Description: "directory (id = d-...), where it runs and whether it logs", Fields: directoryFields.Declared(),
			Tags: collect.TagsPerResource, Collect: directories, DetailCalls: 2},
		{Name: "trust", Description: "trust between a Managed Microsoft AD and another domain (id = t-...)", Fields: trustFields.Declared(),
			Tags: collect.NotTaggable, Collect: trusts},
	},
	Calls: "directory: DescribeDirectories + per directory ListTagsForResource, ListLogSubscriptions. trust: DescribeTrusts",
	Relations: []collect.Relation{
		{From: "directory", Kind: "in-vpc", To: "ec2/vpc"},
		{From: "directory", Kind: "in-subnet", To: "ec2/subnet"},
		{From: "directory", Kind: "uses-security-group", To: "ec2/security-group"},
		{From: "directory", Kind: "logs-to", To: "logs/log-group"},
		{From: "trust", Kind: "of-directory", To: "ds/directory"},
	},
}

// network is where a directory runs: its VPC settings, or an AD
// Connector's connect settings.
type network struct {
	vpc, securityGroup *string
	subnets            []string
}

func networkOf(d types.DirectoryDescription) network {
	switch {
	case d.VpcSettings != nil:
		return network{vpc: d.VpcSettings.VpcId, securityGroup: d.VpcSettings.SecurityGroupId, subnets: d.VpcSettings.SubnetIds}
	case d.ConnectSettings != nil:
		return network{vpc: d.ConnectSettings.VpcId, securityGroup: d.ConnectSettings.SecurityGroupId, subnets: d.ConnectSettings.SubnetIds}
	}
	return network{}
}

// directory is a directory with the log groups its security logs go to
// (nil when they could not be read).
type directory struct {
	types.DirectoryDescription
	logGroups []string
}

func hasLogGroups(d directory) bool { return d.logGroups != nil }

var directoryFields = collect.Fields[directory]{
	collect.Enum("directory_type", "SimpleAD, ADConnector, MicrosoftAD or SharedMicrosoftAD", func(d directory) types.DirectoryType { return d.Type }),
	collect.Enum("edition", "Enterprise or Standard (Microsoft AD)", func(d directory) types.DirectoryEdition { return d.Edition }),
	collect.Enum("size", "Small or Large (Simple AD, AD Connector)", func(d directory) types.DirectorySize { return d.Size }),
	collect.Enum("stage", "Active, Creating, Impaired, Inoperable, Failed, ...", func(d directory) types.DirectoryStage { return d.Stage }),
	collect.Text("short_name", "NetBIOS name", func(d directory) *string { return d.ShortName }),
	collect.Text("alias", "alias of the access URL", func(d directory) *string { return d.Alias }),
	collect.Text("access_url", "access URL (alias.awsapps.com)", func(d directory) *string { return d.AccessUrl }),
	collect.Computed("sso_enabled", model.Boolean, "single sign-on is enabled", func(d directory) any { return d.SsoEnabled }),
	collect.Computed("radius_enabled", model.Boolean, "RADIUS multi-factor authentication is configured", func(d directory) any { return d.RadiusSettings != nil }),
	collect.Int("domain_controllers", "desired number of domain controllers (Microsoft AD)", func(d directory) *int32 { return d.DesiredNumberOfDomainControllers }),
	collect.Computed("dns_ips", model.JSON, "IP addresses of the directory's DNS servers", func(d directory) any {
		if d.DnsIpAddrs == nil {
			return []string{}
		}
		return d.DnsIpAddrs
	}),
	collect.Computed("vpc_id", model.Text, "VPC the directory runs in", func(d directory) any { return aws.ToString(networkOf(d.DirectoryDescription).vpc) }),
	collect.Enum("share_status", "sharing status of a shared directory", func(d directory) types.ShareStatus { return d.ShareStatus }),
	collect.When(hasLogGroups, collect.Computed("log_groups", model.JSON, "CloudWatch Logs log groups its security logs are forwarded to; empty: not forwarded",
		func(d directory) any { return d.logGroups })),
}

func directories(ctx context.Context, t *collect.Task) error {
	api := ds.NewFromConfig(t.Config)
	p := ds.NewDescribeDirectoriesPaginator(api, &ds.DescribeDirectoriesInput{Limit: t.PageSize(100)})
	return collect.EachItem(ctx, p, func(page *ds.DescribeDirectoriesOutput) []types.DirectoryDescription {
		return page.DirectoryDescriptions
	},
		func(ctx context.Context, desc types.DirectoryDescription) {
			id := aws.ToString(desc.DirectoryId)
			d := directory{DirectoryDescription: desc, logGroups: logGroups(ctx, t, api, desc.DirectoryId)}
			key := t.Key("directory", id)
			t.Emit(&model.Resource{Key: key, Name: aws.ToString(desc.Name), ARN: collect.ARN(t, "ds", "", "directory/"+id), CreatedAt: model.Time(desc.LaunchTime),
				Details: directoryFields.Details(d), Tags: tags(ctx, t, api, desc.DirectoryId)})
			n := networkOf(desc)
			t.Relate(key, "in-vpc", t.Ref("ec2", "vpc", aws.ToString(n.vpc)))
			t.Relate(key, "uses-security-group", t.Ref("ec2", "security-group", aws.ToString(n.securityGroup)))
			for _, s := range n.subnets {
				t.Relate(key, "in-subnet", t.Ref("ec2", "subnet", s))
			}
			for _, g := range d.logGroups {
				t.Relate(key, "logs-to", t.Ref("logs", "log-group", g))
			}
		})
}

// logGroups are the log groups a directory forwards to; nil and a warning
// when they could not be read.
func logGroups(ctx context.Context, t *collect.Task, api *ds.Client, id *string) []string {
	out := []string{}
	p := ds.NewListLogSubscriptionsPaginator(api, &ds.ListLogSubscriptionsInput{DirectoryId: id, Limit: t.PageSize(100)})
	err := collect.EachPage(ctx, p, func(page *ds.ListLogSubscriptionsOutput) error {
		for _, s := range page.LogSubscriptions {
			out = append(out, aws.ToString(s.LogGroupName))
		}
		return nil
	})
	if err != nil {
		t.Warn("ListLogSubscriptions", err)
		return nil
	}
	return out
}

// tags pages through a directory's tags; a failure is a warning.
func tags(ctx context.Context, t *collect.Task, api *ds.Client, id *string) map[string]string {
	out := map[string]string{}
	p := ds.NewListTagsForResourcePaginator(api, &ds.ListTagsForResourceInput{ResourceId: id, Limit: t.PageSize(50)})
	t.Warn("ListTagsForResource", collect.EachPage(ctx, p, func(page *ds.ListTagsForResourceOutput) error {
		for _, tg := range page.Tags {
			out[aws.ToString(tg.Key)] = aws.ToString(tg.Value)
		}
		return nil
	}))
	return out
}

var trustFields = collect.Fields[types.Trust]{
	collect.Text("directory_id", "the directory that trusts or is trusted", func(tr types.Trust) *string { return tr.DirectoryId }),
	collect.Text("remote_domain_name", "the other domain", func(tr types.Trust) *string { return tr.RemoteDomainName }),
	collect.Enum("trust_direction", "One-Way: Outgoing, One-Way: Incoming or Two-Way", func(tr types.Trust) types.TrustDirection { return tr.TrustDirection }),
	collect.Enum("trust_type", "Forest or External", func(tr types.Trust) types.TrustType { return tr.TrustType }),
	collect.Enum("trust_state", "Created, Verified, Failed, ...", func(tr types.Trust) types.TrustState { return tr.TrustState }),
	collect.Enum("selective_auth", "Enabled or Disabled", func(tr types.Trust) types.SelectiveAuth { return tr.SelectiveAuth }),
	collect.Timestamp("updated_at", "last change of the trust", func(tr types.Trust) *time.Time { return tr.LastUpdatedDateTime }),
}

func trusts(ctx context.Context, t *collect.Task) error {
	p := ds.NewDescribeTrustsPaginator(ds.NewFromConfig(t.Config), &ds.DescribeTrustsInput{Limit: t.PageSize(100)})
	return collect.EachPage(ctx, p, func(page *ds.DescribeTrustsOutput) error {
		for _, tr := range page.Trusts {
			id := aws.ToString(tr.TrustId)
			key := t.Key("trust", id)
			// AWS gives trusts no ARN.
			t.Emit(&model.Resource{Key: key, Name: aws.ToString(tr.RemoteDomainName), CreatedAt: model.Time(tr.CreatedDateTime), Details: trustFields.Details(tr)})
			t.Relate(key, "of-directory", t.Key("directory", aws.ToString(tr.DirectoryId)))
		}
		return nil
	})
}
