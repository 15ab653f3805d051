package all_test

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	aas "github.com/aws/aws-sdk-go-v2/service/applicationautoscaling"
	"github.com/aws/aws-sdk-go-v2/service/applicationautoscaling/types"
	"github.com/aws/aws-sdk-go-v2/service/ecs"
	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"

	"github.com/awsmap/awsmap/internal/awsx"
	collector "github.com/awsmap/awsmap/internal/collect/applicationautoscaling"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
)

var applicationautoscalingPaged = collecttest.Paged{Cap: 2}

const (
	tableRead = "table/orders|dynamodb:table:ReadCapacityUnits"
	service   = "service/prod/web|ecs:service:DesiredCount"
)

// register creates the fixture: DynamoDB read and write targets, an ECS
// service target with a target tracking policy, and scheduled actions.
func applicationautoscalingRegister(t *testing.T, api *aas.Client, ecsAPI *ecs.Client) {
	t.Helper()
	ctx := context.Background()
	_, err := ecsAPI.CreateCluster(ctx, &ecs.CreateClusterInput{ClusterName: aws.String("prod")})
	check(t, err)
	_, err = ecsAPI.RegisterTaskDefinition(ctx, &ecs.RegisterTaskDefinitionInput{Family: aws.String("web"),
		ContainerDefinitions: []ecstypes.ContainerDefinition{{Name: aws.String("web"), Image: aws.String("nginx"), Memory: aws.Int32(128)}}})
	check(t, err)
	_, err = ecsAPI.CreateService(ctx, &ecs.CreateServiceInput{Cluster: aws.String("prod"), ServiceName: aws.String("web"),
		TaskDefinition: aws.String("web"), DesiredCount: aws.Int32(2)})
	check(t, err)
	role := aws.String("arn:aws:iam::" + collecttest.MotoAccount + ":role/scaler")
	for _, dim := range []types.ScalableDimension{types.ScalableDimensionDynamoDBTableReadCapacityUnits, types.ScalableDimensionDynamoDBTableWriteCapacityUnits} {
		_, err := api.RegisterScalableTarget(ctx, &aas.RegisterScalableTargetInput{ServiceNamespace: types.ServiceNamespaceDynamodb,
			ResourceId: aws.String("table/orders"), ScalableDimension: dim, MinCapacity: aws.Int32(5), MaxCapacity: aws.Int32(100), RoleARN: role})
		check(t, err)
	}
	_, err = api.RegisterScalableTarget(ctx, &aas.RegisterScalableTargetInput{ServiceNamespace: types.ServiceNamespaceEcs,
		ResourceId: aws.String("service/prod/web"), ScalableDimension: types.ScalableDimensionECSServiceDesiredCount,
		MinCapacity: aws.Int32(2), MaxCapacity: aws.Int32(20), RoleARN: role,
		SuspendedState: &types.SuspendedState{ScheduledScalingSuspended: aws.Bool(true)}})
	check(t, err)
	for i := range 3 {
		_, err = api.PutScalingPolicy(ctx, &aas.PutScalingPolicyInput{ServiceNamespace: types.ServiceNamespaceEcs, PolicyName: aws.String(fmt.Sprint("cpu", i)),
			ResourceId: aws.String("service/prod/web"), ScalableDimension: types.ScalableDimensionECSServiceDesiredCount, PolicyType: types.PolicyTypeTargetTrackingScaling,
			TargetTrackingScalingPolicyConfiguration: &types.TargetTrackingScalingPolicyConfiguration{TargetValue: aws.Float64(60),
				PredefinedMetricSpecification: &types.PredefinedMetricSpecification{PredefinedMetricType: types.MetricTypeECSServiceAverageCPUUtilization}}})
		check(t, err)
	}
	for i := range 3 {
		_, err = api.PutScheduledAction(ctx, &aas.PutScheduledActionInput{ServiceNamespace: types.ServiceNamespaceDynamodb, ScheduledActionName: aws.String(fmt.Sprint("night", i)),
			ResourceId: aws.String("table/orders"), ScalableDimension: types.ScalableDimensionDynamoDBTableReadCapacityUnits, Schedule: aws.String("cron(0 22 * * ? *)"),
			ScalableTargetAction: &types.ScalableTargetAction{MaxCapacity: aws.Int32(10)}})
		check(t, err)
	}
}

func applicationautoscalingRun(t *testing.T, typ string) collecttest.Result {
	t.Helper()
	got := applicationautoscalingPaged.Run(t, collecttest.Config(t, region, nil), collector.Service, typ, region)
	if got.Err != nil {
		t.Fatal(got.Err)
	}
	return got
}

