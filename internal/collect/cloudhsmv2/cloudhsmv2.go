// Package cloudhsmv2 collects CloudHSM clusters and their backups.
package cloudhsmv2

import (
	"context"
	"slices"
	"strconv"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudhsmv2"
	"github.com/aws/aws-sdk-go-v2/service/cloudhsmv2/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the CloudHSM collector.
var Service = &collect.Service{
	Name:        "cloudhsmv2",
	Description: "CloudHSM clusters and backups",
	Types: []collect.Type{
		{Name: "cluster", Description: "CloudHSM cluster (id = cluster-...), its HSMs and backup policy", Fields: clusterFields.Declared(),
			Tags: collect.TagsListed, Collect: clusters},
		{Name: "backup", Description: "CloudHSM cluster backup (id = backup-...)", Fields: backupFields.Declared(), Tags: collect.TagsListed, Collect: backups},
	},
	Calls: "cluster: DescribeClusters (tags included). backup: DescribeBackups (tags included)",
	Relations: []collect.Relation{
		{From: "cluster", Kind: "in-vpc", To: "ec2/vpc"},
		{From: "cluster", Kind: "in-subnet", To: "ec2/subnet"},
		{From: "cluster", Kind: "uses-security-group", To: "ec2/security-group"},
		{From: "backup", Kind: "backup-of", To: "cloudhsmv2/cluster"},
	},
}

func tags(list []types.Tag) map[string]string {
	return collect.TagMap(list, func(t types.Tag) (*string, *string) { return t.Key, t.Value })
}

var clusterFields = collect.Fields[types.Cluster]{
	collect.Enum("state", "ACTIVE, UNINITIALIZED, INITIALIZED, DEGRADED, CREATE_IN_PROGRESS, ...", func(c types.Cluster) types.ClusterState { return c.State }),
	collect.Text("hsm_type", "HSM type (hsm1.medium, hsm2m.medium)", func(c types.Cluster) *string { return c.HsmType }),
	collect.Enum("mode", "FIPS or NON_FIPS", func(c types.Cluster) types.ClusterMode { return c.Mode }),
	collect.Computed("hsm_count", model.Integer, "number of HSMs (each is billed by the hour)", func(c types.Cluster) any { return len(c.Hsms) }),
	collect.Enum("backup_policy", "DEFAULT: daily backups", func(c types.Cluster) types.BackupPolicy { return c.BackupPolicy }),
	collect.Computed("backup_retention_days", model.Integer, "days backups are kept; 0 when not set", func(c types.Cluster) any {
		if c.BackupRetentionPolicy == nil {
			return int64(0)
		}
		days, _ := strconv.ParseInt(aws.ToString(c.BackupRetentionPolicy.Value), 10, 64)
		return days
	}),
	collect.Text("vpc_id", "VPC the cluster runs in", func(c types.Cluster) *string { return c.VpcId }),
	collect.Text("security_group", "security group of the HSMs' interfaces", func(c types.Cluster) *string { return c.SecurityGroup }),
	collect.Text("source_backup_id", "backup the cluster was restored from, if any", func(c types.Cluster) *string { return c.SourceBackupId }),
}

func clusters(ctx context.Context, t *collect.Task) error {
	p := cloudhsmv2.NewDescribeClustersPaginator(cloudhsmv2.NewFromConfig(t.Config), &cloudhsmv2.DescribeClustersInput{MaxResults: t.PageSize(100)})
	return collect.EachPage(ctx, p, func(page *cloudhsmv2.DescribeClustersOutput) error {
		for _, c := range page.Clusters {
			id := aws.ToString(c.ClusterId)
			key := t.Key("cluster", id)
			t.Emit(&model.Resource{Key: key, ARN: collect.ARN(t, "cloudhsm", "", "cluster/"+id), CreatedAt: model.Time(c.CreateTimestamp),
				Tags: tags(c.TagList), Details: clusterFields.Details(c)})
			t.Relate(key, "in-vpc", t.Ref("ec2", "vpc", aws.ToString(c.VpcId)))
			t.Relate(key, "uses-security-group", t.Ref("ec2", "security-group", aws.ToString(c.SecurityGroup)))
			subnets := make([]string, 0, len(c.SubnetMapping))
			for _, s := range c.SubnetMapping {
				subnets = append(subnets, s)
			}
			slices.Sort(subnets)
			for _, s := range slices.Compact(subnets) {
				t.Relate(key, "in-subnet", t.Ref("ec2", "subnet", s))
			}
		}
		return nil
	})
}

var backupFields = collect.Fields[types.Backup]{
	collect.Enum("state", "CREATE_IN_PROGRESS, READY, DELETED or PENDING_DELETION", func(b types.Backup) types.BackupState { return b.BackupState }),
	collect.Text("cluster_id", "cluster backed up", func(b types.Backup) *string { return b.ClusterId }),
	collect.Bool("never_expires", "the backup is kept whatever the cluster's retention policy", func(b types.Backup) *bool { return b.NeverExpires }),
	collect.Text("hsm_type", "HSM type of the cluster backed up", func(b types.Backup) *string { return b.HsmType }),
	collect.Text("source_region", "region of the backup this one was copied from, if any", func(b types.Backup) *string { return b.SourceRegion }),
	collect.Timestamp("copied_at", "when it was copied from another region, if it was", func(b types.Backup) *time.Time { return b.CopyTimestamp }),
	collect.Timestamp("delete_at", "when a backup pending deletion is deleted", func(b types.Backup) *time.Time { return b.DeleteTimestamp }),
}

func backups(ctx context.Context, t *collect.Task) error {
	p := cloudhsmv2.NewDescribeBackupsPaginator(cloudhsmv2.NewFromConfig(t.Config), &cloudhsmv2.DescribeBackupsInput{MaxResults: t.PageSize(50)})
	return collect.EachPage(ctx, p, func(page *cloudhsmv2.DescribeBackupsOutput) error {
		for _, b := range page.Backups {
			id := aws.ToString(b.BackupId)
			arn := aws.ToString(b.BackupArn)
			if arn == "" {
				arn = collect.ARN(t, "cloudhsm", "", "backup/"+id)
			}
			key := t.Key("backup", id)
			t.Emit(&model.Resource{Key: key, ARN: arn, CreatedAt: model.Time(b.CreateTimestamp), Tags: tags(b.TagList), Details: backupFields.Details(b)})
			t.Relate(key, "backup-of", t.Key("cluster", aws.ToString(b.ClusterId)))
		}
		return nil
	})
}
