// Package macie2 collects Amazon Macie: the account's session, sensitive
// data discovery jobs, custom data identifiers, allow lists, findings
// filters and member accounts. A region where Macie is off answers "Macie
// is not enabled": every collection is then recorded unsupported with the
// code NotEnabled, which audits read as "not enabled", not as a gap.
package macie2

import (
	"context"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/macie2"
	"github.com/aws/aws-sdk-go-v2/service/macie2/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the Amazon Macie collector.
var Service = &collect.Service{
	Name:        "macie2",
	Description: "Amazon Macie sessions, sensitive data discovery jobs, custom data identifiers, allow lists, findings filters and members",
	Types: []collect.Type{
		{Name: "session", Description: "Macie in the region for the scanned account (id = account id); off: every macie2 collection is unsupported, code NotEnabled",
			Fields: sessionFields.Declared(), Tags: collect.NotTaggable, Collect: sessions},
		{Name: "classification-job", Description: "sensitive data discovery job (id = job id) and the buckets it scans",
			Fields: jobFields.Declared(), Tags: collect.TagsPerResource, Collect: classificationJobs, DetailCalls: 1},
		{Name: "custom-data-identifier", Description: "custom data identifier (id = identifier id): a regex for sensitive data",
			Fields: summaryFields.Declared(), Tags: collect.TagsPerResource, Collect: customDataIdentifiers, DetailCalls: 1},
		{Name: "allow-list", Description: "allow list (id = list id): text or patterns Macie ignores",
			Fields: summaryFields.Declared(), Tags: collect.TagsPerResource, Collect: allowLists, DetailCalls: 1},
		{Name: "findings-filter", Description: "findings filter (id = filter id); action ARCHIVE makes it a suppression rule",
			Fields: findingsFilterFields.Declared(), Tags: collect.TagsListed, Collect: findingsFilters},
		{Name: "member", Description: "member account of the Macie administrator (id = account id); the email is not stored",
			Fields: memberFields.Declared(), Tags: collect.TagsListed, Collect: members},
	},
	Calls: "session: GetMacieSession. classification-job: ListClassificationJobs + per job ListTagsForResource. " +
		"custom-data-identifier: ListCustomDataIdentifiers + per identifier ListTagsForResource. allow-list: ListAllowLists + per list ListTagsForResource. " +
		"findings-filter: ListFindingsFilters (tags included). member: ListMembers (tags included)",
	Relations: []collect.Relation{
		{From: "session", Kind: "assumes-role", To: "iam/role"},
		{From: "classification-job", Kind: "scans", To: "s3/bucket"},
	},
}

// offline maps Macie's answer in a region where it is off ("Macie is not
// enabled.", an AccessDeniedException) to NotEnabled; other errors pass.
func offline(t *collect.Task, err error) error {
	if awsx.ErrorCode(err) == "AccessDeniedException" && strings.Contains(awsx.ErrorMessage(err), "not enabled") {
		return awsx.NotEnabled(awsx.Operation(err), "Amazon Macie", t.Region)
	}
	return err
}

var sessionFields = collect.Fields[*macie2.GetMacieSessionOutput]{
	collect.Enum("status", "ENABLED or PAUSED (no new jobs or findings)", func(s *macie2.GetMacieSessionOutput) types.MacieStatus { return s.Status }),
	collect.Enum("finding_publishing_frequency", "how often updated findings are published to EventBridge and Security Hub",
		func(s *macie2.GetMacieSessionOutput) types.FindingPublishingFrequency {
			return s.FindingPublishingFrequency
		}),
	collect.Text("service_role", "service-linked role Macie uses", func(s *macie2.GetMacieSessionOutput) *string { return s.ServiceRole }),
	collect.Timestamp("updated_at", "last change of the status or configuration", func(s *macie2.GetMacieSessionOutput) *time.Time { return s.UpdatedAt }),
}

func sessions(ctx context.Context, t *collect.Task) error {
	out, err := macie2.NewFromConfig(t.Config).GetMacieSession(ctx, &macie2.GetMacieSessionInput{})
	if awsx.IsNotFound(err) { // moto's answer for Macie off
		return awsx.NotEnabled("GetMacieSession", "Amazon Macie", t.Region)
	}
	if err != nil {
		return offline(t, err)
	}
	key := t.Key("session", t.Account)
	t.Emit(&model.Resource{Key: key, CreatedAt: model.Time(out.CreatedAt), Details: sessionFields.Details(out)})
	if role := aws.ToString(out.ServiceRole); role != "" {
		t.Relate(key, "assumes-role", t.Role(role))
	}
	return nil
}

// tags reads the tags of a Macie resource; a failure is a warning.
func tags(ctx context.Context, t *collect.Task, api *macie2.Client, arn string) map[string]string {
	out, err := api.ListTagsForResource(ctx, &macie2.ListTagsForResourceInput{ResourceArn: aws.String(arn)})
	if err != nil {
		t.Warn("ListTagsForResource", err)
		return nil
	}
	return out.Tags
}

// buckets are the bucket names a job definition names, in every account.
func buckets(j types.JobSummary) []string {
	out := []string{}
	for _, d := range j.BucketDefinitions {
		out = append(out, d.Buckets...)
	}
	return out
}

var jobFields = collect.Fields[types.JobSummary]{
	collect.Enum("job_type", "ONE_TIME or SCHEDULED", func(j types.JobSummary) types.JobType { return j.JobType }),
	collect.Enum("job_status", "RUNNING, PAUSED, CANCELLED, COMPLETE, IDLE or USER_PAUSED", func(j types.JobSummary) types.JobStatus { return j.JobStatus }),
	collect.Computed("buckets", model.JSON, "buckets the job scans when it names them (empty when it selects buckets by criteria)", func(j types.JobSummary) any { return buckets(j) }),
	collect.Computed("bucket_criteria", model.Boolean, "the job selects buckets by criteria rather than by name", func(j types.JobSummary) any { return j.BucketCriteria != nil }),
	collect.Computed("last_run_error", model.Text, "ERROR when the last run failed for some objects, else NONE", func(j types.JobSummary) any {
		if j.LastRunErrorStatus == nil {
			return ""
		}
		return string(j.LastRunErrorStatus.Code)
	}),
}

func classificationJobs(ctx context.Context, t *collect.Task) error {
	api := macie2.NewFromConfig(t.Config)
	p := macie2.NewListClassificationJobsPaginator(api, &macie2.ListClassificationJobsInput{MaxResults: t.PageSize(25)})
	return offline(t, collect.EachItem(ctx, p, func(page *macie2.ListClassificationJobsOutput) []types.JobSummary { return page.Items },
		func(ctx context.Context, j types.JobSummary) {
			id := aws.ToString(j.JobId)
			arn := collect.ARN(t, "macie2", "", "classification-job/"+id)
			key := t.Key("classification-job", id)
			t.Emit(&model.Resource{Key: key, Name: aws.ToString(j.Name), ARN: arn, CreatedAt: model.Time(j.CreatedAt),
				Details: jobFields.Details(j), Tags: tags(ctx, t, api, arn)})
			for _, d := range j.BucketDefinitions {
				if account := aws.ToString(d.AccountId); account == "" || account == t.Account {
					for _, b := range d.Buckets {
						t.RelateByName(key, "scans", "s3", "bucket", b, t.Region)
					}
				}
			}
		}))
}

// summary is what Macie lists of a custom data identifier or allow list.
type summary struct {
	arn, id, name, description *string
	created, updated           *time.Time
}

var summaryFields = collect.Fields[summary]{
	collect.Text("description", "description", func(s summary) *string { return s.description }),
	collect.Timestamp("updated_at", "last change (allow lists)", func(s summary) *time.Time { return s.updated }),
}

// emitSummary emits a custom data identifier or allow list with its tags.
func emitSummary(ctx context.Context, t *collect.Task, api *macie2.Client, typ string, s summary) {
	arn := aws.ToString(s.arn)
	t.Emit(&model.Resource{Key: t.Key(typ, aws.ToString(s.id)), Name: aws.ToString(s.name), ARN: arn, CreatedAt: model.Time(s.created),
		Details: summaryFields.Details(s), Tags: tags(ctx, t, api, arn)})
}

func customDataIdentifiers(ctx context.Context, t *collect.Task) error {
	api := macie2.NewFromConfig(t.Config)
	p := macie2.NewListCustomDataIdentifiersPaginator(api, &macie2.ListCustomDataIdentifiersInput{MaxResults: t.PageSize(25)})
	return offline(t, collect.EachItem(ctx, p, func(page *macie2.ListCustomDataIdentifiersOutput) []types.CustomDataIdentifierSummary {
		return page.Items
	},
		func(ctx context.Context, c types.CustomDataIdentifierSummary) {
			emitSummary(ctx, t, api, "custom-data-identifier", summary{arn: c.Arn, id: c.Id, name: c.Name, description: c.Description, created: c.CreatedAt})
		}))
}

func allowLists(ctx context.Context, t *collect.Task) error {
	api := macie2.NewFromConfig(t.Config)
	p := macie2.NewListAllowListsPaginator(api, &macie2.ListAllowListsInput{MaxResults: t.PageSize(25)})
	return offline(t, collect.EachItem(ctx, p, func(page *macie2.ListAllowListsOutput) []types.AllowListSummary { return page.AllowLists },
		func(ctx context.Context, a types.AllowListSummary) {
			emitSummary(ctx, t, api, "allow-list", summary{arn: a.Arn, id: a.Id, name: a.Name, description: a.Description, created: a.CreatedAt, updated: a.UpdatedAt})
		}))
}

var findingsFilterFields = collect.Fields[types.FindingsFilterListItem]{
	collect.Enum("action", "ARCHIVE (matching findings are suppressed) or NOOP (a saved view)", func(f types.FindingsFilterListItem) types.FindingsFilterAction { return f.Action }),
}

func findingsFilters(ctx context.Context, t *collect.Task) error {
	api := macie2.NewFromConfig(t.Config)
	p := macie2.NewListFindingsFiltersPaginator(api, &macie2.ListFindingsFiltersInput{MaxResults: t.PageSize(25)})
	return offline(t, collect.EachPage(ctx, p, func(page *macie2.ListFindingsFiltersOutput) error {
		for _, f := range page.FindingsFilterListItems {
			t.Emit(&model.Resource{Key: t.Key("findings-filter", aws.ToString(f.Id)), Name: aws.ToString(f.Name), ARN: aws.ToString(f.Arn),
				Tags: f.Tags, Details: findingsFilterFields.Details(f)})
		}
		return nil
	}))
}

var memberFields = collect.Fields[types.Member]{
	collect.Enum("relationship_status", "Enabled, Paused, Invited, Created, Removed, Resigned, EmailVerificationInProgress, ...",
		func(m types.Member) types.RelationshipStatus { return m.RelationshipStatus }),
	collect.Text("administrator_account_id", "the Macie administrator account", func(m types.Member) *string { return m.AdministratorAccountId }),
	collect.Timestamp("invited_at", "when the invitation was sent, if any", func(m types.Member) *time.Time { return m.InvitedAt }),
	collect.Timestamp("updated_at", "last change of the relationship", func(m types.Member) *time.Time { return m.UpdatedAt }),
}

func members(ctx context.Context, t *collect.Task) error {
	api := macie2.NewFromConfig(t.Config)
	p := macie2.NewListMembersPaginator(api, &macie2.ListMembersInput{MaxResults: t.PageSize(50), OnlyAssociated: aws.String("false")})
	return offline(t, collect.EachPage(ctx, p, func(page *macie2.ListMembersOutput) error {
		for _, m := range page.Members {
			t.Emit(&model.Resource{Key: t.Key("member", aws.ToString(m.AccountId)), ARN: aws.ToString(m.Arn), Tags: m.Tags, Details: memberFields.Details(m)})
		}
		return nil
	}))
}
