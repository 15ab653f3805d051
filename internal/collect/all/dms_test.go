package all_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	dms "github.com/aws/aws-sdk-go-v2/service/databasemigrationservice"
	"github.com/aws/aws-sdk-go-v2/service/databasemigrationservice/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	"github.com/awsmap/awsmap/internal/collect/collecttest/testvpc"
	collector "github.com/awsmap/awsmap/internal/collect/dms"
)

var dmsPaged = collecttest.Paged{Cap: 100}

var (
	dmsKey = "arn:aws:kms:eu-west-1:" + account + ":key/k-dms"
)

func dmsTag(k, v string) []types.Tag { return []types.Tag{{Key: aws.String(k), Value: aws.String(v)}} }

type dmsEstate struct {
	net              testvpc.Network
	sources, targets []string // ARNs
}

// build makes a subnet group and three source and target endpoint pairs.
// moto writes instances' and tasks' times in a form the SDK cannot read:
// those are canned (canned below).
func build(t *testing.T) dmsEstate {
	t.Helper()
	cfg := collecttest.Config(t, region, nil)
	api := dms.NewFromConfig(cfg)
	e := dmsEstate{net: testvpc.New(t, cfg, "10.1.0.0/16", "dms", testvpc.Subnet{CIDR: "10.1.1.0/24", AZ: "eu-west-1a"}, testvpc.Subnet{CIDR: "10.1.2.0/24", AZ: "eu-west-1b"})}
	if _, err := api.CreateReplicationSubnetGroup(ctx, &dms.CreateReplicationSubnetGroupInput{ReplicationSubnetGroupIdentifier: aws.String("migr"),
		ReplicationSubnetGroupDescription: aws.String("migration subnets"), SubnetIds: e.net.Subnets, Tags: dmsTag("team", "data")}); err != nil {
		t.Fatal(err)
	}
	for i := range 3 {
		n := fmt.Sprint(i)
		src, err := api.CreateEndpoint(ctx, &dms.CreateEndpointInput{EndpointIdentifier: aws.String("src" + n), EndpointType: types.ReplicationEndpointTypeValueSource,
			EngineName: aws.String("mysql"), ServerName: aws.String("db" + n + ".example.com"), Port: aws.Int32(3306), DatabaseName: aws.String("shop"),
			Username: aws.String("admin"), Password: aws.String("secret-password"), SslMode: types.DmsSslModeValueNone, KmsKeyId: aws.String(dmsKey), Tags: dmsTag("n", n)})
		if err != nil {
			t.Fatal(err)
		}
		dst, err := api.CreateEndpoint(ctx, &dms.CreateEndpointInput{EndpointIdentifier: aws.String("dst" + n), EndpointType: types.ReplicationEndpointTypeValueTarget,
			EngineName: aws.String("s3"), ServiceAccessRoleArn: aws.String("arn:aws:iam::" + account + ":role/dms-s3"),
			S3Settings: &types.S3Settings{BucketName: aws.String("lake"), ServiceAccessRoleArn: aws.String("arn:aws:iam::" + account + ":role/dms-s3")}})
		if err != nil {
			t.Fatal(err)
		}
		e.sources, e.targets = append(e.sources, aws.ToString(src.Endpoint.EndpointArn)), append(e.targets, aws.ToString(dst.Endpoint.EndpointArn))
	}
	return e
}

// canned answers the instance and task listings, over two pages each:
// instances ri0..ri2 (ri0 public, Multi-AZ and encrypted) and a task on each.
func dmsCanned(sg string) map[string]func(any) (any, error) {
	arn := func(kind, n string) *string {
		return aws.String("arn:aws:dms:eu-west-1:" + account + ":" + kind + ":" + strings.ToUpper(kind) + n)
	}
	instance := func(n string) types.ReplicationInstance {
		i := types.ReplicationInstance{ReplicationInstanceIdentifier: aws.String("ri" + n), ReplicationInstanceArn: arn("rep", n), ReplicationInstanceClass: aws.String("dms.t3.medium"),
			AllocatedStorage: 50, ReplicationInstanceStatus: aws.String("available"), InstanceCreateTime: aws.Time(time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)),
			ReplicationSubnetGroup: &types.ReplicationSubnetGroup{ReplicationSubnetGroupIdentifier: aws.String("migr")},
			VpcSecurityGroups:      []types.VpcSecurityGroupMembership{{VpcSecurityGroupId: aws.String(sg)}}}
		if n == "0" {
			i.PubliclyAccessible, i.MultiAZ, i.KmsKeyId = true, true, aws.String(dmsKey)
		}
		return i
	}
	task := func(n string) types.ReplicationTask {
		return types.ReplicationTask{ReplicationTaskIdentifier: aws.String("task" + n), ReplicationTaskArn: arn("task", n), ReplicationInstanceArn: arn("rep", n),
			SourceEndpointArn: arn("endpoint", "S"+n), TargetEndpointArn: arn("endpoint", "T"+n), MigrationType: types.MigrationTypeValueFullLoadAndCdc,
			Status: aws.String("running"), ReplicationTaskCreationDate: aws.Time(time.Date(2026, 1, 3, 0, 0, 0, 0, time.UTC))}
	}
	return map[string]func(any) (any, error){
		"DescribeReplicationInstances": func(in any) (any, error) {
			if aws.ToString(in.(*dms.DescribeReplicationInstancesInput).Marker) == "" {
				return &dms.DescribeReplicationInstancesOutput{Marker: aws.String("2"), ReplicationInstances: []types.ReplicationInstance{instance("0"), instance("1")}}, nil
			}
			return &dms.DescribeReplicationInstancesOutput{ReplicationInstances: []types.ReplicationInstance{instance("2")}}, nil
		},
		"DescribeReplicationTasks": func(in any) (any, error) {
			d := in.(*dms.DescribeReplicationTasksInput)
			if !aws.ToBool(d.WithoutSettings) {
				return nil, fmt.Errorf("task settings asked for")
			}
			if aws.ToString(d.Marker) == "" {
				return &dms.DescribeReplicationTasksOutput{Marker: aws.String("2"), ReplicationTasks: []types.ReplicationTask{task("0"), task("1")}}, nil
			}
			return &dms.DescribeReplicationTasksOutput{ReplicationTasks: []types.ReplicationTask{task("2")}}, nil
		},
		"ListTagsForResource": func(in any) (any, error) {
			out := &dms.ListTagsForResourceOutput{}
			for _, a := range in.(*dms.ListTagsForResourceInput).ResourceArnList {
				out.TagList = append(out.TagList, types.Tag{ResourceArn: aws.String(a), Key: aws.String("n"), Value: aws.String(a[len(a)-1:])})
			}
			return out, nil
		},
	}
}

