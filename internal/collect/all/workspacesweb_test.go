package all_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/workspacesweb"
	"github.com/aws/aws-sdk-go-v2/service/workspacesweb/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	"github.com/awsmap/awsmap/internal/collect/collecttest/testvpc"
	collector "github.com/awsmap/awsmap/internal/collect/workspacesweb"
)

var workspaceswebPaged = collecttest.Paged{Cap: 2}

const (
	stream = "arn:aws:kinesis:eu-west-1:123456789012:stream/amazon-workspaces-web-audit"
)

var workspaceswebCreated = time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)

func workspaceswebArn(kind, id string) string {
	return "arn:aws:workspaces-web:" + region + ":" + collecttest.MotoAccount + ":" + kind + "/" + id
}

func workspaceswebId(a *string) string { return collect.ARNResourceName(aws.ToString(a)) }

func workspaceswebTags(kv ...string) []types.Tag {
	var out []types.Tag
	for i := 0; i < len(kv); i += 2 {
		out = append(out, types.Tag{Key: aws.String(kv[i]), Value: aws.String(kv[i+1])})
	}
	return out
}

func TestWorkspaceswebSettings(t *testing.T) {
	collecttest.Setup(t)
	ctx := context.Background()
	cfg := collecttest.Config(t, region, nil)
	api := workspacesweb.NewFromConfig(cfg)
	net := testvpc.New(t, cfg, "10.50.0.0/16", "browser", testvpc.Subnet{CIDR: "10.50.1.0/24"}, testvpc.Subnet{CIDR: "10.50.2.0/24"})
	// CreatePortal answers only the ARN, which the SDK reads; moto's
	// ListPortals and GetPortal dates it cannot (TestPortals cans them).
	portal, err := api.CreatePortal(ctx, &workspacesweb.CreatePortalInput{DisplayName: aws.String("staff")})
	check(t, err)

	var browsers []string
	for i := range 3 {
		b, err := api.CreateBrowserSettings(ctx, &workspacesweb.CreateBrowserSettingsInput{
			BrowserPolicy:      aws.String(fmt.Sprintf(`{"chromePolicies":{"DownloadRestrictions":{"value":%d}}}`, i)),
			CustomerManagedKey: aws.String(key), Tags: workspaceswebTags("n", fmt.Sprint(i))})
		check(t, err)
		browsers = append(browsers, aws.ToString(b.BrowserSettingsArn))
	}
	_, err = api.AssociateBrowserSettings(ctx, &workspacesweb.AssociateBrowserSettingsInput{PortalArn: portal.PortalArn, BrowserSettingsArn: aws.String(browsers[1])})
	check(t, err)
	n, err := api.CreateNetworkSettings(ctx, &workspacesweb.CreateNetworkSettingsInput{VpcId: aws.String(net.VPC), SubnetIds: net.Subnets,
		SecurityGroupIds: []string{net.SG}, Tags: workspaceswebTags("tier", "web")})
	check(t, err)
	u, err := api.CreateUserSettings(ctx, &workspacesweb.CreateUserSettingsInput{CopyAllowed: types.EnabledTypeEnabled, PasteAllowed: types.EnabledTypeEnabled,
		DownloadAllowed: types.EnabledTypeDisabled, UploadAllowed: types.EnabledTypeDisabled, PrintAllowed: types.EnabledTypeDisabled,
		DisconnectTimeoutInMinutes: aws.Int32(60), IdleDisconnectTimeoutInMinutes: aws.Int32(15), Tags: workspaceswebTags("locked", "yes")})
	check(t, err)
	l, err := api.CreateUserAccessLoggingSettings(ctx, &workspacesweb.CreateUserAccessLoggingSettingsInput{KinesisStreamArn: aws.String(stream)})
	check(t, err)

	got := workspaceswebPaged.Run(t, cfg, collector.Service, "browser-settings", region)
	if got.Err != nil || len(got.Resources) != 3 {
		t.Fatalf("browser settings: %v, %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	b := got.ByID()[workspaceswebId(&browsers[1])]
	if b == nil || b.ARN != browsers[1] || b.Tags["n"] != "1" || b.Details["kms_key_arn"] != key ||
		fmt.Sprint(b.Details["browser_policy"]) != "map[chromePolicies:map[DownloadRestrictions:map[value:1]]]" ||
		fmt.Sprint(b.Details["portals"]) != "["+workspaceswebId(portal.PortalArn)+"]" {
		t.Fatalf("browser settings 1: %+v", b)
	}
	collecttest.HasEdges(t, got, workspaceswebId(&browsers[0])+" -encrypted-with-> kms/key:1234abcd-12ab-34cd-56ef-1234567890ab")

	got = workspaceswebPaged.Run(t, cfg, collector.Service, "network-settings", region)
	if got.Err != nil || len(got.Resources) != 1 {
		t.Fatalf("network settings: %v, %d", got.Err, len(got.Resources))
	}
	nid := workspaceswebId(n.NetworkSettingsArn)
	ns := got.ByID()[nid]
	if ns == nil || ns.Tags["tier"] != "web" || ns.Details["vpc_id"] != net.VPC || fmt.Sprint(ns.Details["subnet_ids"]) != fmt.Sprint(net.Subnets) ||
		fmt.Sprint(ns.Details["security_group_ids"]) != "["+net.SG+"]" {
		t.Fatalf("network settings: %+v", ns)
	}
	collecttest.HasEdges(t, got, nid+" -in-vpc-> ec2/vpc:"+net.VPC, nid+" -in-subnet-> ec2/subnet:"+net.Subnets[1], nid+" -uses-security-group-> ec2/security-group:"+net.SG)

	got = workspaceswebPaged.Run(t, cfg, collector.Service, "user-settings", region)
	us := got.ByID()[workspaceswebId(u.UserSettingsArn)]
	if got.Err != nil || us == nil || us.Tags["locked"] != "yes" || us.Details["copy_allowed"] != "Enabled" || us.Details["download_allowed"] != "Disabled" ||
		us.Details["print_allowed"] != "Disabled" || us.Details["idle_disconnect_timeout_minutes"] != int64(15) || us.Details["kms_key_arn"] != "" {
		t.Fatalf("user settings: %v %+v", got.Err, us)
	}

	got = workspaceswebPaged.Run(t, cfg, collector.Service, "user-access-logging-settings", region)
	lid := workspaceswebId(l.UserAccessLoggingSettingsArn)
	if ls := got.ByID()[lid]; got.Err != nil || ls == nil || ls.Details["kinesis_stream_arn"] != stream {
		t.Fatalf("logging settings: %v %+v", got.Err, ls)
	}
	collecttest.HasEdges(t, got, lid+" -streams-to-> kinesis/stream:amazon-workspaces-web-audit")

	// A failed GetUserSettings falls back on what the listing says.
	summary := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){
		"ListUserSettings": func(any) (any, error) {
			return &workspacesweb.ListUserSettingsOutput{UserSettings: []types.UserSettingsSummary{{UserSettingsArn: u.UserSettingsArn,
				UploadAllowed: types.EnabledTypeEnabled}}}, nil
		},
		"GetUserSettings": collecttest.Denied("GetUserSettings")})})
	got = workspaceswebPaged.Run(t, summary, collector.Service, "user-settings", region)
	us = got.ByID()[workspaceswebId(u.UserSettingsArn)]
	if _, known := us.Details["kms_key_arn"]; len(got.Task.Warnings()) != 1 || us.Details["upload_allowed"] != "Enabled" || known {
		t.Fatalf("user settings from the listing: %v %+v", got.Task.Warnings(), us)
	}
}

