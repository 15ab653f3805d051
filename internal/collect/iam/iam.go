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
		{Name: "user", Description: "IAM user (id = user name) with its credentials from the credential report", Fields: userFields.Declared(), Tags: collect.TagsListed, Collect: users, DetailCalls: 2},
		{Name: "role", Description: "IAM role (id = role name); service-linked roles (path /aws-service-role/) are skipped", Fields: roleFields.Declared(), Tags: collect.TagsListed, Collect: roles},
		{Name: "group", Description: "IAM group (id = group name)", Fields: groupFields.Declared(), Tags: collect.NotTaggable, Collect: groups},
		{Name: "policy", Description: "customer-managed IAM policy (id = policy name); AWS-managed policies are skipped", Fields: policyFields.Declared(), Tags: collect.TagsPerResource, Collect: policies, DetailCalls: 1},
		{Name: "instance-profile", Description: "IAM instance profile (id = instance profile name)", Fields: instanceProfileFields.Declared(), Tags: collect.TagsListed, Collect: instanceProfiles},
		{Name: "password-policy", Description: "account password policy (single resource, id account-password-policy)", Fields: passwordPolicyFields.Declared(), Tags: collect.NotTaggable, Collect: passwordPolicy},
		{Name: "account-summary", Description: "IAM account summary (single resource, id account-summary)", Fields: accountSummaryFields.Declared(), Tags: collect.NotTaggable, Collect: accountSummary},
		{Name: "saml-provider", Description: "IAM SAML identity provider (id = provider name)", Fields: samlProviderFields.Declared(), Tags: collect.TagsPerResource, Collect: samlProviders, DetailCalls: 1},
		{Name: "oidc-provider", Description: "IAM OpenID Connect identity provider (id = issuer host and path)", Fields: oidcProviderFields.Declared(), Tags: collect.TagsPerResource, Collect: oidcProviders, DetailCalls: 1},
		{Name: "server-certificate", Description: "IAM server certificate (id = certificate name)", Fields: serverCertificateFields.Declared(), Tags: collect.TagsPerResource, Collect: serverCertificates, DetailCalls: 1},
		{Name: "virtual-mfa-device", Description: "virtual MFA device (id = device name), assigned or not", Fields: virtualMFAFields.Declared(), Tags: collect.TagsListed, Collect: virtualMFADevices},
	},
	Calls: "GetAccountAuthorizationDetails (paged) once for user, role, group and policy; user: Generate/GetCredentialReport + per user ListAccessKeys and ListMFADevices. role: ListRoles (paged). policy: per policy ListPolicyTags. instance-profile: ListInstanceProfiles. password-policy, account-summary: 1 call. saml-provider: ListSAMLProviders + per provider GetSAMLProvider. oidc-provider: ListOpenIDConnectProviders + per provider GetOpenIDConnectProvider. server-certificate: ListServerCertificates + per certificate ListServerCertificateTags. virtual-mfa-device: ListVirtualMFADevices",
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

// authDetails holds the account's paginated GetAccountAuthorizationDetails
// listing of every kind user, role, group and policy read: listed once for
// the four (accountAuthDetails).
type authDetails struct {
	users    []iamtypes.UserDetail
	roles    []iamtypes.RoleDetail
	groups   []iamtypes.GroupDetail
	policies []iamtypes.ManagedPolicyDetail
}

func accountAuthDetails(ctx context.Context, t *collect.Task) (*authDetails, error) {
	return collect.Reuse(ctx, t, "GetAccountAuthorizationDetails", func(ctx context.Context) (*authDetails, error) { return listAuthDetails(ctx, t) })
}

// authDetailsFilter is every kind the four types read.
var authDetailsFilter = []iamtypes.EntityType{iamtypes.EntityTypeUser, iamtypes.EntityTypeRole, iamtypes.EntityTypeGroup, iamtypes.EntityTypeLocalManagedPolicy}

