package cli

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	apigw "github.com/aws/aws-sdk-go-v2/service/apigateway"
	apigwv2 "github.com/aws/aws-sdk-go-v2/service/apigatewayv2"
	"github.com/aws/aws-sdk-go-v2/service/autoscaling"
	"github.com/aws/aws-sdk-go-v2/service/cloudformation"
	"github.com/aws/aws-sdk-go-v2/service/cloudtrail"
	logs "github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	ddbtypes "github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	ec2types "github.com/aws/aws-sdk-go-v2/service/ec2/types"
	"github.com/aws/aws-sdk-go-v2/service/ecr"
	ecrtypes "github.com/aws/aws-sdk-go-v2/service/ecr/types"
	"github.com/aws/aws-sdk-go-v2/service/ecs"
	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
	"github.com/aws/aws-sdk-go-v2/service/efs"
	"github.com/aws/aws-sdk-go-v2/service/eks"
	ekstypes "github.com/aws/aws-sdk-go-v2/service/eks/types"
	"github.com/aws/aws-sdk-go-v2/service/elasticache"
	elbv2 "github.com/aws/aws-sdk-go-v2/service/elasticloadbalancingv2"
	elbv2types "github.com/aws/aws-sdk-go-v2/service/elasticloadbalancingv2/types"
	"github.com/aws/aws-sdk-go-v2/service/eventbridge"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	iamtypes "github.com/aws/aws-sdk-go-v2/service/iam/types"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	"github.com/aws/aws-sdk-go-v2/service/lambda"
	lambdatypes "github.com/aws/aws-sdk-go-v2/service/lambda/types"
	"github.com/aws/aws-sdk-go-v2/service/rds"
	"github.com/aws/aws-sdk-go-v2/service/route53"
	r53types "github.com/aws/aws-sdk-go-v2/service/route53/types"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	s3types "github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	ssmtypes "github.com/aws/aws-sdk-go-v2/service/ssm/types"

	"github.com/ncruces/go-sqlite3"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	"github.com/awsmap/awsmap/internal/rss"
)

// The end-to-end acceptance test of issue 3: a few hundred resources in three
// regions, one full scan, and every seeded resource checked in the store.

var estateRegions = []string{"us-east-1", "eu-west-1", "ap-southeast-2"}

const estateAccount = collecttest.MotoAccount

// seeded is one manifest entry: a resource the test created and what the
// inventory must say about it.
type seeded struct {
	region, service, typ, id string
	name                     string            // checked when not empty
	tags                     map[string]string // each must be stored
	fields                   map[string]any    // details->>'$.field' must equal
}

func (s seeded) key() string { return s.region + "/" + s.service + "/" + s.typ + "/" + s.id }

// manifest collects what the seeding goroutines create.
type manifest struct {
	mu    sync.Mutex
	items []seeded
	edges []string // "from-key -kind-> to-key"
	errs  []string
}

func (m *manifest) add(s seeded) {
	m.mu.Lock()
	m.items = append(m.items, s)
	m.mu.Unlock()
}

func (m *manifest) edge(from, kind, to string) {
	m.mu.Lock()
	m.edges = append(m.edges, from+" -"+kind+"-> "+to)
	m.mu.Unlock()
}

// ok records err (a seeding failure) and says whether the call succeeded.
func (m *manifest) ok(err error, what string, a ...any) bool {
	if err == nil {
		return true
	}
	m.mu.Lock()
	m.errs = append(m.errs, fmt.Sprintf(what, a...)+": "+err.Error())
	m.mu.Unlock()
	return false
}

// parallel runs f(0..n-1) on at most 6 goroutines and waits.
func parallel(n int, f func(i int)) {
	var wg sync.WaitGroup
	sem := make(chan struct{}, 6)
	for i := range n {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			f(i)
		}()
	}
	wg.Wait()
}

func k(region, service, typ, id string) string { return region + "/" + service + "/" + typ + "/" + id }

const trustLambda = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}`
const trustEC2 = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}`

func roleARN(name string) string { return "arn:aws:iam::" + estateAccount + ":role/" + name }

