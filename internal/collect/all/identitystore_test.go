package all_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/identitystore"
	"github.com/aws/aws-sdk-go-v2/service/identitystore/types"
	"github.com/aws/aws-sdk-go-v2/service/ssoadmin"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/identitystore"
)

// store is moto's Identity Center instance of the region, whose store
// holds six users (alice0..alice5) and two groups: admins (alice0,
// alice1) and empty.
type store struct {
	instance string
	users    []string
	admins   string
}

func identitystoreSetup(t *testing.T) store {
	t.Helper()
	collecttest.Setup(t)
	ctx := context.Background()
	cfg := collecttest.Config(t, region, nil)
	out, err := ssoadmin.NewFromConfig(cfg).ListInstances(ctx, &ssoadmin.ListInstancesInput{})
	if err != nil || len(out.Instances) != 1 {
		t.Fatalf("moto instance: %v", err)
	}
	s := store{instance: collect.ARNResourceName(aws.ToString(out.Instances[0].InstanceArn))}
	storeID := out.Instances[0].IdentityStoreId
	api := identitystore.NewFromConfig(cfg)
	for i := range 6 {
		u, err := api.CreateUser(ctx, &identitystore.CreateUserInput{IdentityStoreId: storeID, UserName: aws.String(fmt.Sprintf("alice%d", i)),
			DisplayName: aws.String("Alice"), Name: &types.Name{GivenName: aws.String("Alice"), FamilyName: aws.String("Smith")}, Title: aws.String("engineer"),
			Emails: []types.Email{{Value: aws.String("alice@old.example")}, {Value: aws.String("alice@Corp.Example"), Primary: true}}})
		if err != nil {
			t.Fatal(err)
		}
		s.users = append(s.users, aws.ToString(u.UserId))
	}
	for _, name := range []string{"admins", "empty"} {
		g, err := api.CreateGroup(ctx, &identitystore.CreateGroupInput{IdentityStoreId: storeID, DisplayName: aws.String(name), Description: aws.String(name + " group")})
		if err != nil {
			t.Fatal(err)
		}
		if name == "admins" {
			s.admins = aws.ToString(g.GroupId)
		}
	}
	for _, u := range s.users[:2] {
		if _, err := api.CreateGroupMembership(ctx, &identitystore.CreateGroupMembershipInput{IdentityStoreId: storeID, GroupId: aws.String(s.admins),
			MemberId: &types.MemberIdMemberUserId{Value: u}}); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

func TestIdentitystoreUsers(t *testing.T) {
	s := identitystoreSetup(t)
	got := collecttest.Run(t, collecttest.Config(t, region, nil), collector.Service, "user", region)
	if got.Err != nil || len(got.Resources) != 6 {
		t.Fatalf("users: %v %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	u := got.ByID()[s.users[3]]
	if u == nil || u.Name != "alice3" || u.ARN != "arn:aws:identitystore:::user/"+s.users[3] {
		t.Fatalf("alice3: %+v", u)
	}
	for k, v := range map[string]any{"user_name": "alice3", "display_name": "Alice", "email_domain": "corp.example", "title": "engineer", "external": false} {
		if u.Details[k] != v {
			t.Errorf("details[%s] = %v, want %v", k, u.Details[k], v)
		}
	}
	collecttest.HasEdges(t, got, s.users[3]+" -in-instance-> sso-admin/instance:"+s.instance)
}

func TestIdentitystoreGroups(t *testing.T) {
	s := identitystoreSetup(t)
	got := collecttest.Run(t, collecttest.Config(t, region, nil), collector.Service, "group", region)
	if got.Err != nil || len(got.Resources) != 2 {
		t.Fatalf("groups: %v %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	g := got.ByID()[s.admins]
	if g == nil || g.Name != "admins" || g.Details["member_count"] != 2 || g.Details["description"] != "admins group" || g.ARN != "arn:aws:identitystore:::group/"+s.admins {
		t.Fatalf("admins: %+v", g)
	}
	collecttest.HasEdges(t, got, s.admins+" -has-member-> identitystore/user:"+s.users[0], s.admins+" -has-member-> identitystore/user:"+s.users[1],
		s.admins+" -in-instance-> sso-admin/instance:"+s.instance)
}

func TestIdentitystoreDenied(t *testing.T) {
	s := identitystoreSetup(t)
	for typ, op := range map[string]string{"user": "ListUsers", "group": "ListGroups"} {
		for _, denied := range []string{"ListInstances", op} {
			cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny(denied)})
			collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, typ, region))
		}
	}
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("ListGroupMemberships")})
	got := collecttest.Run(t, cfg, collector.Service, "group", region)
	if got.Err != nil || len(got.Resources) != 2 || len(got.Task.Warnings()) != 2 {
		t.Fatalf("want two groups with warnings, got %v, %d, %v", got.Err, len(got.Resources), got.Task.Warnings())
	}
	if _, ok := got.ByID()[s.admins].Details["member_count"]; ok {
		t.Errorf("member count should be unknown: %v", got.ByID()[s.admins].Details)
	}
}
