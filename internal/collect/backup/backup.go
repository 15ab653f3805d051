// Package backup collects AWS Backup vaults, plans and their resource
// selections, the resources they protect, restore testing plans, and Backup
// Audit Manager frameworks and report plans.
package backup

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/backup"
	"github.com/aws/aws-sdk-go-v2/service/backup/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the AWS Backup collector.
var Service = &collect.Service{
	Name:        "backup",
	Description: "AWS Backup vaults, plans, selections, protected resources, restore testing, audit frameworks and report plans",
	Types: []collect.Type{
		{Name: "vault", Description: "backup vault (id = vault name)", Fields: vaultFields.Declared(), Tags: collect.TagsPerResource, Collect: vaults, DetailCalls: 1},
		{Name: "plan", Description: "backup plan (id = plan id)", Fields: planFields.Declared(), Tags: collect.TagsPerResource, Collect: plans, DetailCalls: 1},
		{Name: "backup-selection", Description: "resource assignment of a backup plan (id = plan id/selection id)", Fields: selectionFields.Declared(),
			Tags: collect.NotTaggable, Collect: selections, DetailCalls: 1},
		{Name: "protected-resource", Description: "resource AWS Backup has backed up (id = the resource's ARN), with its last backup",
			Fields: protectedFields.Declared(), Tags: collect.NotTaggable, Collect: protectedResources},
		{Name: "recovery-point", Description: "backup in a vault (id = its ARN): what it backs up, size, encryption, expiry", Fields: recoveryPointFields.Declared(),
			Tags: collect.TagsPerResource, Collect: recoveryPoints, DetailCalls: 1},
		{Name: "restore-testing-plan", Description: "restore testing plan (id = name)", Fields: restoreTestingPlanFields.Declared(),
			Tags: collect.TagsPerResource, Collect: restoreTestingPlans, DetailCalls: 1},
		{Name: "framework", Description: "Backup Audit Manager framework (id = name)", Fields: frameworkFields.Declared(), Tags: collect.TagsPerResource, Collect: frameworks, DetailCalls: 1},
		{Name: "report-plan", Description: "Backup Audit Manager report plan (id = name)", Fields: reportPlanFields.Declared(), Tags: collect.TagsPerResource, Collect: reportPlans, DetailCalls: 1},
	},
	Calls: "ListBackupVaults once for vault and recovery-point, ListBackupPlans once for plan and backup-selection; vault: per vault ListTags. plan: per plan ListTags. " +
		"backup-selection: per plan ListBackupSelections. protected-resource: ListProtectedResources. recovery-point: per vault ListRecoveryPointsByBackupVault + per point ListTags. " +
		"restore-testing-plan, framework, report-plan: List* + per resource ListTags",
	Relations: []collect.Relation{
		{From: "vault", Kind: "encrypted-with", To: "kms/key"},
		{From: "backup-selection", Kind: "selection-of", To: "backup/plan"},
		{From: "backup-selection", Kind: "assumes-role", To: "iam/role"},
		{From: "protected-resource", Kind: "backed-up-in", To: "backup/vault"},
		{From: "recovery-point", Kind: "in-vault", To: "backup/vault"},
		{From: "recovery-point", Kind: "encrypted-with", To: "kms/key"},
		{From: "report-plan", Kind: "delivers-to", To: "s3/bucket"},
	},
}

var vaultFields = collect.Fields[types.BackupVaultListMember]{
	collect.Text("encryption_key_arn", "KMS key encrypting the recovery points", func(v types.BackupVaultListMember) *string { return v.EncryptionKeyArn }),
	collect.Enum("encryption_key_type", "AWS_OWNED_KMS_KEY or CUSTOMER_MANAGED_KMS_KEY", func(v types.BackupVaultListMember) types.EncryptionKeyType { return v.EncryptionKeyType }),
	collect.Bool("locked", "Vault Lock protects recovery points from deletion", func(v types.BackupVaultListMember) *bool { return v.Locked }),
	collect.Timestamp("lock_date", "when the lock becomes immutable (compliance mode)", func(v types.BackupVaultListMember) *time.Time { return v.LockDate }),
	collect.Int("min_retention_days", "Vault Lock minimum retention", func(v types.BackupVaultListMember) *int64 { return v.MinRetentionDays }),
	collect.Int("max_retention_days", "Vault Lock maximum retention", func(v types.BackupVaultListMember) *int64 { return v.MaxRetentionDays }),
	collect.Computed("recovery_points", model.Integer, "recovery points stored", func(v types.BackupVaultListMember) any { return v.NumberOfRecoveryPoints }),
	collect.Enum("vault_type", "BACKUP_VAULT, LOGICALLY_AIR_GAPPED_BACKUP_VAULT or RESTORE_ACCESS_BACKUP_VAULT", func(v types.BackupVaultListMember) types.VaultType { return v.VaultType }),
}

