// Package devicefarm collects Device Farm projects. Device Farm exists in
// us-west-2 only: the collection is account-wide and calls that region,
// when the scan plans it.
package devicefarm

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/devicefarm"
	"github.com/aws/aws-sdk-go-v2/service/devicefarm/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the Device Farm collector.
var Service = &collect.Service{
	Name:        "devicefarm",
	Description: "Device Farm projects (us-west-2 only)",
	Scope:       collect.AccountWide,
	Types: []collect.Type{
		{Name: "project", Description: "device testing project (id = the project ARN's last part); variable values are never stored",
			Fields: projectFields.Declared(), Tags: collect.TagsPerResource, Collect: projects, DetailCalls: 1},
	},
	Calls: "project: ListProjects + per project ListTagsForResource, in us-west-2",
	Relations: []collect.Relation{
		{From: "project", Kind: "assumes-role", To: "iam/role"},
		{From: "project", Kind: "in-vpc", To: "ec2/vpc"},
		{From: "project", Kind: "in-subnet", To: "ec2/subnet"},
		{From: "project", Kind: "uses-security-group", To: "ec2/security-group"},
	},
}

// region is the only region Device Farm runs in (partition aws).
const region = "us-west-2"

var projectFields = collect.Fields[types.Project]{
	collect.Int("default_job_timeout_minutes", "longest a test run may take", func(p types.Project) *int32 { return p.DefaultJobTimeoutMinutes }),
	collect.Text("execution_role_arn", "role test hosts run with", func(p types.Project) *string { return p.ExecutionRoleArn }),
	collect.Computed("vpc_id", model.Text, "VPC the test hosts reach; empty: none", func(p types.Project) any {
		if p.VpcConfig == nil {
			return ""
		}
		return aws.ToString(p.VpcConfig.VpcId)
	}),
	collect.Computed("environment_variable_names", model.JSON, "names of the project's environment variables (values are never stored)", func(p types.Project) any {
		out := []string{}
		for _, v := range p.EnvironmentVariables {
			out = append(out, aws.ToString(v.Name))
		}
		return out
	}),
}

// Projects are listed in us-west-2 when the scan plans that region, in the
// aws partition (Device Farm is in no other).
func projects(ctx context.Context, t *collect.Task) error {
	if t.Partition() != "aws" || !t.InPlan(region) {
		return nil
	}
	api := devicefarm.NewFromConfig(t.Config, func(o *devicefarm.Options) { o.Region = region })
	p := devicefarm.NewListProjectsPaginator(api, &devicefarm.ListProjectsInput{})
	return collect.EachItem(ctx, p, func(page *devicefarm.ListProjectsOutput) []types.Project { return page.Projects },
		func(ctx context.Context, pr types.Project) {
			arn := aws.ToString(pr.Arn)
			key := model.Key{Account: t.Account, Region: region, Service: t.Service, Type: "project", ID: collect.ARNResourceName(arn)}
			r := &model.Resource{Key: key, Name: aws.ToString(pr.Name), ARN: arn, CreatedAt: model.Time(pr.Created), Details: projectFields.Details(pr)}
			out, err := api.ListTagsForResource(ctx, &devicefarm.ListTagsForResourceInput{ResourceARN: pr.Arn})
			t.Warn("ListTagsForResource", err)
			if err == nil {
				r.Tags = collect.TagMap(out.Tags, func(tg types.Tag) (*string, *string) { return tg.Key, tg.Value })
			}
			t.Emit(r)
			if role := aws.ToString(pr.ExecutionRoleArn); role != "" {
				t.Relate(key, "assumes-role", t.Role(role))
			}
			if v := pr.VpcConfig; v != nil {
				ref := func(typ, id string) model.Key {
					return model.Key{Account: t.Account, Region: region, Service: "ec2", Type: typ, ID: id}
				}
				t.Relate(key, "in-vpc", ref("vpc", aws.ToString(v.VpcId)))
				for _, sn := range v.SubnetIds {
					t.Relate(key, "in-subnet", ref("subnet", sn))
				}
				for _, sg := range v.SecurityGroupIds {
					t.Relate(key, "uses-security-group", ref("security-group", sg))
				}
			}
		})
}
