package all_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/organizations"
	"github.com/aws/aws-sdk-go-v2/service/organizations/types"
	"github.com/aws/smithy-go"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/organizations"
	"github.com/awsmap/awsmap/internal/model"
)

// createOrganization makes an organization with the management account and
// 6 created members; it returns the organization id and the tagged member's id.
// createOrganization makes an organization with 6 member accounts and
// returns how many accounts moto lists: a CreateAccount the SDK retried
// under load makes one more.
func createOrganization(t *testing.T, api *organizations.Client) (org, tagged string, accounts int) {
	t.Helper()
	ctx := context.Background()
	out, err := api.CreateOrganization(ctx, &organizations.CreateOrganizationInput{FeatureSet: types.OrganizationFeatureSetAll})
	if err != nil {
		t.Fatal(err)
	}
	for i := range 6 {
		in := &organizations.CreateAccountInput{AccountName: aws.String(fmt.Sprintf("member%d", i)), Email: aws.String(fmt.Sprintf("ops+%d@example.com", i))}
		if i == 0 {
			in.Tags = []types.Tag{{Key: aws.String("env"), Value: aws.String("prod")}}
		}
		acc, err := api.CreateAccount(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			tagged = aws.ToString(acc.CreateAccountStatus.AccountId)
		}
	}
	listed, err := api.ListAccounts(ctx, &organizations.ListAccountsInput{})
	if err != nil {
		t.Fatal(err)
	}
	if len(listed.Accounts) < 7 {
		t.Fatalf("moto lists %d accounts, want the management account and 6 members", len(listed.Accounts))
	}
	return aws.ToString(out.Organization.Id), tagged, len(listed.Accounts)
}

func TestOrganizationsAccounts(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.Config(t, "us-east-1", nil)
	org, tagged, accounts := createOrganization(t, organizations.NewFromConfig(cfg))
	got := collecttest.Run(t, cfg, collector.Service, "account", model.GlobalRegion)
	if got.Err != nil {
		t.Fatal(got.Err)
	}
	byID := got.ByID()
	if len(byID) != accounts || byID[collecttest.MotoAccount] == nil {
		t.Fatalf("want the management account and its members (%d), got %d", accounts, len(byID))
	}
	a := byID[tagged]
	checks := map[string]any{"email_domain": "example.com", "status": "ACTIVE", "joined_method": "CREATED"}
	for k, want := range checks {
		if a.Details[k] != want {
			t.Errorf("details[%s] = %v, want %v", k, a.Details[k], want)
		}
	}
	if strings.Contains(fmt.Sprint(a.Details), "@") {
		t.Errorf("an email address was stored: %v", a.Details)
	}
	if a.Name != "member0" || a.Tags["env"] != "prod" || a.CreatedAt == "" || a.ARN == "" || a.Region != model.GlobalRegion {
		t.Errorf("identity wrong: %+v", a)
	}
	if want := tagged + " -member-of-> organizations/organization:" + org; !slices.Contains(got.Edges(), want) {
		t.Errorf("missing %s in %v", want, got.Edges())
	}
}

func TestOrganizationsOrganization(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.Config(t, "us-east-1", nil)
	org, _, _ := createOrganization(t, organizations.NewFromConfig(cfg))
	got := collecttest.Run(t, cfg, collector.Service, "organization", model.GlobalRegion)
	if got.Err != nil {
		t.Fatal(got.Err)
	}
	o := got.ByID()[org]
	if len(got.Resources) != 1 || o == nil || o.Details["master_account_id"] != collecttest.MotoAccount || o.Details["feature_set"] != "ALL" || o.ARN == "" {
		t.Fatalf("organization wrong: %v", got.Resources)
	}
}

func TestOrganizationsNotManagementAccount(t *testing.T) {
	collecttest.Setup(t)
	// The answer a standalone account gets (moto returns an empty list instead).
	notInUse := collecttest.ConfigWith(t, "us-east-1", awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){
		"ListAccounts": func(any) (any, error) {
			return nil, &smithy.GenericAPIError{Code: "AWSOrganizationsNotInUseException", Message: "Your account is not a member of an organization."}
		},
	})})
	got := collecttest.Run(t, notInUse, collector.Service, "account", model.GlobalRegion)
	if awsx.ErrorCode(got.Err) != "AWSOrganizationsNotInUseException" || len(got.Resources) != 0 {
		t.Fatalf("want AWSOrganizationsNotInUseException and nothing, got %v and %d resources", got.Err, len(got.Resources))
	}

	cfg := collecttest.ConfigWith(t, "us-east-1", awsx.Options{Responder: collecttest.Deny("ListAccounts")})
	got = collecttest.Run(t, cfg, collector.Service, "account", model.GlobalRegion)
	collecttest.AssertDenied(t, got)

	// A member account: denied, and the organization is managed elsewhere.
	member := collecttest.ConfigWith(t, "us-east-1", awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){
		"ListAccounts": func(any) (any, error) {
			return nil, &smithy.GenericAPIError{Code: "AccessDeniedException", Message: "not the management account"}
		},
		"DescribeOrganization": func(any) (any, error) {
			return &organizations.DescribeOrganizationOutput{Organization: &types.Organization{MasterAccountId: aws.String("999999999999")}}, nil
		},
	})})
	got = collecttest.Run(t, member, collector.Service, "account", model.GlobalRegion)
	if awsx.Classify(got.Err) != awsx.Unsupported || len(got.Resources) != 0 {
		t.Fatalf("member account: want unsupported and nothing, got %v and %d resources", got.Err, len(got.Resources))
	}

	_, _, want := createOrganization(t, organizations.NewFromConfig(collecttest.Config(t, "us-east-1", nil)))
	cfg = collecttest.ConfigWith(t, "us-east-1", awsx.Options{Responder: collecttest.Deny("ListTagsForResource")})
	got = collecttest.Run(t, cfg, collector.Service, "account", model.GlobalRegion)
	if got.Err != nil || len(got.Resources) != want || len(got.Task.Warnings()) != want {
		t.Fatalf("err %v, %d resources, %d warnings, want %d of each", got.Err, len(got.Resources), len(got.Task.Warnings()), want)
	}
}
