// Package iam collects IAM identities, policies and account-level settings.
// Identities and policies come from the GetAccountAuthorizationDetails batch
// API; credentials from one credential report for all users.
package iam

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"maps"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsiam "github.com/aws/aws-sdk-go-v2/service/iam"
	iamtypes "github.com/aws/aws-sdk-go-v2/service/iam/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the IAM collector.
var Service = &collect.Service{
	Name:        "iam",
	Description: "IAM users, roles, groups, customer-managed policies, instance profiles, password policy, account summary",
	Scope:       collect.Global,
	Types: []collect.Type{
		{Name: "user", Description: "IAM user (id = user name) with its credentials from the credential report", Fields: userFields, Tags: collect.TagsListed, Collect: users, DetailCalls: 2},
		{Name: "role", Description: "IAM role (id = role name); service-linked roles (path /aws-service-role/) are skipped", Fields: roleFields, Tags: collect.TagsListed, Collect: roles},
		{Name: "group", Description: "IAM group (id = group name)", Fields: groupFields, Tags: collect.NotTaggable, Collect: groups},
		{Name: "policy", Description: "customer-managed IAM policy (id = policy name); AWS-managed policies are skipped", Fields: policyFields, Tags: collect.TagsPerResource, Collect: policies, DetailCalls: 1},
		{Name: "instance-profile", Description: "IAM instance profile (id = instance profile name)", Fields: instanceProfileFields, Tags: collect.TagsListed, Collect: instanceProfiles},
		{Name: "password-policy", Description: "account password policy (single resource, id account-password-policy)", Fields: passwordPolicyFields, Tags: collect.NotTaggable, Collect: passwordPolicy},
		{Name: "account-summary", Description: "IAM account summary (single resource, id account-summary)", Fields: accountSummaryFields, Tags: collect.NotTaggable, Collect: accountSummary},
		{Name: "saml-provider", Description: "IAM SAML identity provider (id = provider name)", Fields: samlProviderFields.Declared(), Tags: collect.TagsPerResource, Collect: samlProviders, DetailCalls: 1},
		{Name: "oidc-provider", Description: "IAM OpenID Connect identity provider (id = issuer host and path)", Fields: oidcProviderFields.Declared(), Tags: collect.TagsPerResource, Collect: oidcProviders, DetailCalls: 1},
		{Name: "server-certificate", Description: "IAM server certificate (id = certificate name)", Fields: serverCertificateFields.Declared(), Tags: collect.TagsPerResource, Collect: serverCertificates, DetailCalls: 1},
		{Name: "virtual-mfa-device", Description: "virtual MFA device (id = device name), assigned or not", Fields: virtualMFAFields.Declared(), Tags: collect.TagsListed, Collect: virtualMFADevices},
	},
	Calls: "user: GetAccountAuthorizationDetails (paged, shared by user/role/group/policy) + Generate/GetCredentialReport + per user ListAccessKeys and ListMFADevices. role: auth details + ListRoles (paged). group: auth details. policy: auth details + per policy ListPolicyTags. instance-profile: ListInstanceProfiles. password-policy, account-summary: 1 call. saml-provider: ListSAMLProviders + per provider GetSAMLProvider. oidc-provider: ListOpenIDConnectProviders + per provider GetOpenIDConnectProvider. server-certificate: ListServerCertificates + per certificate ListServerCertificateTags. virtual-mfa-device: ListVirtualMFADevices",
	Relations: []collect.Relation{
		{From: "group", Kind: "has-policy", To: "iam/policy"},
		{From: "instance-profile", Kind: "assumes-role", To: "iam/role"},
		{From: "role", Kind: "has-policy", To: "iam/policy"},
		{From: "user", Kind: "has-policy", To: "iam/policy"},
		{From: "user", Kind: "member-of", To: "iam/group"},
		{From: "virtual-mfa-device", Kind: "assigned-to", To: "iam/user"},
	},
}

func client(t *collect.Task) *awsiam.Client { return awsiam.NewFromConfig(t.Config) }

