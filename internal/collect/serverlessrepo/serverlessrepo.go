// Package serverlessrepo collects the account's Serverless Application
// Repository applications.
package serverlessrepo

import (
	"context"
	"slices"

	"github.com/aws/aws-sdk-go-v2/aws"
	sar "github.com/aws/aws-sdk-go-v2/service/serverlessapplicationrepository"
	"github.com/aws/aws-sdk-go-v2/service/serverlessapplicationrepository/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the Serverless Application Repository collector.
var Service = &collect.Service{
	Name:        "serverlessrepo",
	Description: "Serverless Application Repository applications published by the account",
	Types: []collect.Type{
		{Name: "application", Description: "published serverless application (id = its ARN), and whether everyone may deploy it",
			Fields: applicationFields.Declared(), Tags: collect.NotTaggable, Collect: applications, DetailCalls: 1},
	},
	Calls: "application: ListApplications + per application GetApplicationPolicy",
}

// application is a listed application with its sharing policy (nil when
// GetApplicationPolicy failed).
type application struct {
	types.ApplicationSummary
	policy []types.ApplicationPolicyStatement
	known  bool
}

func hasPolicy(a application) bool { return a.known }

// principals are the principals of every statement of the policy.
func principals(a application) []string {
	var all []string
	for _, s := range a.policy {
		all = append(all, s.Principals...)
	}
	return all
}

var applicationFields = collect.Fields[application]{
	collect.Text("author", "publisher name", func(a application) *string { return a.Author }),
	collect.Text("description", "application description", func(a application) *string { return a.Description }),
	collect.Text("license", "SPDX license id", func(a application) *string { return a.SpdxLicenseId }),
	collect.When(hasPolicy, collect.Computed("public", model.Boolean, "shared with everyone (principal *)", func(a application) any {
		return slices.Contains(principals(a), "*")
	})),
	collect.When(hasPolicy, collect.Computed("shared_with", model.JSON, "account ids the application is shared with", func(a application) any {
		return slices.DeleteFunc(append([]string{}, principals(a)...), func(s string) bool { return s == "*" })
	})),
}

func applications(ctx context.Context, t *collect.Task) error {
	api := sar.NewFromConfig(t.Config)
	p := sar.NewListApplicationsPaginator(api, &sar.ListApplicationsInput{MaxItems: t.PageSize(100)})
	return collect.EachItem(ctx, p, func(page *sar.ListApplicationsOutput) []types.ApplicationSummary { return page.Applications },
		func(ctx context.Context, s types.ApplicationSummary) {
			a := application{ApplicationSummary: s}
			out, err := api.GetApplicationPolicy(ctx, &sar.GetApplicationPolicyInput{ApplicationId: s.ApplicationId})
			t.Warn("GetApplicationPolicy", err)
			if err == nil {
				a.policy, a.known = out.Statements, true
			}
			id := aws.ToString(s.ApplicationId)
			t.Emit(&model.Resource{Key: t.Key("application", id), Name: aws.ToString(s.Name), ARN: id, CreatedAt: collect.TimeText(s.CreationTime),
				Details: applicationFields.Details(a)})
		})
}
