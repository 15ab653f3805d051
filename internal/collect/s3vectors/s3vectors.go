// Package s3vectors collects S3 vector buckets and their vector indexes.
// Vectors themselves are data, never read.
package s3vectors

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3vectors"
	"github.com/aws/aws-sdk-go-v2/service/s3vectors/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the S3 Vectors collector.
var Service = &collect.Service{
	Name:        "s3vectors",
	Description: "S3 vector buckets and vector indexes",
	Types: []collect.Type{
		{Name: "vector-bucket", Description: "S3 vector bucket (id = name): encryption and bucket policy", Fields: bucketFields.Declared(),
			Tags: collect.TagsPerResource, Collect: vectorBuckets, DetailCalls: 3},
		{Name: "index", Description: "vector index of a vector bucket (id = BUCKET/INDEX): dimension, distance metric, encryption",
			Fields: indexFields.Declared(), Tags: collect.TagsPerResource, Collect: indexes, DetailCalls: 2},
	},
	Calls: "ListVectorBuckets once for all types; vector-bucket: per bucket GetVectorBucket, GetVectorBucketPolicy, ListTagsForResource. " +
		"index: per bucket ListIndexes + per index GetIndex, ListTagsForResource",
	Relations: []collect.Relation{
		{From: "vector-bucket", Kind: "encrypted-with", To: "kms/key"},
		{From: "index", Kind: "in", To: "s3vectors/vector-bucket"},
		{From: "index", Kind: "encrypted-with", To: "kms/key"},
	},
}

// tags reads a resource's tags; a failure is a warning and leaves them unknown.
func tags(ctx context.Context, t *collect.Task, api *s3vectors.Client, arn *string) map[string]string {
	out, err := api.ListTagsForResource(ctx, &s3vectors.ListTagsForResourceInput{ResourceArn: arn})
	t.Warn("ListTagsForResource", err)
	if err != nil {
		return nil
	}
	return out.Tags
}

// encryptionFields are the encryption fields of buckets and indexes.
func encryptionFields[T any](enc func(T) (*types.EncryptionConfiguration, bool)) collect.Fields[T] {
	return collect.Fields[T]{
		collect.Enum("sse_type", "AES256 (S3-managed keys) or aws:kms; empty when unknown", func(v T) types.SseType {
			if e, _ := enc(v); e != nil {
				return e.SseType
			}
			return ""
		}),
		collect.Computed("kms_key_arn", model.Text, "KMS key of aws:kms encryption", func(v T) any {
			e, known := enc(v)
			if !known {
				return nil
			}
			if e == nil {
				return ""
			}
			return aws.ToString(e.KmsKeyArn)
		}),
	}
}

// relateKey records the KMS key of enc, if any.
func relateKey(t *collect.Task, key model.Key, enc *types.EncryptionConfiguration) {
	if enc != nil {
		t.Relate(key, "encrypted-with", t.KMSKey(aws.ToString(enc.KmsKeyArn)))
	}
}

// bucket is a vector bucket with what its detail calls found: nil when
// the call failed (or, for the policy, when there is none).
type bucket struct {
	detail *types.VectorBucket
	policy *string
}

func hasPolicy(b bucket) bool { return b.policy != nil }

var bucketFields = append(encryptionFields(func(b bucket) (*types.EncryptionConfiguration, bool) {
	if b.detail == nil {
		return nil, false
	}
	return b.detail.EncryptionConfiguration, true
}), collect.When(hasPolicy, collect.Computed("policy", model.JSON, "bucket policy; null when there is none", func(b bucket) any {
	return collect.PolicyJSON(*b.policy)
})))

// eachBucket runs fn on every vector bucket, concurrently; the buckets are
// listed once for both types.
func eachBucket(ctx context.Context, t *collect.Task, api *s3vectors.Client, fn func(ctx context.Context, b types.VectorBucketSummary)) error {
	p := s3vectors.NewListVectorBucketsPaginator(api, &s3vectors.ListVectorBucketsInput{MaxResults: t.PageSize(500)})
	buckets, err := collect.ReuseItems(ctx, t, "ListVectorBuckets", p, func(page *s3vectors.ListVectorBucketsOutput) []types.VectorBucketSummary {
		return page.VectorBuckets
	})
	collect.ForEach(ctx, buckets, fn)
	return err
}

