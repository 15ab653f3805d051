package audit

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/awsmap/awsmap/internal/model"
	"github.com/awsmap/awsmap/internal/store"
	"github.com/awsmap/awsmap/internal/suggest"
)

// Rule is one waste check: SQL returning the leading columns plus rule
// columns, and the estimated monthly cost of a finding.
type Rule struct {
	Key   string
	Title string
	Note  string
	Reads []TypeRef
	SQL   string // parameters: :now, :min_age_days, :include_defaults
	// Cost is the estimated monthly cost of finding f, or UnknownCost when
	// it cannot be priced honestly.
	Cost func(f map[string]any, p Prices) float64
}

// UnknownCost is the cost of a finding awsmap cannot price honestly (what
// it would cost is not collected, or the price table lacks the region's
// price): the finding says cost_unknown and adds nothing to the totals,
// which are then lower bounds.
var UnknownCost = math.NaN()

// priced is x as a monthly cost, UnknownCost when the unit price is not
// known (0 in the table).
func priced(x, unitPrice float64) float64 {
	if unitPrice == 0 {
		return UnknownCost
	}
	return x * unitPrice
}

func refs(s ...string) []TypeRef {
	out := make([]TypeRef, len(s))
	for i, x := range s {
		svc, typ, _ := strings.Cut(x, "/")
		out[i] = TypeRef{svc, typ}
	}
	return out
}

// notDefault filters AWS default resources unless asked for.
const notDefault = `(is_default = 0 OR :include_defaults = 1)`

// withAMISnapshots lists the snapshots behind AMIs once per query (as
// ami_snapshots), where a correlated subquery would read every AMI of the
// region for each snapshot.
const withAMISnapshots = `WITH ami_snapshots AS MATERIALIZED (
	SELECT a.account_id, a.region, x.value AS id FROM resources a, json_each(a.details, '$.snapshot_ids') x
	WHERE a.service = 'ec2' AND a.type = 'ami')
`

