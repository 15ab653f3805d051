package all_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsssm "github.com/aws/aws-sdk-go-v2/service/ssm"
	ssmtypes "github.com/aws/aws-sdk-go-v2/service/ssm/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/ssm"
)

func ssmTag(k, v string) []ssmtypes.Tag {
	return []ssmtypes.Tag{{Key: aws.String(k), Value: aws.String(v)}}
}

// createDocuments makes six Command documents; doc0 is shared publicly,
// doc1 with one account.
func createDocuments(t *testing.T, api *awsssm.Client) {
	t.Helper()
	ctx := context.Background()
	content := `{"schemaVersion":"2.2","description":"hi","mainSteps":[{"action":"aws:runShellScript","name":"run","inputs":{"runCommand":["echo hi"]}}]}`
	for i := range 6 {
		_, err := api.CreateDocument(ctx, &awsssm.CreateDocumentInput{Name: aws.String(fmt.Sprintf("doc%d", i)), Content: aws.String(content),
			DocumentType: ssmtypes.DocumentTypeCommand, DocumentFormat: ssmtypes.DocumentFormatJson, TargetType: aws.String("/AWS::EC2::Instance"),
			Tags: ssmTag("n", fmt.Sprint(i))})
		if err := collecttest.Created(err, "DocumentAlreadyExists"); err != nil { // a retried create
			t.Fatal(err)
		}
	}
	for doc, accounts := range map[string][]string{"doc0": {"all"}, "doc1": {"111122223333"}} {
		if _, err := api.ModifyDocumentPermission(ctx, &awsssm.ModifyDocumentPermissionInput{Name: aws.String(doc),
			PermissionType: ssmtypes.DocumentPermissionTypeShare, AccountIdsToAdd: accounts}); err != nil {
			t.Fatal(err)
		}
	}
}