func tags(ts []iamtypes.Tag) map[string]string {
	return collect.TagMap(ts, func(t iamtypes.Tag) (*string, *string) { return t.Key, t.Value })
}

// authDetails holds one paginated GetAccountAuthorizationDetails listing.
type authDetails struct {
	users    []iamtypes.UserDetail
	roles    []iamtypes.RoleDetail
	groups   []iamtypes.GroupDetail
	policies []iamtypes.ManagedPolicyDetail
}

func listAuthDetails(ctx context.Context, t *collect.Task, filter ...iamtypes.EntityType) (*authDetails, error) {
	p := awsiam.NewGetAccountAuthorizationDetailsPaginator(client(t), &awsiam.GetAccountAuthorizationDetailsInput{
		Filter: filter, MaxItems: t.PageSize(1000),
	})
	d := &authDetails{}
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, err
		}
		d.users = append(d.users, page.UserDetailList...)
		d.roles = append(d.roles, page.RoleDetailList...)
		d.groups = append(d.groups, page.GroupDetailList...)
		d.policies = append(d.policies, page.Policies...)
	}
	return d, nil
}

// attachments fills the policy fields every identity has and relates the
// identity to the customer-managed policies attached to it.
func attachments(t *collect.Task, key model.Key, d map[string]any, attached []iamtypes.AttachedPolicy, inline []iamtypes.PolicyDetail) {
	names := make([]string, 0, len(attached))
	for _, a := range attached {
		names = append(names, aws.ToString(a.PolicyName))
		if isCustomerPolicy(aws.ToString(a.PolicyArn)) {
			t.Relate(key, "has-policy", t.Key("policy", aws.ToString(a.PolicyName)))
		}
	}
	inlineNames := make([]string, 0, len(inline))
	for _, p := range inline {
		inlineNames = append(inlineNames, aws.ToString(p.PolicyName))
	}
	d["attached_policies"] = names
	d["inline_policies"] = inlineNames
}

// isCustomerPolicy tells customer-managed policies from AWS-managed ones,
// whose ARNs have "aws" in place of an account id, in every partition
// (arn:aws-cn:iam::aws:policy/...).
func isCustomerPolicy(arn string) bool {
	return !strings.Contains(arn, ":iam::aws:policy/") && arn != ""
}

func boundary(b *iamtypes.AttachedPermissionsBoundary) string {
	if b == nil {
		return ""
	}
	return aws.ToString(b.PermissionsBoundaryArn)
}

// ---- users

var userFields = []model.Field{
	{Name: "user_id", Type: "text", Description: "stable unique id (AIDA...)"},
	{Name: "path", Type: "text", Description: "IAM path"},
	{Name: "groups", Type: "json", Description: "names of the groups the user belongs to"},
	{Name: "attached_policies", Type: "json", Description: "names of the managed policies attached to the user"},
	{Name: "inline_policies", Type: "json", Description: "names of the user's inline policies"},
	{Name: "permissions_boundary", Type: "text", Description: "ARN of the permissions boundary policy"},
	{Name: "password_enabled", Type: "boolean", Description: "the user has a console password (credential report)"},
	{Name: "console_access", Type: "boolean", Description: "the user can sign in to the console (has a password)"},
	{Name: "password_last_used", Type: "timestamp", Description: "last console sign-in (credential report)"},
	{Name: "password_last_changed", Type: "timestamp", Description: "last password change (credential report)"},
	{Name: "mfa_active", Type: "boolean", Description: "an MFA device is enabled (credential report)"},
	{Name: "mfa_devices", Type: "integer", Description: "number of MFA devices assigned"},
	{Name: "access_keys", Type: "json", Description: "access keys: [{id, status, created, last_used}]; age follows from created"},
}

