package demo

import (
	"fmt"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudtrail"
	cttypes "github.com/aws/aws-sdk-go-v2/service/cloudtrail/types"
	"github.com/aws/aws-sdk-go-v2/service/eventbridge"
	ebtypes "github.com/aws/aws-sdk-go-v2/service/eventbridge/types"
	"github.com/aws/aws-sdk-go-v2/service/organizations"
	orgtypes "github.com/aws/aws-sdk-go-v2/service/organizations/types"
	"github.com/aws/aws-sdk-go-v2/service/rds"
	rdstypes "github.com/aws/aws-sdk-go-v2/service/rds/types"
	"github.com/aws/smithy-go"
)

func init() {
	kinds = append(kinds,
		&kind{name: "rds.db-subnet-group", weight: 0.25, min: 1, max: 10, stable: true},
		&kind{name: "rds.db-cluster", weight: 0.15, max: 8, stable: true},
		&kind{name: "rds.db-instance", weight: 1.2},
		&kind{name: "rds.db-snapshot", weight: 1},
		&kind{name: "cloudtrail.trail", weight: 0.01, min: 3, max: 4, global: true, stable: true},
		&kind{name: "events.bus", weight: 0.1, min: 1, max: 8, stable: true},
		&kind{name: "events.rule", weight: 1.2},
	)
	for _, k := range kinds {
		kindByName[k.name] = k
	}
	register("RDS", map[string]handler{"DescribeDBInstances": rdsInstances, "DescribeDBClusters": rdsClusters, "DescribeDBSnapshots": rdsSnapshots,
		"DescribeDBSnapshotAttributes": rdsSnapshotAttributes, "DescribeDBSubnetGroups": rdsSubnetGroups,
		"ListTagsForResource": rdsTags})
	register("CloudTrail", map[string]handler{"DescribeTrails": ctTrails, "GetTrailStatus": ctStatus, "GetEventSelectors": ctSelectors, "ListTags": ctTags})
	register("EventBridge", map[string]handler{"ListEventBuses": ebBuses, "ListRules": ebRules, "ListTargetsByRule": ebTargets,
		"ListTagsForResource": ebTags})
	register("Organizations", map[string]handler{"ListAccounts": orgAccounts, "ListTagsForResource": orgTags, "DescribeOrganization": orgDescribe})
}

// at is the same call about another region of the account (or global).
func (c *call) at(region string) *call {
	cc := *c
	cc.region = region
	return &cc
}

// nwSubnet is the k-th subnet of the VPC subnet s belongs to (s itself when
// the VPC has fewer subnets); subnets of VPC v are v, v+nv, v+2nv...
func (c *call) nwSubnet(s, k int) int {
	nv := max(c.n("ec2.vpc"), 1)
	if t := s%nv + nv*k; t < c.n("ec2.subnet") {
		return t
	}
	return s
}

// nwSG is a security group of VPC vpc (groups of VPC v are v, v+nv...),
// the VPC's default group when it has no other.
func (c *call) nwSG(vpc, k int) int {
	nv := max(c.n("ec2.vpc"), 1)
	groups := max(c.n("ec2.security-group")/nv, 1)
	if g := vpc + nv*(1+k%groups); g < c.n("ec2.security-group") {
		return g
	}
	return vpc
}

func (c *call) kmsARN() string { return c.arn("kms", "key/"+c.uuid("kms.key", 0)) }

// --- RDS: subnet group 0 is "default" (default VPC); instance 2j and 2j+1
// are the writer and reader of cluster j; about 20% of standalone
// instances are unencrypted and 12% publicly accessible.

func (c *call) dbSubnetGroupName(g int) string {
	if g == 0 {
		return "default"
	}
	return fmt.Sprintf("%s-db-subnets-%02d", Accounts[c.acct].Env, g)
}

// dbSubnetGroupSubnets are the subnets (same VPC) of subnet group g.
func (c *call) dbSubnetGroupSubnets(g int) []int {
	nv, ns := max(c.n("ec2.vpc"), 1), max(c.n("ec2.subnet"), 1)
	vpc := 0
	if g > 0 && nv > 1 {
		vpc = 1 + (g-1)%(nv-1)
	}
	if vpc >= ns {
		vpc = 0
	}
	var out []int
	for s := vpc; s < ns && len(out) < 3; s += nv {
		out = append(out, s)
	}
	return out
}