func TestApplicationautoscaling(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.Config(t, region, nil)
	applicationautoscalingRegister(t, aas.NewFromConfig(cfg), ecs.NewFromConfig(cfg))

	got := applicationautoscalingRun(t, "scalable-target")
	if len(got.Resources) != 3 {
		t.Fatalf("want 3 scalable targets over pages, got %d", len(got.Resources))
	}
	web := got.ByID()[service]
	if web == nil || web.Details["min_capacity"] != int64(2) || web.Details["max_capacity"] != int64(20) || web.Details["suspended"] != true ||
		web.Details["service_namespace"] != "ecs" || web.Name != "service/prod/web" || web.CreatedAt == "" {
		t.Fatalf("ecs target: %+v", web)
	}
	if got.ByID()[tableRead].Details["suspended"] != false {
		t.Errorf("table target suspended: %v", got.ByID()[tableRead].Details)
	}
	collecttest.HasEdges(t, got, service+" -scales-> ecs/service:prod/web", tableRead+" -scales-> dynamodb/table:orders",
		service+" -assumes-role-> iam/role:scaler")

	got = applicationautoscalingRun(t, "scaling-policy")
	p := got.ByID()[service+"|cpu1"]
	if len(got.Resources) != 3 || p == nil {
		t.Fatalf("want 3 policies, got %d", len(got.Resources))
	}
	if p.Details["policy_type"] != "TargetTrackingScaling" || p.Details["target_metric"] != "ECSServiceAverageCPUUtilization" ||
		p.Details["target_value"] != 60.0 || p.ARN == "" {
		t.Errorf("policy: %+v", p)
	}
	collecttest.HasEdges(t, got, service+"|cpu1 -applies-to-> application-autoscaling/scalable-target:"+service)

	got = applicationautoscalingRun(t, "scheduled-action")
	a := got.ByID()[tableRead+"|night2"]
	if len(got.Resources) != 3 || a == nil {
		t.Fatalf("want 3 scheduled actions, got %d", len(got.Resources))
	}
	if a.Details["schedule"] != "cron(0 22 * * ? *)" || a.Details["max_capacity"] != int64(10) {
		t.Errorf("action: %+v", a.Details)
	}
	if _, set := a.Details["min_capacity"]; set {
		t.Errorf("unchanged min capacity stored: %v", a.Details)
	}
	collecttest.HasEdges(t, got, tableRead+"|night2 -applies-to-> application-autoscaling/scalable-target:"+tableRead)
}

func TestApplicationautoscalingDenied(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.Config(t, region, nil)
	applicationautoscalingRegister(t, aas.NewFromConfig(cfg), ecs.NewFromConfig(cfg))
	for _, tc := range []struct{ typ, op string }{
		{"scalable-target", "DescribeScalableTargets"},
		{"scaling-policy", "DescribeScalingPolicies"},
		{"scheduled-action", "DescribeScheduledActions"},
		// policies and actions are listed only in the namespaces with targets
		{"scaling-policy", "DescribeScalableTargets"},
		{"scheduled-action", "DescribeScalableTargets"},
	} {
		cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny(tc.op)})
		collecttest.AssertDenied(t, applicationautoscalingPaged.Run(t, cfg, collector.Service, tc.typ, region))
	}
}

// A namespace without scalable targets cannot hold policies or scheduled
// actions: they are not asked for there.
func TestApplicationautoscalingSkipsNamespacesWithoutTargets(t *testing.T) {
	collecttest.Setup(t)
	var mu sync.Mutex
	calls := map[string]int{}
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: awsx.ResponderFunc(func(_ context.Context, req awsx.Request) (any, error) {
		mu.Lock()
		defer mu.Unlock()
		calls[req.Operation]++
		return nil, awsx.ErrPassThrough
	})})
	for _, typ := range []string{"scaling-policy", "scheduled-action"} {
		if got := applicationautoscalingPaged.Run(t, cfg, collector.Service, typ, region); got.Err != nil || len(got.Resources) != 0 {
			t.Fatalf("%s: %v, %d resources", typ, got.Err, len(got.Resources))
		}
	}
	for _, op := range []string{"DescribeScalingPolicies", "DescribeScheduledActions"} {
		if n := calls[op]; n != 0 {
			t.Errorf("%s called %d times without any scalable target", op, n)
		}
	}
}
