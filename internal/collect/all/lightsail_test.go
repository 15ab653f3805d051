package all_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/lightsail"
	"github.com/aws/aws-sdk-go-v2/service/lightsail/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/lightsail"
)

var (
	expires = time.Date(2027, 3, 1, 0, 0, 0, 0, time.UTC)
)

func lightsailArn(typ, id string) *string {
	return aws.String("arn:aws:lightsail:" + region + ":" + account + ":" + typ + "/" + id)
}

func lightsailTag(k, v string) []types.Tag {
	return []types.Tag{{Key: aws.String(k), Value: aws.String(v)}}
}

func here() *types.ResourceLocation {
	return &types.ResourceLocation{AvailabilityZone: aws.String(region + "a"), RegionName: types.RegionNameEuWest1}
}

// canned answers Lightsail (moto has none of it). Every listing runs over
// pages of two; the key pairs' listing answers the default key pair only
// when asked for it; a container's environment holds a value the test
// checks is not stored.
var lightsailCanned = map[string]func(any) (any, error){
	"GetInstances": func(in any) (any, error) {
		var all []types.Instance
		for i := range 3 {
			name := fmt.Sprint("web", i)
			all = append(all, types.Instance{Name: aws.String(name), Arn: lightsailArn("Instance", fmt.Sprint("uuid-", i)), CreatedAt: &created, Tags: lightsailTag("n", fmt.Sprint(i)),
				State: &types.InstanceState{Name: aws.String("running")}, BlueprintId: aws.String("ubuntu_22_04"), BundleId: aws.String("small_3_0"), Location: here(),
				PublicIpAddress: aws.String("203.0.113.1"), SshKeyName: aws.String("LightsailDefaultKeyPair"), IpAddressType: types.IpAddressTypeDualstack,
				Hardware:        &types.InstanceHardware{CpuCount: aws.Int32(2), RamSizeInGb: aws.Float32(2)},
				MetadataOptions: &types.InstanceMetadataOptions{HttpTokens: types.HttpTokensOptional},
				Networking: &types.InstanceNetworking{Ports: []types.InstancePortInfo{{Protocol: types.NetworkProtocolTcp, FromPort: 22, ToPort: 22,
					Cidrs: []string{"0.0.0.0/0"}}}}})
		}
		page, next := collecttest.Page(all, in.(*lightsail.GetInstancesInput).PageToken, 2)
		return &lightsail.GetInstancesOutput{Instances: page, NextPageToken: next}, nil
	},
	"GetDisks": func(in any) (any, error) {
		all := []types.Disk{
			{Name: aws.String("data"), Arn: lightsailArn("Disk", "d1"), CreatedAt: &created, SizeInGb: aws.Int32(64), State: types.DiskStateInUse,
				IsAttached: aws.Bool(true), AttachedTo: aws.String("web0"), Path: aws.String("/dev/xvdf"), Tags: lightsailTag("team", "web")},
			{Name: aws.String("spare"), Arn: lightsailArn("Disk", "d2"), CreatedAt: &created, SizeInGb: aws.Int32(8), State: types.DiskStateAvailable},
			{Name: aws.String("old"), Arn: lightsailArn("Disk", "d3"), CreatedAt: &created, SizeInGb: aws.Int32(8), State: types.DiskStateAvailable},
		}
		page, next := collecttest.Page(all, in.(*lightsail.GetDisksInput).PageToken, 2)
		return &lightsail.GetDisksOutput{Disks: page, NextPageToken: next}, nil
	},
	"GetStaticIps": func(in any) (any, error) {
		all := []types.StaticIp{
			{Name: aws.String("ip-web"), Arn: lightsailArn("StaticIp", "s1"), CreatedAt: &created, IpAddress: aws.String("203.0.113.1"), IsAttached: aws.Bool(true), AttachedTo: aws.String("web0")},
			{Name: aws.String("ip-idle"), Arn: lightsailArn("StaticIp", "s2"), CreatedAt: &created, IpAddress: aws.String("203.0.113.2"), IsAttached: aws.Bool(false)},
			{Name: aws.String("ip-idle2"), Arn: lightsailArn("StaticIp", "s3"), CreatedAt: &created, IpAddress: aws.String("203.0.113.3")},
		}
		page, next := collecttest.Page(all, in.(*lightsail.GetStaticIpsInput).PageToken, 2)
		return &lightsail.GetStaticIpsOutput{StaticIps: page, NextPageToken: next}, nil
	},
	"GetKeyPairs": func(in any) (any, error) {
		all := []types.KeyPair{{Name: aws.String("deploy"), Arn: lightsailArn("KeyPair", "k1"), CreatedAt: &created, Fingerprint: aws.String("aa:bb"), Tags: lightsailTag("team", "ops")}}
		if aws.ToBool(in.(*lightsail.GetKeyPairsInput).IncludeDefaultKeyPair) {
			all = append(all, types.KeyPair{Name: aws.String("LightsailDefaultKeyPair"), Arn: lightsailArn("KeyPair", "k0"), CreatedAt: &created, Fingerprint: aws.String("cc:dd")})
		}
		page, next := collecttest.Page(all, in.(*lightsail.GetKeyPairsInput).PageToken, 1)
		return &lightsail.GetKeyPairsOutput{KeyPairs: page, NextPageToken: next}, nil
	},
	"GetLoadBalancers": func(in any) (any, error) {
		all := []types.LoadBalancer{{Name: aws.String("front"), Arn: lightsailArn("LoadBalancer", "l1"), CreatedAt: &created, State: types.LoadBalancerStateActive,
			Protocol: types.LoadBalancerProtocolHttpHttps, PublicPorts: []int32{80, 443}, InstancePort: aws.Int32(8080), HttpsRedirectionEnabled: aws.Bool(true),
			DnsName: aws.String("front.eu-west-1.elb.amazonaws.com"), Tags: lightsailTag("team", "web"),
			InstanceHealthSummary: []types.InstanceHealthSummary{{InstanceName: aws.String("web0")}, {InstanceName: aws.String("web1")}}}}
		page, next := collecttest.Page(all, in.(*lightsail.GetLoadBalancersInput).PageToken, 2)
		return &lightsail.GetLoadBalancersOutput{LoadBalancers: page, NextPageToken: next}, nil
	},
	"GetRelationalDatabases": func(in any) (any, error) {
		all := []types.RelationalDatabase{{Name: aws.String("shop"), Arn: lightsailArn("RelationalDatabase", "r1"), CreatedAt: &created, State: aws.String("available"),
			Engine: aws.String("mysql"), EngineVersion: aws.String("8.0.35"), PubliclyAccessible: aws.Bool(true), BackupRetentionEnabled: aws.Bool(false),
			SecondaryAvailabilityZone: aws.String(region + "b"), Location: here(), MasterUsername: aws.String("dbmasteruser"),
			MasterEndpoint: &types.RelationalDatabaseEndpoint{Address: aws.String("shop.example"), Port: aws.Int32(3306)},
			Hardware:       &types.RelationalDatabaseHardware{DiskSizeInGb: aws.Int32(40)}, Tags: lightsailTag("team", "shop")}}
		page, next := collecttest.Page(all, in.(*lightsail.GetRelationalDatabasesInput).PageToken, 2)
		return &lightsail.GetRelationalDatabasesOutput{RelationalDatabases: page, NextPageToken: next}, nil
	},
	"GetBuckets": func(in any) (any, error) {
		input := in.(*lightsail.GetBucketsInput)
		if !aws.ToBool(input.IncludeConnectedResources) {
			return nil, fmt.Errorf("the buckets must be listed with the instances they grant access to")
		}
		all := []types.Bucket{
			{Name: aws.String("media"), Arn: lightsailArn("Bucket", "b1"), CreatedAt: &created, State: &types.BucketState{Code: aws.String("OK")},
				AccessRules: &types.AccessRules{GetObject: types.AccessTypePublic}, ReadonlyAccessAccounts: []string{"210987654321"},
				AccessLogConfig:          &types.BucketAccessLogConfig{Enabled: aws.Bool(true), Destination: aws.String("logs")},
				ResourcesReceivingAccess: []types.ResourceReceivingAccess{{Name: aws.String("web1"), ResourceType: aws.String("Instance")}}, Tags: lightsailTag("team", "web")},
			{Name: aws.String("logs"), Arn: lightsailArn("Bucket", "b2"), CreatedAt: &created, AccessRules: &types.AccessRules{GetObject: types.AccessTypePrivate}},
		}
		page, next := collecttest.Page(all, input.PageToken, 1)
		return &lightsail.GetBucketsOutput{Buckets: page, NextPageToken: next}, nil
	},
	"GetContainerServices": func(any) (any, error) {
		return &lightsail.GetContainerServicesOutput{ContainerServices: []types.ContainerService{{ContainerServiceName: aws.String("api"),
			Arn: lightsailArn("ContainerService", "c1"), CreatedAt: &created, State: types.ContainerServiceStateRunning, Power: types.ContainerServicePowerNameMicro,
			Scale: aws.Int32(3), Tags: lightsailTag("team", "api"), PublicDomainNames: map[string][]string{"api-cert": {"api.example.com"}},
			CurrentDeployment: &types.ContainerServiceDeployment{Version: aws.Int32(7), Containers: map[string]types.Container{
				"app": {Image: aws.String("app:1"), Environment: map[string]string{"DB_PASSWORD": "secret-value"}}, "proxy": {Image: aws.String("nginx")}}}}}}, nil
	},
	"GetCertificates": func(in any) (any, error) {
		input := in.(*lightsail.GetCertificatesInput)
		if !input.IncludeCertificateDetails {
			return &lightsail.GetCertificatesOutput{Certificates: []types.CertificateSummary{{CertificateName: aws.String("no-details")}}}, nil
		}
		var all []types.CertificateSummary
		for _, name := range []string{"api-cert", "cdn-cert", "old-cert"} {
			all = append(all, types.CertificateSummary{CertificateName: aws.String(name), CertificateArn: lightsailArn("Certificate", name), DomainName: aws.String(name + ".example.com"),
				Tags: lightsailTag("cert", name), CertificateDetail: &types.Certificate{CreatedAt: &created, NotAfter: &expires, Status: types.CertificateStatusIssued,
					SubjectAlternativeNames: []string{name + ".example.com", "www." + name + ".example.com"}, InUseResourceCount: 1,
					RenewalSummary: &types.RenewalSummary{RenewalStatus: types.RenewalStatusPendingAutoRenewal}}})
		}
		page, next := collecttest.Page(all, input.PageToken, 2)
		return &lightsail.GetCertificatesOutput{Certificates: page, NextPageToken: next}, nil
	},
	"GetDistributions": func(in any) (any, error) {
		all := []types.LightsailDistribution{
			{Name: aws.String("cdn"), Arn: aws.String("arn:aws:lightsail:us-east-1:" + account + ":Distribution/x1"), CreatedAt: &created, Status: aws.String("Deployed"),
				IsEnabled: aws.Bool(true), DomainName: aws.String("d1.cloudfront.net"), CertificateName: aws.String("cdn-cert"), Tags: lightsailTag("team", "web"),
				Origin: &types.Origin{Name: aws.String("front"), ResourceType: types.ResourceTypeLoadBalancer, RegionName: types.RegionNameEuWest1,
					ProtocolPolicy: types.OriginProtocolPolicyEnumHTTPSOnly},
				DefaultCacheBehavior: &types.CacheBehavior{Behavior: types.BehaviorEnumCacheSetting}},
			{Name: aws.String("media-cdn"), Arn: aws.String("arn:aws:lightsail:us-east-1:" + account + ":Distribution/x2"), CreatedAt: &created,
				Origin: &types.Origin{Name: aws.String("media"), ResourceType: types.ResourceTypeBucket, RegionName: types.RegionNameEuWest1}},
		}
		page, next := collecttest.Page(all, in.(*lightsail.GetDistributionsInput).PageToken, 1)
		return &lightsail.GetDistributionsOutput{Distributions: page, NextPageToken: next}, nil
	},
	"GetDomains": func(in any) (any, error) {
		all := []types.Domain{{Name: aws.String("example.com"), Arn: aws.String("arn:aws:lightsail:us-east-1:" + account + ":Domain/z1"), CreatedAt: &created,
			Tags: lightsailTag("team", "dns"), DomainEntries: []types.DomainEntry{{Name: aws.String("www.example.com"), Type: aws.String("A"), Target: aws.String("203.0.113.1")}}},
			{Name: aws.String("example.org"), Arn: aws.String("arn:aws:lightsail:us-east-1:" + account + ":Domain/z2"), CreatedAt: &created}}
		page, next := collecttest.Page(all, in.(*lightsail.GetDomainsInput).PageToken, 1)
		return &lightsail.GetDomainsOutput{Domains: page, NextPageToken: next}, nil
	},
}

