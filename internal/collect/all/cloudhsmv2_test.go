package all_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudhsmv2"
	"github.com/aws/aws-sdk-go-v2/service/cloudhsmv2/types"

	"github.com/awsmap/awsmap/internal/awsx"
	collector "github.com/awsmap/awsmap/internal/collect/cloudhsmv2"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
)

var cloudhsmv2Created = time.Date(2026, 4, 1, 8, 0, 0, 0, time.UTC)

// canned answers for moto 5.2.1, whose CloudHSM answers carry timestamps
// as strings the SDK cannot read: six clusters and their backups, over
// pages of four.
var cloudhsmv2Canned = collecttest.Canned(map[string]func(any) (any, error){
	"DescribeClusters": func(in any) (any, error) {
		var out cloudhsmv2.DescribeClustersOutput
		for i := range 6 {
			out.Clusters = append(out.Clusters, types.Cluster{ClusterId: aws.String(fmt.Sprintf("cluster-%d", i)), HsmType: aws.String("hsm2m.medium"),
				Mode: types.ClusterModeFips, State: types.ClusterStateActive, CreateTimestamp: &cloudhsmv2Created, VpcId: aws.String("vpc-1"), SecurityGroup: aws.String("sg-1"),
				SubnetMapping:         map[string]string{"eu-west-1a": "subnet-a", "eu-west-1b": "subnet-b"},
				Hsms:                  []types.Hsm{{HsmId: aws.String("hsm-1")}, {HsmId: aws.String("hsm-2")}},
				BackupRetentionPolicy: &types.BackupRetentionPolicy{Type: types.BackupRetentionTypeDays, Value: aws.String("90")},
				TagList:               []types.Tag{{Key: aws.String("n"), Value: aws.String(fmt.Sprint(i))}}})
		}
		return cloudhsmv2Page(in.(*cloudhsmv2.DescribeClustersInput).NextToken, out.Clusters, func(items []types.Cluster, next *string) any {
			return &cloudhsmv2.DescribeClustersOutput{Clusters: items, NextToken: next}
		}), nil
	},
	"DescribeBackups": func(in any) (any, error) {
		var out []types.Backup
		for i := range 6 {
			out = append(out, types.Backup{BackupId: aws.String(fmt.Sprintf("backup-%d", i)), ClusterId: aws.String(fmt.Sprintf("cluster-%d", i)),
				BackupState: types.BackupStateReady, CreateTimestamp: &cloudhsmv2Created, NeverExpires: aws.Bool(i == 1), SourceRegion: aws.String("us-east-1"),
				TagList: []types.Tag{{Key: aws.String("n"), Value: aws.String(fmt.Sprint(i))}}})
		}
		return cloudhsmv2Page(in.(*cloudhsmv2.DescribeBackupsInput).NextToken, out, func(items []types.Backup, next *string) any {
			return &cloudhsmv2.DescribeBackupsOutput{Backups: items, NextToken: next}
		}), nil
	},
})

// page cuts items into a first page of four and a second of the rest.
func cloudhsmv2Page[T any](token *string, items []T, out func([]T, *string) any) any {
	if aws.ToString(token) == "" {
		return out(items[:4], aws.String("2"))
	}
	return out(items[4:], nil)
}

func cloudhsmv2Run(t *testing.T, typ string) collecttest.Result {
	t.Helper()
	collecttest.Setup(t)
	got := collecttest.Run(t, collecttest.ConfigWith(t, region, awsx.Options{Responder: cloudhsmv2Canned}), collector.Service, typ, region)
	if got.Err != nil || len(got.Resources) != 6 {
		t.Fatalf("%s: %v %d", typ, got.Err, len(got.Resources))
	}
	return got
}

func TestCloudhsmv2Clusters(t *testing.T) {
	got := cloudhsmv2Run(t, "cluster")
	c := got.ByID()["cluster-4"]
	if c.Tags["n"] != "4" || c.CreatedAt != "2026-04-01T08:00:00Z" || c.ARN != "arn:aws:cloudhsm:"+region+":"+collecttest.MotoAccount+":cluster/cluster-4" {
		t.Errorf("cluster: %+v", c)
	}
	for k, v := range map[string]any{"hsm_type": "hsm2m.medium", "mode": "FIPS", "state": "ACTIVE", "backup_retention_days": int64(90), "hsm_count": 2, "vpc_id": "vpc-1"} {
		if c.Details[k] != v {
			t.Errorf("details[%s] = %v, want %v", k, c.Details[k], v)
		}
	}
	collecttest.HasEdges(t, got, "cluster-4 -in-subnet-> ec2/subnet:subnet-a", "cluster-4 -in-subnet-> ec2/subnet:subnet-b",
		"cluster-4 -in-vpc-> ec2/vpc:vpc-1", "cluster-4 -uses-security-group-> ec2/security-group:sg-1")
}

func TestCloudhsmv2Backups(t *testing.T) {
	got := cloudhsmv2Run(t, "backup")
	b := got.ByID()["backup-1"]
	if b.ARN != "arn:aws:cloudhsm:"+region+":"+collecttest.MotoAccount+":backup/backup-1" || b.Tags["n"] != "1" || b.Details["never_expires"] != true ||
		b.Details["state"] != "READY" || b.Details["source_region"] != "us-east-1" {
		t.Errorf("backup: %+v", b)
	}
	collecttest.HasEdges(t, got, "backup-1 -backup-of-> cloudhsmv2/cluster:cluster-1")
}

func TestCloudhsmv2Denied(t *testing.T) {
	collecttest.Setup(t)
	for typ, op := range map[string]string{"cluster": "DescribeClusters", "backup": "DescribeBackups"} {
		cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny(op)})
		collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, typ, region))
	}
}