func (c *call) dbSubnetGroup(g int) *rdstypes.DBSubnetGroup {
	name := c.dbSubnetGroupName(g)
	subnets := c.dbSubnetGroupSubnets(g)
	out := &rdstypes.DBSubnetGroup{DBSubnetGroupName: aws.String(name), DBSubnetGroupArn: aws.String(c.arn("rds", "subgrp:"+name)),
		DBSubnetGroupDescription: aws.String("subnets for " + name), VpcId: c.vpcID(c.vpcOf(subnets[0])), SubnetGroupStatus: aws.String("Complete"),
		SupportedNetworkTypes: []string{"IPV4"}}
	if g == 0 {
		out.DBSubnetGroupDescription = aws.String("default")
	}
	for _, s := range subnets {
		out.Subnets = append(out.Subnets, rdstypes.Subnet{SubnetIdentifier: aws.String(c.subnetID(s)), SubnetStatus: aws.String("Active"),
			SubnetAvailabilityZone: &rdstypes.AvailabilityZone{Name: aws.String(c.az(s))}})
	}
	return out
}

func rdsSubnetGroups(c *call) (any, error) {
	in := c.in.(*rds.DescribeDBSubnetGroupsInput)
	items, next := c.list("rds.db-subnet-group", in.Marker, in.MaxRecords, 100)
	out := &rds.DescribeDBSubnetGroupsOutput{Marker: next}
	for _, g := range items {
		out.DBSubnetGroups = append(out.DBSubnetGroups, *c.dbSubnetGroup(g))
	}
	return out, nil
}

type dbFacts struct {
	id, engine, version, class, storage string
	cluster, group, sg, gb              int
	encrypted, public, multiAZ, iam     bool
	status                              string
	backup                              int32
}

var dbEngines = []struct{ engine, version string }{
	{"postgres", "16.3"}, {"postgres", "14.12"}, {"postgres", "11.22"}, {"mysql", "8.0.39"}, {"mysql", "5.7.44"}, {"mariadb", "10.11.8"}, {"postgres", "15.7"},
}

func (c *call) db(i int) dbFacts {
	r, m := c.rng("rds.db-instance", i), c.mut("rds.db-instance", i)
	f := dbFacts{cluster: -1, group: i % max(c.n("rds.db-subnet-group"), 1), gb: []int{20, 50, 100, 200, 500, 1000}[r.intn(6)], storage: "gp3"}
	e := dbEngines[r.intn(len(dbEngines))]
	f.engine, f.version = e.engine, e.version
	f.class = []string{"db.t3.micro", "db.t3.medium", "db.m5.large", "db.r6g.large", "db.m6g.xlarge", "db.r5.2xlarge"}[r.intn(6)]
	if r.chance(0.3) {
		f.storage = "gp2"
	}
	f.encrypted = !r.chance(0.2)
	f.public = r.chance(0.12)
	f.multiAZ = Accounts[c.acct].Env == "production" && r.chance(0.6)
	f.iam = r.chance(0.3)
	if j := i / 2; i < 2*c.n("rds.db-cluster") {
		f.cluster = j
		cr := c.rng("rds.db-cluster", j)
		f.engine, f.version = []string{"aurora-postgresql", "aurora-mysql"}[cr.intn(2)], "15.4"
		if f.engine == "aurora-mysql" {
			f.version = "8.0.mysql_aurora.3.05.2"
		}
		f.storage, f.gb, f.public, f.multiAZ = "aurora", 1, false, false
		f.encrypted = !cr.chance(0.15)
		f.class = []string{"db.r6g.large", "db.r6g.xlarge", "db.serverless"}[cr.intn(3)]
		f.group = j % max(c.n("rds.db-subnet-group"), 1)
		r = cr // members share the cluster's security group
	}
	f.id = fmt.Sprintf("%s-%s-db-%04d", c.rng("rds.db-instance", i).pick(apps), Accounts[c.acct].Env, i)
	if f.cluster >= 0 {
		f.id = fmt.Sprintf("%s-node-%04d", c.clusterID(f.cluster), i)
	}
	f.sg = c.nwSG(c.vpcOf(c.dbSubnetGroupSubnets(f.group)[0]), r.intn(4))
	f.status = "available"
	if m.chance(0.08) {
		f.status = "stopped"
	}
	f.backup = int32([]int{0, 1, 7, 7, 14, 35}[m.intn(6)])
	if m.chance(0.25) && f.storage == "gp2" {
		f.storage = "gp3" // migrated
	}
	return f
}

