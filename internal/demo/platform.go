package demo

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/autoscaling"
	astypes "github.com/aws/aws-sdk-go-v2/service/autoscaling/types"
	ec2types "github.com/aws/aws-sdk-go-v2/service/ec2/types"
	"github.com/aws/aws-sdk-go-v2/service/ecr"
	ecrtypes "github.com/aws/aws-sdk-go-v2/service/ecr/types"
	"github.com/aws/aws-sdk-go-v2/service/ecs"
	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
	"github.com/aws/aws-sdk-go-v2/service/eks"
	ekstypes "github.com/aws/aws-sdk-go-v2/service/eks/types"
)

// Containers and compute platforms: ECR, ECS, EKS, EC2 Auto Scaling.
// Clusters and task definitions are stable (drift modifies them: a new
// task definition revision, a Kubernetes upgrade); services, node groups
// and Auto Scaling groups come and go. Members are found by index
// arithmetic: service s runs in ECS cluster s mod nClusters, node group n
// in EKS cluster n mod nClusters, Auto Scaling group g holds instances g,
// g+nGroups, g+2·nGroups...
func init() {
	kinds = append(kinds,
		&kind{name: "ecr.repository", weight: 0.8},
		&kind{name: "ecs.cluster", weight: 0.15, min: 1, max: 25, stable: true},
		&kind{name: "ecs.service", weight: 1.2, min: 1},
		&kind{name: "ecs.task-definition", weight: 1.5, min: 1, stable: true},
		&kind{name: "eks.cluster", weight: 0.06, min: 1, max: 8, stable: true},
		&kind{name: "eks.nodegroup", weight: 0.2, min: 1, max: 60},
		&kind{name: "autoscaling.group", weight: 0.5},
		&kind{name: "autoscaling.launch-configuration", weight: 0.3, max: 60},
	)
	for _, k := range kinds {
		kindByName[k.name] = k
	}
	register("ECR", map[string]handler{"DescribeRepositories": ecrRepositories, "GetLifecyclePolicy": ecrLifecycle, "ListTagsForResource": ecrTags})
	register("ECS", map[string]handler{"ListClusters": ecsListClusters, "DescribeClusters": ecsDescribeClusters, "ListServices": ecsListServices,
		"DescribeServices": ecsDescribeServices, "ListTaskDefinitions": ecsListTaskDefinitions, "DescribeTaskDefinition": ecsDescribeTaskDefinition})
	register("EKS", map[string]handler{"ListClusters": eksListClusters, "DescribeCluster": eksDescribeCluster, "ListNodegroups": eksListNodegroups, "DescribeNodegroup": eksDescribeNodegroup})
	register("Auto Scaling", map[string]handler{"DescribeAutoScalingGroups": asgGroups, "DescribeLaunchConfigurations": asgLaunchConfigurations})
}

// strided lists the live items owner, owner+stride, owner+2·stride... of
// kind (the members of one parent), from the position in token.
func (c *call) strided(kind string, owner, stride int, token *string, asked *int32, realistic int) ([]int, *string) {
	size := c.pageSize(realistic, asked)
	k := 0
	if t := deref(token); t != "" {
		k, _ = strconv.Atoi(strings.TrimPrefix(t, "demo-"))
	}
	_, limit := c.v.limit(c.acct, c.region, kind)
	stride = max(stride, 1)
	var items []int
	for ; owner+k*stride < limit; k++ {
		i := owner + k*stride
		if !c.alive(kind, i) {
			continue
		}
		if len(items) == size {
			return items, tok("demo-" + strconv.Itoa(k))
		}
		items = append(items, i)
	}
	return items, nil
}

// roleOf is an IAM role made for a use (an index of roleUses), spread by i.
func (c *call) roleOf(use, i int) string {
	nr := max(c.g("iam.role"), 1)
	r := (i%max(nr/len(roleUses), 1))*len(roleUses) + use
	if r >= nr {
		r = use % nr
	}
	return c.iamARN("iam.role", "/", iamName("iam.role", r))
}

// vpcSubnets are up to n subnets of VPC vpc, from the k-th on.
func (c *call) vpcSubnets(vpc, k, n int) []string {
	nv, ns := max(c.n("ec2.vpc"), 1), c.n("ec2.subnet")
	var out []string
	per := max((ns-vpc+nv-1)/nv, 1)
	for j := range min(n, per) {
		if s := vpc + ((k+j)%per)*nv; s < ns {
			out = append(out, c.subnetID(s))
		}
	}
	return out
}

