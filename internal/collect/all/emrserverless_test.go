package all_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/emrserverless"
	"github.com/aws/aws-sdk-go-v2/service/emrserverless/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	"github.com/awsmap/awsmap/internal/collect/collecttest/testvpc"
	collector "github.com/awsmap/awsmap/internal/collect/emrserverless"
)

var emrserverlessPaged = collecttest.Paged{Cap: 2}

// create makes five Spark applications; the first runs in net, stops
// after 30 idle minutes and is capped at 400 vCPU. It returns their ids.
func emrserverlessCreate(t *testing.T, api *emrserverless.Client, net testvpc.Network) []string {
	t.Helper()
	var ids []string
	for i := range 5 {
		in := &emrserverless.CreateApplicationInput{Name: aws.String(fmt.Sprintf("spark%d", i)), ReleaseLabel: aws.String("emr-7.1.0"),
			Type: aws.String("SPARK"), Tags: map[string]string{"n": fmt.Sprint(i)}, AutoStopConfiguration: &types.AutoStopConfig{Enabled: aws.Bool(false)}}
		if i == 0 {
			in.AutoStopConfiguration = &types.AutoStopConfig{Enabled: aws.Bool(true), IdleTimeoutMinutes: aws.Int32(30)}
			in.MaximumCapacity = &types.MaximumAllowedResources{Cpu: aws.String("400 vCPU"), Memory: aws.String("3000 GB")}
			in.NetworkConfiguration = &types.NetworkConfiguration{SubnetIds: net.Subnets, SecurityGroupIds: []string{net.SG}}
		}
		out, err := api.CreateApplication(context.Background(), in)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, aws.ToString(out.ApplicationId))
	}
	return ids
}

func TestEmrserverlessApplications(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.Config(t, region, nil)
	net := testvpc.New(t, cfg, "10.3.0.0/16", "spark", testvpc.Subnet{CIDR: "10.3.1.0/24"})
	ids := emrserverlessCreate(t, emrserverless.NewFromConfig(cfg), net)
	got := emrserverlessPaged.Run(t, cfg, collector.Service, "application", region)
	if got.Err != nil || len(got.Resources) != 5 {
		t.Fatalf("applications: %v, %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	a := got.ByID()[ids[0]]
	if a.Name != "spark0" || a.Tags["n"] != "0" || a.CreatedAt == "" || a.ARN != "arn:aws:emr-serverless:eu-west-1:"+collecttest.MotoAccount+":/applications/"+ids[0] {
		t.Errorf("spark0: %s %s %v %q", a.Name, a.ARN, a.Tags, a.CreatedAt)
	}
	// moto answers "Spark" to a SPARK application, as AWS does.
	for k, v := range map[string]any{"type": "Spark", "release_label": "emr-7.1.0", "auto_stop": true, "idle_timeout_minutes": int64(30),
		"max_cpu": "400 vCPU", "in_vpc": true, "disk_kms_key": ""} {
		if a.Details[k] != v {
			t.Errorf("spark0 details[%s] = %v, want %v", k, a.Details[k], v)
		}
	}
	if d := got.ByID()[ids[2]].Details; d["auto_stop"] != false || d["in_vpc"] != false {
		t.Errorf("spark2: %v", d)
	}
	collecttest.HasEdges(t, got, ids[0]+" -in-subnet-> ec2/subnet:"+net.Subnets[0], ids[0]+" -uses-security-group-> ec2/security-group:"+net.SG)
}

func TestEmrserverlessDenied(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("ListApplications")})
	collecttest.AssertDenied(t, emrserverlessPaged.Run(t, cfg, collector.Service, "application", region))
	cfg = collecttest.Config(t, region, nil)
	emrserverlessCreate(t, emrserverless.NewFromConfig(cfg), testvpc.New(t, cfg, "10.3.0.0/16", "spark", testvpc.Subnet{CIDR: "10.3.1.0/24"}))
	cfg = collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("GetApplication")})
	got := emrserverlessPaged.Run(t, cfg, collector.Service, "application", region)
	if got.Err != nil || len(got.Resources) != 5 || len(got.Task.Warnings()) != 5 || len(got.Resources[0].Details) != 0 {
		t.Fatalf("want applications without details and a warning each, got %v, %d, %d", got.Err, len(got.Resources), len(got.Task.Warnings()))
	}
}