func (c *call) dbEndpoint(id string) string {
	return fmt.Sprintf("%s.%s.%s.rds.amazonaws.com", id, c.v.rng(c.acct, c.region, "rds.endpoint", 0, 0).hex(12), c.region)
}

func (c *call) rdsTags(kind string, i int, name string) []rdstypes.Tag {
	var out []rdstypes.Tag
	for _, t := range c.v.tagsOf(c.acct, c.region, kind, i, name) {
		out = append(out, rdstypes.Tag{Key: aws.String(t.k), Value: aws.String(t.v)})
	}
	return out
}

func dbPort(engine string) int32 {
	if strings.Contains(engine, "postgres") {
		return 5432
	}
	return 3306
}

func rdsInstances(c *call) (any, error) {
	in := c.in.(*rds.DescribeDBInstancesInput)
	items, next := c.list("rds.db-instance", in.Marker, in.MaxRecords, 100)
	out := &rds.DescribeDBInstancesOutput{Marker: next}
	for _, i := range items {
		f := c.db(i)
		sg := c.dbSubnetGroup(f.group)
		db := rdstypes.DBInstance{DBInstanceIdentifier: aws.String(f.id), DBInstanceArn: aws.String(c.arn("rds", "db:"+f.id)),
			DbiResourceId: aws.String("db-" + strings.ToUpper(c.rng("rds.db-instance", i).hex(26))),
			Engine:        aws.String(f.engine), EngineVersion: aws.String(f.version), DBInstanceClass: aws.String(f.class),
			AllocatedStorage: aws.Int32(int32(f.gb)), StorageType: aws.String(f.storage), StorageEncrypted: aws.Bool(f.encrypted),
			PubliclyAccessible: aws.Bool(f.public), MultiAZ: aws.Bool(f.multiAZ), BackupRetentionPeriod: aws.Int32(f.backup),
			DeletionProtection: aws.Bool(f.multiAZ || c.rng("rds.db-instance", i+1<<30).chance(0.3)), DBInstanceStatus: aws.String(f.status),
			Endpoint:                         &rdstypes.Endpoint{Address: aws.String(c.dbEndpoint(f.id)), Port: aws.Int32(dbPort(f.engine)), HostedZoneId: aws.String("Z2R2ITUGPM61AM")},
			DBSubnetGroup:                    sg,
			VpcSecurityGroups:                []rdstypes.VpcSecurityGroupMembership{{VpcSecurityGroupId: aws.String(c.sgID(f.sg)), Status: aws.String("active")}},
			IAMDatabaseAuthenticationEnabled: aws.Bool(f.iam), AutoMinorVersionUpgrade: aws.Bool(!strings.HasSuffix(f.version, "5.7.44")),
			CACertificateIdentifier: aws.String("rds-ca-rsa2048-g1"), InstanceCreateTime: c.created("rds.db-instance", i),
			AvailabilityZone: sg.Subnets[0].SubnetAvailabilityZone.Name, MasterUsername: aws.String("dbadmin"),
			TagList: c.rdsTags("rds.db-instance", i, "")}
		if f.encrypted {
			db.KmsKeyId = aws.String(c.kmsARN())
		}
		if f.cluster >= 0 {
			db.DBClusterIdentifier = aws.String(c.clusterID(f.cluster))
			db.AllocatedStorage = aws.Int32(1)
		}
		out.DBInstances = append(out.DBInstances, db)
	}
	return out, nil
}

func (c *call) clusterID(j int) string {
	return fmt.Sprintf("%s-%s-aurora-%04d", c.rng("rds.db-cluster", j).pick(apps), Accounts[c.acct].Env, j)
}

