package demo

import (
	"fmt"
	"math/big"
	"strconv"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/apigateway"
	agtypes "github.com/aws/aws-sdk-go-v2/service/apigateway/types"
	"github.com/aws/aws-sdk-go-v2/service/apigatewayv2"
	ag2types "github.com/aws/aws-sdk-go-v2/service/apigatewayv2/types"
	"github.com/aws/aws-sdk-go-v2/service/cloudformation"
	cfntypes "github.com/aws/aws-sdk-go-v2/service/cloudformation/types"
	"github.com/aws/aws-sdk-go-v2/service/efs"
	efstypes "github.com/aws/aws-sdk-go-v2/service/efs/types"
	"github.com/aws/aws-sdk-go-v2/service/elasticache"
	ectypes "github.com/aws/aws-sdk-go-v2/service/elasticache/types"
)

// CloudFormation, ElastiCache, EFS and API Gateway (v1 and v2).
// Replication groups and cache subnet groups are stable; cache cluster i
// is member i mod 2 of replication group i/2 while there is one, and
// standalone beyond.
func init() {
	kinds = append(kinds,
		&kind{name: "cloudformation.stack", weight: 1},
		&kind{name: "elasticache.cluster", weight: 0.8},
		&kind{name: "elasticache.replication-group", weight: 0.3, stable: true},
		&kind{name: "elasticache.subnet-group", weight: 0.15, min: 1, max: 8, stable: true},
		&kind{name: "efs.file-system", weight: 0.35},
		&kind{name: "apigateway.rest-api", weight: 0.4},
		&kind{name: "apigatewayv2.api", weight: 0.4},
	)
	for _, k := range kinds {
		kindByName[k.name] = k
	}
	register("CloudFormation", map[string]handler{"DescribeStacks": cfnStacks})
	register("ElastiCache", map[string]handler{"DescribeCacheClusters": ecClusters, "DescribeReplicationGroups": ecReplicationGroups,
		"DescribeCacheSubnetGroups": ecSubnetGroups, "ListTagsForResource": ecTags})
	register("EFS", map[string]handler{"DescribeFileSystems": efsFileSystems})
	register("API Gateway", map[string]handler{"GetRestApis": agRestAPIs, "GetStages": agStages})
	register("ApiGatewayV2", map[string]handler{"GetApis": ag2APIs, "GetStages": ag2Stages})
}

// --- CloudFormation: stacks of four years of deployments; 30% drifted,
// about 10% failed or rolled back; every sixth is nested in the previous.

var stackStates = []struct {
	status cfntypes.StackStatus
	reason string
}{
	{cfntypes.StackStatusCreateComplete, ""}, {cfntypes.StackStatusUpdateComplete, ""}, {cfntypes.StackStatusUpdateComplete, ""},
	{cfntypes.StackStatusUpdateComplete, ""}, {cfntypes.StackStatusCreateComplete, ""}, {cfntypes.StackStatusUpdateComplete, ""},
	{cfntypes.StackStatusCreateComplete, ""}, {cfntypes.StackStatusUpdateComplete, ""}, {cfntypes.StackStatusCreateComplete, ""},
	{cfntypes.StackStatusUpdateRollbackComplete, "The following resource(s) failed to update: [TaskDefinition]."},
	{cfntypes.StackStatusRollbackComplete, "The following resource(s) failed to create: [Bucket]. Rollback requested by user."},
	{cfntypes.StackStatusUpdateRollbackFailed, "The following resource(s) failed to update: [Function]."},
	{cfntypes.StackStatusCreateFailed, "Resource handler returned message: \"Access Denied\""},
}

func (c *call) stackName(i int) string {
	return fmt.Sprintf("%s-%s-stack-%04d", c.rng("cloudformation.stack", i).pick(apps), Accounts[c.acct].Env, i)
}

func (c *call) stackARN(i int) string {
	return c.arn("cloudformation", "stack/"+c.stackName(i)+"/"+c.uuid("cloudformation.stack", i))
}