// seedGlobal creates the IAM and Route 53 part of the estate.
func seedGlobal(t testing.TB, m *manifest) {
	ctx := context.Background()
	cfg := moto.Config(t, "us-east-1", nil)
	api := iam.NewFromConfig(cfg)
	const g = "global"
	// Roles used by the regional services, then plain ones.
	for _, r := range []struct{ name, trust string }{{"lambda-exec", trustLambda}, {"eks-cluster", trustLambda}, {"ecs-task", trustLambda}} {
		if m.ok(awsErr(api.CreateRole(ctx, &iam.CreateRoleInput{RoleName: aws.String(r.name), AssumeRolePolicyDocument: aws.String(r.trust)})), "role %s", r.name) {
			m.add(seeded{region: g, service: "iam", typ: "role", id: r.name, name: r.name})
		}
	}
	parallel(6, func(i int) {
		name := fmt.Sprintf("app-role-%d", i)
		_, err := api.CreateRole(ctx, &iam.CreateRoleInput{RoleName: aws.String(name), AssumeRolePolicyDocument: aws.String(trustEC2),
			Description: aws.String("role " + name), MaxSessionDuration: aws.Int32(7200),
			Tags: []iamTag{{Key: aws.String("Team"), Value: aws.String("t" + fmt.Sprint(i))}}})
		if m.ok(err, "role %s", name) {
			m.add(seeded{region: g, service: "iam", typ: "role", id: name, name: name, tags: map[string]string{"Team": fmt.Sprint("t", i)},
				fields: map[string]any{"description": "role " + name, "max_session_duration": 7200, "path": "/"}})
		}
	})
	// Customer-managed policies.
	const doc = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}`
	policyARNs := make([]string, 4)
	parallel(4, func(i int) {
		name := fmt.Sprintf("policy-%d", i)
		out, err := api.CreatePolicy(ctx, &iam.CreatePolicyInput{PolicyName: aws.String(name), PolicyDocument: aws.String(doc), Description: aws.String("p" + fmt.Sprint(i))})
		if m.ok(err, "policy %s", name) {
			policyARNs[i] = aws.ToString(out.Policy.Arn)
		}
	})
	// Groups, each with one policy attached.
	for i := range 3 {
		name := fmt.Sprintf("group-%d", i)
		if !m.ok(awsErr(api.CreateGroup(ctx, &iam.CreateGroupInput{GroupName: aws.String(name)})), "group %s", name) {
			continue
		}
		if policyARNs[i] != "" {
			m.ok(awsErr(api.AttachGroupPolicy(ctx, &iam.AttachGroupPolicyInput{GroupName: aws.String(name), PolicyArn: aws.String(policyARNs[i])})), "attach %s", name)
		}
	}
	for i := range 4 {
		if policyARNs[i] == "" {
			continue
		}
		attachments := 0
		if i < 3 {
			attachments = 1
		}
		m.add(seeded{region: g, service: "iam", typ: "policy", id: fmt.Sprintf("policy-%d", i),
			fields: map[string]any{"attachment_count": attachments, "default_version_id": "v1", "description": fmt.Sprint("p", i)}})
	}
	// Users: every one in a group, even ones with an access key.
	parallel(12, func(i int) {
		name := fmt.Sprintf("user-%02d", i)
		if !m.ok(awsErr(api.CreateUser(ctx, &iam.CreateUserInput{UserName: aws.String(name),
			Tags: []iamTag{{Key: aws.String("Dept"), Value: aws.String("d" + fmt.Sprint(i%3))}}})), "user %s", name) {
			return
		}
		group := fmt.Sprintf("group-%d", i%3)
		m.ok(awsErr(api.AddUserToGroup(ctx, &iam.AddUserToGroupInput{GroupName: aws.String(group), UserName: aws.String(name)})), "add %s", name)
		if i%2 == 0 {
			m.ok(awsErr(api.CreateAccessKey(ctx, &iam.CreateAccessKeyInput{UserName: aws.String(name)})), "key %s", name)
		}
		m.add(seeded{region: g, service: "iam", typ: "user", id: name, name: name, tags: map[string]string{"Dept": fmt.Sprint("d", i%3)},
			fields: map[string]any{"groups": []string{group}, "path": "/"}})
		m.edge(k(g, "iam", "user", name), "member-of", k(g, "iam", "group", group))
	})
	for i := range 3 {
		m.add(seeded{region: g, service: "iam", typ: "group", id: fmt.Sprintf("group-%d", i), fields: map[string]any{
			"members": 4, "attached_policies": []string{fmt.Sprintf("policy-%d", i)}}})
	}
	// Instance profiles holding the app roles.
	parallel(3, func(i int) {
		name, role := fmt.Sprintf("profile-%d", i), fmt.Sprintf("app-role-%d", i)
		if !m.ok(awsErr(api.CreateInstanceProfile(ctx, &iam.CreateInstanceProfileInput{InstanceProfileName: aws.String(name)})), "profile %s", name) {
			return
		}
		if m.ok(awsErr(api.AddRoleToInstanceProfile(ctx, &iam.AddRoleToInstanceProfileInput{InstanceProfileName: aws.String(name), RoleName: aws.String(role)})), "profile role %s", name) {
			m.add(seeded{region: g, service: "iam", typ: "instance-profile", id: name, fields: map[string]any{"roles": []string{role}}})
			m.edge(k(g, "iam", "instance-profile", name), "assumes-role", k(g, "iam", "role", role))
		}
	})

	// Route 53 public zones.
	r53 := route53.NewFromConfig(cfg)
	parallel(3, func(i int) {
		zone := fmt.Sprintf("zone-%d.example.com", i)
		out, err := r53.CreateHostedZone(ctx, &route53.CreateHostedZoneInput{Name: aws.String(zone), CallerReference: aws.String(zone),
			HostedZoneConfig: &r53Config{Comment: aws.String("estate " + zone)}})
		if m.ok(err, "zone %s", zone) {
			id := strings.TrimPrefix(aws.ToString(out.HostedZone.Id), "/hostedzone/")
			m.add(seeded{region: g, service: "route53", typ: "hosted-zone", id: id, fields: map[string]any{
				"private_zone": false, "comment": "estate " + zone}})
		}
	})
}

// seedRegion creates the regional part of the estate in region number r.
func seedRegion(t testing.TB, m *manifest, r int, region string) {
	ctx := context.Background()
	cfg := moto.Config(t, region, nil)
	e2 := ec2.NewFromConfig(cfg)
	at := func(typ, id string) string { return k(region, "ec2", typ, id) }

	// --- Network: a VPC, two subnets, a security group with rules.
	vpcOut, err := e2.CreateVpc(ctx, &ec2.CreateVpcInput{CidrBlock: aws.String(fmt.Sprintf("10.%d.0.0/16", r)),
		TagSpecifications: []ec2types.TagSpecification{{ResourceType: ec2types.ResourceTypeVpc, Tags: ec2Tags("Name", "estate-"+region)}}})
	if !m.ok(err, "%s vpc", region) {
		return
	}
	vpc := aws.ToString(vpcOut.Vpc.VpcId)
	m.add(seeded{region: region, service: "ec2", typ: "vpc", id: vpc, name: "estate-" + region,
		fields: map[string]any{"cidr_block": fmt.Sprintf("10.%d.0.0/16", r)}})
	var subnets []string
	for i, az := range []string{"a", "b"} {
		cidr := fmt.Sprintf("10.%d.%d.0/24", r, i)
		out, err := e2.CreateSubnet(ctx, &ec2.CreateSubnetInput{VpcId: aws.String(vpc), CidrBlock: aws.String(cidr), AvailabilityZone: aws.String(region + az)})
		if !m.ok(err, "%s subnet", region) {
			return
		}
		id := aws.ToString(out.Subnet.SubnetId)
		subnets = append(subnets, id)
		m.add(seeded{region: region, service: "ec2", typ: "subnet", id: id, fields: map[string]any{"cidr_block": cidr, "vpc_id": vpc, "availability_zone": region + az}})
		m.edge(at("subnet", id), "in-vpc", at("vpc", vpc))
	}
	sgOut, err := e2.CreateSecurityGroup(ctx, &ec2.CreateSecurityGroupInput{GroupName: aws.String("web"), Description: aws.String("web tier"), VpcId: aws.String(vpc)})
	if !m.ok(err, "%s sg", region) {
		return
	}
	sg := aws.ToString(sgOut.GroupId)
	_, err = e2.AuthorizeSecurityGroupIngress(ctx, &ec2.AuthorizeSecurityGroupIngressInput{GroupId: aws.String(sg), IpPermissions: []ec2types.IpPermission{
		{IpProtocol: aws.String("tcp"), FromPort: aws.Int32(443), ToPort: aws.Int32(443), IpRanges: []ec2types.IpRange{{CidrIp: aws.String("0.0.0.0/0")}}},
		{IpProtocol: aws.String("tcp"), FromPort: aws.Int32(22), ToPort: aws.Int32(22), IpRanges: []ec2types.IpRange{{CidrIp: aws.String("10.0.0.0/8")}}},
	}})
	if m.ok(err, "%s sg rules", region) {
		m.add(seeded{region: region, service: "ec2", typ: "security-group", id: sg, fields: map[string]any{
			"group_name": "web", "description": "web tier", "vpc_id": vpc, "open_to_world": true, "open_ports_to_world": []string{"tcp:443-443"}}})
		m.edge(at("security-group", sg), "in-vpc", at("vpc", vpc))
	}

	// --- Key pairs, launch templates.
	parallel(3, func(i int) {
		name := fmt.Sprintf("kp-%s-%d", region, i)
		out, err := e2.CreateKeyPair(ctx, &ec2.CreateKeyPairInput{KeyName: aws.String(name)})
		if m.ok(err, "key pair %s", name) {
			m.add(seeded{region: region, service: "ec2", typ: "key-pair", id: name, name: name, fields: map[string]any{"key_pair_id": aws.ToString(out.KeyPairId)}})
		}
	})
	parallel(2, func(i int) {
		name := fmt.Sprintf("lt-%d", i)
		out, err := e2.CreateLaunchTemplate(ctx, &ec2.CreateLaunchTemplateInput{LaunchTemplateName: aws.String(name),
			LaunchTemplateData: &ec2types.RequestLaunchTemplateData{ImageId: aws.String("ami-12c6146b"), InstanceType: ec2types.InstanceTypeT3Small}})
		if m.ok(err, "launch template %s", name) {
			m.add(seeded{region: region, service: "ec2", typ: "launch-template", id: aws.ToString(out.LaunchTemplate.LaunchTemplateId), name: name,
				fields: map[string]any{"name": name, "default_version": 1, "latest_version": 1}})
		}
	})

	// --- Instances in the first subnet.
	run, err := e2.RunInstances(ctx, &ec2.RunInstancesInput{ImageId: aws.String("ami-12c6146b"), InstanceType: ec2types.InstanceTypeT3Micro,
		MinCount: aws.Int32(4), MaxCount: aws.Int32(4), SubnetId: aws.String(subnets[0]), SecurityGroupIds: []string{sg},
		KeyName:           aws.String(fmt.Sprintf("kp-%s-0", region)),
		TagSpecifications: []ec2types.TagSpecification{{ResourceType: ec2types.ResourceTypeInstance, Tags: ec2Tags("Name", "app-"+region)}}})
	if !m.ok(err, "%s instances", region) {
		return
	}
	var instances []string
	for _, in := range run.Instances {
		id := aws.ToString(in.InstanceId)
		instances = append(instances, id)
		m.add(seeded{region: region, service: "ec2", typ: "instance", id: id, name: "app-" + region, fields: map[string]any{
			"instance_type": "t3.micro", "image_id": "ami-12c6146b", "subnet_id": subnets[0], "vpc_id": vpc,
			"security_group_ids": []string{sg}, "key_name": fmt.Sprintf("kp-%s-0", region)}})
		m.edge(at("instance", id), "in-subnet", at("subnet", subnets[0]))
		m.edge(at("instance", id), "in-vpc", at("vpc", vpc))
		m.edge(at("instance", id), "uses-security-group", at("security-group", sg))
	}

	// --- Volumes (the first attached), snapshots, elastic IPs.
	volumes := make([]string, 3)
	parallel(3, func(i int) {
		out, err := e2.CreateVolume(ctx, &ec2.CreateVolumeInput{AvailabilityZone: aws.String(region + "a"), Size: aws.Int32(int32(10 + i)), VolumeType: ec2types.VolumeTypeGp3,
			TagSpecifications: []ec2types.TagSpecification{{ResourceType: ec2types.ResourceTypeVolume, Tags: ec2Tags("Name", fmt.Sprint("data-", i))}}})
		if m.ok(err, "%s volume", region) {
			volumes[i] = aws.ToString(out.VolumeId)
		}
	})
	for i, v := range volumes {
		if v == "" {
			continue
		}
		f := map[string]any{"size_gb": 10 + i, "volume_type": "gp3", "availability_zone": region + "a"}
		if i == 0 && m.ok(awsErr(e2.AttachVolume(ctx, &ec2.AttachVolumeInput{VolumeId: aws.String(v), InstanceId: aws.String(instances[0]), Device: aws.String("/dev/sdf")})), "attach") {
			f["attached_instance_ids"] = []string{instances[0]}
			f["state"] = "in-use"
			m.edge(at("volume", v), "attached-to", at("instance", instances[0]))
		}
		m.add(seeded{region: region, service: "ec2", typ: "volume", id: v, name: fmt.Sprint("data-", i), fields: f})
	}
	parallel(2, func(i int) {
		if volumes[1] == "" {
			return
		}
		out, err := e2.CreateSnapshot(ctx, &ec2.CreateSnapshotInput{VolumeId: aws.String(volumes[1]), Description: aws.String(fmt.Sprint("backup ", i))})
		if m.ok(err, "%s snapshot", region) {
			id := aws.ToString(out.SnapshotId)
			m.add(seeded{region: region, service: "ec2", typ: "snapshot", id: id, fields: map[string]any{
				"volume_id": volumes[1], "volume_size_gb": 11, "description": fmt.Sprint("backup ", i)}})
			m.edge(at("snapshot", id), "created-from", at("volume", volumes[1]))
		}
	})
	for i := range 2 {
		out, err := e2.AllocateAddress(ctx, &ec2.AllocateAddressInput{Domain: ec2types.DomainTypeVpc})
		if !m.ok(err, "%s eip", region) {
			continue
		}
		id := aws.ToString(out.AllocationId)
		f := map[string]any{"public_ip": aws.ToString(out.PublicIp), "domain": "vpc"}
		if i == 0 && m.ok(awsErr(e2.AssociateAddress(ctx, &ec2.AssociateAddressInput{AllocationId: out.AllocationId, InstanceId: aws.String(instances[1])})), "associate") {
			f["instance_id"] = instances[1]
			m.edge(at("elastic-ip", id), "associated-with", at("instance", instances[1]))
		}
		m.add(seeded{region: region, service: "ec2", typ: "elastic-ip", id: id, fields: f})
	}

	var wg sync.WaitGroup
	step := func(f func()) { wg.Add(1); go func() { defer wg.Done(); f() }() }
	step(func() { seedSecurity(ctx, m, region, cfg) })
	defer wg.Wait()

	// --- S3: three buckets with different settings.
	step(func() {
		api := s3API(t, region)
		for i := range 3 {
			name := fmt.Sprintf("estate-%s-%d", region, i)
			in := &s3.CreateBucketInput{Bucket: aws.String(name)}
			if region != "us-east-1" {
				in.CreateBucketConfiguration = &s3types.CreateBucketConfiguration{LocationConstraint: s3types.BucketLocationConstraint(region)}
			}
			if !m.ok(awsErr(api.CreateBucket(ctx, in)), "bucket %s", name) {
				continue
			}
			f := map[string]any{"versioning": "Disabled"}
			switch i {
			case 0:
				if m.ok(awsErr(api.PutBucketVersioning(ctx, &s3.PutBucketVersioningInput{Bucket: aws.String(name),
					VersioningConfiguration: &s3types.VersioningConfiguration{Status: s3types.BucketVersioningStatusEnabled}})), "versioning %s", name) {
					f["versioning"] = "Enabled"
				}
			case 1:
				if m.ok(awsErr(api.PutBucketEncryption(ctx, &s3.PutBucketEncryptionInput{Bucket: aws.String(name),
					ServerSideEncryptionConfiguration: &s3types.ServerSideEncryptionConfiguration{Rules: []s3types.ServerSideEncryptionRule{{
						ApplyServerSideEncryptionByDefault: &s3types.ServerSideEncryptionByDefault{SSEAlgorithm: s3types.ServerSideEncryptionAes256}}}}})), "encryption %s", name) {
					f["encryption_algorithm"] = "AES256"
				}
				if m.ok(awsErr(api.PutPublicAccessBlock(ctx, &s3.PutPublicAccessBlockInput{Bucket: aws.String(name),
					PublicAccessBlockConfiguration: &s3types.PublicAccessBlockConfiguration{BlockPublicAcls: aws.Bool(true), IgnorePublicAcls: aws.Bool(true),
						BlockPublicPolicy: aws.Bool(true), RestrictPublicBuckets: aws.Bool(true)}})), "pab %s", name) {
					f["public_access_block_enabled"] = true
					f["block_public_acls"] = true
				}
			case 2:
				if m.ok(awsErr(api.PutBucketTagging(ctx, &s3.PutBucketTaggingInput{Bucket: aws.String(name),
					Tagging: &s3types.Tagging{TagSet: []s3types.Tag{{Key: aws.String("Env"), Value: aws.String("prod")}}}})), "tag %s", name) {
					m.add(seeded{region: region, service: "s3", typ: "bucket", id: name, name: name, tags: map[string]string{"Env": "prod"}, fields: f})
					continue
				}
			}
			m.add(seeded{region: region, service: "s3", typ: "bucket", id: name, name: name, fields: f})
		}
		// CloudTrail delivering to the first bucket.
		trail := "trail-" + region
		if m.ok(awsErr(cloudtrail.NewFromConfig(cfg).CreateTrail(ctx, &cloudtrail.CreateTrailInput{Name: aws.String(trail),
			S3BucketName: aws.String(fmt.Sprintf("estate-%s-0", region)), EnableLogFileValidation: aws.Bool(true)})), "trail %s", trail) {
			m.add(seeded{region: region, service: "cloudtrail", typ: "trail", id: trail, fields: map[string]any{
				"s3_bucket": fmt.Sprintf("estate-%s-0", region), "multi_region": false, "log_file_validation": true, "home_region": region}})
			m.edge(k(region, "cloudtrail", "trail", trail), "logs-to", k(region, "s3", "bucket", fmt.Sprintf("estate-%s-0", region)))
		}
	})

	// --- KMS keys with aliases.
	step(func() {
		api := kms.NewFromConfig(cfg)
		parallel(3, func(i int) {
			desc := fmt.Sprintf("key %s %d", region, i)
			out, err := api.CreateKey(ctx, &kms.CreateKeyInput{Description: aws.String(desc)})
			if !m.ok(err, "kms key") {
				return
			}
			id := aws.ToString(out.KeyMetadata.KeyId)
			alias := fmt.Sprintf("alias/estate-%d", i)
			m.add(seeded{region: region, service: "kms", typ: "key", id: id, fields: map[string]any{
				"description": desc, "key_state": "Enabled", "key_manager": "CUSTOMER", "aliases": []string{alias}}})
			if m.ok(awsErr(api.CreateAlias(ctx, &kms.CreateAliasInput{AliasName: aws.String(alias), TargetKeyId: aws.String(id)})), "alias") {
				m.add(seeded{region: region, service: "kms", typ: "alias", id: alias, fields: map[string]any{"target_key_id": id}})
				m.edge(k(region, "kms", "alias", alias), "alias-of", k(region, "kms", "key", id))
			}
		})
	})

	// --- Secrets Manager, SSM parameters.
	step(func() {
		api := secretsmanager.NewFromConfig(cfg)
		parallel(5, func(i int) {
			name := fmt.Sprintf("secret-%d", i)
			if m.ok(awsErr(api.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String(name), SecretString: aws.String("s3cr3t"),
				Description: aws.String("db password " + fmt.Sprint(i))})), "secret %s", name) {
				m.add(seeded{region: region, service: "secretsmanager", typ: "secret", id: name, name: name, fields: map[string]any{
					"description": "db password " + fmt.Sprint(i), "rotation_enabled": false}})
			}
		})
		ps := ssm.NewFromConfig(cfg)
		parallel(30, func(i int) {
			name := fmt.Sprintf("/estate/app/param-%02d", i)
			typ := ssmtypes.ParameterTypeString
			if i%5 == 0 {
				typ = ssmtypes.ParameterTypeSecureString
			}
			if m.ok(awsErr(ps.PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String(name), Value: aws.String("v"), Type: typ,
				Description: aws.String("param " + fmt.Sprint(i))})), "param %s", name) {
				m.add(seeded{region: region, service: "ssm", typ: "parameter", id: name, fields: map[string]any{
					"type": string(typ), "version": 1, "tier": "Standard", "description": "param " + fmt.Sprint(i)}})
			}
		})
	})

	// --- RDS: a subnet group and two instances.
	step(func() {
		api := rds.NewFromConfig(cfg)
		group := "db-subnets"
		if !m.ok(awsErr(api.CreateDBSubnetGroup(ctx, &rds.CreateDBSubnetGroupInput{DBSubnetGroupName: aws.String(group),
			DBSubnetGroupDescription: aws.String("estate db"), SubnetIds: subnets})), "db subnet group") {
			return
		}
		m.add(seeded{region: region, service: "rds", typ: "db-subnet-group", id: group, fields: map[string]any{"vpc_id": vpc, "description": "estate db"}})
		for _, s := range subnets {
			m.edge(k(region, "rds", "db-subnet-group", group), "includes-subnet", at("subnet", s))
		}
		parallel(2, func(i int) {
			id := fmt.Sprintf("db-%d", i)
			if m.ok(awsErr(api.CreateDBInstance(ctx, &rds.CreateDBInstanceInput{DBInstanceIdentifier: aws.String(id), Engine: aws.String("postgres"),
				DBInstanceClass: aws.String("db.t3.micro"), AllocatedStorage: aws.Int32(int32(20 + i)), MasterUsername: aws.String("admin"),
				MasterUserPassword: aws.String("secret-password"), DBSubnetGroupName: aws.String(group), VpcSecurityGroupIds: []string{sg},
				MultiAZ: aws.Bool(i == 1), BackupRetentionPeriod: aws.Int32(7), DeletionProtection: aws.Bool(i == 0)})), "db %s", id) {
				m.add(seeded{region: region, service: "rds", typ: "db-instance", id: id, fields: map[string]any{
					"engine": "postgres", "instance_class": "db.t3.micro", "allocated_storage_gb": 20 + i, "multi_az": i == 1,
					"backup_retention_days": 7, "deletion_protection": i == 0, "db_subnet_group": group, "vpc_id": vpc, "security_group_ids": []string{sg}}})
				m.edge(k(region, "rds", "db-instance", id), "in-subnet-group", k(region, "rds", "db-subnet-group", group))
			}
		})
	})

	// --- Lambda functions and their log groups; other log groups.
	step(func() {
		api := lambda.NewFromConfig(cfg)
		code := lambdaZip()
		parallel(5, func(i int) {
			name := fmt.Sprintf("fn-%d", i)
			if m.ok(awsErr(api.CreateFunction(ctx, &lambda.CreateFunctionInput{FunctionName: aws.String(name), Role: aws.String(roleARN("lambda-exec")),
				Runtime: lambdatypes.RuntimePython312, Handler: aws.String("index.handler"), Code: &lambdatypes.FunctionCode{ZipFile: code},
				MemorySize: aws.Int32(256), Timeout: aws.Int32(int32(10 + i)),
				Environment: &lambdatypes.Environment{Variables: map[string]string{"TABLE": "secret-value"}}})), "function %s", name) {
				m.add(seeded{region: region, service: "lambda", typ: "function", id: name, name: name, fields: map[string]any{
					"runtime": "python3.12", "memory_mb": 256, "timeout_seconds": 10 + i, "role": roleARN("lambda-exec"),
					"handler": "index.handler", "package_type": "Zip", "environment_variable_names": []string{"TABLE"}}})
				m.edge(k(region, "lambda", "function", name), "assumes-role", k("global", "iam", "role", "lambda-exec"))
			}
		})
		lg := logs.NewFromConfig(cfg)
		parallel(20, func(i int) {
			name := fmt.Sprintf("/estate/app-%02d", i)
			if !m.ok(awsErr(lg.CreateLogGroup(ctx, &logs.CreateLogGroupInput{LogGroupName: aws.String(name)})), "log group %s", name) {
				return
			}
			f := map[string]any{"never_expires": true}
			if i%2 == 0 && m.ok(awsErr(lg.PutRetentionPolicy(ctx, &logs.PutRetentionPolicyInput{LogGroupName: aws.String(name), RetentionInDays: aws.Int32(14)})), "retention") {
				f = map[string]any{"never_expires": false, "retention_days": 14}
			}
			m.add(seeded{region: region, service: "logs", typ: "log-group", id: name, fields: f})
		})
	})

	// --- ELBv2: an ALB, a target group with two instances, a listener.
	step(func() {
		api := elbv2.NewFromConfig(cfg)
		lb, err := api.CreateLoadBalancer(ctx, &elbv2.CreateLoadBalancerInput{Name: aws.String("alb-" + region), Subnets: subnets,
			SecurityGroups: []string{sg}, Scheme: elbv2types.LoadBalancerSchemeEnumInternal})
		if !m.ok(err, "alb") {
			return
		}
		m.add(seeded{region: region, service: "elbv2", typ: "load-balancer", id: "alb-" + region, fields: map[string]any{
			"type": "application", "scheme": "internal", "vpc_id": vpc, "security_group_ids": []string{sg}}})
		tg, err := api.CreateTargetGroup(ctx, &elbv2.CreateTargetGroupInput{Name: aws.String("tg-" + region), Protocol: elbv2types.ProtocolEnumHttp,
			Port: aws.Int32(8080), VpcId: aws.String(vpc), TargetType: elbv2types.TargetTypeEnumInstance, HealthCheckPath: aws.String("/health")})
		if !m.ok(err, "tg") {
			return
		}
		tgARN := tg.TargetGroups[0].TargetGroupArn
		if !m.ok(awsErr(api.RegisterTargets(ctx, &elbv2.RegisterTargetsInput{TargetGroupArn: tgARN, Targets: []elbv2types.TargetDescription{
			{Id: aws.String(instances[2])}, {Id: aws.String(instances[3])}}})), "register") {
			return
		}
		m.ok(awsErr(api.CreateListener(ctx, &elbv2.CreateListenerInput{LoadBalancerArn: lb.LoadBalancers[0].LoadBalancerArn, Port: aws.Int32(80),
			Protocol: elbv2types.ProtocolEnumHttp, DefaultActions: []elbv2types.Action{{Type: elbv2types.ActionTypeEnumForward, TargetGroupArn: tgARN}}})), "listener")
		tgKey := k(region, "elbv2", "target-group", "tg-"+region)
		m.add(seeded{region: region, service: "elbv2", typ: "target-group", id: "tg-" + region, fields: map[string]any{
			"protocol": "HTTP", "port": 8080, "target_type": "instance", "vpc_id": vpc, "health_check_path": "/health", "target_count": 2}})
		m.edge(tgKey, "targets", at("instance", instances[2]))
		m.edge(tgKey, "targets", at("instance", instances[3]))
		m.edge(k(region, "elbv2", "load-balancer", "alb-"+region), "routes-to", tgKey)
	})

	// --- DynamoDB, SQS, SNS, EventBridge.
	step(func() {
		api := dynamodb.NewFromConfig(cfg)
		parallel(5, func(i int) {
			name := fmt.Sprintf("table-%d", i)
			in := &dynamodb.CreateTableInput{TableName: aws.String(name),
				AttributeDefinitions: []ddbtypes.AttributeDefinition{{AttributeName: aws.String("pk"), AttributeType: ddbtypes.ScalarAttributeTypeS}},
				KeySchema:            []ddbtypes.KeySchemaElement{{AttributeName: aws.String("pk"), KeyType: ddbtypes.KeyTypeHash}},
				BillingMode:          ddbtypes.BillingModePayPerRequest}
			f := map[string]any{"billing_mode": "PAY_PER_REQUEST", "stream_enabled": false}
			if i == 0 {
				in.BillingMode = ddbtypes.BillingModeProvisioned
				in.ProvisionedThroughput = &ddbtypes.ProvisionedThroughput{ReadCapacityUnits: aws.Int64(5), WriteCapacityUnits: aws.Int64(3)}
				f = map[string]any{"billing_mode": "PROVISIONED", "read_capacity": 5, "write_capacity": 3}
			}
			if m.ok(awsErr(api.CreateTable(ctx, in)), "table %s", name) {
				m.add(seeded{region: region, service: "dynamodb", typ: "table", id: name, name: name, fields: f})
			}
		})
	})
	step(func() {
		api := sqs.NewFromConfig(cfg)
		parallel(40, func(i int) {
			name := fmt.Sprintf("queue-%02d", i)
			attrs := map[string]string{"VisibilityTimeout": fmt.Sprint(30 + i)}
			if m.ok(awsErr(api.CreateQueue(ctx, &sqs.CreateQueueInput{QueueName: aws.String(name), Attributes: attrs})), "queue %s", name) {
				m.add(seeded{region: region, service: "sqs", typ: "queue", id: name, name: name, fields: map[string]any{
					"visibility_timeout": 30 + i, "fifo": false}})
			}
		})
	})
	step(func() {
		api := sns.NewFromConfig(cfg)
		parallel(10, func(i int) {
			name := fmt.Sprintf("topic-%d", i)
			if m.ok(awsErr(api.CreateTopic(ctx, &sns.CreateTopicInput{Name: aws.String(name), Attributes: map[string]string{"DisplayName": "T" + fmt.Sprint(i)}})), "topic %s", name) {
				m.add(seeded{region: region, service: "sns", typ: "topic", id: name, name: name, fields: map[string]any{"display_name": "T" + fmt.Sprint(i), "fifo": false}})
			}
		})
		ev := eventbridge.NewFromConfig(cfg)
		parallel(5, func(i int) {
			name := fmt.Sprintf("rule-%d", i)
			if m.ok(awsErr(ev.PutRule(ctx, &eventbridge.PutRuleInput{Name: aws.String(name), ScheduleExpression: aws.String(fmt.Sprintf("rate(%d minutes)", 5+i)),
				Description: aws.String("every " + fmt.Sprint(5+i))})), "rule %s", name) {
				m.add(seeded{region: region, service: "events", typ: "rule", id: name, name: name, fields: map[string]any{
					"event_bus": "default", "state": "ENABLED", "schedule_expression": fmt.Sprintf("rate(%d minutes)", 5+i), "description": "every " + fmt.Sprint(5+i)}})
			}
		})
	})

	// --- Containers: ECR, ECS, EKS.
	step(func() {
		api := ecr.NewFromConfig(cfg)
		parallel(4, func(i int) {
			name := fmt.Sprintf("repo-%d", i)
			mut := ecrtypes.ImageTagMutabilityMutable
			if i == 1 {
				mut = ecrtypes.ImageTagMutabilityImmutable
			}
			if m.ok(awsErr(api.CreateRepository(ctx, &ecr.CreateRepositoryInput{RepositoryName: aws.String(name), ImageTagMutability: mut,
				ImageScanningConfiguration: &ecrtypes.ImageScanningConfiguration{ScanOnPush: i == 0}})), "repo %s", name) {
				m.add(seeded{region: region, service: "ecr", typ: "repository", id: name, name: name, fields: map[string]any{
					"scan_on_push": i == 0, "image_tag_mutability": string(mut), "registry_id": estateAccount}})
			}
		})
		ea := ecs.NewFromConfig(cfg)
		cluster := "ecs-main"
		if !m.ok(awsErr(ea.CreateCluster(ctx, &ecs.CreateClusterInput{ClusterName: aws.String(cluster)})), "ecs cluster") {
			return
		}
		m.add(seeded{region: region, service: "ecs", typ: "cluster", id: cluster, name: cluster, fields: map[string]any{"status": "ACTIVE"}})
		if !m.ok(awsErr(ea.RegisterTaskDefinition(ctx, &ecs.RegisterTaskDefinitionInput{Family: aws.String("web"), NetworkMode: ecstypes.NetworkModeAwsvpc,
			RequiresCompatibilities: []ecstypes.Compatibility{ecstypes.CompatibilityFargate}, Cpu: aws.String("256"), Memory: aws.String("512"),
			TaskRoleArn: aws.String(roleARN("ecs-task")),
			ContainerDefinitions: []ecstypes.ContainerDefinition{{Name: aws.String("app"), Image: aws.String("nginx:1"), User: aws.String("1000"),
				ReadonlyRootFilesystem: aws.Bool(true), Privileged: aws.Bool(false)}}})), "task definition") {
			return
		}
		m.add(seeded{region: region, service: "ecs", typ: "task-definition", id: "web:1", fields: map[string]any{
			"family": "web", "revision": 1, "network_mode": "awsvpc", "cpu": "256", "memory": "512", "task_role_arn": roleARN("ecs-task"),
			"any_privileged": false, "any_runs_as_root": false, "any_writable_root_fs": false}})
		parallel(2, func(i int) {
			name := fmt.Sprintf("svc-%d", i)
			if m.ok(awsErr(ea.CreateService(ctx, &ecs.CreateServiceInput{Cluster: aws.String(cluster), ServiceName: aws.String(name), TaskDefinition: aws.String("web:1"),
				DesiredCount: aws.Int32(int32(i + 1)), LaunchType: ecstypes.LaunchTypeFargate,
				NetworkConfiguration: &ecstypes.NetworkConfiguration{AwsvpcConfiguration: &ecstypes.AwsVpcConfiguration{Subnets: subnets[:1], SecurityGroups: []string{sg}}}})), "service %s", name) {
				id := cluster + "/" + name
				m.add(seeded{region: region, service: "ecs", typ: "service", id: id, fields: map[string]any{
					"cluster": cluster, "desired_count": i + 1, "launch_type": "FARGATE", "subnets": subnets[:1], "security_groups": []string{sg}}})
				m.edge(k(region, "ecs", "service", id), "member-of", k(region, "ecs", "cluster", cluster))
				m.edge(k(region, "ecs", "service", id), "runs", k(region, "ecs", "task-definition", "web:1"))
			}
		})
		ek := eks.NewFromConfig(cfg)
		name := "eks-main"
		if m.ok(awsErr(ek.CreateCluster(ctx, &eks.CreateClusterInput{Name: aws.String(name), RoleArn: aws.String(roleARN("eks-cluster")), Version: aws.String("1.31"),
			ResourcesVpcConfig: &ekstypes.VpcConfigRequest{SubnetIds: subnets, SecurityGroupIds: []string{sg}}})), "eks") {
			m.add(seeded{region: region, service: "eks", typ: "cluster", id: name, name: name, fields: map[string]any{
				"version": "1.31", "role_arn": roleARN("eks-cluster"), "subnet_ids": subnets, "security_group_ids": []string{sg}}})
			m.edge(k(region, "eks", "cluster", name), "assumes-role", k("global", "iam", "role", "eks-cluster"))
		}
	})

	// --- Auto Scaling, CloudFormation, ElastiCache, EFS, API Gateway.
	step(func() {
		api := autoscaling.NewFromConfig(cfg)
		lc := "lc-web"
		if m.ok(awsErr(api.CreateLaunchConfiguration(ctx, &autoscaling.CreateLaunchConfigurationInput{LaunchConfigurationName: aws.String(lc),
			ImageId: aws.String("ami-12c6146b"), InstanceType: aws.String("t3.micro"), SecurityGroups: []string{sg}})), "lc") {
			m.add(seeded{region: region, service: "autoscaling", typ: "launch-configuration", id: lc, fields: map[string]any{
				"image_id": "ami-12c6146b", "instance_type": "t3.micro", "security_groups": []string{sg}}})
			if m.ok(awsErr(api.CreateAutoScalingGroup(ctx, &autoscaling.CreateAutoScalingGroupInput{AutoScalingGroupName: aws.String("asg-web"),
				LaunchConfigurationName: aws.String(lc), MinSize: aws.Int32(0), MaxSize: aws.Int32(3), DesiredCapacity: aws.Int32(0),
				VPCZoneIdentifier: aws.String(subnets[1])})), "asg") {
				m.add(seeded{region: region, service: "autoscaling", typ: "group", id: "asg-web", fields: map[string]any{
					"min_size": 0, "max_size": 3, "desired_capacity": 0, "launch_configuration": lc, "subnets": []string{subnets[1]}}})
				m.edge(k(region, "autoscaling", "group", "asg-web"), "in-subnet", at("subnet", subnets[1]))
			}
		}
		const tmpl = `{"Description":"estate stack","Resources":{"Handle":{"Type":"AWS::CloudFormation::WaitConditionHandle"}}}`
		if m.ok(awsErr(cloudformation.NewFromConfig(cfg).CreateStack(ctx, &cloudformation.CreateStackInput{StackName: aws.String("stack-main"),
			TemplateBody: aws.String(tmpl)})), "stack") {
			m.add(seeded{region: region, service: "cloudformation", typ: "stack", id: "stack-main", fields: map[string]any{
				"status": "CREATE_COMPLETE", "description": "estate stack"}})
		}
		ec := elasticache.NewFromConfig(cfg)
		if m.ok(awsErr(ec.CreateCacheCluster(ctx, &elasticache.CreateCacheClusterInput{CacheClusterId: aws.String("cache-main"), Engine: aws.String("redis"),
			CacheNodeType: aws.String("cache.t3.micro"), NumCacheNodes: aws.Int32(1), SnapshotRetentionLimit: aws.Int32(2)})), "cache") {
			m.add(seeded{region: region, service: "elasticache", typ: "cluster", id: "cache-main", fields: map[string]any{
				"engine": "redis", "node_type": "cache.t3.micro", "num_nodes": 1, "snapshot_retention": 2}})
		}
		fs := efs.NewFromConfig(cfg)
		for i := range 2 {
			out, err := fs.CreateFileSystem(ctx, &efs.CreateFileSystemInput{CreationToken: aws.String(fmt.Sprint("fs-token-", i)), Encrypted: aws.Bool(i == 0)})
			if m.ok(err, "efs") {
				m.add(seeded{region: region, service: "efs", typ: "file-system", id: aws.ToString(out.FileSystemId), fields: map[string]any{
					"encrypted": i == 0, "performance_mode": "generalPurpose"}})
			}
		}
		gw := apigw.NewFromConfig(cfg)
		for i := range 2 {
			name := fmt.Sprintf("rest-%d", i)
			out, err := gw.CreateRestApi(ctx, &apigw.CreateRestApiInput{Name: aws.String(name), Description: aws.String("rest api " + fmt.Sprint(i))})
			if m.ok(err, "rest api") {
				m.add(seeded{region: region, service: "apigateway", typ: "rest-api", id: aws.ToString(out.Id), name: name, fields: map[string]any{
					"description": "rest api " + fmt.Sprint(i)}})
			}
		}
		out, err := apigwv2.NewFromConfig(cfg).CreateApi(ctx, &apigwv2.CreateApiInput{Name: aws.String("http-main"), ProtocolType: "HTTP", Description: aws.String("http api")})
		if m.ok(err, "http api") {
			m.add(seeded{region: region, service: "apigatewayv2", typ: "api", id: aws.ToString(out.ApiId), name: "http-main", fields: map[string]any{
				"protocol_type": "HTTP", "description": "http api"}})
		}
	})
}

// fillPolicyNames answers GetAccountAuthorizationDetails from moto, adding
// the policy names and ids moto leaves out; every other call passes through.
func fillPolicyNames(t testing.TB, filled *atomic.Int64) awsx.Responder {
	direct := iam.NewFromConfig(moto.Config(t, "us-east-1", nil))
	return awsx.ResponderFunc(func(ctx context.Context, req awsx.Request) (any, error) {
		if req.Operation != "GetAccountAuthorizationDetails" {
			return nil, awsx.ErrPassThrough
		}
		in := *req.Input.(*iam.GetAccountAuthorizationDetailsInput)
		out, err := direct.GetAccountAuthorizationDetails(ctx, &in)
		if err != nil {
			return nil, err
		}
		for i, p := range out.Policies {
			if aws.ToString(p.PolicyName) == "" {
				arn := aws.ToString(p.Arn)
				filled.Add(1)
				out.Policies[i].PolicyName = aws.String(arn[strings.LastIndex(arn, "/")+1:])
				out.Policies[i].PolicyId = aws.String("ANPA" + strings.ToUpper(arn[strings.LastIndex(arn, "/")+1:]))
			}
		}
		return out, nil
	})
}

// fillBackupResourceIDs gives RDS automated backups the DbiResourceId that
// AWS always returns and moto 5.2.1 leaves out (the backups' id).
func fillBackupResourceIDs(t testing.TB) awsx.Responder {
	return awsx.ResponderFunc(func(ctx context.Context, req awsx.Request) (any, error) {
		if req.Operation != "DescribeDBInstanceAutomatedBackups" {
			return nil, awsx.ErrPassThrough
		}
		in := *req.Input.(*rds.DescribeDBInstanceAutomatedBackupsInput)
		out, err := rds.NewFromConfig(moto.Config(t, req.Region, nil)).DescribeDBInstanceAutomatedBackups(ctx, &in)
		if err != nil {
			return nil, err
		}
		for i, b := range out.DBInstanceAutomatedBackups {
			if b.DbiResourceId == nil {
				out.DBInstanceAutomatedBackups[i].DbiResourceId = aws.String("db-" + strings.ToUpper(aws.ToString(b.DBInstanceIdentifier)))
			}
		}
		return out, nil
	})
}

func lambdaZip() []byte {
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	f, _ := w.Create("index.py")
	_, _ = f.Write([]byte("def handler(event, context):\n    return 1\n"))
	_ = w.Close()
	return buf.Bytes()
}

func ec2Tags(kv ...string) []ec2types.Tag {
	var out []ec2types.Tag
	for i := 0; i+1 < len(kv); i += 2 {
		out = append(out, ec2types.Tag{Key: aws.String(kv[i]), Value: aws.String(kv[i+1])})
	}
	return out
}

// awsErr drops an SDK call's output.
func awsErr[T any](_ T, err error) error { return err }

// queryRows runs SQL against db with 'awsmap query -f ndjson' and decodes
// its rows into T. When the query command itself is broken, the test fails
// saying so, and reads the file directly (the main schema's resources,
// relationships and coverage views) so the other checks still run.
func queryRows[T any](t testing.TB, db, sql string) []T {
	t.Helper()
	code, out, errs := awsmap(t, "query", "--db", db, "-f", "ndjson", sql)
	if code != 0 {
		queryBroken.Do(func() {
			t.Errorf("BUG: 'awsmap query' on the scanned inventory exits %d: %s(reading the file directly instead)", code, errs)
		})
		out = querySQLite(t, db, sql)
	} else if strings.Contains(errs, "warning:") {
		queryWarned.Do(func() { t.Errorf("BUG: 'awsmap query' on the scanned inventory warns: %s", strings.TrimSpace(errs)) })
	}
	var rows []T
	for _, line := range strings.Split(out, "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		var row T
		if err := json.Unmarshal([]byte(line), &row); err != nil {
			t.Fatalf("ndjson line %q: %v", line, err)
		}
		rows = append(rows, row)
	}
	return rows
}

var queryBroken, queryWarned sync.Once

// querySQLite runs sql on a read-only connection and returns ndjson.
func querySQLite(t testing.TB, db, sql string) string {
	t.Helper()
	conn, err := sqlite3.Open((&url.URL{Scheme: "file", Path: db, RawQuery: "mode=ro"}).String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	stmt, _, err := conn.Prepare(sql)
	if err != nil {
		t.Fatalf("%v: %s", err, sql)
	}
	defer stmt.Close()
	var b strings.Builder
	for stmt.Step() {
		row := map[string]any{}
		for i := range stmt.ColumnCount() {
			switch stmt.ColumnType(i) {
			case sqlite3.INTEGER:
				row[stmt.ColumnName(i)] = stmt.ColumnInt64(i)
			case sqlite3.FLOAT:
				row[stmt.ColumnName(i)] = stmt.ColumnFloat(i)
			case sqlite3.NULL:
				row[stmt.ColumnName(i)] = nil
			default:
				row[stmt.ColumnName(i)] = stmt.ColumnText(i)
			}
		}
		line, _ := json.Marshal(row)
		b.Write(line)
		b.WriteByte('\n')
	}
	if err := stmt.Err(); err != nil {
		t.Fatalf("%v: %s", err, sql)
	}
	return b.String()
}

// jsonObject decodes a JSON column, output either as an object or as a
// string holding one.
func jsonObject(raw json.RawMessage, v any) error {
	var text string
	if json.Unmarshal(raw, &text) == nil {
		raw = json.RawMessage(text)
	}
	return json.Unmarshal(raw, v)
}

// sameJSON compares a wanted Go value with a value decoded from JSON.
func sameJSON(want, got any) bool {
	b, _ := json.Marshal(want)
	var norm any
	_ = json.Unmarshal(b, &norm)
	return reflect.DeepEqual(norm, got)
}

func peakRSS() string {
	peak, err := rss.Peak()
	if err != nil {
		return "unknown"
	}
	return fmt.Sprintf("%d kB", peak>>10)
}

// seedEstate empties moto and seeds the estate of every region.
func seedEstate(t testing.TB) *manifest {
	resetMoto(t)
	m := &manifest{}
	seedStart := time.Now()
	seedGlobal(t, m)
	var wg sync.WaitGroup
	for r, region := range estateRegions {
		wg.Add(1)
		go func() { defer wg.Done(); seedRegion(t, m, r, region) }()
	}
	wg.Wait()
	if len(m.errs) > 0 {
		sort.Strings(m.errs)
		t.Fatalf("seeding moto failed (%d calls):\n%s", len(m.errs), strings.Join(m.errs, "\n"))
	}
	counts := map[string]int{}
	for _, s := range m.items {
		counts[s.service+"/"+s.typ]++
	}
	var summary []string
	for st, n := range counts {
		summary = append(summary, fmt.Sprintf("%s=%d", st, n))
	}
	sort.Strings(summary)
	t.Logf("seeded %d resources and %d expected relationships in %v: %s", len(m.items), len(m.edges),
		time.Since(seedStart).Round(time.Millisecond), strings.Join(summary, " "))
	return m
}

// scanEstate scans the seeded estate into db.
func scanEstate(t testing.TB, db string) (code int, errs string) {
	// moto's GetAccountAuthorizationDetails omits PolicyName and PolicyId of
	// managed policies, which AWS always returns: fill them from the ARN, as
	// the iam unit tests do with canned pages, so the scan sees what AWS sends.
	var filled atomic.Int64
	responder := chain(fillPolicyNames(t, &filled), fillBackupResourceIDs(t))
	code, _, errs = awsmapWith(t, responder, "--endpoint-url", moto.URL, "-r", strings.Join(estateRegions, ","), "--db", db, "-q")
	if filled.Load() == 0 {
		t.Logf("no managed policy lacked PolicyName/PolicyId in GetAccountAuthorizationDetails: has moto filled this gap?")
	}
	return code, errs
}

func TestScanOfAMotoEstateStoresEverySeededResource(t *testing.T) {
	t.Parallel()
	useMoto(t)
	m := seedEstate(t)
	// Measure the scan alone: reset the peak RSS counter (Linux >= 4.0).
	rssScope := "scan only"
	if err := os.WriteFile("/proc/self/clear_refs", []byte("5"), 0); err != nil {
		rssScope = "whole test process, including seeding"
	}
	db := filepath.Join(t.TempDir(), "estate.db")
	start := time.Now()
	code, errs := scanEstate(t, db)
	wall := time.Since(start)
	rss := peakRSS()
	if code != ExitOK && code != ExitPartial {
		t.Fatalf("scan exit %d, want 0 or 3: %s", code, errs)
	}

	// The ledger explains every failed collection.
	type failure struct {
		Region, Service, Type, Outcome, Operation string
		ErrorCode                                 string `json:"error_code"`
		ErrorMessage                              string `json:"error_message"`
	}
	failed := queryRows[failure](t, db, `SELECT region, service, type, outcome, coalesce(operation, '') AS operation,
		coalesce(error_code, '') AS error_code, coalesce(error_message, '') AS error_message
		FROM coverage WHERE scan_id = (SELECT max(id) FROM scans) AND outcome NOT IN ('ok', 'not_found') ORDER BY 1, 2, 3`)
	type call struct {
		Region, Service, Operation, Outcome string
		ErrorCode                           string `json:"error_code"`
		Calls                               int64
	}
	calls := queryRows[call](t, db, `SELECT region, service, operation, outcome, coalesce(error_code, '') AS error_code, calls
		FROM api_calls WHERE scan_id = (SELECT max(id) FROM scans)`)
	if (code == ExitPartial) != (len(failed) > 0) {
		t.Errorf("exit %d with %d failed collections", code, len(failed))
	}
	for _, f := range failed {
		t.Logf("failed collection: %s %s/%s %s on %s: %s: %s", f.Region, f.Service, f.Type, f.Outcome, f.Operation, f.ErrorCode, f.ErrorMessage)
		for what, v := range map[string]string{"operation": f.Operation, "error_code": f.ErrorCode, "error_message": f.ErrorMessage} {
			if v == "" {
				t.Errorf("BUG: failed collection %s %s/%s (outcome %s) has an empty %s in coverage", f.Region, f.Service, f.Type, f.Outcome, what)
			}
		}
		// A check that found two answers disagreeing explains itself (moto
		// ignores RestorableByUserIds and answers GetResources for few types).
		explained := f.ErrorCode == "Inconsistent"
		for _, c := range calls {
			// Health answers every region from us-east-1: its calls are there.
			sameRegion := c.Region == f.Region || f.Region == "global" || f.Region == "*" || f.Region == "" || c.Service == "health"
			// A service found off is explained by the answer that said so.
			if sameRegion && c.Operation == f.Operation && (c.Outcome != "ok" || f.ErrorCode == "NotEnabled") {
				explained = true
				t.Logf("  ledger: %s %s %s x%d -> %s %s", c.Region, c.Service, c.Operation, c.Calls, c.Outcome, c.ErrorCode)
			}
		}
		if !explained {
			t.Errorf("no api_calls row with a non-ok outcome explains the failed collection %s %s/%s on %s", f.Region, f.Service, f.Type, f.Operation)
		}
	}

	// Every seeded resource is stored with its fields.
	type row struct {
		Region, Service, Type, ID, Name, Account string
		Tags                                     map[string]string
		Details                                  map[string]any
	}
	stored := map[string]row{}
	for _, r := range queryRows[struct {
		Region, Service, Type, ID, Name string
		Account                         string `json:"account_id"`
		Tags, Details                   json.RawMessage
	}](t, db, `SELECT region, service, type, id, coalesce(name, '') AS name, account_id, tags, details FROM resources`) {
		x := row{Region: r.Region, Service: r.Service, Type: r.Type, ID: r.ID, Name: r.Name, Account: r.Account}
		if err := jsonObject(r.Tags, &x.Tags); err != nil {
			t.Fatalf("tags of %s: %v", r.ID, err)
		}
		if err := jsonObject(r.Details, &x.Details); err != nil {
			t.Fatalf("details of %s: %v", r.ID, err)
		}
		stored[k(r.Region, r.Service, r.Type, r.ID)] = x
	}
	sort.Slice(m.items, func(i, j int) bool { return m.items[i].key() < m.items[j].key() })
	missing, wrong := 0, 0
	for _, s := range m.items {
		got, ok := stored[s.key()]
		if !ok {
			missing++
			var near []string
			for key := range stored {
				if strings.HasPrefix(key, s.region+"/"+s.service+"/"+s.typ+"/") && len(near) < 3 {
					near = append(near, key)
				}
			}
			t.Errorf("MISSING %s (stored of that type, e.g.: %v)", s.key(), near)
			continue
		}
		if got.Account != estateAccount {
			t.Errorf("%s: account %q", s.key(), got.Account)
		}
		if s.name != "" && got.Name != s.name {
			wrong++
			t.Errorf("WRONG %s: name = %q, want %q", s.key(), got.Name, s.name)
		}
		for tk, tv := range s.tags {
			if got.Tags[tk] != tv {
				wrong++
				t.Errorf("WRONG %s: tag %s = %q, want %q", s.key(), tk, got.Tags[tk], tv)
			}
		}
		var fields []string
		for f := range s.fields {
			fields = append(fields, f)
		}
		sort.Strings(fields)
		for _, f := range fields {
			if v, ok := got.Details[f]; !ok || !sameJSON(s.fields[f], v) {
				wrong++
				t.Errorf("WRONG %s: details.%s = %#v, want %#v", s.key(), f, v, s.fields[f])
			}
		}
	}

	// A sample of relationships, by kind.
	edges := map[string]bool{}
	for _, r := range queryRows[struct{ E string }](t, db, `SELECT from_region || '/' || from_service || '/' || from_type || '/' || from_id
		|| ' -' || kind || '-> ' || to_region || '/' || to_service || '/' || to_type || '/' || to_id AS e FROM relationships`) {
		edges[r.E] = true
	}
	sort.Strings(m.edges)
	missingEdges := 0
	for _, e := range m.edges {
		if !edges[e] {
			missingEdges++
			t.Errorf("MISSING relationship %s", e)
		}
	}

	var apiCalls int64
	for _, c := range calls {
		apiCalls += c.Calls
	}
	type scanRow struct {
		Status        string
		ResourceCount int64 `json:"resource_count"`
		Failures      int64
	}
	sc := queryRows[scanRow](t, db, `SELECT status, resource_count, failures FROM scans ORDER BY id DESC LIMIT 1`)
	t.Logf("scan: exit %d, status %s, wall time %v, %d API calls (%d operations), %d resources stored (%d seeded), %d relationships stored, %d failed collections, peak RSS %s (%s)",
		code, sc[0].Status, wall.Round(time.Millisecond), apiCalls, len(calls), len(stored), len(m.items), len(edges), len(failed), rss, rssScope)
	t.Logf("check: %d/%d seeded resources missing, %d wrong values, %d/%d expected relationships missing",
		missing, len(m.items), wrong, missingEdges, len(m.edges))
}

type (
	iamTag    = iamtypes.Tag
	r53Config = r53types.HostedZoneConfig
)
