package collect

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	awss3 "github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/awsmap/awsmap/internal/awsx"
)

// BenchmarkCallInFreshGoroutine measures one SDK call (S3, the deepest
// middleware chain) in a new goroutine, as ForEach and the engine start
// them, with and without GrowStack:
//
//	go test ./internal/collect -run '^$' -bench FreshGoroutine
func BenchmarkCallInFreshGoroutine(b *testing.B) {
	cfg, err := awsx.LoadConfig(context.Background(), awsx.Options{
		Region: "eu-west-1",
		Responder: awsx.ResponderFunc(func(context.Context, awsx.Request) (any, error) {
			return &awss3.GetBucketTaggingOutput{}, nil
		}),
	})
	if err != nil {
		b.Fatal(err)
	}
	api := awss3.NewFromConfig(cfg)
	for _, grow := range []bool{false, true} {
		name := "plain"
		if grow {
			name = "GrowStack"
		}
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				done := make(chan error)
				go func() {
					if grow {
						GrowStack()
					}
					_, err := api.GetBucketTagging(context.Background(), &awss3.GetBucketTaggingInput{Bucket: aws.String("b")})
					done <- err
				}()
				if err := <-done; err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