// Rules are the waste checks, in display order.
var Rules = []Rule{
	{Key: "unattached-ebs", Title: "Unattached EBS volumes", Note: "billed per provisioned GB-month whether attached or not",
		Reads: refs("ec2/volume"),
		SQL: `SELECT account_id, region, service, type, id, name,
			CAST(details ->> '$.size_gb' AS INTEGER) AS size_gb, details ->> '$.volume_type' AS volume_type, created_at
			FROM resources WHERE service = 'ec2' AND type = 'volume' AND details ->> '$.state' = 'available' AND ` + notDefault,
		Cost: func(f map[string]any, p Prices) float64 {
			return store.Float(f["size_gb"]) * p.ebsPrice(store.Text(f["volume_type"]))
		}},
	{Key: "unassociated-eip", Title: "Unassociated Elastic IPs", Note: "an Elastic IP is billed by the hour, attached or not",
		Reads: refs("ec2/elastic-ip"),
		SQL: `SELECT account_id, region, service, type, id, name, details ->> '$.public_ip' AS public_ip
			FROM resources WHERE service = 'ec2' AND type = 'elastic-ip'
			AND coalesce(details ->> '$.association_id', '') = '' AND coalesce(details ->> '$.instance_id', '') = ''
			AND coalesce(details ->> '$.network_interface_id', '') = '' AND ` + notDefault,
		Cost: func(_ map[string]any, p Prices) float64 { return p.PublicIPv4Hour * HoursPerMonth }},
	{Key: "available-eni", Title: "Detached network interfaces", Note: "free unless they hold a public IPv4 address; clutter and IP consumption",
		Reads: refs("ec2/network-interface"),
		SQL: `SELECT account_id, region, service, type, id, name, details ->> '$.interface_type' AS interface_type,
			details ->> '$.public_ip' AS public_ip
			FROM resources WHERE service = 'ec2' AND type = 'network-interface' AND details ->> '$.status' = 'available'
			AND coalesce(details ->> '$.requester_managed', 0) = 0 AND ` + notDefault,
		Cost: func(f map[string]any, p Prices) float64 {
			if store.Text(f["public_ip"]) != "" {
				return p.PublicIPv4Hour * HoursPerMonth
			}
			return 0
		}},
	{Key: "idle-target-group", Title: "Target groups without targets", Note: "no direct charge; leftovers of removed services",
		Reads: refs("elbv2/target-group"),
		SQL: `SELECT account_id, region, service, type, id, name, details ->> '$.target_type' AS target_type,
			details ->> '$.port' AS port
			FROM resources WHERE service = 'elbv2' AND type = 'target-group'
			AND coalesce(details ->> '$.target_count', coalesce(details ->> '$.healthy_count', 0) + coalesce(details ->> '$.unhealthy_count', 0)) = 0
			AND ` + notDefault,
		Cost: func(map[string]any, Prices) float64 { return 0 }},
	{Key: "empty-classic-elb", Title: "Classic load balancers without instances", Note: "billed by the hour with nothing behind them",
		Reads: refs("elb/load-balancer"),
		SQL: `SELECT account_id, region, service, type, id, name, details ->> '$.scheme' AS scheme
			FROM resources WHERE service = 'elb' AND type = 'load-balancer'
			AND coalesce(details ->> '$.instance_count', json_array_length(details, '$.instances'), 0) = 0 AND ` + notDefault,
		Cost: func(_ map[string]any, p Prices) float64 { return p.CLBHour * HoursPerMonth }},
	{Key: "lb-without-targets", Title: "Application/Network load balancers with no registered target", Note: "billed by the hour (plus LCUs) with nothing behind them",
		Reads: refs("elbv2/load-balancer", "elbv2/target-group"),
		// The balancers with targets are listed once: a correlated subquery
		// read every target group of the region for each balancer.
		SQL: `WITH served AS MATERIALIZED (
				SELECT g.account_id, g.region, a.value AS arn FROM resources g, json_each(g.details, '$.load_balancer_arns') a
				WHERE g.service = 'elbv2' AND g.type = 'target-group' AND coalesce(g.details ->> '$.target_count', 0) > 0)
			SELECT l.account_id, l.region, l.service, l.type, l.id, l.name, l.details ->> '$.type' AS lb_type,
			l.details ->> '$.scheme' AS scheme
			FROM resources l WHERE l.service = 'elbv2' AND l.type = 'load-balancer'
			AND coalesce(l.details ->> '$.type', 'application') IN ('application', 'network')
			AND NOT EXISTS (SELECT 1 FROM served x
				WHERE x.account_id = l.account_id AND x.region = l.region AND x.arn = l.arn)
			AND (l.is_default = 0 OR :include_defaults = 1)`,
		Cost: func(f map[string]any, p Prices) float64 {
			if store.Text(f["lb_type"]) == "network" {
				return p.NLBHour * HoursPerMonth
			}
			return p.ALBHour * HoursPerMonth
		}},
	{Key: "idle-nat-gateway", Title: "NAT gateways nothing routes to or nothing uses", Note: "judged by structure (routes, interfaces), not by traffic; billed by the hour plus data processed",
		Reads: refs("ec2/nat-gateway", "ec2/route-table", "ec2/network-interface"),
		SQL: `SELECT n.account_id, n.region, n.service, n.type, n.id, n.name, n.details ->> '$.vpc_id' AS vpc_id,
			CASE WHEN NOT EXISTS (SELECT 1 FROM resources t, json_each(t.details, '$.routes') rt
				WHERE t.service = 'ec2' AND t.type = 'route-table' AND t.account_id = n.account_id AND t.region = n.region
				AND rt.value ->> '$.target' = n.id) THEN 'no route targets it'
			ELSE 'no workload interface in its VPC' END AS reason
			FROM resources n WHERE n.service = 'ec2' AND n.type = 'nat-gateway' AND n.details ->> '$.state' = 'available'
			AND (n.is_default = 0 OR :include_defaults = 1)
			AND (NOT EXISTS (SELECT 1 FROM resources t, json_each(t.details, '$.routes') rt
				WHERE t.service = 'ec2' AND t.type = 'route-table' AND t.account_id = n.account_id AND t.region = n.region
				AND rt.value ->> '$.target' = n.id)
			OR NOT EXISTS (SELECT 1 FROM resources e WHERE e.service = 'ec2' AND e.type = 'network-interface'
				AND e.account_id = n.account_id AND e.region = n.region
				AND e.details ->> '$.vpc_id' = n.details ->> '$.vpc_id' AND e.details ->> '$.status' = 'in-use'
				AND coalesce(e.details ->> '$.interface_type', '') NOT IN ('natGateway', 'vpc_endpoint', 'gateway_load_balancer_endpoint')))`,
		Cost: func(_ map[string]any, p Prices) float64 { return p.NATGatewayHour * HoursPerMonth }},
	{Key: "stopped-instance", Title: "Stopped EC2 instances", Note: "compute is free while stopped, the attached EBS volumes are not; how long it has been stopped is in state_reason when AWS says",
		Reads: refs("ec2/instance", "ec2/volume"),
		SQL: `SELECT i.account_id, i.region, i.service, i.type, i.id, i.name, i.details ->> '$.instance_type' AS instance_type,
			i.details ->> '$.state_reason' AS state_reason,
			(SELECT json_group_array(json_object('gb', v.details ->> '$.size_gb', 'type', v.details ->> '$.volume_type'))
				FROM json_each(i.details, '$.volume_ids') vid CROSS JOIN resources v ON v.service = 'ec2' AND v.type = 'volume'
				AND v.account_id = i.account_id AND v.region = i.region AND v.id = vid.value) AS volumes
			FROM resources i WHERE i.service = 'ec2' AND i.type = 'instance' AND i.details ->> '$.state' = 'stopped'
			AND (i.is_default = 0 OR :include_defaults = 1)`,
		Cost: func(f map[string]any, p Prices) float64 {
			var vols []struct {
				GB   float64 `json:"gb"`
				Type string  `json:"type"`
			}
			_ = json.Unmarshal([]byte(store.Text(f["volumes"])), &vols)
			sum := 0.0
			for _, v := range vols {
				sum += v.GB * p.ebsPrice(v.Type)
			}
			return sum
		}},
	{Key: "gp2-volume", Title: "gp2 volumes that should be gp3", Note: "the cost shown is the monthly saving of moving to gp3 at the same size",
		Reads: refs("ec2/volume"),
		SQL: `SELECT account_id, region, service, type, id, name, CAST(details ->> '$.size_gb' AS INTEGER) AS size_gb,
			details ->> '$.state' AS state
			FROM resources WHERE service = 'ec2' AND type = 'volume' AND details ->> '$.volume_type' = 'gp2' AND ` + notDefault,
		Cost: func(f map[string]any, p Prices) float64 {
			return store.Float(f["size_gb"]) * (p.EBSGBMonth["gp2"] - p.EBSGBMonth["gp3"])
		}},
	{Key: "old-snapshot", Title: "EBS snapshots older than the age threshold", Note: "full volume size shown: snapshots are incremental, so this is an upper bound; snapshots backing an AMI are left to old-ami",
		Reads: refs("ec2/snapshot", "ec2/ami"),
		SQL: withAMISnapshots + `SELECT s.account_id, s.region, s.service, s.type, s.id, s.name,
			CAST(s.details ->> '$.volume_size_gb' AS INTEGER) AS size_gb, s.details ->> '$.start_time' AS start_time
			FROM resources s WHERE s.service = 'ec2' AND s.type = 'snapshot'
			AND julianday(:now) - julianday(s.details ->> '$.start_time') > :min_age_days
			AND NOT EXISTS (SELECT 1 FROM ami_snapshots x
				WHERE x.account_id = s.account_id AND x.region = s.region AND x.id = s.id)
			AND (s.is_default = 0 OR :include_defaults = 1)`,
		Cost: func(f map[string]any, p Prices) float64 { return store.Float(f["size_gb"]) * p.SnapshotGBMonth }},
	{Key: "orphaned-snapshot", Title: "EBS snapshots of deleted volumes", Note: "the source volume no longer exists and no AMI uses the snapshot; upper bound as for old-snapshot",
		Reads: refs("ec2/snapshot", "ec2/volume", "ec2/ami"),
		SQL: withAMISnapshots + `SELECT s.account_id, s.region, s.service, s.type, s.id, s.name, s.details ->> '$.volume_id' AS volume_id,
			CAST(s.details ->> '$.volume_size_gb' AS INTEGER) AS size_gb, s.details ->> '$.start_time' AS start_time
			FROM resources s WHERE s.service = 'ec2' AND s.type = 'snapshot'
			AND coalesce(s.details ->> '$.volume_id', '') NOT IN ('', 'vol-ffffffff')
			AND NOT EXISTS (SELECT 1 FROM resources v WHERE v.service = 'ec2' AND v.type = 'volume'
				AND v.account_id = s.account_id AND v.region = s.region AND v.id = s.details ->> '$.volume_id')
			AND NOT EXISTS (SELECT 1 FROM ami_snapshots x
				WHERE x.account_id = s.account_id AND x.region = s.region AND x.id = s.id)
			AND (s.is_default = 0 OR :include_defaults = 1)`,
		Cost: func(f map[string]any, p Prices) float64 { return store.Float(f["size_gb"]) * p.SnapshotGBMonth }},
	{Key: "old-ami", Title: "AMIs older than the age threshold", Note: "cost is the size of the snapshots behind the image (upper bound)",
		Reads: refs("ec2/ami", "ec2/snapshot"),
		SQL: `SELECT a.account_id, a.region, a.service, a.type, a.id, a.name, a.details ->> '$.creation_date' AS creation_date,
			(SELECT coalesce(sum(CAST(s.details ->> '$.volume_size_gb' AS INTEGER)), 0) FROM json_each(a.details, '$.snapshot_ids') x
				CROSS JOIN resources s ON s.service = 'ec2' AND s.type = 'snapshot' AND s.account_id = a.account_id
				AND s.region = a.region AND s.id = x.value) AS snapshot_gb
			FROM resources a WHERE a.service = 'ec2' AND a.type = 'ami'
			AND julianday(:now) - julianday(a.details ->> '$.creation_date') > :min_age_days
			AND (a.is_default = 0 OR :include_defaults = 1)`,
		Cost: func(f map[string]any, p Prices) float64 { return store.Float(f["snapshot_gb"]) * p.SnapshotGBMonth }},
	{Key: "log-group-no-retention", Title: "Log groups kept forever that store data", Note: "stored data grows every month; cost is the current storage",
		Reads: refs("logs/log-group"),
		SQL: `SELECT account_id, region, service, type, id, name, CAST(details ->> '$.stored_bytes' AS INTEGER) AS stored_bytes
			FROM resources WHERE service = 'logs' AND type = 'log-group'
			AND (details ->> '$.never_expires' = 1 OR coalesce(details ->> '$.retention_days', 0) = 0)
			AND CAST(details ->> '$.stored_bytes' AS INTEGER) > 0 AND ` + notDefault,
		Cost: func(f map[string]any, p Prices) float64 {
			return store.Float(f["stored_bytes"]) / (1 << 30) * p.LogsGBMonth
		}},
	{Key: "disabled-kms-key", Title: "Disabled customer KMS keys", Note: "a disabled key is still billed monthly; keys pending deletion are not billed and not listed",
		Reads: refs("kms/key"),
		SQL: `SELECT account_id, region, service, type, id, name, details ->> '$.aliases' AS aliases
			FROM resources WHERE service = 'kms' AND type = 'key' AND details ->> '$.key_manager' = 'CUSTOMER'
			AND details ->> '$.key_state' = 'Disabled' AND ` + notDefault,
		Cost: func(_ map[string]any, p Prices) float64 { return p.KMSKeyMonth }},
	{Key: "old-rds-snapshot", Title: "Manual RDS snapshots older than the age threshold", Note: "manual snapshots are kept (and billed as backup storage) until deleted",
		Reads: refs("rds/db-snapshot"),
		SQL: `SELECT account_id, region, service, type, id, name, details ->> '$.db_instance_id' AS db_instance_id,
			CAST(details ->> '$.allocated_storage_gb' AS INTEGER) AS size_gb, details ->> '$.snapshot_create_time' AS created
			FROM resources WHERE service = 'rds' AND type = 'db-snapshot'
			AND julianday(:now) - julianday(details ->> '$.snapshot_create_time') > :min_age_days AND ` + notDefault,
		Cost: func(f map[string]any, p Prices) float64 { return store.Float(f["size_gb"]) * p.RDSSnapshotGB }},
	{Key: "orphaned-rds-snapshot", Title: "Manual RDS snapshots of deleted instances", Note: "the source DB instance no longer exists; allocated size is an upper bound",
		Reads: refs("rds/db-snapshot", "rds/db-instance"),
		SQL: `SELECT s.account_id, s.region, s.service, s.type, s.id, s.name, s.details ->> '$.db_instance_id' AS db_instance_id,
			CAST(s.details ->> '$.allocated_storage_gb' AS INTEGER) AS size_gb
			FROM resources s WHERE s.service = 'rds' AND s.type = 'db-snapshot'
			AND NOT EXISTS (SELECT 1 FROM resources i WHERE i.service = 'rds' AND i.type = 'db-instance'
				AND i.account_id = s.account_id AND i.region = s.region AND i.id = s.details ->> '$.db_instance_id')
			AND (s.is_default = 0 OR :include_defaults = 1)`,
		Cost: func(f map[string]any, p Prices) float64 { return store.Float(f["size_gb"]) * p.RDSSnapshotGB }},
	{Key: "stopped-rds-instance", Title: "Stopped RDS instances", Note: "storage is billed while stopped, and AWS restarts them after 7 days",
		Reads: refs("rds/db-instance"),
		SQL: `SELECT account_id, region, service, type, id, name, details ->> '$.engine' AS engine,
			CAST(details ->> '$.allocated_storage_gb' AS INTEGER) AS size_gb
			FROM resources WHERE service = 'rds' AND type = 'db-instance' AND details ->> '$.status' = 'stopped' AND ` + notDefault,
		Cost: func(f map[string]any, p Prices) float64 { return store.Float(f["size_gb"]) * p.RDSStorageGB }},
	{Key: "unmounted-efs", Title: "EFS file systems without mount targets", Note: "nothing can mount them, their storage is still billed",
		Reads: refs("efs/file-system"),
		SQL: `SELECT account_id, region, service, type, id, name, CAST(details ->> '$.size_bytes' AS INTEGER) AS size_bytes
			FROM resources WHERE service = 'efs' AND type = 'file-system'
			AND coalesce(details ->> '$.number_of_mount_targets', 0) = 0 AND ` + notDefault,
		Cost: func(f map[string]any, p Prices) float64 {
			return store.Float(f["size_bytes"]) / (1 << 30) * p.EFSGBMonth
		}},
	{Key: "empty-provisioned-dynamodb", Title: "Empty DynamoDB tables with provisioned capacity", Note: "provisioned read/write capacity is billed by the hour, used or not",
		Reads: refs("dynamodb/table"),
		SQL: `SELECT account_id, region, service, type, id, name, CAST(details ->> '$.read_capacity' AS INTEGER) AS read_capacity,
			CAST(details ->> '$.write_capacity' AS INTEGER) AS write_capacity
			FROM resources WHERE service = 'dynamodb' AND type = 'table' AND details ->> '$.billing_mode' = 'PROVISIONED'
			AND coalesce(details ->> '$.item_count', 0) = 0 AND ` + notDefault,
		Cost: func(f map[string]any, p Prices) float64 {
			return (store.Float(f["read_capacity"])*p.DynamoRCUHour + store.Float(f["write_capacity"])*p.DynamoWCUHour) * HoursPerMonth
		}},
	{Key: "unused-tgw-attachment", Title: "Transit gateway attachments with nothing to route to", Note: "the only attachment of a transit gateway the account owns routes nowhere; billed per attachment-hour (plus data processed)",
		Reads: refs("ec2/transit-gateway-attachment", "ec2/transit-gateway"),
		SQL: `SELECT a.account_id, a.region, a.service, a.type, a.id, a.name, a.details ->> '$.transit_gateway_id' AS transit_gateway_id,
			a.details ->> '$.resource_type' AS resource_type, a.details ->> '$.resource_id' AS resource_id, a.details ->> '$.state' AS state
			FROM resources a WHERE a.service = 'ec2' AND a.type = 'transit-gateway-attachment'
			AND EXISTS (SELECT 1 FROM resources g WHERE g.service = 'ec2' AND g.type = 'transit-gateway'
				AND g.account_id = a.account_id AND g.region = a.region AND g.id = a.details ->> '$.transit_gateway_id'
				AND g.details ->> '$.owner_id' = g.account_id)
			AND NOT EXISTS (SELECT 1 FROM resources o WHERE o.service = 'ec2' AND o.type = 'transit-gateway-attachment'
				AND o.account_id = a.account_id AND o.region = a.region AND o.id <> a.id
				AND o.details ->> '$.transit_gateway_id' = a.details ->> '$.transit_gateway_id')
			AND (a.is_default = 0 OR :include_defaults = 1)`,
		Cost: func(_ map[string]any, p Prices) float64 { return priced(HoursPerMonth, p.TGWAttachmentHour) }},
	{Key: "disabled-private-ca", Title: "Disabled or expired private certificate authorities", Note: "a private CA is billed every month until it is deleted, whether it can issue or not",
		Reads: refs("acm-pca/certificate-authority"),
		SQL: `SELECT account_id, region, service, type, id, name, details ->> '$.status' AS status,
			details ->> '$.usage_mode' AS usage_mode, details ->> '$.common_name' AS common_name
			FROM resources WHERE service = 'acm-pca' AND type = 'certificate-authority'
			AND details ->> '$.status' IN ('DISABLED', 'EXPIRED') AND ` + notDefault,
		Cost: func(f map[string]any, _ Prices) float64 {
			if store.Text(f["usage_mode"]) == "SHORT_LIVED_CERTIFICATE" {
				return PrivateCAShortLivedMonth
			}
			return PrivateCAMonth
		}},
	{Key: "unused-secret", Title: "Secrets not read for longer than the age threshold", Note: "each secret is billed monthly; never read, or last read before the threshold (secrets managed by another service left out)",
		Reads: refs("secretsmanager/secret"),
		SQL: `SELECT account_id, region, service, type, id, name, details ->> '$.last_accessed' AS last_accessed, created_at
			FROM resources WHERE service = 'secretsmanager' AND type = 'secret' AND coalesce(details ->> '$.owning_service', '') = ''
			AND julianday(:now) - julianday(coalesce(nullif(details ->> '$.last_accessed', ''), created_at)) > :min_age_days
			AND ` + notDefault,
		Cost: func(map[string]any, Prices) float64 { return SecretMonth }},
	{Key: "idle-emr-cluster", Title: "EMR clusters waiting for work that never terminate by themselves", Note: "every instance is billed while the cluster waits; cost UNKNOWN: instance counts and types are not collected",
		Reads: refs("emr/cluster"),
		SQL: `SELECT account_id, region, service, type, id, name, details ->> '$.release_label' AS release_label,
			details ->> '$.normalized_instance_hours' AS normalized_instance_hours, created_at
			FROM resources WHERE service = 'emr' AND type = 'cluster' AND details ->> '$.state' = 'WAITING'
			AND details ->> '$.auto_terminate' = 0 AND ` + notDefault,
		Cost: func(map[string]any, Prices) float64 { return UnknownCost }},
	{Key: "old-redshift-snapshot", Title: "Manual Redshift snapshots older than the age threshold", Note: "kept and billed as backup storage until deleted; cost UNKNOWN: what is free depends on the cluster's own storage",
		Reads: refs("redshift/cluster-snapshot"),
		SQL: `SELECT account_id, region, service, type, id, name, details ->> '$.cluster' AS cluster,
			round(CAST(details ->> '$.size_mb' AS REAL) / 1024, 1) AS size_gb, created_at
			FROM resources WHERE service = 'redshift' AND type = 'cluster-snapshot'
			AND julianday(:now) - julianday(created_at) > :min_age_days AND ` + notDefault,
		Cost: func(map[string]any, Prices) float64 { return UnknownCost }},
	{Key: "empty-dedicated-host", Title: "Dedicated Hosts running no instance", Note: "a host is billed by the hour whether instances run on it or not; cost UNKNOWN: host prices per family are not bundled",
		Reads: refs("ec2/dedicated-host"),
		SQL: `SELECT account_id, region, service, type, id, name, coalesce(nullif(details ->> '$.instance_type', ''), details ->> '$.instance_family') AS host_type,
			details ->> '$.availability_zone' AS availability_zone, created_at
			FROM resources WHERE service = 'ec2' AND type = 'dedicated-host' AND details ->> '$.state' = 'available'
			AND details ->> '$.instances' = 0 AND ` + notDefault,
		Cost: func(map[string]any, Prices) float64 { return UnknownCost }},
	{Key: "orphaned-rds-automated-backup", Title: "Retained automated RDS backups of deleted instances", Note: "kept, and billed as backup storage, until their retention ends or they are deleted; allocated size is an upper bound",
		Reads: refs("rds/db-instance-automated-backup", "rds/db-instance"),
		SQL: `SELECT b.account_id, b.region, b.service, b.type, b.id, b.name, b.details ->> '$.db_instance_id' AS db_instance_id,
			CAST(b.details ->> '$.allocated_storage_gb' AS INTEGER) AS size_gb, b.details ->> '$.latest_restorable_time' AS latest_restorable_time
			FROM resources b WHERE b.service = 'rds' AND b.type = 'db-instance-automated-backup'
			AND coalesce(nullif(b.details ->> '$.source_region', ''), b.region) = b.region
			AND NOT EXISTS (SELECT 1 FROM resources i WHERE i.service = 'rds' AND i.type = 'db-instance'
				AND i.account_id = b.account_id AND i.region = b.region AND i.id = b.details ->> '$.db_instance_id')
			AND (b.is_default = 0 OR :include_defaults = 1)`,
		Cost: func(f map[string]any, p Prices) float64 { return store.Float(f["size_gb"]) * p.RDSSnapshotGB }},
	{Key: "down-vpn-connection", Title: "Site-to-site VPN connections with every tunnel down", Note: "billed per connection-hour while nothing can cross it (judged by tunnel status at scan time)",
		Reads: refs("ec2/vpn-connection"),
		SQL: `SELECT account_id, region, service, type, id, name, details ->> '$.customer_gateway_id' AS customer_gateway_id,
			details ->> '$.tunnels' AS tunnels
			FROM resources WHERE service = 'ec2' AND type = 'vpn-connection' AND details ->> '$.state' = 'available'
			AND details ->> '$.tunnels' > 0 AND details ->> '$.tunnels_up' = 0 AND ` + notDefault,
		Cost: func(_ map[string]any, p Prices) float64 { return priced(HoursPerMonth, p.VPNConnectionHour) }},
}