func users(ctx context.Context, t *collect.Task) error {
	details, err := listAuthDetails(ctx, t, iamtypes.EntityTypeUser)
	if err != nil {
		return err
	}
	report := credentialReport(ctx, t)
	api := client(t)
	collect.ForEach(ctx, details.users, func(ctx context.Context, u iamtypes.UserDetail) {
		emitUser(ctx, t, api, u, report)
	})
	return nil
}

func emitUser(ctx context.Context, t *collect.Task, api *awsiam.Client, u iamtypes.UserDetail, report map[string]map[string]string) {
	name := aws.ToString(u.UserName)
	key := t.Key("user", name)
	d := map[string]any{
		"user_id":              aws.ToString(u.UserId),
		"path":                 aws.ToString(u.Path),
		"groups":               append([]string{}, u.GroupList...),
		"permissions_boundary": boundary(u.PermissionsBoundary),
	}
	attachments(t, key, d, u.AttachedManagedPolicies, u.UserPolicyList)
	row, haveReport := report[name]
	if haveReport {
		d["password_enabled"] = row["password_enabled"] == "true"
		d["console_access"] = row["password_enabled"] == "true"
		d["mfa_active"] = row["mfa_active"] == "true"
		setReportTime(d, "password_last_used", row["password_last_used"])
		setReportTime(d, "password_last_changed", row["password_last_changed"])
	}
	if keys, err := accessKeys(ctx, t, api, name, row); err == nil {
		d["access_keys"] = keys
	} else {
		t.Warn("ListAccessKeys", err)
	}
	if n, err := mfaDevices(ctx, t, api, name); err == nil {
		d["mfa_devices"] = n
	} else {
		t.Warn("ListMFADevices", err)
	}
	t.Emit(&model.Resource{
		Key: key, ARN: aws.ToString(u.Arn), Name: name,
		CreatedAt: model.Time(u.CreateDate), Tags: tags(u.Tags), Details: d,
	})
	for _, g := range u.GroupList {
		t.Relate(key, "member-of", t.Key("group", g))
	}
}

// reportTime parses a credential report date; the report says "N/A",
// "no_information" or "not_supported" when there is none.
func reportTime(s string) (time.Time, bool) {
	tm, err := time.Parse(time.RFC3339, s)
	return tm, err == nil
}

func setReportTime(d map[string]any, field, value string) {
	if tm, ok := reportTime(value); ok {
		d[field] = model.Time(&tm)
	}
}

// credentialReportWait bounds how long a scan waits for AWS to build the report.
const credentialReportWait = 60 * time.Second

// credentialReport returns the credential report rows by user name, or nil
// (with a warning) when it cannot be had: users are then emitted without
// their password and MFA fields.
func credentialReport(ctx context.Context, t *collect.Task) map[string]map[string]string {
	api := client(t)
	deadline := time.Now().Add(credentialReportWait)
	for {
		out, err := api.GenerateCredentialReport(ctx, &awsiam.GenerateCredentialReportInput{})
		if err != nil {
			t.Warn("GenerateCredentialReport", err)
			return nil
		}
		if out.State == iamtypes.ReportStateTypeComplete {
			break
		}
		if time.Now().After(deadline) {
			t.Warn("GenerateCredentialReport", context.DeadlineExceeded)
			return nil
		}
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(2 * time.Second):
		}
	}
	out, err := api.GetCredentialReport(ctx, &awsiam.GetCredentialReportInput{})
	if err != nil {
		t.Warn("GetCredentialReport", err)
		return nil
	}
	rows, err := parseReport(out.Content)
	if err != nil {
		t.Warn("GetCredentialReport", err)
	}
	return rows
}

// parseReport reads the credential report CSV into rows by user name.
func parseReport(content []byte) (map[string]map[string]string, error) {
	records, err := csv.NewReader(bytes.NewReader(content)).ReadAll()
	if err != nil || len(records) == 0 {
		return nil, err
	}
	header := records[0]
	rows := make(map[string]map[string]string, len(records)-1)
	for _, rec := range records[1:] {
		row := make(map[string]string, len(header))
		for i, h := range header {
			if i < len(rec) {
				row[h] = rec[i]
			}
		}
		rows[row["user"]] = row
	}
	return rows, nil
}

