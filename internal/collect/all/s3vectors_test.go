package all_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3vectors"
	"github.com/aws/aws-sdk-go-v2/service/s3vectors/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/s3vectors"
)

var s3vectorsPaged = collecttest.Paged{Cap: 2}

// tagsByARN answers ListTagsForResource, which moto lacks, with the
// resource's ARN as tag "arn".
var tagsByARN = map[string]func(any) (any, error){
	"ListTagsForResource": func(in any) (any, error) {
		arn := aws.ToString(in.(*s3vectors.ListTagsForResourceInput).ResourceArn)
		return &s3vectors.ListTagsForResourceOutput{Tags: map[string]string{"arn": arn}}, nil
	},
}

// seed creates buckets docs (KMS, with a policy) and images (default
// encryption), each with indexes small and large.
func s3vectorsSeed(t *testing.T, api *s3vectors.Client) {
	ctx := context.Background()
	_, err := api.CreateVectorBucket(ctx, &s3vectors.CreateVectorBucketInput{VectorBucketName: aws.String("docs"),
		EncryptionConfiguration: &types.EncryptionConfiguration{SseType: types.SseTypeAwsKms, KmsKeyArn: aws.String(key)}})
	check(t, err)
	_, err = api.CreateVectorBucket(ctx, &s3vectors.CreateVectorBucketInput{VectorBucketName: aws.String("images")})
	check(t, err)
	_, err = api.PutVectorBucketPolicy(ctx, &s3vectors.PutVectorBucketPolicyInput{VectorBucketName: aws.String("docs"),
		Policy: aws.String(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3vectors:QueryVectors","Resource":"*"}]}`)})
	check(t, err)
	for _, b := range []string{"docs", "images"} {
		for i, name := range []string{"small", "large", "huge"} {
			_, err := api.CreateIndex(ctx, &s3vectors.CreateIndexInput{VectorBucketName: aws.String(b), IndexName: aws.String(name),
				DataType: types.DataTypeFloat32, Dimension: aws.Int32(int32(128 << i)), DistanceMetric: types.DistanceMetricCosine})
			check(t, err)
		}
	}
}

func TestS3vectorsVectorBuckets(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(tagsByARN)})
	s3vectorsSeed(t, s3vectors.NewFromConfig(cfg))
	got := s3vectorsPaged.Run(t, cfg, collector.Service, "vector-bucket", region)
	if got.Err != nil || len(got.Resources) != 2 {
		t.Fatalf("vector buckets: %v, %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	docs, images := got.ByID()["docs"], got.ByID()["images"]
	arn := "arn:aws:s3vectors:" + region + ":" + collecttest.MotoAccount + ":bucket/docs"
	if docs == nil || docs.ARN != arn || docs.Tags["arn"] != arn || docs.Details["sse_type"] != "aws:kms" || docs.Details["kms_key_arn"] != key ||
		fmt.Sprint(docs.Details["policy"]) != "map[Statement:[map[Action:s3vectors:QueryVectors Effect:Allow Principal:* Resource:*]] Version:2012-10-17]" {
		t.Fatalf("docs: %+v", docs)
	}
	if images == nil || images.Details["sse_type"] != "AES256" || images.Details["kms_key_arn"] != "" {
		t.Fatalf("images: %+v", images)
	}
	if _, has := images.Details["policy"]; has {
		t.Errorf("images has no policy: %v", images.Details)
	}
	collecttest.HasEdges(t, got, "docs -encrypted-with-> kms/key:1234abcd-12ab-34cd-56ef-1234567890ab")
	if len(got.Relationships) != 1 {
		t.Errorf("only docs names a KMS key: %v", got.Edges())
	}
}

func TestS3vectorsIndexes(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(tagsByARN)})
	s3vectorsSeed(t, s3vectors.NewFromConfig(cfg))
	got := s3vectorsPaged.Run(t, cfg, collector.Service, "index", region)
	if got.Err != nil || len(got.Resources) != 6 {
		t.Fatalf("indexes: %v, %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	i := got.ByID()["docs/large"]
	if i == nil || i.Name != "large" || i.Details["dimension"] != int64(256) || i.Details["distance_metric"] != "cosine" || i.Details["data_type"] != "float32" ||
		i.Details["vector_bucket"] != "docs" || i.ARN == "" || i.Tags["arn"] != i.ARN {
		t.Fatalf("docs/large: %+v", i)
	}
	collecttest.HasEdges(t, got, "docs/large -in-> s3vectors/vector-bucket:docs", "images/huge -in-> s3vectors/vector-bucket:images")

	// A failed GetIndex leaves the index's shape unknown, not zero.
	broken := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Chain(collecttest.Deny("GetIndex"), collecttest.Canned(tagsByARN))})
	got = s3vectorsPaged.Run(t, broken, collector.Service, "index", region)
	if got.Err != nil || len(got.Resources) != 6 || len(got.Task.Warnings()) != 6 {
		t.Fatalf("want every index, each with a warning: %v, %d, %d", got.Err, len(got.Resources), len(got.Task.Warnings()))
	}
	if _, known := got.ByID()["images/small"].Details["dimension"]; known {
		t.Errorf("dimension unknown: %v", got.ByID()["images/small"].Details)
	}
}

func TestS3vectorsDenied(t *testing.T) {
	collecttest.Setup(t)
	for _, typ := range []string{"vector-bucket", "index"} {
		cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("ListVectorBuckets")})
		collecttest.AssertDenied(t, s3vectorsPaged.Run(t, cfg, collector.Service, typ, region))
	}
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Chain(collecttest.Deny("ListIndexes"), collecttest.Canned(tagsByARN))})
	s3vectorsSeed(t, s3vectors.NewFromConfig(cfg))
	if got := s3vectorsPaged.Run(t, cfg, collector.Service, "index", region); awsx.Classify(got.Err) != awsx.Denied {
		t.Fatalf("a denied ListIndexes fails the collection: %v", got.Err)
	}
}
