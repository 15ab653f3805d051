package all_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/backup"
	"github.com/aws/aws-sdk-go-v2/service/backup/types"

	"github.com/awsmap/awsmap/internal/awsx"
	collector "github.com/awsmap/awsmap/internal/collect/backup"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
)

func TestBackupReportPlans(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.Config(t, region, nil)
	api := backup.NewFromConfig(cfg)
	for i := range 3 {
		if _, err := api.CreateReportPlan(context.Background(), &backup.CreateReportPlanInput{ReportPlanName: aws.String(fmt.Sprint("weekly_", i)),
			ReportPlanDescription: aws.String("compliance"), ReportDeliveryChannel: &types.ReportDeliveryChannel{S3BucketName: aws.String("backup-reports"), Formats: []string{"CSV"}},
			ReportSetting: &types.ReportSetting{ReportTemplate: aws.String("RESOURCE_COMPLIANCE_REPORT")}}); err != nil {
			t.Fatal(err)
		}
	}
	got := backupPaged.Run(t, cfg, collector.Service, "report-plan", region)
	if got.Err != nil || len(got.Resources) != 3 {
		t.Fatalf("want 3 report plans over several pages, got %v %d", got.Err, len(got.Resources))
	}
	r := got.ByID()["weekly_1"]
	wantDetails(t, r, map[string]any{"description": "compliance", "report_template": "RESOURCE_COMPLIANCE_REPORT", "s3_bucket": "backup-reports", "formats": "[CSV]"})
	// moto keeps no tags of report plans (tags are checked in TestCannedTypes).
	if r.ARN != "arn:aws:backup:"+region+":"+collecttest.MotoAccount+":report-plan:weekly_1" || r.CreatedAt == "" {
		t.Errorf("weekly_1: %s %s", r.ARN, r.CreatedAt)
	}
	collecttest.HasEdges(t, got, "weekly_1 -delivers-to-> s3/bucket:backup-reports")
}