func rdsClusters(c *call) (any, error) {
	in := c.in.(*rds.DescribeDBClustersInput)
	items, next := c.list("rds.db-cluster", in.Marker, in.MaxRecords, 100)
	out := &rds.DescribeDBClustersOutput{Marker: next}
	for _, j := range items {
		id := c.clusterID(j)
		var members []rdstypes.DBClusterMember
		var f dbFacts
		for i := 2 * j; i < 2*j+2; i++ {
			f = c.db(i)
			if c.alive("rds.db-instance", i) {
				members = append(members, rdstypes.DBClusterMember{DBInstanceIdentifier: aws.String(f.id), IsClusterWriter: aws.Bool(i == 2*j),
					PromotionTier: aws.Int32(1), DBClusterParameterGroupStatus: aws.String("in-sync")})
			}
		}
		m := c.mut("rds.db-cluster", j)
		status := "available"
		if m.chance(0.05) {
			status = "stopped"
		}
		cl := rdstypes.DBCluster{DBClusterIdentifier: aws.String(id), DBClusterArn: aws.String(c.arn("rds", "cluster:"+id)),
			Engine: aws.String(f.engine), EngineVersion: aws.String(f.version), Status: aws.String(status), StorageEncrypted: aws.Bool(f.encrypted),
			MultiAZ: aws.Bool(len(members) > 1), DBClusterMembers: members, DeletionProtection: aws.Bool(!m.chance(0.3)),
			BackupRetentionPeriod: aws.Int32(int32([]int{1, 7, 14}[m.intn(3)])), Endpoint: aws.String(strings.Replace(c.dbEndpoint(id), ".", ".cluster-", 1)),
			ReaderEndpoint: aws.String(strings.Replace(c.dbEndpoint(id), ".", ".cluster-ro-", 1)), Port: aws.Int32(dbPort(f.engine)), ClusterCreateTime: c.created("rds.db-cluster", j),
			DBSubnetGroup: aws.String(c.dbSubnetGroupName(f.group)), VpcSecurityGroups: []rdstypes.VpcSecurityGroupMembership{{VpcSecurityGroupId: aws.String(c.sgID(f.sg)), Status: aws.String("active")}},
			TagList: c.rdsTags("rds.db-cluster", j, "")}
		if f.encrypted {
			cl.KmsKeyId = aws.String(c.kmsARN())
		}
		out.DBClusters = append(out.DBClusters, cl)
	}
	return out, nil
}

// Manual snapshots: taken from any instance (some of which are gone since),
// spread over four years; one in 15 restorable by everyone, one in 4 unencrypted.
func (c *call) snapshotID(s int) (string, dbFacts) {
	x := c.rng("rds.db-snapshot", s).intn(max(c.n("rds.db-instance"), 1))
	f := c.db(x)
	return fmt.Sprintf("%s-before-upgrade-%04d", f.id, s), f
}

func rdsSnapshots(c *call) (any, error) {
	in := c.in.(*rds.DescribeDBSnapshotsInput)
	items, next := c.list("rds.db-snapshot", in.Marker, in.MaxRecords, 100)
	out := &rds.DescribeDBSnapshotsOutput{Marker: next}
	for _, s := range items {
		id, f := c.snapshotID(s)
		enc := f.encrypted && s%4 != 1
		snap := rdstypes.DBSnapshot{DBSnapshotIdentifier: aws.String(id), DBSnapshotArn: aws.String(c.arn("rds", "snapshot:"+id)),
			DBInstanceIdentifier: aws.String(f.id), SnapshotCreateTime: c.created("rds.db-snapshot", s), Engine: aws.String(f.engine),
			EngineVersion: aws.String(f.version), AllocatedStorage: aws.Int32(int32(f.gb)), Status: aws.String("available"), Encrypted: aws.Bool(enc),
			SnapshotType: aws.String("manual"), Port: aws.Int32(dbPort(f.engine)), StorageType: aws.String(f.storage), PercentProgress: aws.Int32(100),
			VpcId: c.vpcID(c.vpcOf(c.dbSubnetGroupSubnets(f.group)[0])), MasterUsername: aws.String("dbadmin"), TagList: c.rdsTags("rds.db-snapshot", s, "")}
		if enc {
			snap.KmsKeyId = aws.String(c.kmsARN())
		}
		out.DBSnapshots = append(out.DBSnapshots, snap)
	}
	return out, nil
}

func rdsSnapshotAttributes(c *call) (any, error) {
	id := aws.ToString(c.in.(*rds.DescribeDBSnapshotAttributesInput).DBSnapshotIdentifier)
	s, err := c.index("rds.db-snapshot", id, "DBSnapshotNotFound")
	if err != nil {
		return nil, err
	}
	restore := []string{}
	switch {
	case s%15 == 2:
		restore = []string{"all"}
	case s%7 == 3:
		restore = []string{Accounts[(c.acct+1)%len(Accounts)].ID}
	}
	return &rds.DescribeDBSnapshotAttributesOutput{DBSnapshotAttributesResult: &rdstypes.DBSnapshotAttributesResult{DBSnapshotIdentifier: aws.String(id),
		DBSnapshotAttributes: []rdstypes.DBSnapshotAttribute{{AttributeName: aws.String("restore"), AttributeValues: restore}}}}, nil
}

