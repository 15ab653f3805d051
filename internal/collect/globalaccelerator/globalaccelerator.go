// Package globalaccelerator collects AWS Global Accelerator: standard
// accelerators with their listeners and endpoint groups, and custom routing
// accelerators. The API lives in us-west-2 only, whatever the region of
// the endpoints: a global service.
package globalaccelerator

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	ga "github.com/aws/aws-sdk-go-v2/service/globalaccelerator"
	"github.com/aws/aws-sdk-go-v2/service/globalaccelerator/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the Global Accelerator collector.
var Service = &collect.Service{
	Name:        "globalaccelerator",
	Description: "AWS Global Accelerator accelerators, listeners, endpoint groups and custom routing accelerators",
	Scope:       collect.Global,
	Types: []collect.Type{
		{Name: "accelerator", Description: "standard accelerator (id = the accelerator's uuid), with its static IPs and flow logs", Fields: acceleratorFields.Declared(),
			Tags: collect.TagsPerResource, Collect: accelerators, DetailCalls: 2},
		{Name: "listener", Description: "listener of a standard accelerator (id = ACCELERATOR/LISTENER)", Fields: listenerFields.Declared(),
			Tags: collect.NotTaggable, Collect: listeners, DetailCalls: 1},
		{Name: "endpoint-group", Description: "endpoint group of a listener, in one AWS region (id = ACCELERATOR/LISTENER/GROUP)", Fields: endpointGroupFields.Declared(),
			Tags: collect.NotTaggable, Collect: endpointGroups, DetailCalls: 2},
		{Name: "custom-routing-accelerator", Description: "custom routing accelerator (id = the accelerator's uuid), with its static IPs and flow logs",
			Fields: customAcceleratorFields.Declared(), Tags: collect.TagsPerResource, Collect: customAccelerators, DetailCalls: 2},
	},
	Calls: "ListAccelerators once for accelerator, listener and endpoint-group, and per accelerator ListListeners once for listener and endpoint-group; " +
		"accelerator: per accelerator DescribeAcceleratorAttributes, ListTagsForResource. endpoint-group: per listener ListEndpointGroups. " +
		"custom-routing-accelerator: ListCustomRoutingAccelerators + per accelerator DescribeCustomRoutingAcceleratorAttributes, ListTagsForResource. " +
		"Every call goes to us-west-2",
	Relations: []collect.Relation{
		{From: "accelerator", Kind: "logs-to", To: "s3/bucket"},
		{From: "custom-routing-accelerator", Kind: "logs-to", To: "s3/bucket"},
		{From: "listener", Kind: "in", To: "globalaccelerator/accelerator"},
		{From: "endpoint-group", Kind: "in", To: "globalaccelerator/listener"},
		{From: "endpoint-group", Kind: "routes-to", To: "elbv2/load-balancer"},
		{From: "endpoint-group", Kind: "routes-to", To: "ec2/instance"},
		{From: "endpoint-group", Kind: "routes-to", To: "ec2/elastic-ip"},
	},
}

// apiRegion is where the Global Accelerator API lives: the commercial
// partition only.
const apiRegion = "us-west-2"

// client is the Global Accelerator client, or the not-applicable error of
// a partition without the service (the SDK would send its credentials to
// the commercial endpoint).
func client(t *collect.Task) (*ga.Client, error) {
	if p := t.Partition(); p != "aws" {
		return nil, &awsx.NotApplicableError{Reason: "Global Accelerator is not offered in the " + p + " partition"}
	}
	return ga.NewFromConfig(t.Config, func(o *ga.Options) { o.Region = apiRegion }), nil
}

// idOf is the path of a Global Accelerator ARN below "accelerator/", with
// the kind words left out: accelerator/A/listener/L/endpoint-group/G is A/L/G.
func idOf(arn string) string {
	_, path, _ := strings.Cut(arn, ":accelerator/")
	parts := strings.Split(path, "/")
	ids := []string{}
	for i := 0; i < len(parts); i += 2 {
		ids = append(ids, parts[i])
	}
	return strings.Join(ids, "/")
}

// staticIPs are the addresses of an accelerator's IP sets.
func staticIPs(sets []types.IpSet) []string {
	out := []string{}
	for _, s := range sets {
		out = append(out, s.IpAddresses...)
	}
	return out
}

// flowLogs is an accelerator's flow log settings, from the attributes call.
type flowLogs struct {
	enabled        bool
	bucket, prefix string
}