// vpcSG is a security group of VPC vpc, chosen by k.
func (c *call) vpcSG(vpc, k int) string {
	nv := max(c.n("ec2.vpc"), 1)
	g := vpc + nv*(k%max(c.n("ec2.security-group")/nv, 1))
	if g >= c.n("ec2.security-group") {
		g = vpc
	}
	return c.sgID(g)
}

// appVPC is the VPC applications of item i run in: not the default one
// when there is another.
func (c *call) appVPC(i int) int {
	nv := max(c.n("ec2.vpc"), 1)
	if nv == 1 {
		return 0
	}
	return 1 + i%(nv-1)
}

// --- ECR: 45% without scan on push, 60% with mutable tags, 40% without a
// lifecycle policy.

func (c *call) repoName(i int) string {
	r := c.rng("ecr.repository", i)
	return fmt.Sprintf("%s/%s-%04d", r.pick(teams), r.pick(apps), i)
}

func (c *call) repoARN(i int) string { return c.arn("ecr", "repository/"+c.repoName(i)) }

func (c *call) repoURI(i int) string {
	return fmt.Sprintf("%s.dkr.ecr.%s.amazonaws.com/%s", Accounts[c.acct].ID, c.region, c.repoName(i))
}

func ecrRepositories(c *call) (any, error) {
	in := c.in.(*ecr.DescribeRepositoriesInput)
	items, next := c.list("ecr.repository", in.NextToken, in.MaxResults, 1000)
	out := &ecr.DescribeRepositoriesOutput{NextToken: next}
	for _, i := range items {
		r, m := c.rng("ecr.repository", i+1<<30), c.mut("ecr.repository", i)
		name := c.repoName(i)
		repo := ecrtypes.Repository{RepositoryName: aws.String(name), RepositoryArn: aws.String(c.repoARN(i)),
			RegistryId: c.owner(), RepositoryUri: aws.String(c.repoURI(i)), CreatedAt: c.created("ecr.repository", i),
			ImageScanningConfiguration: &ecrtypes.ImageScanningConfiguration{ScanOnPush: !m.chance(0.45)},
			ImageTagMutability:         ecrtypes.ImageTagMutabilityImmutable,
			EncryptionConfiguration:    &ecrtypes.EncryptionConfiguration{EncryptionType: ecrtypes.EncryptionTypeAes256}}
		if r.chance(0.6) {
			repo.ImageTagMutability = ecrtypes.ImageTagMutabilityMutable
		}
		if r.chance(0.2) {
			repo.EncryptionConfiguration = &ecrtypes.EncryptionConfiguration{EncryptionType: ecrtypes.EncryptionTypeKms, KmsKey: aws.String(c.arn("kms", "key/"+c.uuid("kms.key", 0)))}
		}
		out.Repositories = append(out.Repositories, repo)
	}
	return out, nil
}

func ecrLifecycle(c *call) (any, error) {
	in := c.in.(*ecr.GetLifecyclePolicyInput)
	name := aws.ToString(in.RepositoryName)
	i, err := c.index("ecr.repository", name, "RepositoryNotFoundException")
	if err != nil {
		return nil, err
	}
	if c.mut("ecr.repository", i+1<<30).chance(0.4) {
		return nil, notFound("LifecyclePolicyNotFoundException", "Lifecycle policy does not exist for the repository with name '"+name+"' in the registry with id '"+Accounts[c.acct].ID+"'")
	}
	return &ecr.GetLifecyclePolicyOutput{RepositoryName: in.RepositoryName, RegistryId: c.owner(), LastEvaluatedAt: c.created("ecr.repository", i),
		LifecyclePolicyText: aws.String(`{"rules":[{"rulePriority":1,"description":"keep 30 images","selection":{"tagStatus":"any","countType":"imageCountMoreThan","countNumber":30},"action":{"type":"expire"}}]}`)}, nil
}

func ecrTags(c *call) (any, error) {
	i, err := c.index("ecr.repository", aws.ToString(c.in.(*ecr.ListTagsForResourceInput).ResourceArn), "RepositoryNotFoundException")
	if err != nil {
		return nil, err
	}
	out := &ecr.ListTagsForResourceOutput{}
	for _, t := range c.v.tagsOf(c.acct, c.region, "ecr.repository", i, "") {
		out.Tags = append(out.Tags, ecrtypes.Tag{Key: aws.String(t.k), Value: aws.String(t.v)})
	}
	return out, nil
}

// --- ECS: task definitions run images of the region's ECR repositories;
// 8% have a privileged container, about half run as root, 65% have a
// writable root filesystem. 15% of services give their tasks a public IP.

