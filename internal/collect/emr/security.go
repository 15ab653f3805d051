package emr

import (
	"context"
	"encoding/json"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/emr"
	"github.com/aws/aws-sdk-go-v2/service/emr/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// securityDocument is the part of a security configuration's JSON that
// audits read.
type securityDocument struct {
	EncryptionConfiguration struct {
		EnableInTransitEncryption     bool
		EnableAtRestEncryption        bool
		AtRestEncryptionConfiguration struct {
			S3EncryptionConfiguration struct {
				EncryptionMode string
				AwsKmsKey      string
			}
			LocalDiskEncryptionConfiguration struct {
				EncryptionKeyProviderType string
				AwsKmsKey                 string
			}
		}
	}
	AuthenticationConfiguration struct {
		KerberosConfiguration *struct{ Provider string }
	}
	InstanceMetadataServiceConfiguration struct {
		MinimumInstanceMetadataServiceVersion int
	}
}

// securityConfiguration is a described configuration; doc is nil when its
// JSON could not be read.
type securityConfiguration struct {
	doc *securityDocument
}

func hasDoc(s securityConfiguration) bool { return s.doc != nil }

var securityConfigurationFields = collect.Fields[securityConfiguration]{
	collect.When(hasDoc, collect.Computed("at_rest_encryption", model.Boolean, "S3 (EMRFS) and local disk data is encrypted", func(s securityConfiguration) any {
		return s.doc.EncryptionConfiguration.EnableAtRestEncryption
	})),
	collect.When(hasDoc, collect.Computed("in_transit_encryption", model.Boolean, "traffic between nodes is encrypted with TLS", func(s securityConfiguration) any {
		return s.doc.EncryptionConfiguration.EnableInTransitEncryption
	})),
	collect.When(hasDoc, collect.Computed("s3_encryption_mode", model.Text, "SSE-S3, SSE-KMS, CSE-KMS or CSE-Custom; empty without at-rest encryption", func(s securityConfiguration) any {
		return s.doc.EncryptionConfiguration.AtRestEncryptionConfiguration.S3EncryptionConfiguration.EncryptionMode
	})),
	collect.When(hasDoc, collect.Computed("local_disk_key_provider", model.Text, "AwsKms or Custom; empty when local disks are not encrypted", func(s securityConfiguration) any {
		return s.doc.EncryptionConfiguration.AtRestEncryptionConfiguration.LocalDiskEncryptionConfiguration.EncryptionKeyProviderType
	})),
	collect.When(hasDoc, collect.Computed("kerberos", model.Boolean, "Kerberos authentication is configured", func(s securityConfiguration) any {
		return s.doc.AuthenticationConfiguration.KerberosConfiguration != nil
	})),
	collect.When(hasDoc, collect.Computed("imds_min_version", model.Integer, "minimum instance metadata service version required (2: IMDSv2 only); 0 when not set",
		func(s securityConfiguration) any {
			return int64(s.doc.InstanceMetadataServiceConfiguration.MinimumInstanceMetadataServiceVersion)
		})),
}

// kmsKeys are the KMS keys the configuration encrypts with.
func (s securityConfiguration) kmsKeys() []string {
	if s.doc == nil {
		return nil
	}
	at := s.doc.EncryptionConfiguration.AtRestEncryptionConfiguration
	return []string{at.S3EncryptionConfiguration.AwsKmsKey, at.LocalDiskEncryptionConfiguration.AwsKmsKey}
}

func securityConfigurations(ctx context.Context, t *collect.Task) error {
	api := emr.NewFromConfig(t.Config)
	// ListSecurityConfigurations has no page size: AWS returns 50 per page.
	p := emr.NewListSecurityConfigurationsPaginator(api, &emr.ListSecurityConfigurationsInput{})
	return collect.EachItem(ctx, p, func(page *emr.ListSecurityConfigurationsOutput) []types.SecurityConfigurationSummary {
		return page.SecurityConfigurations
	},
		func(ctx context.Context, s types.SecurityConfigurationSummary) {
			name := aws.ToString(s.Name)
			r := &model.Resource{Key: t.Key("security-configuration", name), Name: name, CreatedAt: model.Time(s.CreationDateTime),
				ARN: collect.ARN(t, "elasticmapreduce", "", "security-configuration/"+name)}
			out, err := api.DescribeSecurityConfiguration(ctx, &emr.DescribeSecurityConfigurationInput{Name: s.Name})
			t.Warn("DescribeSecurityConfiguration", err)
			if err == nil {
				var sc securityConfiguration
				var doc securityDocument
				if json.Unmarshal([]byte(aws.ToString(out.SecurityConfiguration)), &doc) == nil {
					sc.doc = &doc
				}
				r.Details = securityConfigurationFields.Details(sc)
				for _, k := range sc.kmsKeys() {
					t.Relate(r.Key, "encrypted-with", t.KMSKey(k))
				}
			}
			t.Emit(r)
		})
}

var studioFields = collect.Fields[*types.Studio]{
	collect.Enum("auth_mode", "SSO (IAM Identity Center) or IAM", func(s *types.Studio) types.AuthMode { return s.AuthMode }),
	collect.Text("url", "URL users open the studio at", func(s *types.Studio) *string { return s.Url }),
	collect.Text("vpc_id", "VPC of the studio's workspaces", func(s *types.Studio) *string { return s.VpcId }),
	collect.Text("default_s3_location", "where workspace notebooks are saved", func(s *types.Studio) *string { return s.DefaultS3Location }),
	collect.Text("service_role", "IAM role of the studio", func(s *types.Studio) *string { return s.ServiceRole }),
	collect.Text("encryption_key_arn", "customer KMS key encrypting workspace notebooks; empty: S3 managed", func(s *types.Studio) *string { return s.EncryptionKeyArn }),
	collect.Text("description", "studio description", func(s *types.Studio) *string { return s.Description }),
}

func studios(ctx context.Context, t *collect.Task) error {
	api := emr.NewFromConfig(t.Config)
	p := emr.NewListStudiosPaginator(api, &emr.ListStudiosInput{})
	return collect.EachItem(ctx, p, func(page *emr.ListStudiosOutput) []types.StudioSummary { return page.Studios },
		func(ctx context.Context, s types.StudioSummary) {
			id := aws.ToString(s.StudioId)
			r := &model.Resource{Key: t.Key("studio", id), Name: aws.ToString(s.Name), CreatedAt: model.Time(s.CreationTime),
				ARN: collect.ARN(t, "elasticmapreduce", "", "studio/"+id)}
			out, err := api.DescribeStudio(ctx, &emr.DescribeStudioInput{StudioId: s.StudioId})
			t.Warn("DescribeStudio", err)
			if err == nil && out.Studio != nil {
				st := out.Studio
				r.Details = studioFields.Details(st)
				r.Tags = collect.TagMap(st.Tags, func(tg types.Tag) (*string, *string) { return tg.Key, tg.Value })
				if st.StudioArn != nil {
					r.ARN = *st.StudioArn
				}
				t.Relate(r.Key, "in-vpc", t.Ref("ec2", "vpc", aws.ToString(st.VpcId)))
				for _, sn := range st.SubnetIds {
					t.Relate(r.Key, "in-subnet", t.Ref("ec2", "subnet", sn))
				}
				for _, sg := range []*string{st.WorkspaceSecurityGroupId, st.EngineSecurityGroupId} {
					t.Relate(r.Key, "uses-security-group", t.Ref("ec2", "security-group", aws.ToString(sg)))
				}
				t.Relate(r.Key, "assumes-role", t.Role(aws.ToString(st.ServiceRole)))
				t.Relate(r.Key, "encrypted-with", t.KMSKey(aws.ToString(st.EncryptionKeyArn)))
			}
			t.Emit(r)
		})
}
