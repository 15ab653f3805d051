// Package ssoadmin collects IAM Identity Center (SSO) instances, permission
// sets, the account assignments that grant them, and applications.
package ssoadmin

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssoadmin"
	"github.com/aws/aws-sdk-go-v2/service/ssoadmin/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the IAM Identity Center collector.
var Service = &collect.Service{
	Name:        "sso-admin",
	Description: "IAM Identity Center (SSO) instances, permission sets, account assignments and applications",
	Types: []collect.Type{
		{Name: "instance", Description: "Identity Center instance (id = ssoins-...); found in the region it was enabled in",
			Fields: instanceFields.Declared(), Tags: collect.TagsPerResource, Collect: instances, DetailCalls: 1},
		{Name: "permission-set", Description: "permission set (id = ps-...): the role template an assignment grants in accounts",
			Fields: permissionSetFields.Declared(), Tags: collect.TagsPerResource, Collect: permissionSets, DetailCalls: 3},
		{Name: "account-assignment", Description: "who (user or group) holds which permission set in which account (id = account/ps-.../USER|GROUP/principal id); " +
			"at most 5000 (permission set, account) pairs are read per instance, more leave the collection partial",
			Fields: assignmentFields.Declared(), Tags: collect.NotTaggable, Collect: accountAssignments, DetailCalls: 2},
		{Name: "application", Description: "application users sign in to through Identity Center (id = apl-...)", Fields: applicationFields.Declared(),
			Tags: collect.TagsPerResource, Collect: applications, DetailCalls: 1},
	},
	Calls: "ListInstances once for all types, and per instance ListPermissionSets once for permission-set and account-assignment; " +
		"instance: per instance ListTagsForResource. " +
		"permission-set: per set DescribePermissionSet, ListManagedPoliciesInPermissionSet, ListTagsForResource. " +
		"account-assignment: per set ListAccountsForProvisionedPermissionSet + per account ListAccountAssignments. " +
		"application: per instance ListApplications + per application ListTagsForResource",
	Relations: []collect.Relation{
		{From: "permission-set", Kind: "in-instance", To: "sso-admin/instance"},
		{From: "application", Kind: "in-instance", To: "sso-admin/instance"},
		{From: "account-assignment", Kind: "grants", To: "sso-admin/permission-set"},
		{From: "account-assignment", Kind: "granted-to", To: "identitystore/user"},
		{From: "account-assignment", Kind: "granted-to", To: "identitystore/group"},
	},
}

var instanceFields = collect.Fields[types.InstanceMetadata]{
	collect.Enum("status", "CREATE_IN_PROGRESS, DELETE_IN_PROGRESS, ACTIVE, ...", func(i types.InstanceMetadata) types.InstanceStatus { return i.Status }),
	collect.Text("identity_store_id", "identity store holding the instance's users and groups (d-...)", func(i types.InstanceMetadata) *string { return i.IdentityStoreId }),
	collect.Text("owner_account_id", "account that owns the instance (the management account for an organization instance)", func(i types.InstanceMetadata) *string { return i.OwnerAccountId }),
	collect.Text("primary_region", "region the instance was enabled in", func(i types.InstanceMetadata) *string { return i.PrimaryRegion }),
}

// id is the last segment of an Identity Center ARN (ssoins-..., ps-...).
func id(arn *string) string { return collect.ARNResourceName(aws.ToString(arn)) }

// listedInstances are the Identity Center instances of the task's region,
// listed once for all the types of the task's service (sso-admin's, or
// identitystore's: each service shares its own listing).
func listedInstances(ctx context.Context, t *collect.Task, api *ssoadmin.Client) ([]types.InstanceMetadata, error) {
	p := ssoadmin.NewListInstancesPaginator(api, &ssoadmin.ListInstancesInput{MaxResults: t.PageSize(100)})
	return collect.ReuseItems(ctx, t, "ListInstances", p, func(page *ssoadmin.ListInstancesOutput) []types.InstanceMetadata { return page.Instances })
}