func cfnStacks(c *call) (any, error) {
	in := c.in.(*cloudformation.DescribeStacksInput)
	items, next := c.list("cloudformation.stack", in.NextToken, nil, 100)
	out := &cloudformation.DescribeStacksOutput{NextToken: next}
	params := []string{"Environment", "VpcId", "SubnetIds", "InstanceType", "ImageTag", "DesiredCount", "DomainName"}
	for _, i := range items {
		r, m := c.rng("cloudformation.stack", i+1<<30), c.mut("cloudformation.stack", i)
		st := stackStates[m.intn(len(stackStates))]
		s := cfntypes.Stack{StackName: aws.String(c.stackName(i)), StackId: aws.String(c.stackARN(i)), CreationTime: c.created("cloudformation.stack", i),
			StackStatus: st.status, Description: aws.String("Infrastructure of the " + r.pick(projects) + " project"),
			EnableTerminationProtection: aws.Bool(r.chance(0.3)), DisableRollback: aws.Bool(false)}
		if st.reason != "" {
			s.StackStatusReason = aws.String(st.reason)
		}
		if ver := c.v.version(c.acct, c.region, "cloudformation.stack", i); ver > 0 || st.status != cfntypes.StackStatusCreateComplete {
			s.LastUpdatedTime = aws.Time(c.created("cloudformation.stack", i).Add(time.Duration(1+r.intn(300)) * 24 * time.Hour))
			if s.LastUpdatedTime.After(c.v.e.now) {
				s.LastUpdatedTime = aws.Time(c.v.e.now.Add(-time.Duration(1+r.intn(48)) * time.Hour))
			}
		}
		switch x := m.intn(10); {
		case x < 3:
			s.DriftInformation = &cfntypes.StackDriftInformation{StackDriftStatus: cfntypes.StackDriftStatusDrifted, LastCheckTimestamp: aws.Time(c.v.e.now.Add(-time.Duration(1+m.intn(2000)) * time.Hour))}
		case x < 7:
			s.DriftInformation = &cfntypes.StackDriftInformation{StackDriftStatus: cfntypes.StackDriftStatusInSync, LastCheckTimestamp: aws.Time(c.v.e.now.Add(-time.Duration(1+m.intn(2000)) * time.Hour))}
		default:
			s.DriftInformation = &cfntypes.StackDriftInformation{StackDriftStatus: cfntypes.StackDriftStatusNotChecked}
		}
		if r.chance(0.5) {
			s.RoleARN = aws.String(c.roleOf(3, i))
		}
		if r.chance(0.4) {
			s.Capabilities = []cfntypes.Capability{cfntypes.CapabilityCapabilityIam}
			if r.chance(0.5) {
				s.Capabilities = append(s.Capabilities, cfntypes.CapabilityCapabilityNamedIam)
			}
		}
		for p := range r.intn(len(params) + 1) {
			s.Parameters = append(s.Parameters, cfntypes.Parameter{ParameterKey: aws.String(params[p]), ParameterValue: aws.String("****")})
		}
		for o := range r.intn(4) {
			s.Outputs = append(s.Outputs, cfntypes.Output{OutputKey: aws.String(fmt.Sprintf("Output%d", o+1)), OutputValue: aws.String(c.arn("sns", fmt.Sprintf("out-%04d-%d", i, o)))})
		}
		if i%6 == 5 && c.alive("cloudformation.stack", i-1) {
			s.ParentId, s.RootId = aws.String(c.stackARN(i-1)), aws.String(c.stackARN(i-1))
		}
		for _, t := range c.v.tagsOf(c.acct, c.region, "cloudformation.stack", i, "") {
			s.Tags = append(s.Tags, cfntypes.Tag{Key: aws.String(t.k), Value: aws.String(t.v)})
		}
		out.Stacks = append(out.Stacks, s)
	}
	return out, nil
}

// --- ElastiCache: 30% of replication groups are unencrypted at rest, 40%
// in transit; standalone clusters (Memcached, or old single-node Redis)
// are mostly unencrypted.