// RuleKeys lists the rule keys in display order.
func RuleKeys() []string {
	out := make([]string, len(Rules))
	for i, r := range Rules {
		out[i] = r.Key
	}
	return out
}

// SelectRules returns the rules named in keys (all when empty); an unknown
// key is a usage error listing the valid ones.
func SelectRules(keys []string) ([]Rule, error) {
	if len(keys) == 0 {
		return Rules, nil
	}
	var out []Rule
	for _, k := range keys {
		i := slices.IndexFunc(Rules, func(r Rule) bool { return r.Key == k })
		if i < 0 {
			err := suggest.Unknown("waste rule", k, RuleKeys())
			return nil, usage(fmt.Errorf("%w; valid rules: %s", err, strings.Join(RuleKeys(), ", ")))
		}
		if !slices.ContainsFunc(out, func(r Rule) bool { return r.Key == k }) {
			out = append(out, Rules[i])
		}
	}
	return out, nil
}

// WasteOptions parameterise a waste run.
type WasteOptions struct {
	Rules           []Rule
	MinAgeDays      int
	IncludeDefaults bool
}

// Finding is one waste finding.
type Finding struct {
	Rule string `json:"rule"`
	model.Key
	Name        string         `json:"name"`
	MonthlyCost float64        `json:"estimated_monthly_usd"`
	CostUnknown bool           `json:"cost_unknown,omitempty"` // UnknownCost: MonthlyCost is 0
	Details     map[string]any `json:"details"`
	DetailKeys  []string       `json:"-"`
}