// instances emits the listed instances with their tags; a failed listing
// fails the collection after those of the pages it did read.
func instances(ctx context.Context, t *collect.Task) error {
	api := ssoadmin.NewFromConfig(t.Config)
	all, err := listedInstances(ctx, t, api)
	collect.ForEach(ctx, all, func(ctx context.Context, i types.InstanceMetadata) {
		t.Emit(&model.Resource{Key: t.Key("instance", id(i.InstanceArn)), Name: aws.ToString(i.Name), ARN: aws.ToString(i.InstanceArn),
			CreatedAt: model.Time(i.CreatedDate), Details: instanceFields.Details(i), Tags: tags(ctx, t, api, i.InstanceArn, i.InstanceArn)})
	})
	return err
}

// EachInstance runs fn on every Identity Center instance of the task's
// region, one at a time (identitystore reads the instances' stores). It
// returns fn's first error, else the instances' listing error.
func EachInstance(ctx context.Context, t *collect.Task, api *ssoadmin.Client, fn func(types.InstanceMetadata) error) error {
	all, err := listedInstances(ctx, t, api)
	for _, i := range all {
		if err := fn(i); err != nil {
			return err
		}
	}
	return err
}

// eachPermissionSet runs fn concurrently on the ARNs of an instance's
// permission sets, listed once for the permission-set and
// account-assignment types.
func eachPermissionSet(ctx context.Context, api *ssoadmin.Client, t *collect.Task, instance *string, fn func(ctx context.Context, arn string)) error {
	p := ssoadmin.NewListPermissionSetsPaginator(api, &ssoadmin.ListPermissionSetsInput{InstanceArn: instance, MaxResults: t.PageSize(100)})
	sets, err := collect.ReuseItems(ctx, t, "ListPermissionSets/"+aws.ToString(instance), p,
		func(page *ssoadmin.ListPermissionSetsOutput) []string { return page.PermissionSets })
	collect.ForEach(ctx, sets, fn)
	return err
}

// permissionSet is DescribePermissionSet's answer with the set's AWS
// managed policies (nil when they could not be read).
type permissionSet struct {
	types.PermissionSet
	managed []string
}

func hasManaged(p permissionSet) bool { return p.managed != nil }

var permissionSetFields = collect.Fields[permissionSet]{
	collect.Text("description", "permission set description", func(p permissionSet) *string { return p.Description }),
	collect.Text("session_duration", "how long a session lasts, ISO 8601 (PT1H...)", func(p permissionSet) *string { return p.SessionDuration }),
	collect.Text("relay_state", "URL users land on in the console, if set", func(p permissionSet) *string { return p.RelayState }),
	collect.When(hasManaged, collect.Computed("managed_policies", model.JSON, "ARNs of the AWS managed policies attached (arn:aws:iam::aws:policy/AdministratorAccess...)",
		func(p permissionSet) any { return p.managed })),
}

func permissionSets(ctx context.Context, t *collect.Task) error {
	api := ssoadmin.NewFromConfig(t.Config)
	return EachInstance(ctx, t, api, func(i types.InstanceMetadata) error {
		instanceKey := t.Key("instance", id(i.InstanceArn))
		return eachPermissionSet(ctx, api, t, i.InstanceArn, func(ctx context.Context, arn string) {
			ps := permissionSet{PermissionSet: types.PermissionSet{PermissionSetArn: aws.String(arn)}}
			out, err := api.DescribePermissionSet(ctx, &ssoadmin.DescribePermissionSetInput{InstanceArn: i.InstanceArn, PermissionSetArn: aws.String(arn)})
			if err != nil {
				t.Warn("DescribePermissionSet", err)
			} else if out.PermissionSet != nil {
				ps.PermissionSet = *out.PermissionSet
			}
			ps.managed = managedPolicies(ctx, t, api, i.InstanceArn, arn)
			key := t.Key("permission-set", id(aws.String(arn)))
			t.Emit(&model.Resource{Key: key, Name: aws.ToString(ps.Name), ARN: arn, CreatedAt: model.Time(ps.CreatedDate),
				Details: permissionSetFields.Details(ps), Tags: tags(ctx, t, api, i.InstanceArn, aws.String(arn))})
			t.Relate(key, "in-instance", instanceKey)
		})
	})
}

