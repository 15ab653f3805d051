package all_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ecs"
	"github.com/aws/aws-sdk-go-v2/service/ecs/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	"github.com/awsmap/awsmap/internal/collect/collecttest/testvpc"
	collector "github.com/awsmap/awsmap/internal/collect/ecs"
)

func TestEcsClusters(t *testing.T) {
	collecttest.Setup(t)
	ctx := context.Background()
	cfg := collecttest.Config(t, region, nil)
	api := ecs.NewFromConfig(cfg)
	for i := range 7 {
		in := &ecs.CreateClusterInput{ClusterName: aws.String(fmt.Sprintf("c%d", i))}
		if i == 0 {
			in.Tags = []types.Tag{{Key: aws.String("env"), Value: aws.String("prod")}}
			in.Settings = []types.ClusterSetting{{Name: types.ClusterSettingNameContainerInsights, Value: aws.String("enabled")}}
		}
		if _, err := api.CreateCluster(ctx, in); err != nil {
			t.Fatal(err)
		}
	}
	got := collecttest.Run(t, cfg, collector.Service, "cluster", region)
	if got.Err != nil {
		t.Fatal(got.Err)
	}
	byID := got.ByID()
	if len(byID) != 7 {
		t.Fatalf("want 7 clusters, got %d", len(byID))
	}
	c := byID["c0"]
	if c.Tags["env"] != "prod" || c.Details["container_insights"] != "enabled" || c.Details["status"] != "ACTIVE" ||
		c.ARN != "arn:aws:ecs:eu-west-1:"+collecttest.MotoAccount+":cluster/c0" {
		t.Errorf("cluster c0 wrong: %+v", c)
	}
}

