package demo

import (
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/computeoptimizer"
	cotypes "github.com/aws/aws-sdk-go-v2/service/computeoptimizer/types"
)

// Compute Optimizer: the management account enrolled the organization a
// year ago; the staging account opted out since.
func init() {
	register("Compute Optimizer", map[string]handler{"GetEnrollmentStatus": coEnrollment})
}

func coEnrollment(c *call) (any, error) {
	out := &computeoptimizer.GetEnrollmentStatusOutput{Status: cotypes.StatusActive, LastUpdatedTimestamp: aws.Time(c.v.e.now.AddDate(-1, 0, 0))}
	switch c.acct {
	case 0:
		out.MemberAccountsEnrolled, out.NumberOfMemberAccountsOptedIn = true, aws.Int32(int32(len(Accounts)-2))
	case 1:
		out.Status, out.StatusReason, out.LastUpdatedTimestamp = cotypes.StatusInactive, aws.String("opted out by the account"), aws.Time(c.v.e.now.AddDate(0, -2, 0))
	}
	return out, nil
}