// managedPolicies lists the AWS managed policies of a permission set; nil
// (unknown) and a warning when the call fails.
func managedPolicies(ctx context.Context, t *collect.Task, api *ssoadmin.Client, instance *string, set string) []string {
	out := []string{}
	p := ssoadmin.NewListManagedPoliciesInPermissionSetPaginator(api, &ssoadmin.ListManagedPoliciesInPermissionSetInput{
		InstanceArn: instance, PermissionSetArn: aws.String(set), MaxResults: t.PageSize(100)})
	err := collect.EachPage(ctx, p, func(page *ssoadmin.ListManagedPoliciesInPermissionSetOutput) error {
		for _, m := range page.AttachedManagedPolicies {
			out = append(out, aws.ToString(m.Arn))
		}
		return nil
	})
	if err != nil {
		t.Warn("ListManagedPoliciesInPermissionSet", err)
		return nil
	}
	return out
}

// tags pages through the tags of an instance or permission set; a failure
// is a warning.
func tags(ctx context.Context, t *collect.Task, api *ssoadmin.Client, instance, resource *string) map[string]string {
	out := map[string]string{}
	p := ssoadmin.NewListTagsForResourcePaginator(api, &ssoadmin.ListTagsForResourceInput{InstanceArn: instance, ResourceArn: resource})
	t.Warn("ListTagsForResource", collect.EachPage(ctx, p, func(page *ssoadmin.ListTagsForResourceOutput) error {
		for _, tg := range page.Tags {
			out[aws.ToString(tg.Key)] = aws.ToString(tg.Value)
		}
		return nil
	}))
	return out
}

var assignmentFields = collect.Fields[types.AccountAssignment]{
	collect.Text("account_id", "account the permission set is granted in", func(a types.AccountAssignment) *string { return a.AccountId }),
	collect.Text("permission_set_arn", "permission set granted", func(a types.AccountAssignment) *string { return a.PermissionSetArn }),
	collect.Enum("principal_type", "USER or GROUP", func(a types.AccountAssignment) types.PrincipalType { return a.PrincipalType }),
	collect.Text("principal_id", "identity store id of the user or group", func(a types.AccountAssignment) *string { return a.PrincipalId }),
}

// maxAssignmentPairs bounds the (permission set, account) pairs whose
// assignments one instance's collection reads: each costs a call, and an
// organization of many accounts multiplies them.
const maxAssignmentPairs = 5000

// errTooManyPairs is the warning of an instance with more pairs.
var errTooManyPairs = errors.New("more (permission set, account) pairs than awsmap reads per instance; the assignments of the rest were not read")

func accountAssignments(ctx context.Context, t *collect.Task) error {
	api := ssoadmin.NewFromConfig(t.Config)
	return EachInstance(ctx, t, api, func(i types.InstanceMetadata) error {
		var pairs atomic.Int64
		var capped sync.Once
		return eachPermissionSet(ctx, api, t, i.InstanceArn, func(ctx context.Context, set string) {
			p := ssoadmin.NewListAccountsForProvisionedPermissionSetPaginator(api, &ssoadmin.ListAccountsForProvisionedPermissionSetInput{
				InstanceArn: i.InstanceArn, PermissionSetArn: aws.String(set), MaxResults: t.PageSize(100)})
			err := collect.EachItem(ctx, p, func(page *ssoadmin.ListAccountsForProvisionedPermissionSetOutput) []string {
				if pairs.Add(int64(len(page.AccountIds))) > maxAssignmentPairs {
					capped.Do(func() {
						t.Warn("ListAccountAssignments", fmt.Errorf("instance %s: %w", id(i.InstanceArn), errTooManyPairs))
					})
					return nil
				}
				return page.AccountIds
			}, func(ctx context.Context, account string) { emitAssignments(ctx, t, api, i.InstanceArn, set, account) })
			t.Warn("ListAccountsForProvisionedPermissionSet", err)
		})
	})
}