func lightsailRun(t *testing.T, typ, region string, want int) collecttest.Result {
	t.Helper()
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(lightsailCanned)})
	got := collecttest.Run(t, cfg, collector.Service, typ, region)
	if got.Err != nil || len(got.Resources) != want {
		t.Fatalf("%s: %v, %d resources, want %d", typ, got.Err, len(got.Resources), want)
	}
	collecttest.AssertNoWarnings(t, got)
	for _, r := range got.Resources {
		if r.CreatedAt != "2026-03-01T00:00:00Z" || !strings.HasPrefix(r.ARN, "arn:aws:lightsail:") || r.Name != r.ID {
			t.Errorf("%s %s: created %q, ARN %q, name %q", typ, r.ID, r.CreatedAt, r.ARN, r.Name)
		}
		for k, v := range r.Details {
			if strings.Contains(fmt.Sprint(v), "secret-value") {
				t.Errorf("%s %s: a secret is stored in %s", typ, r.ID, k)
			}
		}
	}
	return got
}

func TestLightsailInstancesDisksAndAddresses(t *testing.T) {
	collecttest.Require(t)
	got := lightsailRun(t, "instance", region, 3)
	i := got.ByID()["web2"]
	if i == nil || i.Tags["n"] != "2" || i.Details["state"] != "running" || i.Details["bundle_id"] != "small_3_0" || i.Details["availability_zone"] != "eu-west-1a" ||
		i.Details["cpu_count"] != int64(2) || i.Details["ram_gb"] != 2.0 || i.Details["http_tokens"] != "optional" || i.Details["ip_address_type"] != "dualstack" {
		t.Fatalf("instance: %+v", i)
	}
	if ports := fmt.Sprint(i.Details["open_ports"]); ports != "[map[cidrs:[0.0.0.0/0] from_port:22 ipv6_cidrs:[] protocol:tcp to_port:22]]" {
		t.Errorf("open ports: %s", ports)
	}
	collecttest.HasEdges(t, got, "web2 -uses-key-pair-> lightsail/key-pair:LightsailDefaultKeyPair")

	got = lightsailRun(t, "disk", region, 3)
	if d := got.ByID()["data"]; d.Details["state"] != "in-use" || d.Details["size_gb"] != int64(64) || d.Details["attached"] != true || d.Tags["team"] != "web" {
		t.Errorf("disk: %+v", d)
	}
	if edges := got.Edges(); fmt.Sprint(edges) != "[data -attached-to-> lightsail/instance:web0]" {
		t.Errorf("only the attached disk relates: %v", edges)
	}

	got = lightsailRun(t, "static-ip", region, 3)
	if s := got.ByID()["ip-idle"]; s.Details["attached"] != false || s.Details["ip_address"] != "203.0.113.2" {
		t.Errorf("static ip: %+v", s)
	}
	collecttest.HasEdges(t, got, "ip-web -attached-to-> lightsail/instance:web0")

	got = lightsailRun(t, "key-pair", region, 2)
	if k := got.ByID()["deploy"]; k.Details["fingerprint"] != "aa:bb" || k.Tags["team"] != "ops" || got.ByID()["LightsailDefaultKeyPair"] == nil {
		t.Errorf("key pairs, the default one included: %v", got.ByID())
	}

	got = lightsailRun(t, "load-balancer", region, 1)
	if l := got.ByID()["front"]; l.Details["protocol"] != "HTTP_HTTPS" || fmt.Sprint(l.Details["public_ports"]) != "[80 443]" || l.Details["https_redirection"] != true ||
		l.Details["instance_count"] != int64(2) || l.Details["state"] != "active" {
		t.Errorf("load balancer: %+v", l)
	}
	collecttest.HasEdges(t, got, "front -routes-to-> lightsail/instance:web0", "front -routes-to-> lightsail/instance:web1")
}

