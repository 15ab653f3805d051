package dynamodb

import (
	"context"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

var backupFields = collect.Fields[types.BackupSummary]{
	collect.Text("table_name", "table the backup was taken of", func(b types.BackupSummary) *string { return b.TableName }),
	collect.Enum("status", "CREATING, AVAILABLE or DELETED", func(b types.BackupSummary) types.BackupStatus { return b.BackupStatus }),
	collect.Enum("backup_type", "USER (on demand), SYSTEM (kept when a table was deleted) or AWS_BACKUP", func(b types.BackupSummary) types.BackupType { return b.BackupType }),
	collect.Int("size_bytes", "size of the backup in bytes", func(b types.BackupSummary) *int64 { return b.BackupSizeBytes }),
	collect.Timestamp("expires_at", "when a SYSTEM backup expires, if it does", func(b types.BackupSummary) *time.Time { return b.BackupExpiryDateTime }),
}

// backups lists every kind of backup, system backups of deleted tables
// included: they are kept (and billed) until they expire.
func backups(ctx context.Context, t *collect.Task) error {
	api := dynamodb.NewFromConfig(t.Config)
	p := collect.NewTokenPager(func(ctx context.Context, token *string, optFns ...func(*dynamodb.Options)) (*dynamodb.ListBackupsOutput, error) {
		return api.ListBackups(ctx, &dynamodb.ListBackupsInput{BackupType: types.BackupTypeFilterAll, ExclusiveStartBackupArn: token, Limit: t.PageSize(100)}, optFns...)
	}, func(out *dynamodb.ListBackupsOutput) *string { return out.LastEvaluatedBackupArn })
	return collect.EachPage(ctx, p, func(page *dynamodb.ListBackupsOutput) error {
		for _, b := range page.BackupSummaries {
			arn := aws.ToString(b.BackupArn)
			key := t.Key("backup", tableChildID(arn))
			t.Emit(&model.Resource{Key: key, ARN: arn, Name: aws.ToString(b.BackupName), CreatedAt: model.Time(b.BackupCreationDateTime),
				Details: backupFields.Details(b)})
			t.Relate(key, "backup-of", t.Key("table", aws.ToString(b.TableName)))
		}
		return nil
	})
}

// tableChildID is the id of a backup, export or import: its table's name
// and its own id, read from its ARN
// (arn:aws:dynamodb:r:a:table/orders/backup/01234-abc -> orders/01234-abc).
func tableChildID(arn string) string {
	_, res, ok := strings.Cut(arn, ":table/")
	if !ok {
		return arn
	}
	parts := strings.Split(res, "/")
	if len(parts) < 3 {
		return res
	}
	return parts[0] + "/" + parts[len(parts)-1]
}

// tableName is the table name of a table ARN (or of an ARN below a table).
func tableName(arn string) string {
	_, res, _ := strings.Cut(arn, ":table/")
	name, _, _ := strings.Cut(res, "/")
	return name
}