// canned answers portals and IP access settings (moto's portal dates are
// strings the SDK cannot read; it has no IP access settings): three of
// each over two pages.
var workspaceswebCanned = map[string]func(any) (any, error){
	"ListPortals": func(in any) (any, error) {
		var all []types.PortalSummary
		for i := range 3 {
			s := types.PortalSummary{PortalArn: aws.String(workspaceswebArn("portal", fmt.Sprint("p", i))), DisplayName: aws.String(fmt.Sprint("portal", i)),
				CreationDate: &workspaceswebCreated, PortalStatus: types.PortalStatusActive, AuthenticationType: types.AuthenticationTypeIamIdentityCenter,
				BrowserType: types.BrowserTypeChrome, InstanceType: types.InstanceTypeStandardRegular, RendererType: types.RendererTypeAppstream,
				MaxConcurrentSessions: aws.Int32(25), PortalEndpoint: aws.String(fmt.Sprint("p", i, ".portal.aws"))}
			if i == 0 {
				s.BrowserSettingsArn, s.IpAccessSettingsArn = aws.String(workspaceswebArn("browserSettings", "b0")), aws.String(workspaceswebArn("ipAccessSettings", "ip0"))
			}
			all = append(all, s)
		}
		page, next := collecttest.Page(all, in.(*workspacesweb.ListPortalsInput).NextToken, 2)
		return &workspacesweb.ListPortalsOutput{Portals: page, NextToken: next}, nil
	},
	"GetPortal": func(in any) (any, error) {
		return &workspacesweb.GetPortalOutput{Portal: &types.Portal{PortalArn: in.(*workspacesweb.GetPortalInput).PortalArn, CustomerManagedKey: aws.String(key),
			StatusReason: aws.String("ready")}}, nil
	},
	"ListIpAccessSettings": func(in any) (any, error) {
		var all []types.IpAccessSettingsSummary
		for i := range 3 {
			all = append(all, types.IpAccessSettingsSummary{IpAccessSettingsArn: aws.String(workspaceswebArn("ipAccessSettings", fmt.Sprint("ip", i))),
				DisplayName: aws.String(fmt.Sprint("office", i)), Description: aws.String("offices"), CreationDate: &workspaceswebCreated})
		}
		page, next := collecttest.Page(all, in.(*workspacesweb.ListIpAccessSettingsInput).NextToken, 2)
		return &workspacesweb.ListIpAccessSettingsOutput{IpAccessSettings: page, NextToken: next}, nil
	},
	"GetIpAccessSettings": func(in any) (any, error) {
		a := in.(*workspacesweb.GetIpAccessSettingsInput).IpAccessSettingsArn
		return &workspacesweb.GetIpAccessSettingsOutput{IpAccessSettings: &types.IpAccessSettings{IpAccessSettingsArn: a,
			IpRules:              []types.IpRule{{IpRange: aws.String("198.51.100.0/24")}, {IpRange: aws.String("203.0.113.7/32")}},
			AssociatedPortalArns: []string{workspaceswebArn("portal", "p0")}}}, nil
	},
	"ListTagsForResource": func(in any) (any, error) {
		a := aws.ToString(in.(*workspacesweb.ListTagsForResourceInput).ResourceArn)
		return &workspacesweb.ListTagsForResourceOutput{Tags: workspaceswebTags("of", a[strings.LastIndex(a, "/")+1:])}, nil
	},
}

