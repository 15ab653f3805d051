package all_test

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/macie2"
	"github.com/aws/aws-sdk-go-v2/service/macie2/types"
	"github.com/aws/smithy-go"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/macie2"
)

var macie2Created = time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)

func macie2Arn(resource string) *string {
	return aws.String("arn:aws:macie2:" + region + ":" + account + ":" + resource)
}

// paged answers a list operation with first, then (for NextToken "2")
// second: paginators run over two pages.
func paged(first, second any) func(any) (any, error) {
	return func(in any) (any, error) {
		if aws.ToString(reflect.ValueOf(in).Elem().FieldByName("NextToken").Interface().(*string)) == "" {
			reflect.ValueOf(first).Elem().FieldByName("NextToken").Set(reflect.ValueOf(aws.String("2")))
			return first, nil
		}
		return second, nil
	}
}

// canned answers what moto 5.2.1's Macie lacks: the lists and their tags.
var macie2Canned = collecttest.Canned(map[string]func(any) (any, error){
	"ListClassificationJobs": paged(&macie2.ListClassificationJobsOutput{Items: []types.JobSummary{
		{JobId: aws.String("j1"), Name: aws.String("pii-scan"), JobType: types.JobTypeScheduled, JobStatus: types.JobStatusIdle, CreatedAt: &macie2Created,
			BucketDefinitions: []types.S3BucketDefinitionForJob{{AccountId: aws.String(account), Buckets: []string{"data-lake", "exports"}},
				{AccountId: aws.String("999999999999"), Buckets: []string{"partner"}}},
			LastRunErrorStatus: &types.LastRunErrorStatus{Code: types.LastRunErrorStatusCodeError}}}},
		&macie2.ListClassificationJobsOutput{Items: []types.JobSummary{{JobId: aws.String("j2"), Name: aws.String("by-tag"), JobType: types.JobTypeOneTime,
			JobStatus: types.JobStatusComplete, BucketCriteria: &types.S3BucketCriteriaForJob{}}}}),
	"ListCustomDataIdentifiers": paged(&macie2.ListCustomDataIdentifiersOutput{Items: []types.CustomDataIdentifierSummary{
		{Id: aws.String("c1"), Arn: macie2Arn("custom-data-identifier/c1"), Name: aws.String("employee-id"), Description: aws.String("EMP-nnnn"), CreatedAt: &macie2Created}}},
		&macie2.ListCustomDataIdentifiersOutput{Items: []types.CustomDataIdentifierSummary{{Id: aws.String("c2"), Arn: macie2Arn("custom-data-identifier/c2"), Name: aws.String("badge")}}}),
	"ListAllowLists": paged(&macie2.ListAllowListsOutput{AllowLists: []types.AllowListSummary{
		{Id: aws.String("a1"), Arn: macie2Arn("allow-list/a1"), Name: aws.String("test-data"), CreatedAt: &macie2Created, UpdatedAt: &macie2Created}}},
		&macie2.ListAllowListsOutput{}),
	"ListFindingsFilters": paged(&macie2.ListFindingsFiltersOutput{FindingsFilterListItems: []types.FindingsFilterListItem{
		{Id: aws.String("f1"), Arn: macie2Arn("findings-filter/f1"), Name: aws.String("ignore-test"), Action: types.FindingsFilterActionArchive, Tags: map[string]string{"Team": "sec"}}}},
		&macie2.ListFindingsFiltersOutput{FindingsFilterListItems: []types.FindingsFilterListItem{{Id: aws.String("f2"), Name: aws.String("view"), Action: types.FindingsFilterActionNoop}}}),
	"ListMembers": paged(&macie2.ListMembersOutput{Members: []types.Member{
		{AccountId: aws.String("111111111111"), Arn: macie2Arn("member/111111111111"), Email: aws.String("root@example.com"), RelationshipStatus: types.RelationshipStatusEnabled,
			AdministratorAccountId: aws.String(account), InvitedAt: &macie2Created, Tags: map[string]string{"env": "prod"}}}},
		&macie2.ListMembersOutput{Members: []types.Member{{AccountId: aws.String("222222222222"), RelationshipStatus: types.RelationshipStatusPaused}}}),
	"ListTagsForResource": func(in any) (any, error) {
		return &macie2.ListTagsForResourceOutput{Tags: map[string]string{"arn": aws.ToString(in.(*macie2.ListTagsForResourceInput).ResourceArn)}}, nil
	},
})