func accessKeys(ctx context.Context, t *collect.Task, api *awsiam.Client, user string, report map[string]string) ([]map[string]any, error) {
	var keys []iamtypes.AccessKeyMetadata
	p := awsiam.NewListAccessKeysPaginator(api, &awsiam.ListAccessKeysInput{UserName: &user, MaxItems: t.PageSize(100)})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, err
		}
		keys = append(keys, page.AccessKeyMetadata...)
	}
	out := make([]map[string]any, 0, len(keys))
	for _, k := range keys {
		m := map[string]any{"id": aws.ToString(k.AccessKeyId), "status": string(k.Status), "created": model.Time(k.CreateDate)}
		if used := keyLastUsed(report, k.CreateDate); used != "" {
			m["last_used"] = used
		}
		out = append(out, m)
	}
	return out, nil
}

// keyLastUsed finds a key's last use in the report, which lists keys as
// access_key_1/2 without ids: the key is the one whose last rotation (its
// creation) is the key's creation time.
func keyLastUsed(report map[string]string, created *time.Time) string {
	if created == nil {
		return ""
	}
	for _, n := range []string{"1", "2"} {
		rotated, ok := reportTime(report["access_key_"+n+"_last_rotated"])
		if !ok || !rotated.Truncate(time.Second).Equal(created.Truncate(time.Second)) {
			continue
		}
		if used, ok := reportTime(report["access_key_"+n+"_last_used_date"]); ok {
			return model.Time(&used)
		}
	}
	return ""
}

func mfaDevices(ctx context.Context, t *collect.Task, api *awsiam.Client, user string) (int, error) {
	n := 0
	p := awsiam.NewListMFADevicesPaginator(api, &awsiam.ListMFADevicesInput{UserName: &user, MaxItems: t.PageSize(100)})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return 0, err
		}
		n += len(page.MFADevices)
	}
	return n, nil
}

// ---- roles

var roleFields = []model.Field{
	{Name: "role_id", Type: "text", Description: "stable unique id (AROA...)"},
	{Name: "path", Type: "text", Description: "IAM path"},
	{Name: "description", Type: "text", Description: "role description"},
	{Name: "trust_policy", Type: "json", Description: "assume-role (trust) policy document"},
	{Name: "trust_principals", Type: "json", Description: "principals the trust policy allows: AWS ARNs/accounts, services, federated providers, *"},
	{Name: "trusts_other_accounts", Type: "boolean", Description: "an AWS principal of another account may assume the role"},
	{Name: "trusts_everyone", Type: "boolean", Description: "the trust policy allows the principal *"},
	{Name: "attached_policies", Type: "json", Description: "names of the managed policies attached to the role"},
	{Name: "inline_policies", Type: "json", Description: "names of the role's inline policies"},
	{Name: "permissions_boundary", Type: "text", Description: "ARN of the permissions boundary policy"},
	{Name: "last_used", Type: "timestamp", Description: "last time the role was assumed (tracked for 400 days)"},
	{Name: "last_used_region", Type: "text", Description: "region of the last use"},
	{Name: "max_session_duration", Type: "integer", Description: "maximum session duration in seconds"},
}

func roles(ctx context.Context, t *collect.Task) error {
	details, err := listAuthDetails(ctx, t, iamtypes.EntityTypeRole)
	if err != nil {
		return err
	}
	// The authorization details lack the session duration and description.
	extra := map[string]iamtypes.Role{}
	api := client(t)
	p := awsiam.NewListRolesPaginator(api, &awsiam.ListRolesInput{MaxItems: t.PageSize(1000)})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			t.Warn("ListRoles", err)
			break
		}
		for _, r := range page.Roles {
			extra[aws.ToString(r.RoleName)] = r
		}
	}
	var own []iamtypes.RoleDetail
	for _, r := range details.roles {
		if !strings.HasPrefix(aws.ToString(r.Path), "/aws-service-role/") {
			own = append(own, r)
		}
	}
	collect.ForEach(ctx, own, func(ctx context.Context, r iamtypes.RoleDetail) {
		emitRole(ctx, t, api, r, extra[aws.ToString(r.RoleName)])
	})
	return nil
}