func listAuthDetails(ctx context.Context, t *collect.Task) (*authDetails, error) {
	p := awsiam.NewGetAccountAuthorizationDetailsPaginator(client(t), &awsiam.GetAccountAuthorizationDetailsInput{
		Filter: authDetailsFilter, MaxItems: t.PageSize(1000),
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

// relatePolicies relates an identity to the customer-managed policies
// attached to it.
func relatePolicies(t *collect.Task, key model.Key, attached []iamtypes.AttachedPolicy) {
	for _, a := range attached {
		if isCustomerPolicy(aws.ToString(a.PolicyArn)) {
			t.Relate(key, "has-policy", t.Key("policy", aws.ToString(a.PolicyName)))
		}
	}
}

func attachedNames(attached []iamtypes.AttachedPolicy) []string {
	names := make([]string, 0, len(attached))
	for _, a := range attached {
		names = append(names, aws.ToString(a.PolicyName))
	}
	return names
}

func inlineNames(inline []iamtypes.PolicyDetail) []string {
	names := make([]string, 0, len(inline))
	for _, p := range inline {
		names = append(names, aws.ToString(p.PolicyName))
	}
	return names
}

// isCustomerPolicy tells customer-managed policies from AWS-managed ones,
// whose ARNs have "aws" in place of an account id, in every partition
// (arn:aws-cn:iam::aws:policy/...).
func isCustomerPolicy(arn string) bool {
	return !strings.Contains(arn, ":iam::aws:policy/") && arn != ""
}

func boundary(b *iamtypes.AttachedPermissionsBoundary) *string {
	if b == nil {
		return nil
	}
	return b.PermissionsBoundaryArn
}

// count is an integer field stored as int, the type the audits and tests
// of these fields were written against (collect.Int stores int64).
func count[T any](name, description string, get func(T) *int32) collect.Field[T] {
	return collect.Computed(name, model.Integer, description, func(v T) any { return int(aws.ToInt32(get(v))) })
}

// ---- users

// user is a listed user with its credential report row (report: the user
// is in the report), its access keys and its MFA device count (gotKeys,
// gotMFA: the listing call answered).
type user struct {
	iamtypes.UserDetail
	row        map[string]string
	report     bool
	keys       []map[string]any
	gotKeys    bool
	mfaDevices int
	gotMFA     bool
}

func inReport(u user) bool { return u.report }

// reportFlag is a credential report column that reads "true" or "false".
func reportFlag(name, column, description string) collect.Field[user] {
	return collect.When(inReport, collect.Computed(name, model.Boolean, description, func(u user) any { return u.row[column] == "true" }))
}

// reportDate is the credential report date column of the same name, left
// out when the report has no date for the user.
func reportDate(name, description string) collect.Field[user] {
	return collect.When(inReport, collect.Computed(name, model.Timestamp, description, func(u user) any {
		if tm, ok := reportTime(u.row[name]); ok {
			return model.Time(&tm)
		}
		return nil
	}))
}

var userFields = collect.Fields[user]{
	collect.Text("user_id", "stable unique id (AIDA...)", func(u user) *string { return u.UserId }),
	collect.Text("path", "IAM path", func(u user) *string { return u.Path }),
	collect.Computed("groups", model.JSON, "names of the groups the user belongs to", func(u user) any { return append([]string{}, u.GroupList...) }),
	collect.Computed("attached_policies", model.JSON, "names of the managed policies attached to the user", func(u user) any { return attachedNames(u.AttachedManagedPolicies) }),
	collect.Computed("inline_policies", model.JSON, "names of the user's inline policies", func(u user) any { return inlineNames(u.UserPolicyList) }),
	collect.Text("permissions_boundary", "ARN of the permissions boundary policy", func(u user) *string { return boundary(u.PermissionsBoundary) }),
	reportFlag("password_enabled", "password_enabled", "the user has a console password (credential report)"),
	reportFlag("console_access", "password_enabled", "the user can sign in to the console (has a password)"),
	reportDate("password_last_used", "last console sign-in (credential report)"),
	reportDate("password_last_changed", "last password change (credential report)"),
	reportFlag("mfa_active", "mfa_active", "an MFA device is enabled (credential report)"),
	collect.When(func(u user) bool { return u.gotMFA }, collect.Computed("mfa_devices", model.Integer, "number of MFA devices assigned", func(u user) any { return u.mfaDevices })),
	collect.When(func(u user) bool { return u.gotKeys }, collect.Computed("access_keys", model.JSON, "access keys: [{id, status, created, last_used}]; age follows from created",
		func(u user) any { return u.keys })),
}

func users(ctx context.Context, t *collect.Task) error {
	details, err := accountAuthDetails(ctx, t)
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
	relatePolicies(t, key, u.AttachedManagedPolicies)
	v := user{UserDetail: u}
	v.row, v.report = report[name]
	var err error
	if v.keys, err = accessKeys(ctx, t, api, name, v.row); err == nil {
		v.gotKeys = true
	} else {
		t.Warn("ListAccessKeys", err)
	}
	if v.mfaDevices, err = mfaDevices(ctx, t, api, name); err == nil {
		v.gotMFA = true
	} else {
		t.Warn("ListMFADevices", err)
	}
	t.Emit(&model.Resource{
		Key: key, ARN: aws.ToString(u.Arn), Name: name,
		CreatedAt: model.Time(u.CreateDate), Tags: tags(u.Tags), Details: userFields.Details(v),
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

// role is a role of the authorization details with its ListRoles entry
// (extra; RoleName nil when ListRoles did not list it), its parsed trust
// policy (doc; nil when missing or unreadable) and what that allows, and its
// last use (nil when unknown).
type role struct {
	iamtypes.RoleDetail
	extra    iamtypes.Role
	doc      any
	trust    trust
	lastUsed *iamtypes.RoleLastUsed
}

func listed(r role) bool   { return r.extra.RoleName != nil }
func hasTrust(r role) bool { return r.doc != nil }

var roleFields = collect.Fields[role]{
	collect.Text("role_id", "stable unique id (AROA...)", func(r role) *string { return r.RoleId }),
	collect.Text("path", "IAM path", func(r role) *string { return r.Path }),
	collect.When(listed, collect.Text("description", "role description", func(r role) *string { return r.extra.Description })),
	collect.When(hasTrust, collect.Computed("trust_policy", model.JSON, "assume-role (trust) policy document", func(r role) any { return r.doc })),
	collect.When(hasTrust, collect.Computed("trust_principals", model.JSON, "principals the trust policy allows: AWS ARNs/accounts, services, federated providers, *",
		func(r role) any { return r.trust.principals })),
	collect.When(hasTrust, collect.Computed("trusts_other_accounts", model.Boolean, "an AWS principal of another account may assume the role",
		func(r role) any { return r.trust.otherAccounts })),
	collect.When(hasTrust, collect.Computed("trusts_everyone", model.Boolean, "the trust policy allows the principal *", func(r role) any { return r.trust.everyone })),
	collect.Computed("attached_policies", model.JSON, "names of the managed policies attached to the role", func(r role) any { return attachedNames(r.AttachedManagedPolicies) }),
	collect.Computed("inline_policies", model.JSON, "names of the role's inline policies", func(r role) any { return inlineNames(r.RolePolicyList) }),
	collect.Text("permissions_boundary", "ARN of the permissions boundary policy", func(r role) *string { return boundary(r.PermissionsBoundary) }),
	collect.When(func(r role) bool { return r.lastUsed != nil && r.lastUsed.LastUsedDate != nil },
		collect.Timestamp("last_used", "last time the role was assumed (tracked for 400 days)", func(r role) *time.Time { return r.lastUsed.LastUsedDate })),
	collect.When(func(r role) bool { return r.lastUsed != nil && r.lastUsed.Region != nil },
		collect.Text("last_used_region", "region of the last use", func(r role) *string { return r.lastUsed.Region })),
	collect.When(listed, count("max_session_duration", "maximum session duration in seconds", func(r role) *int32 { return r.extra.MaxSessionDuration })),
}

func roles(ctx context.Context, t *collect.Task) error {
	details, err := accountAuthDetails(ctx, t)
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
	relatePolicies(t, key, r.AttachedManagedPolicies)
	v := role{RoleDetail: r, extra: extra, lastUsed: r.RoleLastUsed}
	if v.doc = parseDocument(aws.ToString(r.AssumeRolePolicyDocument)); v.doc != nil {
		v.trust = analyseTrust(v.doc, t.Account)
	}
	if v.lastUsed == nil {
		// Not every listing carries it; GetRole always does.
		out, err := api.GetRole(ctx, &awsiam.GetRoleInput{RoleName: r.RoleName})
		if err == nil && out.Role != nil {
			v.lastUsed = out.Role.RoleLastUsed
		}
		t.Warn("GetRole", err)
	}
	t.Emit(&model.Resource{
		Key: key, ARN: aws.ToString(r.Arn), Name: name,
		CreatedAt: model.Time(r.CreateDate), Tags: tags(r.Tags), Details: roleFields.Details(v),
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

// group is a group of the authorization details with its number of members.
type group struct {
	iamtypes.GroupDetail
	members int
}

var groupFields = collect.Fields[group]{
	collect.Text("group_id", "stable unique id (AGPA...)", func(g group) *string { return g.GroupId }),
	collect.Text("path", "IAM path", func(g group) *string { return g.Path }),
	collect.Computed("members", model.Integer, "number of users in the group", func(g group) any { return g.members }),
	collect.Computed("attached_policies", model.JSON, "names of the managed policies attached to the group", func(g group) any { return attachedNames(g.AttachedManagedPolicies) }),
	collect.Computed("inline_policies", model.JSON, "names of the group's inline policies", func(g group) any { return inlineNames(g.GroupPolicyList) }),
}

func groups(ctx context.Context, t *collect.Task) error {
	// Users carry the memberships, so both come in the same listing.
	details, err := accountAuthDetails(ctx, t)
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
		relatePolicies(t, key, g.AttachedManagedPolicies)
		t.Emit(&model.Resource{Key: key, ARN: aws.ToString(g.Arn), Name: name, CreatedAt: model.Time(g.CreateDate),
			Details: groupFields.Details(group{GroupDetail: g, members: members[name]})})
	}
	return nil
}

// ---- policies

// policy is a customer-managed policy with the parsed document of its
// default version (nil when missing or unreadable).
type policy struct {
	iamtypes.ManagedPolicyDetail
	doc any
}

func hasDocument(p policy) bool { return p.doc != nil }

var policyFields = collect.Fields[policy]{
	collect.Text("policy_id", "stable unique id (ANPA...)", func(p policy) *string { return p.PolicyId }),
	collect.Text("path", "IAM path", func(p policy) *string { return p.Path }),
	collect.Text("description", "policy description", func(p policy) *string { return p.Description }),
	collect.Text("default_version_id", "version in force, e.g. v3", func(p policy) *string { return p.DefaultVersionId }),
	count("attachment_count", "users, groups and roles the policy is attached to", func(p policy) *int32 { return p.AttachmentCount }),
	count("permissions_boundary_usage_count", "identities using it as permissions boundary", func(p policy) *int32 { return p.PermissionsBoundaryUsageCount }),
	collect.Computed("is_attachable", model.Boolean, "the policy can be attached", func(p policy) any { return p.IsAttachable }),
	collect.Timestamp("updated_at", "last update (new default version)", func(p policy) *time.Time { return p.UpdateDate }),
	collect.When(hasDocument, collect.Computed("document", model.JSON, "policy document of the default version", func(p policy) any { return p.doc })),
	collect.When(hasDocument, collect.Computed("allows_admin", model.Boolean, "an Allow statement grants Action * (or *:*) on Resource *",
		func(p policy) any { return isAdmin(starActions(p.doc)) })),
	collect.When(hasDocument, collect.Computed("allows_passrole_star", model.Boolean, "an Allow statement grants iam:PassRole (directly or by wildcard) on Resource *",
		func(p policy) any { return grants(starActions(p.doc), "iam:PassRole") })),
}

func policies(ctx context.Context, t *collect.Task) error {
	details, err := accountAuthDetails(ctx, t)
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
	t.Emit(&model.Resource{Key: t.Key("policy", name), ARN: aws.ToString(p.Arn), Name: name, CreatedAt: model.Time(p.CreateDate), Tags: tags,
		Details: policyFields.Details(policy{ManagedPolicyDetail: p, doc: defaultDocument(p.PolicyVersionList)})})
}

// defaultDocument is the parsed document of the default version, nil when
// none is readable.
func defaultDocument(versions []iamtypes.PolicyVersion) any {
	var doc any
	for _, v := range versions {
		if !v.IsDefaultVersion {
			continue
		}
		if d := parseDocument(aws.ToString(v.Document)); d != nil {
			doc = d
		}
	}
	return doc
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

var instanceProfileFields = collect.Fields[iamtypes.InstanceProfile]{
	collect.Text("instance_profile_id", "stable unique id (AIPA...)", func(ip iamtypes.InstanceProfile) *string { return ip.InstanceProfileId }),
	collect.Text("path", "IAM path", func(ip iamtypes.InstanceProfile) *string { return ip.Path }),
	collect.Computed("roles", model.JSON, "names of the roles in the profile (at most one)", func(ip iamtypes.InstanceProfile) any { return profileRoles(ip) }),
}

func profileRoles(ip iamtypes.InstanceProfile) []string {
	names := make([]string, 0, len(ip.Roles))
	for _, r := range ip.Roles {
		names = append(names, aws.ToString(r.RoleName))
	}
	return names
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
			t.Emit(&model.Resource{
				Key: key, ARN: aws.ToString(ip.Arn), Name: name, CreatedAt: model.Time(ip.CreateDate), Tags: tags(ip.Tags),
				Details: instanceProfileFields.Details(ip),
			})
			for _, r := range profileRoles(ip) {
				t.Relate(key, "assumes-role", t.Key("role", r))
			}
		}
	}
	return nil
}

// ---- account settings

// accountPasswordPolicy is GetAccountPasswordPolicy's answer: exists is
// false when the account has none; policy is nil then (or when the answer
// lacked it), and only exists is stored.
type accountPasswordPolicy struct {
	exists bool
	policy *iamtypes.PasswordPolicy
}

func hasPolicy(a accountPasswordPolicy) bool { return a.policy != nil }

// policySetting is a boolean password policy setting, left out without a policy.
func policySetting(name, description string, get func(*iamtypes.PasswordPolicy) bool) collect.Field[accountPasswordPolicy] {
	return collect.When(hasPolicy, collect.Computed(name, model.Boolean, description, func(a accountPasswordPolicy) any { return get(a.policy) }))
}

// policyLength is an integer password policy setting, left out without a policy.
func policyLength(name, description string, get func(*iamtypes.PasswordPolicy) *int32) collect.Field[accountPasswordPolicy] {
	return collect.When(hasPolicy, count(name, description, func(a accountPasswordPolicy) *int32 { return get(a.policy) }))
}

var passwordPolicyFields = collect.Fields[accountPasswordPolicy]{
	collect.Computed("exists", model.Boolean, "the account has a password policy (else AWS defaults apply)", func(a accountPasswordPolicy) any { return a.exists }),
	policyLength("minimum_password_length", "minimum password length", func(p *iamtypes.PasswordPolicy) *int32 { return p.MinimumPasswordLength }),
	policySetting("require_symbols", "passwords need a symbol", func(p *iamtypes.PasswordPolicy) bool { return p.RequireSymbols }),
	policySetting("require_numbers", "passwords need a digit", func(p *iamtypes.PasswordPolicy) bool { return p.RequireNumbers }),
	policySetting("require_uppercase", "passwords need an uppercase letter", func(p *iamtypes.PasswordPolicy) bool { return p.RequireUppercaseCharacters }),
	policySetting("require_lowercase", "passwords need a lowercase letter", func(p *iamtypes.PasswordPolicy) bool { return p.RequireLowercaseCharacters }),
	policySetting("allow_users_to_change", "users may change their own password", func(p *iamtypes.PasswordPolicy) bool { return p.AllowUsersToChangePassword }),
	policySetting("expire_passwords", "passwords expire", func(p *iamtypes.PasswordPolicy) bool { return p.ExpirePasswords }),
	policyLength("max_password_age", "days before a password expires (0 = never)", func(p *iamtypes.PasswordPolicy) *int32 { return p.MaxPasswordAge }),
	policyLength("password_reuse_prevention", "previous passwords that cannot be reused", func(p *iamtypes.PasswordPolicy) *int32 { return p.PasswordReusePrevention }),
	collect.When(hasPolicy, collect.Bool("hard_expiry", "expired passwords need an administrator reset", func(a accountPasswordPolicy) *bool { return a.policy.HardExpiry })),
}

func passwordPolicy(ctx context.Context, t *collect.Task) error {
	out, err := client(t).GetAccountPasswordPolicy(ctx, &awsiam.GetAccountPasswordPolicyInput{})
	a := accountPasswordPolicy{exists: err == nil}
	switch {
	case awsx.IsNotFound(err):
	case err != nil:
		return err
	default:
		a.policy = out.PasswordPolicy
	}
	t.Emit(&model.Resource{Key: t.Key("password-policy", "account-password-policy"), Name: "account password policy", Details: passwordPolicyFields.Details(a)})
	return nil
}

// summaryCount is an entry of the account summary map, stored as int like count.
func summaryCount(name, entry, description string) collect.Field[map[string]int32] {
	return collect.Computed(name, model.Integer, description, func(s map[string]int32) any { return int(s[entry]) })
}

// summaryFlag is an account summary entry that is 1 when true.
func summaryFlag(name, entry, description string) collect.Field[map[string]int32] {
	return collect.Computed(name, model.Boolean, description, func(s map[string]int32) any { return s[entry] == 1 })
}

var accountSummaryFields = collect.Fields[map[string]int32]{
	summaryFlag("root_mfa_enabled", "AccountMFAEnabled", "the root user has MFA enabled"),
	summaryFlag("root_access_keys_present", "AccountAccessKeysPresent", "the root user has access keys"),
	summaryCount("users", "Users", "number of IAM users"),
	summaryCount("roles", "Roles", "number of IAM roles"),
	summaryCount("groups", "Groups", "number of IAM groups"),
	summaryCount("policies", "Policies", "number of customer-managed policies"),
	summaryCount("mfa_devices_in_use", "MFADevicesInUse", "MFA devices assigned to users"),
}

func accountSummary(ctx context.Context, t *collect.Task) error {
	out, err := client(t).GetAccountSummary(ctx, &awsiam.GetAccountSummaryInput{})
	if err != nil {
		return err
	}
	t.Emit(&model.Resource{Key: t.Key("account-summary", "account-summary"), Name: "IAM account summary", Details: accountSummaryFields.Details(out.SummaryMap)})
	return nil
}