// RuleSummary counts one rule's findings.
type RuleSummary struct {
	Rule        string  `json:"rule"`
	Title       string  `json:"title"`
	Note        string  `json:"note"`
	Findings    int     `json:"findings"`
	MonthlyCost float64 `json:"estimated_monthly_usd"`
	Unpriced    int     `json:"unpriced_findings,omitempty"` // findings of unknown cost, not in MonthlyCost
	Incomplete  []Gap   `json:"incomplete"`
}

// WasteReport is the result of a waste run.
type WasteReport struct {
	PricesAsOf      string        `json:"prices_as_of"`
	CostNote        string        `json:"cost_note"`
	MinAgeDays      int           `json:"min_age_days"`
	IncludeDefaults bool          `json:"include_defaults"`
	Accounts        []string      `json:"accounts,omitempty"`
	Total           int           `json:"total_findings"`
	MonthlyCost     float64       `json:"estimated_monthly_usd"`       // each resource counted once
	Unpriced        int           `json:"unpriced_findings,omitempty"` // findings of unknown cost: MonthlyCost is a lower bound
	Rules           []RuleSummary `json:"rules"`
	Findings        []Finding     `json:"findings"`
	Incomplete      []Gap         `json:"incomplete"`
}

// CostNote labels every waste cost.
const CostNote = "estimate from on-demand list prices bundled in awsmap; no discounts, free tiers or usage-based charges"

