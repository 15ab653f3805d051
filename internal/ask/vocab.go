package ask

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/awsmap/awsmap/internal/model"
)

// Catalog is the vocabulary ask understands: every service, type and
// documented field of the type catalog, plus the curated synonyms. A type or
// field added to the catalog is askable without touching this package.
type Catalog struct {
	types    []model.TypeInfo
	services map[string][]int // service → type indexes
	phrases  []phrase         // longest first
	words    map[string]bool  // every word ask knows, for typo correction

	examplesOnce sync.Once
	examples     []Example
}

// phrase is a run of words naming one or more types.
type phrase struct {
	words []string // stems
	types []int
	label string // how the interpretation names them ("" → from the types)
	bare  bool   // a type's own words without its service: ambiguous across services
}

var fieldNameRE = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)

// NewCatalog indexes types. Types or fields whose names are not plain
// snake_case identifiers are skipped: their names go into SQL.
func NewCatalog(types []model.TypeInfo) *Catalog {
	c := &Catalog{services: map[string][]int{}, words: map[string]bool{}}
	for _, t := range types {
		if !fieldNameRE.MatchString(strings.ReplaceAll(t.Service, "-", "_")) || !fieldNameRE.MatchString(strings.ReplaceAll(t.Type, "-", "_")) {
			continue
		}
		var fields []model.Field
		for _, f := range t.Fields {
			if fieldNameRE.MatchString(f.Name) {
				fields = append(fields, f)
			}
		}
		t.Fields = fields
		c.services[t.Service] = append(c.services[t.Service], len(c.types))
		c.types = append(c.types, t)
	}
	c.buildPhrases()
	for _, p := range c.phrases {
		for _, w := range p.words {
			c.words[w] = true
		}
	}
	for _, t := range c.types {
		for _, f := range t.Fields {
			for _, w := range strings.Split(f.Name, "_") {
				c.words[w] = true
			}
			for _, v := range enumValues(f) {
				c.words[v] = true
			}
		}
	}
	for _, list := range []map[string]bool{stopWords, grammarWords} {
		for w := range list {
			c.words[w] = true
		}
	}
	for w := range conceptWords {
		c.words[w] = true
	}
	for _, m := range []map[string][]string{families, environments} {
		for w := range m {
			c.words[w] = true
		}
	}
	for w := range months {
		c.words[w] = true
	}
	for w := range unitFactor {
		c.words[w] = true
	}
	for w := range timeVerbs {
		c.words[w] = true
	}
	return c
}

func typeWords(t string) []string {
	var out []string
	for _, w := range strings.Split(t, "-") {
		out = append(out, stem(w))
	}
	return out
}

// buildPhrases derives type phrases from the catalog: "<service> <type
// words>", "<service> <unique suffix of the type words>", the bare type
// words, the service alone (all its types), then adds the synonyms.
func (c *Catalog) buildPhrases() {
	add := func(words []string, types []int, label string, bare bool) {
		c.phrases = append(c.phrases, phrase{words: words, types: types, label: label, bare: bare})
	}
	bare := map[string][]int{}
	for svc, idx := range c.services {
		add([]string{svc}, idx, "", false)
		for _, i := range idx {
			tw := typeWords(c.types[i].Type)
			add(append([]string{svc}, tw...), []int{i}, "", false)
			for k := 1; k < len(tw); k++ {
				suffix := tw[k:]
				unique := true
				for _, j := range idx {
					if j != i && hasSuffixWords(typeWords(c.types[j].Type), suffix) {
						unique = false
					}
				}
				if unique {
					add(append([]string{svc}, suffix...), []int{i}, "", false)
				}
			}
			key := strings.Join(tw, " ")
			bare[key] = append(bare[key], i)
		}
	}
	for key, idx := range bare {
		slices.Sort(idx) // catalog order, whatever the map's
		add(strings.Fields(key), idx, "", len(idx) > 1)
	}
	for _, s := range synonyms {
		var idx []int
		for _, ref := range s.types {
			if i := c.typeIndex(ref); i >= 0 {
				idx = append(idx, i)
			}
		}
		if len(idx) == 0 {
			continue
		}
		for _, form := range strings.Split(s.phrase, "|") {
			add(stems(strings.Fields(form)), idx, s.label, false)
		}
	}
	// A synonym replaces a derived phrase of the same words ("lambda" means
	// functions, not every Lambda type). When it replaces a bare type word
	// several services share ("snapshots"), it is that word's everyday
	// meaning, and the label says which types were left out.
	seen := map[string]int{}
	shared := map[string][]int{} // bare words several services share → their types
	var kept []phrase
	for _, p := range c.phrases {
		key := strings.Join(p.words, " ")
		if i, dup := seen[key]; dup {
			if kept[i].bare {
				shared[key] = kept[i].types
			}
			if types, ok := shared[key]; ok {
				p.label = c.everydayLabel(p, types)
			}
			kept[i] = p
			continue
		}
		seen[key] = len(kept)
		kept = append(kept, p)
	}
	c.phrases = kept
	sort.SliceStable(c.phrases, func(i, j int) bool {
		if len(c.phrases[i].words) != len(c.phrases[j].words) {
			return len(c.phrases[i].words) > len(c.phrases[j].words)
		}
		return strings.Join(c.phrases[i].words, " ") < strings.Join(c.phrases[j].words, " ")
	})
}