func flowLogFields[T any](get func(T) flowLogs) collect.Fields[T] {
	return collect.Fields[T]{
		collect.Computed("flow_logs", model.Boolean, "flow logs are written to S3", func(v T) any { return get(v).enabled }),
		collect.Computed("flow_logs_bucket", model.Text, "bucket the flow logs go to", func(v T) any { return get(v).bucket }),
		collect.Computed("flow_logs_prefix", model.Text, "key prefix of the flow logs", func(v T) any { return get(v).prefix }),
	}
}

// accelerator is an accelerator's listing with its detail calls' answers;
// either kind of accelerator is read into it.
type accelerator struct {
	arn, name, dnsName, dualStackDNS string
	status, ipAddressType            string
	enabled                          *bool
	ipSets                           []types.IpSet
	created, modified                *time.Time
	logs                             flowLogs
}

func commonAcceleratorFields(statuses []string) collect.Fields[accelerator] {
	return append(collect.Fields[accelerator]{
		{Name: "status", Kind: model.Text, Description: "DEPLOYED or IN_PROGRESS", Values: statuses, Get: func(a accelerator) any { return a.status }},
		collect.Bool("enabled", "the accelerator takes traffic", func(a accelerator) *bool { return a.enabled }),
		collect.Computed("dns_name", model.Text, "DNS name pointing to the static IPv4 addresses", func(a accelerator) any { return a.dnsName }),
		collect.Computed("ip_address_type", model.Text, "IPV4 or DUAL_STACK", func(a accelerator) any { return a.ipAddressType }),
		collect.Computed("static_ips", model.JSON, "the static anycast addresses", func(a accelerator) any { return staticIPs(a.ipSets) }),
		collect.Timestamp("modified", "last change", func(a accelerator) *time.Time { return a.modified }),
	}, flowLogFields(func(a accelerator) flowLogs { return a.logs })...)
}

var acceleratorFields = append(commonAcceleratorFields(collect.Values(types.AcceleratorStatus("").Values())),
	collect.Computed("dual_stack_dns_name", model.Text, "DNS name pointing to the IPv4 and IPv6 addresses", func(a accelerator) any { return a.dualStackDNS }))

var customAcceleratorFields = commonAcceleratorFields(collect.Values(types.CustomRoutingAcceleratorStatus("").Values()))

// emitAccelerator reads an accelerator's flow logs (attributes, with the
// operation op) and tags, and stores it.
func emitAccelerator(ctx context.Context, t *collect.Task, api *ga.Client, typ, op string, a accelerator, fields collect.Fields[accelerator],
	attributes func(ctx context.Context) (flowLogs, error)) {
	logs, err := attributes(ctx)
	t.Warn(op, err)
	a.logs = logs
	var tags map[string]string
	out, err := api.ListTagsForResource(ctx, &ga.ListTagsForResourceInput{ResourceArn: &a.arn})
	t.Warn("ListTagsForResource", err)
	if err == nil {
		tags = collect.TagMap(out.Tags, func(tg types.Tag) (*string, *string) { return tg.Key, tg.Value })
	}
	key := t.Key(typ, idOf(a.arn))
	t.Emit(&model.Resource{Key: key, Name: a.name, ARN: a.arn, CreatedAt: model.Time(a.created), Tags: tags, Details: fields.Details(a)})
	if a.logs.enabled {
		t.RelateByName(key, "logs-to", "s3", "bucket", a.logs.bucket, apiRegion)
	}
}

// acceleratorList are the standard accelerators, listed once for the
// accelerator, listener and endpoint-group types.
func acceleratorList(ctx context.Context, t *collect.Task, api *ga.Client) ([]types.Accelerator, error) {
	p := ga.NewListAcceleratorsPaginator(api, &ga.ListAcceleratorsInput{MaxResults: t.PageSize(100)})
	return collect.ReuseItems(ctx, t, "ListAccelerators", p, func(page *ga.ListAcceleratorsOutput) []types.Accelerator { return page.Accelerators })
}

