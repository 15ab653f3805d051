package demo

import (
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/redshift"
	rstypes "github.com/aws/aws-sdk-go-v2/service/redshift/types"
)

// Redshift: a few provisioned clusters per region in the subnet groups of
// application VPCs. Cluster 0 of a region is the legacy analytics
// cluster: unencrypted and public (redshift-unencrypted, redshift-public
// find it); beyond it about a fifth are unencrypted and one in six public.
// Manual snapshots outlive the clusters they were taken of.
func init() {
	kinds = append(kinds,
		&kind{name: "redshift.subnet-group", weight: 0.04, min: 1, max: 4, stable: true},
		&kind{name: "redshift.parameter-group", weight: 0.03, max: 4, stable: true},
		&kind{name: "redshift.cluster", weight: 0.08, max: 12},
		&kind{name: "redshift.cluster-snapshot", weight: 0.15, max: 40},
	)
	for _, k := range kinds {
		kindByName[k.name] = k
	}
	register("Redshift", map[string]handler{"DescribeClusters": rsClusters, "DescribeClusterSubnetGroups": rsSubnetGroups,
		"DescribeClusterParameterGroups": rsParameterGroups, "DescribeClusterSnapshots": rsSnapshots})
}

func (c *call) rsTags(kind string, i int) []rstypes.Tag {
	return tagList(c.tagMap(kind, i, ""), func(k, v *string) rstypes.Tag { return rstypes.Tag{Key: k, Value: v} })
}

func (c *call) rsSubnetGroupName(g int) string {
	return fmt.Sprintf("%s-redshift-subnets-%02d", Accounts[c.acct].Env, g)
}

func (c *call) rsParameterGroupName(p int) string {
	return fmt.Sprintf("%s-wlm-%s-%02d", Accounts[c.acct].Env, []string{"etl", "reporting", "adhoc", "strict-ssl"}[p%4], p)
}

func (c *call) rsClusterID(i int) string {
	return fmt.Sprintf("%s-%s-dw-%04d", c.rng("redshift.cluster", i).pick(projects), Accounts[c.acct].Env, i)
}

type rsFacts struct {
	id, node               string
	group, nodes           int
	encrypted, public, ssl bool
}

func (c *call) rsCluster(i int) rsFacts {
	r := c.rng("redshift.cluster", i)
	f := rsFacts{id: c.rsClusterID(i), node: []string{"ra3.xlplus", "ra3.4xlarge", "dc2.large", "ra3.16xlarge"}[r.intn(4)],
		group: i % max(c.n("redshift.subnet-group"), 1), nodes: 1 + r.intn(4)}
	f.encrypted = i != 0 && !r.chance(0.2)
	f.public = i == 0 || r.chance(0.15)
	f.ssl = r.chance(0.5)
	return f
}

func rsClusters(c *call) (any, error) {
	in := c.in.(*redshift.DescribeClustersInput)
	items, next := c.list("redshift.cluster", in.Marker, in.MaxRecords, 100)
	out := &redshift.DescribeClustersOutput{Marker: next}
	np := c.n("redshift.parameter-group")
	for _, i := range items {
		f, m := c.rsCluster(i), c.mut("redshift.cluster", i)
		vpc := c.appVPC(f.group)
		cl := rstypes.Cluster{ClusterIdentifier: aws.String(f.id), NodeType: aws.String(f.node), NumberOfNodes: aws.Int32(int32(f.nodes)),
			ClusterStatus: aws.String("available"), Encrypted: aws.Bool(f.encrypted), PubliclyAccessible: aws.Bool(f.public),
			EnhancedVpcRouting: aws.Bool(m.chance(0.3)), VpcId: c.vpcID(vpc), ClusterSubnetGroupName: aws.String(c.rsSubnetGroupName(f.group)),
			AvailabilityZone: aws.String(c.az(i)), ClusterVersion: aws.String("1.0"), MasterUsername: aws.String("awsuser"), DBName: aws.String("dev"),
			AutomatedSnapshotRetentionPeriod: aws.Int32(int32([]int{1, 1, 7, 35, 0}[m.intn(5)])), AllowVersionUpgrade: aws.Bool(true),
			ClusterCreateTime: c.created("redshift.cluster", i), Tags: c.rsTags("redshift.cluster", i),
			Endpoint:          &rstypes.Endpoint{Address: aws.String(fmt.Sprintf("%s.%s.%s.redshift.amazonaws.com", f.id, letters(c.rng("redshift.endpoint", 0), 12), c.region)), Port: aws.Int32(5439)},
			VpcSecurityGroups: []rstypes.VpcSecurityGroupMembership{{VpcSecurityGroupId: aws.String(c.vpcSG(vpc, i)), Status: aws.String("active")}},
			IamRoles:          []rstypes.ClusterIamRole{{IamRoleArn: aws.String(c.roleOf(6, i)), ApplyStatus: aws.String("in-sync")}}}
		if m.chance(0.1) {
			cl.ClusterStatus = aws.String("paused")
		}
		pg := "default.redshift-1.0"
		if np > 0 && i%3 != 2 {
			pg = c.rsParameterGroupName(i % np)
		}
		cl.ClusterParameterGroups = []rstypes.ClusterParameterGroupStatus{{ParameterGroupName: aws.String(pg), ParameterApplyStatus: aws.String("in-sync")}}
		if f.encrypted {
			cl.KmsKeyId = aws.String(c.kmsARN())
		}
		if f.ssl {
			cl.MasterPasswordSecretArn = aws.String(c.arn("secretsmanager", "secret:redshift!"+f.id+"-awsuser-"+letters(c.rng("redshift.cluster", i+1<<30), 6)))
		}
		out.Clusters = append(out.Clusters, cl)
	}
	return out, nil
}