func (c *call) ecsClusterName(k int) string {
	return fmt.Sprintf("%s-%s-%02d", Accounts[c.acct].Env, c.rng("ecs.cluster", k).pick(apps), k)
}

func (c *call) ecsClusterARN(k int) string { return c.arn("ecs", "cluster/"+c.ecsClusterName(k)) }

type taskDefFacts struct {
	family  string
	rev     int
	fargate bool
	awsvpc  bool
}

func (c *call) taskDef(j int) taskDefFacts {
	r := c.rng("ecs.task-definition", j)
	f := taskDefFacts{family: fmt.Sprintf("%s-%s-%04d", r.pick(apps), Accounts[c.acct].Env, j), fargate: r.chance(0.65)}
	f.rev = 1 + r.intn(40) + c.v.version(c.acct, c.region, "ecs.task-definition", j)
	f.awsvpc = f.fargate || r.chance(0.5)
	return f
}

func (c *call) taskDefARN(j int) string {
	f := c.taskDef(j)
	return c.arn("ecs", fmt.Sprintf("task-definition/%s:%d", f.family, f.rev))
}

type ecsServiceFacts struct {
	cluster, td     int
	name            string
	desired, active int
	vpc             int
}

func (c *call) ecsService(i int) ecsServiceFacts {
	r, m := c.rng("ecs.service", i), c.mut("ecs.service", i)
	f := ecsServiceFacts{cluster: i % max(c.n("ecs.cluster"), 1), td: r.intn(max(c.n("ecs.task-definition"), 1)), vpc: c.appVPC(i)}
	f.name = fmt.Sprintf("%s-svc-%04d", r.pick(apps), i)
	f.desired = []int{0, 1, 2, 2, 3, 4, 6}[m.intn(7)]
	f.active = f.desired
	if m.chance(0.1) && f.desired > 0 {
		f.active-- // a task keeps failing
	}
	return f
}

func ecsListClusters(c *call) (any, error) {
	in := c.in.(*ecs.ListClustersInput)
	items, next := c.list("ecs.cluster", in.NextToken, in.MaxResults, 100)
	out := &ecs.ListClustersOutput{NextToken: next}
	for _, k := range items {
		out.ClusterArns = append(out.ClusterArns, c.ecsClusterARN(k))
	}
	return out, nil
}

func ecsDescribeClusters(c *call) (any, error) {
	in := c.in.(*ecs.DescribeClustersInput)
	out := &ecs.DescribeClustersOutput{}
	nc := max(c.n("ecs.cluster"), 1)
	for _, a := range in.Clusters {
		k, ok := trailingIndex(a)
		if !ok || !c.alive("ecs.cluster", k) {
			out.Failures = append(out.Failures, ecstypes.Failure{Arn: aws.String(a), Reason: aws.String("MISSING")})
			continue
		}
		cl := ecstypes.Cluster{ClusterArn: aws.String(c.ecsClusterARN(k)), ClusterName: aws.String(c.ecsClusterName(k)), Status: aws.String("ACTIVE"),
			CapacityProviders: []string{"FARGATE", "FARGATE_SPOT"}}
		services, _ := c.strided("ecs.service", k, nc, nil, nil, 1<<30)
		for _, s := range services {
			f := c.ecsService(s)
			cl.ActiveServicesCount++
			cl.RunningTasksCount += int32(f.active)
			cl.PendingTasksCount += int32(f.desired - f.active)
			if !c.taskDef(f.td).fargate {
				cl.RegisteredContainerInstancesCount = 3
			}
		}
		insights := "disabled"
		if c.mut("ecs.cluster", k).chance(0.4) {
			insights = "enabled"
		}
		cl.Settings = []ecstypes.ClusterSetting{{Name: ecstypes.ClusterSettingNameContainerInsights, Value: aws.String(insights)}}
		for _, t := range c.v.tagsOf(c.acct, c.region, "ecs.cluster", k, "") {
			cl.Tags = append(cl.Tags, ecstypes.Tag{Key: aws.String(t.k), Value: aws.String(t.v)})
		}
		out.Clusters = append(out.Clusters, cl)
	}
	return out, nil
}

func ecsListServices(c *call) (any, error) {
	in := c.in.(*ecs.ListServicesInput)
	k, ok := trailingIndex(aws.ToString(in.Cluster))
	if !ok || !c.alive("ecs.cluster", k) {
		return nil, notFound("ClusterNotFoundException", "Cluster not found.")
	}
	items, next := c.strided("ecs.service", k, c.n("ecs.cluster"), in.NextToken, in.MaxResults, 100)
	out := &ecs.ListServicesOutput{NextToken: next}
	for _, i := range items {
		out.ServiceArns = append(out.ServiceArns, c.arn("ecs", "service/"+c.ecsClusterName(k)+"/"+c.ecsService(i).name))
	}
	return out, nil
}

