package demo

import (
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/organizations"
	orgtypes "github.com/aws/aws-sdk-go-v2/service/organizations/types"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	ststypes "github.com/aws/aws-sdk-go-v2/service/sts/types"
)

// The organization's tree, as `awsmap --org` walks it: the management
// account (the first) at the root, the others in one OU each.

func init() {
	register("Organizations", map[string]handler{"ListRoots": orgRoots,
		"ListAccountsForParent": orgAccountsForParent, "ListOrganizationalUnitsForParent": orgUnitsForParent})
	register("STS", map[string]handler{"AssumeRole": stsAssumeRole})
}

func orgRootID() string { return "r-" + orgID()[2:6] }

// orgUnits are the OUs under the root, each with the index of its account.
var orgUnits = []struct {
	name string
	acct int
}{{"Workloads", 1}, {"Infrastructure", 2}}

func orgUnitID(i int) string {
	return fmt.Sprintf("ou-%s-%08x", orgID()[2:6], mix(uint64(i+1))%(1<<32))
}

func orgRoots(c *call) (any, error) {
	if c.acct != 0 {
		return nil, orgDenied(c, "ListRoots")
	}
	return &organizations.ListRootsOutput{Roots: []orgtypes.Root{{Id: aws.String(orgRootID()), Name: aws.String("Root")}}}, nil
}

func orgAccountsForParent(c *call) (any, error) {
	if c.acct != 0 {
		return nil, orgDenied(c, "ListAccountsForParent")
	}
	parent := aws.ToString(c.in.(*organizations.ListAccountsForParentInput).ParentId)
	member := func(a int) orgtypes.Account {
		return orgtypes.Account{Id: aws.String(Accounts[a].ID), Arn: aws.String(orgAccountARN(a)), Name: aws.String(Accounts[a].Alias),
			State: orgtypes.AccountStateActive, Status: orgtypes.AccountStatusActive}
	}
	out := &organizations.ListAccountsForParentOutput{}
	if parent == orgRootID() {
		out.Accounts = append(out.Accounts, member(0))
	}
	for i, ou := range orgUnits {
		if parent == orgUnitID(i) {
			out.Accounts = append(out.Accounts, member(ou.acct))
		}
	}
	return out, nil
}

func orgUnitsForParent(c *call) (any, error) {
	if c.acct != 0 {
		return nil, orgDenied(c, "ListOrganizationalUnitsForParent")
	}
	out := &organizations.ListOrganizationalUnitsForParentOutput{}
	if aws.ToString(c.in.(*organizations.ListOrganizationalUnitsForParentInput).ParentId) == orgRootID() {
		for i, ou := range orgUnits {
			out.OrganizationalUnits = append(out.OrganizationalUnits, orgtypes.OrganizationalUnit{Id: aws.String(orgUnitID(i)), Name: aws.String(ou.name)})
		}
	}
	return out, nil
}

// stsAssumeRole hands out credentials for the session duration asked (the
// estate answers by the account a call is attributed to, not by key).
func stsAssumeRole(c *call) (any, error) {
	in := c.in.(*sts.AssumeRoleInput)
	d := time.Duration(aws.ToInt32(in.DurationSeconds)) * time.Second
	if d == 0 {
		d = time.Hour
	}
	return &sts.AssumeRoleOutput{Credentials: &ststypes.Credentials{AccessKeyId: aws.String("ASIADEMO"),
		SecretAccessKey: aws.String("demo-secret"), SessionToken: aws.String("demo-token"), Expiration: aws.Time(time.Now().Add(d))}}, nil
}
