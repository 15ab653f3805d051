package all_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssoadmin"
	"github.com/aws/aws-sdk-go-v2/service/ssoadmin/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/ssoadmin"
)

const admin = "arn:aws:iam::aws:policy/AdministratorAccess"

// tagged cans ListTagsForResource, which moto 5.2.1 does not serve for
// Identity Center: every resource is tagged with its own id, over two pages.
var ssoadminTagged = collecttest.Canned(map[string]func(any) (any, error){
	"ListTagsForResource": func(in any) (any, error) {
		i := in.(*ssoadmin.ListTagsForResourceInput)
		if aws.ToString(i.NextToken) == "" {
			return &ssoadmin.ListTagsForResourceOutput{NextToken: aws.String("2"),
				Tags: []types.Tag{{Key: aws.String("id"), Value: aws.String(collect.ARNResourceName(aws.ToString(i.ResourceArn)))}}}, nil
		}
		return &ssoadmin.ListTagsForResourceOutput{Tags: []types.Tag{{Key: aws.String("Team"), Value: aws.String("iam")}}}, nil
	},
})

// fixture is moto's instance of the region with six permission sets: ps0
// grants AdministratorAccess to a user and a group, and is provisioned.
type ssoadminFixture struct {
	instance string
	sets     []string
}

func ssoadminSetup(t *testing.T) (ssoadminFixture, *ssoadmin.Client) {
	t.Helper()
	collecttest.Setup(t)
	ctx := context.Background()
	api := ssoadmin.NewFromConfig(collecttest.Config(t, region, nil))
	out, err := api.ListInstances(ctx, &ssoadmin.ListInstancesInput{})
	if err != nil || len(out.Instances) != 1 {
		t.Fatalf("moto instance: %v %v", err, out)
	}
	f := ssoadminFixture{instance: aws.ToString(out.Instances[0].InstanceArn)}
	if _, err := api.UpdateInstance(ctx, &ssoadmin.UpdateInstanceInput{InstanceArn: aws.String(f.instance), Name: aws.String("corp")}); err != nil {
		t.Fatal(err)
	}
	for i := range 6 {
		ps, err := api.CreatePermissionSet(ctx, &ssoadmin.CreatePermissionSetInput{InstanceArn: aws.String(f.instance), Name: aws.String(fmt.Sprintf("set%d", i)),
			Description: aws.String("team access"), SessionDuration: aws.String("PT4H")})
		if err != nil {
			t.Fatal(err)
		}
		f.sets = append(f.sets, aws.ToString(ps.PermissionSet.PermissionSetArn))
	}
	if _, err := api.AttachManagedPolicyToPermissionSet(ctx, &ssoadmin.AttachManagedPolicyToPermissionSetInput{InstanceArn: aws.String(f.instance),
		PermissionSetArn: aws.String(f.sets[0]), ManagedPolicyArn: aws.String(admin)}); err != nil {
		t.Fatal(err)
	}
	if _, err := api.ProvisionPermissionSet(ctx, &ssoadmin.ProvisionPermissionSetInput{InstanceArn: aws.String(f.instance),
		PermissionSetArn: aws.String(f.sets[0]), TargetType: types.ProvisionTargetTypeAllProvisionedAccounts}); err != nil {
		t.Fatal(err)
	}
	for _, p := range []struct {
		typ types.PrincipalType
		id  string
	}{{types.PrincipalTypeUser, "u-1"}, {types.PrincipalTypeGroup, "g-1"}} {
		if _, err := api.CreateAccountAssignment(ctx, &ssoadmin.CreateAccountAssignmentInput{InstanceArn: aws.String(f.instance), PermissionSetArn: aws.String(f.sets[0]),
			TargetType: types.TargetTypeAwsAccount, TargetId: aws.String(account), PrincipalType: p.typ, PrincipalId: aws.String(p.id)}); err != nil {
			t.Fatal(err)
		}
	}
	return f, api
}

func TestSsoadminInstance(t *testing.T) {
	f, _ := ssoadminSetup(t)
	got := collecttest.Run(t, collecttest.ConfigWith(t, region, awsx.Options{Responder: ssoadminTagged}), collector.Service, "instance", region)
	if got.Err != nil || len(got.Resources) != 1 {
		t.Fatalf("instances: %v %v", got.Err, got.Resources)
	}
	collecttest.AssertNoWarnings(t, got)
	i := got.Resources[0]
	id := collect.ARNResourceName(f.instance)
	if i.ID != id || i.ARN != f.instance || i.Name != "corp" || i.CreatedAt == "" || i.Tags["id"] != id || i.Tags["Team"] != "iam" {
		t.Errorf("instance: %+v", i)
	}
	if i.Details["status"] != "ACTIVE" || i.Details["owner_account_id"] != account || i.Details["identity_store_id"] == "" {
		t.Errorf("details: %v", i.Details)
	}
}