func ecsDescribeServices(c *call) (any, error) {
	in := c.in.(*ecs.DescribeServicesInput)
	k, ok := trailingIndex(aws.ToString(in.Cluster))
	if !ok || !c.alive("ecs.cluster", k) {
		return nil, notFound("ClusterNotFoundException", "Cluster not found.")
	}
	out := &ecs.DescribeServicesOutput{}
	for _, a := range in.Services {
		i, ok := trailingIndex(a)
		if !ok || !c.alive("ecs.service", i) || i%max(c.n("ecs.cluster"), 1) != k {
			out.Failures = append(out.Failures, ecstypes.Failure{Arn: aws.String(a), Reason: aws.String("MISSING")})
			continue
		}
		f, r := c.ecsService(i), c.rng("ecs.service", i+1<<30)
		td := c.taskDef(f.td)
		s := ecstypes.Service{ServiceName: aws.String(f.name), ServiceArn: aws.String(c.arn("ecs", "service/"+c.ecsClusterName(k)+"/"+f.name)),
			ClusterArn: aws.String(c.ecsClusterARN(k)), Status: aws.String("ACTIVE"), SchedulingStrategy: ecstypes.SchedulingStrategyReplica,
			DesiredCount: int32(f.desired), RunningCount: int32(f.active), PendingCount: int32(f.desired - f.active),
			TaskDefinition: aws.String(c.taskDefARN(f.td)), CreatedAt: c.created("ecs.service", i), EnableExecuteCommand: r.chance(0.25),
			LaunchType: ecstypes.LaunchTypeEc2, CreatedBy: aws.String(c.roleOf(3, i))}
		if td.fargate {
			s.LaunchType, s.PlatformVersion = ecstypes.LaunchTypeFargate, aws.String("LATEST")
		}
		if td.awsvpc {
			public := ecstypes.AssignPublicIpDisabled
			if r.chance(0.15) {
				public = ecstypes.AssignPublicIpEnabled
			}
			s.NetworkConfiguration = &ecstypes.NetworkConfiguration{AwsvpcConfiguration: &ecstypes.AwsVpcConfiguration{
				Subnets: c.vpcSubnets(f.vpc, i, 2), SecurityGroups: []string{c.vpcSG(f.vpc, i)}, AssignPublicIp: public}}
		}
		for _, t := range c.v.tagsOf(c.acct, c.region, "ecs.service", i, "") {
			s.Tags = append(s.Tags, ecstypes.Tag{Key: aws.String(t.k), Value: aws.String(t.v)})
		}
		out.Services = append(out.Services, s)
	}
	return out, nil
}

func ecsListTaskDefinitions(c *call) (any, error) {
	in := c.in.(*ecs.ListTaskDefinitionsInput)
	items, next := c.list("ecs.task-definition", in.NextToken, in.MaxResults, 100)
	out := &ecs.ListTaskDefinitionsOutput{NextToken: next}
	for _, j := range items {
		out.TaskDefinitionArns = append(out.TaskDefinitionArns, c.taskDefARN(j))
	}
	return out, nil
}

var envNames = []string{"LOG_LEVEL", "PORT", "AWS_REGION", "DB_HOST", "QUEUE_URL", "FEATURE_FLAGS", "SENTRY_DSN", "JAVA_OPTS", "API_BASE_URL"}