// --- CloudTrail: trails are account-wide (a few each); trail 0 is the
// multi-region management trail of us-east-1, trail 1 a single-region
// trail, trail 2 has stopped logging. Trail 0 writes to the cloudtrail-logs
// bucket of the shared-services account (central logging: the other
// accounts' trails name a bucket they do not own), the others to a live
// bucket of their home region.

var trailPurposes = []string{"management-events", "regional-audit", "security", "data-events"}

func (c *call) trailHome(i int) string {
	if i == 0 {
		return "us-east-1"
	}
	return Regions[(i*2+c.acct)%len(Regions)]
}

func (c *call) trailName(i int) string {
	return fmt.Sprintf("acme-%s-%s-%02d", Accounts[c.acct].Env, trailPurposes[i%len(trailPurposes)], i)
}

func (c *call) trailARN(i int) string {
	return fmt.Sprintf("arn:aws:cloudtrail:%s:%s:trail/%s", c.trailHome(i), Accounts[c.acct].ID, c.trailName(i))
}

// loggingAccount owns the central cloudtrail-logs bucket (its bucket 0).
const loggingAccount = 2

// trailBucket is the central cloudtrail-logs bucket for trail 0 (while it
// lives), else a live bucket of the trail's home region, or any live bucket.
func (c *call) trailBucket(i int) string {
	if i == 0 && c.v.exists(loggingAccount, global, "s3.bucket", 0) {
		return (&call{r: c.r, v: c.v, acct: loggingAccount}).bucket(0).name
	}
	home := c.trailHome(i)
	_, limit := c.v.limit(c.acct, global, "s3.bucket")
	fallback := ""
	for b := 0; b < min(limit, 500); b++ {
		if !c.v.exists(c.acct, global, "s3.bucket", b) {
			continue
		}
		f := c.bucket(b)
		if f.region == home {
			return f.name
		}
		if fallback == "" {
			fallback = f.name
		}
	}
	return fallback
}

func (c *call) trailIndex(arn *string) (int, error) {
	s := aws.ToString(arn)
	i, ok := trailingIndex(s)
	if !ok || i >= c.g("cloudtrail.trail") || (strings.Contains(s, ":") && s != c.trailARN(i)) || (!strings.Contains(s, ":") && s != c.trailName(i)) {
		return 0, notFound("TrailNotFoundException", "Unknown trail: "+s+" for the user: "+Accounts[c.acct].ID)
	}
	return i, nil
}

func ctTrails(c *call) (any, error) {
	out := &cloudtrail.DescribeTrailsOutput{TrailList: []cttypes.Trail{}}
	for i := range c.g("cloudtrail.trail") {
		home := c.trailHome(i)
		if home != c.region {
			continue
		}
		tr := cttypes.Trail{Name: aws.String(c.trailName(i)), TrailARN: aws.String(c.trailARN(i)), HomeRegion: aws.String(home),
			IsMultiRegionTrail: aws.Bool(i != 1), IncludeGlobalServiceEvents: aws.Bool(i != 1), IsOrganizationTrail: aws.Bool(i == 0 && c.acct == 0),
			LogFileValidationEnabled: aws.Bool(i == 0 || c.grng("cloudtrail.trail", i).chance(0.5)), S3BucketName: aws.String(c.trailBucket(i)),
			S3KeyPrefix: aws.String("trail-" + fmt.Sprint(i)), HasCustomEventSelectors: aws.Bool(i == 3), HasInsightSelectors: aws.Bool(false)}
		if i == 0 {
			tr.KmsKeyId = aws.String(c.kmsARN())
		}
		if i%2 == 0 && c.n("sns.topic") > 0 {
			tr.SnsTopicARN = aws.String(c.topicARN(0))
		}
		out.TrailList = append(out.TrailList, tr)
	}
	return out, nil
}