func emitRole(ctx context.Context, t *collect.Task, api *awsiam.Client, r iamtypes.RoleDetail, extra iamtypes.Role) {
	name := aws.ToString(r.RoleName)
	key := t.Key("role", name)
	d := map[string]any{
		"role_id":              aws.ToString(r.RoleId),
		"path":                 aws.ToString(r.Path),
		"permissions_boundary": boundary(r.PermissionsBoundary),
	}
	if extra.RoleName != nil {
		d["description"] = aws.ToString(extra.Description)
		d["max_session_duration"] = int(aws.ToInt32(extra.MaxSessionDuration))
	}
	attachments(t, key, d, r.AttachedManagedPolicies, r.RolePolicyList)
	if doc := parseDocument(aws.ToString(r.AssumeRolePolicyDocument)); doc != nil {
		d["trust_policy"] = doc
		tr := analyseTrust(doc, t.Account)
		d["trust_principals"] = tr.principals
		d["trusts_other_accounts"] = tr.otherAccounts
		d["trusts_everyone"] = tr.everyone
	}
	lastUsed := r.RoleLastUsed
	if lastUsed == nil {
		// Not every listing carries it; GetRole always does.
		out, err := api.GetRole(ctx, &awsiam.GetRoleInput{RoleName: r.RoleName})
		if err == nil && out.Role != nil {
			lastUsed = out.Role.RoleLastUsed
		}
		t.Warn("GetRole", err)
	}
	if lastUsed != nil {
		if lastUsed.LastUsedDate != nil {
			d["last_used"] = model.Time(lastUsed.LastUsedDate)
		}
		if lastUsed.Region != nil {
			d["last_used_region"] = aws.ToString(lastUsed.Region)
		}
	}
	t.Emit(&model.Resource{
		Key: key, ARN: aws.ToString(r.Arn), Name: name,
		CreatedAt: model.Time(r.CreateDate), Tags: tags(r.Tags), Details: d,
	})
}

type trust struct {
	principals    []string
	otherAccounts bool
	everyone      bool
}

var accountID = regexp.MustCompile(`^\d{12}$`)

// analyseTrust lists who the Allow statements of a trust policy let in.
func analyseTrust(doc any, account string) trust {
	tr := trust{principals: []string{}}
	for _, st := range statements(doc) {
		if st["Effect"] != "Allow" {
			continue
		}
		principal := st["Principal"]
		if principal == "*" {
			tr.principals = append(tr.principals, "*")
			tr.everyone = true
			continue
		}
		m, _ := principal.(map[string]any)
		for kind, v := range m {
			for _, p := range strList(v) {
				tr.principals = append(tr.principals, p)
				if kind != "AWS" {
					continue
				}
				if p == "*" {
					tr.everyone = true
				} else if a := principalAccount(p); a != "" && a != account {
					tr.otherAccounts = true
				}
			}
		}
	}
	return tr
}

// principalAccount is the account of an AWS principal: an account id or an
// ARN (arn:aws:iam::ACCOUNT:...).
func principalAccount(p string) string {
	if accountID.MatchString(p) {
		return p
	}
	if parts := strings.SplitN(p, ":", 6); len(parts) == 6 && parts[0] == "arn" {
		return parts[4]
	}
	return ""
}

// ---- groups

var groupFields = []model.Field{
	{Name: "group_id", Type: "text", Description: "stable unique id (AGPA...)"},
	{Name: "path", Type: "text", Description: "IAM path"},
	{Name: "members", Type: "integer", Description: "number of users in the group"},
	{Name: "attached_policies", Type: "json", Description: "names of the managed policies attached to the group"},
	{Name: "inline_policies", Type: "json", Description: "names of the group's inline policies"},
}

