package all_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	elb "github.com/aws/aws-sdk-go-v2/service/elasticloadbalancingv2"
	"github.com/aws/aws-sdk-go-v2/service/elasticloadbalancingv2/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/elbv2"
)

// listenerEstate adds to setup's HTTPS listener of "web" six path rules and
// a tag, and an HTTP listener redirecting to HTTPS on lb-1.
func listenerEstate(t *testing.T, cfg aws.Config) (https string) {
	t.Helper()
	ctx := context.Background()
	api := elb.NewFromConfig(cfg)
	lbs, err := api.DescribeLoadBalancers(ctx, &elb.DescribeLoadBalancersInput{Names: []string{"web", "lb-1"}})
	check(t, err)
	web, lb1 := lbs.LoadBalancers[0], lbs.LoadBalancers[1]
	ls, err := api.DescribeListeners(ctx, &elb.DescribeListenersInput{LoadBalancerArn: web.LoadBalancerArn})
	check(t, err)
	l := ls.Listeners[0]
	tgARN := aws.ToString(l.DefaultActions[0].TargetGroupArn)
	_, err = api.AddTags(ctx, &elb.AddTagsInput{ResourceArns: []string{aws.ToString(l.ListenerArn)}, Tags: []types.Tag{{Key: aws.String("Team"), Value: aws.String("edge")}}})
	check(t, err)
	for i := range 6 {
		_, err := api.CreateRule(ctx, &elb.CreateRuleInput{ListenerArn: l.ListenerArn, Priority: aws.Int32(int32(10 + i)),
			Conditions: []types.RuleCondition{{Field: aws.String("path-pattern"), PathPatternConfig: &types.PathPatternConditionConfig{Values: []string{fmt.Sprintf("/api%d/*", i)}}}},
			Actions:    []types.Action{{Type: types.ActionTypeEnumForward, TargetGroupArn: aws.String(tgARN)}}})
		check(t, err)
	}
	_, err = api.CreateListener(ctx, &elb.CreateListenerInput{LoadBalancerArn: lb1.LoadBalancerArn, Port: aws.Int32(80), Protocol: types.ProtocolEnumHttp,
		DefaultActions: []types.Action{{Type: types.ActionTypeEnumRedirect, RedirectConfig: &types.RedirectActionConfig{Protocol: aws.String("HTTPS"), Port: aws.String("443"), StatusCode: types.RedirectActionStatusCodeEnumHttp301}}}})
	check(t, err)
	return aws.ToString(l.ListenerArn)
}

func TestElbv2Listeners(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.Config(t, region, nil)
	e := elbv2Setup(t, cfg)
	https := listenerEstate(t, cfg)
	got := collecttest.Run(t, cfg, collector.Service, "listener", region)
	if got.Err != nil || len(got.Resources) != 2 {
		t.Fatalf("want the 2 listeners: %v, %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	id := "web/" + https[len(https)-16:]
	l := got.ByID()[id]
	if l == nil || l.ARN != https || l.Name != "HTTPS:443" || l.Tags["Team"] != "edge" {
		t.Fatalf("listener %s: %+v", id, l)
	}
	if l.Details["port"] != int64(443) || l.Details["protocol"] != "HTTPS" || fmt.Sprint(l.Details["certificate_arns"]) != "["+e.cert+"]" ||
		fmt.Sprint(l.Details["default_actions"]) != "[forward]" {
		t.Errorf("details: %v", l.Details)
	}
	for _, r := range got.Resources {
		if r.Name == "HTTP:80" && fmt.Sprint(r.Details["default_actions"]) != "[redirect]" {
			t.Errorf("HTTP listener: %v", r.Details)
		}
	}
	collecttest.HasEdges(t, got, id+" -in-> elbv2/load-balancer:web", id+" -routes-to-> elbv2/target-group:web-tg",
		id+" -uses-certificate-> acm/certificate:"+collect.ARNResourceName(e.cert))
}

func TestElbv2ListenerRules(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.Config(t, region, nil)
	elbv2Setup(t, cfg)
	https := listenerEstate(t, cfg)
	got := collecttest.Run(t, cfg, collector.Service, "listener-rule", region)
	// 6 rules and the default one over pages on the HTTPS listener, the default one on the HTTP listener.
	if got.Err != nil || len(got.Resources) != 8 {
		t.Fatalf("want 8 rules: %v, %d", got.Err, len(got.Resources))
	}
	listener := "web/" + https[len(https)-16:]
	var found, defaults int
	for _, r := range got.Resources {
		if r.Details["is_default"] == true {
			defaults++
			continue
		}
		if r.Details["priority"] != "12" {
			continue
		}
		found++
		if r.Name != "HTTPS:443 12" || r.ID[:len(listener)+1] != listener+"/" || r.ARN == "" ||
			fmt.Sprintf("%+v", r.Details["conditions"]) != "[{Field:path-pattern Values:[/api2/*]}]" || fmt.Sprint(r.Details["actions"]) != "[forward]" {
			t.Errorf("rule: %+v", r)
		}
		collecttest.HasEdges(t, got, r.ID+" -in-> elbv2/listener:"+listener, r.ID+" -routes-to-> elbv2/target-group:web-tg")
	}
	if found != 1 || defaults != 2 {
		t.Errorf("found %d rules of priority 12, %d default rules", found, defaults)
	}

	denied := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("DescribeRules")})
	got = collecttest.Run(t, denied, collector.Service, "listener-rule", region)
	if got.Err != nil || len(got.Resources) != 0 || len(got.Task.Warnings()) != 2 {
		t.Errorf("denied DescribeRules: want a warning per listener, got %v, %d, %v", got.Err, len(got.Resources), got.Task.Warnings())
	}
	denied = collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("DescribeLoadBalancers")})
	collecttest.AssertDenied(t, collecttest.Run(t, denied, collector.Service, "listener", region))
}
