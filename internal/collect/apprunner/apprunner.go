// Package apprunner collects AWS App Runner services and what they use:
// source connections, VPC connectors, VPC ingress connections, auto
// scaling and observability configurations. Runtime environment variables
// and secrets of a service are never read into the store.
package apprunner

import (
	"context"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/apprunner"
	"github.com/aws/aws-sdk-go-v2/service/apprunner/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the App Runner collector.
var Service = &collect.Service{
	Name:        "apprunner",
	Description: "AWS App Runner services, connections, VPC connectors, VPC ingress connections, auto scaling and observability configurations",
	Types: []collect.Type{
		{Name: "service", Description: "App Runner service (id = name), with its source, network exposure and encryption; environment values are never stored",
			Fields: serviceFields.Declared(), Tags: collect.TagsPerResource, Collect: services, DetailCalls: 2},
		{Name: "connection", Description: "connection to a source code provider such as GitHub (id = name)", Fields: connectionFields.Declared(),
			Tags: collect.TagsPerResource, Collect: connections, DetailCalls: 1},
		{Name: "vpc-connector", Description: "VPC connector for outbound traffic (id = NAME/REVISION; inactive ones skipped)", Fields: vpcConnectorFields.Declared(),
			Tags: collect.TagsPerResource, Collect: vpcConnectors, DetailCalls: 1},
		{Name: "vpc-ingress-connection", Description: "private endpoint of a service in a VPC (id = name; deleted ones skipped)", Fields: ingressFields.Declared(),
			Tags: collect.TagsPerResource, Collect: ingressConnections, DetailCalls: 2},
		{Name: "auto-scaling-configuration", Description: "auto scaling configuration, its latest revision (id = NAME/REVISION), the default one included", Fields: autoScalingFields.Declared(),
			Tags: collect.TagsPerResource, Collect: autoScalingConfigurations, DetailCalls: 2},
		{Name: "observability-configuration", Description: "observability (tracing) configuration, its latest revision (id = NAME/REVISION)",
			Fields: observabilityFields.Declared(), Tags: collect.TagsPerResource, Collect: observabilityConfigurations, DetailCalls: 2},
	},
	Calls: "service: ListServices + per service DescribeService, ListTagsForResource. connection: ListConnections + per connection ListTagsForResource. " +
		"vpc-connector: ListVpcConnectors + per connector ListTagsForResource. vpc-ingress-connection: ListVpcIngressConnections + per connection " +
		"DescribeVpcIngressConnection, ListTagsForResource. auto-scaling-configuration: ListAutoScalingConfigurations (latest revisions: the SDK cannot send LatestOnly=false) + " +
		"per configuration DescribeAutoScalingConfiguration, ListTagsForResource. observability-configuration: ListObservabilityConfigurations (latest revisions) + per configuration " +
		"DescribeObservabilityConfiguration, ListTagsForResource",
	Relations: []collect.Relation{
		{From: "service", Kind: "assumes-role", To: "iam/role"},
		{From: "service", Kind: "encrypted-with", To: "kms/key"},
		{From: "service", Kind: "egress-via", To: "apprunner/vpc-connector"},
		{From: "service", Kind: "uses", To: "apprunner/connection"},
		{From: "service", Kind: "scales-with", To: "apprunner/auto-scaling-configuration"},
		{From: "service", Kind: "traces-with", To: "apprunner/observability-configuration"},
		{From: "vpc-connector", Kind: "in-subnet", To: "ec2/subnet"},
		{From: "vpc-connector", Kind: "uses-security-group", To: "ec2/security-group"},
		{From: "vpc-ingress-connection", Kind: "exposes", To: "apprunner/service"},
		{From: "vpc-ingress-connection", Kind: "in-vpc", To: "ec2/vpc"},
	},
}

// idOf is an App Runner id from its ARN: the resource path without its
// kind and without the trailing unique id, so NAME for services and
// connections and NAME/REVISION for revisioned resources
// (arn:aws:apprunner:r:a:vpcconnector/NAME/REVISION/UNIQUEID).
func idOf(arn string) string {
	_, path, _ := strings.Cut(arn, ":apprunner:")
	parts := strings.Split(path, "/")
	if len(parts) < 3 {
		return ""
	}
	return strings.Join(parts[1:len(parts)-1], "/")
}

// tagsOf reads a resource's tags; a failure is a warning.
func tagsOf(ctx context.Context, t *collect.Task, api *apprunner.Client, arn *string) map[string]string {
	out, err := api.ListTagsForResource(ctx, &apprunner.ListTagsForResourceInput{ResourceArn: arn})
	if err != nil {
		t.Warn("ListTagsForResource", err)
		return nil
	}
	return collect.TagMap(out.Tags, func(tg types.Tag) (*string, *string) { return tg.Key, tg.Value })
}

// emit stores a resource known by its ARN, with its tags.
func emit(ctx context.Context, t *collect.Task, api *apprunner.Client, typ string, arn *string, name *string, created *time.Time, details map[string]any) model.Key {
	key := t.Key(typ, idOf(aws.ToString(arn)))
	t.Emit(&model.Resource{Key: key, Name: aws.ToString(name), ARN: aws.ToString(arn), CreatedAt: model.Time(created), Tags: tagsOf(ctx, t, api, arn), Details: details})
	return key
}

// service is a listed service with its description, nil when that failed.
type service struct {
	types.ServiceSummary
	detail *types.Service
}

func (s service) source() types.SourceConfiguration {
	if s.detail == nil || s.detail.SourceConfiguration == nil {
		return types.SourceConfiguration{}
	}
	return *s.detail.SourceConfiguration
}

func (s service) network() types.NetworkConfiguration {
	if s.detail == nil || s.detail.NetworkConfiguration == nil {
		return types.NetworkConfiguration{}
	}
	return *s.detail.NetworkConfiguration
}

func (s service) instance() types.InstanceConfiguration {
	if s.detail == nil || s.detail.InstanceConfiguration == nil {
		return types.InstanceConfiguration{}
	}
	return *s.detail.InstanceConfiguration
}

func (s service) auth() types.AuthenticationConfiguration {
	if a := s.source().AuthenticationConfiguration; a != nil {
		return *a
	}
	return types.AuthenticationConfiguration{}
}

func (s service) kmsKey() string {
	if s.detail == nil || s.detail.EncryptionConfiguration == nil {
		return ""
	}
	return aws.ToString(s.detail.EncryptionConfiguration.KmsKey)
}

func (s service) vpcConnector() string {
	if e := s.network().EgressConfiguration; e != nil {
		return aws.ToString(e.VpcConnectorArn)
	}
	return ""
}

func (s service) observability() string {
	if s.detail == nil || s.detail.ObservabilityConfiguration == nil || !s.detail.ObservabilityConfiguration.ObservabilityEnabled {
		return ""
	}
	return aws.ToString(s.detail.ObservabilityConfiguration.ObservabilityConfigurationArn)
}

func (s service) autoScaling() string {
	if s.detail == nil || s.detail.AutoScalingConfigurationSummary == nil {
		return ""
	}
	return aws.ToString(s.detail.AutoScalingConfigurationSummary.AutoScalingConfigurationArn)
}

var serviceFields = collect.Fields[service]{
	collect.Enum("status", "CREATE_FAILED, RUNNING, DELETED, DELETE_FAILED, PAUSED or OPERATION_IN_PROGRESS", func(s service) types.ServiceStatus { return s.Status }),
	collect.Text("url", "public URL of the service", func(s service) *string { return s.ServiceUrl }),
	collect.Computed("publicly_accessible", model.Boolean, "reachable from the internet; false: only through VPC ingress connections", func(s service) any {
		if i := s.network().IngressConfiguration; i != nil {
			return i.IsPubliclyAccessible
		}
		return nil
	}),
	collect.Computed("egress_type", model.Text, "DEFAULT (internet) or VPC (through a VPC connector)", func(s service) any {
		if e := s.network().EgressConfiguration; e != nil {
			return string(e.EgressType)
		}
		return ""
	}),
	collect.Computed("source_type", model.Text, "image (a container image) or code (a source repository)", func(s service) any {
		switch src := s.source(); {
		case src.ImageRepository != nil:
			return "image"
		case src.CodeRepository != nil:
			return "code"
		}
		return ""
	}),
	collect.Computed("source", model.Text, "image identifier or repository URL the service deploys", func(s service) any {
		src := s.source()
		if src.ImageRepository != nil {
			return aws.ToString(src.ImageRepository.ImageIdentifier)
		}
		if src.CodeRepository != nil {
			return aws.ToString(src.CodeRepository.RepositoryUrl)
		}
		return ""
	}),
	collect.Computed("auto_deployments", model.Boolean, "a new image or commit deploys automatically", func(s service) any { return aws.ToBool(s.source().AutoDeploymentsEnabled) }),
	collect.Computed("cpu", model.Text, "vCPU of each instance, e.g. 1024", func(s service) any { return aws.ToString(s.instance().Cpu) }),
	collect.Computed("memory", model.Text, "memory of each instance, e.g. 2048", func(s service) any { return aws.ToString(s.instance().Memory) }),
	collect.Computed("instance_role_arn", model.Text, "role the running code assumes", func(s service) any { return aws.ToString(s.instance().InstanceRoleArn) }),
	collect.Computed("access_role_arn", model.Text, "role App Runner pulls private ECR images with", func(s service) any { return aws.ToString(s.auth().AccessRoleArn) }),
	collect.Computed("kms_key", model.Text, "customer managed KMS key encrypting the source copy and logs; empty: an AWS owned key", func(s service) any {
		return s.kmsKey()
	}),
	collect.Computed("observability", model.Boolean, "tracing is on", func(s service) any { return s.observability() != "" }),
	collect.Timestamp("updated", "last change", func(s service) *time.Time { return s.UpdatedAt }),
}

func services(ctx context.Context, t *collect.Task) error {
	api := apprunner.NewFromConfig(t.Config)
	p := apprunner.NewListServicesPaginator(api, &apprunner.ListServicesInput{MaxResults: t.PageSize(20)})
	return collect.EachItem(ctx, p, func(page *apprunner.ListServicesOutput) []types.ServiceSummary { return page.ServiceSummaryList },
		func(ctx context.Context, sum types.ServiceSummary) {
			s := service{ServiceSummary: sum}
			out, err := api.DescribeService(ctx, &apprunner.DescribeServiceInput{ServiceArn: sum.ServiceArn})
			t.Warn("DescribeService", err)
			if err == nil {
				s.detail = out.Service
			}
			key := emit(ctx, t, api, "service", sum.ServiceArn, sum.ServiceName, sum.CreatedAt, serviceFields.Details(s))
			for _, role := range []string{aws.ToString(s.instance().InstanceRoleArn), aws.ToString(s.auth().AccessRoleArn)} {
				if role != "" {
					t.Relate(key, "assumes-role", t.Role(role))
				}
			}
			t.Relate(key, "encrypted-with", t.KMSKey(s.kmsKey()))
			t.Relate(key, "egress-via", t.Key("vpc-connector", idOf(s.vpcConnector())))
			t.Relate(key, "uses", t.Key("connection", idOf(aws.ToString(s.auth().ConnectionArn))))
			t.Relate(key, "scales-with", t.Key("auto-scaling-configuration", idOf(s.autoScaling())))
			t.Relate(key, "traces-with", t.Key("observability-configuration", idOf(s.observability())))
		})
}

var connectionFields = collect.Fields[types.ConnectionSummary]{
	collect.Enum("provider", "GITHUB or BITBUCKET", func(c types.ConnectionSummary) types.ProviderType { return c.ProviderType }),
	collect.Enum("status", "PENDING_HANDSHAKE, AVAILABLE, ERROR or DELETED", func(c types.ConnectionSummary) types.ConnectionStatus { return c.Status }),
}

func connections(ctx context.Context, t *collect.Task) error {
	api := apprunner.NewFromConfig(t.Config)
	p := apprunner.NewListConnectionsPaginator(api, &apprunner.ListConnectionsInput{MaxResults: t.PageSize(100)})
	return collect.EachItem(ctx, p, func(page *apprunner.ListConnectionsOutput) []types.ConnectionSummary {
		return page.ConnectionSummaryList
	}, func(ctx context.Context, c types.ConnectionSummary) {
		emit(ctx, t, api, "connection", c.ConnectionArn, c.ConnectionName, c.CreatedAt, connectionFields.Details(c))
	})
}

var vpcConnectorFields = collect.Fields[types.VpcConnector]{
	collect.Enum("status", "ACTIVE or INACTIVE", func(v types.VpcConnector) types.VpcConnectorStatus { return v.Status }),
	collect.Computed("revision", model.Integer, "revision of the connector", func(v types.VpcConnector) any { return int64(v.VpcConnectorRevision) }),
	collect.Computed("subnets", model.JSON, "subnets outbound traffic leaves from", func(v types.VpcConnector) any { return append([]string{}, v.Subnets...) }),
	collect.Computed("security_groups", model.JSON, "security groups of the outbound traffic", func(v types.VpcConnector) any {
		return append([]string{}, v.SecurityGroups...)
	}),
}

func vpcConnectors(ctx context.Context, t *collect.Task) error {
	api := apprunner.NewFromConfig(t.Config)
	p := apprunner.NewListVpcConnectorsPaginator(api, &apprunner.ListVpcConnectorsInput{MaxResults: t.PageSize(100)})
	return collect.EachItem(ctx, p, func(page *apprunner.ListVpcConnectorsOutput) []types.VpcConnector { return page.VpcConnectors },
		func(ctx context.Context, v types.VpcConnector) {
			if v.Status == types.VpcConnectorStatusInactive {
				return
			}
			key := emit(ctx, t, api, "vpc-connector", v.VpcConnectorArn, v.VpcConnectorName, v.CreatedAt, vpcConnectorFields.Details(v))
			for _, s := range v.Subnets {
				t.Relate(key, "in-subnet", t.Ref("ec2", "subnet", s))
			}
			for _, g := range v.SecurityGroups {
				t.Relate(key, "uses-security-group", t.Ref("ec2", "security-group", g))
			}
		})
}

var ingressFields = collect.Fields[types.VpcIngressConnection]{
	collect.Enum("status", "AVAILABLE, PENDING_CREATION, PENDING_UPDATE, PENDING_DELETION, FAILED_CREATION, FAILED_UPDATE, FAILED_DELETION or DELETED",
		func(v types.VpcIngressConnection) types.VpcIngressConnectionStatus { return v.Status }),
	collect.Text("domain_name", "private domain name of the service in the VPC", func(v types.VpcIngressConnection) *string { return v.DomainName }),
	collect.Text("service_arn", "service reached through the connection", func(v types.VpcIngressConnection) *string { return v.ServiceArn }),
	collect.Computed("vpc_id", model.Text, "VPC the connection is in", func(v types.VpcIngressConnection) any { return ingressVPC(v).vpc }),
	collect.Computed("vpc_endpoint_id", model.Text, "interface VPC endpoint of the connection", func(v types.VpcIngressConnection) any { return ingressVPC(v).endpoint }),
}

type vpcEndpoint struct{ vpc, endpoint string }

func ingressVPC(v types.VpcIngressConnection) vpcEndpoint {
	if c := v.IngressVpcConfiguration; c != nil {
		return vpcEndpoint{aws.ToString(c.VpcId), aws.ToString(c.VpcEndpointId)}
	}
	return vpcEndpoint{}
}

func ingressConnections(ctx context.Context, t *collect.Task) error {
	api := apprunner.NewFromConfig(t.Config)
	p := apprunner.NewListVpcIngressConnectionsPaginator(api, &apprunner.ListVpcIngressConnectionsInput{MaxResults: t.PageSize(100)})
	return collect.EachItem(ctx, p, func(page *apprunner.ListVpcIngressConnectionsOutput) []types.VpcIngressConnectionSummary {
		return page.VpcIngressConnectionSummaryList
	}, func(ctx context.Context, sum types.VpcIngressConnectionSummary) {
		v := types.VpcIngressConnection{VpcIngressConnectionArn: sum.VpcIngressConnectionArn, ServiceArn: sum.ServiceArn}
		out, err := api.DescribeVpcIngressConnection(ctx, &apprunner.DescribeVpcIngressConnectionInput{VpcIngressConnectionArn: sum.VpcIngressConnectionArn})
		t.Warn("DescribeVpcIngressConnection", err)
		if err == nil && out.VpcIngressConnection != nil {
			v = *out.VpcIngressConnection
		}
		if v.Status == types.VpcIngressConnectionStatusDeleted {
			return
		}
		key := emit(ctx, t, api, "vpc-ingress-connection", v.VpcIngressConnectionArn, v.VpcIngressConnectionName, v.CreatedAt, ingressFields.Details(v))
		t.Relate(key, "exposes", t.Key("service", idOf(aws.ToString(v.ServiceArn))))
		t.Relate(key, "in-vpc", t.Ref("ec2", "vpc", ingressVPC(v).vpc))
	})
}

var autoScalingFields = collect.Fields[types.AutoScalingConfiguration]{
	collect.Enum("status", "ACTIVE or INACTIVE", func(a types.AutoScalingConfiguration) types.AutoScalingConfigurationStatus { return a.Status }),
	collect.Int("revision", "revision of the configuration", func(a types.AutoScalingConfiguration) *int32 { return a.AutoScalingConfigurationRevision }),
	collect.Bool("default", "the account's default configuration for new services", func(a types.AutoScalingConfiguration) *bool { return a.IsDefault }),
	collect.Bool("in_use", "a service uses it", func(a types.AutoScalingConfiguration) *bool { return a.HasAssociatedService }),
	collect.Int("min_size", "instances kept provisioned", func(a types.AutoScalingConfiguration) *int32 { return a.MinSize }),
	collect.Int("max_size", "most instances a service scales to", func(a types.AutoScalingConfiguration) *int32 { return a.MaxSize }),
	collect.Int("max_concurrency", "concurrent requests an instance takes before scaling up", func(a types.AutoScalingConfiguration) *int32 { return a.MaxConcurrency }),
}

func autoScalingConfigurations(ctx context.Context, t *collect.Task) error {
	api := apprunner.NewFromConfig(t.Config)
	p := apprunner.NewListAutoScalingConfigurationsPaginator(api, &apprunner.ListAutoScalingConfigurationsInput{MaxResults: t.PageSize(100)})
	return collect.EachItem(ctx, p, func(page *apprunner.ListAutoScalingConfigurationsOutput) []types.AutoScalingConfigurationSummary {
		return page.AutoScalingConfigurationSummaryList
	}, func(ctx context.Context, sum types.AutoScalingConfigurationSummary) {
		if sum.Status == types.AutoScalingConfigurationStatusInactive {
			return
		}
		a := types.AutoScalingConfiguration{AutoScalingConfigurationArn: sum.AutoScalingConfigurationArn, AutoScalingConfigurationName: sum.AutoScalingConfigurationName,
			AutoScalingConfigurationRevision: aws.Int32(sum.AutoScalingConfigurationRevision), CreatedAt: sum.CreatedAt, Status: sum.Status,
			IsDefault: sum.IsDefault, HasAssociatedService: sum.HasAssociatedService}
		out, err := api.DescribeAutoScalingConfiguration(ctx, &apprunner.DescribeAutoScalingConfigurationInput{AutoScalingConfigurationArn: sum.AutoScalingConfigurationArn})
		t.Warn("DescribeAutoScalingConfiguration", err)
		if err == nil && out.AutoScalingConfiguration != nil {
			a = *out.AutoScalingConfiguration
		}
		emit(ctx, t, api, "auto-scaling-configuration", a.AutoScalingConfigurationArn, a.AutoScalingConfigurationName, a.CreatedAt, autoScalingFields.Details(a))
	})
}

var observabilityFields = collect.Fields[types.ObservabilityConfiguration]{
	collect.Enum("status", "ACTIVE or INACTIVE", func(o types.ObservabilityConfiguration) types.ObservabilityConfigurationStatus { return o.Status }),
	collect.Computed("revision", model.Integer, "revision of the configuration", func(o types.ObservabilityConfiguration) any { return int64(o.ObservabilityConfigurationRevision) }),
	collect.Computed("trace_vendor", model.Text, "tracing vendor (AWSXRAY); empty: no tracing", func(o types.ObservabilityConfiguration) any {
		if o.TraceConfiguration == nil {
			return ""
		}
		return string(o.TraceConfiguration.Vendor)
	}),
}

func observabilityConfigurations(ctx context.Context, t *collect.Task) error {
	api := apprunner.NewFromConfig(t.Config)
	p := apprunner.NewListObservabilityConfigurationsPaginator(api, &apprunner.ListObservabilityConfigurationsInput{MaxResults: t.PageSize(100)})
	return collect.EachItem(ctx, p, func(page *apprunner.ListObservabilityConfigurationsOutput) []types.ObservabilityConfigurationSummary {
		return page.ObservabilityConfigurationSummaryList
	}, func(ctx context.Context, sum types.ObservabilityConfigurationSummary) {
		o := types.ObservabilityConfiguration{ObservabilityConfigurationArn: sum.ObservabilityConfigurationArn, ObservabilityConfigurationName: sum.ObservabilityConfigurationName,
			ObservabilityConfigurationRevision: sum.ObservabilityConfigurationRevision}
		out, err := api.DescribeObservabilityConfiguration(ctx, &apprunner.DescribeObservabilityConfigurationInput{ObservabilityConfigurationArn: sum.ObservabilityConfigurationArn})
		t.Warn("DescribeObservabilityConfiguration", err)
		if err == nil && out.ObservabilityConfiguration != nil {
			o = *out.ObservabilityConfiguration
		}
		if o.Status == types.ObservabilityConfigurationStatusInactive {
			return
		}
		emit(ctx, t, api, "observability-configuration", o.ObservabilityConfigurationArn, o.ObservabilityConfigurationName, o.CreatedAt, observabilityFields.Details(o))
	})
}
