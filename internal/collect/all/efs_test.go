package all_test

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/efs"
	"github.com/aws/aws-sdk-go-v2/service/efs/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/efs"
)

func TestEfsFileSystems(t *testing.T) {
	collecttest.Setup(t)
	ctx := context.Background()
	cfg := collecttest.Config(t, region, nil)
	api := efs.NewFromConfig(cfg)
	kms := "arn:aws:kms:eu-west-1:" + collecttest.MotoAccount + ":key/k-1"
	var first string
	for i := range 7 {
		in := &efs.CreateFileSystemInput{CreationToken: aws.String(fmt.Sprintf("tok%d", i)),
			Tags: []types.Tag{{Key: aws.String("Name"), Value: aws.String(fmt.Sprintf("fs%d", i))}}}
		if i == 0 {
			in.Encrypted, in.KmsKeyId = aws.Bool(true), aws.String(kms)
			in.PerformanceMode = types.PerformanceModeMaxIo
			in.ThroughputMode, in.ProvisionedThroughputInMibps = types.ThroughputModeProvisioned, aws.Float64(64)
		}
		out, err := api.CreateFileSystem(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			first = aws.ToString(out.FileSystemId)
		}
	}
	got := collecttest.Run(t, cfg, collector.Service, "file-system", region)
	if got.Err != nil {
		t.Fatal(got.Err)
	}
	byID := got.ByID()
	if len(byID) != 7 {
		t.Fatalf("want 7 file systems, got %d", len(byID))
	}
	fs := byID[first]
	checks := map[string]any{"encrypted": true, "kms_key_id": kms, "performance_mode": "maxIO",
		"throughput_mode": "provisioned", "provisioned_throughput_mibps": 64.0, "lifecycle_state": "available"}
	for k, want := range checks {
		if fs.Details[k] != want {
			t.Errorf("details[%s] = %v, want %v", k, fs.Details[k], want)
		}
	}
	if fs.Name != "fs0" || fs.Tags["Name"] != "fs0" || fs.CreatedAt == "" ||
		fs.ARN != "arn:aws:elasticfilesystem:eu-west-1:"+collecttest.MotoAccount+":file-system/"+first {
		t.Errorf("identity wrong: %+v", fs)
	}
	if !slices.Contains(got.Edges(), first+" -encrypted-with-> kms/key:k-1") {
		t.Errorf("edges %v", got.Edges())
	}
}

func TestEfsFileSystemsDenied(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("DescribeFileSystems")})
	got := collecttest.Run(t, cfg, collector.Service, "file-system", region)
	collecttest.AssertDenied(t, got)
}