// everydayLabel names what synonym p reads and the types of the shared
// word it leaves out: "EC2 snapshots (not Redshift snapshots: name the
// service for those)".
func (c *Catalog) everydayLabel(p phrase, shared []int) string {
	label := p.label
	if label == "" {
		label = c.typeLabel(p.types[0])
	}
	var left []string
	for _, i := range shared {
		if !slices.Contains(p.types, i) {
			left = append(left, c.typeLabel(i))
		}
	}
	if len(left) == 0 {
		return p.label
	}
	return label + " (not " + joinWords(left, "or") + ": name the service for those)"
}

func stems(ws []string) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = stem(w)
	}
	return out
}

func hasSuffixWords(ws, suffix []string) bool {
	if len(suffix) > len(ws) {
		return false
	}
	off := len(ws) - len(suffix)
	for i := range suffix {
		if ws[off+i] != suffix[i] {
			return false
		}
	}
	return true
}

// typeIndex finds "service/type" in the catalog (-1 when absent).
func (c *Catalog) typeIndex(ref string) int {
	svc, typ, _ := strings.Cut(ref, "/")
	for _, i := range c.services[svc] {
		if c.types[i].Type == typ {
			return i
		}
	}
	return -1
}

// field returns the field name of type i, if it has it.
func (c *Catalog) field(i int, name string) (model.Field, bool) {
	for _, f := range c.types[i].Fields {
		if f.Name == name {
			return f, true
		}
	}
	return model.Field{}, false
}

// serviceNames gives services their usual written names.
var serviceNames = map[string]string{
	"ec2": "EC2", "s3": "S3", "iam": "IAM", "kms": "KMS", "secretsmanager": "Secrets Manager", "ssm": "SSM",
	"acm": "ACM", "rds": "RDS", "lambda": "Lambda", "elbv2": "ELBv2", "elb": "classic ELB", "dynamodb": "DynamoDB",
	"sqs": "SQS", "sns": "SNS", "logs": "CloudWatch Logs", "cloudwatch": "CloudWatch", "events": "EventBridge",
	"cloudtrail": "CloudTrail", "ecr": "ECR", "ecs": "ECS", "eks": "EKS", "autoscaling": "Auto Scaling",
	"cloudformation": "CloudFormation", "elasticache": "ElastiCache", "efs": "EFS", "route53": "Route 53",
	"route53resolver": "Route 53 Resolver", "cloudfront": "CloudFront", "apigateway": "API Gateway",
	"apigatewayv2": "API Gateway v2", "organizations": "Organizations", "redshift": "Redshift", "kafka": "MSK",
	"glue": "Glue", "sfn": "Step Functions", "athena": "Athena", "mq": "Amazon MQ", "emr": "EMR", "guardduty": "GuardDuty",
	"wafv2": "WAF", "backup": "AWS Backup", "config": "AWS Config",
	"docdb": "DocumentDB", "neptune": "Neptune", "opensearch": "OpenSearch", "opensearchserverless": "OpenSearch Serverless",
	"memorydb": "MemoryDB", "dax": "DAX", "fsx": "FSx", "sesv2": "SES", "transfer": "Transfer Family",
	"sso-admin": "IAM Identity Center", "identitystore": "Identity Store", "inspector2": "Inspector", "macie2": "Macie",
	"ds": "Directory Service", "cloudhsmv2": "CloudHSM", "ram": "RAM", "shield": "Shield", "sagemaker": "SageMaker",
	"bedrock": "Bedrock", "bedrock-agent": "Bedrock Agents", "dms": "DMS", "workspaces": "WorkSpaces", "iot": "IoT Core",
	"xray": "X-Ray", "amp": "Managed Prometheus", "grafana": "Managed Grafana", "ce": "Cost Explorer", "budgets": "Budgets",
	"kinesisanalyticsv2": "Managed Flink", "kinesisvideo": "Kinesis Video Streams", "application-autoscaling": "Application Auto Scaling",
	"cognito-idp": "Cognito", "cognito-identity": "Cognito identity", "acm-pca": "Private CA", "kinesis": "Kinesis",
	"firehose": "Firehose", "codebuild": "CodeBuild", "scheduler": "EventBridge Scheduler", "securityhub": "Security Hub",
	"pipes": "EventBridge Pipes", "resource-groups": "Resource Groups", "signer": "Signer",
	"imagebuilder": "Image Builder", "gamelift": "GameLift", "mediaconvert": "MediaConvert", "textract": "Textract",
	"appmesh": "App Mesh", "health": "AWS Health", "iotsitewise": "IoT SiteWise", "location": "Amazon Location",
}