// vaultList are the region's vaults, listed once for the vault and
// recovery-point types.
func vaultList(ctx context.Context, t *collect.Task, api *backup.Client) ([]types.BackupVaultListMember, error) {
	p := backup.NewListBackupVaultsPaginator(api, &backup.ListBackupVaultsInput{MaxResults: t.PageSize(1000)})
	return collect.ReuseItems(ctx, t, "ListBackupVaults", p, func(page *backup.ListBackupVaultsOutput) []types.BackupVaultListMember { return page.BackupVaultList })
}

func vaults(ctx context.Context, t *collect.Task) error {
	api := backup.NewFromConfig(t.Config)
	list, err := vaultList(ctx, t, api)
	collect.ForEach(ctx, list, func(ctx context.Context, v types.BackupVaultListMember) {
		name := aws.ToString(v.BackupVaultName)
		key := t.Key("vault", name)
		emitTagged(ctx, t, api, &model.Resource{Key: key, ARN: aws.ToString(v.BackupVaultArn), Name: name,
			CreatedAt: model.Time(v.CreationDate), Details: vaultFields.Details(v)})
		t.Relate(key, "encrypted-with", t.KMSKey(aws.ToString(v.EncryptionKeyArn)))
	})
	return err
}

var planFields = collect.Fields[types.BackupPlansListMember]{
	collect.Timestamp("last_execution", "last time a backup job of the plan ran", func(p types.BackupPlansListMember) *time.Time { return p.LastExecutionDate }),
	collect.Text("version_id", "current version of the plan", func(p types.BackupPlansListMember) *string { return p.VersionId }),
}

// planList are the region's backup plans, listed once for the plan and
// backup-selection types.
func planList(ctx context.Context, t *collect.Task, api *backup.Client) ([]types.BackupPlansListMember, error) {
	p := backup.NewListBackupPlansPaginator(api, &backup.ListBackupPlansInput{MaxResults: t.PageSize(1000)})
	return collect.ReuseItems(ctx, t, "ListBackupPlans", p, func(page *backup.ListBackupPlansOutput) []types.BackupPlansListMember { return page.BackupPlansList })
}

func plans(ctx context.Context, t *collect.Task) error {
	api := backup.NewFromConfig(t.Config)
	list, err := planList(ctx, t, api)
	collect.ForEach(ctx, list, func(ctx context.Context, p types.BackupPlansListMember) {
		emitTagged(ctx, t, api, &model.Resource{Key: t.Key("plan", aws.ToString(p.BackupPlanId)), ARN: aws.ToString(p.BackupPlanArn),
			Name: aws.ToString(p.BackupPlanName), CreatedAt: model.Time(p.CreationDate), Details: planFields.Details(p)})
	})
	return err
}

// emitTagged reads r's tags (ListTags on its ARN), then emits it; a failed
// tag call is a warning and r is emitted without tags.
func emitTagged(ctx context.Context, t *collect.Task, api *backup.Client, r *model.Resource) {
	r.Tags = map[string]string{}
	p := backup.NewListTagsPaginator(api, &backup.ListTagsInput{ResourceArn: aws.String(r.ARN)})
	t.Warn("ListTags", collect.EachPage(ctx, p, func(page *backup.ListTagsOutput) error {
		for k, v := range page.Tags {
			r.Tags[k] = v
		}
		return nil
	}))
	t.Emit(r)
}
