package all_test

import (
	"context"
	"fmt"
	"maps"
	"net/url"
	"slices"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsiam "github.com/aws/aws-sdk-go-v2/service/iam"
	iamtypes "github.com/aws/aws-sdk-go-v2/service/iam/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/iam"
	"github.com/awsmap/awsmap/internal/model"
)

const (
	adminDoc  = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}`
	passDoc   = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject","iam:Pass*"],"Resource":"*"}]}`
	readerDoc = `{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::data/*"}}`
)

func trustDoc(principal string) string {
	return `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":` + principal + `,"Action":"sts:AssumeRole"}]}`
}

type iamFixture struct {
	t   *testing.T
	ctx context.Context
	api *awsiam.Client
}

func iamSetup(t *testing.T) iamFixture {
	collecttest.Setup(t)
	return iamFixture{t: t, ctx: context.Background(), api: awsiam.NewFromConfig(collecttest.Config(t, "us-east-1", nil))}
}

func (f iamFixture) must(_ any, err error) {
	f.t.Helper()
	if err != nil {
		f.t.Fatal(err)
	}
}

func (f iamFixture) policy(name, doc string) string {
	out, err := f.api.CreatePolicy(f.ctx, &awsiam.CreatePolicyInput{PolicyName: aws.String(name), PolicyDocument: aws.String(doc)})
	f.must(out, err)
	return aws.ToString(out.Policy.Arn)
}

func (f iamFixture) role(name, principal string) {
	f.must(f.api.CreateRole(f.ctx, &awsiam.CreateRoleInput{RoleName: aws.String(name), AssumeRolePolicyDocument: aws.String(trustDoc(principal)),
		MaxSessionDuration: aws.Int32(7200), Description: aws.String(name + " role")}))
}

func iamRun(t *testing.T, cfg aws.Config, typ string) collecttest.Result {
	t.Helper()
	got := collecttest.Run(t, cfg, collector.Service, typ, model.GlobalRegion)
	if got.Err != nil {
		t.Fatal(got.Err)
	}
	return got
}

func TestIamUsers(t *testing.T) {
	f := iamSetup(t)
	admin := f.policy("admin-all", adminDoc)
	f.must(f.api.CreateGroup(f.ctx, &awsiam.CreateGroupInput{GroupName: aws.String("devs")}))
	for i := range 6 {
		f.must(f.api.CreateUser(f.ctx, &awsiam.CreateUserInput{UserName: aws.String(fmt.Sprintf("user-%d", i))}))
	}
	f.must(f.api.CreateUser(f.ctx, &awsiam.CreateUserInput{UserName: aws.String("alice"),
		Tags: []iamtypes.Tag{{Key: aws.String("Owner"), Value: aws.String("team-a")}}}))
	f.must(f.api.CreateLoginProfile(f.ctx, &awsiam.CreateLoginProfileInput{UserName: aws.String("alice"), Password: aws.String("Secret-123!")}))
	key, err := f.api.CreateAccessKey(f.ctx, &awsiam.CreateAccessKeyInput{UserName: aws.String("alice")})
	f.must(key, err)
	f.must(f.api.AddUserToGroup(f.ctx, &awsiam.AddUserToGroupInput{UserName: aws.String("alice"), GroupName: aws.String("devs")}))
	f.must(f.api.AttachUserPolicy(f.ctx, &awsiam.AttachUserPolicyInput{UserName: aws.String("alice"), PolicyArn: aws.String(admin)}))
	f.must(f.api.PutUserPolicy(f.ctx, &awsiam.PutUserPolicyInput{UserName: aws.String("alice"), PolicyName: aws.String("inline-read"), PolicyDocument: aws.String(readerDoc)}))
	mfa, err := f.api.CreateVirtualMFADevice(f.ctx, &awsiam.CreateVirtualMFADeviceInput{VirtualMFADeviceName: aws.String("alice-mfa")})
	f.must(mfa, err)
	f.must(f.api.EnableMFADevice(f.ctx, &awsiam.EnableMFADeviceInput{UserName: aws.String("alice"), SerialNumber: mfa.VirtualMFADevice.SerialNumber,
		AuthenticationCode1: aws.String("123456"), AuthenticationCode2: aws.String("654321")}))

	got := iamRun(t, collecttest.Config(t, "us-east-1", nil), "user")
	collecttest.AssertNoWarnings(t, got)
	byID := got.ByID()
	if len(byID) != 7 {
		t.Fatalf("want 7 users, got %d", len(byID))
	}
	alice := byID["alice"]
	wantDetails(t, alice, map[string]any{
		"password_enabled": true, "console_access": true, "mfa_active": true, "mfa_devices": 1,
		"groups": []string{"devs"}, "attached_policies": []string{"admin-all"}, "inline_policies": []string{"inline-read"}, "path": "/",
	})
	wantDetails(t, byID["user-0"], map[string]any{"password_enabled": false, "mfa_active": false, "mfa_devices": 0, "access_keys": []map[string]any{}})
	keys, _ := alice.Details["access_keys"].([]map[string]any)
	if len(keys) != 1 || keys[0]["id"] != aws.ToString(key.AccessKey.AccessKeyId) || keys[0]["status"] != "Active" || keys[0]["created"] == "" {
		t.Errorf("access_keys = %v", alice.Details["access_keys"])
	}
	if alice.ARN != "arn:aws:iam::"+collecttest.MotoAccount+":user/alice" || alice.Region != model.GlobalRegion || alice.CreatedAt == "" || alice.Tags["Owner"] != "team-a" {
		t.Errorf("identity fields wrong: %+v", alice)
	}
	collecttest.HasEdges(t, got, "alice -member-of-> iam/group:devs", "alice -has-policy-> iam/policy:admin-all")
}

