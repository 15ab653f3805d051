package account

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/organizations"
	orgtypes "github.com/aws/aws-sdk-go-v2/service/organizations/types"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	ststypes "github.com/aws/aws-sdk-go-v2/service/sts/types"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"
	"github.com/awsmap/awsmap/internal/awsx"
)

// shortLivedSTS answers AssumeRole with credentials valid for the session
// duration asked, each under a new key, and remembers when each expires.
type shortLivedSTS struct {
	mu      sync.Mutex
	expires map[string]time.Time
	inputs  []*sts.AssumeRoleInput
}

func (s *shortLivedSTS) Respond(_ context.Context, req awsx.Request) (any, error) {
	switch in := req.Input.(type) {
	case *sts.AssumeRoleInput:
		s.mu.Lock()
		defer s.mu.Unlock()
		key := fmt.Sprintf("ASIA%012d", len(s.inputs))
		exp := time.Now().Add(time.Duration(aws.ToInt32(in.DurationSeconds)) * time.Second)
		s.expires[key] = exp
		s.inputs = append(s.inputs, in)
		return &sts.AssumeRoleOutput{Credentials: &ststypes.Credentials{AccessKeyId: aws.String(key),
			SecretAccessKey: aws.String("secret"), SessionToken: aws.String("token"), Expiration: aws.Time(exp)}}, nil
	case *sts.GetCallerIdentityInput:
		return &sts.GetCallerIdentityOutput{Account: aws.String("222222222222")}, nil
	}
	return nil, fmt.Errorf("unexpected %s", req.Operation)
}

// signedKeys records, after signing, the access key of every request that
// used assumed credentials and whether it had expired by then.
func signedKeys(expires func(string) time.Time, used *[]string, stale *int) func(*middleware.Stack) error {
	var mu sync.Mutex
	return func(s *middleware.Stack) error {
		return s.Finalize.Add(middleware.FinalizeMiddlewareFunc("testSignedKey",
			func(ctx context.Context, in middleware.FinalizeInput, next middleware.FinalizeHandler) (middleware.FinalizeOutput, middleware.Metadata, error) {
				if req, ok := in.Request.(*smithyhttp.Request); ok {
					auth := req.Header.Get("Authorization")
					if _, rest, ok := strings.Cut(auth, "Credential="); ok && strings.HasPrefix(rest, "ASIA") {
						key, _, _ := strings.Cut(rest, "/")
						mu.Lock()
						*used = append(*used, key)
						if !time.Now().Before(expires(key)) {
							*stale++
						}
						mu.Unlock()
					}
				}
				return next.HandleFinalize(ctx, in)
			}), middleware.After)
	}
}

// TestAssumedCredentialsRenewed: sessions of 2 s during 3 s of calls are
// renewed before they expire (a quarter of the session ahead): every call
// succeeds with live credentials, under several keys, with far fewer
// AssumeRole calls than API calls; the options reach AssumeRole.
func TestAssumedCredentialsRenewed(t *testing.T) {
	fake := &shortLivedSTS{expires: map[string]time.Time{}}
	base, err := awsx.LoadConfig(context.Background(), awsx.Options{Responder: fake})
	if err != nil {
		t.Fatal(err)
	}
	arn := RoleARN("us-east-1", "222222222222", DefaultRoleName)
	cfg := AssumeRole(base, arn, RoleOptions{ExternalID: "ext-1", Duration: 2 * time.Second})
	var used []string
	var stale int
	cfg.APIOptions = append(cfg.APIOptions, signedKeys(func(k string) time.Time {
		fake.mu.Lock()
		defer fake.mu.Unlock()
		return fake.expires[k]
	}, &used, &stale))
	client := sts.NewFromConfig(cfg)
	calls := 0
	for end := time.Now().Add(3 * time.Second); time.Now().Before(end); calls++ {
		if _, err := client.GetCallerIdentity(context.Background(), &sts.GetCallerIdentityInput{}); err != nil {
			t.Fatalf("call %d: %v", calls, err)
		}
		time.Sleep(20 * time.Millisecond)
	}
	keys := map[string]bool{}
	for _, k := range used {
		keys[k] = true
	}
	assumed := len(fake.inputs)
	if stale > 0 || len(used) != calls || len(keys) < 2 || assumed > calls/5 {
		t.Errorf("%d calls signed with %d keys (%d expired), %d AssumeRole calls", calls, len(keys), stale, assumed)
	}
	in := fake.inputs[0]
	if aws.ToString(in.RoleArn) != "arn:aws:iam::222222222222:role/OrganizationAccountAccessRole" ||
		aws.ToString(in.ExternalId) != "ext-1" || aws.ToString(in.RoleSessionName) != DefaultSessionName {
		t.Errorf("AssumeRole input %+v", in)
	}
}