// TestCannedTypes: moto has no frameworks, restore testing plans, backup
// selection listing or protected resources; the SDK's answers are canned
// (selections under a plan moto holds).
func TestBackupCannedTypes(t *testing.T) {
	collecttest.Setup(t)
	at := time.Date(2025, 5, 1, 3, 0, 0, 0, time.UTC)
	arn := "arn:aws:backup:" + region + ":" + collecttest.MotoAccount + ":"
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){
		"ListFrameworks": func(in any) (any, error) {
			if in.(*backup.ListFrameworksInput).NextToken == nil {
				return &backup.ListFrameworksOutput{Frameworks: []types.Framework{{FrameworkName: aws.String("baseline"), FrameworkArn: aws.String(arn + "framework:baseline-1"),
					NumberOfControls: 5, DeploymentStatus: aws.String("COMPLETED"), CreationTime: &at}}, NextToken: aws.String("2")}, nil
			}
			return &backup.ListFrameworksOutput{Frameworks: []types.Framework{{FrameworkName: aws.String("strict"), FrameworkArn: aws.String(arn + "framework:strict-2")}}}, nil
		},
		"ListRestoreTestingPlans": func(any) (any, error) {
			return &backup.ListRestoreTestingPlansOutput{RestoreTestingPlans: []types.RestoreTestingPlanForList{{RestoreTestingPlanName: aws.String("monthly"),
				RestoreTestingPlanArn: aws.String(arn + "restore-testing-plan:monthly-1"), ScheduleExpression: aws.String("cron(0 5 1 * ? *)"), StartWindowHours: 8,
				LastExecutionTime: &at, CreationTime: &at}}}, nil
		},
		"ListBackupSelections": func(in any) (any, error) {
			plan := in.(*backup.ListBackupSelectionsInput).BackupPlanId
			return &backup.ListBackupSelectionsOutput{BackupSelectionsList: []types.BackupSelectionsListMember{{BackupPlanId: plan, SelectionId: aws.String("sel-1"),
				SelectionName: aws.String("tagged-prod"), IamRoleArn: aws.String("arn:aws:iam::" + collecttest.MotoAccount + ":role/backup-role"), CreationDate: &at}}}, nil
		},
		"ListProtectedResources": func(any) (any, error) {
			return &backup.ListProtectedResourcesOutput{Results: []types.ProtectedResource{{ResourceArn: aws.String("arn:aws:dynamodb:" + region + ":" + collecttest.MotoAccount + ":table/orders"),
				ResourceType: aws.String("DynamoDB"), LastBackupTime: &at, LastBackupVaultArn: aws.String(arn + "backup-vault:main")}}}, nil
		},
		"ListTags": func(any) (any, error) { return &backup.ListTagsOutput{Tags: map[string]string{"team": "dr"}}, nil },
	})})

	got := backupPaged.Run(t, cfg, collector.Service, "framework", region)
	if got.Err != nil || len(got.Resources) != 2 {
		t.Fatalf("want the frameworks of both pages, got %v %d", got.Err, len(got.Resources))
	}
	wantDetails(t, got.ByID()["baseline"], map[string]any{"controls": 5, "deployment_status": "COMPLETED"})
	if f := got.ByID()["baseline"]; f.Tags["team"] != "dr" || f.CreatedAt != "2025-05-01T03:00:00Z" {
		t.Errorf("baseline: %v %s", f.Tags, f.CreatedAt)
	}

	got = backupPaged.Run(t, cfg, collector.Service, "restore-testing-plan", region)
	if got.Err != nil || len(got.Resources) != 1 {
		t.Fatalf("restore testing plans: %v %d", got.Err, len(got.Resources))
	}
	wantDetails(t, got.Resources[0], map[string]any{"schedule": "cron(0 5 1 * ? *)", "start_window_hours": 8, "last_execution": "2025-05-01T03:00:00Z"})

	plan, err := backup.NewFromConfig(collecttest.Config(t, region, nil)).CreateBackupPlan(context.Background(), &backup.CreateBackupPlanInput{
		BackupPlan: &types.BackupPlanInput{BackupPlanName: aws.String("daily"), Rules: []types.BackupRuleInput{{RuleName: aws.String("d"), TargetBackupVaultName: aws.String("v")}}}})
	if err != nil {
		t.Fatal(err)
	}
	got = backupPaged.Run(t, cfg, collector.Service, "backup-selection", region)
	id := aws.ToString(plan.BackupPlanId) + "/sel-1"
	if got.Err != nil || len(got.Resources) != 1 || got.Resources[0].ID != id {
		t.Fatalf("selections: %v %v", got.Err, got.ByID())
	}
	if s := got.Resources[0]; s.Name != "tagged-prod" || s.ARN != aws.ToString(plan.BackupPlanArn)+"/selection/sel-1" {
		t.Errorf("selection: %s %s", s.Name, s.ARN)
	}
	collecttest.HasEdges(t, got, id+" -selection-of-> backup/plan:"+aws.ToString(plan.BackupPlanId), id+" -assumes-role-> iam/role:backup-role")

	got = backupPaged.Run(t, cfg, collector.Service, "protected-resource", region)
	if got.Err != nil || len(got.Resources) != 1 {
		t.Fatalf("protected resources: %v %d", got.Err, len(got.Resources))
	}
	p := got.Resources[0]
	wantDetails(t, p, map[string]any{"resource_type": "DynamoDB", "last_backup_time": "2025-05-01T03:00:00Z"})
	if p.Name != "orders" {
		t.Errorf("protected resource name %q", p.Name)
	}
	collecttest.HasEdges(t, got, p.ID+" -backed-up-in-> backup/vault:main")
}