func groups(ctx context.Context, t *collect.Task) error {
	// Users carry the memberships, so both come in the same listing.
	details, err := listAuthDetails(ctx, t, iamtypes.EntityTypeGroup, iamtypes.EntityTypeUser)
	if err != nil {
		return err
	}
	members := map[string]int{}
	for _, u := range details.users {
		for _, g := range u.GroupList {
			members[g]++
		}
	}
	for _, g := range details.groups {
		name := aws.ToString(g.GroupName)
		key := t.Key("group", name)
		d := map[string]any{"group_id": aws.ToString(g.GroupId), "path": aws.ToString(g.Path), "members": members[name]}
		attachments(t, key, d, g.AttachedManagedPolicies, g.GroupPolicyList)
		t.Emit(&model.Resource{Key: key, ARN: aws.ToString(g.Arn), Name: name, CreatedAt: model.Time(g.CreateDate), Details: d})
	}
	return nil
}

// ---- policies

var policyFields = []model.Field{
	{Name: "policy_id", Type: "text", Description: "stable unique id (ANPA...)"},
	{Name: "path", Type: "text", Description: "IAM path"},
	{Name: "description", Type: "text", Description: "policy description"},
	{Name: "default_version_id", Type: "text", Description: "version in force, e.g. v3"},
	{Name: "attachment_count", Type: "integer", Description: "users, groups and roles the policy is attached to"},
	{Name: "permissions_boundary_usage_count", Type: "integer", Description: "identities using it as permissions boundary"},
	{Name: "is_attachable", Type: "boolean", Description: "the policy can be attached"},
	{Name: "updated_at", Type: "timestamp", Description: "last update (new default version)"},
	{Name: "document", Type: "json", Description: "policy document of the default version"},
	{Name: "allows_admin", Type: "boolean", Description: "an Allow statement grants Action * (or *:*) on Resource *"},
	{Name: "allows_passrole_star", Type: "boolean", Description: "an Allow statement grants iam:PassRole (directly or by wildcard) on Resource *"},
}

func policies(ctx context.Context, t *collect.Task) error {
	details, err := listAuthDetails(ctx, t, iamtypes.EntityTypeLocalManagedPolicy)
	if err != nil {
		return err
	}
	api := awsiam.NewFromConfig(t.Config)
	collect.ForEach(ctx, details.policies, func(ctx context.Context, p iamtypes.ManagedPolicyDetail) {
		emitPolicy(t, p, policyTags(ctx, t, api, p.Arn))
	})
	return nil
}

// policyTags reads a customer policy's tags: the authorization details
// leave them out, and IAM has no batch tag call.
func policyTags(ctx context.Context, t *collect.Task, api *awsiam.Client, arn *string) map[string]string {
	p := awsiam.NewListPolicyTagsPaginator(api, &awsiam.ListPolicyTagsInput{PolicyArn: arn, MaxItems: t.PageSize(1000)})
	out := map[string]string{}
	err := collect.EachPage(ctx, p, func(page *awsiam.ListPolicyTagsOutput) error {
		maps.Copy(out, tags(page.Tags))
		return nil
	})
	t.Warn("ListPolicyTags", err)
	return out
}

