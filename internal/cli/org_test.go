package cli

import (
	"context"
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials/stscreds"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/aws-sdk-go-v2/service/organizations"
	orgtypes "github.com/aws/aws-sdk-go-v2/service/organizations/types"
	"github.com/aws/aws-sdk-go-v2/service/sts"

	"github.com/awsmap/awsmap/internal/account"
	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
)

// motoOrg is an organization in moto: the management account (moto's
// default) at the root, prod and staging in OU Workloads, sandbox at the
// root, each member with EC2 instances.
type motoOrg struct {
	mgmt, prod, staging, sandbox string
	workloads                    string              // OU id
	instances                    map[string][]string // account -> instance ids
}

func newMotoOrg(t *testing.T) motoOrg {
	t.Helper()
	resetMoto(t)
	ctx := context.Background()
	cfg := moto.Config(t, "us-east-1", nil)
	api := organizations.NewFromConfig(cfg)
	org, err := api.CreateOrganization(ctx, &organizations.CreateOrganizationInput{FeatureSet: orgtypes.OrganizationFeatureSetAll})
	if err != nil {
		t.Fatal(err)
	}
	roots, err := api.ListRoots(ctx, &organizations.ListRootsInput{})
	if err != nil {
		t.Fatal(err)
	}
	root := aws.ToString(roots.Roots[0].Id)
	ou, err := api.CreateOrganizationalUnit(ctx, &organizations.CreateOrganizationalUnitInput{ParentId: aws.String(root), Name: aws.String("Workloads")})
	if err != nil {
		t.Fatal(err)
	}
	o := motoOrg{mgmt: aws.ToString(org.Organization.MasterAccountId), workloads: aws.ToString(ou.OrganizationalUnit.Id),
		instances: map[string][]string{}}
	for _, name := range []string{"prod", "staging", "sandbox"} {
		out, err := api.CreateAccount(ctx, &organizations.CreateAccountInput{AccountName: aws.String(name), Email: aws.String(name + "@example.com")})
		if err != nil {
			t.Fatal(err)
		}
		id := aws.ToString(out.CreateAccountStatus.AccountId)
		switch name {
		case "prod":
			o.prod = id
		case "staging":
			o.staging = id
		case "sandbox":
			o.sandbox = id
		}
		if name != "sandbox" {
			_, err := api.MoveAccount(ctx, &organizations.MoveAccountInput{AccountId: aws.String(id),
				SourceParentId: aws.String(root), DestinationParentId: ou.OrganizationalUnit.Id})
			if err != nil {
				t.Fatal(err)
			}
		}
	}
	for acct, n := range map[string]int32{o.mgmt: 1, o.prod: 2, o.staging: 1, o.sandbox: 1} {
		o.instances[acct] = runInstances(t, o.memberConfig(t, acct), n)
	}
	return o
}

// memberConfig reaches account in moto as awsmap does: through the role.
func (o motoOrg) memberConfig(t *testing.T, acct string) aws.Config {
	cfg := moto.Config(t, "us-east-1", nil)
	if acct == o.mgmt {
		return cfg
	}
	cfg.Credentials = aws.NewCredentialsCache(stscreds.NewAssumeRoleProvider(sts.NewFromConfig(cfg),
		account.RoleARN("us-east-1", acct, account.DefaultRoleName)))
	return cfg
}

func runInstances(t *testing.T, cfg aws.Config, n int32) []string {
	t.Helper()
	out, err := ec2.NewFromConfig(cfg).RunInstances(context.Background(), &ec2.RunInstancesInput{
		ImageId: aws.String("ami-12c6146b"), MinCount: aws.Int32(n), MaxCount: aws.Int32(n)})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, in := range out.Instances {
		ids = append(ids, aws.ToString(in.InstanceId))
	}
	return ids
}

// orgFaults denies AssumeRole into the accounts of noRole (as AWS answers
// when the role is missing or does not trust the caller; moto does not
// check) and S3's ListBuckets in deniedS3, passing the rest to moto.
func orgFaults(noRole, deniedS3 string) awsx.Responder {
	return awsx.ResponderFunc(func(_ context.Context, req awsx.Request) (any, error) {
		if in, ok := req.Input.(*sts.AssumeRoleInput); ok && strings.Contains(aws.ToString(in.RoleArn), "::"+noRole+":") {
			return collecttest.Denied("AssumeRole")(in)
		}
		if req.Operation == "ListBuckets" && req.Account == deniedS3 {
			return collecttest.Denied("ListBuckets")(req.Input)
		}
		return nil, awsx.ErrPassThrough
	})
}