func TestSsmDocuments(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.Config(t, region, nil)
	createDocuments(t, awsssm.NewFromConfig(cfg))
	got := collecttest.Run(t, cfg, collector.Service, "document", region)
	if got.Err != nil || len(got.Resources) != 6 {
		t.Fatalf("documents: %v, %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	byID := got.ByID()
	for id, want := range map[string]map[string]any{
		"doc0": {"document_type": "Command", "document_format": "JSON", "target_type": "/AWS::EC2::Instance", "schema_version": "2.2", "public": true, "document_version": "1"},
		"doc1": {"public": false},
		"doc2": {"public": false},
	} {
		for k, v := range want {
			if byID[id].Details[k] != v {
				t.Errorf("%s details[%s] = %v, want %v", id, k, byID[id].Details[k], v)
			}
		}
	}
	if s := byID["doc1"].Details["shared_with"].([]string); len(s) != 1 || s[0] != "111122223333" {
		t.Errorf("doc1 shared with %v", s)
	}
	d := byID["doc3"]
	// moto's ListDocuments leaves out CreatedDate: created_at is not checked.
	if d.ARN != "arn:aws:ssm:eu-west-1:"+account+":document/doc3" || d.Tags["n"] != "3" {
		t.Errorf("doc3: %s %v", d.ARN, d.Tags)
	}
}

func TestSsmMaintenanceWindowsAndBaselines(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: ssmCanned})
	api := awsssm.NewFromConfig(cfg)
	ctx := context.Background()
	windows := map[string]string{}
	for i := range 6 {
		out, err := api.CreateMaintenanceWindow(ctx, &awsssm.CreateMaintenanceWindowInput{Name: aws.String(fmt.Sprintf("patch-%d", i)),
			Schedule: aws.String("cron(0 2 ? * SUN *)"), Duration: aws.Int32(4), Cutoff: 1, AllowUnassociatedTargets: false,
			ScheduleTimezone: aws.String("Europe/Paris"), Tags: ssmTag("n", fmt.Sprint(i))})
		if err != nil {
			t.Fatal(err)
		}
		windows[fmt.Sprintf("patch-%d", i)] = aws.ToString(out.WindowId)
	}
	baseline, err := api.CreatePatchBaseline(ctx, &awsssm.CreatePatchBaselineInput{Name: aws.String("linux-prod"), OperatingSystem: ssmtypes.OperatingSystemAmazonLinux2,
		Description: aws.String("prod")})
	if err != nil {
		t.Fatal(err)
	}

	got := collecttest.Run(t, cfg, collector.Service, "maintenance-window", region)
	if got.Err != nil || len(got.Resources) != 6 {
		t.Fatalf("windows: %v, %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	id := windows["patch-2"]
	w := got.ByID()[id]
	want := map[string]any{"enabled": true, "schedule": "cron(0 2 ? * SUN *)", "duration_hours": int64(4), "cutoff_hours": int64(1), "schedule_timezone": "Europe/Paris"}
	for k, v := range want {
		if w.Details[k] != v {
			t.Errorf("window details[%s] = %v, want %v", k, w.Details[k], v)
		}
	}
	if w.Name != "patch-2" || w.Tags["n"] != "2" || w.ARN != "arn:aws:ssm:eu-west-1:"+account+":maintenancewindow/"+id {
		t.Errorf("window: %s %s %v", w.Name, w.ARN, w.Tags)
	}

	got = collecttest.Run(t, cfg, collector.Service, "patch-baseline", region)
	if got.Err != nil || len(got.Resources) != 1 {
		t.Fatalf("baselines: %v, %d", got.Err, len(got.Resources))
	}
	b := got.Resources[0]
	if b.ID != aws.ToString(baseline.BaselineId) || b.Name != "linux-prod" || b.Tags["id"] != b.ID ||
		b.Details["operating_system"] != "AMAZON_LINUX_2" || b.Details["description"] != "prod" || b.Details["default_baseline"] != false {
		t.Errorf("baseline: %+v", b)
	}
}

var lastRun = time.Date(2026, 11, 30, 2, 0, 0, 0, time.UTC)

// canned answers ListAssociations, ListResourceDataSync and DescribeOpsItems
// (which moto lacks) over two pages, and the association, patch baseline and
// OpsItem tags moto does not keep (each is tagged id=its id).
var ssmCanned = collecttest.Canned(map[string]func(any) (any, error){
	"ListAssociations": func(in any) (any, error) {
		all := []ssmtypes.Association{
			{AssociationId: aws.String("a-1"), AssociationName: aws.String("patch-prod"), Name: aws.String("AWS-RunPatchBaseline"), DocumentVersion: aws.String("$DEFAULT"),
				ScheduleExpression: aws.String("rate(1 day)"), LastExecutionDate: &lastRun, Overview: &ssmtypes.AssociationOverview{Status: aws.String("Success")},
				Targets: []ssmtypes.Target{{Key: aws.String("tag:Env"), Values: []string{"prod"}}}},
			{AssociationId: aws.String("a-2"), Name: aws.String("doc0"), Overview: &ssmtypes.AssociationOverview{Status: aws.String("Failed"), DetailedStatus: aws.String("Failed")},
				Targets: []ssmtypes.Target{{Key: aws.String("InstanceIds"), Values: []string{"i-1", "i-2"}}}},
			{AssociationId: aws.String("a-3"), Name: aws.String("AWS-GatherSoftwareInventory"), InstanceId: aws.String("i-3")},
		}
		page, next := collecttest.Page(all, in.(*awsssm.ListAssociationsInput).NextToken, 2)
		return &awsssm.ListAssociationsOutput{Associations: page, NextToken: next}, nil
	},
	"ListTagsForResource": func(in any) (any, error) {
		if in := in.(*awsssm.ListTagsForResourceInput); in.ResourceType == ssmtypes.ResourceTypeForTaggingAssociation || in.ResourceType == ssmtypes.ResourceTypeForTaggingPatchBaseline ||
			in.ResourceType == ssmtypes.ResourceTypeForTaggingOpsItem {
			return &awsssm.ListTagsForResourceOutput{TagList: ssmTag("id", aws.ToString(in.ResourceId))}, nil
		}
		return nil, awsx.ErrPassThrough
	},
	"DescribeOpsItems": func(in any) (any, error) {
		f := in.(*awsssm.DescribeOpsItemsInput).OpsItemFilters
		if len(f) != 1 || f[0].Key != ssmtypes.OpsItemFilterKeyStatus || fmt.Sprint(f[0].Values) != "[Open InProgress]" {
			return nil, fmt.Errorf("unexpected filters %+v", f)
		}
		var all []ssmtypes.OpsItemSummary
		for i := range 3 {
			all = append(all, ssmtypes.OpsItemSummary{OpsItemId: aws.String(fmt.Sprint("oi-", i)), Title: aws.String("disk full"), Status: ssmtypes.OpsItemStatusOpen,
				Severity: aws.String("2"), Priority: aws.Int32(3), Category: aws.String("Availability"), Source: aws.String("EC2"), CreatedTime: &lastRun,
				OperationalData: map[string]ssmtypes.OpsItemDataValue{"secret": {Value: aws.String("do-not-store")}}})
		}
		page, next := collecttest.Page(all, in.(*awsssm.DescribeOpsItemsInput).NextToken, 2)
		return &awsssm.DescribeOpsItemsOutput{OpsItemSummaries: page, NextToken: next}, nil
	},
	"ListResourceDataSync": func(in any) (any, error) {
		all := []ssmtypes.ResourceDataSyncItem{
			{SyncName: aws.String("inventory"), SyncType: aws.String("SyncToDestination"), SyncCreatedTime: &lastRun, LastStatus: ssmtypes.LastResourceDataSyncStatusSuccessful,
				S3Destination: &ssmtypes.ResourceDataSyncS3Destination{BucketName: aws.String("inv-bucket"), Region: aws.String("us-east-1"), Prefix: aws.String("inv/"),
					SyncFormat: ssmtypes.ResourceDataSyncS3FormatJsonSerde, AWSKMSKeyARN: aws.String("arn:aws:kms:us-east-1:" + collecttest.MotoAccount + ":key/k-9")}},
			{SyncName: aws.String("opsdata"), SyncType: aws.String("SyncFromSource"),
				SyncSource: &ssmtypes.ResourceDataSyncSourceWithState{SourceType: aws.String("SingleAccountMultiRegions"), SourceRegions: []string{"eu-west-1", "us-east-1"}}},
			{SyncName: aws.String("third"), SyncType: aws.String("SyncFromSource")},
		}
		page, next := collecttest.Page(all, in.(*awsssm.ListResourceDataSyncInput).NextToken, 2)
		return &awsssm.ListResourceDataSyncOutput{ResourceDataSyncItems: page, NextToken: next}, nil
	},
})

func TestSsmAssociationsAndDataSyncs(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: ssmCanned})
	got := collecttest.Run(t, cfg, collector.Service, "association", region)
	if got.Err != nil || len(got.Resources) != 3 {
		t.Fatalf("associations: %v, %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	byID := got.ByID()
	a := byID["a-1"]
	if a.Name != "patch-prod" || a.Tags["id"] != "a-1" || a.ARN != "arn:aws:ssm:eu-west-1:"+account+":association/a-1" ||
		a.Details["document"] != "AWS-RunPatchBaseline" || a.Details["schedule"] != "rate(1 day)" || a.Details["status"] != "Success" ||
		a.Details["last_execution"] != "2026-11-30T02:00:00Z" || fmt.Sprint(a.Details["targets"]) != "map[tag:Env:[prod]]" {
		t.Errorf("a-1: %+v", a)
	}
	if byID["a-2"].Name != "doc0" || byID["a-2"].Details["status"] != "Failed" {
		t.Errorf("a-2: %+v", byID["a-2"])
	}
	collecttest.HasEdges(t, got, "a-2 -applies-> ssm/document:doc0", "a-2 -targets-> ec2/instance:i-1", "a-2 -targets-> ec2/instance:i-2",
		"a-3 -targets-> ec2/instance:i-3")
	if len(got.Edges()) != 4 {
		t.Errorf("AWS documents are not the account's: %v", got.Edges())
	}

	got = collecttest.Run(t, cfg, collector.Service, "resource-data-sync", region)
	if got.Err != nil || len(got.Resources) != 3 {
		t.Fatalf("data syncs: %v, %d", got.Err, len(got.Resources))
	}
	s := got.ByID()["inventory"]
	if s.CreatedAt != "2026-11-30T02:00:00Z" || s.Details["bucket"] != "inv-bucket" || s.Details["bucket_region"] != "us-east-1" ||
		s.Details["last_status"] != "Successful" || s.ARN != "arn:aws:ssm:eu-west-1:"+account+":resource-data-sync/inventory" {
		t.Errorf("inventory: %+v", s)
	}
	if r := got.ByID()["opsdata"].Details["source_regions"].([]string); len(r) != 2 {
		t.Errorf("opsdata regions %v", r)
	}
	collecttest.HasEdges(t, got, "inventory -writes-to-> s3/bucket:inv-bucket", "inventory -encrypted-with-> kms/key:k-9")

	got = collecttest.Run(t, cfg, collector.Service, "ops-item", region)
	if got.Err != nil || len(got.Resources) != 3 {
		t.Fatalf("ops items: %v, %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	o := got.ByID()["oi-1"]
	if o.Name != "disk full" || o.Tags["id"] != "oi-1" || o.CreatedAt != "2026-11-30T02:00:00Z" || o.Details["status"] != "Open" || o.Details["severity"] != "2" ||
		o.Details["priority"] != int64(3) || o.ARN != "arn:aws:ssm:eu-west-1:"+account+":opsitem/oi-1" {
		t.Errorf("ops item: %+v", o)
	}
	if strings.Contains(fmt.Sprint(o.Details), "do-not-store") {
		t.Errorf("operational data is stored: %v", o.Details)
	}
}

func TestSsmManagementDenied(t *testing.T) {
	collecttest.Setup(t)
	for typ, op := range map[string]string{"document": "ListDocuments", "maintenance-window": "DescribeMaintenanceWindows",
		"patch-baseline": "DescribePatchBaselines", "association": "ListAssociations", "resource-data-sync": "ListResourceDataSync", "ops-item": "DescribeOpsItems"} {
		cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny(op)})
		collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, typ, region))
	}
	cfg := collecttest.Config(t, region, nil)
	createDocuments(t, awsssm.NewFromConfig(cfg))
	cfg = collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("DescribeDocumentPermission")})
	got := collecttest.Run(t, cfg, collector.Service, "document", region)
	if got.Err != nil || len(got.Resources) != 6 || len(got.Task.Warnings()) != 6 {
		t.Fatalf("want documents with a warning each, got %v, %d, %d", got.Err, len(got.Resources), len(got.Task.Warnings()))
	}
	if _, known := got.ByID()["doc0"].Details["public"]; known {
		t.Errorf("public is unknown when the permission read is denied: %v", got.ByID()["doc0"].Details)
	}
}