func macie2Run(t *testing.T, typ string, responder awsx.Responder) collecttest.Result {
	t.Helper()
	return collecttest.Run(t, collecttest.ConfigWith(t, region, awsx.Options{Responder: responder}), collector.Service, typ, region)
}

func TestMacie2Session(t *testing.T) {
	collecttest.Setup(t)
	api := macie2.NewFromConfig(collecttest.Config(t, region, nil))
	if _, err := api.EnableMacie(context.Background(), &macie2.EnableMacieInput{FindingPublishingFrequency: types.FindingPublishingFrequencyOneHour,
		Status: types.MacieStatusPaused}); err != nil {
		t.Fatal(err)
	}
	got := macie2Run(t, "session", nil)
	if got.Err != nil || len(got.Resources) != 1 {
		t.Fatalf("session: %v %v", got.Err, got.Resources)
	}
	s := got.ByID()[account]
	if s.Details["status"] != "PAUSED" || s.Details["finding_publishing_frequency"] != "ONE_HOUR" || s.CreatedAt == "" || s.Details["updated_at"] == "" {
		t.Errorf("session: %+v", s)
	}
	collecttest.HasEdges(t, got, account+" -assumes-role-> iam/role:AWSServiceRoleForAmazonMacie")

	if _, err := api.DisableMacie(context.Background(), &macie2.DisableMacieInput{}); err != nil {
		t.Fatal(err)
	}
	assertNotEnabled(t, macie2Run(t, "session", nil))
}

func assertNotEnabled(t *testing.T, got collecttest.Result) {
	t.Helper()
	if awsx.Classify(got.Err) != awsx.Unsupported || awsx.ErrorCode(got.Err) != "NotEnabled" ||
		awsx.ErrorMessage(got.Err) != "Amazon Macie is not enabled in eu-west-1" || len(got.Resources) != 0 {
		t.Errorf("want unsupported NotEnabled, got %v (%s)", got.Err, awsx.ErrorCode(got.Err))
	}
}

func TestMacie2ClassificationJobs(t *testing.T) {
	collecttest.Setup(t)
	got := macie2Run(t, "classification-job", macie2Canned)
	if got.Err != nil || len(got.Resources) != 2 {
		t.Fatalf("jobs: %v %v", got.Err, got.Resources)
	}
	collecttest.AssertNoWarnings(t, got)
	j := got.ByID()["j1"]
	if j.Name != "pii-scan" || j.ARN != *macie2Arn("classification-job/j1") || j.Tags["arn"] != j.ARN || j.CreatedAt != "2026-03-01T10:00:00Z" {
		t.Errorf("j1: %+v", j)
	}
	if b, _ := j.Details["buckets"].([]string); len(b) != 3 || j.Details["job_type"] != "SCHEDULED" || j.Details["last_run_error"] != "ERROR" || j.Details["bucket_criteria"] != false {
		t.Errorf("j1 details: %v", j.Details)
	}
	if d := got.ByID()["j2"].Details; d["bucket_criteria"] != true || d["job_status"] != "COMPLETE" || d["last_run_error"] != "" {
		t.Errorf("j2 details: %v", d)
	}
	collecttest.HasEdges(t, got, "j1 -scans-> s3/bucket:data-lake", "j1 -scans-> s3/bucket:exports")
	if len(got.Edges()) != 2 {
		t.Errorf("the partner account's bucket is not ours: %v", got.Edges())
	}
}

