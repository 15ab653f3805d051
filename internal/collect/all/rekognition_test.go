package all_test

import (
	"maps"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/rekognition"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/rekognition"
)

var rekognitionPaged = collecttest.Paged{Cap: 2}

// moto does not serve collections: canned, three over two pages.
func rekognitionCanned(replace map[string]func(any) (any, error)) awsx.Options {
	answers := map[string]func(any) (any, error){
		"ListCollections": func(in any) (any, error) {
			if aws.ToString(in.(*rekognition.ListCollectionsInput).NextToken) == "" {
				return &rekognition.ListCollectionsOutput{NextToken: aws.String("2"), CollectionIds: []string{"staff", "visitors"}}, nil
			}
			return &rekognition.ListCollectionsOutput{CollectionIds: []string{"banned"}}, nil
		},
		"DescribeCollection": func(in any) (any, error) {
			return &rekognition.DescribeCollectionOutput{FaceCount: aws.Int64(1200), UserCount: aws.Int64(40), FaceModelVersion: aws.String("7.0"),
				CreationTimestamp: aws.Time(time.Date(2025, 9, 1, 0, 0, 0, 0, time.UTC))}, nil
		},
		"ListTagsForResource": func(in any) (any, error) {
			return &rekognition.ListTagsForResourceOutput{Tags: map[string]string{"arn": aws.ToString(in.(*rekognition.ListTagsForResourceInput).ResourceArn)}}, nil
		},
	}
	maps.Copy(answers, replace)
	return awsx.Options{Responder: collecttest.Canned(answers)}
}

func TestRekognitionCollections(t *testing.T) {
	collecttest.Setup(t)
	got := rekognitionPaged.Run(t, collecttest.ConfigWith(t, region, rekognitionCanned(nil)), collector.Service, "collection", region)
	if got.Err != nil || len(got.Resources) != 3 {
		t.Fatalf("collections: %v, %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	c := got.ByID()["banned"]
	if c == nil || c.ARN != "arn:aws:rekognition:eu-west-1:"+collecttest.MotoAccount+":collection/banned" || c.Tags["arn"] != c.ARN ||
		c.Details["face_count"] != int64(1200) || c.Details["face_model_version"] != "7.0" || c.CreatedAt != "2025-09-01T00:00:00Z" {
		t.Fatalf("banned %+v", c)
	}
}

func TestRekognitionDenied(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, region, rekognitionCanned(map[string]func(any) (any, error){"ListCollections": collecttest.Denied("ListCollections")}))
	collecttest.AssertDenied(t, rekognitionPaged.Run(t, cfg, collector.Service, "collection", region))
	cfg = collecttest.ConfigWith(t, region, rekognitionCanned(map[string]func(any) (any, error){"DescribeCollection": collecttest.Denied("DescribeCollection")}))
	got := rekognitionPaged.Run(t, cfg, collector.Service, "collection", region)
	if got.Err != nil || len(got.Resources) != 3 || len(got.Task.Warnings()) != 3 || len(got.Resources[0].Details) != 0 {
		t.Fatalf("want collections without details and a warning each, got %v, %d, %d", got.Err, len(got.Resources), len(got.Task.Warnings()))
	}
}