func ctStatus(c *call) (any, error) {
	i, err := c.trailIndex(c.in.(*cloudtrail.GetTrailStatusInput).Name)
	if err != nil {
		return nil, err
	}
	m := c.v.rng(c.acct, global, "cloudtrail.trail", i, 1+uint64(c.v.version(c.acct, global, "cloudtrail.trail", i)))
	logging := i != 2 && !(i > 2 && m.chance(0.3))
	started := c.gcreated("cloudtrail.trail", i)
	out := &cloudtrail.GetTrailStatusOutput{IsLogging: aws.Bool(logging), StartLoggingTime: started}
	last := c.v.e.now.Add(-time.Duration(1+m.intn(30)) * time.Minute)
	if !logging {
		stopped := c.v.e.now.Add(-time.Duration(2+m.intn(200)) * 24 * time.Hour)
		out.StopLoggingTime, last = &stopped, stopped
	}
	out.LatestDeliveryTime = &last
	if c.trailBucket(i) == "" {
		out.LatestDeliveryError = aws.String("NoSuchBucket")
	}
	return out, nil
}

func ctSelectors(c *call) (any, error) {
	arn := c.in.(*cloudtrail.GetEventSelectorsInput).TrailName
	i, err := c.trailIndex(arn)
	if err != nil {
		return nil, err
	}
	out := &cloudtrail.GetEventSelectorsOutput{TrailARN: aws.String(c.trailARN(i))}
	if i == 3 {
		out.AdvancedEventSelectors = []cttypes.AdvancedEventSelector{{Name: aws.String("S3 data events"), FieldSelectors: []cttypes.AdvancedFieldSelector{
			{Field: aws.String("eventCategory"), Equals: []string{"Data"}}, {Field: aws.String("resources.type"), Equals: []string{"AWS::S3::Object"}}}}}
		return out, nil
	}
	out.EventSelectors = []cttypes.EventSelector{{IncludeManagementEvents: aws.Bool(true), ReadWriteType: cttypes.ReadWriteTypeAll}}
	return out, nil
}

func ctTags(c *call) (any, error) {
	in := c.in.(*cloudtrail.ListTagsInput)
	out := &cloudtrail.ListTagsOutput{}
	for _, arn := range in.ResourceIdList {
		i, err := c.trailIndex(aws.String(arn))
		if err != nil {
			return nil, err
		}
		rt := cttypes.ResourceTag{ResourceId: aws.String(arn)}
		for _, t := range c.v.tagsOf(c.acct, global, "cloudtrail.trail", i, "") {
			rt.TagsList = append(rt.TagsList, cttypes.Tag{Key: aws.String(t.k), Value: aws.String(t.v)})
		}
		out.ResourceTagList = append(out.ResourceTagList, rt)
	}
	return out, nil
}

// --- EventBridge: bus 0 is "default"; a third of the rules are on custom
// buses. Rules target live Lambda functions (some also a queue or topic);
// one in 20 has no target left.

func (c *call) busName(b int) string {
	if b == 0 {
		return "default"
	}
	return fmt.Sprintf("%s-%s-bus-%02d", c.rng("events.bus", b).pick(apps), Accounts[c.acct].Env, b)
}

func (c *call) busOf(i int) int {
	nb := c.n("events.bus")
	if nb > 1 && i%3 == 2 {
		return 1 + (i/3)%(nb-1)
	}
	return 0
}

func (c *call) busIndex(name *string) (int, error) {
	s := aws.ToString(name)
	if s == "" || s == "default" || strings.HasSuffix(s, ":event-bus/default") {
		return 0, nil
	}
	s = s[strings.LastIndex(s, "/")+1:]
	b, ok := trailingIndex(s)
	if !ok || b >= c.n("events.bus") || c.busName(b) != s {
		return 0, notFound("ResourceNotFoundException", "Event bus "+s+" does not exist.")
	}
	return b, nil
}