func TestLightsailDataAndContainers(t *testing.T) {
	collecttest.Require(t)
	got := lightsailRun(t, "relational-database", region, 1)
	if d := got.ByID()["shop"]; d.Details["publicly_accessible"] != true || d.Details["backup_retention"] != false || d.Details["high_availability"] != true ||
		d.Details["endpoint"] != "shop.example:3306" || d.Details["disk_size_gb"] != int64(40) || d.Details["engine"] != "mysql" {
		t.Errorf("database: %+v", d)
	}

	got = lightsailRun(t, "bucket", region, 2)
	b := got.ByID()["media"]
	if b.Details["object_access"] != "public" || b.Details["access_logging"] != true || fmt.Sprint(b.Details["readonly_access_accounts"]) != "[210987654321]" ||
		b.Details["state"] != "OK" || b.Tags["team"] != "web" {
		t.Errorf("bucket: %+v", b)
	}
	if l := got.ByID()["logs"]; l.Details["object_access"] != "private" || l.Details["access_logging"] != false {
		t.Errorf("log bucket: %+v", l)
	}
	collecttest.HasEdges(t, got, "media -grants-access-to-> lightsail/instance:web1", "media -logs-to-> lightsail/bucket:logs")

	got = lightsailRun(t, "container-service", region, 1)
	if c := got.ByID()["api"]; c.Details["state"] != "RUNNING" || c.Details["power"] != "micro" || c.Details["scale"] != int64(3) ||
		c.Details["deployment_version"] != int64(7) || fmt.Sprint(c.Details["container_names"]) != "[app proxy]" || c.Tags["team"] != "api" {
		t.Errorf("container service: %+v", c)
	}

	got = lightsailRun(t, "certificate", region, 3)
	if c := got.ByID()["cdn-cert"]; c.Details["status"] != "ISSUED" || c.Details["not_after"] != "2027-03-01T00:00:00Z" || c.Details["renewal_status"] != "PendingAutoRenewal" ||
		fmt.Sprint(c.Details["subject_alternative_names"]) != "[cdn-cert.example.com www.cdn-cert.example.com]" || c.Tags["cert"] != "cdn-cert" {
		t.Errorf("certificate: %+v", c)
	}
}

