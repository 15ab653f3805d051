package all_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/backup"
	"github.com/aws/aws-sdk-go-v2/service/backup/types"

	"github.com/awsmap/awsmap/internal/awsx"
	collector "github.com/awsmap/awsmap/internal/collect/backup"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
)

var backupPaged = collecttest.Paged{Cap: 2}

func TestBackupVaultsAndPlans(t *testing.T) {
	collecttest.Setup(t)
	ctx := context.Background()
	cfg := collecttest.Config(t, region, nil)
	api := backup.NewFromConfig(cfg)
	kms := "arn:aws:kms:" + region + ":" + collecttest.MotoAccount + ":key/k-1"
	for i := range 3 {
		in := &backup.CreateBackupVaultInput{BackupVaultName: aws.String(fmt.Sprint("vault-", i)), BackupVaultTags: map[string]string{"Team": "dr"}}
		if i == 0 {
			in.EncryptionKeyArn = aws.String(kms)
		}
		if _, err := api.CreateBackupVault(ctx, in); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := api.PutBackupVaultLockConfiguration(ctx, &backup.PutBackupVaultLockConfigurationInput{BackupVaultName: aws.String("vault-0"),
		MinRetentionDays: aws.Int64(7), MaxRetentionDays: aws.Int64(365)}); err != nil {
		t.Fatal(err)
	}
	plan, err := api.CreateBackupPlan(ctx, &backup.CreateBackupPlanInput{BackupPlan: &types.BackupPlanInput{BackupPlanName: aws.String("daily"),
		Rules: []types.BackupRuleInput{{RuleName: aws.String("daily"), TargetBackupVaultName: aws.String("vault-0")}}},
		BackupPlanTags: map[string]string{"Team": "dr"}})
	if err != nil {
		t.Fatal(err)
	}

	// moto 5.2.1 answers ListTags with no tags for the SDK's requests (it
	// reads the ARN from the wrong path segment): canned, per ARN.
	cfg = collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){
		"ListTags": func(in any) (any, error) {
			return &backup.ListTagsOutput{Tags: map[string]string{"Team": "dr", "arn": aws.ToString(in.(*backup.ListTagsInput).ResourceArn)}}, nil
		},
	})})
	got := backupPaged.Run(t, cfg, collector.Service, "vault", region)
	if got.Err != nil {
		t.Fatal(got.Err)
	}
	collecttest.AssertNoWarnings(t, got)
	v := got.ByID()["vault-0"]
	if len(got.Resources) != 3 || v == nil {
		t.Fatalf("want 3 vaults over pages, got %d", len(got.Resources))
	}
	want := map[string]any{"encryption_key_arn": kms, "locked": true, "min_retention_days": int64(7), "max_retention_days": int64(365)}
	for k, w := range want {
		if v.Details[k] != w {
			t.Errorf("details[%s] = %v (%T), want %v", k, v.Details[k], v.Details[k], w)
		}
	}
	if v.Tags["Team"] != "dr" || v.Tags["arn"] != v.ARN || v.CreatedAt == "" || v.ARN != "arn:aws:backup:"+region+":"+collecttest.MotoAccount+":backup-vault:vault-0" {
		t.Errorf("vault: %s %v %q %v", v.ARN, v.Tags, v.CreatedAt, v.Details)
	}
	if got.ByID()["vault-1"].Details["locked"] != false {
		t.Errorf("vault-1 is not locked: %v", got.ByID()["vault-1"].Details)
	}
	collecttest.HasEdges(t, got, "vault-0 -encrypted-with-> kms/key:k-1")

	got = backupPaged.Run(t, cfg, collector.Service, "plan", region)
	p := got.ByID()[aws.ToString(plan.BackupPlanId)]
	if got.Err != nil || p == nil || p.Name != "daily" || p.Tags["Team"] != "dr" || p.Details["version_id"] == "" {
		t.Fatalf("plan: %v %s %v %v", got.Err, p.Name, p.Tags, p.Details)
	}
}

func TestBackupDenied(t *testing.T) {
	collecttest.Setup(t)
	for typ, op := range map[string]string{"vault": "ListBackupVaults", "plan": "ListBackupPlans"} {
		cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny(op)})
		collecttest.AssertDenied(t, backupPaged.Run(t, cfg, collector.Service, typ, region))
	}
	if _, err := backup.NewFromConfig(collecttest.Config(t, region, nil)).CreateBackupVault(context.Background(),
		&backup.CreateBackupVaultInput{BackupVaultName: aws.String("v"), BackupVaultTags: map[string]string{"Team": "dr"}}); err != nil {
		t.Fatal(err)
	}
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("ListTags")})
	got := backupPaged.Run(t, cfg, collector.Service, "vault", region)
	if got.Err != nil || len(got.Resources) != 1 || len(got.Task.Warnings()) != 1 {
		t.Errorf("want the vault, untagged, and a warning: %v %v", got.Err, got.Task.Warnings())
	}
}
