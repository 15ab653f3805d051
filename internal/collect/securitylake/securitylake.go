// Package securitylake collects the Amazon Security Lake data lake of each
// region. A region without one has Security Lake off: the collection is
// recorded unsupported with the code NotEnabled.
package securitylake

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/securitylake"
	"github.com/aws/aws-sdk-go-v2/service/securitylake/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the Security Lake collector.
var Service = &collect.Service{
	Name:        "securitylake",
	Description: "Amazon Security Lake data lakes",
	Types: []collect.Type{
		{Name: "data-lake", Description: "the region's data lake (id = region); none: unsupported, code NotEnabled",
			Fields: lakeFields.Declared(), Tags: collect.TagsPerResource, Collect: dataLakes, DetailCalls: 1},
	},
	Calls: "data-lake: ListDataLakes (the task's region) + per lake ListTagsForResource",
	Relations: []collect.Relation{
		{From: "data-lake", Kind: "stores-in", To: "s3/bucket"},
		{From: "data-lake", Kind: "encrypted-with", To: "kms/key"},
	},
}

func kmsKey(l types.DataLakeResource) string {
	if l.EncryptionConfiguration == nil {
		return ""
	}
	return aws.ToString(l.EncryptionConfiguration.KmsKeyId)
}

var lakeFields = collect.Fields[types.DataLakeResource]{
	collect.Enum("create_status", "INITIALIZED, PENDING, COMPLETED or FAILED", func(l types.DataLakeResource) types.DataLakeStatus { return l.CreateStatus }),
	collect.Text("s3_bucket_arn", "bucket the lake stores its data in", func(l types.DataLakeResource) *string { return l.S3BucketArn }),
	collect.Computed("kms_key_id", model.Text, "KMS key of the data; S3_MANAGED_KEY or empty when S3 managed", func(l types.DataLakeResource) any { return kmsKey(l) }),
	collect.Computed("expiration_days", model.Integer, "days data is kept; 0 when kept forever", func(l types.DataLakeResource) any {
		if c := l.LifecycleConfiguration; c != nil && c.Expiration != nil {
			return int64(aws.ToInt32(c.Expiration.Days))
		}
		return int64(0)
	}),
	collect.Computed("replication_regions", model.JSON, "regions the data is replicated to", func(l types.DataLakeResource) any {
		if c := l.ReplicationConfiguration; c != nil {
			return append([]string{}, c.Regions...)
		}
		return []string{}
	}),
}

func dataLakes(ctx context.Context, t *collect.Task) error {
	api := securitylake.NewFromConfig(t.Config)
	out, err := api.ListDataLakes(ctx, &securitylake.ListDataLakesInput{Regions: []string{t.Region}})
	if err != nil {
		return err
	}
	found := false
	for _, l := range out.DataLakes {
		if aws.ToString(l.Region) != t.Region {
			continue
		}
		found = true
		key := t.Key("data-lake", t.Region)
		r := &model.Resource{Key: key, ARN: aws.ToString(l.DataLakeArn), Details: lakeFields.Details(l)}
		if tags, err := api.ListTagsForResource(ctx, &securitylake.ListTagsForResourceInput{ResourceArn: l.DataLakeArn}); err != nil {
			t.Warn("ListTagsForResource", err)
		} else {
			r.Tags = collect.TagMap(tags.Tags, func(tg types.Tag) (*string, *string) { return tg.Key, tg.Value })
		}
		t.Emit(r)
		t.RelateByName(key, "stores-in", "s3", "bucket", collect.ARNResourceName(aws.ToString(l.S3BucketArn)), t.Region)
		t.Relate(key, "encrypted-with", t.KMSKey(kmsKey(l)))
	}
	if !found {
		return awsx.NotEnabled("ListDataLakes", "Amazon Security Lake", t.Region)
	}
	return nil
}