func (c *call) rgName(g int) string {
	return fmt.Sprintf("%s-%s-redis-%04d", c.rng("elasticache.replication-group", g).pick(apps), Accounts[c.acct].Env, g)
}

func (c *call) cacheClusterName(i int) string {
	if g := i / 2; g < c.n("elasticache.replication-group") {
		return fmt.Sprintf("%s-%03d", c.rgName(g), i)
	}
	return fmt.Sprintf("%s-cache-%04d", c.rng("elasticache.cluster", i).pick(apps), i)
}

func (c *call) cacheSubnetGroup(j int) string {
	if j == 0 {
		return "default"
	}
	return fmt.Sprintf("%s-cache-subnets-%02d", Accounts[c.acct].Env, j)
}

func (c *call) cacheSubnetGroupVPC(j int) int {
	if j == 0 {
		return 0
	}
	return c.appVPC(j)
}

type rgFacts struct {
	atRest, transit, auth, kms, sharded bool
	nodeType                            string
	retention                           int32
}

func (c *call) replicationGroup(g int) rgFacts {
	r := c.rng("elasticache.replication-group", g)
	f := rgFacts{atRest: !r.chance(0.3), transit: !r.chance(0.4), sharded: r.chance(0.2)}
	f.auth = f.transit && r.chance(0.6)
	f.kms = f.atRest && r.chance(0.3)
	f.nodeType = []string{"cache.t3.micro", "cache.t4g.small", "cache.m6g.large", "cache.r6g.large", "cache.r7g.xlarge"}[r.intn(5)]
	f.retention = int32([]int{0, 0, 1, 5, 7}[r.intn(5)])
	return f
}

func ecClusters(c *call) (any, error) {
	in := c.in.(*elasticache.DescribeCacheClustersInput)
	items, next := c.list("elasticache.cluster", in.Marker, in.MaxRecords, 100)
	out := &elasticache.DescribeCacheClustersOutput{Marker: next}
	nrg, nsg := c.n("elasticache.replication-group"), max(c.n("elasticache.subnet-group"), 1)
	for _, i := range items {
		r, m := c.rng("elasticache.cluster", i+1<<30), c.mut("elasticache.cluster", i)
		name := c.cacheClusterName(i)
		sg := i % nsg
		vpc := c.cacheSubnetGroupVPC(sg)
		cl := ectypes.CacheCluster{CacheClusterId: aws.String(name), ARN: aws.String(c.arn("elasticache", "cluster:"+name)),
			CacheClusterCreateTime: c.created("elasticache.cluster", i), CacheClusterStatus: aws.String("available"),
			CacheSubnetGroupName: aws.String(c.cacheSubnetGroup(sg)), PreferredAvailabilityZone: aws.String(c.az(i)),
			SecurityGroups:          []ectypes.SecurityGroupMembership{{SecurityGroupId: aws.String(c.vpcSG(vpc, i)), Status: aws.String("active")}},
			AutoMinorVersionUpgrade: aws.Bool(r.chance(0.7)), NumCacheNodes: aws.Int32(1), PreferredMaintenanceWindow: aws.String("sun:05:00-sun:06:00")}
		if m.chance(0.03) {
			cl.CacheClusterStatus = aws.String("modifying")
		}
		if g := i / 2; g < nrg {
			f := c.replicationGroup(g)
			cl.ReplicationGroupId = aws.String(c.rgName(g))
			cl.Engine, cl.EngineVersion, cl.CacheNodeType = aws.String("redis"), aws.String([]string{"6.2.6", "7.0.7", "7.1.0"}[g%3]), aws.String(f.nodeType)
			cl.AtRestEncryptionEnabled, cl.TransitEncryptionEnabled, cl.AuthTokenEnabled = aws.Bool(f.atRest), aws.Bool(f.transit), aws.Bool(f.auth)
			cl.SnapshotRetentionLimit = aws.Int32(f.retention)
		} else if r.chance(0.6) {
			cl.Engine, cl.EngineVersion, cl.CacheNodeType = aws.String("memcached"), aws.String("1.6.22"), aws.String("cache.t3.small")
			cl.NumCacheNodes = aws.Int32(int32(1 + r.intn(3)))
			cl.AtRestEncryptionEnabled, cl.TransitEncryptionEnabled, cl.AuthTokenEnabled = aws.Bool(false), aws.Bool(r.chance(0.2)), aws.Bool(false)
			cl.SnapshotRetentionLimit = aws.Int32(0)
		} else {
			cl.Engine, cl.EngineVersion, cl.CacheNodeType = aws.String("redis"), aws.String([]string{"5.0.6", "6.2.6"}[r.intn(2)]), aws.String("cache.t3.micro")
			cl.AtRestEncryptionEnabled, cl.TransitEncryptionEnabled, cl.AuthTokenEnabled = aws.Bool(r.chance(0.3)), aws.Bool(false), aws.Bool(false)
			cl.SnapshotRetentionLimit = aws.Int32(int32(r.intn(2)))
		}
		out.CacheClusters = append(out.CacheClusters, cl)
	}
	return out, nil
}

