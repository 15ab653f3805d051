package all_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/apprunner"
	"github.com/aws/aws-sdk-go-v2/service/apprunner/types"

	"github.com/awsmap/awsmap/internal/awsx"
	collector "github.com/awsmap/awsmap/internal/collect/apprunner"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
)

var (
	apprunnerCreated = time.Date(2026, 1, 15, 0, 0, 0, 0, time.UTC)
)

func apprunnerArn(path string) string {
	return "arn:aws:apprunner:" + region + ":" + account + ":" + path
}

// canned answers App Runner (moto has none of it). Three services over two
// pages: api is private, image-based, encrypted, in a VPC and traced, with
// an environment variable and a secret the test checks are not stored;
// web is public and built from GitHub. Tags are the resource's ARN.
var apprunnerCanned = map[string]func(any) (any, error){
	"ListServices": func(in any) (any, error) {
		var all []types.ServiceSummary
		for _, name := range []string{"api", "web", "worker"} {
			all = append(all, types.ServiceSummary{ServiceName: aws.String(name), ServiceArn: aws.String(apprunnerArn("service/" + name + "/id-" + name)),
				ServiceUrl: aws.String(name + ".awsapprunner.com"), Status: types.ServiceStatusRunning, CreatedAt: &apprunnerCreated, UpdatedAt: &apprunnerCreated})
		}
		page, next := collecttest.Page(all, in.(*apprunner.ListServicesInput).NextToken, 2)
		return &apprunner.ListServicesOutput{ServiceSummaryList: page, NextToken: next}, nil
	},
	"DescribeService": func(in any) (any, error) {
		svcARN := aws.ToString(in.(*apprunner.DescribeServiceInput).ServiceArn)
		s := &types.Service{ServiceArn: aws.String(svcARN), Status: types.ServiceStatusRunning,
			InstanceConfiguration:           &types.InstanceConfiguration{Cpu: aws.String("1024"), Memory: aws.String("2048"), InstanceRoleArn: aws.String("arn:aws:iam::" + account + ":role/app")},
			AutoScalingConfigurationSummary: &types.AutoScalingConfigurationSummary{AutoScalingConfigurationArn: aws.String(apprunnerArn("autoscalingconfiguration/small/3/u1"))}}
		if strings.Contains(svcARN, "/api/") {
			s.NetworkConfiguration = &types.NetworkConfiguration{IngressConfiguration: &types.IngressConfiguration{IsPubliclyAccessible: false},
				EgressConfiguration: &types.EgressConfiguration{EgressType: types.EgressTypeVpc, VpcConnectorArn: aws.String(apprunnerArn("vpcconnector/private/2/u2"))}}
			s.EncryptionConfiguration = &types.EncryptionConfiguration{KmsKey: aws.String("arn:aws:kms:" + region + ":" + account + ":key/k-1")}
			s.ObservabilityConfiguration = &types.ServiceObservabilityConfiguration{ObservabilityEnabled: true,
				ObservabilityConfigurationArn: aws.String(apprunnerArn("observabilityconfiguration/xray/1/u3"))}
			s.SourceConfiguration = &types.SourceConfiguration{AutoDeploymentsEnabled: aws.Bool(true),
				AuthenticationConfiguration: &types.AuthenticationConfiguration{AccessRoleArn: aws.String("arn:aws:iam::" + account + ":role/ecr-pull")},
				ImageRepository: &types.ImageRepository{ImageIdentifier: aws.String(account + ".dkr.ecr.eu-west-1.amazonaws.com/api:latest"), ImageRepositoryType: types.ImageRepositoryTypeEcr,
					ImageConfiguration: &types.ImageConfiguration{RuntimeEnvironmentVariables: map[string]string{"DB_PASSWORD": "secret-value"},
						RuntimeEnvironmentSecrets: map[string]string{"TOKEN": "arn:aws:secretsmanager:eu-west-1:" + account + ":secret:token"}}}}
		} else {
			s.NetworkConfiguration = &types.NetworkConfiguration{IngressConfiguration: &types.IngressConfiguration{IsPubliclyAccessible: true},
				EgressConfiguration: &types.EgressConfiguration{EgressType: types.EgressTypeDefault}}
			s.SourceConfiguration = &types.SourceConfiguration{
				AuthenticationConfiguration: &types.AuthenticationConfiguration{ConnectionArn: aws.String(apprunnerArn("connection/github/u4"))},
				CodeRepository:              &types.CodeRepository{RepositoryUrl: aws.String("https://github.com/acme/web")}}
		}
		return &apprunner.DescribeServiceOutput{Service: s}, nil
	},
	"ListTagsForResource": func(in any) (any, error) {
		return &apprunner.ListTagsForResourceOutput{Tags: []types.Tag{{Key: aws.String("arn"), Value: in.(*apprunner.ListTagsForResourceInput).ResourceArn}}}, nil
	},
	"ListConnections": func(in any) (any, error) {
		all := []types.ConnectionSummary{
			{ConnectionName: aws.String("github"), ConnectionArn: aws.String(apprunnerArn("connection/github/u4")), ProviderType: types.ProviderTypeGithub,
				Status: types.ConnectionStatusAvailable, CreatedAt: &apprunnerCreated},
			{ConnectionName: aws.String("bitbucket"), ConnectionArn: aws.String(apprunnerArn("connection/bitbucket/u5")), ProviderType: types.ProviderTypeBitbucket,
				Status: types.ConnectionStatusPendingHandshake, CreatedAt: &apprunnerCreated},
		}
		page, next := collecttest.Page(all, in.(*apprunner.ListConnectionsInput).NextToken, 1)
		return &apprunner.ListConnectionsOutput{ConnectionSummaryList: page, NextToken: next}, nil
	},
	"ListVpcConnectors": func(in any) (any, error) {
		all := []types.VpcConnector{
			{VpcConnectorName: aws.String("private"), VpcConnectorArn: aws.String(apprunnerArn("vpcconnector/private/2/u2")), VpcConnectorRevision: 2,
				Status: types.VpcConnectorStatusActive, Subnets: []string{"subnet-a", "subnet-b"}, SecurityGroups: []string{"sg-1"}, CreatedAt: &apprunnerCreated},
			{VpcConnectorName: aws.String("private"), VpcConnectorArn: aws.String(apprunnerArn("vpcconnector/private/1/u1")), VpcConnectorRevision: 1,
				Status: types.VpcConnectorStatusInactive, CreatedAt: &apprunnerCreated},
		}
		page, next := collecttest.Page(all, in.(*apprunner.ListVpcConnectorsInput).NextToken, 1)
		return &apprunner.ListVpcConnectorsOutput{VpcConnectors: page, NextToken: next}, nil
	},
	"ListVpcIngressConnections": func(in any) (any, error) {
		all := []types.VpcIngressConnectionSummary{
			{VpcIngressConnectionArn: aws.String(apprunnerArn("vpcingressconnection/api-ingress/u6")), ServiceArn: aws.String(apprunnerArn("service/api/id-api"))},
			{VpcIngressConnectionArn: aws.String(apprunnerArn("vpcingressconnection/gone/u7")), ServiceArn: aws.String(apprunnerArn("service/api/id-api"))},
		}
		page, next := collecttest.Page(all, in.(*apprunner.ListVpcIngressConnectionsInput).NextToken, 1)
		return &apprunner.ListVpcIngressConnectionsOutput{VpcIngressConnectionSummaryList: page, NextToken: next}, nil
	},
	"DescribeVpcIngressConnection": func(in any) (any, error) {
		a := aws.ToString(in.(*apprunner.DescribeVpcIngressConnectionInput).VpcIngressConnectionArn)
		v := &types.VpcIngressConnection{VpcIngressConnectionArn: aws.String(a), VpcIngressConnectionName: aws.String("api-ingress"), CreatedAt: &apprunnerCreated,
			ServiceArn: aws.String(apprunnerArn("service/api/id-api")), Status: types.VpcIngressConnectionStatusAvailable, DomainName: aws.String("api.internal"),
			IngressVpcConfiguration: &types.IngressVpcConfiguration{VpcId: aws.String("vpc-1"), VpcEndpointId: aws.String("vpce-1")}}
		if strings.Contains(a, "/gone/") {
			v.VpcIngressConnectionName, v.Status = aws.String("gone"), types.VpcIngressConnectionStatusDeleted
		}
		return &apprunner.DescribeVpcIngressConnectionOutput{VpcIngressConnection: v}, nil
	},
	// AWS answers the latest revision of each configuration (the SDK cannot
	// ask for every revision) and, here, an inactive one it should not.
	"ListAutoScalingConfigurations": func(in any) (any, error) {
		var all []types.AutoScalingConfigurationSummary
		for _, c := range []struct {
			name   string
			rev    int32
			status types.AutoScalingConfigurationStatus
		}{{"small", 3, types.AutoScalingConfigurationStatusActive}, {"old", 1, types.AutoScalingConfigurationStatusInactive}, {"DefaultConfiguration", 1, types.AutoScalingConfigurationStatusActive}} {
			all = append(all, types.AutoScalingConfigurationSummary{AutoScalingConfigurationName: aws.String(c.name), AutoScalingConfigurationRevision: c.rev,
				AutoScalingConfigurationArn: aws.String(apprunnerArn(fmt.Sprint("autoscalingconfiguration/", c.name, "/", c.rev, "/u1"))), Status: c.status, CreatedAt: &apprunnerCreated})
		}
		page, next := collecttest.Page(all, in.(*apprunner.ListAutoScalingConfigurationsInput).NextToken, 2)
		return &apprunner.ListAutoScalingConfigurationsOutput{AutoScalingConfigurationSummaryList: page, NextToken: next}, nil
	},
	"DescribeAutoScalingConfiguration": func(in any) (any, error) {
		a := aws.ToString(in.(*apprunner.DescribeAutoScalingConfigurationInput).AutoScalingConfigurationArn)
		small := strings.Contains(a, "/small/")
		name, rev := "DefaultConfiguration", int32(1)
		if small {
			name, rev = "small", 3
		}
		return &apprunner.DescribeAutoScalingConfigurationOutput{AutoScalingConfiguration: &types.AutoScalingConfiguration{AutoScalingConfigurationArn: aws.String(a),
			AutoScalingConfigurationName: aws.String(name), AutoScalingConfigurationRevision: aws.Int32(rev), Status: types.AutoScalingConfigurationStatusActive,
			IsDefault: aws.Bool(!small), HasAssociatedService: aws.Bool(small), MinSize: aws.Int32(1), MaxSize: aws.Int32(25), MaxConcurrency: aws.Int32(100), CreatedAt: &apprunnerCreated}}, nil
	},
	"ListObservabilityConfigurations": func(in any) (any, error) {
		return &apprunner.ListObservabilityConfigurationsOutput{ObservabilityConfigurationSummaryList: []types.ObservabilityConfigurationSummary{
			{ObservabilityConfigurationName: aws.String("xray"), ObservabilityConfigurationRevision: 1, ObservabilityConfigurationArn: aws.String(apprunnerArn("observabilityconfiguration/xray/1/u3"))}}}, nil
	},
	"DescribeObservabilityConfiguration": func(in any) (any, error) {
		return &apprunner.DescribeObservabilityConfigurationOutput{ObservabilityConfiguration: &types.ObservabilityConfiguration{
			ObservabilityConfigurationArn: in.(*apprunner.DescribeObservabilityConfigurationInput).ObservabilityConfigurationArn, ObservabilityConfigurationName: aws.String("xray"),
			ObservabilityConfigurationRevision: 1, Latest: true, Status: types.ObservabilityConfigurationStatusActive, CreatedAt: &apprunnerCreated,
			TraceConfiguration: &types.TraceConfiguration{Vendor: types.TracingVendorAwsxray}}}, nil
	},
}

