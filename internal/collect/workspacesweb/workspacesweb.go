// Package workspacesweb collects WorkSpaces Secure Browser (WorkSpaces
// Web) portals and the settings attached to them: browser, network, user
// (what users may copy, download, print...), access logging and IP access.
package workspacesweb

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/workspacesweb"
	"github.com/aws/aws-sdk-go-v2/service/workspacesweb/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the WorkSpaces Secure Browser collector.
var Service = &collect.Service{
	Name:        "workspaces-web",
	Description: "WorkSpaces Secure Browser portals and their browser, network, user, access logging and IP access settings",
	Types: []collect.Type{
		{Name: "portal", Description: "WorkSpaces Secure Browser portal (id = portal id): endpoint, sign-in, instance type, the settings it uses",
			Fields: portalFields.Declared(), Tags: collect.TagsPerResource, Collect: portals, DetailCalls: 2},
		{Name: "browser-settings", Description: "browser settings (id = settings id): the Chrome policy portals apply",
			Fields: browserFields.Declared(), Tags: collect.TagsPerResource, Collect: browserSettings, DetailCalls: 2},
		{Name: "network-settings", Description: "network settings (id = settings id): VPC, subnets and security groups of the streaming instances",
			Fields: networkFields.Declared(), Tags: collect.TagsPerResource, Collect: networkSettings, DetailCalls: 2},
		{Name: "user-settings", Description: "user settings (id = settings id): whether users may copy, paste, download, upload and print",
			Fields: userFields.Declared(), Tags: collect.TagsPerResource, Collect: userSettings, DetailCalls: 2},
		{Name: "user-access-logging-settings", Description: "user access logging settings (id = settings id): the Kinesis stream session events go to",
			Fields: loggingFields.Declared(), Tags: collect.TagsPerResource, Collect: loggingSettings, DetailCalls: 2},
		{Name: "ip-access-settings", Description: "IP access settings (id = settings id): the IP ranges allowed to reach a portal",
			Fields: ipFields.Declared(), Tags: collect.TagsPerResource, Collect: ipAccessSettings, DetailCalls: 2},
	},
	Calls: "portal: ListPortals + per portal GetPortal, ListTagsForResource. " +
		"browser-settings, network-settings, user-settings, user-access-logging-settings, ip-access-settings: List* + per settings Get*, ListTagsForResource",
	Relations: []collect.Relation{
		{From: "portal", Kind: "uses-settings", To: "workspaces-web/browser-settings"},
		{From: "portal", Kind: "uses-settings", To: "workspaces-web/network-settings"},
		{From: "portal", Kind: "uses-settings", To: "workspaces-web/user-settings"},
		{From: "portal", Kind: "uses-settings", To: "workspaces-web/user-access-logging-settings"},
		{From: "portal", Kind: "uses-settings", To: "workspaces-web/ip-access-settings"},
		{From: "portal", Kind: "encrypted-with", To: "kms/key"},
		{From: "browser-settings", Kind: "encrypted-with", To: "kms/key"},
		{From: "ip-access-settings", Kind: "encrypted-with", To: "kms/key"},
		{From: "user-settings", Kind: "encrypted-with", To: "kms/key"},
		{From: "network-settings", Kind: "in-vpc", To: "ec2/vpc"},
		{From: "network-settings", Kind: "in-subnet", To: "ec2/subnet"},
		{From: "network-settings", Kind: "uses-security-group", To: "ec2/security-group"},
		{From: "user-access-logging-settings", Kind: "streams-to", To: "kinesis/stream"},
	},
}

// emit reads the tags of the resource arn names (a failure is a warning
// and leaves them unknown) and emits it as typ, id = the ARN's last segment.
func emit(ctx context.Context, t *collect.Task, api *workspacesweb.Client, typ string, arn *string, r *model.Resource) model.Key {
	out, err := api.ListTagsForResource(ctx, &workspacesweb.ListTagsForResourceInput{ResourceArn: arn})
	t.Warn("ListTagsForResource", err)
	if err == nil {
		r.Tags = collect.TagMap(out.Tags, func(tg types.Tag) (*string, *string) { return tg.Key, tg.Value })
	}
	r.Key, r.ARN = t.Key(typ, collect.ARNResourceName(aws.ToString(arn))), aws.ToString(arn)
	t.Emit(r)
	return r.Key
}

