// Package lightsail collects Amazon Lightsail: instances and their disks,
// static IPs, key pairs, load balancers, databases, buckets, container
// services, certificates, and the distributions and DNS domains Lightsail
// manages from us-east-1. Container environment values, database passwords
// and private keys are never read.
package lightsail

import (
	"context"
	"slices"
	"strconv"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/lightsail"
	"github.com/aws/aws-sdk-go-v2/service/lightsail/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the Lightsail collector.
var Service = &collect.Service{
	Name:        "lightsail",
	Description: "Amazon Lightsail instances, disks, static IPs, key pairs, load balancers, databases, buckets, container services, distributions, certificates and domains",
	Types: []collect.Type{
		{Name: "instance", Description: "Lightsail virtual server (id = name), with its open ports", Fields: instanceFields.Declared(), Tags: collect.TagsListed, Collect: instances},
		{Name: "disk", Description: "block storage disk (id = name); system disks are part of their instance and not listed", Fields: diskFields.Declared(), Tags: collect.TagsListed, Collect: disks},
		{Name: "static-ip", Description: "static public IP address (id = name)", Fields: staticIPFields.Declared(), Tags: collect.NotTaggable, Collect: staticIPs},
		{Name: "key-pair", Description: "SSH key pair (id = name), the region's default one included; private keys are never read", Fields: keyPairFields.Declared(),
			Tags: collect.TagsListed, Collect: keyPairs},
		{Name: "load-balancer", Description: "Lightsail load balancer (id = name)", Fields: loadBalancerFields.Declared(), Tags: collect.TagsListed, Collect: loadBalancers},
		{Name: "relational-database", Description: "managed MySQL or PostgreSQL database (id = name); the master password is never read", Fields: databaseFields.Declared(),
			Tags: collect.TagsListed, Collect: databases},
		{Name: "bucket", Description: "object storage bucket (id = name), with its public access and the instances it grants access to", Fields: bucketFields.Declared(),
			Tags: collect.TagsListed, Collect: buckets},
		{Name: "container-service", Description: "container service (id = name); container environment values are never stored", Fields: containerServiceFields.Declared(),
			Tags: collect.TagsListed, Collect: containerServices},
		{Name: "certificate", Description: "SSL/TLS certificate for distributions and container services (id = name)", Fields: certificateFields.Declared(),
			Tags: collect.TagsListed, Collect: certificates},
		{Name: "distribution", Description: "content delivery distribution (id = name); managed in us-east-1, so only a scan of us-east-1 lists them",
			Fields: distributionFields.Declared(), Tags: collect.TagsListed, Collect: distributions},
		{Name: "domain", Description: "DNS zone managed by Lightsail (id = domain name); managed in us-east-1, so only a scan of us-east-1 lists them",
			Fields: domainFields.Declared(), Tags: collect.TagsListed, Collect: domains},
	},
	Calls: "instance: GetInstances. disk: GetDisks. static-ip: GetStaticIps. key-pair: GetKeyPairs. load-balancer: GetLoadBalancers. " +
		"relational-database: GetRelationalDatabases. bucket: GetBuckets. container-service: GetContainerServices. certificate: GetCertificates. " +
		"distribution, domain: GetDistributions, GetDomains, in us-east-1 only. Every listing is paged by page token and returns the tags",
	Relations: []collect.Relation{
		{From: "instance", Kind: "uses-key-pair", To: "lightsail/key-pair"},
		{From: "disk", Kind: "attached-to", To: "lightsail/instance"},
		{From: "static-ip", Kind: "attached-to", To: "lightsail/instance"},
		{From: "load-balancer", Kind: "routes-to", To: "lightsail/instance"},
		{From: "bucket", Kind: "grants-access-to", To: "lightsail/instance"},
		{From: "bucket", Kind: "logs-to", To: "lightsail/bucket"},
		{From: "distribution", Kind: "serves-from", To: "lightsail/instance"},
		{From: "distribution", Kind: "serves-from", To: "lightsail/load-balancer"},
		{From: "distribution", Kind: "serves-from", To: "lightsail/bucket"},
		{From: "distribution", Kind: "uses-certificate", To: "lightsail/certificate"},
	},
}

// globalRegion is where Lightsail keeps distributions and DNS domains.
const globalRegion = "us-east-1"

func client(t *collect.Task) *lightsail.Client { return lightsail.NewFromConfig(t.Config) }

func tags(ts []types.Tag) map[string]string {
	return collect.TagMap(ts, func(tg types.Tag) (*string, *string) { return tg.Key, tg.Value })
}

// getter is one Lightsail Get* listing call from a page token.
type getter[Out any] func(ctx context.Context, token *string, optFns ...func(*lightsail.Options)) (*Out, error)

// getAll pages a Lightsail Get* listing (a page token in, the next page
// token out; the SDK has no paginators for them) and runs fn on each item.
func getAll[Out, T any](ctx context.Context, call getter[Out], page func(*Out) ([]T, *string), fn func(T)) error {
	p := collect.NewTokenPager(call, func(o *Out) *string { _, next := page(o); return next })
	return collect.EachPage(ctx, p, func(o *Out) error {
		items, _ := page(o)
		for _, it := range items {
			fn(it)
		}
		return nil
	})
}

// emit stores a Lightsail resource, known by its name in the region.
func emit(t *collect.Task, typ string, name, arn *string, created *time.Time, ts []types.Tag, details map[string]any) model.Key {
	key := t.Key(typ, aws.ToString(name))
	t.Emit(&model.Resource{Key: key, Name: aws.ToString(name), ARN: aws.ToString(arn), CreatedAt: model.Time(created), Tags: tags(ts), Details: details})
	return key
}

func zone(l *types.ResourceLocation) any {
	if l == nil {
		return ""
	}
	return aws.ToString(l.AvailabilityZone)
}

// openPorts are the firewall rules of an instance: what the internet may reach.
func openPorts(ports []types.InstancePortInfo) []map[string]any {
	out := []map[string]any{}
	for _, p := range ports {
		out = append(out, map[string]any{"protocol": string(p.Protocol), "from_port": p.FromPort, "to_port": p.ToPort,
			"cidrs": append([]string{}, p.Cidrs...), "ipv6_cidrs": append([]string{}, p.Ipv6Cidrs...)})
	}
	return out
}

var instanceFields = collect.Fields[types.Instance]{
	collect.Computed("state", model.Text, "pending, running, stopping, stopped...", func(i types.Instance) any {
		if i.State == nil {
			return ""
		}
		return aws.ToString(i.State.Name)
	}),
	collect.Text("blueprint_id", "operating system or application image, e.g. ubuntu_22_04 or wordpress", func(i types.Instance) *string { return i.BlueprintId }),
	collect.Text("bundle_id", "size and price plan, e.g. small_3_0", func(i types.Instance) *string { return i.BundleId }),
	collect.Computed("availability_zone", model.Text, "availability zone", func(i types.Instance) any { return zone(i.Location) }),
	collect.Text("public_ip", "public IPv4 address", func(i types.Instance) *string { return i.PublicIpAddress }),
	collect.Text("private_ip", "private IPv4 address", func(i types.Instance) *string { return i.PrivateIpAddress }),
	collect.Bool("static_ip", "the public address is a static IP", func(i types.Instance) *bool { return i.IsStaticIp }),
	collect.Enum("ip_address_type", "dualstack, ipv4 or ipv6", func(i types.Instance) types.IpAddressType { return i.IpAddressType }),
	collect.Text("ssh_key_name", "key pair that may log in", func(i types.Instance) *string { return i.SshKeyName }),
	collect.Text("username", "user name to log in with", func(i types.Instance) *string { return i.Username }),
	collect.Computed("cpu_count", model.Integer, "virtual CPUs", func(i types.Instance) any {
		if i.Hardware == nil {
			return int64(0)
		}
		return int64(aws.ToInt32(i.Hardware.CpuCount))
	}),
	collect.Computed("ram_gb", model.Real, "memory in GiB", func(i types.Instance) any {
		if i.Hardware == nil {
			return 0.0
		}
		return float64(aws.ToFloat32(i.Hardware.RamSizeInGb))
	}),
	collect.Computed("http_tokens", model.Text, "instance metadata service: required (IMDSv2 only) or optional", func(i types.Instance) any {
		if i.MetadataOptions == nil {
			return ""
		}
		return string(i.MetadataOptions.HttpTokens)
	}),
	collect.Computed("open_ports", model.JSON, "firewall rules: protocol, port range and the CIDRs allowed in", func(i types.Instance) any {
		if i.Networking == nil {
			return []map[string]any{}
		}
		return openPorts(i.Networking.Ports)
	}),
}

func instances(ctx context.Context, t *collect.Task) error {
	api := client(t)
	return getAll(ctx, func(ctx context.Context, token *string, o ...func(*lightsail.Options)) (*lightsail.GetInstancesOutput, error) {
		return api.GetInstances(ctx, &lightsail.GetInstancesInput{PageToken: token}, o...)
	}, func(p *lightsail.GetInstancesOutput) ([]types.Instance, *string) { return p.Instances, p.NextPageToken }, func(i types.Instance) {
		key := emit(t, "instance", i.Name, i.Arn, i.CreatedAt, i.Tags, instanceFields.Details(i))
		if k := aws.ToString(i.SshKeyName); k != "" {
			t.Relate(key, "uses-key-pair", t.Key("key-pair", k))
		}
	})
}

var diskFields = collect.Fields[types.Disk]{
	collect.Enum("state", "pending, error, available, in-use or unknown", func(d types.Disk) types.DiskState { return d.State }),
	collect.Int("size_gb", "size in GiB", func(d types.Disk) *int32 { return d.SizeInGb }),
	collect.Int("iops", "input/output operations per second", func(d types.Disk) *int32 { return d.Iops }),
	collect.Bool("attached", "the disk is attached to an instance", func(d types.Disk) *bool { return d.IsAttached }),
	collect.Text("attached_to", "instance the disk is attached to", func(d types.Disk) *string { return d.AttachedTo }),
	collect.Text("path", "device path on the instance, e.g. /dev/xvdf", func(d types.Disk) *string { return d.Path }),
	collect.Computed("availability_zone", model.Text, "availability zone", func(d types.Disk) any { return zone(d.Location) }),
}

func disks(ctx context.Context, t *collect.Task) error {
	api := client(t)
	return getAll(ctx, func(ctx context.Context, token *string, o ...func(*lightsail.Options)) (*lightsail.GetDisksOutput, error) {
		return api.GetDisks(ctx, &lightsail.GetDisksInput{PageToken: token}, o...)
	}, func(p *lightsail.GetDisksOutput) ([]types.Disk, *string) { return p.Disks, p.NextPageToken }, func(d types.Disk) {
		key := emit(t, "disk", d.Name, d.Arn, d.CreatedAt, d.Tags, diskFields.Details(d))
		t.Relate(key, "attached-to", t.Key("instance", aws.ToString(d.AttachedTo)))
	})
}

var staticIPFields = collect.Fields[types.StaticIp]{
	collect.Text("ip_address", "the static public IPv4 address", func(s types.StaticIp) *string { return s.IpAddress }),
	collect.Bool("attached", "attached to an instance; an unattached static IP is billed", func(s types.StaticIp) *bool { return s.IsAttached }),
	collect.Text("attached_to", "instance the address is attached to", func(s types.StaticIp) *string { return s.AttachedTo }),
}

func staticIPs(ctx context.Context, t *collect.Task) error {
	api := client(t)
	return getAll(ctx, func(ctx context.Context, token *string, o ...func(*lightsail.Options)) (*lightsail.GetStaticIpsOutput, error) {
		return api.GetStaticIps(ctx, &lightsail.GetStaticIpsInput{PageToken: token}, o...)
	}, func(p *lightsail.GetStaticIpsOutput) ([]types.StaticIp, *string) { return p.StaticIps, p.NextPageToken }, func(s types.StaticIp) {
		key := emit(t, "static-ip", s.Name, s.Arn, s.CreatedAt, nil, staticIPFields.Details(s))
		t.Relate(key, "attached-to", t.Key("instance", aws.ToString(s.AttachedTo)))
	})
}

var keyPairFields = collect.Fields[types.KeyPair]{
	collect.Text("fingerprint", "fingerprint of the public key", func(k types.KeyPair) *string { return k.Fingerprint }),
}

func keyPairs(ctx context.Context, t *collect.Task) error {
	api := client(t)
	return getAll(ctx, func(ctx context.Context, token *string, o ...func(*lightsail.Options)) (*lightsail.GetKeyPairsOutput, error) {
		// The default key pair can log in to the instances created with it.
		return api.GetKeyPairs(ctx, &lightsail.GetKeyPairsInput{PageToken: token, IncludeDefaultKeyPair: aws.Bool(true)}, o...)
	}, func(p *lightsail.GetKeyPairsOutput) ([]types.KeyPair, *string) { return p.KeyPairs, p.NextPageToken }, func(k types.KeyPair) {
		emit(t, "key-pair", k.Name, k.Arn, k.CreatedAt, k.Tags, keyPairFields.Details(k))
	})
}

var loadBalancerFields = collect.Fields[types.LoadBalancer]{
	collect.Enum("state", "active, provisioning, active_impaired, failed or unknown", func(l types.LoadBalancer) types.LoadBalancerState { return l.State }),
	collect.Text("dns_name", "public DNS name", func(l types.LoadBalancer) *string { return l.DnsName }),
	collect.Enum("protocol", "HTTP or HTTP_HTTPS", func(l types.LoadBalancer) types.LoadBalancerProtocol { return l.Protocol }),
	collect.Computed("public_ports", model.JSON, "ports the load balancer listens on", func(l types.LoadBalancer) any { return append([]int32{}, l.PublicPorts...) }),
	collect.Int("instance_port", "port the instances receive traffic on", func(l types.LoadBalancer) *int32 { return l.InstancePort }),
	collect.Bool("https_redirection", "HTTP requests are redirected to HTTPS", func(l types.LoadBalancer) *bool { return l.HttpsRedirectionEnabled }),
	collect.Text("tls_policy", "TLS security policy", func(l types.LoadBalancer) *string { return l.TlsPolicyName }),
	collect.Enum("ip_address_type", "dualstack, ipv4 or ipv6", func(l types.LoadBalancer) types.IpAddressType { return l.IpAddressType }),
	collect.Text("health_check_path", "path of the health check", func(l types.LoadBalancer) *string { return l.HealthCheckPath }),
	collect.Computed("instance_count", model.Integer, "instances attached", func(l types.LoadBalancer) any { return int64(len(l.InstanceHealthSummary)) }),
}

func loadBalancers(ctx context.Context, t *collect.Task) error {
	api := client(t)
	return getAll(ctx, func(ctx context.Context, token *string, o ...func(*lightsail.Options)) (*lightsail.GetLoadBalancersOutput, error) {
		return api.GetLoadBalancers(ctx, &lightsail.GetLoadBalancersInput{PageToken: token}, o...)
	}, func(p *lightsail.GetLoadBalancersOutput) ([]types.LoadBalancer, *string) {
		return p.LoadBalancers, p.NextPageToken
	}, func(l types.LoadBalancer) {
		key := emit(t, "load-balancer", l.Name, l.Arn, l.CreatedAt, l.Tags, loadBalancerFields.Details(l))
		for _, h := range l.InstanceHealthSummary {
			t.Relate(key, "routes-to", t.Key("instance", aws.ToString(h.InstanceName)))
		}
	})
}

var databaseFields = collect.Fields[types.RelationalDatabase]{
	collect.Text("state", "available, creating, stopped, backing-up...", func(d types.RelationalDatabase) *string { return d.State }),
	collect.Text("engine", "mysql or postgres", func(d types.RelationalDatabase) *string { return d.Engine }),
	collect.Text("engine_version", "engine version", func(d types.RelationalDatabase) *string { return d.EngineVersion }),
	collect.Text("bundle_id", "size and price plan", func(d types.RelationalDatabase) *string { return d.RelationalDatabaseBundleId }),
	collect.Bool("publicly_accessible", "reachable from the internet", func(d types.RelationalDatabase) *bool { return d.PubliclyAccessible }),
	collect.Bool("backup_retention", "automatic daily backups are kept", func(d types.RelationalDatabase) *bool { return d.BackupRetentionEnabled }),
	collect.Computed("high_availability", model.Boolean, "a standby runs in a second availability zone", func(d types.RelationalDatabase) any {
		return aws.ToString(d.SecondaryAvailabilityZone) != ""
	}),
	collect.Computed("availability_zone", model.Text, "availability zone of the primary", func(d types.RelationalDatabase) any { return zone(d.Location) }),
	collect.Computed("endpoint", model.Text, "address:port of the primary", func(d types.RelationalDatabase) any {
		if d.MasterEndpoint == nil || d.MasterEndpoint.Address == nil {
			return ""
		}
		return aws.ToString(d.MasterEndpoint.Address) + ":" + strconv.Itoa(int(aws.ToInt32(d.MasterEndpoint.Port)))
	}),
	collect.Computed("disk_size_gb", model.Integer, "storage in GiB", func(d types.RelationalDatabase) any {
		if d.Hardware == nil {
			return int64(0)
		}
		return int64(aws.ToInt32(d.Hardware.DiskSizeInGb))
	}),
	collect.Text("master_username", "name of the master user (the password is never read)", func(d types.RelationalDatabase) *string { return d.MasterUsername }),
	collect.Text("ca_certificate", "certificate authority of the database's TLS certificate", func(d types.RelationalDatabase) *string { return d.CaCertificateIdentifier }),
	collect.Timestamp("latest_restorable_time", "latest point in time a restore can reach", func(d types.RelationalDatabase) *time.Time { return d.LatestRestorableTime }),
}

func databases(ctx context.Context, t *collect.Task) error {
	api := client(t)
	return getAll(ctx, func(ctx context.Context, token *string, o ...func(*lightsail.Options)) (*lightsail.GetRelationalDatabasesOutput, error) {
		return api.GetRelationalDatabases(ctx, &lightsail.GetRelationalDatabasesInput{PageToken: token}, o...)
	}, func(p *lightsail.GetRelationalDatabasesOutput) ([]types.RelationalDatabase, *string) {
		return p.RelationalDatabases, p.NextPageToken
	}, func(d types.RelationalDatabase) {
		emit(t, "relational-database", d.Name, d.Arn, d.CreatedAt, d.Tags, databaseFields.Details(d))
	})
}

var bucketFields = collect.Fields[types.Bucket]{
	collect.Computed("state", model.Text, "OK or Unknown", func(b types.Bucket) any {
		if b.State == nil {
			return ""
		}
		return aws.ToString(b.State.Code)
	}),
	collect.Text("bundle_id", "storage and transfer plan", func(b types.Bucket) *string { return b.BundleId }),
	collect.Computed("object_access", model.Text, "public: anyone may read every object; private: only with access", func(b types.Bucket) any {
		if b.AccessRules == nil {
			return ""
		}
		return string(b.AccessRules.GetObject)
	}),
	collect.Computed("allow_public_overrides", model.Boolean, "single objects may be made public", func(b types.Bucket) any {
		return b.AccessRules != nil && aws.ToBool(b.AccessRules.AllowPublicOverrides)
	}),
	collect.Computed("readonly_access_accounts", model.JSON, "other AWS accounts granted read access", func(b types.Bucket) any {
		return append([]string{}, b.ReadonlyAccessAccounts...)
	}),
	collect.Text("object_versioning", "Enabled, Suspended or NeverEnabled", func(b types.Bucket) *string { return b.ObjectVersioning }),
	collect.Computed("access_logging", model.Boolean, "access logs are written to another bucket", func(b types.Bucket) any {
		return b.AccessLogConfig != nil && aws.ToBool(b.AccessLogConfig.Enabled)
	}),
	collect.Text("url", "URL of the bucket", func(b types.Bucket) *string { return b.Url }),
}

func buckets(ctx context.Context, t *collect.Task) error {
	api := client(t)
	return getAll(ctx, func(ctx context.Context, token *string, o ...func(*lightsail.Options)) (*lightsail.GetBucketsOutput, error) {
		return api.GetBuckets(ctx, &lightsail.GetBucketsInput{PageToken: token, IncludeConnectedResources: aws.Bool(true)}, o...)
	}, func(p *lightsail.GetBucketsOutput) ([]types.Bucket, *string) { return p.Buckets, p.NextPageToken }, func(b types.Bucket) {
		key := emit(t, "bucket", b.Name, b.Arn, b.CreatedAt, b.Tags, bucketFields.Details(b))
		for _, r := range b.ResourcesReceivingAccess {
			if aws.ToString(r.ResourceType) == string(types.ResourceTypeInstance) {
				t.Relate(key, "grants-access-to", t.Key("instance", aws.ToString(r.Name)))
			}
		}
		if b.AccessLogConfig != nil && aws.ToBool(b.AccessLogConfig.Enabled) {
			t.Relate(key, "logs-to", t.Key("bucket", aws.ToString(b.AccessLogConfig.Destination)))
		}
	})
}

var containerServiceFields = collect.Fields[types.ContainerService]{
	collect.Enum("state", "PENDING, READY, RUNNING, UPDATING, DELETING, DISABLED or DEPLOYING", func(c types.ContainerService) types.ContainerServiceState { return c.State }),
	collect.Enum("power", "size of each node: nano, micro, small, medium, large or xlarge", func(c types.ContainerService) types.ContainerServicePowerName { return c.Power }),
	collect.Int("scale", "number of nodes", func(c types.ContainerService) *int32 { return c.Scale }),
	collect.Bool("disabled", "the service is disabled", func(c types.ContainerService) *bool { return c.IsDisabled }),
	collect.Text("url", "public endpoint", func(c types.ContainerService) *string { return c.Url }),
	collect.Computed("public_domain_names", model.JSON, "custom domains, by certificate name", func(c types.ContainerService) any {
		out := map[string][]string{}
		for cert, names := range c.PublicDomainNames {
			out[cert] = append([]string{}, names...)
		}
		return out
	}),
	collect.Computed("ecr_access", model.Boolean, "the service may pull images from private Amazon ECR repositories", func(c types.ContainerService) any {
		return c.PrivateRegistryAccess != nil && c.PrivateRegistryAccess.EcrImagePullerRole != nil && aws.ToBool(c.PrivateRegistryAccess.EcrImagePullerRole.IsActive)
	}),
	collect.Computed("deployment_version", model.Integer, "version of the current deployment; 0 when none", func(c types.ContainerService) any {
		if c.CurrentDeployment == nil {
			return int64(0)
		}
		return int64(aws.ToInt32(c.CurrentDeployment.Version))
	}),
	collect.Computed("container_names", model.JSON, "containers of the current deployment (their environment values are never stored)", func(c types.ContainerService) any {
		names := []string{}
		if c.CurrentDeployment != nil {
			for name := range c.CurrentDeployment.Containers {
				names = append(names, name)
			}
		}
		slices.Sort(names)
		return names
	}),
}

func containerServices(ctx context.Context, t *collect.Task) error {
	// GetContainerServices is not paged: one call returns every service.
	out, err := client(t).GetContainerServices(ctx, &lightsail.GetContainerServicesInput{})
	if err != nil {
		return err
	}
	for _, c := range out.ContainerServices {
		emit(t, "container-service", c.ContainerServiceName, c.Arn, c.CreatedAt, c.Tags, containerServiceFields.Details(c))
	}
	return nil
}

var certificateFields = collect.Fields[types.CertificateSummary]{
	collect.Enum("status", "ISSUED, PENDING_VALIDATION, EXPIRED, REVOKED, FAILED...", func(c types.CertificateSummary) types.CertificateStatus { return certificate(c).Status }),
	collect.Text("domain_name", "main domain of the certificate", func(c types.CertificateSummary) *string { return c.DomainName }),
	collect.Computed("subject_alternative_names", model.JSON, "every domain the certificate covers", func(c types.CertificateSummary) any {
		return append([]string{}, certificate(c).SubjectAlternativeNames...)
	}),
	collect.Computed("not_after", model.Timestamp, "expiry", func(c types.CertificateSummary) any { return model.Time(certificate(c).NotAfter) }),
	collect.Computed("in_use_count", model.Integer, "distributions and container services using it", func(c types.CertificateSummary) any {
		return int64(certificate(c).InUseResourceCount)
	}),
	collect.Enum("renewal_status", "PendingAutoRenewal, PendingValidation, Success or Failed", func(c types.CertificateSummary) types.RenewalStatus {
		if r := certificate(c).RenewalSummary; r != nil {
			return r.RenewalStatus
		}
		return ""
	}),
	collect.Computed("key_algorithm", model.Text, "algorithm of the key, e.g. RSA-2048", func(c types.CertificateSummary) any { return aws.ToString(certificate(c).KeyAlgorithm) }),
}

// certificate is a summary's detail, empty when AWS left it out.
func certificate(c types.CertificateSummary) types.Certificate {
	if c.CertificateDetail == nil {
		return types.Certificate{}
	}
	return *c.CertificateDetail
}

func certificates(ctx context.Context, t *collect.Task) error {
	api := client(t)
	return getAll(ctx, func(ctx context.Context, token *string, o ...func(*lightsail.Options)) (*lightsail.GetCertificatesOutput, error) {
		return api.GetCertificates(ctx, &lightsail.GetCertificatesInput{PageToken: token, IncludeCertificateDetails: true}, o...)
	}, func(p *lightsail.GetCertificatesOutput) ([]types.CertificateSummary, *string) {
		return p.Certificates, p.NextPageToken
	}, func(c types.CertificateSummary) {
		emit(t, "certificate", c.CertificateName, c.CertificateArn, certificate(c).CreatedAt, c.Tags, certificateFields.Details(c))
	})
}

var distributionFields = collect.Fields[types.LightsailDistribution]{
	collect.Text("status", "Deployed, InProgress...", func(d types.LightsailDistribution) *string { return d.Status }),
	collect.Bool("enabled", "the distribution serves requests", func(d types.LightsailDistribution) *bool { return d.IsEnabled }),
	collect.Text("domain_name", "cloudfront.net domain of the distribution", func(d types.LightsailDistribution) *string { return d.DomainName }),
	collect.Computed("alternative_domain_names", model.JSON, "custom domains served", func(d types.LightsailDistribution) any {
		return append([]string{}, d.AlternativeDomainNames...)
	}),
	collect.Text("bundle_id", "transfer plan", func(d types.LightsailDistribution) *string { return d.BundleId }),
	collect.Computed("origin", model.Text, "resource the content comes from, as region/type/name", func(d types.LightsailDistribution) any {
		if d.Origin == nil {
			return ""
		}
		return string(d.Origin.RegionName) + "/" + string(d.Origin.ResourceType) + "/" + aws.ToString(d.Origin.Name)
	}),
	collect.Computed("origin_protocol_policy", model.Text, "http-only or https-only towards the origin", func(d types.LightsailDistribution) any {
		if d.Origin == nil {
			return ""
		}
		return string(d.Origin.ProtocolPolicy)
	}),
	collect.Text("certificate_name", "certificate for the custom domains", func(d types.LightsailDistribution) *string { return d.CertificateName }),
	collect.Text("viewer_minimum_tls", "minimum TLS version viewers must use", func(d types.LightsailDistribution) *string { return d.ViewerMinimumTlsProtocolVersion }),
	collect.Computed("waf_enabled", model.Boolean, "AWS WAF protects the distribution", func(d types.LightsailDistribution) any {
		return d.Waf != nil && aws.ToBool(d.Waf.IsWafEnabled)
	}),
	collect.Computed("default_cache_behavior", model.Text, "cache or dont-cache", func(d types.LightsailDistribution) any {
		if d.DefaultCacheBehavior == nil {
			return ""
		}
		return string(d.DefaultCacheBehavior.Behavior)
	}),
}

// originTypes are the awsmap types of the resources a distribution may serve from.
var originTypes = map[types.ResourceType]string{
	types.ResourceTypeInstance: "instance", types.ResourceTypeLoadBalancer: "load-balancer", types.ResourceTypeBucket: "bucket",
}

// inGlobalRegion reports whether t lists what Lightsail manages from
// us-east-1: only the us-east-1 task of the commercial partition, so each
// distribution and domain is stored once.
func inGlobalRegion(t *collect.Task) bool {
	return t.Region == globalRegion && t.Partition() == "aws"
}

func distributions(ctx context.Context, t *collect.Task) error {
	if !inGlobalRegion(t) {
		return nil
	}
	api := client(t)
	return getAll(ctx, func(ctx context.Context, token *string, o ...func(*lightsail.Options)) (*lightsail.GetDistributionsOutput, error) {
		return api.GetDistributions(ctx, &lightsail.GetDistributionsInput{PageToken: token}, o...)
	}, func(p *lightsail.GetDistributionsOutput) ([]types.LightsailDistribution, *string) {
		return p.Distributions, p.NextPageToken
	}, func(d types.LightsailDistribution) {
		key := emit(t, "distribution", d.Name, d.Arn, d.CreatedAt, d.Tags, distributionFields.Details(d))
		if o := d.Origin; o != nil && originTypes[o.ResourceType] != "" {
			t.Relate(key, "serves-from", model.Key{Account: t.Account, Region: string(o.RegionName), Service: t.Service, Type: originTypes[o.ResourceType], ID: aws.ToString(o.Name)})
		}
		t.Relate(key, "uses-certificate", t.Key("certificate", aws.ToString(d.CertificateName)))
	})
}

var domainFields = collect.Fields[types.Domain]{
	collect.Computed("record_count", model.Integer, "DNS records in the zone", func(d types.Domain) any { return int64(len(d.DomainEntries)) }),
	collect.Computed("records", model.JSON, "DNS records: name, type and target", func(d types.Domain) any {
		out := []map[string]string{}
		for _, e := range d.DomainEntries {
			out = append(out, map[string]string{"name": aws.ToString(e.Name), "type": aws.ToString(e.Type), "target": aws.ToString(e.Target)})
		}
		return out
	}),
}

func domains(ctx context.Context, t *collect.Task) error {
	if !inGlobalRegion(t) {
		return nil
	}
	api := client(t)
	return getAll(ctx, func(ctx context.Context, token *string, o ...func(*lightsail.Options)) (*lightsail.GetDomainsOutput, error) {
		return api.GetDomains(ctx, &lightsail.GetDomainsInput{PageToken: token}, o...)
	}, func(p *lightsail.GetDomainsOutput) ([]types.Domain, *string) { return p.Domains, p.NextPageToken }, func(d types.Domain) {
		emit(t, "domain", d.Name, d.Arn, d.CreatedAt, d.Tags, domainFields.Details(d))
	})
}
