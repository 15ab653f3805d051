// Package neptune collects Amazon Neptune graph database clusters,
// instances and manual cluster snapshots. Neptune is served by the RDS
// API: the rds package's Family collects them with an engine filter, and rds leaves
// them out. Their subnet and cluster parameter groups are RDS's own
// (rds db-subnet-group, db-cluster-parameter-group).
package neptune

import (
	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/collect/rds"
)

var family = rds.Family{Service: "neptune", Engine: "neptune", Instance: "instance", Cluster: "cluster", ClusterSnapshot: "cluster-snapshot"}

// Service is the Neptune collector.
var Service = &collect.Service{
	Name:        "neptune",
	Description: "Amazon Neptune graph database clusters, instances and manual cluster snapshots (through the RDS API)",
	Types: []collect.Type{
		family.ClusterType("Neptune cluster (engine neptune)"),
		family.InstanceType("Neptune instance (engine neptune)"),
		family.ClusterSnapshotType("manual Neptune cluster snapshot"),
	},
	Calls:     "cluster, instance: 1 paged rds Describe* with an engine filter. cluster-snapshot: + per snapshot DescribeDBClusterSnapshotAttributes",
	Relations: family.Relations(),
}