func ecReplicationGroups(c *call) (any, error) {
	in := c.in.(*elasticache.DescribeReplicationGroupsInput)
	items, next := c.list("elasticache.replication-group", in.Marker, in.MaxRecords, 100)
	out := &elasticache.DescribeReplicationGroupsOutput{Marker: next}
	for _, g := range items {
		f := c.replicationGroup(g)
		name := c.rgName(g)
		rg := ectypes.ReplicationGroup{ReplicationGroupId: aws.String(name), ARN: aws.String(c.arn("elasticache", "replicationgroup:"+name)),
			Description: aws.String("sessions and cache of " + name), Engine: aws.String("redis"), Status: aws.String("available"),
			CacheNodeType: aws.String(f.nodeType), ClusterEnabled: aws.Bool(f.sharded), ReplicationGroupCreateTime: c.created("elasticache.replication-group", g),
			AtRestEncryptionEnabled: aws.Bool(f.atRest), TransitEncryptionEnabled: aws.Bool(f.transit), AuthTokenEnabled: aws.Bool(f.auth),
			SnapshotRetentionLimit: aws.Int32(f.retention), AutomaticFailover: ectypes.AutomaticFailoverStatusDisabled, MultiAZ: ectypes.MultiAZStatusDisabled}
		var members []string
		for i := 2 * g; i < 2*g+2; i++ {
			if c.alive("elasticache.cluster", i) {
				members = append(members, c.cacheClusterName(i))
			}
		}
		rg.MemberClusters = members
		if len(members) > 1 {
			rg.AutomaticFailover, rg.MultiAZ = ectypes.AutomaticFailoverStatusEnabled, ectypes.MultiAZStatusEnabled
		}
		if len(members) == 0 {
			rg.Status = aws.String("creating")
		}
		shards := 1
		if f.sharded {
			shards = 3
		}
		for s := range shards {
			rg.NodeGroups = append(rg.NodeGroups, ectypes.NodeGroup{NodeGroupId: aws.String(fmt.Sprintf("%04d", s+1)), Status: aws.String("available")})
		}
		if f.kms {
			rg.KmsKeyId = aws.String(c.arn("kms", "key/"+c.uuid("kms.key", 0)))
		}
		out.ReplicationGroups = append(out.ReplicationGroups, rg)
	}
	return out, nil
}

