// Package mwaa collects Managed Workflows for Apache Airflow environments.
package mwaa

import (
	"context"
	"slices"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/mwaa"
	"github.com/aws/aws-sdk-go-v2/service/mwaa/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the MWAA collector.
var Service = &collect.Service{
	Name:        "mwaa",
	Description: "Managed Workflows for Apache Airflow environments",
	Types: []collect.Type{
		{Name: "environment", Description: "Airflow environment (id = name): web server exposure, version, size, logging, encryption",
			Fields: environmentFields.Declared(), Tags: collect.TagsListed, Collect: environments, DetailCalls: 1},
	},
	Calls: "environment: ListEnvironments + per environment GetEnvironment (which returns the tags)",
	Relations: []collect.Relation{
		{From: "environment", Kind: "in-subnet", To: "ec2/subnet"},
		{From: "environment", Kind: "uses-security-group", To: "ec2/security-group"},
		{From: "environment", Kind: "assumes-role", To: "iam/role"},
		{From: "environment", Kind: "encrypted-with", To: "kms/key"},
		{From: "environment", Kind: "reads-from", To: "s3/bucket"},
		{From: "environment", Kind: "logs-to", To: "logs/log-group"},
	},
}

// modules are the Airflow components' log settings, by component.
func modules(e *types.Environment) map[string]*types.ModuleLoggingConfiguration {
	l := e.LoggingConfiguration
	if l == nil {
		return nil
	}
	return map[string]*types.ModuleLoggingConfiguration{"dag_processing": l.DagProcessingLogs, "scheduler": l.SchedulerLogs,
		"task": l.TaskLogs, "webserver": l.WebserverLogs, "worker": l.WorkerLogs}
}

var environmentFields = collect.Fields[*types.Environment]{
	collect.Enum("status", "AVAILABLE, CREATING, UPDATING, DELETING, UNAVAILABLE, ...", func(e *types.Environment) types.EnvironmentStatus { return e.Status }),
	collect.Text("airflow_version", "Apache Airflow version", func(e *types.Environment) *string { return e.AirflowVersion }),
	collect.Enum("webserver_access_mode", "PUBLIC_ONLY (web server on the internet) or PRIVATE_ONLY", func(e *types.Environment) types.WebserverAccessMode {
		return e.WebserverAccessMode
	}),
	collect.Text("environment_class", "size: mw1.micro, mw1.small, mw1.medium, ...", func(e *types.Environment) *string { return e.EnvironmentClass }),
	collect.Int("min_workers", "minimum workers", func(e *types.Environment) *int32 { return e.MinWorkers }),
	collect.Int("max_workers", "maximum workers", func(e *types.Environment) *int32 { return e.MaxWorkers }),
	collect.Text("execution_role_arn", "IAM role the environment runs as", func(e *types.Environment) *string { return e.ExecutionRoleArn }),
	collect.Text("kms_key", "customer KMS key encrypting the environment; empty: an AWS owned key", func(e *types.Environment) *string { return e.KmsKey }),
	collect.Text("source_bucket_arn", "S3 bucket holding the DAGs", func(e *types.Environment) *string { return e.SourceBucketArn }),
	collect.Computed("logging_enabled", model.JSON, "Airflow components whose logs go to CloudWatch (dag_processing, scheduler, task, webserver, worker)", func(e *types.Environment) any {
		out := []string{}
		for name, m := range modules(e) {
			if m != nil && aws.ToBool(m.Enabled) {
				out = append(out, name)
			}
		}
		slices.Sort(out)
		return out
	}),
	collect.Enum("endpoint_management", "SERVICE or CUSTOMER (VPC endpoints made by the customer)", func(e *types.Environment) types.EndpointManagement { return e.EndpointManagement }),
}

func environments(ctx context.Context, t *collect.Task) error {
	api := mwaa.NewFromConfig(t.Config)
	p := mwaa.NewListEnvironmentsPaginator(api, &mwaa.ListEnvironmentsInput{MaxResults: t.PageSize(25)})
	return collect.EachItem(ctx, p, func(page *mwaa.ListEnvironmentsOutput) []string { return page.Environments },
		func(ctx context.Context, name string) {
			r := &model.Resource{Key: t.Key("environment", name), Name: name, ARN: collect.ARN(t, "airflow", "", "environment/"+name)}
			out, err := api.GetEnvironment(ctx, &mwaa.GetEnvironmentInput{Name: aws.String(name)})
			t.Warn("GetEnvironment", err)
			if err == nil && out.Environment != nil {
				e := out.Environment
				r.Details, r.Tags, r.CreatedAt = environmentFields.Details(e), e.Tags, model.Time(e.CreatedAt)
				relate(t, r.Key, e)
			}
			t.Emit(r)
		})
}

func relate(t *collect.Task, key model.Key, e *types.Environment) {
	if n := e.NetworkConfiguration; n != nil {
		for _, sn := range n.SubnetIds {
			t.Relate(key, "in-subnet", t.Ref("ec2", "subnet", sn))
		}
		for _, sg := range n.SecurityGroupIds {
			t.Relate(key, "uses-security-group", t.Ref("ec2", "security-group", sg))
		}
	}
	t.Relate(key, "assumes-role", t.Role(aws.ToString(e.ExecutionRoleArn)))
	t.Relate(key, "encrypted-with", t.KMSKey(aws.ToString(e.KmsKey)))
	t.RelateByName(key, "reads-from", "s3", "bucket", strings.TrimPrefix(aws.ToString(e.SourceBucketArn), "arn:"+t.Partition()+":s3:::"), t.Region)
	for _, m := range modules(e) {
		if m != nil && aws.ToBool(m.Enabled) {
			t.Relate(key, "logs-to", t.Ref("logs", "log-group", collect.LogGroupName(aws.ToString(m.CloudWatchLogGroupArn))))
		}
	}
}