// relateKMS records the customer managed key a resource is encrypted with.
func relateKMS(t *collect.Task, key model.Key, kmsKey *string) {
	t.Relate(key, "encrypted-with", t.KMSKey(aws.ToString(kmsKey)))
}

// portalIDs are the ids of the portals a settings resource is attached to.
func portalIDs(arns []string) []string {
	ids := []string{}
	for _, a := range arns {
		ids = append(ids, collect.ARNResourceName(a))
	}
	return ids
}

// portal is a listed portal with its GetPortal answer (nil when that failed).
type portal struct {
	types.PortalSummary
	detail *types.Portal
}

func hasPortal(p portal) bool { return p.detail != nil }

var portalFields = collect.Fields[portal]{
	collect.Enum("status", "Incomplete, Pending or Active", func(p portal) types.PortalStatus { return p.PortalStatus }),
	collect.Enum("authentication_type", "Standard (a SAML identity provider) or IAM_Identity_Center", func(p portal) types.AuthenticationType { return p.AuthenticationType }),
	collect.Enum("browser_type", "browser streamed (Chrome)", func(p portal) types.BrowserType { return p.BrowserType }),
	collect.Enum("instance_type", "streaming instance type", func(p portal) types.InstanceType { return p.InstanceType }),
	collect.Enum("renderer_type", "renderer (AppStream)", func(p portal) types.RendererType { return p.RendererType }),
	collect.Int("max_concurrent_sessions", "most sessions at once", func(p portal) *int32 { return p.MaxConcurrentSessions }),
	collect.Text("portal_endpoint", "web address users sign in at", func(p portal) *string { return p.PortalEndpoint }),
	collect.Text("custom_domain", "custom domain of the portal, if any", func(p portal) *string { return p.PortalCustomDomain }),
	collect.When(hasPortal, collect.Text("kms_key_arn", "customer managed key; empty: an AWS owned key", func(p portal) *string { return p.detail.CustomerManagedKey })),
	collect.When(hasPortal, collect.Text("status_reason", "why the portal is in its status", func(p portal) *string { return p.detail.StatusReason })),
}

func portalsOf(page *workspacesweb.ListPortalsOutput) []types.PortalSummary { return page.Portals }

func portals(ctx context.Context, t *collect.Task) error {
	api := workspacesweb.NewFromConfig(t.Config)
	p := workspacesweb.NewListPortalsPaginator(api, &workspacesweb.ListPortalsInput{MaxResults: t.PageSize(100)})
	return collect.EachItem(ctx, p, portalsOf, func(ctx context.Context, s types.PortalSummary) {
		pt := portal{PortalSummary: s}
		out, err := api.GetPortal(ctx, &workspacesweb.GetPortalInput{PortalArn: s.PortalArn})
		t.Warn("GetPortal", err)
		if err == nil {
			pt.detail = out.Portal
		}
		key := emit(ctx, t, api, "portal", s.PortalArn, &model.Resource{Name: aws.ToString(s.DisplayName), CreatedAt: model.Time(s.CreationDate),
			Details: portalFields.Details(pt)})
		for typ, arn := range map[string]*string{"browser-settings": s.BrowserSettingsArn, "network-settings": s.NetworkSettingsArn,
			"user-settings": s.UserSettingsArn, "user-access-logging-settings": s.UserAccessLoggingSettingsArn, "ip-access-settings": s.IpAccessSettingsArn} {
			if arn != nil {
				t.Relate(key, "uses-settings", t.Key(typ, collect.ARNResourceName(*arn)))
			}
		}
		if pt.detail != nil {
			relateKMS(t, key, pt.detail.CustomerManagedKey)
		}
	})
}

func hasBrowser(b *types.BrowserSettings) bool { return b != nil }

var browserFields = collect.Fields[*types.BrowserSettings]{
	collect.When(hasBrowser, collect.Computed("browser_policy", model.JSON, "Chrome policy applied in sessions", func(b *types.BrowserSettings) any {
		return collect.PolicyJSON(aws.ToString(b.BrowserPolicy))
	})),
	collect.When(hasBrowser, collect.Text("kms_key_arn", "customer managed key; empty: an AWS owned key", func(b *types.BrowserSettings) *string { return b.CustomerManagedKey })),
	collect.When(hasBrowser, collect.Computed("portals", model.JSON, "ids of the portals using the settings", func(b *types.BrowserSettings) any {
		return portalIDs(b.AssociatedPortalArns)
	})),
}