func TestWorkspaceswebPortals(t *testing.T) {
	collecttest.Require(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(workspaceswebCanned)})
	got := workspaceswebPaged.Run(t, cfg, collector.Service, "portal", region)
	if got.Err != nil || len(got.Resources) != 3 {
		t.Fatalf("portals: %v, %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	p := got.ByID()["p0"]
	if p == nil || p.Name != "portal0" || p.ARN != workspaceswebArn("portal", "p0") || p.Tags["of"] != "p0" || p.CreatedAt != "2026-02-01T00:00:00Z" ||
		p.Details["status"] != "Active" || p.Details["authentication_type"] != "IAM_Identity_Center" || p.Details["max_concurrent_sessions"] != int64(25) ||
		p.Details["portal_endpoint"] != "p0.portal.aws" || p.Details["kms_key_arn"] != key || p.Details["status_reason"] != "ready" {
		t.Fatalf("p0: %+v", p)
	}
	collecttest.HasEdges(t, got, "p0 -uses-settings-> workspaces-web/browser-settings:b0", "p0 -uses-settings-> workspaces-web/ip-access-settings:ip0",
		"p2 -encrypted-with-> kms/key:1234abcd-12ab-34cd-56ef-1234567890ab")

	got = workspaceswebPaged.Run(t, cfg, collector.Service, "ip-access-settings", region)
	if got.Err != nil || len(got.Resources) != 3 {
		t.Fatalf("ip access settings: %v, %d", got.Err, len(got.Resources))
	}
	ip := got.ByID()["ip2"]
	if ip == nil || ip.Name != "office2" || ip.Tags["of"] != "ip2" || fmt.Sprint(ip.Details["ip_ranges"]) != "[198.51.100.0/24 203.0.113.7/32]" ||
		fmt.Sprint(ip.Details["portals"]) != "[p0]" || ip.Details["kms_key_arn"] != "" || ip.Details["description"] != "offices" {
		t.Fatalf("ip2: %+v", ip)
	}
}

func TestWorkspaceswebDenied(t *testing.T) {
	collecttest.Require(t)
	for typ, op := range map[string]string{"portal": "ListPortals", "browser-settings": "ListBrowserSettings", "network-settings": "ListNetworkSettings",
		"user-settings": "ListUserSettings", "user-access-logging-settings": "ListUserAccessLoggingSettings", "ip-access-settings": "ListIpAccessSettings"} {
		cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){op: collecttest.Denied(op)})})
		collecttest.AssertDenied(t, workspaceswebPaged.Run(t, cfg, collector.Service, typ, region))
	}
	// Tags denied: resources stay, the collection is partial.
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Chain(collecttest.Deny("ListTagsForResource"), collecttest.Canned(workspaceswebCanned))})
	got := workspaceswebPaged.Run(t, cfg, collector.Service, "portal", region)
	if got.Err != nil || len(got.Resources) != 3 || len(got.Task.Warnings()) != 3 {
		t.Fatalf("want every portal, each with a warning: %v, %d, %d", got.Err, len(got.Resources), len(got.Task.Warnings()))
	}
}