func ecSubnetGroups(c *call) (any, error) {
	in := c.in.(*elasticache.DescribeCacheSubnetGroupsInput)
	items, next := c.list("elasticache.subnet-group", in.Marker, in.MaxRecords, 100)
	out := &elasticache.DescribeCacheSubnetGroupsOutput{Marker: next}
	for _, j := range items {
		name := c.cacheSubnetGroup(j)
		vpc := c.cacheSubnetGroupVPC(j)
		g := ectypes.CacheSubnetGroup{CacheSubnetGroupName: aws.String(name), ARN: aws.String(c.arn("elasticache", "subnetgroup:"+name)),
			CacheSubnetGroupDescription: aws.String("cache subnets of " + c.vpcName(vpc)), VpcId: c.vpcID(vpc), SupportedNetworkTypes: []ectypes.NetworkType{ectypes.NetworkTypeIpv4}}
		if j == 0 {
			g.CacheSubnetGroupDescription = aws.String("Default CacheSubnetGroup")
		}
		for _, s := range c.vpcSubnets(vpc, j, 3) {
			k, _ := decodeID(c.v.salt(c.acct, c.region, "ec2.subnet"), strings.TrimPrefix(s, "subnet-"))
			g.Subnets = append(g.Subnets, ectypes.Subnet{SubnetIdentifier: aws.String(s), SubnetAvailabilityZone: &ectypes.AvailabilityZone{Name: aws.String(c.az(k))}})
		}
		out.CacheSubnetGroups = append(out.CacheSubnetGroups, g)
	}
	return out, nil
}

func ecTags(c *call) (any, error) {
	a := aws.ToString(c.in.(*elasticache.ListTagsForResourceInput).ResourceName)
	kinds := map[string]string{"cluster": "elasticache.cluster", "replicationgroup": "elasticache.replication-group", "subnetgroup": "elasticache.subnet-group"}
	parts := strings.Split(a, ":")
	kind := ""
	if len(parts) == 7 {
		kind = kinds[parts[5]]
	}
	i, ok := trailingIndex(a)
	if strings.HasSuffix(a, ":subnetgroup:default") {
		i, ok = 0, true
	}
	if kind == "" || !ok || !c.alive(kind, i) {
		return nil, notFound("CacheClusterNotFound", "resource "+a+" not found")
	}
	out := &elasticache.ListTagsForResourceOutput{}
	for _, t := range c.v.tagsOf(c.acct, c.region, kind, i, "") {
		out.TagList = append(out.TagList, ectypes.Tag{Key: aws.String(t.k), Value: aws.String(t.v)})
	}
	return out, nil
}

// --- EFS: 20% unencrypted, 15% without any mount target (unused).

func efsFileSystems(c *call) (any, error) {
	in := c.in.(*efs.DescribeFileSystemsInput)
	items, next := c.list("efs.file-system", in.Marker, in.MaxItems, 100)
	out := &efs.DescribeFileSystemsOutput{NextMarker: next, Marker: in.Marker}
	for _, i := range items {
		r, m := c.rng("efs.file-system", i), c.mut("efs.file-system", i)
		id := c.id("efs.file-system", "fs", i)
		name := fmt.Sprintf("%s-%s-shared-%04d", r.pick(apps), Accounts[c.acct].Env, i)
		fs := efstypes.FileSystemDescription{FileSystemId: aws.String(id), FileSystemArn: aws.String(c.arn("elasticfilesystem", "file-system/"+id)),
			OwnerId: c.owner(), CreationToken: aws.String(c.uuid("efs.file-system", i)), CreationTime: c.created("efs.file-system", i),
			LifeCycleState: efstypes.LifeCycleStateAvailable, PerformanceMode: efstypes.PerformanceModeGeneralPurpose, ThroughputMode: efstypes.ThroughputModeBursting,
			Encrypted: aws.Bool(!r.chance(0.2)), SizeInBytes: &efstypes.FileSystemSize{Value: int64(6144 + r.intn(1<<30)*(1+m.intn(40))), Timestamp: aws.Time(c.v.e.now)},
			NumberOfMountTargets: int32(1 + r.intn(3))}
		if r.chance(0.15) {
			fs.NumberOfMountTargets = 0
		}
		if r.chance(0.1) {
			fs.AvailabilityZoneName, fs.AvailabilityZoneId = aws.String(c.az(i)), aws.String(fmt.Sprintf("use1-az%d", i%3+1))
			fs.NumberOfMountTargets = min(fs.NumberOfMountTargets, 1)
		}
		switch x := r.intn(10); {
		case x < 1:
			fs.PerformanceMode = efstypes.PerformanceModeMaxIo
		case x < 3:
			fs.ThroughputMode = efstypes.ThroughputModeElastic
		case x < 4:
			fs.ThroughputMode, fs.ProvisionedThroughputInMibps = efstypes.ThroughputModeProvisioned, aws.Float64(float64(64*(1+r.intn(8))))
		}
		if *fs.Encrypted {
			fs.KmsKeyId = aws.String(c.arn("kms", "key/"+c.uuid("kms.key", 0)))
		}
		for _, t := range c.v.tagsOf(c.acct, c.region, "efs.file-system", i, name) {
			fs.Tags = append(fs.Tags, efstypes.Tag{Key: aws.String(t.k), Value: aws.String(t.v)})
			if t.k == "Name" {
				fs.Name = aws.String(t.v)
			}
		}
		out.FileSystems = append(out.FileSystems, fs)
	}
	return out, nil
}