// Waste runs the rules in scope.
func Waste(ctx context.Context, q Querier, opts WasteOptions, scope Scope) (*WasteReport, error) {
	if opts.MinAgeDays < 1 {
		return nil, usage(fmt.Errorf("--min-age-days must be at least 1, not %d", opts.MinAgeDays))
	}
	rules := opts.Rules
	if rules == nil {
		rules = Rules
	}
	scan, err := AuditedScan(ctx, q, scope.ScanID)
	if err != nil {
		return nil, err
	}
	rep := &WasteReport{PricesAsOf: PricesAsOf, CostNote: CostNote, MinAgeDays: opts.MinAgeDays,
		IncludeDefaults: opts.IncludeDefaults, Accounts: scope.Accounts, Findings: []Finding{}, Incomplete: []Gap{}}
	now := scope.now().Format(time.RFC3339)
	incl := 0
	if opts.IncludeDefaults {
		incl = 1
	}
	// Completeness is checked once for every type the rules read: it scans
	// the ledger of every scan so far, which grows with history.
	var reads []TypeRef
	for _, rule := range rules {
		reads = append(reads, rule.Reads...)
	}
	gaps, err := scope.gaps(ctx, q, reads, scan)
	if err != nil {
		return nil, err
	}
	rep.Incomplete = append(rep.Incomplete, gaps...)
	perResource := map[string]float64{}
	for _, rule := range rules {
		b, err := bindSQL(rule.SQL, func(name string) (any, error) {
			switch name {
			case ParamNow:
				return now, nil
			case "min_age_days":
				return int64(opts.MinAgeDays), nil
			case "include_defaults":
				return int64(incl), nil
			}
			return nil, fmt.Errorf("rule %s: unknown parameter :%s", rule.Key, name)
		}, Filters{Accounts: scope.Accounts})
		if err != nil {
			return nil, err
		}
		sum := RuleSummary{Rule: rule.Key, Title: rule.Title, Note: rule.Note}
		found, err := runRule(ctx, q, rule, b)
		if err != nil {
			return nil, err
		}
		for _, f := range found {
			sum.Findings++
			if f.CostUnknown {
				sum.Unpriced++
				rep.Unpriced++
			}
			sum.MonthlyCost += f.MonthlyCost
			k := f.Key.String()
			perResource[k] = math.Max(perResource[k], f.MonthlyCost)
		}
		rep.Findings = append(rep.Findings, found...)
		sum.Incomplete = []Gap{}
		for _, g := range gaps {
			if slices.Contains(rule.Reads, TypeRef{g.Service, g.Type}) {
				sum.Incomplete = append(sum.Incomplete, g)
			}
		}
		sum.MonthlyCost = round2(sum.MonthlyCost)
		rep.Rules = append(rep.Rules, sum)
	}
	rep.Total = len(rep.Findings)
	for _, c := range perResource {
		rep.MonthlyCost += c
	}
	rep.MonthlyCost = round2(rep.MonthlyCost)
	sort.SliceStable(rep.Incomplete, func(i, j int) bool { return rep.Incomplete[i].String() < rep.Incomplete[j].String() })
	return rep, nil
}