// TestOrganizationScan scans a moto organization twice: first with one
// member's S3 denied, then also with sandbox's role denied and a prod
// instance gone. Every resource lands under its account; the denied
// account is reported, exit 3, and nothing of it is retired, while prod's
// gone instance is; -a, --ou and `awsmap accounts` answer per account.
func TestOrganizationScan(t *testing.T) {
	t.Parallel()
	useMoto(t)
	o := newMotoOrg(t)
	db := filepath.Join(t.TempDir(), "org.db")
	args := []string{"--endpoint-url", moto.URL, "-r", "us-east-1", "-s", "ec2,s3", "--db", db, "--org", "--account-workers", "2"}

	code, _, errs := awsmapWith(t, orgFaults("", o.staging), args...)
	if code != ExitPartial || !strings.Contains(errs, o.staging+"/") {
		t.Fatalf("first scan: exit %d, want %d with staging's S3 named; stderr:\n%s", code, ExitPartial, errs)
	}
	want := map[string][]string{}
	for acct, ids := range o.instances {
		want[acct] = slices.Sorted(slices.Values(ids))
	}
	if got := instancesByAccount(t, db); !mapsEqual(got, want) {
		t.Fatalf("instances by account after the first scan:\n got %v\nwant %v", got, want)
	}

	gone := o.instances[o.prod][0]
	if _, err := ec2.NewFromConfig(o.memberConfig(t, o.prod)).TerminateInstances(context.Background(),
		&ec2.TerminateInstancesInput{InstanceIds: []string{gone}}); err != nil {
		t.Fatal(err)
	}
	code, _, errs = awsmapWith(t, orgFaults(o.sandbox, o.staging), append(args, "-q=false")...)
	if code != ExitPartial {
		t.Fatalf("second scan: exit %d, want %d; stderr:\n%s", code, ExitPartial, errs)
	}
	for _, line := range []string{o.sandbox + " sandbox", "NOT SCANNED: AccessDenied", o.prod + " prod", "Accounts (4)"} {
		if !strings.Contains(errs, line) {
			t.Errorf("summary does not say %q:\n%s", line, errs)
		}
	}
	want[o.prod] = slices.DeleteFunc(slices.Clone(want[o.prod]), func(id string) bool { return id == gone })
	if got := instancesByAccount(t, db); !mapsEqual(got, want) {
		t.Errorf("after the second scan (sandbox denied, a prod instance gone):\n got %v\nwant %v", got, want)
	}

	_, out, _ := awsmap(t, "accounts", "--db", db, "-f", "json")
	var accounts []map[string]any
	if err := json.Unmarshal([]byte(out), &accounts); err != nil {
		t.Fatalf("accounts -f json: %v\n%s", err, out)
	}
	var got []string
	for _, a := range accounts {
		coverage, _, _ := strings.Cut(a["coverage"].(string), " of ") // "partial (1 of N collections failed)"
		got = append(got, strings.Join([]string{a["account_id"].(string), a["name"].(string), a["ou"].(string),
			a["status"].(string), coverage}, " "))
	}
	wantAccounts := []string{
		o.mgmt + " master Root ok ok",
		o.prod + " prod Root/Workloads ok ok",
		o.staging + " staging Root/Workloads partial partial (1",
		o.sandbox + " sandbox Root denied denied (AccessDenied)",
	}
	slices.Sort(wantAccounts)
	if !slices.Equal(got, wantAccounts) {
		t.Errorf("accounts:\n got %q\nwant %q", got, wantAccounts)
	}

	for _, tc := range []struct {
		sel  []string
		want []string
	}{
		{[]string{"-a", "prod"}, []string{o.prod}},
		{[]string{"-a", o.sandbox, "-a", "staging"}, []string{o.sandbox, o.staging}},
		{[]string{"--ou", "Workloads"}, []string{o.prod, o.staging}},
		{[]string{"--ou", o.workloads}, []string{o.prod, o.staging}},
	} {
		_, out, errs := awsmap(t, append([]string{"query", "--db", db, "-f", "csv", "SELECT DISTINCT account_id FROM resources ORDER BY 1"}, tc.sel...)...)
		wantOut := "account_id\n" + strings.Join(slices.Sorted(slices.Values(tc.want)), "\n") + "\n"
		if out != wantOut {
			t.Errorf("query %v: %q (%s), want %q", tc.sel, out, errs, wantOut)
		}
	}
	if code, _, errs := awsmap(t, "query", "--db", db, "-a", "nosuch", "SELECT 1"); code != ExitUsage || !strings.Contains(errs, `unknown account "nosuch"`) {
		t.Errorf("-a nosuch: exit %d, %s", code, errs)
	}
	for _, bad := range [][]string{{"--ou", "ou-none"}, {"--accounts", "999999999999"}} {
		if code, _, errs := awsmapWith(t, orgFaults(o.sandbox, o.staging), append(slices.Clone(args), bad...)...); code != ExitUsage {
			t.Errorf("--org %v: exit %d, want %d (usage); %s", bad, code, ExitUsage, errs)
		}
	}
	for _, bad := range [][]string{{"--ou", "ou-1"}, {"--org", "--duration", "5m"}, {"--accounts", "12345"}} {
		if code, _, errs := awsmap(t, append([]string{"--db", db}, bad...)...); code != ExitUsage {
			t.Errorf("%v: exit %d, want %d (usage, before any AWS call); %s", bad, code, ExitUsage, errs)
		}
	}
	// Audits say UNKNOWN for the denied account (its collections are
	// denied in coverage), and only for it when -a picks it.
	for _, tc := range []struct {
		account  string
		complete bool
	}{{"sandbox", false}, {"prod", true}} {
		_, out, errs := awsmap(t, "query", "--db", db, "-a", tc.account, "-n", "imdsv1-instances", "-f", "json")
		var res struct {
			Complete   bool
			Incomplete []struct {
				Account string `json:"account_id"`
				Outcome string
			}
		}
		if err := json.Unmarshal([]byte(out), &res); err != nil {
			t.Fatalf("audit -a %s: %v (%s)", tc.account, err, errs)
		}
		if res.Complete != tc.complete {
			t.Errorf("audit -a %s: complete = %v, want %v; incomplete %+v", tc.account, res.Complete, tc.complete, res.Incomplete)
		}
		for _, g := range res.Incomplete {
			if g.Account != o.sandbox || g.Outcome != "denied" {
				t.Errorf("audit -a %s: gap %+v, want the sandbox account's denied collections only", tc.account, g)
			}
		}
	}
}