func accelerators(ctx context.Context, t *collect.Task) error {
	api, err := client(t)
	if err != nil {
		return err
	}
	list, err := acceleratorList(ctx, t, api)
	collect.ForEach(ctx, list, func(ctx context.Context, a types.Accelerator) {
		emitAccelerator(ctx, t, api, "accelerator", "DescribeAcceleratorAttributes", accelerator{arn: aws.ToString(a.AcceleratorArn), name: aws.ToString(a.Name), dnsName: aws.ToString(a.DnsName),
			dualStackDNS: aws.ToString(a.DualStackDnsName), status: string(a.Status), ipAddressType: string(a.IpAddressType), enabled: a.Enabled,
			ipSets: a.IpSets, created: a.CreatedTime, modified: a.LastModifiedTime}, acceleratorFields,
			func(ctx context.Context) (flowLogs, error) {
				out, err := api.DescribeAcceleratorAttributes(ctx, &ga.DescribeAcceleratorAttributesInput{AcceleratorArn: a.AcceleratorArn})
				if err != nil || out.AcceleratorAttributes == nil {
					return flowLogs{}, err
				}
				at := out.AcceleratorAttributes
				return flowLogs{aws.ToBool(at.FlowLogsEnabled), aws.ToString(at.FlowLogsS3Bucket), aws.ToString(at.FlowLogsS3Prefix)}, nil
			})
	})
	return err
}

func customAccelerators(ctx context.Context, t *collect.Task) error {
	api, err := client(t)
	if err != nil {
		return err
	}
	p := ga.NewListCustomRoutingAcceleratorsPaginator(api, &ga.ListCustomRoutingAcceleratorsInput{MaxResults: t.PageSize(100)})
	return collect.EachItem(ctx, p, func(page *ga.ListCustomRoutingAcceleratorsOutput) []types.CustomRoutingAccelerator {
		return page.Accelerators
	},
		func(ctx context.Context, a types.CustomRoutingAccelerator) {
			emitAccelerator(ctx, t, api, "custom-routing-accelerator", "DescribeCustomRoutingAcceleratorAttributes", accelerator{arn: aws.ToString(a.AcceleratorArn), name: aws.ToString(a.Name),
				dnsName: aws.ToString(a.DnsName), status: string(a.Status), ipAddressType: string(a.IpAddressType), enabled: a.Enabled,
				ipSets: a.IpSets, created: a.CreatedTime, modified: a.LastModifiedTime}, customAcceleratorFields,
				func(ctx context.Context) (flowLogs, error) {
					out, err := api.DescribeCustomRoutingAcceleratorAttributes(ctx, &ga.DescribeCustomRoutingAcceleratorAttributesInput{AcceleratorArn: a.AcceleratorArn})
					if err != nil || out.AcceleratorAttributes == nil {
						return flowLogs{}, err
					}
					at := out.AcceleratorAttributes
					return flowLogs{aws.ToBool(at.FlowLogsEnabled), aws.ToString(at.FlowLogsS3Bucket), aws.ToString(at.FlowLogsS3Prefix)}, nil
				})
		})
}

// portRanges are "from-to" ranges.
func portRanges(rs []types.PortRange) []string {
	out := []string{}
	for _, r := range rs {
		out = append(out, itoa(r.FromPort)+"-"+itoa(r.ToPort))
	}
	return out
}

var listenerFields = collect.Fields[types.Listener]{
	collect.Enum("protocol", "TCP or UDP", func(l types.Listener) types.Protocol { return l.Protocol }),
	collect.Computed("port_ranges", model.JSON, "ports listened on, as from-to", func(l types.Listener) any { return portRanges(l.PortRanges) }),
	collect.Enum("client_affinity", "NONE or SOURCE_IP (a client always reaches the same endpoint)", func(l types.Listener) types.ClientAffinity { return l.ClientAffinity }),
}

// eachListener runs fn, concurrently, on the listeners of every standard
// accelerator; each accelerator's listeners are listed once for the
// listener and endpoint-group types, and a failed listing of them is a
// warning.
func eachListener(ctx context.Context, t *collect.Task, api *ga.Client, fn func(ctx context.Context, l types.Listener)) error {
	list, err := acceleratorList(ctx, t, api)
	collect.ForEach(ctx, list, func(ctx context.Context, a types.Accelerator) {
		p := ga.NewListListenersPaginator(api, &ga.ListListenersInput{AcceleratorArn: a.AcceleratorArn, MaxResults: t.PageSize(100)})
		listeners, err := collect.ReuseItems(ctx, t, "ListListeners/"+aws.ToString(a.AcceleratorArn), p,
			func(page *ga.ListListenersOutput) []types.Listener { return page.Listeners })
		collect.ForEach(ctx, listeners, fn)
		t.Warn("ListListeners", err)
	})
	return err
}