func ecsDescribeTaskDefinition(c *call) (any, error) {
	in := c.in.(*ecs.DescribeTaskDefinitionInput)
	a := aws.ToString(in.TaskDefinition)
	family, rev, _ := strings.Cut(a[strings.LastIndex(a, "/")+1:], ":")
	j, ok := trailingIndex(family)
	if !ok || !c.alive("ecs.task-definition", j) || (rev != "" && rev != strconv.Itoa(c.taskDef(j).rev)) {
		return nil, notFound("ClientException", "Unable to describe task definition.")
	}
	f, r, m := c.taskDef(j), c.rng("ecs.task-definition", j+1<<30), c.mut("ecs.task-definition", j)
	td := &ecstypes.TaskDefinition{TaskDefinitionArn: aws.String(c.taskDefARN(j)), Family: aws.String(f.family), Revision: int32(f.rev),
		Status: ecstypes.TaskDefinitionStatusActive, NetworkMode: ecstypes.NetworkModeBridge, RegisteredAt: c.created("ecs.task-definition", j),
		TaskRoleArn: aws.String(c.roleOf(1, j)), ExecutionRoleArn: aws.String(c.roleOf(1, j+1)),
		Cpu: aws.String([]string{"256", "512", "1024", "2048"}[r.intn(4)]), Memory: aws.String([]string{"512", "1024", "2048", "4096"}[r.intn(4)]),
		RequiresCompatibilities: []ecstypes.Compatibility{ecstypes.CompatibilityEc2}}
	if f.fargate {
		td.RequiresCompatibilities = []ecstypes.Compatibility{ecstypes.CompatibilityFargate}
	}
	if f.awsvpc {
		td.NetworkMode = ecstypes.NetworkModeAwsvpc
	}
	nr := max(c.n("ecr.repository"), 1)
	for n := range 1 + r.intn(2) {
		name, image := "app", c.repoURI((j+n)%nr)+":"+fmt.Sprintf("v1.%d.%d", f.rev, r.intn(10))
		if n == 1 {
			name, image = "log-router", "public.ecr.aws/aws-observability/aws-for-fluent-bit:stable"
		}
		cd := ecstypes.ContainerDefinition{Name: aws.String(name), Image: aws.String(image), Essential: aws.Bool(n == 0),
			Privileged: aws.Bool(n == 0 && !f.fargate && r.chance(0.15)), ReadonlyRootFilesystem: aws.Bool(m.chance(0.35)),
			PortMappings: []ecstypes.PortMapping{{ContainerPort: aws.Int32(8080), Protocol: ecstypes.TransportProtocolTcp}}}
		switch x := r.intn(10); {
		case x < 4: // unset: the image's default user, root
		case x < 5:
			cd.User = aws.String("root")
		case x < 6:
			cd.User = aws.String("0")
		default:
			cd.User = aws.String("1000:1000")
		}
		if n == 0 {
			for e := range 2 + r.intn(4) {
				cd.Environment = append(cd.Environment, ecstypes.KeyValuePair{Name: aws.String(envNames[(j+e)%len(envNames)])})
			}
			if r.chance(0.5) {
				cd.Secrets = []ecstypes.Secret{{Name: aws.String("DB_PASSWORD"), ValueFrom: aws.String(c.arn("secretsmanager", "secret:"+Accounts[c.acct].Env+"/db-password"))}}
			}
		}
		td.ContainerDefinitions = append(td.ContainerDefinitions, cd)
	}
	out := &ecs.DescribeTaskDefinitionOutput{TaskDefinition: td}
	for _, t := range c.v.tagsOf(c.acct, c.region, "ecs.task-definition", j, "") {
		out.Tags = append(out.Tags, ecstypes.Tag{Key: aws.String(t.k), Value: aws.String(t.v)})
	}
	return out, nil
}

// --- EKS: 60% of clusters have a public endpoint (most open to the
// world), 45% do not encrypt secrets, a third log nothing.

var k8sVersions = []string{"1.27", "1.28", "1.29", "1.30", "1.31", "1.32"}

func (c *call) eksName(k int) string {
	return fmt.Sprintf("%s-%s-eks-%02d", Accounts[c.acct].Env, c.rng("eks.cluster", k).pick(teams), k)
}

func (c *call) eksVersion(k int) string {
	r := c.rng("eks.cluster", k)
	return k8sVersions[min(r.intn(len(k8sVersions)-1)+c.v.version(c.acct, c.region, "eks.cluster", k)%2, len(k8sVersions)-1)]
}

func eksListClusters(c *call) (any, error) {
	in := c.in.(*eks.ListClustersInput)
	items, next := c.list("eks.cluster", in.NextToken, in.MaxResults, 100)
	out := &eks.ListClustersOutput{NextToken: next}
	for _, k := range items {
		out.Clusters = append(out.Clusters, c.eksName(k))
	}
	return out, nil
}

func (c *call) eksCluster(name string) (int, error) {
	k, ok := trailingIndex(name)
	if !ok || !c.alive("eks.cluster", k) || c.eksName(k) != name {
		return 0, notFound("ResourceNotFoundException", "No cluster found for name: "+name+".")
	}
	return k, nil
}

