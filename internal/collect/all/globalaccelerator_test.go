package all_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	ga "github.com/aws/aws-sdk-go-v2/service/globalaccelerator"
	"github.com/aws/aws-sdk-go-v2/service/globalaccelerator/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/globalaccelerator"
	"github.com/awsmap/awsmap/internal/model"
)

var (
	globalacceleratorCreated = time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)
)

func acceleratorARN(id string) string {
	return "arn:aws:globalaccelerator::" + account + ":accelerator/" + id
}

// canned answers Global Accelerator (moto has none of it): three standard
// accelerators over two pages, acc0 logging to a bucket; each has two
// listeners over two pages, each listener one endpoint group in eu-west-1
// routing to a load balancer, an instance and an Elastic IP; one custom
// routing accelerator. Every call must reach us-west-2.
func globalacceleratorCanned(t *testing.T) map[string]func(any) (any, error) {
	return map[string]func(any) (any, error){
		"ListAccelerators": func(in any) (any, error) {
			var all []types.Accelerator
			for i := range 3 {
				id := fmt.Sprint("acc", i)
				all = append(all, types.Accelerator{AcceleratorArn: aws.String(acceleratorARN(id)), Name: aws.String(fmt.Sprint("edge", i)), CreatedTime: &globalacceleratorCreated,
					Status: types.AcceleratorStatusDeployed, Enabled: aws.Bool(i != 2), IpAddressType: types.IpAddressTypeDualStack, DnsName: aws.String(id + ".awsglobalaccelerator.com"),
					IpSets: []types.IpSet{{IpAddresses: []string{"198.51.100.1", "198.51.100.2"}}}})
			}
			page, next := collecttest.Page(all, in.(*ga.ListAcceleratorsInput).NextToken, 2)
			return &ga.ListAcceleratorsOutput{Accelerators: page, NextToken: next}, nil
		},
		"DescribeAcceleratorAttributes": func(in any) (any, error) {
			arn := aws.ToString(in.(*ga.DescribeAcceleratorAttributesInput).AcceleratorArn)
			on := arn == acceleratorARN("acc0")
			return &ga.DescribeAcceleratorAttributesOutput{AcceleratorAttributes: &types.AcceleratorAttributes{FlowLogsEnabled: aws.Bool(on),
				FlowLogsS3Bucket: aws.String(map[bool]string{true: "flow-logs"}[on]), FlowLogsS3Prefix: aws.String("ga/")}}, nil
		},
		"ListTagsForResource": func(in any) (any, error) {
			arn := aws.ToString(in.(*ga.ListTagsForResourceInput).ResourceArn)
			return &ga.ListTagsForResourceOutput{Tags: []types.Tag{{Key: aws.String("arn"), Value: aws.String(arn)}}}, nil
		},
		"ListListeners": func(in any) (any, error) {
			acc := aws.ToString(in.(*ga.ListListenersInput).AcceleratorArn)
			var all []types.Listener
			for _, l := range []string{"l1", "l2"} {
				all = append(all, types.Listener{ListenerArn: aws.String(acc + "/listener/" + l), Protocol: types.ProtocolTcp, ClientAffinity: types.ClientAffinitySourceIp,
					PortRanges: []types.PortRange{{FromPort: aws.Int32(443), ToPort: aws.Int32(443)}, {FromPort: aws.Int32(8000), ToPort: aws.Int32(8100)}}})
			}
			page, next := collecttest.Page(all, in.(*ga.ListListenersInput).NextToken, 1)
			return &ga.ListListenersOutput{Listeners: page, NextToken: next}, nil
		},
		"ListEndpointGroups": func(in any) (any, error) {
			listener := aws.ToString(in.(*ga.ListEndpointGroupsInput).ListenerArn)
			return &ga.ListEndpointGroupsOutput{EndpointGroups: []types.EndpointGroup{{EndpointGroupArn: aws.String(listener + "/endpoint-group/g1"),
				EndpointGroupRegion: aws.String("eu-west-1"), TrafficDialPercentage: aws.Float32(50), HealthCheckProtocol: types.HealthCheckProtocolHttps,
				HealthCheckPort: aws.Int32(443), HealthCheckPath: aws.String("/health"),
				EndpointDescriptions: []types.EndpointDescription{
					{EndpointId: aws.String("arn:aws:elasticloadbalancing:eu-west-1:210987654321:loadbalancer/app/web/50dc6c495c0c9188"), Weight: aws.Int32(128),
						HealthState: types.HealthStateHealthy, ClientIPPreservationEnabled: aws.Bool(true)},
					{EndpointId: aws.String("i-0123456789abcdef0"), Weight: aws.Int32(10)},
					{EndpointId: aws.String("eipalloc-0abc")},
				}}}}, nil
		},
		"ListCustomRoutingAccelerators": func(in any) (any, error) {
			return &ga.ListCustomRoutingAcceleratorsOutput{Accelerators: []types.CustomRoutingAccelerator{{AcceleratorArn: aws.String(acceleratorARN("custom")),
				Name: aws.String("game"), CreatedTime: &globalacceleratorCreated, Status: types.CustomRoutingAcceleratorStatusInProgress, Enabled: aws.Bool(true),
				IpSets: []types.IpSet{{IpAddresses: []string{"198.51.100.9"}}}}}}, nil
		},
		"DescribeCustomRoutingAcceleratorAttributes": func(any) (any, error) {
			return &ga.DescribeCustomRoutingAcceleratorAttributesOutput{AcceleratorAttributes: &types.CustomRoutingAcceleratorAttributes{FlowLogsEnabled: aws.Bool(false)}}, nil
		},
	}
}