func listeners(ctx context.Context, t *collect.Task) error {
	api, err := client(t)
	if err != nil {
		return err
	}
	return eachListener(ctx, t, api, func(_ context.Context, l types.Listener) {
		arn := aws.ToString(l.ListenerArn)
		key := t.Key("listener", idOf(arn))
		t.Emit(&model.Resource{Key: key, ARN: arn, Details: listenerFields.Details(l)})
		t.Relate(key, "in", t.Key("accelerator", strings.Split(key.ID, "/")[0]))
	})
}

var endpointGroupFields = collect.Fields[types.EndpointGroup]{
	collect.Text("endpoint_group_region", "AWS region of the endpoints", func(g types.EndpointGroup) *string { return g.EndpointGroupRegion }),
	collect.Computed("traffic_dial_percentage", model.Real, "share of the listener's traffic sent to the region", func(g types.EndpointGroup) any {
		return float64(aws.ToFloat32(g.TrafficDialPercentage))
	}),
	collect.Enum("health_check_protocol", "TCP, HTTP or HTTPS", func(g types.EndpointGroup) types.HealthCheckProtocol { return g.HealthCheckProtocol }),
	collect.Int("health_check_port", "port of the health checks", func(g types.EndpointGroup) *int32 { return g.HealthCheckPort }),
	collect.Text("health_check_path", "path of HTTP(S) health checks", func(g types.EndpointGroup) *string { return g.HealthCheckPath }),
	collect.Computed("endpoints", model.JSON, "endpoints: id (load balancer ARN, instance or Elastic IP), weight, health, client IP preservation", func(g types.EndpointGroup) any {
		out := []map[string]any{}
		for _, e := range g.EndpointDescriptions {
			out = append(out, map[string]any{"id": aws.ToString(e.EndpointId), "weight": aws.ToInt32(e.Weight), "health": string(e.HealthState),
				"client_ip_preservation": aws.ToBool(e.ClientIPPreservationEnabled)})
		}
		return out
	}),
}

// endpointKey is the key of the resource an endpoint id names, in the
// endpoint group's region: a load balancer ARN, an instance or an Elastic IP.
func endpointKey(t *collect.Task, region, id string) model.Key {
	k := model.Key{Account: t.Account, Region: region, Service: "ec2"}
	switch {
	case strings.HasPrefix(id, "arn:"):
		// arn:PARTITION:elasticloadbalancing:REGION:ACCOUNT:loadbalancer/TYPE/NAME/ID
		parts := strings.Split(id, ":")
		res := strings.Split(parts[len(parts)-1], "/")
		if len(parts) < 6 || parts[2] != "elasticloadbalancing" || len(res) < 3 {
			return model.Key{}
		}
		k.Account, k.Service, k.Type, k.ID = parts[4], "elbv2", "load-balancer", res[2]
	case strings.HasPrefix(id, "i-"):
		k.Type, k.ID = "instance", id
	case strings.HasPrefix(id, "eipalloc-"):
		k.Type, k.ID = "elastic-ip", id
	default:
		return model.Key{}
	}
	return k
}

func endpointGroups(ctx context.Context, t *collect.Task) error {
	api, err := client(t)
	if err != nil {
		return err
	}
	return eachListener(ctx, t, api, func(ctx context.Context, l types.Listener) {
		listener := idOf(aws.ToString(l.ListenerArn))
		p := ga.NewListEndpointGroupsPaginator(api, &ga.ListEndpointGroupsInput{ListenerArn: l.ListenerArn, MaxResults: t.PageSize(100)})
		t.Warn("ListEndpointGroups", collect.EachPage(ctx, p, func(page *ga.ListEndpointGroupsOutput) error {
			for _, g := range page.EndpointGroups {
				arn := aws.ToString(g.EndpointGroupArn)
				key := t.Key("endpoint-group", idOf(arn))
				t.Emit(&model.Resource{Key: key, Name: aws.ToString(g.EndpointGroupRegion), ARN: arn, Details: endpointGroupFields.Details(g)})
				t.Relate(key, "in", t.Key("listener", listener))
				for _, e := range g.EndpointDescriptions {
					t.Relate(key, "routes-to", endpointKey(t, aws.ToString(g.EndpointGroupRegion), aws.ToString(e.EndpointId)))
				}
			}
			return nil
		}))
	})
}

func itoa(n *int32) string { return strconv.Itoa(int(aws.ToInt32(n))) }