func eksDescribeCluster(c *call) (any, error) {
	name := aws.ToString(c.in.(*eks.DescribeClusterInput).Name)
	k, err := c.eksCluster(name)
	if err != nil {
		return nil, err
	}
	r, m := c.rng("eks.cluster", k+1<<30), c.mut("eks.cluster", k)
	vpc := c.appVPC(k)
	cl := &ekstypes.Cluster{Name: aws.String(name), Arn: aws.String(c.arn("eks", "cluster/"+name)), CreatedAt: c.created("eks.cluster", k),
		Version: aws.String(c.eksVersion(k)), PlatformVersion: aws.String(fmt.Sprintf("eks.%d", 1+m.intn(12))), Status: ekstypes.ClusterStatusActive,
		Endpoint: aws.String(fmt.Sprintf("https://%s.gr7.%s.eks.amazonaws.com", strings.ToUpper(r.hex(32)), c.region)),
		RoleArn:  aws.String(c.roleOf(7, k)), Tags: c.tagMap("eks.cluster", k, ""),
		ResourcesVpcConfig: &ekstypes.VpcConfigResponse{VpcId: c.vpcID(vpc), SubnetIds: c.vpcSubnets(vpc, 0, 3),
			SecurityGroupIds: []string{c.vpcSG(vpc, k+1)}, ClusterSecurityGroupId: aws.String(c.vpcSG(vpc, k+2)), EndpointPrivateAccess: true}}
	if r.chance(0.6) {
		cl.ResourcesVpcConfig.EndpointPublicAccess = true
		cl.ResourcesVpcConfig.PublicAccessCidrs = []string{"0.0.0.0/0"}
		if r.chance(0.25) {
			cl.ResourcesVpcConfig.PublicAccessCidrs = []string{"203.0.113.0/24"}
		}
	}
	if !r.chance(0.45) {
		cl.EncryptionConfig = []ekstypes.EncryptionConfig{{Resources: []string{"secrets"}, Provider: &ekstypes.Provider{KeyArn: aws.String(c.arn("kms", "key/"+c.uuid("kms.key", 0)))}}}
	}
	logging := &ekstypes.Logging{ClusterLogging: []ekstypes.LogSetup{{Enabled: aws.Bool(false),
		Types: []ekstypes.LogType{ekstypes.LogTypeApi, ekstypes.LogTypeAudit, ekstypes.LogTypeAuthenticator, ekstypes.LogTypeControllerManager, ekstypes.LogTypeScheduler}}}}
	if !m.chance(0.33) {
		logging.ClusterLogging = []ekstypes.LogSetup{{Enabled: aws.Bool(true), Types: []ekstypes.LogType{ekstypes.LogTypeApi, ekstypes.LogTypeAudit}},
			{Enabled: aws.Bool(false), Types: []ekstypes.LogType{ekstypes.LogTypeAuthenticator, ekstypes.LogTypeControllerManager, ekstypes.LogTypeScheduler}}}
	}
	cl.Logging = logging
	return &eks.DescribeClusterOutput{Cluster: cl}, nil
}

func (c *call) nodegroupName(n int) string {
	return fmt.Sprintf("ng-%s-%04d", c.rng("eks.nodegroup", n).pick(apps), n)
}

func eksListNodegroups(c *call) (any, error) {
	in := c.in.(*eks.ListNodegroupsInput)
	k, err := c.eksCluster(aws.ToString(in.ClusterName))
	if err != nil {
		return nil, err
	}
	items, next := c.strided("eks.nodegroup", k, c.n("eks.cluster"), in.NextToken, in.MaxResults, 100)
	out := &eks.ListNodegroupsOutput{NextToken: next}
	for _, n := range items {
		out.Nodegroups = append(out.Nodegroups, c.nodegroupName(n))
	}
	return out, nil
}

