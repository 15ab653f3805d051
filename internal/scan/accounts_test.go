package scan

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	ec2types "github.com/aws/aws-sdk-go-v2/service/ec2/types"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/aws/aws-sdk-go-v2/service/organizations"
	orgtypes "github.com/aws/aws-sdk-go-v2/service/organizations/types"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	ststypes "github.com/aws/aws-sdk-go-v2/service/sts/types"
	"github.com/aws/smithy-go"

	"github.com/awsmap/awsmap/internal/account"
	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect"
)

// TestUnreachableAccount: an account whose role could not be assumed is
// never called; every task of the plan is recorded denied for it, so it
// vouches for nothing, and Record lists it denied with the reason, while
// the other account is scanned and ok.
func TestUnreachableAccount(t *testing.T) {
	var mu sync.Mutex
	called := map[string]int{}
	counting := &collect.Service{Name: "ec2", Types: []collect.Type{{Name: "instance",
		Collect: func(ctx context.Context, task *collect.Task) error {
			mu.Lock()
			called[task.Account]++
			mu.Unlock()
			return emitN(1)(ctx, task)
		}}}}
	denied := &smithy.GenericAPIError{Code: "AccessDenied", Message: "not authorized to perform: sts:AssumeRole"}
	plan := NewPlan([]*collect.Service{counting, wide}, regions, false, false)
	w := &memWriter{}
	res, err := Run(context.Background(), []Account{{ID: "111111111111"}, {ID: "222222222222", Err: denied}},
		plan, w, Options{Workers: 4, Local: true})
	if err != nil {
		t.Fatal(err)
	}
	if called["222222222222"] != 0 || called["111111111111"] != 2 {
		t.Errorf("calls per account %v, want 2 in the reachable one only", called)
	}
	var deniedColls int
	for _, c := range res.Collections {
		if c.Account == "222222222222" {
			if c.Outcome != awsx.Denied || c.ErrorCode != "AccessDenied" || c.Region == "" {
				t.Errorf("collection of the unreachable account: %+v", c)
			}
			deniedColls++
		}
	}
	if want := 2 + len(regions); deniedColls != want { // ec2 per region, s3 recorded per region
		t.Errorf("%d denied collections, want %d", deniedColls, want)
	}
	if len(res.Accounts) != 2 || res.Accounts[1].Err != denied {
		t.Errorf("result accounts %+v, want both, the second with its error", res.Accounts)
	}
}