func runRule(ctx context.Context, q Querier, rule Rule, b Bound) ([]Finding, error) {
	rows, err := q.Query(ctx, b.SQL, b.Args...)
	if err != nil {
		return nil, fmt.Errorf("waste rule %s: %w", rule.Key, err)
	}
	defer rows.Close()
	if err := checkColumns(rows.Columns); err != nil {
		return nil, fmt.Errorf("waste rule %s: %w", rule.Key, err)
	}
	var out []Finding
	for rows.Next() {
		v := rows.Values()
		f := Finding{Rule: rule.Key, Key: model.Key{Account: store.Text(v[0]), Region: store.Text(v[1]), Service: store.Text(v[2]), Type: store.Text(v[3]), ID: store.Text(v[4])},
			Name: store.Text(v[5]), Details: map[string]any{}}
		for i := len(LeadingColumns); i < len(v); i++ {
			f.Details[rows.Columns[i]] = v[i]
			f.DetailKeys = append(f.DetailKeys, rows.Columns[i])
		}
		p, _ := PricesFor(f.Region)
		if c := rule.Cost(f.Details, p); math.IsNaN(c) {
			f.CostUnknown = true
		} else {
			f.MonthlyCost = round2(c)
		}
		out = append(out, f)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("waste rule %s: %w", rule.Key, err)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].MonthlyCost != out[j].MonthlyCost {
			return out[i].MonthlyCost > out[j].MonthlyCost
		}
		return out[i].Account+out[i].Region+out[i].ID < out[j].Account+out[j].Region+out[j].ID
	})
	return out, nil
}

func round2(x float64) float64 { return math.Round(x*100) / 100 }