func apprunnerRun(t *testing.T, typ string, want int) collecttest.Result {
	t.Helper()
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(apprunnerCanned)})
	got := collecttest.Run(t, cfg, collector.Service, typ, region)
	if got.Err != nil || len(got.Resources) != want {
		t.Fatalf("%s: %v, %d resources, want %d", typ, got.Err, len(got.Resources), want)
	}
	collecttest.AssertNoWarnings(t, got)
	for _, r := range got.Resources {
		if r.Tags["arn"] != r.ARN || !strings.HasPrefix(r.ARN, "arn:aws:apprunner:") || r.CreatedAt != "2026-01-15T00:00:00Z" {
			t.Errorf("%s %s: ARN %q, tags %v, created %q", typ, r.ID, r.ARN, r.Tags, r.CreatedAt)
		}
		for k, v := range r.Details {
			if strings.Contains(fmt.Sprint(v), "secret") {
				t.Errorf("%s %s: %s holds a secret or its reference: %v", typ, r.ID, k, v)
			}
		}
	}
	return got
}

func TestApprunnerServices(t *testing.T) {
	collecttest.Require(t)
	got := apprunnerRun(t, "service", 3)
	api := got.ByID()["api"]
	if api == nil || api.Name != "api" || api.Details["status"] != "RUNNING" || api.Details["publicly_accessible"] != false || api.Details["egress_type"] != "VPC" ||
		api.Details["source_type"] != "image" || api.Details["auto_deployments"] != true || api.Details["observability"] != true || api.Details["cpu"] != "1024" ||
		!strings.HasSuffix(fmt.Sprint(api.Details["kms_key"]), "key/k-1") {
		t.Fatalf("api: %+v", api)
	}
	if web := got.ByID()["web"]; web.Details["publicly_accessible"] != true || web.Details["source"] != "https://github.com/acme/web" || web.Details["kms_key"] != "" {
		t.Errorf("web: %+v", web)
	}
	collecttest.HasEdges(t, got, "api -assumes-role-> iam/role:app", "api -assumes-role-> iam/role:ecr-pull", "api -encrypted-with-> kms/key:k-1",
		"api -egress-via-> apprunner/vpc-connector:private/2", "api -traces-with-> apprunner/observability-configuration:xray/1",
		"api -scales-with-> apprunner/auto-scaling-configuration:small/3", "web -uses-> apprunner/connection:github")
}

