// Package rds collects RDS databases (instances, clusters), their
// snapshots and backups, the groups that configure them (subnet,
// parameter, option), proxies, event subscriptions and reservations.
// DocumentDB and Neptune share its API and use its Family (see Family).
package rds

import (
	"github.com/aws/aws-sdk-go-v2/service/rds"
	"github.com/aws/aws-sdk-go-v2/service/rds/types"

	"github.com/awsmap/awsmap/internal/collect"
)

// Service is the RDS collector.
var Service = &collect.Service{
	Name:        "rds",
	Description: "RDS databases, snapshots, backups, parameter/option/subnet groups, proxies, event subscriptions and reservations",
	Types: []collect.Type{
		rdsFamily.InstanceType("RDS database instance (DocumentDB and Neptune ones belong to docdb and neptune)"),
		rdsFamily.ClusterType("RDS / Aurora database cluster (DocumentDB and Neptune ones belong to docdb and neptune)"),
		{Name: "db-snapshot", Description: "manual RDS database instance snapshot", Fields: dbSnapshotFields.Declared(), Tags: collect.TagsListed, Collect: snapshots, DetailCalls: 1},
		rdsFamily.ClusterSnapshotType("manual RDS / Aurora cluster snapshot"),
		{Name: "db-instance-automated-backup", Description: "automated backups of an instance (id = its resource id db-...), kept after the instance is deleted when retained",
			Fields: automatedBackupFields.Declared(), Tags: collect.TagsListed, Collect: automatedBackups},
		{Name: "db-subnet-group", Description: "RDS DB subnet group (DocumentDB and Neptune use them too)", Fields: subnetGroupFields.Declared(), Tags: collect.TagsBulk, Collect: subnetGroups},
		{Name: "db-parameter-group", Description: "DB (instance) parameter group; default.* ones are AWS's", Fields: parameterGroupFields.Declared(), Tags: collect.TagsBulk, Collect: parameterGroups},
		{Name: "db-cluster-parameter-group", Description: "DB cluster parameter group (RDS, DocumentDB, Neptune); default.* ones are AWS's",
			Fields: clusterParameterGroupFields.Declared(), Tags: collect.TagsBulk, Collect: clusterParameterGroups},
		{Name: "option-group", Description: "RDS option group; default:* ones are AWS's", Fields: optionGroupFields.Declared(), Tags: collect.TagsBulk, Collect: optionGroups},
		{Name: "db-proxy", Description: "RDS Proxy (connection pooler in front of a database)", Fields: proxyFields.Declared(), Tags: collect.TagsBulk, Collect: proxies},
		{Name: "event-subscription", Description: "RDS event notification subscription to an SNS topic", Fields: subscriptionFields.Declared(), Tags: collect.TagsBulk, Collect: eventSubscriptions},
		{Name: "reserved-db-instance", Description: "RDS reserved instance (a billing reservation), active or retired", Fields: reservedFields.Declared(), Tags: collect.TagsBulk, Collect: reservedInstances},
	},
	Calls: "db-instance, db-cluster, db-instance-automated-backup: 1 paged Describe*. db-snapshot, db-cluster-snapshot: + per snapshot Describe*SnapshotAttributes. " +
		"db-subnet-group, db-parameter-group, db-cluster-parameter-group, option-group, db-proxy, event-subscription, reserved-db-instance: + bulk tags (else per resource ListTagsForResource)",
	Relations: append(rdsFamily.Relations(),
		collect.Relation{From: "db-instance-automated-backup", Kind: "backup-of", To: "rds/db-instance"},
		collect.Relation{From: "db-instance-automated-backup", Kind: "encrypted-with", To: "kms/key"},
		collect.Relation{From: "db-proxy", Kind: "in-subnet", To: "ec2/subnet"},
		collect.Relation{From: "db-proxy", Kind: "in-vpc", To: "ec2/vpc"},
		collect.Relation{From: "db-proxy", Kind: "uses-role", To: "iam/role"},
		collect.Relation{From: "db-proxy", Kind: "uses-secret", To: "secretsmanager/secret"},
		collect.Relation{From: "db-proxy", Kind: "uses-security-group", To: "ec2/security-group"},
		collect.Relation{From: "db-snapshot", Kind: "created-from", To: "rds/db-instance"},
		collect.Relation{From: "db-snapshot", Kind: "encrypted-with", To: "kms/key"},
		collect.Relation{From: "db-subnet-group", Kind: "in-vpc", To: "ec2/vpc"},
		collect.Relation{From: "db-subnet-group", Kind: "includes-subnet", To: "ec2/subnet"},
		collect.Relation{From: "event-subscription", Kind: "notifies", To: "sns/topic"},
	),
}

// maxRecords is the largest MaxRecords the Describe* APIs accept.
const maxRecords = 100

func client(t *collect.Task) *rds.Client { return rds.NewFromConfig(t.Config) }

func tags(ts []types.Tag) map[string]string {
	return collect.TagMap(ts, func(t types.Tag) (*string, *string) { return t.Key, t.Value })
}
