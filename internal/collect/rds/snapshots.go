package rds

import (
	"context"
	"slices"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/rds"
	"github.com/aws/aws-sdk-go-v2/service/rds/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Automated snapshots come and go daily with the backup window; only
// manual ones are resources someone manages (retained automated backups
// are the db-instance-automated-backup type).
const manual = "manual"

// snapshot is a manual snapshot with its "restore" attribute; public is
// nil when the attribute could not be read.
type snapshot[S any] struct {
	S      S
	public *bool
}

func hasRestoreAttribute[S any](s snapshot[S]) bool { return s.public != nil }

// sharedPublicly is the field of snapshot types: whether every AWS
// account may restore it.
func sharedPublicly[S any]() collect.Field[snapshot[S]] {
	return collect.When(hasRestoreAttribute[S], collect.Bool("shared_publicly", "any AWS account may restore it (restore attribute contains \"all\")",
		func(s snapshot[S]) *bool { return s.public }))
}

// restorableByAll reports whether the "restore" attribute among attrs (name,
// values) lists "all", i.e. every AWS account can copy or restore it.
func restorableByAll[A any](attrs []A, nameValues func(A) (*string, []string)) *bool {
	public := false
	for _, a := range attrs {
		name, values := nameValues(a)
		if aws.ToString(name) == "restore" && slices.Contains(values, "all") {
			public = true
		}
	}
	return &public
}

var dbSnapshotFields = collect.Fields[snapshot[types.DBSnapshot]]{
	collect.Text("engine", "database engine of the source instance", func(s snapshot[types.DBSnapshot]) *string { return s.S.Engine }),
	collect.Text("engine_version", "engine version of the source instance", func(s snapshot[types.DBSnapshot]) *string { return s.S.EngineVersion }),
	collect.Int("allocated_storage_gb", "allocated storage in GiB", func(s snapshot[types.DBSnapshot]) *int32 { return s.S.AllocatedStorage }),
	collect.Bool("encrypted", "snapshot is encrypted", func(s snapshot[types.DBSnapshot]) *bool { return s.S.Encrypted }),
	collect.Text("kms_key_id", "ARN of the KMS key encrypting the snapshot", func(s snapshot[types.DBSnapshot]) *string { return s.S.KmsKeyId }),
	collect.Text("status", "available, creating, ...", func(s snapshot[types.DBSnapshot]) *string { return s.S.Status }),
	collect.Timestamp("snapshot_create_time", "when the snapshot was taken", func(s snapshot[types.DBSnapshot]) *time.Time { return s.S.SnapshotCreateTime }),
	collect.Text("db_instance_id", "instance the snapshot was taken from", func(s snapshot[types.DBSnapshot]) *string { return s.S.DBInstanceIdentifier }),
	sharedPublicly[types.DBSnapshot](),
}

func snapshots(ctx context.Context, t *collect.Task) error {
	api := client(t)
	p := rds.NewDescribeDBSnapshotsPaginator(api, &rds.DescribeDBSnapshotsInput{SnapshotType: aws.String(manual), MaxRecords: t.PageSize(maxRecords)})
	return collect.EachItem(ctx, p, func(page *rds.DescribeDBSnapshotsOutput) []types.DBSnapshot { return page.DBSnapshots },
		func(ctx context.Context, s types.DBSnapshot) {
			item := snapshot[types.DBSnapshot]{S: s}
			out, err := api.DescribeDBSnapshotAttributes(ctx, &rds.DescribeDBSnapshotAttributesInput{DBSnapshotIdentifier: s.DBSnapshotIdentifier})
			t.Warn("DescribeDBSnapshotAttributes", err)
			if err == nil && out.DBSnapshotAttributesResult != nil {
				item.public = restorableByAll(out.DBSnapshotAttributesResult.DBSnapshotAttributes, func(a types.DBSnapshotAttribute) (*string, []string) {
					return a.AttributeName, a.AttributeValues
				})
			}
			id := aws.ToString(s.DBSnapshotIdentifier)
			key := t.Key("db-snapshot", id)
			t.Emit(&model.Resource{Key: key, ARN: aws.ToString(s.DBSnapshotArn), Name: id, CreatedAt: model.Time(s.SnapshotCreateTime),
				Tags: tags(s.TagList), Details: dbSnapshotFields.Details(item)})
			t.Relate(key, "created-from", t.Key("db-instance", aws.ToString(s.DBInstanceIdentifier)))
			t.Relate(key, "encrypted-with", t.KMSKey(aws.ToString(s.KmsKeyId)))
		})
}

var clusterSnapshotFields = collect.Fields[snapshot[types.DBClusterSnapshot]]{
	collect.Text("engine", "database engine of the source cluster", func(s snapshot[types.DBClusterSnapshot]) *string { return s.S.Engine }),
	collect.Text("engine_version", "engine version of the source cluster", func(s snapshot[types.DBClusterSnapshot]) *string { return s.S.EngineVersion }),
	collect.Int("allocated_storage_gb", "allocated storage in GiB", func(s snapshot[types.DBClusterSnapshot]) *int32 { return s.S.AllocatedStorage }),
	collect.Bool("storage_encrypted", "snapshot is encrypted", func(s snapshot[types.DBClusterSnapshot]) *bool { return s.S.StorageEncrypted }),
	collect.Text("kms_key_id", "ARN of the KMS key encrypting the snapshot", func(s snapshot[types.DBClusterSnapshot]) *string { return s.S.KmsKeyId }),
	collect.Text("status", "available, creating, copying, ...", func(s snapshot[types.DBClusterSnapshot]) *string { return s.S.Status }),
	collect.Text("db_cluster_id", "cluster the snapshot was taken from", func(s snapshot[types.DBClusterSnapshot]) *string { return s.S.DBClusterIdentifier }),
	collect.Text("vpc_id", "VPC of the source cluster", func(s snapshot[types.DBClusterSnapshot]) *string { return s.S.VpcId }),
	sharedPublicly[types.DBClusterSnapshot](),
}

// ClusterSnapshotType is the family's manual cluster snapshot type.
func (f Family) ClusterSnapshotType(description string) collect.Type {
	return collect.Type{Name: f.ClusterSnapshot, Description: description, Fields: clusterSnapshotFields.Declared(), Tags: collect.TagsListed, DetailCalls: 1,
		Collect: func(ctx context.Context, t *collect.Task) error {
			api := client(t)
			p := rds.NewDescribeDBClusterSnapshotsPaginator(api, &rds.DescribeDBClusterSnapshotsInput{
				SnapshotType: aws.String(manual), Filters: f.filters(), MaxRecords: t.PageSize(maxRecords)})
			return collect.EachItem(ctx, p, func(page *rds.DescribeDBClusterSnapshotsOutput) []types.DBClusterSnapshot {
				return page.DBClusterSnapshots
			},
				func(ctx context.Context, s types.DBClusterSnapshot) {
					if f.owns(s.Engine) {
						f.emitClusterSnapshot(ctx, t, api, s)
					}
				})
		}}
}

func (f Family) emitClusterSnapshot(ctx context.Context, t *collect.Task, api *rds.Client, s types.DBClusterSnapshot) {
	item := snapshot[types.DBClusterSnapshot]{S: s}
	out, err := api.DescribeDBClusterSnapshotAttributes(ctx, &rds.DescribeDBClusterSnapshotAttributesInput{DBClusterSnapshotIdentifier: s.DBClusterSnapshotIdentifier})
	t.Warn("DescribeDBClusterSnapshotAttributes", err)
	if err == nil && out.DBClusterSnapshotAttributesResult != nil {
		item.public = restorableByAll(out.DBClusterSnapshotAttributesResult.DBClusterSnapshotAttributes, func(a types.DBClusterSnapshotAttribute) (*string, []string) {
			return a.AttributeName, a.AttributeValues
		})
	}
	id := aws.ToString(s.DBClusterSnapshotIdentifier)
	key := t.Key(f.ClusterSnapshot, id)
	t.Emit(&model.Resource{Key: key, ARN: aws.ToString(s.DBClusterSnapshotArn), Name: id, CreatedAt: model.Time(s.SnapshotCreateTime),
		Tags: tags(s.TagList), Details: clusterSnapshotFields.Details(item)})
	t.Relate(key, "created-from", t.Key(f.Cluster, aws.ToString(s.DBClusterIdentifier)))
	t.Relate(key, "encrypted-with", t.KMSKey(aws.ToString(s.KmsKeyId)))
}

func restoreWindow(b types.DBInstanceAutomatedBackup) types.RestoreWindow {
	if b.RestoreWindow == nil {
		return types.RestoreWindow{}
	}
	return *b.RestoreWindow
}

var automatedBackupFields = collect.Fields[types.DBInstanceAutomatedBackup]{
	collect.Text("db_instance_id", "instance the backups are of (it may have been deleted)", func(b types.DBInstanceAutomatedBackup) *string { return b.DBInstanceIdentifier }),
	collect.Text("status", "active (instance exists), retained (instance deleted) or creating", func(b types.DBInstanceAutomatedBackup) *string { return b.Status }),
	collect.Text("engine", "database engine", func(b types.DBInstanceAutomatedBackup) *string { return b.Engine }),
	collect.Text("engine_version", "engine version", func(b types.DBInstanceAutomatedBackup) *string { return b.EngineVersion }),
	collect.Int("allocated_storage_gb", "allocated storage of the instance in GiB", func(b types.DBInstanceAutomatedBackup) *int32 { return b.AllocatedStorage }),
	collect.Bool("encrypted", "the backups are encrypted", func(b types.DBInstanceAutomatedBackup) *bool { return b.Encrypted }),
	collect.Text("kms_key_id", "ARN of the KMS key encrypting the backups", func(b types.DBInstanceAutomatedBackup) *string { return b.KmsKeyId }),
	collect.Int("backup_retention_days", "retention of the automated backups in days", func(b types.DBInstanceAutomatedBackup) *int32 { return b.BackupRetentionPeriod }),
	collect.Computed("earliest_restorable_time", model.Timestamp, "earliest point in time the backups restore to", func(b types.DBInstanceAutomatedBackup) any {
		return model.Time(restoreWindow(b).EarliestTime)
	}),
	collect.Computed("latest_restorable_time", model.Timestamp, "latest point in time the backups restore to", func(b types.DBInstanceAutomatedBackup) any {
		return model.Time(restoreWindow(b).LatestTime)
	}),
	collect.Text("source_region", "region of the source instance (replicated backups come from another)", func(b types.DBInstanceAutomatedBackup) *string { return b.Region }),
}

// automatedBackups: an instance's automated backups, kept after the
// instance is deleted when it was asked to ("retained"): they cost storage
// with nothing else showing them. id = the instance's resource id
// (db-...), which a re-created instance of the same name does not share.
func automatedBackups(ctx context.Context, t *collect.Task) error {
	p := rds.NewDescribeDBInstanceAutomatedBackupsPaginator(client(t), &rds.DescribeDBInstanceAutomatedBackupsInput{MaxRecords: t.PageSize(maxRecords)})
	return collect.EachPage(ctx, p, func(page *rds.DescribeDBInstanceAutomatedBackupsOutput) error {
		for _, b := range page.DBInstanceAutomatedBackups {
			key := t.Key("db-instance-automated-backup", aws.ToString(b.DbiResourceId))
			t.Emit(&model.Resource{Key: key, ARN: aws.ToString(b.DBInstanceAutomatedBackupsArn), Name: aws.ToString(b.DBInstanceIdentifier),
				CreatedAt: model.Time(b.InstanceCreateTime), Tags: tags(b.TagList), Details: automatedBackupFields.Details(b)})
			if aws.ToString(b.Status) != "retained" {
				t.Relate(key, "backup-of", t.Key("db-instance", aws.ToString(b.DBInstanceIdentifier)))
			}
			t.Relate(key, "encrypted-with", t.KMSKey(aws.ToString(b.KmsKeyId)))
		}
		return nil
	})
}