func eksDescribeNodegroup(c *call) (any, error) {
	in := c.in.(*eks.DescribeNodegroupInput)
	cluster, name := aws.ToString(in.ClusterName), aws.ToString(in.NodegroupName)
	k, err := c.eksCluster(cluster)
	if err != nil {
		return nil, err
	}
	n, ok := trailingIndex(name)
	if !ok || !c.alive("eks.nodegroup", n) || n%max(c.n("eks.cluster"), 1) != k {
		return nil, notFound("ResourceNotFoundException", "No node group found for name: "+name+".")
	}
	r, m := c.rng("eks.nodegroup", n+1<<30), c.mut("eks.nodegroup", n)
	minSize := int32(1 + r.intn(3))
	desired := minSize + int32(m.intn(4))
	ng := &ekstypes.Nodegroup{NodegroupName: aws.String(name), ClusterName: aws.String(cluster), CreatedAt: c.created("eks.nodegroup", n),
		NodegroupArn: aws.String(c.arn("eks", "nodegroup/"+cluster+"/"+name+"/"+c.uuid("eks.nodegroup", n))),
		Status:       ekstypes.NodegroupStatusActive, Version: aws.String(c.eksVersion(k)), CapacityType: ekstypes.CapacityTypesOnDemand,
		InstanceTypes: []string{[]string{"m5.large", "m6i.xlarge", "c6i.2xlarge", "r6i.large", "t3.large"}[r.intn(5)]},
		AmiType:       ekstypes.AMITypesAl2023X8664Standard, NodeRole: aws.String(c.roleOf(7, n+1)), Subnets: c.vpcSubnets(c.appVPC(k), n, 3),
		ScalingConfig: &ekstypes.NodegroupScalingConfig{MinSize: aws.Int32(minSize), DesiredSize: aws.Int32(desired), MaxSize: aws.Int32(desired + 4)},
		Tags:          c.tagMap("eks.nodegroup", n, "")}
	if r.chance(0.3) {
		ng.CapacityType = ekstypes.CapacityTypesSpot
	}
	if m.chance(0.05) {
		ng.Status = ekstypes.NodegroupStatusDegraded
	}
	return &eks.DescribeNodegroupOutput{Nodegroup: ng}, nil
}

// --- Auto Scaling: group g (of the base groups) holds the live instances
// g, g+n, g+2n... (n the base number of groups), in their subnets; groups
// added by drift are new and empty. A quarter use a launch configuration
// (60% of which allow IMDSv1), the others a launch template. Most register
// with an instance target group of their VPC (elbv2, network.go), a few
// with a classic load balancer.

func (c *call) asgName(g int) string {
	return fmt.Sprintf("%s-%s-asg-%04d", c.rng("autoscaling.group", g).pick(apps), Accounts[c.acct].Env, g)
}

func (c *call) lcName(l int) string {
	return fmt.Sprintf("%s-lc-%04d", c.rng("autoscaling.launch-configuration", l).pick(apps), l)
}

func asgGroups(c *call) (any, error) {
	in := c.in.(*autoscaling.DescribeAutoScalingGroupsInput)
	items, next := c.list("autoscaling.group", in.NextToken, in.MaxRecords, 100)
	out := &autoscaling.DescribeAutoScalingGroupsOutput{NextToken: next}
	base, nlc, nlt := c.n("autoscaling.group"), c.n("autoscaling.launch-configuration"), c.n("ec2.launch-template")
	for _, g := range items {
		r, m := c.rng("autoscaling.group", g+1<<30), c.mut("autoscaling.group", g)
		name := c.asgName(g)
		planned := 0
		if g < base {
			planned = 1 + r.intn(4)
		}
		grp := astypes.AutoScalingGroup{AutoScalingGroupName: aws.String(name), CreatedTime: c.created("autoscaling.group", g),
			AutoScalingGroupARN: aws.String(c.arn("autoscaling", "autoScalingGroup:"+c.uuid("autoscaling.group", g)+":autoScalingGroupName/"+name)),
			MinSize:             aws.Int32(int32(min(planned, 1))), MaxSize: aws.Int32(int32(planned + 2 + m.intn(4))), DesiredCapacity: aws.Int32(int32(planned)),
			DefaultCooldown: aws.Int32(300), HealthCheckType: aws.String("EC2"), HealthCheckGracePeriod: aws.Int32(300)}
		subnets, azs, firstSubnet := []string{}, []string{}, -1
		add := func(s int) {
			if firstSubnet < 0 {
				firstSubnet = s
			}
			id := c.subnetID(s)
			for _, x := range subnets {
				if x == id {
					return
				}
			}
			subnets, azs = append(subnets, id), append(azs, c.az(s))
		}
		for k := range planned {
			i := g + k*base
			if !c.alive("ec2.instance", i) {
				continue
			}
			f := c.instance(i)
			if f.state == ec2types.InstanceStateNameTerminated {
				continue
			}
			add(f.subnet)
			health := "Healthy"
			if f.state != ec2types.InstanceStateNameRunning {
				health = "Unhealthy"
			}
			grp.Instances = append(grp.Instances, astypes.Instance{InstanceId: aws.String(c.instanceID(i)), InstanceType: aws.String(f.itype),
				AvailabilityZone: aws.String(c.az(f.subnet)), LifecycleState: astypes.LifecycleStateInService, HealthStatus: aws.String(health),
				ProtectedFromScaleIn: aws.Bool(false)})
		}
		if len(subnets) == 0 && c.n("ec2.subnet") > 0 {
			add(g % c.n("ec2.subnet"))
		}
		grp.VPCZoneIdentifier, grp.AvailabilityZones = aws.String(strings.Join(subnets, ",")), azs
		if tg := c.asgTargetGroup(g, firstSubnet); tg >= 0 {
			grp.TargetGroupARNs, grp.HealthCheckType = []string{c.tgARN(tg)}, aws.String("ELB")
		}
		if nclb := c.n("elb.load-balancer"); nclb > 0 && r.chance(0.1) && c.alive("elb.load-balancer", g%nclb) {
			grp.LoadBalancerNames = []string{c.clbName(g % nclb)}
		}
		if l := g % max(nlt, 1); nlt > 0 && c.alive("ec2.launch-template", l) && !(nlc > 0 && r.chance(0.25)) {
			lr := c.rng("ec2.launch-template", l)
			lr.intn(5)
			grp.LaunchTemplate = &astypes.LaunchTemplateSpecification{LaunchTemplateId: aws.String(c.id("ec2.launch-template", "lt", l)),
				LaunchTemplateName: aws.String(nameOf(lr, "lt", l)), Version: aws.String([]string{"$Latest", "$Default", "1"}[r.intn(3)])}
		} else if nlc > 0 {
			grp.LaunchConfigurationName = aws.String(c.lcName(g % nlc))
		}
		for _, t := range c.v.tagsOf(c.acct, c.region, "autoscaling.group", g, "") {
			grp.Tags = append(grp.Tags, astypes.TagDescription{Key: aws.String(t.k), Value: aws.String(t.v), ResourceId: aws.String(name),
				ResourceType: aws.String("auto-scaling-group"), PropagateAtLaunch: aws.Bool(true)})
		}
		out.AutoScalingGroups = append(out.AutoScalingGroups, grp)
	}
	return out, nil
}