func TestApprunnerNetworkingAndConfigurations(t *testing.T) {
	collecttest.Require(t)
	got := apprunnerRun(t, "connection", 2)
	if c := got.ByID()["bitbucket"]; c.Details["provider"] != "BITBUCKET" || c.Details["status"] != "PENDING_HANDSHAKE" {
		t.Errorf("connection: %+v", c)
	}

	got = apprunnerRun(t, "vpc-connector", 1)
	if v := got.ByID()["private/2"]; v == nil || v.Details["revision"] != int64(2) || fmt.Sprint(v.Details["subnets"]) != "[subnet-a subnet-b]" {
		t.Fatalf("vpc connector (the inactive revision skipped): %v", got.ByID())
	}
	collecttest.HasEdges(t, got, "private/2 -in-subnet-> ec2/subnet:subnet-b", "private/2 -uses-security-group-> ec2/security-group:sg-1")

	got = apprunnerRun(t, "vpc-ingress-connection", 1)
	if v := got.ByID()["api-ingress"]; v == nil || v.Details["status"] != "AVAILABLE" || v.Details["vpc_endpoint_id"] != "vpce-1" || v.Details["domain_name"] != "api.internal" {
		t.Fatalf("ingress connection (the deleted one skipped): %v", got.ByID())
	}
	collecttest.HasEdges(t, got, "api-ingress -exposes-> apprunner/service:api", "api-ingress -in-vpc-> ec2/vpc:vpc-1")

	got = apprunnerRun(t, "auto-scaling-configuration", 2)
	a := got.ByID()["small/3"]
	if a == nil || a.Details["in_use"] != true || a.Details["default"] != false || a.Details["max_size"] != int64(25) || a.Details["revision"] != int64(3) ||
		got.ByID()["DefaultConfiguration/1"].Details["default"] != true {
		t.Fatalf("auto scaling (the inactive one skipped): %v", got.ByID())
	}

	got = apprunnerRun(t, "observability-configuration", 1)
	if o := got.ByID()["xray/1"]; o == nil || o.Details["trace_vendor"] != "AWSXRAY" || o.Details["status"] != "ACTIVE" {
		t.Fatalf("observability: %v", got.ByID())
	}
}

func TestApprunnerDenied(t *testing.T) {
	collecttest.Require(t)
	for typ, op := range map[string]string{"service": "ListServices", "connection": "ListConnections", "vpc-connector": "ListVpcConnectors",
		"vpc-ingress-connection": "ListVpcIngressConnections", "auto-scaling-configuration": "ListAutoScalingConfigurations",
		"observability-configuration": "ListObservabilityConfigurations"} {
		cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Chain(collecttest.Deny(op), collecttest.Canned(apprunnerCanned))})
		collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, typ, region))
	}
	// Detail calls denied: the services are still stored, the collection partial.
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Chain(collecttest.Deny("DescribeService", "ListTagsForResource"), collecttest.Canned(apprunnerCanned))})
	got := collecttest.Run(t, cfg, collector.Service, "service", region)
	if got.Err != nil || len(got.Resources) != 3 || len(got.Task.Warnings()) != 6 {
		t.Fatalf("want 3 services and 6 warnings: %v, %d, %d", got.Err, len(got.Resources), len(got.Task.Warnings()))
	}
}
