package backup

import (
	"cmp"
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/backup"
	"github.com/aws/aws-sdk-go-v2/service/backup/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

var frameworkFields = collect.Fields[types.Framework]{
	collect.Text("description", "description", func(f types.Framework) *string { return f.FrameworkDescription }),
	collect.Text("deployment_status", "CREATE_IN_PROGRESS, COMPLETED, FAILED, ...", func(f types.Framework) *string { return f.DeploymentStatus }),
	collect.Computed("controls", model.Integer, "controls the framework evaluates", func(f types.Framework) any { return int64(f.NumberOfControls) }),
}

// frameworks: Backup Audit Manager frameworks (sets of controls).
func frameworks(ctx context.Context, t *collect.Task) error {
	api := backup.NewFromConfig(t.Config)
	p := backup.NewListFrameworksPaginator(api, &backup.ListFrameworksInput{MaxResults: t.PageSize(1000)})
	return collect.EachItem(ctx, p, func(page *backup.ListFrameworksOutput) []types.Framework { return page.Frameworks },
		func(ctx context.Context, f types.Framework) {
			name := aws.ToString(f.FrameworkName)
			emitTagged(ctx, t, api, &model.Resource{Key: t.Key("framework", name), ARN: aws.ToString(f.FrameworkArn), Name: name,
				CreatedAt: model.Time(f.CreationTime), Details: frameworkFields.Details(f)})
		})
}

func delivery(r types.ReportPlan) types.ReportDeliveryChannel {
	if r.ReportDeliveryChannel == nil {
		return types.ReportDeliveryChannel{}
	}
	return *r.ReportDeliveryChannel
}

var reportPlanFields = collect.Fields[types.ReportPlan]{
	collect.Text("description", "description", func(r types.ReportPlan) *string { return r.ReportPlanDescription }),
	collect.Computed("report_template", model.Text, "RESOURCE_COMPLIANCE_REPORT, BACKUP_JOB_REPORT, ...", func(r types.ReportPlan) any {
		if r.ReportSetting == nil {
			return ""
		}
		return aws.ToString(r.ReportSetting.ReportTemplate)
	}),
	collect.Computed("s3_bucket", model.Text, "bucket the reports are delivered to", func(r types.ReportPlan) any { return aws.ToString(delivery(r).S3BucketName) }),
	collect.Computed("formats", model.JSON, "report formats (CSV, JSON)", func(r types.ReportPlan) any { return append([]string{}, delivery(r).Formats...) }),
	collect.Text("deployment_status", "CREATE_IN_PROGRESS, COMPLETED, ...", func(r types.ReportPlan) *string { return r.DeploymentStatus }),
	collect.Timestamp("last_successful_run", "last report delivered", func(r types.ReportPlan) *time.Time { return r.LastSuccessfulExecutionTime }),
}

// reportPlans: Backup Audit Manager report plans.
func reportPlans(ctx context.Context, t *collect.Task) error {
	api := backup.NewFromConfig(t.Config)
	p := backup.NewListReportPlansPaginator(api, &backup.ListReportPlansInput{MaxResults: t.PageSize(1000)})
	return collect.EachItem(ctx, p, func(page *backup.ListReportPlansOutput) []types.ReportPlan { return page.ReportPlans },
		func(ctx context.Context, r types.ReportPlan) {
			name := aws.ToString(r.ReportPlanName)
			key := t.Key("report-plan", name)
			emitTagged(ctx, t, api, &model.Resource{Key: key, ARN: aws.ToString(r.ReportPlanArn), Name: name,
				CreatedAt: model.Time(r.CreationTime), Details: reportPlanFields.Details(r)})
			t.RelateByName(key, "delivers-to", "s3", "bucket", aws.ToString(delivery(r).S3BucketName), t.Region)
		})
}

var restoreTestingPlanFields = collect.Fields[types.RestoreTestingPlanForList]{
	collect.Text("schedule", "cron expression of the restore tests", func(r types.RestoreTestingPlanForList) *string { return r.ScheduleExpression }),
	collect.Text("schedule_timezone", "time zone of the schedule", func(r types.RestoreTestingPlanForList) *string { return r.ScheduleExpressionTimezone }),
	collect.Computed("start_window_hours", model.Integer, "hours a test may wait to start", func(r types.RestoreTestingPlanForList) any { return int64(r.StartWindowHours) }),
	collect.Timestamp("last_execution", "last test run", func(r types.RestoreTestingPlanForList) *time.Time { return r.LastExecutionTime }),
}

// restoreTestingPlans: plans that restore recovery points on a schedule to
// prove they can be.
func restoreTestingPlans(ctx context.Context, t *collect.Task) error {
	api := backup.NewFromConfig(t.Config)
	p := backup.NewListRestoreTestingPlansPaginator(api, &backup.ListRestoreTestingPlansInput{MaxResults: t.PageSize(1000)})
	return collect.EachItem(ctx, p, func(page *backup.ListRestoreTestingPlansOutput) []types.RestoreTestingPlanForList {
		return page.RestoreTestingPlans
	},
		func(ctx context.Context, r types.RestoreTestingPlanForList) {
			name := aws.ToString(r.RestoreTestingPlanName)
			emitTagged(ctx, t, api, &model.Resource{Key: t.Key("restore-testing-plan", name), ARN: aws.ToString(r.RestoreTestingPlanArn), Name: name,
				CreatedAt: model.Time(r.CreationTime), Details: restoreTestingPlanFields.Details(r)})
		})
}

var selectionFields = collect.Fields[types.BackupSelectionsListMember]{
	collect.Text("plan_id", "backup plan the selection belongs to", func(s types.BackupSelectionsListMember) *string { return s.BackupPlanId }),
	collect.Text("iam_role_arn", "role AWS Backup assumes to back the resources up", func(s types.BackupSelectionsListMember) *string { return s.IamRoleArn }),
}

// selections: the resource assignments of every plan (id = plan id /
// selection id); ListBackupSelections answers per plan.
func selections(ctx context.Context, t *collect.Task) error {
	api := backup.NewFromConfig(t.Config)
	var listErr collect.FirstErr
	list, err := planList(ctx, t, api)
	collect.ForEach(ctx, list, func(ctx context.Context, plan types.BackupPlansListMember) {
		sp := backup.NewListBackupSelectionsPaginator(api, &backup.ListBackupSelectionsInput{BackupPlanId: plan.BackupPlanId, MaxResults: t.PageSize(1000)})
		listErr.Keep(collect.EachPage(ctx, sp, func(page *backup.ListBackupSelectionsOutput) error {
			for _, s := range page.BackupSelectionsList {
				planID := aws.ToString(s.BackupPlanId)
				key := t.Key("backup-selection", planID+"/"+aws.ToString(s.SelectionId))
				t.Emit(&model.Resource{Key: key, ARN: aws.ToString(plan.BackupPlanArn) + "/selection/" + aws.ToString(s.SelectionId),
					Name: aws.ToString(s.SelectionName), CreatedAt: model.Time(s.CreationDate), Details: selectionFields.Details(s)})
				t.Relate(key, "selection-of", t.Key("plan", planID))
				t.Relate(key, "assumes-role", t.Role(aws.ToString(s.IamRoleArn)))
			}
			return nil
		}))
	})
	return cmp.Or(err, listErr.Err())
}

var protectedFields = collect.Fields[types.ProtectedResource]{
	collect.Text("resource_type", "EBS, RDS, DynamoDB, EFS, S3, ...", func(r types.ProtectedResource) *string { return r.ResourceType }),
	collect.Timestamp("last_backup_time", "last successful backup", func(r types.ProtectedResource) *time.Time { return r.LastBackupTime }),
	collect.Text("last_backup_vault_arn", "vault of the last backup", func(r types.ProtectedResource) *string { return r.LastBackupVaultArn }),
	collect.Text("last_recovery_point_arn", "recovery point of the last backup", func(r types.ProtectedResource) *string { return r.LastRecoveryPointArn }),
}

// protectedResources: resources AWS Backup has backed up at least once
// (id = the resource's ARN), with when it last did.
func protectedResources(ctx context.Context, t *collect.Task) error {
	p := backup.NewListProtectedResourcesPaginator(backup.NewFromConfig(t.Config), &backup.ListProtectedResourcesInput{MaxResults: t.PageSize(1000)})
	return collect.EachPage(ctx, p, func(page *backup.ListProtectedResourcesOutput) error {
		for _, r := range page.Results {
			arn := aws.ToString(r.ResourceArn)
			key := t.Key("protected-resource", arn)
			name := aws.ToString(r.ResourceName)
			if name == "" {
				name = collect.ARNResourceName(arn)
			}
			t.Emit(&model.Resource{Key: key, ARN: arn, Name: name, Details: protectedFields.Details(r)})
			t.Relate(key, "backed-up-in", t.Key("vault", collect.ARNResourceName(aws.ToString(r.LastBackupVaultArn))))
		}
		return nil
	})
}

func lifecycleDates(r types.RecoveryPointByBackupVault) types.CalculatedLifecycle {
	if r.CalculatedLifecycle == nil {
		return types.CalculatedLifecycle{}
	}
	return *r.CalculatedLifecycle
}

var recoveryPointFields = collect.Fields[types.RecoveryPointByBackupVault]{
	collect.Text("vault", "vault holding the recovery point", func(r types.RecoveryPointByBackupVault) *string { return r.BackupVaultName }),
	collect.Text("resource_arn", "resource backed up", func(r types.RecoveryPointByBackupVault) *string { return r.ResourceArn }),
	collect.Text("resource_type", "EBS, RDS, DynamoDB, EFS, S3, EC2, ...", func(r types.RecoveryPointByBackupVault) *string { return r.ResourceType }),
	collect.Enum("status", "COMPLETED, PARTIAL, DELETING, EXPIRED, AVAILABLE, STOPPED, CREATING", func(r types.RecoveryPointByBackupVault) types.RecoveryPointStatus {
		return r.Status
	}),
	collect.Int("size_bytes", "size of the backup", func(r types.RecoveryPointByBackupVault) *int64 { return r.BackupSizeInBytes }),
	collect.Computed("encrypted", model.Boolean, "the recovery point is encrypted", func(r types.RecoveryPointByBackupVault) any { return r.IsEncrypted }),
	collect.Text("encryption_key_arn", "KMS key encrypting it", func(r types.RecoveryPointByBackupVault) *string { return r.EncryptionKeyArn }),
	collect.Computed("plan_id", model.Text, "backup plan that made it; empty for on-demand backups", func(r types.RecoveryPointByBackupVault) any {
		if r.CreatedBy == nil {
			return ""
		}
		return aws.ToString(r.CreatedBy.BackupPlanId)
	}),
	collect.Computed("delete_at", model.Timestamp, "when it expires; empty when kept until deleted", func(r types.RecoveryPointByBackupVault) any {
		return model.Time(lifecycleDates(r).DeleteAt)
	}),
	collect.Computed("cold_storage_at", model.Timestamp, "when it moves to cold storage", func(r types.RecoveryPointByBackupVault) any {
		return model.Time(lifecycleDates(r).MoveToColdStorageAt)
	}),
}

// recoveryPoints: the backups in every vault (id = the recovery point's
// ARN); ListRecoveryPointsByBackupVault answers per vault.
func recoveryPoints(ctx context.Context, t *collect.Task) error {
	api := backup.NewFromConfig(t.Config)
	var listErr collect.FirstErr
	list, err := vaultList(ctx, t, api)
	collect.ForEach(ctx, list, func(ctx context.Context, v types.BackupVaultListMember) {
		rp := backup.NewListRecoveryPointsByBackupVaultPaginator(api, &backup.ListRecoveryPointsByBackupVaultInput{BackupVaultName: v.BackupVaultName, MaxResults: t.PageSize(1000)})
		listErr.Keep(collect.EachItem(ctx, rp, func(page *backup.ListRecoveryPointsByBackupVaultOutput) []types.RecoveryPointByBackupVault {
			return page.RecoveryPoints
		},
			func(ctx context.Context, r types.RecoveryPointByBackupVault) {
				arn := aws.ToString(r.RecoveryPointArn)
				key := t.Key("recovery-point", arn)
				emitTagged(ctx, t, api, &model.Resource{Key: key, ARN: arn, Name: cmp.Or(aws.ToString(r.ResourceName), collect.ARNResourceName(arn)),
					CreatedAt: model.Time(r.CreationDate), Details: recoveryPointFields.Details(r)})
				t.Relate(key, "in-vault", t.Key("vault", aws.ToString(r.BackupVaultName)))
				t.Relate(key, "encrypted-with", t.KMSKey(aws.ToString(r.EncryptionKeyArn)))
			}))
	})
	return cmp.Or(err, listErr.Err())
}