func browserSettingsOf(page *workspacesweb.ListBrowserSettingsOutput) []types.BrowserSettingsSummary {
	return page.BrowserSettings
}

func browserSettings(ctx context.Context, t *collect.Task) error {
	api := workspacesweb.NewFromConfig(t.Config)
	p := workspacesweb.NewListBrowserSettingsPaginator(api, &workspacesweb.ListBrowserSettingsInput{MaxResults: t.PageSize(100)})
	return collect.EachItem(ctx, p, browserSettingsOf, func(ctx context.Context, s types.BrowserSettingsSummary) {
		var b *types.BrowserSettings
		out, err := api.GetBrowserSettings(ctx, &workspacesweb.GetBrowserSettingsInput{BrowserSettingsArn: s.BrowserSettingsArn})
		t.Warn("GetBrowserSettings", err)
		if err == nil {
			b = out.BrowserSettings
		}
		key := emit(ctx, t, api, "browser-settings", s.BrowserSettingsArn, &model.Resource{Details: browserFields.Details(b)})
		if b != nil {
			relateKMS(t, key, b.CustomerManagedKey)
		}
	})
}

// network is listed network settings with the GetNetworkSettings answer (nil when that failed).
type network struct {
	types.NetworkSettingsSummary
	detail *types.NetworkSettings
}

func hasNetwork(n network) bool { return n.detail != nil }

// networkList reads a list of the GetNetworkSettings answer; unknown when it failed.
func networkList(description, name string, get func(*types.NetworkSettings) []string) collect.Field[network] {
	return collect.When(hasNetwork, collect.Computed(name, model.JSON, description, func(n network) any {
		return append([]string{}, get(n.detail)...)
	}))
}

var networkFields = collect.Fields[network]{
	collect.Text("vpc_id", "VPC of the streaming instances", func(n network) *string { return n.VpcId }),
	networkList("subnets of the streaming instances", "subnet_ids", func(d *types.NetworkSettings) []string { return d.SubnetIds }),
	networkList("security groups of the streaming instances", "security_group_ids", func(d *types.NetworkSettings) []string { return d.SecurityGroupIds }),
	networkList("ids of the portals using the settings", "portals", func(d *types.NetworkSettings) []string { return portalIDs(d.AssociatedPortalArns) }),
}

func networkSettingsOf(page *workspacesweb.ListNetworkSettingsOutput) []types.NetworkSettingsSummary {
	return page.NetworkSettings
}

func networkSettings(ctx context.Context, t *collect.Task) error {
	api := workspacesweb.NewFromConfig(t.Config)
	p := workspacesweb.NewListNetworkSettingsPaginator(api, &workspacesweb.ListNetworkSettingsInput{MaxResults: t.PageSize(100)})
	return collect.EachItem(ctx, p, networkSettingsOf, func(ctx context.Context, s types.NetworkSettingsSummary) {
		n := network{NetworkSettingsSummary: s}
		out, err := api.GetNetworkSettings(ctx, &workspacesweb.GetNetworkSettingsInput{NetworkSettingsArn: s.NetworkSettingsArn})
		t.Warn("GetNetworkSettings", err)
		if err == nil {
			n.detail = out.NetworkSettings
		}
		key := emit(ctx, t, api, "network-settings", s.NetworkSettingsArn, &model.Resource{Details: networkFields.Details(n)})
		t.Relate(key, "in-vpc", t.Ref("ec2", "vpc", aws.ToString(s.VpcId)))
		if n.detail != nil {
			for _, id := range n.detail.SubnetIds {
				t.Relate(key, "in-subnet", t.Ref("ec2", "subnet", id))
			}
			for _, id := range n.detail.SecurityGroupIds {
				t.Relate(key, "uses-security-group", t.Ref("ec2", "security-group", id))
			}
		}
	})
}

// user is user settings as GetUserSettings answers them or, when that
// failed, as the listing summarised them (known false).
type user struct {
	types.UserSettings
	known bool
}

