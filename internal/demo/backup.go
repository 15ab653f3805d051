package demo

import (
	"fmt"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/backup"
	bktypes "github.com/aws/aws-sdk-go-v2/service/backup/types"
)

// AWS Backup: vault 0 of a region is "Default" (AWS-owned key, not
// locked: backup-vaults-not-locked finds it); the others use the region's
// KMS key and a third are locked. Plans run daily
// or weekly; some have not run for weeks.
func init() {
	kinds = append(kinds,
		&kind{name: "backup.vault", weight: 0.08, max: 6, stable: true},
		&kind{name: "backup.plan", weight: 0.08, max: 10},
	)
	for _, k := range kinds {
		kindByName[k.name] = k
	}
	register("Backup", map[string]handler{"ListBackupVaults": bkVaults, "ListBackupPlans": bkPlans, "ListTags": bkTags})
}

func (c *call) bkVaultName(v int) string {
	if v == 0 {
		return "Default"
	}
	return fmt.Sprintf("%s-%s-vault-%02d", Accounts[c.acct].Env, []string{"daily", "compliance", "long-term"}[v%3], v)
}

func (c *call) bkPlanARN(p int) string {
	return c.arn("backup", "backup-plan:"+c.uuid("backup.plan", p))
}

func bkVaults(c *call) (any, error) {
	in := c.in.(*backup.ListBackupVaultsInput)
	items, next := c.list("backup.vault", in.NextToken, in.MaxResults, 1000)
	out := &backup.ListBackupVaultsOutput{NextToken: next}
	for _, v := range items {
		r, m := c.rng("backup.vault", v), c.mut("backup.vault", v)
		name := c.bkVaultName(v)
		vault := bktypes.BackupVaultListMember{BackupVaultName: aws.String(name), BackupVaultArn: aws.String(c.arn("backup", "backup-vault:"+name)),
			CreationDate: c.created("backup.vault", v), EncryptionKeyType: bktypes.EncryptionKeyTypeAwsOwnedKmsKey, Locked: aws.Bool(false),
			NumberOfRecoveryPoints: int64(m.intn(5000)), VaultType: bktypes.VaultTypeBackupVault, VaultState: bktypes.VaultStateAvailable,
			CreatorRequestId: aws.String(c.uuid("backup.vault.req", v))}
		if v > 0 {
			vault.EncryptionKeyType, vault.EncryptionKeyArn = bktypes.EncryptionKeyTypeCustomerManagedKmsKey, aws.String(c.kmsARN())
		}
		if v%3 == 1 || v > 0 && r.chance(0.1) {
			vault.Locked, vault.MinRetentionDays, vault.MaxRetentionDays = aws.Bool(true), aws.Int64(7), aws.Int64(int64([]int{35, 365, 2555}[r.intn(3)]))
			vault.LockDate = aws.Time(c.created("backup.vault", v).Add(72 * time.Hour))
		}
		out.BackupVaultList = append(out.BackupVaultList, vault)
	}
	return out, nil
}

func bkPlans(c *call) (any, error) {
	in := c.in.(*backup.ListBackupPlansInput)
	items, next := c.list("backup.plan", in.NextToken, in.MaxResults, 1000)
	out := &backup.ListBackupPlansOutput{NextToken: next}
	for _, p := range items {
		r, m := c.rng("backup.plan", p), c.mut("backup.plan", p)
		plan := bktypes.BackupPlansListMember{BackupPlanId: aws.String(c.uuid("backup.plan", p)), BackupPlanArn: aws.String(c.bkPlanARN(p)),
			BackupPlanName: aws.String(fmt.Sprintf("%s-%s-%04d", r.pick(projects), []string{"daily-35d", "weekly-1y", "hourly-7d"}[p%3], p)),
			CreationDate:   c.created("backup.plan", p), VersionId: aws.String(strings.ReplaceAll(c.uuid("backup.plan.version", p+c.v.version(c.acct, c.region, "backup.plan", p)), "-", "")[:32])}
		if !m.chance(0.1) {
			plan.LastExecutionDate = aws.Time(c.v.e.now.Add(-time.Duration(1+m.intn([]int{30, 200, 6}[p%3]*24)) * time.Hour))
		}
		out.BackupPlansList = append(out.BackupPlansList, plan)
	}
	return out, nil
}

func bkTags(c *call) (any, error) {
	arn := aws.ToString(c.in.(*backup.ListTagsInput).ResourceArn)
	var kind string
	var i int
	switch {
	case strings.Contains(arn, ":backup-plan:"):
		j, ok := c.uuidIndex("backup.plan", arn)
		if !ok || !c.alive("backup.plan", j) {
			return nil, notFound("ResourceNotFoundException", "Backup plan "+arn+" not found")
		}
		kind, i = "backup.plan", j
	case strings.HasSuffix(arn, ":backup-vault:Default") && c.alive("backup.vault", 0):
		kind = "backup.vault"
	default:
		j, err := c.index("backup.vault", arn, "ResourceNotFoundException")
		if err != nil {
			return nil, err
		}
		kind, i = "backup.vault", j
	}
	return &backup.ListTagsOutput{Tags: c.tagMap(kind, i, "")}, nil
}