func dmsId(arn string) string { return collect.ARNResourceName(arn) }

func TestDmsTypes(t *testing.T) {
	collecttest.Setup(t)
	e := build(t)
	moto, cannedCfg := collecttest.Config(t, region, nil), collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(dmsCanned(e.net.SG))})
	ri0, src1, task2 := "REP0", dmsId(e.sources[1]), "TASK2"
	for _, c := range []struct {
		typ, id, name string
		canned        bool
		count         int
		details       map[string]any
		tags          map[string]string
		edges         []string
	}{
		{"replication-instance", ri0, "ri0", true, 3, map[string]any{"publicly_accessible": true, "multi_az": true, "kms_key_id": dmsKey, "instance_class": "dms.t3.medium",
			"allocated_storage_gb": int64(50), "subnet_group": "migr", "status": "available"}, map[string]string{"n": "0"},
			[]string{ri0 + " -in-subnet-group-> dms/replication-subnet-group:migr", ri0 + " -uses-security-group-> ec2/security-group:" + e.net.SG, ri0 + " -encrypted-with-> kms/key:k-dms"}},
		{"endpoint", src1, "src1", false, 6, map[string]any{"service_access_role": "", "endpoint_type": "source", "engine": "mysql", "server_name": "db1.example.com", "port": int64(3306),
			"database": "shop", "ssl_mode": "none"}, map[string]string{"n": "1"}, []string{src1 + " -encrypted-with-> kms/key:k-dms"}},
		{"replication-task", task2, "task2", true, 3, map[string]any{"migration_type": "full-load-and-cdc", "status": "running"},
			map[string]string{"n": "2"}, []string{task2 + " -runs-on-> dms/replication-instance:REP2", task2 + " -reads-from-> dms/endpoint:ENDPOINTS2",
				task2 + " -writes-to-> dms/endpoint:ENDPOINTT2"}},
		// moto answers a fixed VPC and subnet (vpc-12345, subnet-12345) whatever
		// the group holds, and files its tags under the identifier, not the ARN.
		{"replication-subnet-group", "migr", "migr", false, 1, map[string]any{"vpc_id": "vpc-12345", "description": "migration subnets", "status": "Complete"},
			nil, []string{"migr -in-vpc-> ec2/vpc:vpc-12345", "migr -includes-subnet-> ec2/subnet:subnet-12345"}},
	} {
		t.Run(c.typ, func(t *testing.T) {
			cfg := moto
			if c.canned {
				cfg = cannedCfg
			}
			got := dmsPaged.Run(t, cfg, collector.Service, c.typ, region)
			if got.Err != nil || len(got.Resources) != c.count {
				t.Fatalf("%v, %d resources", got.Err, len(got.Resources))
			}
			collecttest.AssertNoWarnings(t, got)
			r := got.ByID()[c.id]
			if r == nil || r.Name != c.name || !strings.HasPrefix(r.ARN, "arn:aws:dms:eu-west-1:"+account+":") {
				t.Fatalf("%s: %+v", c.id, r)
			}
			for k, v := range c.details {
				if r.Details[k] != v {
					t.Errorf("details[%s] = %#v, want %#v", k, r.Details[k], v)
				}
			}
			for k, v := range c.tags {
				if r.Tags[k] != v {
					t.Errorf("tags %v, want %s=%s", r.Tags, k, v)
				}
			}
			for k, v := range r.Details {
				if v == "secret-password" {
					t.Errorf("details[%s] holds the password", k)
				}
			}
			collecttest.HasEdges(t, got, c.edges...)
		})
	}
}

func TestDmsDenied(t *testing.T) {
	collecttest.Setup(t)
	for typ, op := range map[string]string{"replication-instance": "DescribeReplicationInstances", "endpoint": "DescribeEndpoints",
		"replication-task": "DescribeReplicationTasks", "replication-subnet-group": "DescribeReplicationSubnetGroups"} {
		cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny(op)})
		collecttest.AssertDenied(t, dmsPaged.Run(t, cfg, collector.Service, typ, region))
	}
	build(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("ListTagsForResource")})
	got := dmsPaged.Run(t, cfg, collector.Service, "endpoint", region)
	if got.Err != nil || len(got.Resources) != 6 || len(got.Task.Warnings()) == 0 || len(got.Resources[0].Tags) != 0 {
		t.Fatalf("want endpoints without tags and a warning, got %v, %d, %d", got.Err, len(got.Resources), len(got.Task.Warnings()))
	}
}
