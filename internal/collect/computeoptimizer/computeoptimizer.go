// Package computeoptimizer collects the account's Compute Optimizer
// enrollment: whether rightsizing recommendations are produced at all.
package computeoptimizer

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/computeoptimizer"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the Compute Optimizer collector.
var Service = &collect.Service{
	Name:        "compute-optimizer",
	Description: "Compute Optimizer enrollment of the account",
	Scope:       collect.Global,
	Types: []collect.Type{
		{Name: "enrollment", Description: "the account's Compute Optimizer opt-in (one per account, id = account id), also when it is inactive",
			Fields: enrollmentFields.Declared(), Tags: collect.NotTaggable, Collect: enrollment},
	},
	Calls: "enrollment: GetEnrollmentStatus",
}

var enrollmentFields = collect.Fields[*computeoptimizer.GetEnrollmentStatusOutput]{
	collect.Computed("status", model.Text, "Active, Inactive, Pending or Failed", func(o *computeoptimizer.GetEnrollmentStatusOutput) any { return string(o.Status) }),
	collect.Text("status_reason", "why the status is what it is", func(o *computeoptimizer.GetEnrollmentStatusOutput) *string { return o.StatusReason }),
	collect.Computed("member_accounts_enrolled", model.Boolean, "the organization's member accounts are enrolled too (management account)",
		func(o *computeoptimizer.GetEnrollmentStatusOutput) any { return o.MemberAccountsEnrolled }),
	collect.Int("member_accounts_opted_in", "member accounts opted in", func(o *computeoptimizer.GetEnrollmentStatusOutput) *int32 { return o.NumberOfMemberAccountsOptedIn }),
	collect.Timestamp("last_updated", "last change of the status", func(o *computeoptimizer.GetEnrollmentStatusOutput) *time.Time { return o.LastUpdatedTimestamp }),
}

func enrollment(ctx context.Context, t *collect.Task) error {
	out, err := computeoptimizer.NewFromConfig(t.Config).GetEnrollmentStatus(ctx, &computeoptimizer.GetEnrollmentStatusInput{})
	if err != nil {
		return err
	}
	t.Emit(&model.Resource{Key: t.Key("enrollment", t.Account), Name: string(out.Status), Details: enrollmentFields.Details(out)})
	return nil
}
