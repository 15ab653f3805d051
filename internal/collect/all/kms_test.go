package all_test

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	awskms "github.com/aws/aws-sdk-go-v2/service/kms"
	kmstypes "github.com/aws/aws-sdk-go-v2/service/kms/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/kms"
)

type kmsFixture struct {
	t   *testing.T
	ctx context.Context
	api *awskms.Client
}

func kmsSetup(t *testing.T) kmsFixture {
	collecttest.Setup(t)
	return kmsFixture{t: t, ctx: context.Background(), api: awskms.NewFromConfig(collecttest.Config(t, "eu-west-1", nil))}
}

func (f kmsFixture) key(in *awskms.CreateKeyInput) string {
	f.t.Helper()
	out, err := f.api.CreateKey(f.ctx, in)
	if err != nil {
		f.t.Fatal(err)
	}
	return aws.ToString(out.KeyMetadata.KeyId)
}

func (f kmsFixture) must(_ any, err error) {
	f.t.Helper()
	if err != nil {
		f.t.Fatal(err)
	}
}

func TestKmsKeys(t *testing.T) {
	f := kmsSetup(t)
	for range 4 {
		f.key(&awskms.CreateKeyInput{})
	}
	main := f.key(&awskms.CreateKeyInput{Description: aws.String("app data"), KeyUsage: kmstypes.KeyUsageTypeEncryptDecrypt,
		Tags: []kmstypes.Tag{{TagKey: aws.String("Owner"), TagValue: aws.String("team-a")}}})
	f.must(f.api.EnableKeyRotation(f.ctx, &awskms.EnableKeyRotationInput{KeyId: &main}))
	f.must(f.api.CreateAlias(f.ctx, &awskms.CreateAliasInput{AliasName: aws.String("alias/app"), TargetKeyId: &main}))
	signing := f.key(&awskms.CreateKeyInput{KeyUsage: kmstypes.KeyUsageTypeSignVerify, KeySpec: kmstypes.KeySpecRsa2048})
	doomed := f.key(&awskms.CreateKeyInput{})
	f.must(f.api.ScheduleKeyDeletion(f.ctx, &awskms.ScheduleKeyDeletionInput{KeyId: &doomed, PendingWindowInDays: aws.Int32(7)}))
	awsManaged := f.key(&awskms.CreateKeyInput{})

	// Moto cannot create AWS-managed keys: describe one as AWS would.
	cfg := collecttest.ConfigWith(t, "eu-west-1", awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){
		"DescribeKey": func(input any) (any, error) {
			if aws.ToString(input.(*awskms.DescribeKeyInput).KeyId) != awsManaged {
				return nil, awsx.ErrPassThrough
			}
			return &awskms.DescribeKeyOutput{KeyMetadata: &kmstypes.KeyMetadata{KeyId: &awsManaged, KeyManager: kmstypes.KeyManagerTypeAws}}, nil
		},
	})})
	got := collecttest.Run(t, cfg, collector.Service, "key", "eu-west-1")
	if got.Err != nil {
		t.Fatal(got.Err)
	}
	collecttest.AssertNoWarnings(t, got)
	byID := got.ByID()
	if len(byID) != 7 {
		t.Fatalf("want 7 customer keys (AWS-managed skipped), got %d", len(byID))
	}
	k := byID[main]
	want := map[string]any{"key_state": "Enabled", "enabled": true, "key_usage": "ENCRYPT_DECRYPT", "key_spec": "SYMMETRIC_DEFAULT",
		"key_manager": "CUSTOMER", "origin": "AWS_KMS", "description": "app data", "multi_region": false, "rotation_enabled": true, "aliases": "[alias/app]"}
	for f, v := range want {
		if fmt.Sprint(k.Details[f]) != fmt.Sprint(v) {
			t.Errorf("details[%s] = %v, want %v", f, k.Details[f], v)
		}
	}
	if k.Name != "alias/app" || k.Tags["Owner"] != "team-a" || k.CreatedAt == "" || k.ARN != "arn:aws:kms:eu-west-1:"+collecttest.MotoAccount+":key/"+main {
		t.Errorf("identity fields wrong: %+v", k)
	}
	if s := byID[signing].Details; s["key_usage"] != "SIGN_VERIFY" || s["rotation_enabled"] != false {
		t.Errorf("signing key details %v", s)
	}
	if d := byID[doomed].Details; d["key_state"] != "PendingDeletion" || d["deletion_date"] == "" {
		t.Errorf("doomed key details %v", d)
	}
}

func TestKmsAliases(t *testing.T) {
	f := kmsSetup(t)
	key := f.key(&awskms.CreateKeyInput{})
	for i := range 6 {
		f.must(f.api.CreateAlias(f.ctx, &awskms.CreateAliasInput{AliasName: aws.String(fmt.Sprintf("alias/app-%d", i)), TargetKeyId: &key}))
	}
	got := collecttest.Run(t, collecttest.Config(t, "eu-west-1", nil), collector.Service, "alias", "eu-west-1")
	if got.Err != nil {
		t.Fatal(got.Err)
	}
	if len(got.Resources) != 6 {
		t.Fatalf("want 6 aliases (aws/ ones skipped), got %d: %v", len(got.Resources), got.ByID())
	}
	a := got.ByID()["alias/app-3"]
	if a == nil || a.Details["target_key_id"] != key || a.ARN != "arn:aws:kms:eu-west-1:"+collecttest.MotoAccount+":alias/app-3" {
		t.Fatalf("alias/app-3: %+v", a)
	}
	if !slices.Contains(got.Edges(), "alias/app-3 -alias-of-> kms/key:"+key) {
		t.Errorf("missing alias-of edge in %v", got.Edges())
	}
}

func TestKmsKeysDenied(t *testing.T) {
	f := kmsSetup(t)
	key := f.key(&awskms.CreateKeyInput{})

	cfg := collecttest.ConfigWith(t, "eu-west-1", awsx.Options{Responder: collecttest.Deny("ListKeys")})
	got := collecttest.Run(t, cfg, collector.Service, "key", "eu-west-1")
	collecttest.AssertDenied(t, got)

	cfg = collecttest.ConfigWith(t, "eu-west-1", awsx.Options{Responder: collecttest.Deny("GetKeyRotationStatus")})
	got = collecttest.Run(t, cfg, collector.Service, "key", "eu-west-1")
	if got.Err != nil {
		t.Fatal(got.Err)
	}
	k := got.ByID()[key]
	if k == nil {
		t.Fatal("key not emitted when its rotation status is denied")
	}
	if _, ok := k.Details["rotation_enabled"]; ok || k.Details["key_state"] != "Enabled" {
		t.Errorf("details %v", k.Details)
	}
	if len(got.Task.Warnings()) == 0 {
		t.Error("no warning for the denied rotation status")
	}
}