// --- API Gateway: ids are ten base-36 characters: four drawn from the
// index, then the index scrambled (invertible). 30% of REST stages log
// nothing, some log full requests (data trace); half have no access log.

const apiIDSpace = 2176782336 // 36^6

var apiIDMul, apiIDInv = int64(1000000007), new(big.Int).ModInverse(big.NewInt(1000000007), big.NewInt(apiIDSpace)).Int64()

func pad36(x int64, w int) string {
	s := strconv.FormatInt(x, 36)
	return strings.Repeat("0", max(w-len(s), 0)) + s
}

func (c *call) apiID(kind string, i int) string {
	salt := c.v.salt(c.acct, c.region, kind)
	return pad36(int64(mix(salt+uint64(i))%1679616), 4) + pad36((int64(i)*apiIDMul+int64(salt%apiIDSpace))%apiIDSpace, 6)
}

func (c *call) apiIndex(kind, id string) (int, bool) {
	if len(id) != 10 {
		return 0, false
	}
	x, err := strconv.ParseInt(id[4:], 36, 64)
	if err != nil {
		return 0, false
	}
	d := (x - int64(c.v.salt(c.acct, c.region, kind)%apiIDSpace)) % apiIDSpace
	if d < 0 {
		d += apiIDSpace
	}
	i := int(new(big.Int).Mod(new(big.Int).Mul(big.NewInt(d), big.NewInt(apiIDInv)), big.NewInt(apiIDSpace)).Int64())
	return i, c.apiID(kind, i) == id && c.alive(kind, i)
}

// webSocket says whether API i of API Gateway v2 is a WebSocket API.
func (c *call) webSocket(i int) bool { return c.rng("apigatewayv2.api", i+1<<31).chance(0.25) }

var stageNames = []string{"prod", "staging", "dev"}