func ebBuses(c *call) (any, error) {
	in := c.in.(*eventbridge.ListEventBusesInput)
	items, next := c.list("events.bus", in.NextToken, in.Limit, 100)
	out := &eventbridge.ListEventBusesOutput{NextToken: next}
	for _, b := range items {
		name := c.busName(b)
		bus := ebtypes.EventBus{Name: aws.String(name), Arn: aws.String(c.arn("events", "event-bus/"+name)), CreationTime: c.created("events.bus", b),
			LastModifiedTime: c.created("events.bus", b)}
		if b > 0 {
			bus.Description = aws.String("events of " + name)
			if c.rng("events.bus", b).chance(0.4) {
				bus.Policy = aws.String(fmt.Sprintf(`{"Version":"2012-10-17","Statement":[{"Sid":"cross-account","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::%s:root"},"Action":"events:PutEvents","Resource":"%s"}]}`,
					Accounts[(c.acct+1)%len(Accounts)].ID, c.arn("events", "event-bus/"+name)))
			}
		}
		out.EventBuses = append(out.EventBuses, bus)
	}
	return out, nil
}

func (c *call) ruleName(i int) string {
	return fmt.Sprintf("%s-%s-rule-%04d", c.rng("events.rule", i).pick(apps), []string{"nightly", "on-upload", "sync", "cleanup", "notify"}[i%5], i)
}

// ruleARN names the bus of rules not on the default bus.
func (c *call) ruleARN(i int) string {
	if b := c.busOf(i); b > 0 {
		return c.arn("events", "rule/"+c.busName(b)+"/"+c.ruleName(i))
	}
	return c.arn("events", "rule/"+c.ruleName(i))
}

func ebRules(c *call) (any, error) {
	in := c.in.(*eventbridge.ListRulesInput)
	b, err := c.busIndex(in.EventBusName)
	if err != nil {
		return nil, err
	}
	items, next := c.filtered(c.region, "events.rule", in.NextToken, c.pageSize(100, in.Limit), func(i int) bool { return c.busOf(i) == b })
	out := &eventbridge.ListRulesOutput{NextToken: next}
	bus := c.busName(b)
	for _, i := range items {
		r, m := c.rng("events.rule", i), c.mut("events.rule", i)
		name := c.ruleName(i)
		rule := ebtypes.Rule{Name: aws.String(name), Arn: aws.String(c.ruleARN(i)), EventBusName: aws.String(bus), State: ebtypes.RuleStateEnabled,
			Description: aws.String("triggers " + name)}
		if m.chance(0.12) {
			rule.State = ebtypes.RuleStateDisabled
		}
		if b == 0 && i%5 == 0 {
			rule.ScheduleExpression = aws.String([]string{"rate(5 minutes)", "rate(1 hour)", "cron(0 3 * * ? *)"}[r.intn(3)])
		} else {
			rule.EventPattern = aws.String(fmt.Sprintf(`{"source":["%s"],"detail-type":["%s"]}`, []string{"aws.s3", "aws.ec2", "acme.orders", "aws.codepipeline"}[r.intn(4)], "Object Created"))
		}
		if r.chance(0.2) {
			rule.RoleArn = aws.String(c.iamARN("iam.role", "/", iamName("iam.role", r.intn(max(c.g("iam.role"), 1)))))
		}
		if i%40 == 7 {
			rule.ManagedBy = aws.String("ecs.amazonaws.com")
		}
		out.Rules = append(out.Rules, rule)
	}
	return out, nil
}

func ebTargets(c *call) (any, error) {
	in := c.in.(*eventbridge.ListTargetsByRuleInput)
	b, err := c.busIndex(in.EventBusName)
	if err != nil {
		return nil, err
	}
	i, ok := trailingIndex(aws.ToString(in.Rule))
	if !ok || !c.alive("events.rule", i) || c.busOf(i) != b || c.ruleName(i) != aws.ToString(in.Rule) {
		return nil, notFound("ResourceNotFoundException", "Rule "+aws.ToString(in.Rule)+" does not exist on EventBus "+c.busName(b)+".")
	}
	out := &eventbridge.ListTargetsByRuleOutput{Targets: []ebtypes.Target{}}
	if i%20 == 13 {
		return out, nil
	}
	r := c.rng("events.rule", i+1<<30)
	// A live function, searched from i onwards.
	if fn := c.live("lambda.function", i); fn >= 0 {
		out.Targets = append(out.Targets, ebtypes.Target{Id: aws.String("lambda"), Arn: aws.String(c.arn("lambda", "function:"+c.fnName(fn)))})
	}
	if n := c.n("sqs.queue"); (len(out.Targets) == 0 || r.chance(0.2)) && n > 0 && c.alive("sqs.queue", i%n) {
		out.Targets = append(out.Targets, ebtypes.Target{Id: aws.String("queue"), Arn: aws.String(c.arn("sqs", c.queueName(i%n)))})
	}
	if n := c.n("sns.topic"); r.chance(0.15) && n > 0 && c.alive("sns.topic", i%n) {
		out.Targets = append(out.Targets, ebtypes.Target{Id: aws.String("topic"), Arn: aws.String(c.topicARN(i % n))})
	}
	size := c.pageSize(100, in.Limit)
	start := 0
	if t := deref(in.NextToken); t != "" {
		start, _ = trailingIndex(t)
	}
	start = min(start, len(out.Targets))
	end := min(start+size, len(out.Targets))
	if end < len(out.Targets) {
		out.NextToken = aws.String(fmt.Sprintf("demo-%d", end))
	}
	out.Targets = out.Targets[start:end]
	return out, nil
}