func TestSsoadminPermissionSets(t *testing.T) {
	f, _ := ssoadminSetup(t)
	got := collecttest.Run(t, collecttest.ConfigWith(t, region, awsx.Options{Responder: ssoadminTagged}), collector.Service, "permission-set", region)
	if got.Err != nil || len(got.Resources) != 6 {
		t.Fatalf("permission sets: %v %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	id0 := collect.ARNResourceName(f.sets[0])
	ps := got.ByID()[id0]
	if ps == nil || ps.Name != "set0" || ps.ARN != f.sets[0] || ps.CreatedAt == "" || ps.Tags["id"] != id0 {
		t.Fatalf("set0: %+v", ps)
	}
	if ps.Details["session_duration"] != "PT4H" || ps.Details["description"] != "team access" {
		t.Errorf("details: %v", ps.Details)
	}
	if m, _ := ps.Details["managed_policies"].([]string); len(m) != 1 || m[0] != admin {
		t.Errorf("managed policies: %v", ps.Details["managed_policies"])
	}
	if m, _ := got.ByID()[collect.ARNResourceName(f.sets[5])].Details["managed_policies"].([]string); m == nil || len(m) != 0 {
		t.Errorf("set5 managed policies: %v", m)
	}
	collecttest.HasEdges(t, got, id0+" -in-instance-> sso-admin/instance:"+collect.ARNResourceName(f.instance))
}

func TestSsoadminAccountAssignments(t *testing.T) {
	f, _ := ssoadminSetup(t)
	got := collecttest.Run(t, collecttest.Config(t, region, nil), collector.Service, "account-assignment", region)
	if got.Err != nil || len(got.Resources) != 2 {
		t.Fatalf("assignments: %v %v", got.Err, got.Resources)
	}
	collecttest.AssertNoWarnings(t, got)
	ps := collect.ARNResourceName(f.sets[0])
	user := account + "/" + ps + "/USER/u-1"
	a := got.ByID()[user]
	if a == nil || a.Details["principal_type"] != "USER" || a.Details["account_id"] != account || a.Details["permission_set_arn"] != f.sets[0] {
		t.Fatalf("user assignment: %+v", a)
	}
	group := account + "/" + ps + "/GROUP/g-1"
	collecttest.HasEdges(t, got, user+" -grants-> sso-admin/permission-set:"+ps, user+" -granted-to-> identitystore/user:u-1",
		group+" -granted-to-> identitystore/group:g-1")
}

func TestSsoadminDenied(t *testing.T) {
	f, _ := ssoadminSetup(t)
	for _, typ := range []string{"instance", "permission-set", "account-assignment"} {
		cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("ListInstances")})
		collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, typ, region))
	}
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("ListPermissionSets")})
	collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, "permission-set", region))

	// Denied detail calls keep the permission sets, with what is known.
	cfg = collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("DescribePermissionSet", "ListManagedPoliciesInPermissionSet", "ListTagsForResource")})
	got := collecttest.Run(t, cfg, collector.Service, "permission-set", region)
	if got.Err != nil || len(got.Resources) != 6 || len(got.Task.Warnings()) != 18 {
		t.Fatalf("want six sets and 18 warnings, got %v, %d, %d", got.Err, len(got.Resources), len(got.Task.Warnings()))
	}
	if ps := got.ByID()[collect.ARNResourceName(f.sets[0])]; ps.ARN != f.sets[0] || ps.Details["managed_policies"] != nil {
		t.Errorf("set0 without details: %+v", ps)
	}
	cfg = collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("ListAccountAssignments")})
	got = collecttest.Run(t, cfg, collector.Service, "account-assignment", region)
	if got.Err != nil || len(got.Resources) != 0 || len(got.Task.Warnings()) != 1 {
		t.Errorf("want a partial empty collection, got %v, %d, %v", got.Err, len(got.Resources), got.Task.Warnings())
	}
}

// applications cans ListApplications, which moto 5.2.1 lacks, over two
// pages, with the tags of tagged.
func applications(instance string) awsx.Responder {
	return awsx.ResponderFunc(func(ctx context.Context, req awsx.Request) (any, error) {
		if req.Operation != "ListApplications" {
			return ssoadminTagged.Respond(ctx, req)
		}
		in := req.Input.(*ssoadmin.ListApplicationsInput)
		if aws.ToString(in.InstanceArn) != instance {
			return nil, fmt.Errorf("want instance %s", instance)
		}
		arn := func(id string) *string {
			return aws.String("arn:aws:sso::" + account + ":application/" + collect.ARNResourceName(instance) + "/" + id)
		}
		if aws.ToString(in.NextToken) == "" {
			return &ssoadmin.ListApplicationsOutput{NextToken: aws.String("2"), Applications: []types.Application{{ApplicationArn: arn("apl-1"), Name: aws.String("jira"),
				Status: types.ApplicationStatusEnabled, PortalOptions: &types.PortalOptions{Visibility: types.ApplicationVisibilityEnabled},
				ApplicationProviderArn: aws.String("arn:aws:sso::aws:applicationProvider/custom-saml")}}}, nil
		}
		return &ssoadmin.ListApplicationsOutput{Applications: []types.Application{{ApplicationArn: arn("apl-2"), Name: aws.String("old"), Status: types.ApplicationStatusDisabled}}}, nil
	})
}

func TestSsoadminApplications(t *testing.T) {
	f, _ := ssoadminSetup(t)
	got := collecttest.Run(t, collecttest.ConfigWith(t, region, awsx.Options{Responder: applications(f.instance)}), collector.Service, "application", region)
	if got.Err != nil || len(got.Resources) != 2 {
		t.Fatalf("applications: %v %v", got.Err, got.Resources)
	}
	collecttest.AssertNoWarnings(t, got)
	a := got.ByID()["apl-1"]
	if a.Name != "jira" || a.Tags["id"] != "apl-1" || a.Details["status"] != "ENABLED" || a.Details["portal_visibility"] != "ENABLED" ||
		a.Details["provider_arn"] != "arn:aws:sso::aws:applicationProvider/custom-saml" {
		t.Errorf("jira: %+v", a)
	}
	if got.ByID()["apl-2"].Details["status"] != "DISABLED" {
		t.Errorf("old: %v", got.ByID()["apl-2"].Details)
	}
	collecttest.HasEdges(t, got, "apl-1 -in-instance-> sso-admin/instance:"+collect.ARNResourceName(f.instance))
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("ListApplications")})
	collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, "application", region))
}
