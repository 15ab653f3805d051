package ssm

import (
	"context"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsssm "github.com/aws/aws-sdk-go-v2/service/ssm"
	ssmtypes "github.com/aws/aws-sdk-go-v2/service/ssm/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

func overview(a ssmtypes.Association) ssmtypes.AssociationOverview {
	if a.Overview == nil {
		return ssmtypes.AssociationOverview{}
	}
	return *a.Overview
}

var associationFields = collect.Fields[ssmtypes.Association]{
	collect.Text("document", "SSM document the association applies", func(a ssmtypes.Association) *string { return a.Name }),
	collect.Text("document_version", "document version applied ($DEFAULT, $LATEST or a number)", func(a ssmtypes.Association) *string { return a.DocumentVersion }),
	collect.Text("schedule", "cron or rate expression; empty when it runs once", func(a ssmtypes.Association) *string { return a.ScheduleExpression }),
	collect.Timestamp("last_execution", "last time it ran", func(a ssmtypes.Association) *time.Time { return a.LastExecutionDate }),
	collect.Computed("status", model.Text, "Pending, Success or Failed", func(a ssmtypes.Association) any { return aws.ToString(overview(a).Status) }),
	collect.Computed("detailed_status", model.Text, "detailed status of the last run", func(a ssmtypes.Association) any { return aws.ToString(overview(a).DetailedStatus) }),
	collect.Computed("targets", model.JSON, "targets as {key: values}, e.g. {\"tag:Env\": [\"prod\"]}", func(a ssmtypes.Association) any {
		out := map[string][]string{}
		for _, tg := range a.Targets {
			out[aws.ToString(tg.Key)] = append(out[aws.ToString(tg.Key)], tg.Values...)
		}
		return out
	}),
}

// ownDocument reports whether an association's document can be one of the
// account's: AWS's documents are named AWS-..., AWSSupport-..., Amazon...,
// and other accounts' are named by ARN.
func ownDocument(name string) bool {
	return name != "" && !strings.HasPrefix(name, "AWS") && !strings.HasPrefix(name, "Amazon") && !strings.HasPrefix(name, "arn:")
}

func associations(ctx context.Context, t *collect.Task) error {
	api := client(t)
	p := awsssm.NewListAssociationsPaginator(api, &awsssm.ListAssociationsInput{MaxResults: t.PageSize(50)})
	return collect.EachItem(ctx, p, func(page *awsssm.ListAssociationsOutput) []ssmtypes.Association { return page.Associations },
		func(ctx context.Context, a ssmtypes.Association) {
			id := aws.ToString(a.AssociationId)
			key := t.Key("association", id)
			name := aws.ToString(a.AssociationName)
			if name == "" {
				name = aws.ToString(a.Name)
			}
			emitTagged(ctx, t, api, ssmtypes.ResourceTypeForTaggingAssociation, a.AssociationId, &model.Resource{Key: key, Name: name,
				ARN: collect.ARN(t, "ssm", "", "association/"+id), Details: associationFields.Details(a)})
			if doc := aws.ToString(a.Name); ownDocument(doc) {
				t.Relate(key, "applies", t.Key("document", doc))
			}
			t.Relate(key, "targets", t.Ref("ec2", "instance", aws.ToString(a.InstanceId)))
			for _, tg := range a.Targets {
				if aws.ToString(tg.Key) == "InstanceIds" {
					for _, instance := range tg.Values {
						t.Relate(key, "targets", t.Ref("ec2", "instance", instance))
					}
				}
			}
		})
}

func syncDestination(s ssmtypes.ResourceDataSyncItem) ssmtypes.ResourceDataSyncS3Destination {
	if s.S3Destination == nil {
		return ssmtypes.ResourceDataSyncS3Destination{}
	}
	return *s.S3Destination
}

func syncSource(s ssmtypes.ResourceDataSyncItem) ssmtypes.ResourceDataSyncSourceWithState {
	if s.SyncSource == nil {
		return ssmtypes.ResourceDataSyncSourceWithState{}
	}
	return *s.SyncSource
}

var dataSyncFields = collect.Fields[ssmtypes.ResourceDataSyncItem]{
	collect.Text("sync_type", "SyncToDestination (inventory to S3) or SyncFromSource (OpsData from accounts and regions)", func(s ssmtypes.ResourceDataSyncItem) *string { return s.SyncType }),
	collect.Computed("bucket", model.Text, "S3 bucket the inventory is written to", func(s ssmtypes.ResourceDataSyncItem) any { return aws.ToString(syncDestination(s).BucketName) }),
	collect.Computed("bucket_region", model.Text, "region of the bucket", func(s ssmtypes.ResourceDataSyncItem) any { return aws.ToString(syncDestination(s).Region) }),
	collect.Computed("prefix", model.Text, "key prefix in the bucket", func(s ssmtypes.ResourceDataSyncItem) any { return aws.ToString(syncDestination(s).Prefix) }),
	collect.Computed("kms_key", model.Text, "KMS key encrypting the synced data", func(s ssmtypes.ResourceDataSyncItem) any { return aws.ToString(syncDestination(s).AWSKMSKeyARN) }),
	collect.Computed("source_type", model.Text, "AWS Organizations or SingleAccountMultiRegions (SyncFromSource)", func(s ssmtypes.ResourceDataSyncItem) any { return aws.ToString(syncSource(s).SourceType) }),
	collect.Computed("source_regions", model.JSON, "regions synced from (SyncFromSource)", func(s ssmtypes.ResourceDataSyncItem) any { return append([]string{}, syncSource(s).SourceRegions...) }),
	collect.Enum("last_status", "Successful, Failed or InProgress", func(s ssmtypes.ResourceDataSyncItem) ssmtypes.LastResourceDataSyncStatus { return s.LastStatus }),
	collect.Timestamp("last_sync", "last sync attempt", func(s ssmtypes.ResourceDataSyncItem) *time.Time { return s.LastSyncTime }),
	collect.Timestamp("last_successful_sync", "last successful sync", func(s ssmtypes.ResourceDataSyncItem) *time.Time { return s.LastSuccessfulSyncTime }),
}

func resourceDataSyncs(ctx context.Context, t *collect.Task) error {
	p := awsssm.NewListResourceDataSyncPaginator(client(t), &awsssm.ListResourceDataSyncInput{MaxResults: t.PageSize(50)})
	return collect.EachPage(ctx, p, func(page *awsssm.ListResourceDataSyncOutput) error {
		for _, s := range page.ResourceDataSyncItems {
			name := aws.ToString(s.SyncName)
			key := t.Key("resource-data-sync", name)
			t.Emit(&model.Resource{Key: key, Name: name, ARN: collect.ARN(t, "ssm", "", "resource-data-sync/"+name),
				CreatedAt: model.Time(s.SyncCreatedTime), Details: dataSyncFields.Details(s)})
			dst := syncDestination(s)
			t.RelateByName(key, "writes-to", "s3", "bucket", aws.ToString(dst.BucketName), aws.ToString(dst.Region))
			t.Relate(key, "encrypted-with", t.KMSKey(aws.ToString(dst.AWSKMSKeyARN)))
		}
		return nil
	})
}