func emitPolicy(t *collect.Task, p iamtypes.ManagedPolicyDetail, tags map[string]string) {
	name := aws.ToString(p.PolicyName)
	if name == "" { // the name is the ARN's last path segment
		name = collect.ARNResourceName(aws.ToString(p.Arn))
	}
	d := map[string]any{
		"policy_id":                        aws.ToString(p.PolicyId),
		"path":                             aws.ToString(p.Path),
		"description":                      aws.ToString(p.Description),
		"default_version_id":               aws.ToString(p.DefaultVersionId),
		"attachment_count":                 int(aws.ToInt32(p.AttachmentCount)),
		"permissions_boundary_usage_count": int(aws.ToInt32(p.PermissionsBoundaryUsageCount)),
		"is_attachable":                    p.IsAttachable,
		"updated_at":                       model.Time(p.UpdateDate),
	}
	for _, v := range p.PolicyVersionList {
		if !v.IsDefaultVersion {
			continue
		}
		if doc := parseDocument(aws.ToString(v.Document)); doc != nil {
			d["document"] = doc
			actions := starActions(doc)
			d["allows_admin"] = isAdmin(actions)
			d["allows_passrole_star"] = grants(actions, "iam:PassRole")
		}
	}
	t.Emit(&model.Resource{Key: t.Key("policy", name), ARN: aws.ToString(p.Arn), Name: name, CreatedAt: model.Time(p.CreateDate), Tags: tags, Details: d})
}

// starActions are the actions Allow statements grant on Resource "*".
func starActions(doc any) []string {
	var out []string
	for _, st := range statements(doc) {
		if st["Effect"] == "Allow" && slices.Contains(strList(st["Resource"]), "*") {
			out = append(out, strList(st["Action"])...)
		}
	}
	return out
}

// isAdmin: full admin is Action "*" (or "*:*") on Resource "*".
func isAdmin(actions []string) bool {
	return slices.Contains(actions, "*") || slices.Contains(actions, "*:*")
}

// grants reports whether one of the actions, wildcards included, covers
// action (IAM action names are case-insensitive).
func grants(actions []string, action string) bool {
	for _, a := range actions {
		if ok, _ := path.Match(strings.ToLower(a), strings.ToLower(action)); ok {
			return true
		}
	}
	return false
}

// parseDocument decodes a policy document; IAM returns them URL-encoded.
// It returns nil for an empty or unreadable document.
func parseDocument(s string) any {
	if s == "" {
		return nil
	}
	if un, err := url.QueryUnescape(s); err == nil && strings.HasPrefix(strings.TrimSpace(s), "%7B") {
		s = un
	}
	var doc any
	if json.Unmarshal([]byte(s), &doc) != nil {
		return nil
	}
	return doc
}

// statements returns a policy's statements, whether a single object or a list.
func statements(doc any) []map[string]any {
	m, _ := doc.(map[string]any)
	var out []map[string]any
	switch st := m["Statement"].(type) {
	case map[string]any:
		out = append(out, st)
	case []any:
		for _, s := range st {
			if sm, ok := s.(map[string]any); ok {
				out = append(out, sm)
			}
		}
	}
	return out
}

