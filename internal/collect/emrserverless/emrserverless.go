// Package emrserverless collects EMR Serverless applications.
package emrserverless

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/emrserverless"
	"github.com/aws/aws-sdk-go-v2/service/emrserverless/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the EMR Serverless collector.
var Service = &collect.Service{
	Name:        "emrserverless",
	Description: "EMR Serverless applications",
	Types: []collect.Type{
		{Name: "application", Description: "EMR Serverless Spark or Hive application (id = application id); terminated ones are skipped",
			Fields: applicationFields.Declared(), Tags: collect.TagsListed, Collect: applications, DetailCalls: 1},
	},
	Calls: "application: ListApplications (all states but TERMINATED) + per application GetApplication (which returns the tags)",
	Relations: []collect.Relation{
		{From: "application", Kind: "in-subnet", To: "ec2/subnet"},
		{From: "application", Kind: "uses-security-group", To: "ec2/security-group"},
		{From: "application", Kind: "encrypted-with", To: "kms/key"},
	},
}

// liveStates are every state but TERMINATED, which AWS lists for a while.
var liveStates = []types.ApplicationState{types.ApplicationStateCreating, types.ApplicationStateCreated, types.ApplicationStateStarting,
	types.ApplicationStateStarted, types.ApplicationStateStopping, types.ApplicationStateStopped}

func network(a *types.Application) types.NetworkConfiguration {
	if a.NetworkConfiguration == nil {
		return types.NetworkConfiguration{}
	}
	return *a.NetworkConfiguration
}

var applicationFields = collect.Fields[*types.Application]{
	collect.Text("type", "Spark or Hive", func(a *types.Application) *string { return a.Type }),
	collect.Text("release_label", "EMR release, e.g. emr-7.1.0", func(a *types.Application) *string { return a.ReleaseLabel }),
	collect.Enum("state", "CREATING, CREATED, STARTING, STARTED, STOPPING or STOPPED", func(a *types.Application) types.ApplicationState { return a.State }),
	collect.Enum("architecture", "X86_64 or ARM64", func(a *types.Application) types.Architecture { return a.Architecture }),
	collect.Computed("auto_stop", model.Boolean, "the application stops when idle (no cost for pre-initialized capacity)", func(a *types.Application) any {
		return a.AutoStopConfiguration != nil && aws.ToBool(a.AutoStopConfiguration.Enabled)
	}),
	collect.Computed("idle_timeout_minutes", model.Integer, "idle minutes before an automatic stop", func(a *types.Application) any {
		if a.AutoStopConfiguration == nil {
			return int64(0)
		}
		return int64(aws.ToInt32(a.AutoStopConfiguration.IdleTimeoutMinutes))
	}),
	collect.Computed("max_cpu", model.Text, "cap on the vCPUs of all workers, e.g. 400 vCPU; empty: no cap", func(a *types.Application) any {
		if a.MaximumCapacity == nil {
			return ""
		}
		return aws.ToString(a.MaximumCapacity.Cpu)
	}),
	collect.Computed("in_vpc", model.Boolean, "workers run in the account's subnets", func(a *types.Application) any { return len(network(a).SubnetIds) > 0 }),
	collect.Computed("disk_kms_key", model.Text, "customer KMS key encrypting worker disks; empty: AWS owned", func(a *types.Application) any {
		if a.DiskEncryptionConfiguration == nil {
			return ""
		}
		return aws.ToString(a.DiskEncryptionConfiguration.EncryptionKeyArn)
	}),
	collect.Timestamp("updated", "last update", func(a *types.Application) *time.Time { return a.UpdatedAt }),
}

func applications(ctx context.Context, t *collect.Task) error {
	api := emrserverless.NewFromConfig(t.Config)
	p := emrserverless.NewListApplicationsPaginator(api, &emrserverless.ListApplicationsInput{MaxResults: t.PageSize(50), States: liveStates})
	return collect.EachItem(ctx, p, func(page *emrserverless.ListApplicationsOutput) []types.ApplicationSummary { return page.Applications },
		func(ctx context.Context, s types.ApplicationSummary) {
			id := aws.ToString(s.Id)
			r := &model.Resource{Key: t.Key("application", id), Name: aws.ToString(s.Name), ARN: aws.ToString(s.Arn), CreatedAt: model.Time(s.CreatedAt)}
			out, err := api.GetApplication(ctx, &emrserverless.GetApplicationInput{ApplicationId: s.Id})
			t.Warn("GetApplication", err)
			if err == nil && out.Application != nil {
				a := out.Application
				r.Details, r.Tags = applicationFields.Details(a), a.Tags
				for _, sn := range network(a).SubnetIds {
					t.Relate(r.Key, "in-subnet", t.Ref("ec2", "subnet", sn))
				}
				for _, sg := range network(a).SecurityGroupIds {
					t.Relate(r.Key, "uses-security-group", t.Ref("ec2", "security-group", sg))
				}
				if a.DiskEncryptionConfiguration != nil {
					t.Relate(r.Key, "encrypted-with", t.KMSKey(aws.ToString(a.DiskEncryptionConfiguration.EncryptionKeyArn)))
				}
			}
			t.Emit(r)
		})
}