// ServiceLabel is how a service is usually written (EC2, Secrets Manager).
func ServiceLabel(svc string) string { return serviceLabel(svc) }

func serviceLabel(svc string) string {
	if n, ok := serviceNames[svc]; ok {
		return n
	}
	return svc
}

// typeLabel names type i in the plural: "EC2 instances".
func (c *Catalog) typeLabel(i int) string {
	t := c.types[i]
	return serviceLabel(t.Service) + " " + plural(strings.ReplaceAll(t.Type, "-", " "))
}

func plural(s string) string {
	switch {
	case strings.HasSuffix(s, "settings"), strings.HasSuffix(s, "series"):
		return s
	case strings.HasSuffix(s, "y") && !strings.HasSuffix(s, "ey") && !strings.HasSuffix(s, "ay"):
		return s[:len(s)-1] + "ies"
	case strings.HasSuffix(s, "s"), strings.HasSuffix(s, "x"), strings.HasSuffix(s, "sh"), strings.HasSuffix(s, "ch"):
		return s + "es"
	}
	return s + "s"
}

// synonym is a curated name for types the catalog names otherwise. Forms
// are separated by |; every form is tested (TestSynonyms).
type synonym struct {
	phrase string
	types  []string
	label  string
}

var synonyms = []synonym{
	{"database|databases|db|dbs|rds database|rds databases", []string{"rds/db-instance", "rds/db-cluster"}, "RDS DB instances and clusters"},
	{"rds instance|database instance|db instance", []string{"rds/db-instance"}, ""},
	{"rds cluster|database cluster|aurora cluster", []string{"rds/db-cluster"}, ""},
	{"db snapshot|database snapshot|rds snapshot", []string{"rds/db-snapshot"}, ""},
	{"disk|disks|ebs volume|ebs|ebs volumes|drive|drives", []string{"ec2/volume"}, ""},
	// Everyday meanings of type words several services share (see docs/ask.md).
	{"snapshot|snapshots|ebs snapshot|volume snapshot", []string{"ec2/snapshot"}, ""},
	{"instance|instances", []string{"ec2/instance"}, ""},
	{"volume|volumes", []string{"ec2/volume"}, ""},
	{"load balancer|load balancers|lb|lbs", []string{"elbv2/load-balancer", "elb/load-balancer"}, "load balancers (ELBv2 and classic)"},
	{"alb|albs|nlb|nlbs|application load balancer|network load balancer|elbv2 load balancer", []string{"elbv2/load-balancer"}, ""},
	{"classic load balancer|clb|clbs|classic elb", []string{"elb/load-balancer"}, ""},
	{"cert|certs|certificate|certificates|ssl certificate|tls certificate", []string{"acm/certificate"}, ""},
	{"function|functions|lambdas|lambda|lambda function", []string{"lambda/function"}, ""},
	{"bucket|buckets|s3 bucket", []string{"s3/bucket"}, ""},
	{"server|servers|vm|vms|virtual machine|ec2 instance|machine|machines", []string{"ec2/instance"}, ""},
	{"queue|queues", []string{"sqs/queue"}, ""},
	{"topic|topics", []string{"sns/topic"}, ""},
	{"secret|secrets|secrets manager secret|secrets manager", []string{"secretsmanager/secret"}, ""},
	{"parameter|parameters|param|params|parameter store", []string{"ssm/parameter"}, ""},
	{"kms key|encryption key|cmk|cmks", []string{"kms/key"}, ""},
	{"elastic ip|eip|eips|elastic ip address|ip address|ips", []string{"ec2/elastic-ip"}, ""},
	{"ami|amis|image|images|machine image", []string{"ec2/ami"}, ""},
	{"security group|security groups|sg|sgs|firewall|firewalls", []string{"ec2/security-group"}, ""},
	{"eni|enis", []string{"ec2/network-interface"}, ""},
	{"vpc|vpcs|network|networks", []string{"ec2/vpc"}, ""},
	{"subnet|subnets", []string{"ec2/subnet"}, ""},
	{"repo|repos|repository|repositories|registry|container registry|ecr repo", []string{"ecr/repository"}, ""},
	{"container service|ecs service", []string{"ecs/service"}, ""},
	{"kubernetes cluster|k8s cluster|eks cluster|kubernetes", []string{"eks/cluster"}, ""},
	{"node group|nodegroup", []string{"eks/nodegroup"}, ""},
	{"asg|asgs|auto scaling group|autoscaling group", []string{"autoscaling/group"}, ""},
	{"stack|stacks|cloudformation stack|cfn stack", []string{"cloudformation/stack"}, ""},
	{"cache cluster|redis cluster|memcached cluster|cache|caches", []string{"elasticache/cluster"}, ""},
	{"file system|filesystem|nfs share|efs", []string{"efs/file-system"}, ""},
	{"dns zone|dns zones|hosted zone", []string{"route53/hosted-zone"}, ""},
	{"cdn|distribution|distributions|cloudfront distribution", []string{"cloudfront/distribution"}, ""},
	{"api|apis|api gateway|api gateways|rest api|http api", []string{"apigateway/rest-api", "apigatewayv2/api"}, "APIs (API Gateway REST, HTTP and WebSocket)"},
	{"alarm|alarms|cloudwatch alarm", []string{"cloudwatch/alarm"}, ""},
	{"log group|log groups|cloudwatch log group", []string{"logs/log-group"}, ""},
	{"trail|trails|audit trail|cloudtrail trail", []string{"cloudtrail/trail"}, ""},
	{"event rule|eventbridge rule|cron rule|scheduled rule", []string{"events/rule"}, ""},
	{"event bus|eventbridge bus", []string{"events/bus"}, ""},
	{"user|users|iam user|person|people", []string{"iam/user"}, ""},
	{"role|roles|iam role", []string{"iam/role"}, ""},
	{"iam group|user group", []string{"iam/group"}, ""},
	{"policy|policies|iam policy|managed policy", []string{"iam/policy"}, ""},
	{"nat|nats|nat gateway", []string{"ec2/nat-gateway"}, ""},
	{"igw|igws", []string{"ec2/internet-gateway"}, ""},
	{"tgw|tgws", []string{"ec2/transit-gateway"}, ""},
	{"peering|peerings|vpc peering", []string{"ec2/vpc-peering-connection"}, ""},
	{"ssh key|ssh keys|keypair|keypairs", []string{"ec2/key-pair"}, ""},
	{"table|tables|dynamo table|dynamodb table|dynamo", []string{"dynamodb/table"}, ""},
	{"member account|aws account|org account", []string{"organizations/account"}, ""},
	{"task definition|task def|task defs", []string{"ecs/task-definition"}, ""},
	{"target group", []string{"elbv2/target-group"}, ""},
	{"trigger|triggers|event source mapping", []string{"lambda/event-source-mapping"}, ""},
}

