// Package docdb collects Amazon DocumentDB clusters, instances and manual
// cluster snapshots. DocumentDB is served by the RDS API: the rds
// package's Family collects them with an engine filter, and rds leaves
// them out. Their subnet and cluster parameter groups are RDS's own
// (rds db-subnet-group, db-cluster-parameter-group).
package docdb

import (
	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/collect/rds"
)

var family = rds.Family{Service: "docdb", Engine: "docdb", Instance: "instance", Cluster: "cluster", ClusterSnapshot: "cluster-snapshot"}

// Service is the DocumentDB collector.
var Service = &collect.Service{
	Name:        "docdb",
	Description: "Amazon DocumentDB clusters, instances and manual cluster snapshots (through the RDS API)",
	Types: []collect.Type{
		family.ClusterType("DocumentDB cluster (engine docdb)"),
		family.InstanceType("DocumentDB instance (engine docdb)"),
		family.ClusterSnapshotType("manual DocumentDB cluster snapshot"),
	},
	Calls:     "cluster, instance: 1 paged rds Describe* with an engine filter. cluster-snapshot: + per snapshot DescribeDBClusterSnapshotAttributes",
	Relations: family.Relations(),
}