func vectorBuckets(ctx context.Context, t *collect.Task) error {
	api := s3vectors.NewFromConfig(t.Config)
	return eachBucket(ctx, t, api, func(ctx context.Context, s types.VectorBucketSummary) {
		var b bucket
		out, err := api.GetVectorBucket(ctx, &s3vectors.GetVectorBucketInput{VectorBucketName: s.VectorBucketName})
		t.Warn("GetVectorBucket", err)
		if err == nil {
			b.detail = out.VectorBucket
		}
		pol, err := api.GetVectorBucketPolicy(ctx, &s3vectors.GetVectorBucketPolicyInput{VectorBucketName: s.VectorBucketName})
		t.Warn("GetVectorBucketPolicy", err) // not found: no policy
		if err == nil {
			b.policy = pol.Policy
		}
		name := aws.ToString(s.VectorBucketName)
		key := t.Key("vector-bucket", name)
		t.Emit(&model.Resource{Key: key, Name: name, ARN: aws.ToString(s.VectorBucketArn), CreatedAt: model.Time(s.CreationTime),
			Tags: tags(ctx, t, api, s.VectorBucketArn), Details: bucketFields.Details(b)})
		if b.detail != nil {
			relateKey(t, key, b.detail.EncryptionConfiguration)
		}
	})
}

// index is an index's summary with its GetIndex answer (nil when that failed).
type index struct {
	types.IndexSummary
	detail *types.Index
}

func hasIndexDetail(i index) bool { return i.detail != nil }

var indexFields = append(collect.Fields[index]{
	collect.Text("vector_bucket", "vector bucket of the index", func(i index) *string { return i.VectorBucketName }),
	collect.When(hasIndexDetail, collect.Int("dimension", "dimensions of the vectors", func(i index) *int32 { return i.detail.Dimension })),
	collect.Enum("distance_metric", "euclidean or cosine", func(i index) types.DistanceMetric {
		if i.detail == nil {
			return ""
		}
		return i.detail.DistanceMetric
	}),
	collect.Enum("data_type", "vector data type", func(i index) types.DataType {
		if i.detail == nil {
			return ""
		}
		return i.detail.DataType
	}),
}, encryptionFields(func(i index) (*types.EncryptionConfiguration, bool) {
	if i.detail == nil {
		return nil, false
	}
	return i.detail.EncryptionConfiguration, true
})...)

func indexesOf(p *s3vectors.ListIndexesOutput) []types.IndexSummary { return p.Indexes }

// indexes: a bucket whose indexes cannot be listed fails the collection
// once the other buckets' indexes are stored.
func indexes(ctx context.Context, t *collect.Task) error {
	api := s3vectors.NewFromConfig(t.Config)
	var listErr collect.FirstErr
	err := eachBucket(ctx, t, api, func(ctx context.Context, b types.VectorBucketSummary) {
		p := s3vectors.NewListIndexesPaginator(api, &s3vectors.ListIndexesInput{VectorBucketName: b.VectorBucketName, MaxResults: t.PageSize(500)})
		listErr.Keep(collect.EachItem(ctx, p, indexesOf, func(ctx context.Context, s types.IndexSummary) {
			i := index{IndexSummary: s}
			out, err := api.GetIndex(ctx, &s3vectors.GetIndexInput{VectorBucketName: s.VectorBucketName, IndexName: s.IndexName})
			t.Warn("GetIndex", err)
			if err == nil {
				i.detail = out.Index
			}
			bucketName := aws.ToString(b.VectorBucketName)
			key := t.Key("index", bucketName+"/"+aws.ToString(s.IndexName))
			t.Emit(&model.Resource{Key: key, Name: aws.ToString(s.IndexName), ARN: aws.ToString(s.IndexArn), CreatedAt: model.Time(s.CreationTime),
				Tags: tags(ctx, t, api, s.IndexArn), Details: indexFields.Details(i)})
			t.Relate(key, "in", t.Key("vector-bucket", bucketName))
			if i.detail != nil {
				relateKey(t, key, i.detail.EncryptionConfiguration)
			}
		}))
	})
	if err != nil {
		return err
	}
	return listErr.Err()
}
