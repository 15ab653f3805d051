package all_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/batch"
	"github.com/aws/aws-sdk-go-v2/service/batch/types"
	"github.com/aws/aws-sdk-go-v2/service/iam"

	"github.com/awsmap/awsmap/internal/awsx"
	collector "github.com/awsmap/awsmap/internal/collect/batch"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	"github.com/awsmap/awsmap/internal/collect/collecttest/testvpc"
)

var batchPaged = collecttest.Paged{Cap: 2}

func batchRun(t *testing.T, cfg aws.Config, typ string) collecttest.Result {
	t.Helper()
	got := batchPaged.Run(t, cfg, collector.Service, typ, region)
	if got.Err != nil {
		t.Fatal(got.Err)
	}
	collecttest.AssertNoWarnings(t, got)
	return got
}

func batchRole(t *testing.T, cfg aws.Config, name string) string {
	t.Helper()
	out, err := iam.NewFromConfig(cfg).CreateRole(context.Background(), &iam.CreateRoleInput{RoleName: aws.String(name),
		AssumeRolePolicyDocument: aws.String(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"batch.amazonaws.com"},"Action":"sts:AssumeRole"}]}`)})
	check(t, err)
	return aws.ToString(out.Role.Arn)
}

func TestBatch(t *testing.T) {
	collecttest.Setup(t)
	ctx := context.Background()
	cfg := collecttest.Config(t, region, nil)
	api := batch.NewFromConfig(cfg)
	n := testvpc.New(t, cfg, "10.20.0.0/16", "batch", testvpc.Subnet{CIDR: "10.20.1.0/24"})
	service := batchRole(t, cfg, "batch-service")
	jobRole := batchRole(t, cfg, "job")
	for i := range 3 {
		_, err := api.CreateComputeEnvironment(ctx, &batch.CreateComputeEnvironmentInput{ComputeEnvironmentName: aws.String(fmt.Sprint("ce", i)),
			Type: types.CETypeManaged, State: types.CEStateEnabled, ServiceRole: aws.String(service), Tags: map[string]string{"team": "hpc"},
			ComputeResources: &types.ComputeResource{Type: types.CRTypeFargate, MaxvCpus: aws.Int32(256), Subnets: []string{n.Subnets[0]}, SecurityGroupIds: []string{n.SG}}})
		check(t, err)
	}
	policy, err := api.CreateSchedulingPolicy(ctx, &batch.CreateSchedulingPolicyInput{Name: aws.String("fair"), Tags: map[string]string{"team": "hpc"},
		FairsharePolicy: &types.FairsharePolicy{ShareDecaySeconds: aws.Int32(3600), ComputeReservation: aws.Int32(10),
			ShareDistribution: []types.ShareAttributes{{ShareIdentifier: aws.String("blue"), WeightFactor: aws.Float32(0.5)}}}})
	check(t, err)
	for i := range 3 {
		_, err := api.CreateSchedulingPolicy(ctx, &batch.CreateSchedulingPolicyInput{Name: aws.String(fmt.Sprint("p", i))})
		check(t, err)
	}
	for i := range 3 {
		_, err := api.CreateJobQueue(ctx, &batch.CreateJobQueueInput{JobQueueName: aws.String(fmt.Sprint("q", i)), Priority: aws.Int32(int32(i + 1)),
			State: types.JQStateEnabled, SchedulingPolicyArn: policy.Arn,
			ComputeEnvironmentOrder: []types.ComputeEnvironmentOrder{{ComputeEnvironment: aws.String("ce0"), Order: aws.Int32(1)}, {ComputeEnvironment: aws.String("ce1"), Order: aws.Int32(2)}}})
		check(t, err)
	}
	for rev := range 3 {
		for _, name := range []string{"etl", "train"} {
			_, err := api.RegisterJobDefinition(ctx, &batch.RegisterJobDefinitionInput{JobDefinitionName: aws.String(name), Type: types.JobDefinitionTypeContainer,
				PlatformCapabilities: []types.PlatformCapability{types.PlatformCapabilityFargate},
				ContainerProperties: &types.ContainerProperties{Image: aws.String(fmt.Sprint("etl:", rev)), JobRoleArn: aws.String(jobRole),
					Environment:          []types.KeyValuePair{{Name: aws.String("DB_PASSWORD"), Value: aws.String("hunter2")}},
					ResourceRequirements: []types.ResourceRequirement{{Type: types.ResourceTypeVcpu, Value: aws.String("1")}, {Type: types.ResourceTypeMemory, Value: aws.String("2048")}}}})
			check(t, err)
		}
	}

	got := batchRun(t, cfg, "compute-environment")
	ce := got.ByID()["ce2"]
	if len(got.Resources) != 3 || ce == nil {
		t.Fatalf("want 3 compute environments over pages, got %d", len(got.Resources))
	}
	for k, want := range map[string]any{"environment_type": "MANAGED", "state": "ENABLED", "resource_type": "FARGATE", "max_vcpus": int64(256), "service_role": service} {
		if ce.Details[k] != want {
			t.Errorf("ce2 %s = %v, want %v", k, ce.Details[k], want)
		}
	}
	if ce.Tags["team"] != "hpc" || ce.ARN != "arn:aws:batch:eu-west-1:"+collecttest.MotoAccount+":compute-environment/ce2" {
		t.Errorf("ce2: %+v", ce)
	}
	collecttest.HasEdges(t, got, "ce2 -in-subnet-> ec2/subnet:"+n.Subnets[0], "ce2 -uses-security-group-> ec2/security-group:"+n.SG, "ce2 -assumes-role-> iam/role:batch-service")

	got = batchRun(t, cfg, "job-queue")
	q := got.ByID()["q1"]
	if len(got.Resources) != 3 || q == nil {
		t.Fatalf("want 3 queues, got %d", len(got.Resources))
	}
	if q.Details["priority"] != int64(2) || fmt.Sprint(q.Details["compute_environments"]) != "[ce0 ce1]" || q.Details["state"] != "ENABLED" {
		t.Errorf("q1: %v", q.Details)
	}
	collecttest.HasEdges(t, got, "q1 -runs-on-> batch/compute-environment:ce1", "q1 -uses-policy-> batch/scheduling-policy:fair")

	got = batchRun(t, cfg, "job-definition")
	d := got.ByID()["train"]
	if len(got.Resources) != 2 || d == nil {
		t.Fatalf("want the 2 definitions once each, got %d", len(got.Resources))
	}
	if d.Details["revision"] != int64(3) || d.Details["image"] != "etl:2" || d.Details["job_role_arn"] != jobRole ||
		fmt.Sprint(d.Details["environment_variables"]) != "[DB_PASSWORD]" || fmt.Sprint(d.Details["platform_capabilities"]) != "[FARGATE]" {
		t.Errorf("train: %v", d.Details)
	}
	for k, v := range d.Details {
		if fmt.Sprint(v) == "hunter2" || fmt.Sprint(v) == "[hunter2]" {
			t.Errorf("environment variable value stored in %s", k)
		}
	}
	collecttest.HasEdges(t, got, "train -assumes-role-> iam/role:job")

	got = batchRun(t, cfg, "scheduling-policy")
	p := got.ByID()["fair"]
	if len(got.Resources) != 4 || p == nil {
		t.Fatalf("want 4 policies, got %d", len(got.Resources))
	}
	if p.Details["share_decay_seconds"] != int64(3600) || p.Details["compute_reservation"] != int64(10) || p.Tags["team"] != "hpc" ||
		fmt.Sprint(p.Details["share_identifiers"]) != "map[blue:0.5]" || p.ARN != aws.ToString(policy.Arn) {
		t.Errorf("fair: %+v", p)
	}
}

func TestBatchDenied(t *testing.T) {
	collecttest.Setup(t)
	for typ, op := range map[string]string{"compute-environment": "DescribeComputeEnvironments", "job-queue": "DescribeJobQueues",
		"job-definition": "DescribeJobDefinitions", "scheduling-policy": "ListSchedulingPolicies"} {
		cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny(op)})
		collecttest.AssertDenied(t, batchPaged.Run(t, cfg, collector.Service, typ, region))
	}
	_, err := batch.NewFromConfig(collecttest.Config(t, region, nil)).CreateSchedulingPolicy(context.Background(), &batch.CreateSchedulingPolicyInput{Name: aws.String("p")})
	check(t, err)
	got := batchPaged.Run(t, collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("DescribeSchedulingPolicies")}), collector.Service, "scheduling-policy", region)
	if got.Err != nil || len(got.Resources) != 1 || got.Resources[0].ID != "p" || len(got.Task.Warnings()) != 1 {
		t.Errorf("want the policy kept and a warning: %v %v %v", got.Err, got.Resources, got.Task.Warnings())
	}
}