// strList reads a policy element that is a string or a list of strings.
func strList(v any) []string {
	switch x := v.(type) {
	case string:
		return []string{x}
	case []any:
		var out []string
		for _, e := range x {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

// ---- instance profiles

var instanceProfileFields = []model.Field{
	{Name: "instance_profile_id", Type: "text", Description: "stable unique id (AIPA...)"},
	{Name: "path", Type: "text", Description: "IAM path"},
	{Name: "roles", Type: "json", Description: "names of the roles in the profile (at most one)"},
}

func instanceProfiles(ctx context.Context, t *collect.Task) error {
	p := awsiam.NewListInstanceProfilesPaginator(client(t), &awsiam.ListInstanceProfilesInput{MaxItems: t.PageSize(1000)})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return err
		}
		for _, ip := range page.InstanceProfiles {
			name := aws.ToString(ip.InstanceProfileName)
			key := t.Key("instance-profile", name)
			roleNames := make([]string, 0, len(ip.Roles))
			for _, r := range ip.Roles {
				roleNames = append(roleNames, aws.ToString(r.RoleName))
			}
			t.Emit(&model.Resource{
				Key: key, ARN: aws.ToString(ip.Arn), Name: name, CreatedAt: model.Time(ip.CreateDate), Tags: tags(ip.Tags),
				Details: map[string]any{"instance_profile_id": aws.ToString(ip.InstanceProfileId), "path": aws.ToString(ip.Path), "roles": roleNames},
			})
			for _, r := range roleNames {
				t.Relate(key, "assumes-role", t.Key("role", r))
			}
		}
	}
	return nil
}

// ---- account settings

var passwordPolicyFields = []model.Field{
	{Name: "exists", Type: "boolean", Description: "the account has a password policy (else AWS defaults apply)"},
	{Name: "minimum_password_length", Type: "integer", Description: "minimum password length"},
	{Name: "require_symbols", Type: "boolean", Description: "passwords need a symbol"},
	{Name: "require_numbers", Type: "boolean", Description: "passwords need a digit"},
	{Name: "require_uppercase", Type: "boolean", Description: "passwords need an uppercase letter"},
	{Name: "require_lowercase", Type: "boolean", Description: "passwords need a lowercase letter"},
	{Name: "allow_users_to_change", Type: "boolean", Description: "users may change their own password"},
	{Name: "expire_passwords", Type: "boolean", Description: "passwords expire"},
	{Name: "max_password_age", Type: "integer", Description: "days before a password expires (0 = never)"},
	{Name: "password_reuse_prevention", Type: "integer", Description: "previous passwords that cannot be reused"},
	{Name: "hard_expiry", Type: "boolean", Description: "expired passwords need an administrator reset"},
}

func passwordPolicy(ctx context.Context, t *collect.Task) error {
	out, err := client(t).GetAccountPasswordPolicy(ctx, &awsiam.GetAccountPasswordPolicyInput{})
	d := map[string]any{"exists": err == nil}
	switch {
	case awsx.IsNotFound(err):
	case err != nil:
		return err
	case out.PasswordPolicy != nil:
		p := out.PasswordPolicy
		d["minimum_password_length"] = int(aws.ToInt32(p.MinimumPasswordLength))
		d["require_symbols"] = p.RequireSymbols
		d["require_numbers"] = p.RequireNumbers
		d["require_uppercase"] = p.RequireUppercaseCharacters
		d["require_lowercase"] = p.RequireLowercaseCharacters
		d["allow_users_to_change"] = p.AllowUsersToChangePassword
		d["expire_passwords"] = p.ExpirePasswords
		d["max_password_age"] = int(aws.ToInt32(p.MaxPasswordAge))
		d["password_reuse_prevention"] = int(aws.ToInt32(p.PasswordReusePrevention))
		d["hard_expiry"] = aws.ToBool(p.HardExpiry)
	}
	t.Emit(&model.Resource{Key: t.Key("password-policy", "account-password-policy"), Name: "account password policy", Details: d})
	return nil
}

var accountSummaryFields = []model.Field{
	{Name: "root_mfa_enabled", Type: "boolean", Description: "the root user has MFA enabled"},
	{Name: "root_access_keys_present", Type: "boolean", Description: "the root user has access keys"},
	{Name: "users", Type: "integer", Description: "number of IAM users"},
	{Name: "roles", Type: "integer", Description: "number of IAM roles"},
	{Name: "groups", Type: "integer", Description: "number of IAM groups"},
	{Name: "policies", Type: "integer", Description: "number of customer-managed policies"},
	{Name: "mfa_devices_in_use", Type: "integer", Description: "MFA devices assigned to users"},
}

func accountSummary(ctx context.Context, t *collect.Task) error {
	out, err := client(t).GetAccountSummary(ctx, &awsiam.GetAccountSummaryInput{})
	if err != nil {
		return err
	}
	s := out.SummaryMap
	t.Emit(&model.Resource{Key: t.Key("account-summary", "account-summary"), Name: "IAM account summary", Details: map[string]any{
		"root_mfa_enabled":         s["AccountMFAEnabled"] == 1,
		"root_access_keys_present": s["AccountAccessKeysPresent"] == 1,
		"users":                    int(s["Users"]),
		"roles":                    int(s["Roles"]),
		"groups":                   int(s["Groups"]),
		"policies":                 int(s["Policies"]),
		"mfa_devices_in_use":       int(s["MFADevicesInUse"]),
	}})
	return nil
}