// Distributions and domains live in us-east-1: that region's task lists
// them, any other calls nothing and stores nothing.
func TestLightsailDistributionsAndDomainsInUSEast1(t *testing.T) {
	collecttest.Require(t)
	for _, typ := range []string{"distribution", "domain"} {
		cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("GetDistributions", "GetDomains")})
		if got := collecttest.Run(t, cfg, collector.Service, typ, region); got.Err != nil || len(got.Resources) != 0 {
			t.Errorf("%s in %s: %v, %d", typ, region, got.Err, len(got.Resources))
		}
	}
	got := lightsailRun(t, "distribution", "us-east-1", 2)
	d := got.ByID()["cdn"]
	if d.Region != "us-east-1" || d.Details["enabled"] != true || d.Details["origin"] != "eu-west-1/LoadBalancer/front" || d.Details["origin_protocol_policy"] != "https-only" ||
		d.Details["certificate_name"] != "cdn-cert" || d.Details["waf_enabled"] != false || d.Details["default_cache_behavior"] != "cache" || d.Tags["team"] != "web" {
		t.Errorf("distribution: %+v", d)
	}
	collecttest.HasEdges(t, got, "cdn -serves-from-> lightsail/load-balancer:front", "media-cdn -serves-from-> lightsail/bucket:media",
		"cdn -uses-certificate-> lightsail/certificate:cdn-cert")
	for _, rel := range got.Relationships {
		if rel.Kind == "serves-from" && rel.To.Region != region {
			t.Errorf("an origin is in its own region: %+v", rel.To)
		}
	}

	got = lightsailRun(t, "domain", "us-east-1", 2)
	if z := got.ByID()["example.com"]; fmt.Sprint(z.Details["records"]) != "[map[name:www.example.com target:203.0.113.1 type:A]]" || z.Tags["team"] != "dns" {
		t.Errorf("domain: %+v", z)
	}
}

func TestLightsailDenied(t *testing.T) {
	collecttest.Require(t)
	for typ, op := range map[string]string{"instance": "GetInstances", "disk": "GetDisks", "static-ip": "GetStaticIps", "key-pair": "GetKeyPairs",
		"load-balancer": "GetLoadBalancers", "relational-database": "GetRelationalDatabases", "bucket": "GetBuckets",
		"container-service": "GetContainerServices", "certificate": "GetCertificates", "distribution": "GetDistributions", "domain": "GetDomains"} {
		cfg := collecttest.ConfigWith(t, "us-east-1", awsx.Options{Responder: collecttest.Chain(collecttest.Deny(op), collecttest.Canned(lightsailCanned))})
		collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, typ, "us-east-1"))
	}
}