// emitAssignments emits the assignments of one permission set in one account.
func emitAssignments(ctx context.Context, t *collect.Task, api *ssoadmin.Client, instance *string, set, account string) {
	p := ssoadmin.NewListAccountAssignmentsPaginator(api, &ssoadmin.ListAccountAssignmentsInput{
		InstanceArn: instance, PermissionSetArn: aws.String(set), AccountId: aws.String(account), MaxResults: t.PageSize(100)})
	t.Warn("ListAccountAssignments", collect.EachPage(ctx, p, func(page *ssoadmin.ListAccountAssignmentsOutput) error {
		for _, a := range page.AccountAssignments {
			principal := aws.ToString(a.PrincipalId)
			key := t.Key("account-assignment", account+"/"+id(a.PermissionSetArn)+"/"+string(a.PrincipalType)+"/"+principal)
			t.Emit(&model.Resource{Key: key, Details: assignmentFields.Details(a)})
			t.Relate(key, "grants", t.Key("permission-set", id(a.PermissionSetArn)))
			if typ := principalTypes[a.PrincipalType]; typ != "" {
				t.Relate(key, "granted-to", t.Ref("identitystore", typ, principal))
			}
		}
		return nil
	}))
}

// principalTypes are the identitystore types of assignment principals.
var principalTypes = map[types.PrincipalType]string{types.PrincipalTypeUser: "user", types.PrincipalTypeGroup: "group"}

func portal(a types.Application) types.PortalOptions {
	if a.PortalOptions == nil {
		return types.PortalOptions{}
	}
	return *a.PortalOptions
}

var applicationFields = collect.Fields[types.Application]{
	collect.Enum("status", "ENABLED or DISABLED", func(a types.Application) types.ApplicationStatus { return a.Status }),
	collect.Text("description", "application description", func(a types.Application) *string { return a.Description }),
	collect.Text("provider_arn", "application provider (a SAML 2.0 custom application, or an AWS managed application such as QuickSight)",
		func(a types.Application) *string { return a.ApplicationProviderArn }),
	collect.Enum("portal_visibility", "ENABLED: shown to assigned users in the AWS access portal", func(a types.Application) types.ApplicationVisibility {
		return portal(a).Visibility
	}),
	collect.Text("application_account", "account that owns the application", func(a types.Application) *string { return a.ApplicationAccount }),
}

func applications(ctx context.Context, t *collect.Task) error {
	api := ssoadmin.NewFromConfig(t.Config)
	return EachInstance(ctx, t, api, func(i types.InstanceMetadata) error {
		instanceKey := t.Key("instance", id(i.InstanceArn))
		p := ssoadmin.NewListApplicationsPaginator(api, &ssoadmin.ListApplicationsInput{InstanceArn: i.InstanceArn, MaxResults: t.PageSize(100)})
		return collect.EachItem(ctx, p, func(page *ssoadmin.ListApplicationsOutput) []types.Application { return page.Applications },
			func(ctx context.Context, a types.Application) {
				key := t.Key("application", id(a.ApplicationArn))
				t.Emit(&model.Resource{Key: key, Name: aws.ToString(a.Name), ARN: aws.ToString(a.ApplicationArn), CreatedAt: model.Time(a.CreatedDate),
					Details: applicationFields.Details(a), Tags: tags(ctx, t, api, i.InstanceArn, a.ApplicationArn)})
				t.Relate(key, "in-instance", instanceKey)
			})
	})
}