func TestMacie2Summaries(t *testing.T) {
	collecttest.Setup(t)
	got := macie2Run(t, "custom-data-identifier", macie2Canned)
	if got.Err != nil || len(got.Resources) != 2 {
		t.Fatalf("identifiers: %v %v", got.Err, got.Resources)
	}
	c := got.ByID()["c1"]
	if c.Name != "employee-id" || c.Details["description"] != "EMP-nnnn" || c.Tags["arn"] != *macie2Arn("custom-data-identifier/c1") || c.CreatedAt == "" {
		t.Errorf("c1: %+v", c)
	}
	got = macie2Run(t, "allow-list", macie2Canned)
	if got.Err != nil || len(got.Resources) != 1 || got.Resources[0].Details["updated_at"] != "2026-03-01T10:00:00Z" || got.Resources[0].ARN != *macie2Arn("allow-list/a1") {
		t.Fatalf("allow lists: %v %+v", got.Err, got.Resources)
	}
}

func TestMacie2FindingsFiltersAndMembers(t *testing.T) {
	collecttest.Setup(t)
	got := macie2Run(t, "findings-filter", macie2Canned)
	if got.Err != nil || len(got.Resources) != 2 {
		t.Fatalf("filters: %v %v", got.Err, got.Resources)
	}
	if f := got.ByID()["f1"]; f.Details["action"] != "ARCHIVE" || f.Tags["Team"] != "sec" || f.Name != "ignore-test" {
		t.Errorf("f1: %+v", f)
	}
	got = macie2Run(t, "member", macie2Canned)
	if got.Err != nil || len(got.Resources) != 2 {
		t.Fatalf("members: %v %v", got.Err, got.Resources)
	}
	m := got.ByID()["111111111111"]
	if m.Details["relationship_status"] != "Enabled" || m.Details["administrator_account_id"] != account || m.Tags["env"] != "prod" || m.ARN != *macie2Arn("member/111111111111") {
		t.Errorf("member: %+v", m)
	}
	if got.ByID()["222222222222"].Details["relationship_status"] != "Paused" {
		t.Errorf("member 2: %v", got.ByID()["222222222222"].Details)
	}
}

// Macie off answers the lists with an AccessDeniedException that says so:
// NotEnabled. A real denial stays a denial; a denied tag read is a warning.
func TestMacie2NotEnabledAndDenied(t *testing.T) {
	collecttest.Setup(t)
	off := func(any) (any, error) {
		return nil, &smithy.GenericAPIError{Code: "AccessDeniedException", Message: "Macie is not enabled."}
	}
	for typ, op := range map[string]string{"classification-job": "ListClassificationJobs", "custom-data-identifier": "ListCustomDataIdentifiers",
		"allow-list": "ListAllowLists", "findings-filter": "ListFindingsFilters", "member": "ListMembers", "session": "GetMacieSession"} {
		assertNotEnabled(t, macie2Run(t, typ, collecttest.Canned(map[string]func(any) (any, error){op: off})))
		collecttest.AssertDenied(t, macie2Run(t, typ, collecttest.Canned(map[string]func(any) (any, error){op: collecttest.Denied(op)})))
	}
	deniedTags := awsx.ResponderFunc(func(ctx context.Context, req awsx.Request) (any, error) {
		if req.Operation == "ListTagsForResource" {
			return collecttest.Denied(req.Operation)(req.Input)
		}
		return macie2Canned.Respond(ctx, req)
	})
	got := macie2Run(t, "classification-job", deniedTags)
	if got.Err != nil || len(got.Resources) != 2 || len(got.Task.Warnings()) != 2 {
		t.Errorf("want jobs without tags and two warnings, got %v, %d, %v", got.Err, len(got.Resources), got.Task.Warnings())
	}
}