func agRestAPIs(c *call) (any, error) {
	in := c.in.(*apigateway.GetRestApisInput)
	items, next := c.list("apigateway.rest-api", in.Position, in.Limit, 500)
	out := &apigateway.GetRestApisOutput{Position: next}
	for _, i := range items {
		r := c.rng("apigateway.rest-api", i)
		a := agtypes.RestApi{Id: aws.String(c.apiID("apigateway.rest-api", i)), Name: aws.String(fmt.Sprintf("%s-%s-api-%04d", r.pick(apps), Accounts[c.acct].Env, i)),
			Description: aws.String("REST API of the " + r.pick(projects) + " project"), CreatedDate: c.created("apigateway.rest-api", i),
			ApiKeySource: agtypes.ApiKeySourceTypeHeader, Version: aws.String(fmt.Sprintf("1.%d", c.v.version(c.acct, c.region, "apigateway.rest-api", i))),
			EndpointConfiguration: &agtypes.EndpointConfiguration{Types: []agtypes.EndpointType{agtypes.EndpointTypeRegional}}, Tags: c.tagMap("apigateway.rest-api", i, "")}
		switch x := r.intn(10); {
		case x < 3:
			a.EndpointConfiguration.Types = []agtypes.EndpointType{agtypes.EndpointTypeEdge}
		case x < 4 && c.n("ec2.vpc-endpoint") > 0:
			e := i % c.n("ec2.vpc-endpoint")
			if c.alive("ec2.vpc-endpoint", e) {
				a.EndpointConfiguration = &agtypes.EndpointConfiguration{Types: []agtypes.EndpointType{agtypes.EndpointTypePrivate}, VpcEndpointIds: []string{c.id("ec2.vpc-endpoint", "vpce", e)}}
				a.Policy = aws.String(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"execute-api:Invoke","Resource":"execute-api:/*"}]}`)
			}
		}
		if r.chance(0.15) {
			a.DisableExecuteApiEndpoint = true
		}
		out.Items = append(out.Items, a)
	}
	return out, nil
}

func agStages(c *call) (any, error) {
	in := c.in.(*apigateway.GetStagesInput)
	i, ok := c.apiIndex("apigateway.rest-api", aws.ToString(in.RestApiId))
	if !ok {
		return nil, notFound("NotFoundException", "Invalid API identifier specified "+Accounts[c.acct].ID+":"+aws.ToString(in.RestApiId))
	}
	r := c.rng("apigateway.rest-api", i+1<<30)
	out := &apigateway.GetStagesOutput{}
	for n := range 1 + r.intn(3) {
		m := c.v.rng(c.acct, c.region, "apigateway.rest-api", i, uint64(1+n)<<32+uint64(c.v.version(c.acct, c.region, "apigateway.rest-api", i)))
		s := agtypes.Stage{StageName: aws.String(stageNames[n]), DeploymentId: aws.String(m.hex(6)), Description: aws.String(stageNames[n] + " stage"),
			CreatedDate: c.created("apigateway.rest-api", i), LastUpdatedDate: aws.Time(c.v.e.now.Add(-time.Duration(1+m.intn(4000)) * time.Hour)),
			TracingEnabled: m.chance(0.3), CacheClusterEnabled: n == 0 && m.chance(0.1), Tags: c.tagMap("apigateway.rest-api", i, "")}
		if s.LastUpdatedDate.Before(*s.CreatedDate) {
			s.LastUpdatedDate = s.CreatedDate
		}
		level := []string{"OFF", "ERROR", "INFO"}[m.intn(3)]
		if level != "OFF" || m.chance(0.5) {
			s.MethodSettings = map[string]agtypes.MethodSetting{"*/*": {LoggingLevel: aws.String(level), DataTraceEnabled: level == "INFO" && m.chance(0.3),
				MetricsEnabled: m.chance(0.5), ThrottlingBurstLimit: 5000, ThrottlingRateLimit: 10000}}
		}
		if m.chance(0.5) {
			s.AccessLogSettings = &agtypes.AccessLogSettings{DestinationArn: aws.String(c.arn("logs", fmt.Sprintf("log-group:/aws/apigateway/%s/%s", aws.ToString(in.RestApiId), stageNames[n]))),
				Format: aws.String(`$context.requestId $context.status`)}
		}
		if n == 0 && m.chance(0.2) {
			s.WebAclArn = aws.String(c.arn("wafv2", "regional/webacl/edge-protection/"+c.uuid("wafv2", 0)))
		}
		out.Item = append(out.Item, s)
	}
	return out, nil
}

// --- API Gateway v2: HTTP APIs (75%) and WebSocket APIs.

func ag2APIs(c *call) (any, error) {
	in := c.in.(*apigatewayv2.GetApisInput)
	var asked *int32
	if n, err := strconv.Atoi(aws.ToString(in.MaxResults)); err == nil {
		asked = aws.Int32(int32(n))
	}
	items, next := c.list("apigatewayv2.api", in.NextToken, asked, 500)
	out := &apigatewayv2.GetApisOutput{NextToken: next}
	for _, i := range items {
		r := c.rng("apigatewayv2.api", i)
		id := c.apiID("apigatewayv2.api", i)
		a := ag2types.Api{ApiId: aws.String(id), Name: aws.String(fmt.Sprintf("%s-%s-http-%04d", r.pick(apps), Accounts[c.acct].Env, i)),
			ProtocolType: ag2types.ProtocolTypeHttp, ApiEndpoint: aws.String("https://" + id + ".execute-api." + c.region + ".amazonaws.com"),
			CreatedDate: c.created("apigatewayv2.api", i), Description: aws.String("API of the " + r.pick(projects) + " project"),
			RouteSelectionExpression: aws.String("${request.method} ${request.path}"), ApiKeySelectionExpression: aws.String("$request.header.x-api-key"),
			DisableExecuteApiEndpoint: aws.Bool(r.chance(0.1)), ApiGatewayManaged: aws.Bool(r.chance(0.05)), Tags: c.tagMap("apigatewayv2.api", i, "")}
		if c.webSocket(i) {
			a.Name = aws.String(fmt.Sprintf("%s-%s-ws-%04d", r.pick(apps), Accounts[c.acct].Env, i))
			a.ProtocolType, a.ApiEndpoint = ag2types.ProtocolTypeWebsocket, aws.String("wss://"+id+".execute-api."+c.region+".amazonaws.com")
			a.RouteSelectionExpression = aws.String("$request.body.action")
		}
		if r.chance(0.3) {
			a.Version = aws.String(fmt.Sprintf("v%d", 1+r.intn(3)))
		}
		out.Items = append(out.Items, a)
	}
	return out, nil
}

func ag2Stages(c *call) (any, error) {
	in := c.in.(*apigatewayv2.GetStagesInput)
	id := aws.ToString(in.ApiId)
	i, ok := c.apiIndex("apigatewayv2.api", id)
	if !ok {
		return nil, notFound("NotFoundException", "Invalid API identifier specified "+Accounts[c.acct].ID+":"+id)
	}
	ws := c.webSocket(i)
	names := []string{"$default"}
	if ws {
		names = []string{"production", "dev"}
	} else if c.rng("apigatewayv2.api", i+1<<30).chance(0.3) {
		names = append(names, "prod")
	}
	out := &apigatewayv2.GetStagesOutput{}
	for n, name := range names {
		m := c.v.rng(c.acct, c.region, "apigatewayv2.api", i, uint64(1+n)<<32+uint64(c.v.version(c.acct, c.region, "apigatewayv2.api", i)))
		s := ag2types.Stage{StageName: aws.String(name), DeploymentId: aws.String(m.hex(6)), AutoDeploy: aws.Bool(!ws),
			CreatedDate: c.created("apigatewayv2.api", i), LastUpdatedDate: c.created("apigatewayv2.api", i), Tags: c.tagMap("apigatewayv2.api", i, ""),
			DefaultRouteSettings: &ag2types.RouteSettings{DetailedMetricsEnabled: aws.Bool(m.chance(0.3))}}
		if name != "$default" {
			s.Description = aws.String(name + " stage")
		}
		if ws {
			s.DefaultRouteSettings.LoggingLevel = []ag2types.LoggingLevel{ag2types.LoggingLevelOff, ag2types.LoggingLevelError, ag2types.LoggingLevelInfo}[m.intn(3)]
			s.DefaultRouteSettings.DataTraceEnabled = aws.Bool(false)
		}
		if m.chance(0.5) {
			s.AccessLogSettings = &ag2types.AccessLogSettings{DestinationArn: aws.String(c.arn("logs", "log-group:/aws/apigateway/"+id+"/"+strings.TrimPrefix(name, "$"))),
				Format: aws.String(`{"requestId":"$context.requestId","status":"$context.status"}`)}
		}
		out.Items = append(out.Items, s)
	}
	return out, nil
}
