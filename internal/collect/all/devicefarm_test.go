package all_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/devicefarm"
	"github.com/aws/aws-sdk-go-v2/service/devicefarm/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/devicefarm"
)

const devicefarmRegion = "us-west-2"

// canned answers Device Farm (moto has none of it): three projects over two
// pages, each tagged with its ARN; the call must go to us-west-2.
var devicefarmCanned = map[string]func(any) (any, error){
	"ListProjects": func(in any) (any, error) {
		created := time.Date(2026, 9, 9, 0, 0, 0, 0, time.UTC)
		var all []types.Project
		for i := range 3 {
			all = append(all, types.Project{Arn: aws.String(fmt.Sprintf("arn:aws:devicefarm:%s:%s:project:p-%d", devicefarmRegion, account, i)), Name: aws.String(fmt.Sprint("mobile", i)),
				Created: &created, DefaultJobTimeoutMinutes: aws.Int32(150), ExecutionRoleArn: aws.String("arn:aws:iam::" + account + ":role/devicefarm"),
				EnvironmentVariables: []types.EnvironmentVariable{{Name: aws.String("API_KEY"), Value: aws.String("secret-value")}},
				VpcConfig:            &types.VpcConfig{VpcId: aws.String("vpc-1"), SubnetIds: []string{"subnet-1"}, SecurityGroupIds: []string{"sg-1"}}})
		}
		page, next := collecttest.Page(all, in.(*devicefarm.ListProjectsInput).NextToken, 2)
		return &devicefarm.ListProjectsOutput{Projects: page, NextToken: next}, nil
	},
	"ListTagsForResource": func(in any) (any, error) {
		return &devicefarm.ListTagsForResourceOutput{Tags: []types.Tag{{Key: aws.String("arn"), Value: in.(*devicefarm.ListTagsForResourceInput).ResourceARN}}}, nil
	},
}

func TestDevicefarmProjects(t *testing.T) {
	collecttest.Require(t)
	// The task calls from the scan's home region; the client goes to us-west-2.
	cfg := collecttest.ConfigWith(t, "us-east-1", awsx.Options{Responder: collecttest.Canned(devicefarmCanned)})
	got := collecttest.Run(t, cfg, collector.Service, "project", devicefarmRegion)
	if got.Err != nil || len(got.Resources) != 3 {
		t.Fatalf("projects: %v, %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	p := got.ByID()["p-1"]
	if p.Name != "mobile1" || p.Region != devicefarmRegion || p.Tags["arn"] != p.ARN || p.CreatedAt != "2026-09-09T00:00:00Z" || p.Details["default_job_timeout_minutes"] != int64(150) ||
		p.Details["vpc_id"] != "vpc-1" || fmt.Sprint(p.Details["environment_variable_names"]) != "[API_KEY]" {
		t.Errorf("project: %+v", p)
	}
	collecttest.HasEdges(t, got, "p-1 -assumes-role-> iam/role:devicefarm", "p-1 -in-vpc-> ec2/vpc:vpc-1", "p-1 -in-subnet-> ec2/subnet:subnet-1",
		"p-1 -uses-security-group-> ec2/security-group:sg-1")

	// A scan without us-west-2 makes no call.
	cfg = collecttest.ConfigWith(t, "us-east-1", awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){"ListProjects": collecttest.Denied("ListProjects")})})
	if got := collecttest.Run(t, cfg, collector.Service, "project", "eu-west-1"); got.Err != nil || len(got.Resources) != 0 {
		t.Errorf("outside us-west-2: %v, %d", got.Err, len(got.Resources))
	}
	collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, "project", devicefarmRegion))
}