// userOf is the listing's summary as user settings.
func userOf(s types.UserSettingsSummary) user {
	return user{UserSettings: types.UserSettings{UserSettingsArn: s.UserSettingsArn, CopyAllowed: s.CopyAllowed, PasteAllowed: s.PasteAllowed,
		DownloadAllowed: s.DownloadAllowed, UploadAllowed: s.UploadAllowed, PrintAllowed: s.PrintAllowed, DeepLinkAllowed: s.DeepLinkAllowed,
		DisconnectTimeoutInMinutes: s.DisconnectTimeoutInMinutes, IdleDisconnectTimeoutInMinutes: s.IdleDisconnectTimeoutInMinutes,
		CookieSynchronizationConfiguration: s.CookieSynchronizationConfiguration}}
}

// allowed is a user settings permission field.
func allowed(name, what string, get func(user) types.EnabledType) collect.Field[user] {
	return collect.Enum(name, "Enabled or Disabled: users may "+what, get)
}

func hasUser(u user) bool { return u.known }

var userFields = collect.Fields[user]{
	allowed("copy_allowed", "copy from the session to their device", func(u user) types.EnabledType { return u.CopyAllowed }),
	allowed("paste_allowed", "paste from their device into the session", func(u user) types.EnabledType { return u.PasteAllowed }),
	allowed("download_allowed", "download files to their device", func(u user) types.EnabledType { return u.DownloadAllowed }),
	allowed("upload_allowed", "upload files from their device", func(u user) types.EnabledType { return u.UploadAllowed }),
	allowed("print_allowed", "print to their local printer", func(u user) types.EnabledType { return u.PrintAllowed }),
	allowed("deep_link_allowed", "open the portal by deep links", func(u user) types.EnabledType { return u.DeepLinkAllowed }),
	collect.Int("disconnect_timeout_minutes", "session kept after a disconnect", func(u user) *int32 { return u.DisconnectTimeoutInMinutes }),
	collect.Int("idle_disconnect_timeout_minutes", "idle time before a disconnect", func(u user) *int32 { return u.IdleDisconnectTimeoutInMinutes }),
	collect.Computed("cookie_synchronization", model.Boolean, "cookies are synchronized between sessions and the local browser",
		func(u user) any { return u.CookieSynchronizationConfiguration != nil }),
	collect.When(hasUser, collect.Text("kms_key_arn", "customer managed key; empty: an AWS owned key", func(u user) *string { return u.CustomerManagedKey })),
	collect.When(hasUser, collect.Computed("portals", model.JSON, "ids of the portals using the settings", func(u user) any {
		return portalIDs(u.AssociatedPortalArns)
	})),
}

func userSettingsOf(page *workspacesweb.ListUserSettingsOutput) []types.UserSettingsSummary {
	return page.UserSettings
}

func userSettings(ctx context.Context, t *collect.Task) error {
	api := workspacesweb.NewFromConfig(t.Config)
	p := workspacesweb.NewListUserSettingsPaginator(api, &workspacesweb.ListUserSettingsInput{MaxResults: t.PageSize(100)})
	return collect.EachItem(ctx, p, userSettingsOf, func(ctx context.Context, s types.UserSettingsSummary) {
		u := userOf(s)
		out, err := api.GetUserSettings(ctx, &workspacesweb.GetUserSettingsInput{UserSettingsArn: s.UserSettingsArn})
		t.Warn("GetUserSettings", err)
		if err == nil && out.UserSettings != nil {
			u = user{UserSettings: *out.UserSettings, known: true}
		}
		key := emit(ctx, t, api, "user-settings", s.UserSettingsArn, &model.Resource{Details: userFields.Details(u)})
		relateKMS(t, key, u.CustomerManagedKey)
	})
}

// logging is listed user access logging settings with the
// GetUserAccessLoggingSettings answer (nil when that failed).
type logging struct {
	types.UserAccessLoggingSettingsSummary
	detail *types.UserAccessLoggingSettings
}

// stream is the Kinesis stream of the settings.
func (l logging) stream() string {
	if l.detail != nil {
		return aws.ToString(l.detail.KinesisStreamArn)
	}
	return aws.ToString(l.KinesisStreamArn)
}

func hasLogging(l logging) bool { return l.detail != nil }