// inUSWest2 fails any call that does not go to the API's region.
func inUSWest2(t *testing.T, answers map[string]func(any) (any, error)) awsx.Responder {
	canned := collecttest.Canned(answers)
	return awsx.ResponderFunc(func(ctx context.Context, req awsx.Request) (any, error) {
		if req.Region != "us-west-2" {
			t.Errorf("%s called in %s", req.Operation, req.Region)
		}
		return canned.Respond(ctx, req)
	})
}

func globalacceleratorRun(t *testing.T, typ string, answers map[string]func(any) (any, error)) collecttest.Result {
	t.Helper()
	cfg := collecttest.ConfigWith(t, "us-east-1", awsx.Options{Responder: inUSWest2(t, answers)})
	return collecttest.Run(t, cfg, collector.Service, typ, model.GlobalRegion)
}

func TestGlobalacceleratorAccelerators(t *testing.T) {
	collecttest.Require(t)
	got := globalacceleratorRun(t, "accelerator", globalacceleratorCanned(t))
	if got.Err != nil || len(got.Resources) != 3 {
		t.Fatalf("accelerators: %v, %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	a := got.ByID()["acc0"]
	if a == nil || a.Name != "edge0" || a.ARN != acceleratorARN("acc0") || a.CreatedAt != "2026-02-01T00:00:00Z" || a.Tags["arn"] != acceleratorARN("acc0") ||
		a.Details["status"] != "DEPLOYED" || a.Details["enabled"] != true || a.Details["ip_address_type"] != "DUAL_STACK" ||
		fmt.Sprint(a.Details["static_ips"]) != "[198.51.100.1 198.51.100.2]" || a.Details["flow_logs"] != true || a.Details["flow_logs_bucket"] != "flow-logs" {
		t.Fatalf("accelerator: %+v", a)
	}
	if d := got.ByID()["acc2"].Details; d["enabled"] != false || d["flow_logs"] != false {
		t.Errorf("acc2: %v", d)
	}
	if edges := got.Edges(); fmt.Sprint(edges) != "[acc0 -logs-to-> s3/bucket:flow-logs]" {
		t.Errorf("only acc0 logs: %v", edges)
	}

	got = globalacceleratorRun(t, "custom-routing-accelerator", globalacceleratorCanned(t))
	if got.Err != nil || len(got.Resources) != 1 {
		t.Fatalf("custom routing: %v, %d", got.Err, len(got.Resources))
	}
	if c := got.ByID()["custom"]; c.Name != "game" || c.Details["status"] != "IN_PROGRESS" || c.Tags["arn"] != acceleratorARN("custom") || c.Details["flow_logs"] != false {
		t.Errorf("custom routing accelerator: %+v", c)
	}
}

func TestGlobalacceleratorListenersAndEndpointGroups(t *testing.T) {
	collecttest.Require(t)
	got := globalacceleratorRun(t, "listener", globalacceleratorCanned(t))
	if got.Err != nil || len(got.Resources) != 6 {
		t.Fatalf("listeners: %v, %d", got.Err, len(got.Resources))
	}
	l := got.ByID()["acc1/l2"]
	if l == nil || l.ARN != acceleratorARN("acc1")+"/listener/l2" || l.Details["protocol"] != "TCP" || l.Details["client_affinity"] != "SOURCE_IP" ||
		fmt.Sprint(l.Details["port_ranges"]) != "[443-443 8000-8100]" {
		t.Fatalf("listener: %+v", l)
	}
	collecttest.HasEdges(t, got, "acc1/l2 -in-> globalaccelerator/accelerator:acc1")

	got = globalacceleratorRun(t, "endpoint-group", globalacceleratorCanned(t))
	if got.Err != nil || len(got.Resources) != 6 {
		t.Fatalf("endpoint groups: %v, %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	g := got.ByID()["acc2/l1/g1"]
	if g == nil || g.Details["endpoint_group_region"] != "eu-west-1" || g.Details["traffic_dial_percentage"] != 50.0 || g.Details["health_check_protocol"] != "HTTPS" {
		t.Fatalf("endpoint group: %+v", g)
	}
	collecttest.HasEdges(t, got, "acc2/l1/g1 -in-> globalaccelerator/listener:acc2/l1", "acc2/l1/g1 -routes-to-> elbv2/load-balancer:web",
		"acc2/l1/g1 -routes-to-> ec2/instance:i-0123456789abcdef0", "acc2/l1/g1 -routes-to-> ec2/elastic-ip:eipalloc-0abc")
	for _, rel := range got.Relationships {
		if rel.Kind == "routes-to" && rel.To.Region != "eu-west-1" {
			t.Errorf("an endpoint is in its group's region: %+v", rel.To)
		}
		if rel.To.Service == "elbv2" && rel.To.Account != "210987654321" {
			t.Errorf("a load balancer is in its ARN's account: %+v", rel.To)
		}
	}
}

func TestGlobalacceleratorDenied(t *testing.T) {
	collecttest.Require(t)
	for typ, op := range map[string]string{"accelerator": "ListAccelerators", "listener": "ListAccelerators", "endpoint-group": "ListAccelerators",
		"custom-routing-accelerator": "ListCustomRoutingAccelerators"} {
		answers := globalacceleratorCanned(t)
		answers[op] = collecttest.Denied(op)
		collecttest.AssertDenied(t, globalacceleratorRun(t, typ, answers))
	}
	// Detail calls denied: the accelerators are stored, the collection partial.
	answers := globalacceleratorCanned(t)
	answers["DescribeAcceleratorAttributes"] = collecttest.Denied("DescribeAcceleratorAttributes")
	answers["ListTagsForResource"] = collecttest.Denied("ListTagsForResource")
	got := globalacceleratorRun(t, "accelerator", answers)
	if got.Err != nil || len(got.Resources) != 3 || len(got.Task.Warnings()) != 6 {
		t.Fatalf("want 3 accelerators and 6 warnings: %v, %d, %d", got.Err, len(got.Resources), len(got.Task.Warnings()))
	}
	answers = globalacceleratorCanned(t)
	answers["ListEndpointGroups"] = collecttest.Denied("ListEndpointGroups")
	if got := globalacceleratorRun(t, "endpoint-group", answers); got.Err != nil || len(got.Task.Warnings()) != 6 {
		t.Fatalf("want a warning per listener: %v, %d", got.Err, len(got.Task.Warnings()))
	}
}

// Global Accelerator exists in the commercial partition only.
func TestGlobalacceleratorNotOfferedInGovCloud(t *testing.T) {
	collecttest.Require(t)
	cfg := collecttest.ConfigWith(t, "us-gov-west-1", awsx.Options{Responder: collecttest.Canned(globalacceleratorCanned(t))})
	got := collecttest.Run(t, cfg, collector.Service, "accelerator", model.GlobalRegion)
	if awsx.Classify(got.Err) != awsx.Unsupported || len(got.Resources) != 0 {
		t.Fatalf("want unsupported: %v, %d", got.Err, len(got.Resources))
	}
}