// --- Organizations: the first account manages the organization; members
// can describe it but not list its accounts.

func orgID() string { return "o-" + fmt.Sprintf("%010x", mix(hashString(Accounts[0].ID))%(1<<40)) }

func orgDenied(c *call, op string) error {
	return &smithy.GenericAPIError{Code: "AccessDeniedException", Message: "You don't have permissions to access this resource. (" + op + " from " + Accounts[c.acct].ID + ")", Fault: smithy.FaultClient}
}

func orgAccountARN(a int) string {
	return fmt.Sprintf("arn:aws:organizations::%s:account/%s/%s", Accounts[0].ID, orgID(), Accounts[a].ID)
}

func orgAccounts(c *call) (any, error) {
	if c.acct != 0 {
		return nil, orgDenied(c, "ListAccounts")
	}
	in := c.in.(*organizations.ListAccountsInput)
	size := c.pageSize(20, in.MaxResults)
	start := 0
	if t := deref(in.NextToken); t != "" {
		start, _ = trailingIndex(t)
	}
	start = min(start, len(Accounts))
	end := min(start+size, len(Accounts))
	out := &organizations.ListAccountsOutput{}
	if end < len(Accounts) {
		out.NextToken = aws.String(fmt.Sprintf("demo-%d", end))
	}
	for a := start; a < end; a++ {
		joined := c.v.e.now.Add(-time.Duration(4*365-a*200) * 24 * time.Hour)
		method := orgtypes.AccountJoinedMethodCreated
		if a == 0 {
			method = orgtypes.AccountJoinedMethodInvited
		}
		out.Accounts = append(out.Accounts, orgtypes.Account{Id: aws.String(Accounts[a].ID), Arn: aws.String(orgAccountARN(a)), Name: aws.String(Accounts[a].Alias),
			Email: aws.String("aws+" + Accounts[a].Alias + "@acme.example"), Status: orgtypes.AccountStatusActive, State: orgtypes.AccountStateActive,
			JoinedMethod: method, JoinedTimestamp: &joined})
	}
	return out, nil
}

func orgTags(c *call) (any, error) {
	if c.acct != 0 {
		return nil, orgDenied(c, "ListTagsForResource")
	}
	id := aws.ToString(c.in.(*organizations.ListTagsForResourceInput).ResourceId)
	a := accountIndex(id)
	if a < 0 {
		return nil, notFound("TargetNotFoundException", "You specified a target that doesn't exist.")
	}
	return &organizations.ListTagsForResourceOutput{Tags: []orgtypes.Tag{{Key: aws.String("Environment"), Value: aws.String(Accounts[a].Env)},
		{Key: aws.String("CostCenter"), Value: aws.String(costCenters[a%len(costCenters)])}}}, nil
}

func orgDescribe(c *call) (any, error) {
	return &organizations.DescribeOrganizationOutput{Organization: &orgtypes.Organization{Id: aws.String(orgID()),
		Arn:             aws.String(fmt.Sprintf("arn:aws:organizations::%s:organization/%s", Accounts[0].ID, orgID())),
		MasterAccountId: aws.String(Accounts[0].ID), MasterAccountArn: aws.String(orgAccountARN(0)), MasterAccountEmail: aws.String("aws+" + Accounts[0].Alias + "@acme.example"),
		FeatureSet:           orgtypes.OrganizationFeatureSetAll,
		AvailablePolicyTypes: []orgtypes.PolicyTypeSummary{{Type: orgtypes.PolicyTypeServiceControlPolicy, Status: orgtypes.PolicyTypeStatusEnabled}}}}, nil
}