func instancesByAccount(t *testing.T, db string) map[string][]string {
	t.Helper()
	_, out, errs := awsmap(t, "query", "--db", db, "-f", "csv", "SELECT account_id, id FROM resources WHERE type = 'instance' ORDER BY 1, 2")
	got := map[string][]string{}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n")[1:] {
		acct, id, ok := strings.Cut(line, ",")
		if !ok {
			t.Fatalf("query output %q (%s)", out, errs)
		}
		got[acct] = append(got[acct], id)
	}
	return got
}

func mapsEqual(a, b map[string][]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if !slices.Equal(v, b[k]) {
			return false
		}
	}
	return true
}

// TestAccountsCommand: on the demo (an organization whose members' roles
// are denied), the table fits the names, OU paths and coverage, --ou
// picks the accounts under an OU, and -a names an unknown account with a
// suggestion.
func TestAccountsCommand(t *testing.T) {
	t.Parallel()
	db := filepath.Join(t.TempDir(), "demo.db")
	if code, _, errs := awsmap(t, "demo", "--db", db, "--size", "300", "--scans", "1", "--deny", "STS.AssumeRole"); code != 0 && code != ExitPartial {
		t.Fatalf("demo: exit %d\n%s", code, errs)
	}
	_, out, _ := awsmap(t, "accounts", "--db", db)
	for _, want := range []string{
		"111122223333  acme-production       Root                 1",
		"444455556666  acme-staging          Root/Workloads       1     0          denied (AccessDenied)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("accounts table lacks %q:\n%s", want, out)
		}
	}
	_, out, _ = awsmap(t, "accounts", "--db", db, "--ou", "Infrastructure", "-f", "csv")
	if lines := strings.Split(strings.TrimSpace(out), "\n"); len(lines) != 2 || !strings.HasPrefix(lines[1], "777788889999,acme-shared-services,") {
		t.Errorf("accounts --ou Infrastructure:\n%s", out)
	}
	if code, _, errs := awsmap(t, "accounts", "--db", db, "-a", "acme-stagin"); code != ExitUsage || !strings.Contains(errs, "did you mean acme-staging") {
		t.Errorf("-a acme-stagin: exit %d, %s", code, errs)
	}
}
