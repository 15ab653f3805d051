package all_test

import (
	"fmt"
	"strconv"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ecs"
	"github.com/aws/aws-sdk-go-v2/service/ecs/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/ecs"
)

const asgARN = "arn:aws:autoscaling:eu-west-1:123456789012:autoScalingGroup:2f4e:autoScalingGroupName/"

// providers cans DescribeCapacityProviders: moto 5.2.1 answers it only for
// named providers (HTTP 500 without names), while AWS lists all. The
// account has the built-in Fargate pair, a deleted provider and six of its
// own, served PageCap at a time.
func providers(t *testing.T) awsx.Responder {
	all := []types.CapacityProvider{
		{Name: aws.String("FARGATE"), Type: types.CapacityProviderTypeFargate, Status: types.CapacityProviderStatusActive},
		{Name: aws.String("FARGATE_SPOT"), Type: types.CapacityProviderTypeFargateSpot, Status: types.CapacityProviderStatusActive},
		{Name: aws.String("old"), Type: types.CapacityProviderTypeEc2Autoscaling, Status: types.CapacityProviderStatusInactive},
	}
	for i := range 6 {
		name := fmt.Sprint("cp", i)
		all = append(all, types.CapacityProvider{Name: aws.String(name), Type: types.CapacityProviderTypeEc2Autoscaling, Status: types.CapacityProviderStatusActive,
			CapacityProviderArn: aws.String("arn:aws:ecs:eu-west-1:" + collecttest.MotoAccount + ":capacity-provider/" + name),
			UpdateStatus:        types.CapacityProviderUpdateStatusUpdateComplete,
			AutoScalingGroupProvider: &types.AutoScalingGroupProvider{AutoScalingGroupArn: aws.String(fmt.Sprint(asgARN, "asg", i)),
				ManagedScaling:               &types.ManagedScaling{Status: types.ManagedScalingStatusEnabled, TargetCapacity: aws.Int32(90)},
				ManagedTerminationProtection: types.ManagedTerminationProtectionEnabled},
			Tags: []types.Tag{{Key: aws.String("team"), Value: aws.String("compute")}}})
	}
	return collecttest.Canned(map[string]func(any) (any, error){
		"DescribeCapacityProviders": func(in any) (any, error) {
			i := in.(*ecs.DescribeCapacityProvidersInput)
			if len(i.Include) != 1 || i.Include[0] != types.CapacityProviderFieldTags || aws.ToInt32(i.MaxResults) != collecttest.PageCap {
				t.Errorf("input %+v: want the tags included and pages of the page cap", i)
			}
			start, _ := strconv.Atoi(aws.ToString(i.NextToken))
			end := min(start+int(collecttest.PageCap), len(all))
			out := &ecs.DescribeCapacityProvidersOutput{CapacityProviders: all[start:end]}
			if end < len(all) {
				out.NextToken = aws.String(strconv.Itoa(end))
			}
			return out, nil
		},
	})
}

func TestEcsCapacityProviders(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: providers(t)})
	got := collecttest.Run(t, cfg, collector.Service, "capacity-provider", region)
	if got.Err != nil {
		t.Fatal(got.Err)
	}
	c := got.ByID()["cp3"]
	if len(got.Resources) != 6 || c == nil {
		t.Fatalf("want the 6 providers of the account (built-in and deleted ones skipped), got %d", len(got.Resources))
	}
	for k, want := range map[string]any{"provider_type": "EC2_AUTOSCALING", "status": "ACTIVE", "auto_scaling_group_arn": asgARN + "asg3",
		"managed_scaling": true, "target_capacity": int64(90), "managed_termination_protection": "ENABLED", "update_status": "UPDATE_COMPLETE"} {
		if c.Details[k] != want {
			t.Errorf("details[%s] = %v, want %v", k, c.Details[k], want)
		}
	}
	if c.Tags["team"] != "compute" || c.Name != "cp3" || c.ARN != "arn:aws:ecs:eu-west-1:"+collecttest.MotoAccount+":capacity-provider/cp3" {
		t.Errorf("identity: %+v", c)
	}
	collecttest.HasEdges(t, got, "cp3 -uses-group-> autoscaling/group:asg3")

	denied := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("DescribeCapacityProviders")})
	collecttest.AssertDenied(t, collecttest.Run(t, denied, collector.Service, "capacity-provider", region))
}