func TestRoleARNPartition(t *testing.T) {
	if got := RoleARN("cn-north-1", "123456789012", "Audit"); got != "arn:aws-cn:iam::123456789012:role/Audit" {
		t.Errorf("RoleARN in China = %s", got)
	}
}

// fakeOrg is an organization: a root with the management account, a
// suspended account and OU Workloads, which holds two accounts (answered
// one per page) and OU Prod with one more.
func fakeOrg(_ context.Context, req awsx.Request) (any, error) {
	acct := func(id, name string, state orgtypes.AccountState) orgtypes.Account {
		return orgtypes.Account{Id: aws.String(id), Name: aws.String(name), State: state}
	}
	ou := func(id, name string) orgtypes.OrganizationalUnit {
		return orgtypes.OrganizationalUnit{Id: aws.String(id), Name: aws.String(name)}
	}
	switch in := req.Input.(type) {
	case *organizations.ListRootsInput:
		return &organizations.ListRootsOutput{Roots: []orgtypes.Root{{Id: aws.String("r-ab12"), Name: aws.String("Root")}}}, nil
	case *organizations.ListAccountsForParentInput:
		switch aws.ToString(in.ParentId) {
		case "r-ab12":
			return &organizations.ListAccountsForParentOutput{Accounts: []orgtypes.Account{
				acct("111111111111", "management", orgtypes.AccountStateActive),
				acct("999999999999", "old", orgtypes.AccountStateSuspended)}}, nil
		case "ou-ab12-work":
			if in.NextToken == nil {
				return &organizations.ListAccountsForParentOutput{NextToken: aws.String("2"),
					Accounts: []orgtypes.Account{acct("333333333333", "staging", orgtypes.AccountStateActive)}}, nil
			}
			return &organizations.ListAccountsForParentOutput{Accounts: []orgtypes.Account{
				{Id: aws.String("444444444444"), Name: aws.String("tools"), Status: orgtypes.AccountStatusActive}}}, nil
		case "ou-ab12-prod":
			return &organizations.ListAccountsForParentOutput{Accounts: []orgtypes.Account{
				acct("222222222222", "prod", orgtypes.AccountStateActive)}}, nil
		}
	case *organizations.ListOrganizationalUnitsForParentInput:
		switch aws.ToString(in.ParentId) {
		case "r-ab12":
			return &organizations.ListOrganizationalUnitsForParentOutput{
				OrganizationalUnits: []orgtypes.OrganizationalUnit{ou("ou-ab12-work", "Workloads")}}, nil
		case "ou-ab12-work":
			return &organizations.ListOrganizationalUnitsForParentOutput{
				OrganizationalUnits: []orgtypes.OrganizationalUnit{ou("ou-ab12-prod", "Prod")}}, nil
		}
		return &organizations.ListOrganizationalUnitsForParentOutput{}, nil
	}
	return nil, fmt.Errorf("unexpected %s", req.Operation)
}

func TestListOrgAccounts(t *testing.T) {
	cfg, err := awsx.LoadConfig(context.Background(), awsx.Options{Responder: awsx.ResponderFunc(fakeOrg)})
	if err != nil {
		t.Fatal(err)
	}
	accounts, err := ListOrgAccounts(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, a := range accounts {
		got = append(got, fmt.Sprintf("%s %s %s %s %v", a.ID, a.Name, a.OUPath, a.OUNames, a.UnderOU("ou-ab12-work") && a.UnderOU("workloads")))
	}
	want := []string{
		"111111111111 management r-ab12 Root false",
		"222222222222 prod r-ab12/ou-ab12-work/ou-ab12-prod Root/Workloads/Prod true",
		"333333333333 staging r-ab12/ou-ab12-work Root/Workloads true",
		"444444444444 tools r-ab12/ou-ab12-work Root/Workloads true",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("accounts:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
