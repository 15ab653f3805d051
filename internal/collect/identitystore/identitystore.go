// Package identitystore collects the users and groups of the identity
// stores of the region's IAM Identity Center instances. No credential of a
// user is read; of an email address only its domain is stored.
package identitystore

import (
	"context"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/identitystore"
	"github.com/aws/aws-sdk-go-v2/service/identitystore/types"
	sso "github.com/aws/aws-sdk-go-v2/service/ssoadmin"
	ssotypes "github.com/aws/aws-sdk-go-v2/service/ssoadmin/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/collect/ssoadmin"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the Identity Store collector.
var Service = &collect.Service{
	Name:        "identitystore",
	Description: "IAM Identity Center users and groups",
	Types: []collect.Type{
		{Name: "user", Description: "Identity Center user (id = user id); the stores are those of the region's Identity Center instances",
			Fields: userFields.Declared(), Tags: collect.NotTaggable, Collect: users},
		{Name: "group", Description: "Identity Center group (id = group id), with its members",
			Fields: groupFields.Declared(), Tags: collect.NotTaggable, Collect: groups, DetailCalls: 1},
	},
	Calls: "sso-admin ListInstances once for both types; user: per identity store ListUsers. group: per identity store ListGroups + per group ListGroupMemberships",
	Relations: []collect.Relation{
		{From: "user", Kind: "in-instance", To: "sso-admin/instance"},
		{From: "group", Kind: "in-instance", To: "sso-admin/instance"},
		{From: "group", Kind: "has-member", To: "identitystore/user"},
	},
}

// eachStore runs fn on the identity store of every Identity Center
// instance, with the instance's key.
func eachStore(ctx context.Context, t *collect.Task, fn func(store *string, instance model.Key) error) error {
	return ssoadmin.EachInstance(ctx, t, sso.NewFromConfig(t.Config), func(i ssotypes.InstanceMetadata) error {
		if aws.ToString(i.IdentityStoreId) == "" {
			return nil
		}
		return fn(i.IdentityStoreId, t.Ref("sso-admin", "instance", collect.ARNResourceName(aws.ToString(i.InstanceArn))))
	})
}

// emailDomain is the domain of the user's primary (else first) email.
func emailDomain(u types.User) string {
	address := ""
	for _, e := range u.Emails {
		if address == "" || e.Primary {
			address = aws.ToString(e.Value)
		}
	}
	_, domain, _ := strings.Cut(address, "@")
	return strings.ToLower(domain)
}

var userFields = collect.Fields[types.User]{
	collect.Text("user_name", "sign-in name", func(u types.User) *string { return u.UserName }),
	collect.Text("display_name", "display name", func(u types.User) *string { return u.DisplayName }),
	collect.Computed("email_domain", model.Text, "domain of the primary email (the address itself is not stored)", func(u types.User) any { return emailDomain(u) }),
	collect.Text("user_type", "user type, as the directory says (Employee, Contractor...)", func(u types.User) *string { return u.UserType }),
	collect.Text("title", "job title", func(u types.User) *string { return u.Title }),
	collect.Enum("user_status", "ENABLED or DISABLED", func(u types.User) types.UserStatus { return u.UserStatus }),
	collect.Computed("external", model.Boolean, "provisioned from an external identity provider (SCIM)", func(u types.User) any { return len(u.ExternalIds) > 0 }),
	collect.Text("identity_store_id", "identity store (d-...)", func(u types.User) *string { return u.IdentityStoreId }),
	collect.Timestamp("updated_at", "last change of the user", func(u types.User) *time.Time { return u.UpdatedAt }),
}

func users(ctx context.Context, t *collect.Task) error {
	api := identitystore.NewFromConfig(t.Config)
	return eachStore(ctx, t, func(store *string, instance model.Key) error {
		p := identitystore.NewListUsersPaginator(api, &identitystore.ListUsersInput{IdentityStoreId: store, MaxResults: t.PageSize(100)})
		return collect.EachPage(ctx, p, func(page *identitystore.ListUsersOutput) error {
			for _, u := range page.Users {
				id := aws.ToString(u.UserId)
				key := t.Key("user", id)
				t.Emit(&model.Resource{Key: key, Name: aws.ToString(u.UserName), ARN: arn(t, u.UserArn, "user/"+id),
					CreatedAt: model.Time(u.CreatedAt), Details: userFields.Details(u)})
				t.Relate(key, "in-instance", instance)
			}
			return nil
		})
	})
}

// arn is the ARN AWS gave, else the documented form
// arn:aws:identitystore:::user/ID.
func arn(t *collect.Task, given *string, resource string) string {
	if a := aws.ToString(given); a != "" {
		return a
	}
	return collect.AccountlessARN(t, "identitystore", "", resource)
}

// group is a group with the user ids of its members (nil when they could
// not be read).
type group struct {
	types.Group
	members []string
}

func hasMembers(g group) bool { return g.members != nil }

var groupFields = collect.Fields[group]{
	collect.Text("display_name", "group name", func(g group) *string { return g.DisplayName }),
	collect.Text("description", "group description", func(g group) *string { return g.Description }),
	collect.Computed("external", model.Boolean, "provisioned from an external identity provider (SCIM)", func(g group) any { return len(g.ExternalIds) > 0 }),
	collect.When(hasMembers, collect.Computed("member_count", model.Integer, "number of members", func(g group) any { return len(g.members) })),
	collect.Text("identity_store_id", "identity store (d-...)", func(g group) *string { return g.IdentityStoreId }),
	collect.Timestamp("updated_at", "last change of the group", func(g group) *time.Time { return g.UpdatedAt }),
}

func groups(ctx context.Context, t *collect.Task) error {
	api := identitystore.NewFromConfig(t.Config)
	return eachStore(ctx, t, func(store *string, instance model.Key) error {
		p := identitystore.NewListGroupsPaginator(api, &identitystore.ListGroupsInput{IdentityStoreId: store, MaxResults: t.PageSize(100)})
		return collect.EachItem(ctx, p, func(page *identitystore.ListGroupsOutput) []types.Group { return page.Groups },
			func(ctx context.Context, tg types.Group) {
				g := group{Group: tg, members: members(ctx, t, api, store, tg.GroupId)}
				id := aws.ToString(g.GroupId)
				key := t.Key("group", id)
				t.Emit(&model.Resource{Key: key, Name: aws.ToString(g.DisplayName), ARN: arn(t, g.GroupArn, "group/"+id),
					CreatedAt: model.Time(g.CreatedAt), Details: groupFields.Details(g)})
				t.Relate(key, "in-instance", instance)
				for _, m := range g.members {
					t.Relate(key, "has-member", t.Key("user", m))
				}
			})
	})
}

// members are the user ids of a group's members; nil and a warning when
// they could not be read.
func members(ctx context.Context, t *collect.Task, api *identitystore.Client, store, groupID *string) []string {
	out := []string{}
	p := identitystore.NewListGroupMembershipsPaginator(api, &identitystore.ListGroupMembershipsInput{IdentityStoreId: store, GroupId: groupID, MaxResults: t.PageSize(100)})
	err := collect.EachPage(ctx, p, func(page *identitystore.ListGroupMembershipsOutput) error {
		for _, m := range page.GroupMemberships {
			if u, ok := m.MemberId.(*types.MemberIdMemberUserId); ok {
				out = append(out, u.Value)
			}
		}
		return nil
	})
	if err != nil {
		t.Warn("ListGroupMemberships", err)
		return nil
	}
	return out
}