// registerTaskDefinition registers a revision of family "web".
func registerTaskDefinition(t *testing.T, api *ecs.Client, user string) {
	t.Helper()
	_, err := api.RegisterTaskDefinition(context.Background(), &ecs.RegisterTaskDefinitionInput{
		Family: aws.String("web"), NetworkMode: types.NetworkModeAwsvpc,
		RequiresCompatibilities: []types.Compatibility{types.CompatibilityFargate},
		Cpu:                     aws.String("256"), Memory: aws.String("512"),
		TaskRoleArn: aws.String(roleARN + "task"), ExecutionRoleArn: aws.String(roleARN + "exec"),
		Tags: []types.Tag{{Key: aws.String("app"), Value: aws.String("web")}},
		ContainerDefinitions: []types.ContainerDefinition{{
			Name: aws.String("app"), Image: aws.String("nginx:1"), User: aws.String(user),
			ReadonlyRootFilesystem: aws.Bool(true), Privileged: aws.Bool(false),
			Environment: []types.KeyValuePair{{Name: aws.String("DB_PASSWORD"), Value: aws.String("hunter2")}},
			Secrets:     []types.Secret{{Name: aws.String("API_KEY"), ValueFrom: aws.String("arn:aws:ssm:eu-west-1:1:parameter/k")}},
		}},
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestEcsTaskDefinitions(t *testing.T) {
	collecttest.Setup(t)
	ctx := context.Background()
	cfg := collecttest.Config(t, region, nil)
	api := ecs.NewFromConfig(cfg)
	for i := range 7 {
		user := "1000"
		if i == 6 {
			user = "0:0"
		}
		registerTaskDefinition(t, api, user)
	}
	if _, err := api.DeregisterTaskDefinition(ctx, &ecs.DeregisterTaskDefinitionInput{TaskDefinition: aws.String("web:1")}); err != nil {
		t.Fatal(err)
	}
	got := collecttest.Run(t, cfg, collector.Service, "task-definition", region)
	if got.Err != nil {
		t.Fatal(got.Err)
	}
	byID := got.ByID()
	if len(byID) != 6 || byID["web:1"] != nil {
		t.Fatalf("want the 6 ACTIVE revisions web:2..7, got %v", byID)
	}
	td := byID["web:7"]
	checks := map[string]any{
		"network_mode": "awsvpc", "cpu": "256", "memory": "512", "family": "web", "revision": int32(7),
		"any_privileged": false, "any_runs_as_root": true, "any_writable_root_fs": false,
	}
	for k, want := range checks {
		if td.Details[k] != want {
			t.Errorf("details[%s] = %v, want %v", k, td.Details[k], want)
		}
	}
	if byID["web:2"].Details["any_runs_as_root"] != false {
		t.Errorf("user 1000 is not root")
	}
	js := fmt.Sprintf("%+v", td.Details["containers"])
	// Names of environment variables and secrets only: never "hunter2".
	if js != "[{Name:app Image:nginx:1 Privileged:false ReadonlyRootFilesystem:true User:0:0 Essential:true EnvironmentVariableNames:[DB_PASSWORD] SecretsNames:[API_KEY]}]" {
		t.Errorf("containers = %s", js)
	}
	if td.Tags["app"] != "web" || td.ARN != "arn:aws:ecs:eu-west-1:"+collecttest.MotoAccount+":task-definition/web:7" {
		t.Errorf("identity wrong: %+v", td)
	}
	collecttest.HasEdges(t, got, "web:7 -assumes-role-> iam/role:task", "web:7 -assumes-role-> iam/role:exec")
}

// network creates a subnet and a security group for awsvpc services.
func ecsNetwork(t *testing.T, cfg aws.Config) (subnet, sg string) {
	t.Helper()
	n := testvpc.New(t, cfg, "10.1.0.0/16", "svc", testvpc.Subnet{CIDR: "10.1.1.0/24"})
	return n.Subnets[0], n.SG
}

func TestEcsServices(t *testing.T) {
	collecttest.Setup(t)
	ctx := context.Background()
	cfg := collecttest.Config(t, region, nil)
	api := ecs.NewFromConfig(cfg)
	registerTaskDefinition(t, api, "")
	subnet, sg := ecsNetwork(t, cfg)
	for _, cl := range []string{"a", "b"} {
		if _, err := api.CreateCluster(ctx, &ecs.CreateClusterInput{ClusterName: aws.String(cl)}); err != nil {
			t.Fatal(err)
		}
	}
	// 12 services in cluster a: two DescribeServices batches and several list pages.
	for i := range 12 {
		if _, err := api.CreateService(ctx, &ecs.CreateServiceInput{
			Cluster: aws.String("a"), ServiceName: aws.String(fmt.Sprintf("s%d", i)),
			TaskDefinition: aws.String("web:1"), DesiredCount: aws.Int32(2), LaunchType: types.LaunchTypeFargate,
			NetworkConfiguration: &types.NetworkConfiguration{AwsvpcConfiguration: &types.AwsVpcConfiguration{
				Subnets: []string{subnet}, SecurityGroups: []string{sg}, AssignPublicIp: types.AssignPublicIpEnabled}},
			Tags: []types.Tag{{Key: aws.String("n"), Value: aws.String(fmt.Sprint(i))}},
		}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := api.CreateService(ctx, &ecs.CreateServiceInput{Cluster: aws.String("b"), ServiceName: aws.String("s0"),
		TaskDefinition: aws.String("web:1"), DesiredCount: aws.Int32(1)}); err != nil {
		t.Fatal(err)
	}
	got := collecttest.Run(t, cfg, collector.Service, "service", region)
	if got.Err != nil {
		t.Fatal(got.Err)
	}
	byID := got.ByID()
	if len(byID) != 13 || byID["b/s0"] == nil {
		t.Fatalf("want 13 services in two clusters, got %d", len(byID))
	}
	s := byID["a/s11"]
	checks := map[string]any{"cluster": "a", "launch_type": "FARGATE", "desired_count": int32(2),
		"task_definition": "web:1", "assign_public_ip": true}
	for k, want := range checks {
		if s.Details[k] != want {
			t.Errorf("details[%s] = %v, want %v", k, s.Details[k], want)
		}
	}
	if s.Tags["n"] != "11" || s.Name != "s11" || s.ARN == "" {
		t.Errorf("identity wrong: %+v", s)
	}
	collecttest.HasEdges(t, got, "a/s11 -member-of-> ecs/cluster:a", "a/s11 -runs-> ecs/task-definition:web:1",
		"a/s11 -in-subnet-> ec2/subnet:"+subnet, "a/s11 -uses-security-group-> ec2/security-group:"+sg,
		"b/s0 -member-of-> ecs/cluster:b")
}

func TestEcsDenied(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("ListClusters")})
	got := collecttest.Run(t, cfg, collector.Service, "service", region)
	collecttest.AssertDenied(t, got)

	registerTaskDefinition(t, ecs.NewFromConfig(collecttest.Config(t, region, nil)), "")
	cfg = collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("DescribeTaskDefinition")})
	got = collecttest.Run(t, cfg, collector.Service, "task-definition", region)
	if got.Err != nil || len(got.Resources) != 1 || len(got.Task.Warnings()) != 1 {
		t.Fatalf("err %v, %d resources, warnings %v", got.Err, len(got.Resources), got.Task.Warnings())
	}
	if td := got.Resources[0]; td.ID != "web:1" || len(td.Details) != 0 {
		t.Errorf("undescribed revision: %+v", td)
	}
}