// TestUnreachableAccountNeverVouches: an AssumeRole error the engine would
// classify as "nothing there" (a not-found code) still fails the account's
// collections: an account never read is never clean.
func TestUnreachableAccountNeverVouches(t *testing.T) {
	gone := &smithy.GenericAPIError{Code: "NoSuchEntity", Message: "role not found"}
	res, err := Run(context.Background(), []Account{{ID: "222222222222", Err: gone}},
		NewPlan([]*collect.Service{regional}, regions, false, false), &memWriter{}, Options{Local: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range res.Collections {
		if !c.Failed() {
			t.Errorf("collection %+v of an unreachable account does not count as failed", c)
		}
	}
}

// TestAccountWorkers: with AccountWorkers 1, accounts run one after the
// other (no two accounts' collections overlap), and a slow account holds
// only its own slot: with 2 slots the fast accounts finish while it runs.
func TestAccountWorkers(t *testing.T) {
	accounts := []Account{{ID: "a"}, {ID: "b"}, {ID: "c"}}
	type span struct{ start, end time.Time }
	run := func(slots int, slow string) map[string]span {
		var mu sync.Mutex
		spans := map[string]span{}
		svc := &collect.Service{Name: "ec2", Types: []collect.Type{{Name: "instance",
			Collect: func(ctx context.Context, task *collect.Task) error {
				start := time.Now()
				d := 20 * time.Millisecond
				if task.Account == slow {
					d = 300 * time.Millisecond
				}
				time.Sleep(d)
				mu.Lock()
				defer mu.Unlock()
				s, ok := spans[task.Account]
				if !ok || start.Before(s.start) {
					s.start = start
				}
				if end := time.Now(); end.After(s.end) {
					s.end = end
				}
				spans[task.Account] = s
				return nil
			}}}}
		plan := NewPlan([]*collect.Service{svc}, regions, false, false)
		if _, err := Run(context.Background(), accounts, plan, &memWriter{}, Options{Workers: 8, AccountWorkers: slots, Local: true}); err != nil {
			t.Fatal(err)
		}
		return spans
	}
	serial := run(1, "")
	for i := 1; i < len(accounts); i++ {
		prev, cur := serial[accounts[i-1].ID], serial[accounts[i].ID]
		if cur.start.Before(prev.end) {
			t.Errorf("account-workers 1: %s started before %s ended", accounts[i].ID, accounts[i-1].ID)
		}
	}
	spans := run(2, "a")
	if !spans["c"].end.Before(spans["a"].end) {
		t.Errorf("account-workers 2: c (fast) ended at %v, after the slow a at %v", spans["c"].end, spans["a"].end)
	}
}

// assumed counts smallOrg's AssumeRole answers.
var assumed atomic.Int64

// smallOrg is an organization of the management account 111111111111 and,
// in OU Workloads, 222222222222 and 333333333333, whose role cannot be
// assumed.
func smallOrg(_ context.Context, req awsx.Request) (any, error) {
	acct := func(id, name string) orgtypes.Account {
		return orgtypes.Account{Id: aws.String(id), Name: aws.String(name), State: orgtypes.AccountStateActive}
	}
	switch in := req.Input.(type) {
	case *organizations.ListRootsInput:
		return &organizations.ListRootsOutput{Roots: []orgtypes.Root{{Id: aws.String("r-1"), Name: aws.String("Root")}}}, nil
	case *organizations.ListAccountsForParentInput:
		if aws.ToString(in.ParentId) == "r-1" {
			return &organizations.ListAccountsForParentOutput{Accounts: []orgtypes.Account{acct("111111111111", "management")}}, nil
		}
		return &organizations.ListAccountsForParentOutput{Accounts: []orgtypes.Account{
			acct("222222222222", "prod"), acct("333333333333", "sandbox")}}, nil
	case *organizations.ListOrganizationalUnitsForParentInput:
		if aws.ToString(in.ParentId) == "r-1" {
			return &organizations.ListOrganizationalUnitsForParentOutput{OrganizationalUnits: []orgtypes.OrganizationalUnit{
				{Id: aws.String("ou-1"), Name: aws.String("Workloads")}}}, nil
		}
		return &organizations.ListOrganizationalUnitsForParentOutput{}, nil
	case *sts.AssumeRoleInput:
		if strings.Contains(aws.ToString(in.RoleArn), "333333333333") {
			return nil, &smithy.GenericAPIError{Code: "AccessDenied", Message: "not authorized to perform: sts:AssumeRole"}
		}
		assumed.Add(1)
		d := time.Duration(aws.ToInt32(in.DurationSeconds)) * time.Second
		return &sts.AssumeRoleOutput{Credentials: &ststypes.Credentials{AccessKeyId: aws.String("ASIA1"),
			SecretAccessKey: aws.String("s"), SessionToken: aws.String("t"), Expiration: aws.Time(time.Now().Add(d))}}, nil
	case *sts.GetCallerIdentityInput:
		return &sts.GetCallerIdentityOutput{Account: aws.String(req.Account)}, nil
	case *iam.ListAccountAliasesInput:
		return &iam.ListAccountAliasesOutput{AccountAliases: []string{"alias-" + req.Account}}, nil
	case *ec2.DescribeRegionsInput:
		// 222222222222 has not opted in to af-south-1; 444444444444 may not list its regions.
		if req.Account == "444444444444" {
			return nil, &smithy.GenericAPIError{Code: "UnauthorizedOperation", Message: "denied by an SCP"}
		}
		out := &ec2.DescribeRegionsOutput{}
		for _, r := range []string{"eu-west-1", "us-east-1", "af-south-1"} {
			status := "opt-in-not-required"
			if r == "af-south-1" {
				status = map[bool]string{true: "not-opted-in", false: "opted-in"}[req.Account == "222222222222"]
			}
			out.Regions = append(out.Regions, ec2types.Region{RegionName: aws.String(r), OptInStatus: aws.String(status)})
		}
		return out, nil
	}
	return nil, fmt.Errorf("unexpected %s", req.Operation)
}

func TestSelectAccounts(t *testing.T) {
	ctx := context.Background()
	base, err := awsx.LoadConfig(ctx, awsx.Options{Responder: awsx.ResponderFunc(smallOrg)})
	if err != nil {
		t.Fatal(err)
	}
	me := account.Identity{Account: "111111111111", Alias: "mgmt"}
	for _, tc := range []struct {
		name string
		sel  Selection
		want []string
		err  string
	}{
		{"no selection: the caller", Selection{}, []string{"111111111111 mgmt profile=org"}, ""},
		{"--org", Selection{Org: true}, []string{"111111111111 mgmt profile=org",
			"222222222222 alias-222222222222 role=arn:aws:iam::222222222222:role/OrganizationAccountAccessRole Root/Workloads",
			"333333333333  role=arn:aws:iam::333333333333:role/OrganizationAccountAccessRole Root/Workloads err=AccessDenied"}, ""},
		{"--org --ou --exclude-accounts", Selection{Org: true, OUs: []string{"ou-1"}, Exclude: []string{"333333333333"}, RoleName: "Audit"},
			[]string{"222222222222 alias-222222222222 role=arn:aws:iam::222222222222:role/Audit Root/Workloads"}, ""},
		{"--accounts without --org", Selection{IDs: []string{"222222222222"}},
			[]string{"222222222222 alias-222222222222 role=arn:aws:iam::222222222222:role/OrganizationAccountAccessRole"}, ""},
		{"--assume-role", Selection{RoleARNs: []string{"arn:aws:iam::444444444444:role/Reader"}},
			[]string{"444444444444 alias-444444444444 role=arn:aws:iam::444444444444:role/Reader"}, ""},
		{"--org --accounts outside it", Selection{Org: true, IDs: []string{"555555555555"}}, nil, "not an ACTIVE account"},
		{"bad role ARN", Selection{RoleARNs: []string{"arn:aws:s3:::bucket"}}, nil, "not a role ARN"},
		{"--ou matching nothing", Selection{Org: true, OUs: []string{"ou-none"}}, nil, "no account matches"},
		{"--ou by name", Selection{Org: true, OUs: []string{"workloads"}, Exclude: []string{"333333333333"}},
			[]string{"222222222222 alias-222222222222 role=arn:aws:iam::222222222222:role/OrganizationAccountAccessRole Root/Workloads"}, ""},
	} {
		accounts, err := SelectAccounts(ctx, base, me, "org", tc.sel)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%s: error %v, want %q", tc.name, err, tc.err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		var got []string
		for _, a := range accounts {
			switch {
			case a.ID == "222222222222" && strings.Join(a.Regions, " ") != "eu-west-1 us-east-1",
				a.ID == "444444444444" && a.Regions != nil:
				t.Errorf("%s: account %s enabled regions %v", tc.name, a.ID, a.Regions)
			}
			line := a.ID + " " + a.Alias
			if a.Profile != "" {
				line += " profile=" + a.Profile
			}
			if a.RoleARN != "" {
				line += " role=" + a.RoleARN
			}
			if a.OUNames != "" && a.OUNames != "Root" {
				line += " " + a.OUNames
			}
			if a.Err != nil {
				line += " err=" + awsx.ErrorCode(a.Err)
			}
			got = append(got, line)
		}
		if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
			t.Errorf("%s:\n%s\nwant\n%s", tc.name, strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
		}
	}
}

// TestScanOutlivesCredentials: a scan of a member account lasting longer
// than its role session (1 s here) renews the credentials as it goes and
// every collection succeeds.
func TestScanOutlivesCredentials(t *testing.T) {
	ctx := context.Background()
	base, err := awsx.LoadConfig(ctx, awsx.Options{Responder: awsx.ResponderFunc(smallOrg)})
	if err != nil {
		t.Fatal(err)
	}
	accounts, err := SelectAccounts(ctx, base, account.Identity{Account: "111111111111"}, "",
		Selection{IDs: []string{"222222222222"}, Role: account.RoleOptions{Duration: time.Second}})
	if err != nil || len(accounts) != 1 || accounts[0].Err != nil {
		t.Fatalf("select: %v, %+v", err, accounts)
	}
	before := assumed.Load()
	slow := &collect.Service{Name: "sts", Types: []collect.Type{{Name: "identity",
		Collect: func(ctx context.Context, task *collect.Task) error {
			for range 25 { // 2.5 s of calls
				if _, err := sts.NewFromConfig(task.Config).GetCallerIdentity(ctx, &sts.GetCallerIdentityInput{}); err != nil {
					return err
				}
				time.Sleep(100 * time.Millisecond)
			}
			return nil
		}}}}
	res, err := Run(ctx, accounts, NewPlan([]*collect.Service{slow}, []string{"us-east-1"}, false, false), &memWriter{}, Options{Local: true})
	if err != nil {
		t.Fatal(err)
	}
	if c := res.Collections[0]; c.Outcome != awsx.OK {
		t.Fatalf("collection %+v", c)
	}
	if renewed := assumed.Load() - before; renewed < 2 {
		t.Errorf("credentials renewed %d times during a 2.5 s scan of 1 s sessions", renewed)
	}
}

// TestThrottledAccountDoesNotSlowOthers: rate control is per (account,
// region, service) endpoint. One account throttled on most attempts has
// its own endpoint halved, while the other account's same endpoint keeps
// its full rate and its collection ends long before.
func TestThrottledAccountDoesNotSlowOthers(t *testing.T) {
	ctx := context.Background()
	var attempts atomic.Int64
	fake := awsx.ResponderFunc(func(_ context.Context, req awsx.Request) (any, error) {
		if req.Account == "111111111111" && attempts.Add(1)%4 != 0 {
			return nil, &smithy.GenericAPIError{Code: "Throttling", Message: "Rate exceeded"}
		}
		return &sts.GetCallerIdentityOutput{Account: aws.String(req.Account)}, nil
	})
	ledger := NewLedger()
	cfg, err := awsx.LoadConfig(ctx, awsx.Options{Responder: fake, Observer: ledger, MaxBackoff: 20 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	calls := &collect.Service{Name: "sts", Types: []collect.Type{{Name: "identity",
		Collect: func(ctx context.Context, task *collect.Task) error {
			for range 12 {
				if _, err := sts.NewFromConfig(task.Config).GetCallerIdentity(ctx, &sts.GetCallerIdentityInput{}); err != nil {
					return err
				}
			}
			return nil
		}}}}
	res, err := Run(ctx, []Account{{ID: "111111111111", Config: cfg}, {ID: "222222222222", Config: cfg}},
		NewPlan([]*collect.Service{calls}, []string{"us-east-1"}, false, false), &memWriter{}, Options{Local: true})
	if err != nil {
		t.Fatal(err)
	}
	took := map[string]time.Duration{}
	for _, c := range res.Collections {
		if c.Outcome != awsx.OK {
			t.Fatalf("collection %+v", c)
		}
		took[c.Account] = c.Duration
	}
	rate := func(account string) float64 {
		return float64(ledger.rc.limiter(awsx.Endpoint{Account: account, Region: "us-east-1", Service: "STS"}).Limit())
	}
	if rate("111111111111") >= startRate || rate("222222222222") < startRate {
		t.Errorf("endpoint rates: throttled account %.0f/s, other %.0f/s (start %.0f/s)", rate("111111111111"), rate("222222222222"), startRate)
	}
	if took["222222222222"]*3 > took["111111111111"] {
		t.Errorf("the unthrottled account took %v, the throttled one %v", took["222222222222"], took["111111111111"])
	}
}

// TestInterruptedBeforeAnAccount: when the scan is cancelled during the
// first account (one at a time), every collection of the second is
// skipped: none of them ran (inventory records it not scanned).
func TestInterruptedBeforeAnAccount(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	svc := &collect.Service{Name: "ec2", Types: []collect.Type{{Name: "instance",
		Collect: func(_ context.Context, task *collect.Task) error {
			cancel() // the first account's collection stops the scan
			return nil
		}}}}
	res, err := Run(ctx, []Account{{ID: "111111111111"}, {ID: "222222222222"}},
		NewPlan([]*collect.Service{svc}, regions, false, false), &memWriter{}, Options{Workers: 1, AccountWorkers: 1, Local: true})
	if err != nil {
		t.Fatal(err)
	}
	ran := map[string]int{}
	for _, c := range res.Collections {
		if c.Outcome != awsx.Skipped {
			ran[c.Account]++
		}
	}
	if ran["111111111111"] != 1 || ran["222222222222"] != 0 {
		t.Errorf("collections that ran per account: %v, want 1 in the first, none in the second", ran)
	}
}

// TestRegionsNotEnabledInAMember: a member account that has not opted in to
// a region of the plan is not called there; its collections there are
// recorded unsupported (RegionNotEnabled), and its account-wide
// collections cover only its own regions.
func TestRegionsNotEnabledInAMember(t *testing.T) {
	var mu sync.Mutex
	called := map[string]bool{}
	var wideRegions []string
	record := func(ctx context.Context, task *collect.Task) error {
		mu.Lock()
		called[task.Account+" "+task.Config.Region+" "+task.Service] = true
		if task.Service == "s3" && task.Account == "222222222222" {
			wideRegions = task.Regions
		}
		mu.Unlock()
		return emitN(1)(ctx, task)
	}
	ec2Svc := &collect.Service{Name: "ec2", Types: []collect.Type{{Name: "instance", Collect: record}}}
	s3Svc := &collect.Service{Name: "s3", Scope: collect.AccountWide, Types: []collect.Type{{Name: "bucket", Collect: record}}}
	iamSvc := &collect.Service{Name: "iam", Scope: collect.Global, Types: []collect.Type{{Name: "user", Collect: record}}}
	plan := NewPlan([]*collect.Service{ec2Svc, s3Svc, iamSvc}, regions, false, false)
	res, err := Run(context.Background(), []Account{{ID: "111111111111"}, {ID: "222222222222", Regions: []string{"eu-west-1"}}},
		plan, &memWriter{}, Options{Workers: 4, Local: true})
	if err != nil {
		t.Fatal(err)
	}
	if called["222222222222 us-east-1 ec2"] || !called["222222222222 eu-west-1 ec2"] || !called["111111111111 us-east-1 ec2"] || !called["222222222222 us-east-1 iam"] {
		t.Errorf("calls %v: want none in the member's disabled region but its global service", called)
	}
	if strings.Join(wideRegions, " ") != "eu-west-1" {
		t.Errorf("the member's account-wide task covers %v, want its enabled region only", wideRegions)
	}
	var optedOut []string
	for _, c := range res.Collections {
		if c.Outcome == awsx.Unsupported {
			optedOut = append(optedOut, fmt.Sprintf("%s %s %s %s", c.Account, c.Region, c.Service, c.ErrorCode))
			if !strings.Contains(c.ErrorMessage, "us-east-1 is not enabled in account 222222222222") {
				t.Errorf("message %q", c.ErrorMessage)
			}
		}
		if c.Failed() {
			t.Errorf("failed collection %+v", c)
		}
	}
	if strings.Join(optedOut, "; ") != "222222222222 us-east-1 ec2 RegionNotEnabled" {
		t.Errorf("unsupported collections %v", optedOut)
	}
	for _, c := range res.Collections {
		if c.Account == "222222222222" && c.Service == "s3" && c.Region != "eu-west-1" {
			t.Errorf("the member's account-wide collection is recorded in %s", c.Region)
		}
	}
}