var loggingFields = collect.Fields[logging]{
	collect.Computed("kinesis_stream_arn", model.Text, "Kinesis data stream session events go to", func(l logging) any { return l.stream() }),
	collect.When(hasLogging, collect.Computed("portals", model.JSON, "ids of the portals using the settings", func(l logging) any {
		return portalIDs(l.detail.AssociatedPortalArns)
	})),
}

func loggingSettingsOf(page *workspacesweb.ListUserAccessLoggingSettingsOutput) []types.UserAccessLoggingSettingsSummary {
	return page.UserAccessLoggingSettings
}

func loggingSettings(ctx context.Context, t *collect.Task) error {
	api := workspacesweb.NewFromConfig(t.Config)
	p := workspacesweb.NewListUserAccessLoggingSettingsPaginator(api, &workspacesweb.ListUserAccessLoggingSettingsInput{MaxResults: t.PageSize(100)})
	return collect.EachItem(ctx, p, loggingSettingsOf, func(ctx context.Context, s types.UserAccessLoggingSettingsSummary) {
		l := logging{UserAccessLoggingSettingsSummary: s}
		out, err := api.GetUserAccessLoggingSettings(ctx, &workspacesweb.GetUserAccessLoggingSettingsInput{UserAccessLoggingSettingsArn: s.UserAccessLoggingSettingsArn})
		t.Warn("GetUserAccessLoggingSettings", err)
		if err == nil {
			l.detail = out.UserAccessLoggingSettings
		}
		key := emit(ctx, t, api, "user-access-logging-settings", s.UserAccessLoggingSettingsArn, &model.Resource{Details: loggingFields.Details(l)})
		if k, ok := collect.StreamKey(l.stream()); ok && k.Service == "kinesis" {
			t.Relate(key, "streams-to", k)
		}
	})
}

// ipAccess is listed IP access settings with the GetIpAccessSettings answer (nil when that failed).
type ipAccess struct {
	types.IpAccessSettingsSummary
	detail *types.IpAccessSettings
}

func hasIPAccess(i ipAccess) bool { return i.detail != nil }

var ipFields = collect.Fields[ipAccess]{
	collect.Text("description", "description of the settings", func(i ipAccess) *string { return i.Description }),
	collect.When(hasIPAccess, collect.Computed("ip_ranges", model.JSON, "CIDR ranges allowed to reach the portals", func(i ipAccess) any {
		ranges := []string{}
		for _, r := range i.detail.IpRules {
			ranges = append(ranges, aws.ToString(r.IpRange))
		}
		return ranges
	})),
	collect.When(hasIPAccess, collect.Text("kms_key_arn", "customer managed key; empty: an AWS owned key", func(i ipAccess) *string { return i.detail.CustomerManagedKey })),
	collect.When(hasIPAccess, collect.Computed("portals", model.JSON, "ids of the portals using the settings", func(i ipAccess) any {
		return portalIDs(i.detail.AssociatedPortalArns)
	})),
}

func ipAccessSettingsOf(page *workspacesweb.ListIpAccessSettingsOutput) []types.IpAccessSettingsSummary {
	return page.IpAccessSettings
}

func ipAccessSettings(ctx context.Context, t *collect.Task) error {
	api := workspacesweb.NewFromConfig(t.Config)
	p := workspacesweb.NewListIpAccessSettingsPaginator(api, &workspacesweb.ListIpAccessSettingsInput{MaxResults: t.PageSize(100)})
	return collect.EachItem(ctx, p, ipAccessSettingsOf, func(ctx context.Context, s types.IpAccessSettingsSummary) {
		i := ipAccess{IpAccessSettingsSummary: s}
		out, err := api.GetIpAccessSettings(ctx, &workspacesweb.GetIpAccessSettingsInput{IpAccessSettingsArn: s.IpAccessSettingsArn})
		t.Warn("GetIpAccessSettings", err)
		if err == nil {
			i.detail = out.IpAccessSettings
		}
		key := emit(ctx, t, api, "ip-access-settings", s.IpAccessSettingsArn, &model.Resource{Name: aws.ToString(s.DisplayName),
			CreatedAt: model.Time(s.CreationDate), Details: ipFields.Details(i)})
		if i.detail != nil {
			relateKMS(t, key, i.detail.CustomerManagedKey)
		}
	})
}
