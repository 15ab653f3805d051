package all_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	influx "github.com/aws/aws-sdk-go-v2/service/timestreaminfluxdb"
	"github.com/aws/aws-sdk-go-v2/service/timestreaminfluxdb/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	"github.com/awsmap/awsmap/internal/collect/collecttest/testvpc"
	collector "github.com/awsmap/awsmap/internal/collect/timestreaminfluxdb"
)

func createInstances(t *testing.T, cfg aws.Config) testvpc.Network {
	t.Helper()
	n := testvpc.New(t, cfg, "10.8.0.0/16", "influx", testvpc.Subnet{CIDR: "10.8.1.0/24"})
	for i := range 6 {
		if _, err := influx.NewFromConfig(cfg).CreateDbInstance(context.Background(), &influx.CreateDbInstanceInput{Name: aws.String(fmt.Sprint("telemetry-", i)),
			Password: aws.String("not-stored-1234"), DbInstanceType: types.DbInstanceTypeDbInfluxMedium, AllocatedStorage: aws.Int32(50),
			DbStorageType: types.DbStorageTypeInfluxIoIncludedT1, VpcSubnetIds: n.Subnets, VpcSecurityGroupIds: []string{n.SG},
			Tags: map[string]string{"team": "iot"}}); err != nil {
			t.Fatal(err)
		}
	}
	return n
}

func TestTimestreaminfluxdbInstances(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.Config(t, region, nil)
	n := createInstances(t, cfg)
	got := collecttest.Run(t, cfg, collector.Service, "db-instance", region)
	if got.Err != nil || len(got.Resources) != 6 {
		t.Fatalf("want 6 instances over several pages, got %v %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	var r0 string
	for _, r := range got.Resources {
		if r.Name == "telemetry-0" {
			r0 = r.ID
			for k, v := range map[string]any{"instance_type": "db.influx.medium", "allocated_storage_gb": int64(50), "storage_type": "InfluxIOIncludedT1",
				"publicly_accessible": false, "log_bucket": ""} {
				if r.Details[k] != v {
					t.Errorf("telemetry-0 details[%s] = %v, want %v", k, r.Details[k], v)
				}
			}
			if r.Tags["team"] != "iot" || r.ARN == "" {
				t.Errorf("telemetry-0: %v %s", r.Tags, r.ARN)
			}
		}
	}
	collecttest.HasEdges(t, got, r0+" -in-subnet-> ec2/subnet:"+n.Subnets[0], r0+" -uses-security-group-> ec2/security-group:"+n.SG)
}

func TestTimestreaminfluxdbClusters(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.Config(t, region, nil)
	n := testvpc.New(t, cfg, "10.8.0.0/16", "influx", testvpc.Subnet{CIDR: "10.8.1.0/24"})
	for i := range 3 {
		if _, err := influx.NewFromConfig(cfg).CreateDbCluster(context.Background(), &influx.CreateDbClusterInput{Name: aws.String(fmt.Sprint("fleet-", i)),
			Password: aws.String("not-stored-1234"), DbInstanceType: types.DbInstanceTypeDbInfluxLarge, AllocatedStorage: aws.Int32(100),
			DbStorageType: types.DbStorageTypeInfluxIoIncludedT2, VpcSubnetIds: n.Subnets, VpcSecurityGroupIds: []string{n.SG}, Tags: map[string]string{"team": "iot"}}); err != nil {
			t.Fatal(err)
		}
	}
	got := collecttest.Run(t, cfg, collector.Service, "db-cluster", region)
	if got.Err != nil || len(got.Resources) != 3 {
		t.Fatalf("want 3 clusters, got %v %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	for _, r := range got.Resources {
		if r.Details["instance_type"] != "db.influx.large" || r.Details["allocated_storage_gb"] != int64(100) || r.Tags["team"] != "iot" || r.ARN == "" {
			t.Errorf("%s: %v %v %s", r.Name, r.Details, r.Tags, r.ARN)
		}
		collecttest.HasEdges(t, got, r.ID+" -uses-security-group-> ec2/security-group:"+n.SG)
	}
}

func TestTimestreaminfluxdbDenied(t *testing.T) {
	collecttest.Setup(t)
	for typ, op := range map[string]string{"db-instance": "ListDbInstances", "db-cluster": "ListDbClusters"} {
		cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny(op)})
		collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, typ, region))
	}
	createInstances(t, collecttest.Config(t, region, nil))
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("GetDbInstance")})
	got := collecttest.Run(t, cfg, collector.Service, "db-instance", region)
	if got.Err != nil || len(got.Resources) != 6 || len(got.Task.Warnings()) != 6 || len(got.Resources[0].Details) != 0 {
		t.Fatalf("want 6 instances without details and 6 warnings, got %v %d %d", got.Err, len(got.Resources), len(got.Task.Warnings()))
	}
}