func TestIamUsersWithoutCredentialReport(t *testing.T) {
	f := iamSetup(t)
	f.must(f.api.CreateUser(f.ctx, &awsiam.CreateUserInput{UserName: aws.String("bob")}))
	cfg := collecttest.ConfigWith(t, "us-east-1", awsx.Options{Responder: collecttest.Deny("GetCredentialReport")})
	got := iamRun(t, cfg, "user")
	bob := got.ByID()["bob"]
	if bob == nil {
		t.Fatal("user not emitted without the credential report")
	}
	for _, k := range []string{"password_enabled", "console_access", "mfa_active", "password_last_used"} {
		if _, ok := bob.Details[k]; ok {
			t.Errorf("%s set without the credential report: %v", k, bob.Details)
		}
	}
	if _, ok := bob.Details["access_keys"]; !ok {
		t.Error("access_keys missing")
	}
	if len(got.Task.Warnings()) == 0 {
		t.Error("no warning for the denied credential report")
	}
}

func TestIamRoles(t *testing.T) {
	f := iamSetup(t)
	reader := f.policy("reader", readerDoc)
	f.role("app", `{"Service":"ec2.amazonaws.com"}`)
	f.role("cross", `{"AWS":["arn:aws:iam::111122223333:root","arn:aws:iam::`+collecttest.MotoAccount+`:root"]}`)
	f.role("local", `{"AWS":"`+collecttest.MotoAccount+`"}`)
	f.role("open", `"*"`)
	f.role("web", `{"Federated":"cognito-identity.amazonaws.com"}`)
	f.role("batch", `{"Service":["batch.amazonaws.com","ecs-tasks.amazonaws.com"]}`)
	f.must(f.api.AttachRolePolicy(f.ctx, &awsiam.AttachRolePolicyInput{RoleName: aws.String("cross"), PolicyArn: aws.String(reader)}))
	f.must(f.api.CreateServiceLinkedRole(f.ctx, &awsiam.CreateServiceLinkedRoleInput{AWSServiceName: aws.String("elasticbeanstalk.amazonaws.com")}))

	got := iamRun(t, collecttest.Config(t, "us-east-1", nil), "role")
	byID := got.ByID()
	if len(byID) != 6 {
		t.Fatalf("want 6 roles (service-linked skipped), got %d: %v", len(byID), byID)
	}
	wantDetails(t, byID["app"], map[string]any{"trust_principals": []string{"ec2.amazonaws.com"}, "trusts_other_accounts": false,
		"trusts_everyone": false, "max_session_duration": 7200, "description": "app role", "path": "/"})
	wantDetails(t, byID["cross"], map[string]any{"trusts_other_accounts": true, "trusts_everyone": false,
		"attached_policies": []string{"reader"}})
	wantDetails(t, byID["local"], map[string]any{"trusts_other_accounts": false, "trust_principals": []string{collecttest.MotoAccount}})
	wantDetails(t, byID["open"], map[string]any{"trusts_everyone": true, "trust_principals": []string{"*"}})
	wantDetails(t, byID["web"], map[string]any{"trust_principals": []string{"cognito-identity.amazonaws.com"}})
	if _, ok := byID["app"].Details["trust_policy"].(map[string]any); !ok {
		t.Errorf("trust_policy not stored as JSON: %#v", byID["app"].Details["trust_policy"])
	}
	if byID["app"].ARN != "arn:aws:iam::"+collecttest.MotoAccount+":role/app" || byID["app"].CreatedAt == "" {
		t.Errorf("identity fields wrong: %+v", byID["app"])
	}
	collecttest.HasEdges(t, got, "cross -has-policy-> iam/policy:reader")
}