// Synonym is a curated name and the types it means (for tests and docs).
type Synonym struct {
	Phrase string   // forms separated by |
	Types  []string // service/type
}

// Synonyms returns the curated synonym table.
func Synonyms() []Synonym {
	out := make([]Synonym, len(synonyms))
	for i, s := range synonyms {
		out[i] = Synonym{s.phrase, s.types}
	}
	return out
}

// enumValues lists the values a text field's description enumerates
// ("pending, running, stopping, stopped"; "database engine, e.g. postgres,
// mysql"; "X-Ray tracing: Active or PassThrough"), lower-cased. A
// description whose list has a part of several words is prose, not a list.
func enumValues(f model.Field) []string {
	if f.Type != "text" {
		return nil
	}
	d := f.Description
	for _, stop := range []string{"(", ";"} {
		if i := strings.Index(d, stop); i >= 0 {
			d = d[:i]
		}
	}
	examples := false
	if i := strings.Index(d, "e.g."); i >= 0 {
		d, examples = d[i+len("e.g."):], true
	} else if i := strings.Index(d, ":"); i >= 0 {
		d = d[i+1:]
	}
	d = strings.NewReplacer(" or ", ", ", " and ", ", ").Replace(d)
	var out []string
	for _, p := range strings.Split(d, ",") {
		p = strings.ToLower(strings.Trim(strings.TrimSpace(p), "."))
		switch {
		case p == "" || p == "..":
		case strings.Contains(p, " "):
			return nil
		default:
			out = append(out, p)
		}
	}
	if len(out) < 2 && !examples {
		return nil
	}
	return out
}

// Types returns the number of types the catalog knows (for messages).
func (c *Catalog) Types() int { return len(c.types) }

// TypeRef names a type an answer reads, for completeness checks.
type TypeRef struct {
	Service string
	Type    string
}

func (t TypeRef) String() string { return fmt.Sprintf("%s/%s", t.Service, t.Type) }