func TestBackupNewTypesDenied(t *testing.T) {
	collecttest.Setup(t)
	for typ, op := range map[string]string{"framework": "ListFrameworks", "report-plan": "ListReportPlans", "restore-testing-plan": "ListRestoreTestingPlans",
		"backup-selection": "ListBackupPlans", "protected-resource": "ListProtectedResources"} {
		cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny(op)})
		collecttest.AssertDenied(t, backupPaged.Run(t, cfg, collector.Service, typ, region))
	}
	if _, err := backup.NewFromConfig(collecttest.Config(t, region, nil)).CreateBackupPlan(context.Background(), &backup.CreateBackupPlanInput{
		BackupPlan: &types.BackupPlanInput{BackupPlanName: aws.String("daily"), Rules: []types.BackupRuleInput{{RuleName: aws.String("d"), TargetBackupVaultName: aws.String("v")}}}}); err != nil {
		t.Fatal(err)
	}
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("ListBackupSelections")})
	if got := backupPaged.Run(t, cfg, collector.Service, "backup-selection", region); awsx.Classify(got.Err) != awsx.Denied {
		t.Errorf("denied selection listing: want the collection denied, got %v", got.Err)
	}
}

// TestRecoveryPoints: vaults in moto, their recovery points canned (moto
// lists none).
func TestBackupRecoveryPoints(t *testing.T) {
	collecttest.Setup(t)
	at := time.Date(2025, 8, 1, 0, 0, 0, 0, time.UTC)
	expires := at.AddDate(0, 0, 35)
	kms := "arn:aws:kms:" + region + ":" + collecttest.MotoAccount + ":key/k-1"
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){
		"ListRecoveryPointsByBackupVault": func(in any) (any, error) {
			vault := aws.ToString(in.(*backup.ListRecoveryPointsByBackupVaultInput).BackupVaultName)
			return &backup.ListRecoveryPointsByBackupVaultOutput{RecoveryPoints: []types.RecoveryPointByBackupVault{{
				RecoveryPointArn: aws.String("arn:aws:ec2:" + region + "::snapshot/snap-" + vault), BackupVaultName: aws.String(vault),
				ResourceArn: aws.String("arn:aws:ec2:" + region + ":" + collecttest.MotoAccount + ":volume/vol-1"), ResourceType: aws.String("EBS"), ResourceName: aws.String("data"),
				Status: types.RecoveryPointStatusCompleted, BackupSizeInBytes: aws.Int64(8 << 30), IsEncrypted: true, EncryptionKeyArn: aws.String(kms),
				CreatedBy: &types.RecoveryPointCreator{BackupPlanId: aws.String("plan-1")}, CreationDate: &at, CalculatedLifecycle: &types.CalculatedLifecycle{DeleteAt: &expires},
			}}}, nil
		},
		"ListTags": func(any) (any, error) { return &backup.ListTagsOutput{Tags: map[string]string{"team": "dr"}}, nil },
	})})
	for _, v := range []string{"daily", "monthly"} {
		if _, err := backup.NewFromConfig(cfg).CreateBackupVault(context.Background(), &backup.CreateBackupVaultInput{BackupVaultName: aws.String(v)}); err != nil {
			t.Fatal(err)
		}
	}
	got := backupPaged.Run(t, cfg, collector.Service, "recovery-point", region)
	if got.Err != nil || len(got.Resources) != 2 {
		t.Fatalf("want a recovery point per vault, got %v %d", got.Err, len(got.Resources))
	}
	id := "arn:aws:ec2:" + region + "::snapshot/snap-monthly"
	r := got.ByID()[id]
	wantDetails(t, r, map[string]any{"vault": "monthly", "resource_type": "EBS", "status": "COMPLETED", "size_bytes": 8 << 30, "encrypted": true,
		"plan_id": "plan-1", "delete_at": "2025-09-05T00:00:00Z", "cold_storage_at": ""})
	if r.Name != "data" || r.Tags["team"] != "dr" || r.CreatedAt != "2025-08-01T00:00:00Z" {
		t.Errorf("recovery point: %s %v %s", r.Name, r.Tags, r.CreatedAt)
	}
	collecttest.HasEdges(t, got, id+" -in-vault-> backup/vault:monthly", id+" -encrypted-with-> kms/key:k-1")

	cfg = collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("ListRecoveryPointsByBackupVault")})
	if got := backupPaged.Run(t, cfg, collector.Service, "recovery-point", region); awsx.Classify(got.Err) != awsx.Denied {
		t.Errorf("denied recovery point listing: want the collection denied, got %v", got.Err)
	}
}