func TestIamGroups(t *testing.T) {
	f := iamSetup(t)
	admin := f.policy("admin-all", adminDoc)
	f.must(f.api.CreateGroup(f.ctx, &awsiam.CreateGroupInput{GroupName: aws.String("devs")}))
	f.must(f.api.CreateGroup(f.ctx, &awsiam.CreateGroupInput{GroupName: aws.String("empty")}))
	for _, u := range []string{"alice", "bob"} {
		f.must(f.api.CreateUser(f.ctx, &awsiam.CreateUserInput{UserName: aws.String(u)}))
		f.must(f.api.AddUserToGroup(f.ctx, &awsiam.AddUserToGroupInput{UserName: aws.String(u), GroupName: aws.String("devs")}))
	}
	f.must(f.api.AttachGroupPolicy(f.ctx, &awsiam.AttachGroupPolicyInput{GroupName: aws.String("devs"), PolicyArn: aws.String(admin)}))
	f.must(f.api.PutGroupPolicy(f.ctx, &awsiam.PutGroupPolicyInput{GroupName: aws.String("devs"), PolicyName: aws.String("inline"), PolicyDocument: aws.String(readerDoc)}))

	got := iamRun(t, collecttest.Config(t, "us-east-1", nil), "group")
	if len(got.Resources) != 2 {
		t.Fatalf("want 2 groups, got %d", len(got.Resources))
	}
	devs := got.ByID()["devs"]
	wantDetails(t, devs, map[string]any{"members": 2, "attached_policies": []string{"admin-all"}, "inline_policies": []string{"inline"}})
	wantDetails(t, got.ByID()["empty"], map[string]any{"members": 0})
	if devs.ARN != "arn:aws:iam::"+collecttest.MotoAccount+":group/devs" || devs.CreatedAt == "" {
		t.Errorf("identity fields wrong: %+v", devs)
	}
	collecttest.HasEdges(t, got, "devs -has-policy-> iam/policy:admin-all")
}

// cannedPolicies answers GetAccountAuthorizationDetails as AWS does, in pages
// and with URL-encoded documents: moto neither pages it nor returns policy
// names and ids.
func cannedPolicies(t *testing.T) aws.Config {
	docs := map[string]string{"admin-all": adminDoc, "passer": passDoc, "reader": readerDoc}
	for i := range 4 {
		docs[fmt.Sprintf("extra-%d", i)] = readerDoc
	}
	var all []iamtypes.ManagedPolicyDetail
	for _, name := range slices.Sorted(maps.Keys(docs)) {
		attached := int32(0)
		if name == "admin-all" {
			attached = 1
		}
		all = append(all, iamtypes.ManagedPolicyDetail{
			PolicyName: aws.String(name), PolicyId: aws.String("ANPA" + name), Arn: aws.String("arn:aws:iam::" + collecttest.MotoAccount + ":policy/" + name),
			Path: aws.String("/"), DefaultVersionId: aws.String("v2"), AttachmentCount: aws.Int32(attached), IsAttachable: true,
			CreateDate: aws.Time(time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)),
			PolicyVersionList: []iamtypes.PolicyVersion{
				{VersionId: aws.String("v1"), Document: aws.String(url.QueryEscape(adminDoc))},
				{VersionId: aws.String("v2"), IsDefaultVersion: true, Document: aws.String(url.QueryEscape(docs[name]))},
			},
		})
	}
	return collecttest.ConfigWith(t, "us-east-1", awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){
		"GetAccountAuthorizationDetails": func(input any) (any, error) {
			in := input.(*awsiam.GetAccountAuthorizationDetailsInput)
			if !slices.Contains(in.Filter, iamtypes.EntityTypeLocalManagedPolicy) || slices.Contains(in.Filter, iamtypes.EntityTypeAWSManagedPolicy) {
				return nil, fmt.Errorf("unexpected filter %v", in.Filter)
			}
			start := 0
			fmt.Sscan(aws.ToString(in.Marker), &start)
			end := min(start+int(aws.ToInt32(in.MaxItems)), len(all))
			out := &awsiam.GetAccountAuthorizationDetailsOutput{Policies: all[start:end]}
			if end < len(all) {
				out.IsTruncated, out.Marker = true, aws.String(fmt.Sprint(end))
			}
			return out, nil
		},
	})})
}