func rsSubnetGroups(c *call) (any, error) {
	in := c.in.(*redshift.DescribeClusterSubnetGroupsInput)
	items, next := c.list("redshift.subnet-group", in.Marker, in.MaxRecords, 100)
	out := &redshift.DescribeClusterSubnetGroupsOutput{Marker: next}
	for _, g := range items {
		vpc := c.appVPC(g)
		sg := rstypes.ClusterSubnetGroup{ClusterSubnetGroupName: aws.String(c.rsSubnetGroupName(g)), Description: aws.String("Redshift subnets of " + *c.vpcID(vpc)),
			SubnetGroupStatus: aws.String("Complete"), VpcId: c.vpcID(vpc), Tags: c.rsTags("redshift.subnet-group", g)}
		for k, s := range c.vpcSubnets(vpc, g, 3) {
			sg.Subnets = append(sg.Subnets, rstypes.Subnet{SubnetIdentifier: aws.String(s), SubnetStatus: aws.String("Active"),
				SubnetAvailabilityZone: &rstypes.AvailabilityZone{Name: aws.String(c.az(k))}})
		}
		out.ClusterSubnetGroups = append(out.ClusterSubnetGroups, sg)
	}
	return out, nil
}

// rsParameterGroups lists AWS's default group first, as Redshift does.
func rsParameterGroups(c *call) (any, error) {
	in := c.in.(*redshift.DescribeClusterParameterGroupsInput)
	items, next := c.list("redshift.parameter-group", in.Marker, in.MaxRecords, 100)
	out := &redshift.DescribeClusterParameterGroupsOutput{Marker: next}
	if in.Marker == nil {
		out.ParameterGroups = append(out.ParameterGroups, rstypes.ClusterParameterGroup{ParameterGroupName: aws.String("default.redshift-1.0"),
			ParameterGroupFamily: aws.String("redshift-1.0"), Description: aws.String("Default parameter group for redshift-1.0")})
	}
	for _, p := range items {
		name := c.rsParameterGroupName(p)
		out.ParameterGroups = append(out.ParameterGroups, rstypes.ClusterParameterGroup{ParameterGroupName: aws.String(name),
			ParameterGroupFamily: aws.String("redshift-1.0"), Description: aws.String("workload management for " + name), Tags: c.rsTags("redshift.parameter-group", p)})
	}
	return out, nil
}

// rsSnapshots answers the manual snapshots (the collector asks for those
// only); one in four is shared with another account of the organization.
func rsSnapshots(c *call) (any, error) {
	in := c.in.(*redshift.DescribeClusterSnapshotsInput)
	if t := aws.ToString(in.SnapshotType); t != "" && t != "manual" {
		return &redshift.DescribeClusterSnapshotsOutput{}, nil
	}
	items, next := c.list("redshift.cluster-snapshot", in.Marker, in.MaxRecords, 100)
	out := &redshift.DescribeClusterSnapshotsOutput{Marker: next}
	nc := max(c.n("redshift.cluster"), 1)
	for _, s := range items {
		r := c.rng("redshift.cluster-snapshot", s)
		x := r.intn(nc)
		f := c.rsCluster(x)
		id := fmt.Sprintf("%s-before-resize-%04d", f.id, s)
		snap := rstypes.Snapshot{SnapshotIdentifier: aws.String(id), ClusterIdentifier: aws.String(f.id), SnapshotType: aws.String("manual"),
			SnapshotArn: aws.String(c.arn("redshift", "snapshot:"+f.id+"/"+id)), SnapshotCreateTime: c.created("redshift.cluster-snapshot", s),
			Status: aws.String("available"), Encrypted: aws.Bool(f.encrypted), NodeType: aws.String(f.node), NumberOfNodes: aws.Int32(int32(f.nodes)),
			TotalBackupSizeInMegaBytes: aws.Float64(float64(1000 + r.intn(4_000_000))), ManualSnapshotRetentionPeriod: aws.Int32(int32([]int{-1, -1, 7, 30, 365}[r.intn(5)])),
			ClusterCreateTime: c.created("redshift.cluster", x), Port: aws.Int32(5439), VpcId: c.vpcID(c.appVPC(f.group)), Tags: c.rsTags("redshift.cluster-snapshot", s)}
		if f.encrypted {
			snap.KmsKeyId = aws.String(c.kmsARN())
		}
		if s%4 == 1 {
			snap.AccountsWithRestoreAccess = []rstypes.AccountWithRestoreAccess{{AccountId: aws.String(Accounts[(c.acct+1)%len(Accounts)].ID)}}
		}
		out.Snapshots = append(out.Snapshots, snap)
	}
	return out, nil
}
