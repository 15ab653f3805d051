// Package auditmanager collects AWS Audit Manager assessments. An account
// that has not set Audit Manager up in a region is answered "complete AWS
// Audit Manager setup": the collection is recorded unsupported with the
// code NotEnabled.
package auditmanager

import (
	"context"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/auditmanager"
	"github.com/aws/aws-sdk-go-v2/service/auditmanager/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the Audit Manager collector.
var Service = &collect.Service{
	Name:        "auditmanager",
	Description: "AWS Audit Manager assessments",
	Types: []collect.Type{
		{Name: "assessment", Description: "assessment (id = assessment id) collecting evidence against a framework; not set up: unsupported, code NotEnabled",
			Fields: assessmentFields.Declared(), Tags: collect.TagsPerResource, Collect: assessments, DetailCalls: 1},
	},
	Calls: "assessment: ListAssessments + per assessment ListTagsForResource",
	Relations: []collect.Relation{
		{From: "assessment", Kind: "assumes-role", To: "iam/role"},
	},
}

var assessmentFields = collect.Fields[types.AssessmentMetadataItem]{
	collect.Enum("status", "ACTIVE (collecting evidence) or INACTIVE", func(a types.AssessmentMetadataItem) types.AssessmentStatus { return a.Status }),
	collect.Text("compliance_type", "compliance standard of the framework (HIPAA, PCI DSS, SOC 2...)", func(a types.AssessmentMetadataItem) *string { return a.ComplianceType }),
	collect.Computed("delegations", model.Integer, "control sets delegated for review", func(a types.AssessmentMetadataItem) any { return len(a.Delegations) }),
	collect.Timestamp("last_updated", "last change of the assessment", func(a types.AssessmentMetadataItem) *time.Time { return a.LastUpdated }),
}

// notSetUp maps Audit Manager's answer before setup to NotEnabled.
func notSetUp(t *collect.Task, err error) error {
	if awsx.Classify(err) == awsx.Denied && strings.Contains(strings.ToLower(awsx.ErrorMessage(err)), "setup") {
		return awsx.NotEnabled(awsx.Operation(err), "AWS Audit Manager", t.Region)
	}
	return err
}

func assessments(ctx context.Context, t *collect.Task) error {
	api := auditmanager.NewFromConfig(t.Config)
	p := auditmanager.NewListAssessmentsPaginator(api, &auditmanager.ListAssessmentsInput{MaxResults: t.PageSize(500)})
	return notSetUp(t, collect.EachItem(ctx, p, func(page *auditmanager.ListAssessmentsOutput) []types.AssessmentMetadataItem {
		return page.AssessmentMetadata
	},
		func(ctx context.Context, a types.AssessmentMetadataItem) {
			id := aws.ToString(a.Id)
			key := t.Key("assessment", id)
			arn := collect.ARN(t, "auditmanager", "", "assessment/"+id)
			r := &model.Resource{Key: key, Name: aws.ToString(a.Name), ARN: arn, CreatedAt: model.Time(a.CreationTime), Details: assessmentFields.Details(a)}
			if out, err := api.ListTagsForResource(ctx, &auditmanager.ListTagsForResourceInput{ResourceArn: aws.String(arn)}); err != nil {
				t.Warn("ListTagsForResource", err)
			} else {
				r.Tags = out.Tags
			}
			t.Emit(r)
			for _, role := range a.Roles {
				t.Relate(key, "assumes-role", t.Role(aws.ToString(role.RoleArn)))
			}
		}))
}
