package all_test

import (
	"context"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/emr"
	"github.com/aws/aws-sdk-go-v2/service/emr/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/emr"
)

const encrypted = `{"EncryptionConfiguration":{"EnableInTransitEncryption":true,"EnableAtRestEncryption":true,
"AtRestEncryptionConfiguration":{"S3EncryptionConfiguration":{"EncryptionMode":"SSE-KMS","AwsKmsKey":"arn:aws:kms:eu-west-1:123456789012:key/k-1"},
"LocalDiskEncryptionConfiguration":{"EncryptionKeyProviderType":"AwsKms","AwsKmsKey":"arn:aws:kms:eu-west-1:123456789012:key/k-2"}}},
"InstanceMetadataServiceConfiguration":{"MinimumInstanceMetadataServiceVersion":2}}`

// listed answers ListSecurityConfigurations, which moto lacks, with the
// two configurations the test made (in two pages); moto describes them.
var listed = map[string]func(any) (any, error){
	"ListSecurityConfigurations": func(in any) (any, error) {
		at := aws.Time(time.Date(2026, 3, 3, 0, 0, 0, 0, time.UTC))
		if in.(*emr.ListSecurityConfigurationsInput).Marker == nil {
			return &emr.ListSecurityConfigurationsOutput{Marker: aws.String("2"),
				SecurityConfigurations: []types.SecurityConfigurationSummary{{Name: aws.String("encrypted"), CreationDateTime: at}}}, nil
		}
		return &emr.ListSecurityConfigurationsOutput{SecurityConfigurations: []types.SecurityConfigurationSummary{{Name: aws.String("plain"), CreationDateTime: at}}}, nil
	},
}

func TestEmrSecurityConfigurations(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(listed)})
	api := emr.NewFromConfig(cfg)
	for name, doc := range map[string]string{"encrypted": encrypted, "plain": `{"EncryptionConfiguration":{"EnableInTransitEncryption":false,"EnableAtRestEncryption":false}}`} {
		if _, err := api.CreateSecurityConfiguration(context.Background(), &emr.CreateSecurityConfigurationInput{Name: aws.String(name), SecurityConfiguration: aws.String(doc)}); err != nil {
			t.Fatal(err)
		}
	}
	got := collecttest.Run(t, cfg, collector.Service, "security-configuration", region)
	if got.Err != nil || len(got.Resources) != 2 {
		t.Fatalf("security configurations: %v, %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	for id, want := range map[string]map[string]any{
		"encrypted": {"at_rest_encryption": true, "in_transit_encryption": true, "s3_encryption_mode": "SSE-KMS", "local_disk_key_provider": "AwsKms",
			"kerberos": false, "imds_min_version": int64(2)},
		"plain": {"at_rest_encryption": false, "in_transit_encryption": false, "s3_encryption_mode": "", "imds_min_version": int64(0)},
	} {
		r := got.ByID()[id]
		for k, v := range want {
			if r.Details[k] != v {
				t.Errorf("%s details[%s] = %v, want %v", id, k, r.Details[k], v)
			}
		}
	}
	if e := got.ByID()["encrypted"]; e.CreatedAt != "2026-03-03T00:00:00Z" || e.ARN != "arn:aws:elasticmapreduce:eu-west-1:"+collecttest.MotoAccount+":security-configuration/encrypted" {
		t.Errorf("encrypted: %s %q", e.ARN, e.CreatedAt)
	}
	collecttest.HasEdges(t, got, "encrypted -encrypted-with-> kms/key:k-1", "encrypted -encrypted-with-> kms/key:k-2")

	denied := map[string]func(any) (any, error){"ListSecurityConfigurations": listed["ListSecurityConfigurations"],
		"DescribeSecurityConfiguration": collecttest.Denied("DescribeSecurityConfiguration")}
	cfg = collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(denied)})
	got = collecttest.Run(t, cfg, collector.Service, "security-configuration", region)
	if got.Err != nil || len(got.Resources) != 2 || len(got.Task.Warnings()) != 2 || len(got.ByID()["plain"].Details) != 0 {
		t.Fatalf("want configurations without details and a warning each, got %v, %d, %d", got.Err, len(got.Resources), len(got.Task.Warnings()))
	}
}

// Moto has no studios: both calls are canned.
func TestEmrStudios(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){
		"ListStudios": func(any) (any, error) {
			return &emr.ListStudiosOutput{Studios: []types.StudioSummary{{StudioId: aws.String("es-1"), Name: aws.String("analysts"),
				CreationTime: aws.Time(time.Date(2026, 2, 2, 0, 0, 0, 0, time.UTC))}}}, nil
		},
		"DescribeStudio": func(any) (any, error) {
			return &emr.DescribeStudioOutput{Studio: &types.Studio{StudioId: aws.String("es-1"), Name: aws.String("analysts"), AuthMode: types.AuthModeSso,
				StudioArn: aws.String("arn:aws:elasticmapreduce:eu-west-1:" + collecttest.MotoAccount + ":studio/es-1"), VpcId: aws.String("vpc-1"),
				SubnetIds: []string{"subnet-1"}, WorkspaceSecurityGroupId: aws.String("sg-w"), EngineSecurityGroupId: aws.String("sg-e"),
				ServiceRole: aws.String("arn:aws:iam::" + collecttest.MotoAccount + ":role/emr-studio"), DefaultS3Location: aws.String("s3://notebooks/"),
				Tags: []types.Tag{{Key: aws.String("team"), Value: aws.String("bi")}}}}, nil
		},
	})})
	got := collecttest.Run(t, cfg, collector.Service, "studio", region)
	if got.Err != nil || len(got.Resources) != 1 {
		t.Fatalf("studios: %v, %d", got.Err, len(got.Resources))
	}
	s := got.ByID()["es-1"]
	if s.Name != "analysts" || s.Tags["team"] != "bi" || s.CreatedAt != "2026-02-02T00:00:00Z" || s.Details["auth_mode"] != "SSO" ||
		s.Details["encryption_key_arn"] != "" || s.ARN != "arn:aws:elasticmapreduce:eu-west-1:"+collecttest.MotoAccount+":studio/es-1" {
		t.Errorf("es-1: %+v", s)
	}
	collecttest.HasEdges(t, got, "es-1 -in-vpc-> ec2/vpc:vpc-1", "es-1 -in-subnet-> ec2/subnet:subnet-1", "es-1 -uses-security-group-> ec2/security-group:sg-w",
		"es-1 -uses-security-group-> ec2/security-group:sg-e", "es-1 -assumes-role-> iam/role:emr-studio")
	denied := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){"ListStudios": collecttest.Denied("ListStudios")})})
	collecttest.AssertDenied(t, collecttest.Run(t, denied, collector.Service, "studio", region))
}
