package glue

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/glue"
	"github.com/aws/aws-sdk-go-v2/service/glue/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

func encryption(s types.SecurityConfiguration) types.EncryptionConfiguration {
	if s.EncryptionConfiguration == nil {
		return types.EncryptionConfiguration{}
	}
	return *s.EncryptionConfiguration
}

func s3Encryption(s types.SecurityConfiguration) types.S3Encryption {
	if e := encryption(s).S3Encryption; len(e) > 0 {
		return e[0]
	}
	return types.S3Encryption{}
}

var securityConfigurationFields = collect.Fields[types.SecurityConfiguration]{
	collect.Enum("s3_encryption", "encryption of data written to S3: DISABLED, SSE-KMS or SSE-S3", func(s types.SecurityConfiguration) types.S3EncryptionMode {
		return s3Encryption(s).S3EncryptionMode
	}),
	collect.Computed("cloudwatch_encryption", model.Text, "encryption of CloudWatch logs: DISABLED or SSE-KMS", func(s types.SecurityConfiguration) any {
		if c := encryption(s).CloudWatchEncryption; c != nil {
			return string(c.CloudWatchEncryptionMode)
		}
		return ""
	}),
	collect.Computed("job_bookmarks_encryption", model.Text, "encryption of job bookmarks: DISABLED or CSE-KMS", func(s types.SecurityConfiguration) any {
		if j := encryption(s).JobBookmarksEncryption; j != nil {
			return string(j.JobBookmarksEncryptionMode)
		}
		return ""
	}),
}

// kmsKeys are the keys a security configuration encrypts with.
func kmsKeys(s types.SecurityConfiguration) []string {
	e := encryption(s)
	keys := []string{aws.ToString(s3Encryption(s).KmsKeyArn)}
	if e.CloudWatchEncryption != nil {
		keys = append(keys, aws.ToString(e.CloudWatchEncryption.KmsKeyArn))
	}
	if e.JobBookmarksEncryption != nil {
		keys = append(keys, aws.ToString(e.JobBookmarksEncryption.KmsKeyArn))
	}
	return keys
}

func securityConfigurations(ctx context.Context, t *collect.Task) error {
	p := glue.NewGetSecurityConfigurationsPaginator(client(t), &glue.GetSecurityConfigurationsInput{MaxResults: t.PageSize(1000)})
	return collect.EachPage(ctx, p, func(page *glue.GetSecurityConfigurationsOutput) error {
		for _, s := range page.SecurityConfigurations {
			name := aws.ToString(s.Name)
			r := &model.Resource{Key: t.Key("security-configuration", name), Name: name, ARN: arn(t, "securityConfiguration", name),
				CreatedAt: model.Time(s.CreatedTimeStamp), Details: securityConfigurationFields.Details(s)}
			for _, k := range kmsKeys(s) {
				t.Relate(r.Key, "encrypted-with", t.KMSKey(k))
			}
			t.Emit(r)
		}
		return nil
	})
}

var devEndpointFields = collect.Fields[types.DevEndpoint]{
	collect.Text("status", "PROVISIONING, READY, FAILED, ...", func(d types.DevEndpoint) *string { return d.Status }),
	collect.Text("public_address", "public address of an endpoint outside a VPC (reachable from the internet over SSH); empty in a VPC", func(d types.DevEndpoint) *string {
		return d.PublicAddress
	}),
	collect.Text("private_address", "private address in the VPC", func(d types.DevEndpoint) *string { return d.PrivateAddress }),
	collect.Text("role_arn", "IAM role of the endpoint", func(d types.DevEndpoint) *string { return d.RoleArn }),
	collect.Text("vpc_id", "VPC of the endpoint", func(d types.DevEndpoint) *string { return d.VpcId }),
	collect.Text("glue_version", "Glue version", func(d types.DevEndpoint) *string { return d.GlueVersion }),
	collect.Enum("worker_type", "worker type (G.1X, G.2X, ...)", func(d types.DevEndpoint) types.WorkerType { return d.WorkerType }),
	collect.Int("number_of_workers", "workers allocated (billed while the endpoint exists)", func(d types.DevEndpoint) *int32 { return d.NumberOfWorkers }),
	collect.Computed("number_of_nodes", model.Integer, "DPUs allocated, for endpoints sized in DPUs", func(d types.DevEndpoint) any { return int64(d.NumberOfNodes) }),
	collect.Text("security_configuration", "Glue security configuration applied; empty when none", func(d types.DevEndpoint) *string { return d.SecurityConfiguration }),
	collect.Timestamp("last_modified", "last change of the endpoint", func(d types.DevEndpoint) *time.Time { return d.LastModifiedTimestamp }),
}

func devEndpoints(ctx context.Context, t *collect.Task) error {
	api := client(t)
	p := glue.NewGetDevEndpointsPaginator(api, &glue.GetDevEndpointsInput{MaxResults: t.PageSize(1000)})
	return collect.EachPage(ctx, p, func(page *glue.GetDevEndpointsOutput) error {
		rs := make([]*model.Resource, 0, len(page.DevEndpoints))
		for _, d := range page.DevEndpoints {
			name := aws.ToString(d.EndpointName)
			key := t.Key("dev-endpoint", name)
			rs = append(rs, &model.Resource{Key: key, Name: name, ARN: arn(t, "devEndpoint", name), CreatedAt: model.Time(d.CreatedTimestamp),
				Details: devEndpointFields.Details(d)})
			t.Relate(key, "in-vpc", t.Ref("ec2", "vpc", aws.ToString(d.VpcId)))
			t.Relate(key, "in-subnet", t.Ref("ec2", "subnet", aws.ToString(d.SubnetId)))
			for _, sg := range d.SecurityGroupIds {
				t.Relate(key, "uses-security-group", t.Ref("ec2", "security-group", sg))
			}
			t.Relate(key, "assumes-role", t.Role(aws.ToString(d.RoleArn)))
			t.Relate(key, "uses-security-configuration", t.Key("security-configuration", aws.ToString(d.SecurityConfiguration)))
		}
		emitTagged(ctx, t, api, rs)
		return nil
	})
}