func TestIamPolicies(t *testing.T) {
	f := iamSetup(t)
	// The details are canned; the tags of "reader" come from moto's ListPolicyTags.
	f.must(f.api.CreatePolicy(f.ctx, &awsiam.CreatePolicyInput{PolicyName: aws.String("reader"), PolicyDocument: aws.String(readerDoc),
		Tags: []iamtypes.Tag{{Key: aws.String("Owner"), Value: aws.String("erin")}}}))
	got := iamRun(t, cannedPolicies(t), "policy")
	collecttest.AssertNoWarnings(t, got)
	byID := got.ByID()
	if len(byID) != 7 {
		t.Fatalf("want 7 customer policies, got %d: %v", len(byID), byID)
	}
	wantDetails(t, byID["admin-all"], map[string]any{"allows_admin": true, "allows_passrole_star": true, "attachment_count": 1, "default_version_id": "v2"})
	wantDetails(t, byID["passer"], map[string]any{"allows_admin": false, "allows_passrole_star": true, "policy_id": "ANPApasser"})
	wantDetails(t, byID["reader"], map[string]any{"allows_admin": false, "allows_passrole_star": false, "attachment_count": 0})
	if doc, ok := byID["reader"].Details["document"].(map[string]any); !ok || doc["Version"] != "2012-10-17" {
		t.Errorf("document = %#v", byID["reader"].Details["document"])
	}
	r := byID["reader"]
	if r.ARN != "arn:aws:iam::"+collecttest.MotoAccount+":policy/reader" || r.CreatedAt != "2024-01-02T03:04:05Z" || r.Name != "reader" {
		t.Errorf("identity fields wrong: %+v", r)
	}
	if r.Tags["Owner"] != "erin" || len(byID["passer"].Tags) != 0 {
		t.Errorf("tags: reader %v, passer %v", r.Tags, byID["passer"].Tags)
	}
}

func TestIamPolicyTagsDenied(t *testing.T) {
	f := iamSetup(t)
	f.policy("reader", readerDoc)
	got := iamRun(t, collecttest.ConfigWith(t, "us-east-1", awsx.Options{Responder: collecttest.Deny("ListPolicyTags")}), "policy")
	if got.Err != nil || len(got.Resources) != 1 || len(got.Task.Warnings()) != 1 || got.Task.Warnings()[0].Operation != "ListPolicyTags" {
		t.Errorf("err %v, %d policies, warnings %v", got.Err, len(got.Resources), got.Task.Warnings())
	}
}

func TestIamInstanceProfiles(t *testing.T) {
	f := iamSetup(t)
	f.role("app", `{"Service":"ec2.amazonaws.com"}`)
	for i := range 6 {
		f.must(f.api.CreateInstanceProfile(f.ctx, &awsiam.CreateInstanceProfileInput{InstanceProfileName: aws.String(fmt.Sprintf("ip-%d", i))}))
	}
	f.must(f.api.AddRoleToInstanceProfile(f.ctx, &awsiam.AddRoleToInstanceProfileInput{InstanceProfileName: aws.String("ip-0"), RoleName: aws.String("app")}))
	got := iamRun(t, collecttest.Config(t, "us-east-1", nil), "instance-profile")
	if len(got.Resources) != 6 {
		t.Fatalf("want 6 instance profiles, got %d", len(got.Resources))
	}
	wantDetails(t, got.ByID()["ip-0"], map[string]any{"roles": []string{"app"}, "path": "/"})
	collecttest.HasEdges(t, got, "ip-0 -assumes-role-> iam/role:app")
}

func TestIamAccountSettings(t *testing.T) {
	f := iamSetup(t)
	cfg := collecttest.Config(t, "us-east-1", nil)
	none := iamRun(t, cfg, "password-policy")
	wantDetails(t, none.ByID()["account-password-policy"], map[string]any{"exists": false})

	f.must(f.api.UpdateAccountPasswordPolicy(f.ctx, &awsiam.UpdateAccountPasswordPolicyInput{MinimumPasswordLength: aws.Int32(14),
		RequireSymbols: true, PasswordReusePrevention: aws.Int32(24), MaxPasswordAge: aws.Int32(90)}))
	set := iamRun(t, cfg, "password-policy")
	wantDetails(t, set.ByID()["account-password-policy"], map[string]any{"exists": true, "minimum_password_length": 14,
		"require_symbols": true, "require_numbers": false, "password_reuse_prevention": 24, "max_password_age": 90, "expire_passwords": true})

	f.must(f.api.CreateUser(f.ctx, &awsiam.CreateUserInput{UserName: aws.String("alice")}))
	summary := iamRun(t, cfg, "account-summary")
	wantDetails(t, summary.ByID()["account-summary"], map[string]any{"users": 1, "roles": 0, "root_mfa_enabled": false, "root_access_keys_present": false})
}

func TestIamDenied(t *testing.T) {
	iamSetup(t)
	cfg := collecttest.ConfigWith(t, "us-east-1", awsx.Options{Responder: collecttest.Deny("GetAccountAuthorizationDetails")})
	for _, typ := range []string{"user", "role"} {
		got := collecttest.Run(t, cfg, collector.Service, typ, model.GlobalRegion)
		if awsx.Classify(got.Err) != awsx.Denied {
			t.Fatalf("%s: want a denied error, got %v", typ, got.Err)
		}
		if len(got.Resources) != 0 {
			t.Fatalf("%s: denied listing emitted %d resources", typ, len(got.Resources))
		}
	}
}