// asgTargetGroup is a live instance target group (elbv2) of the VPC of
// subnet s that group g registers with (about 60% do), or -1.
func (c *call) asgTargetGroup(g, s int) int {
	ntg := c.n("elbv2.target-group")
	if ntg == 0 || s < 0 || !c.rng("autoscaling.group", g+1<<31).chance(0.6) {
		return -1
	}
	for t := range 8 {
		j := (g*3 + t) % ntg
		if !c.alive("elbv2.target-group", j) {
			continue
		}
		if f := c.tg(j); !f.ip && f.vpc == c.vpcOf(s) {
			return j
		}
	}
	return -1
}

func asgLaunchConfigurations(c *call) (any, error) {
	in := c.in.(*autoscaling.DescribeLaunchConfigurationsInput)
	items, next := c.list("autoscaling.launch-configuration", in.NextToken, in.MaxRecords, 100)
	out := &autoscaling.DescribeLaunchConfigurationsOutput{NextToken: next}
	for _, l := range items {
		r := c.rng("autoscaling.launch-configuration", l+1<<30)
		name := c.lcName(l)
		vpc := c.appVPC(l)
		lc := astypes.LaunchConfiguration{LaunchConfigurationName: aws.String(name), CreatedTime: c.created("autoscaling.launch-configuration", l),
			LaunchConfigurationARN: aws.String(c.arn("autoscaling", "launchConfiguration:"+c.uuid("autoscaling.launch-configuration", l)+":launchConfigurationName/"+name)),
			ImageId:                aws.String(c.id("ec2.ami", "ami", r.intn(max(c.n("ec2.ami"), 1)))), InstanceType: aws.String(instanceTypes[r.intn(len(instanceTypes))]),
			KeyName: aws.String(c.keyName(r.intn(max(c.n("ec2.key-pair"), 1)))), SecurityGroups: []string{c.vpcSG(vpc, l)},
			IamInstanceProfile: aws.String(c.profileARN(l)), EbsOptimized: aws.Bool(r.chance(0.5)), AssociatePublicIpAddress: aws.Bool(r.chance(0.3)),
			InstanceMonitoring: &astypes.InstanceMonitoring{Enabled: aws.Bool(r.chance(0.3))},
			MetadataOptions:    &astypes.InstanceMetadataOptions{HttpTokens: astypes.InstanceMetadataHttpTokensStateRequired, HttpEndpoint: astypes.InstanceMetadataEndpointStateEnabled}}
		if r.chance(0.6) {
			lc.MetadataOptions.HttpTokens = astypes.InstanceMetadataHttpTokensStateOptional
		}
		out.LaunchConfigurations = append(out.LaunchConfigurations, lc)
	}
	return out, nil
}
