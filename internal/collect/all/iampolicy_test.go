package all

import (
	"encoding/json"
	"flag"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/awsmap/awsmap/internal/gendoc"
)

var update = flag.Bool("update", false, "rewrite docs/iam-policy.json from the code")

// sdkClients are the SDK clients awsmap may call, by package, with the
// prefix of their IAM actions.
var sdkClients = map[string]string{
	"acm": "acm", "apigateway": "apigateway",
	"apigatewayv2": "apigateway", "autoscaling": "autoscaling",
	"cloudformation": "cloudformation", "cloudfront": "cloudfront",
	"cloudtrail": "cloudtrail", "cloudwatch": "cloudwatch",
	"cloudwatchlogs": "logs", "dynamodb": "dynamodb",
	"ec2": "ec2", "ecr": "ecr", "ecs": "ecs",
	"efs": "elasticfilesystem", "eks": "eks",
	"elasticache":            "elasticache",
	"elasticloadbalancing":   "elasticloadbalancing",
	"elasticloadbalancingv2": "elasticloadbalancing",
	"eventbridge":            "events", "iam": "iam", "kms": "kms",
	"lambda": "lambda", "organizations": "organizations",
	"rds": "rds", "resourcegroupstaggingapi": "tag",
	"route53": "route53", "route53resolver": "route53resolver",
	"s3": "s3", "secretsmanager": "secretsmanager",
	"sns": "sns", "sqs": "sqs", "ssm": "ssm",
	"sts": "sts",
	// Security and management breadth (issue 15).
	"guardduty": "guardduty", "securityhub": "securityhub",
	"configservice": "config", "cognitoidentity": "cognito-identity",
	"cognitoidentityprovider": "cognito-idp", "wafv2": "wafv2",
	"backup": "backup", "acmpca": "acm-pca",
	// Analytics and integration (issue 15, breadth-a).
	"glue": "glue", "kinesis": "kinesis", "firehose": "firehose",
	"sfn": "states", "athena": "athena",
	"redshift": "redshift", "mq": "mq", "kafka": "kafka",
	"emr": "elasticmapreduce", "codebuild": "codebuild",
	"scheduler": "scheduler",
	// b-mgmt (issue 15).
	"xray": "xray", "amp": "aps", "grafana": "grafana",
	"costexplorer": "ce", "budgets": "budgets",
	"resourcegroups":            "resource-groups",
	"synthetics":                "synthetics",
	"appconfig":                 "appconfig",
	"servicecatalog":            "servicecatalog",
	"servicecatalogappregistry": "servicecatalog",
	"codepipeline":              "codepipeline",
	"codedeploy":                "codedeploy",
	"codecommit":                "codecommit",
	"resiliencehub":             "resiliencehub",
	"codeartifact":              "codeartifact",
	"amplify":                   "amplify",
	"computeoptimizer":          "compute-optimizer",
	"servicequotas":             "servicequotas",
	"devicefarm":                "devicefarm",
	// b-storage (issue 15).
	"opensearch": "es", "opensearchserverless": "aoss",
	"memorydb":           "memorydb",
	"dax":                "dax",
	"fsx":                "fsx",
	"datasync":           "datasync",
	"s3control":          "s3",
	"s3tables":           "s3tables",
	"glacier":            "glacier",
	"redshiftserverless": "redshift-serverless",
	"keyspaces":          "cassandra",
	"dsql":               "dsql",
	"timestreamwrite":    "timestream",
	"timestreaminfluxdb": "timestream-influxdb",
	"dlm":                "dlm",
	"storagegateway":     "storagegateway",
	// b-integration (issue 15).
	"sesv2":              "ses",
	"transfer":           "transfer",
	"pipes":              "pipes",
	"kinesisanalyticsv2": "kinesisanalytics",
	"kinesisvideo":       "kinesisvideo",
	"emrserverless":      "emr-serverless",
	"emrcontainers":      "emr-containers",
	"lakeformation":      "lakeformation",
	"mwaa":               "airflow",
	"databrew":           "databrew",
	"swf":                "swf",
	"datapipeline":       "datapipeline",
	// b-compute (issue 15).
	"applicationautoscaling": "application-autoscaling",
	"ecrpublic":              "ecr-public",
	"networkfirewall":        "network-firewall",
	"directconnect":          "directconnect",
	"route53domains":         "route53domains",
	"networkmanager":         "networkmanager",
	"vpclattice":             "vpc-lattice",
	"servicediscovery":       "servicediscovery",
	"batch":                  "batch",
	"elasticbeanstalk":       "elasticbeanstalk",
	// h-edge (issue 15).
	"lightsail": "lightsail", "globalaccelerator": "globalaccelerator",
	"outposts": "outposts", "apprunner": "apprunner",
	// b-security (issue 15).
	"ssoadmin": "sso", "identitystore": "identitystore",
	"inspector2": "inspector2", "macie2": "macie2",
	"directoryservice":  "ds",
	"cloudhsmv2":        "cloudhsm",
	"ram":               "ram",
	"signer":            "signer",
	"shield":            "shield",
	"appsync":           "appsync",
	"accessanalyzer":    "access-analyzer",
	"detective":         "detective",
	"auditmanager":      "auditmanager",
	"securitylake":      "securitylake",
	"fms":               "fms",
	"resourceexplorer2": "resource-explorer-2",
	// b-ml (issue 15).
	"sagemaker":                       "sagemaker",
	"bedrock":                         "bedrock",
	"bedrockagent":                    "bedrock",
	"databasemigrationservice":        "dms",
	"workspaces":                      "workspaces",
	"iot":                             "iot",
	"quicksight":                      "quicksight",
	"schemas":                         "schemas",
	"appflow":                         "appflow",
	"serverlessapplicationrepository": "serverlessrepo",
	"cleanrooms":                      "cleanrooms",
	"datazone":                        "datazone",
	"ses":                             "ses",
	"connect":                         "connect",
	"lexmodelsv2":                     "lex",
	"comprehend":                      "comprehend",
	"frauddetector":                   "frauddetector",
	"mediastore":                      "mediastore",
	"polly":                           "polly",
	"transcribe":                      "transcribe",
	"rekognition":                     "rekognition",
	"fis":                             "fis",
	"ivs":                             "ivs",
	"mediaconnect":                    "mediaconnect",
	"medialive":                       "medialive",
	"mediapackage":                    "mediapackage",
	"mediatailor":                     "mediatailor",
	"kendra":                          "kendra",
	"translate":                       "translate",
	"textract":                        "textract",
	"personalize":                     "personalize",
	"forecast":                        "forecast",
	"imagebuilder":                    "imagebuilder",
	"gamelift":                        "gamelift",
	"mediaconvert":                    "mediaconvert",
	// h-geo.
	"appmesh":     "appmesh",
	"health":      "health",
	"iotsitewise": "iotsitewise",
	"location":    "geo",
	// Services moto serves (h-moto).
	"mediapackagev2":  "mediapackagev2",
	"osis":            "osis",
	"pinpoint":        "mobiletargeting",
	"s3vectors":       "s3vectors",
	"timestreamquery": "timestream",
	"workspacesweb":   "workspaces-web",
}

// iamActions are the IAM actions whose names differ from their operation's.
var iamActions = map[string]string{
	"budgets:DescribeBudgets":                "budgets:ViewBudget",
	"budgets:DescribeNotificationsForBudget": "budgets:ViewBudget",
	"s3:ListBuckets":                         "s3:ListAllMyBuckets",
	"s3:GetBucketEncryption":                 "s3:GetEncryptionConfiguration",
	"s3:GetPublicAccessBlock":                "s3:GetBucketPublicAccessBlock",
	"s3:GetBucketLifecycleConfiguration":     "s3:GetLifecycleConfiguration",
	"s3:GetBucketReplication":                "s3:GetReplicationConfiguration",
	"s3:GetBucketNotificationConfiguration":  "s3:GetBucketNotification",
	"s3:GetBucketCors":                       "s3:GetBucketCORS",
	"s3:GetObjectLockConfiguration":          "s3:GetBucketObjectLockConfiguration",
}

var (
	sdkImport = regexp.MustCompile(`"github.com/aws/aws-sdk-go-v2/service/([a-z0-9]+)"`)
	opFile    = regexp.MustCompile(`^api_op_([A-Za-z0-9]+)\.go$`)
	selector  = regexp.MustCompile(`\.(?:New)?([A-Z][A-Za-z0-9]+?)(?:Paginator)?\b`)
)

// sdkUse is what the code does with one SDK package: the operations it
// calls and the directories whose code imports it.
type sdkUse struct{ ops, dirs map[string]bool }

// sdkOperations are the operations of the clients in sdkClients, by package,
// read from the SDK's source: one api_op_<Operation>.go file per operation.
// Reflecting on the clients instead would keep every method of every client
// in the test binary and double its link time.
var sdkOperations = sync.OnceValues(func() (map[string]map[string]bool, error) {
	args := []string{"list", "-f", "{{.ImportPath}} {{.Dir}}"}
	for pkg := range sdkClients {
		args = append(args, "github.com/aws/aws-sdk-go-v2/service/"+pkg)
	}
	out, err := exec.Command("go", args...).Output()
	if err != nil {
		return nil, fmt.Errorf("go list the SDK's clients: %w", err)
	}
	ops := map[string]map[string]bool{}
	for line := range strings.Lines(string(out)) {
		importPath, dir, _ := strings.Cut(strings.TrimSpace(line), " ")
		files, err := os.ReadDir(dir)
		if err != nil {
			return nil, err
		}
		pkgOps := map[string]bool{}
		for _, f := range files {
			if m := opFile.FindStringSubmatch(f.Name()); m != nil {
				pkgOps[m[1]] = true
			}
		}
		ops[path.Base(importPath)] = pkgOps
	}
	return ops, nil
})

// scanCalls finds the SDK operations the code in dirs calls, by SDK package:
// names after a dot that are operations of an imported SDK client (or their
// paginators).
func scanCalls(t *testing.T, dirs ...string) map[string]sdkUse {
	t.Helper()
	ops, err := sdkOperations()
	if err != nil {
		t.Fatal(err)
	}
	calls := map[string]sdkUse{}
	for _, dir := range dirs {
		err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
			switch {
			case err != nil:
				return err
			case d.IsDir() && d.Name() == "collecttest": // test helpers, not awsmap
				return filepath.SkipDir
			case d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go"):
				return nil
			}
			src, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			for _, imp := range sdkImport.FindAllStringSubmatch(string(src), -1) {
				if _, ok := sdkClients[imp[1]]; !ok {
					t.Errorf("%s imports the SDK's %s: add it to sdkClients", path, imp[1])
					continue
				}
				use, ok := calls[imp[1]]
				if !ok {
					use = sdkUse{ops: map[string]bool{}, dirs: map[string]bool{}}
					calls[imp[1]] = use
				}
				use.dirs[filepath.Base(filepath.Dir(path))] = true
				for _, m := range selector.FindAllStringSubmatch(string(src), -1) {
					if ops[imp[1]][m[1]] {
						use.ops[m[1]] = true
					}
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return calls
}

// scanActions finds the IAM actions of the SDK operations the code in dirs calls.
func scanActions(t *testing.T, dirs ...string) []string {
	t.Helper()
	seen := map[string]bool{}
	for pkg, use := range scanCalls(t, dirs...) {
		prefix := sdkClients[pkg]
		for op := range use.ops {
			action := prefix + ":" + op
			if prefix == "apigateway" {
				action = "apigateway:GET" // API Gateway authorizes reads by HTTP method
			}
			if renamed, ok := iamActions[action]; ok {
				action = renamed
			}
			seen[action] = true
		}
	}
	return slices.Sorted(maps.Keys(seen))
}

// TestIAMPolicyMatchesTheCode: docs/iam-policy.json grants exactly the
// actions of the operations awsmap calls (collectors, and the identity,
// region and organization reads of package account), all of them reads.
// AWSMAP_UPDATE_DOCS=1 go test -run IAMPolicy rewrites it.
func TestIAMPolicyMatchesTheCode(t *testing.T) {
	actions := scanActions(t, "..", filepath.Join("..", "..", "account"))
	for _, a := range actions {
		op := a[strings.Index(a, ":")+1:]
		// budgets:ViewBudget is the action of AWS Budgets' describe calls.
		if !regexp.MustCompile(`^(Describe|List|Get|Generate|Lookup|Search|Batch|GET$|ViewBudget$)`).MatchString(op) {
			t.Errorf("%s does not read: awsmap only reads", a)
		}
	}
	if len(actions) < 100 {
		t.Fatalf("only %d actions found: the scan of the code is broken", len(actions))
	}
	policy := map[string]any{
		"Version": "2012-10-17",
		"Statement": []any{map[string]any{
			"Sid": "AwsmapReadOnlyScan", "Effect": "Allow", "Action": actions, "Resource": "*",
		}},
	}
	want, err := json.MarshalIndent(policy, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	want = append(want, '\n')
	path := filepath.Join("..", "..", "..", "docs", "iam-policy.json")
	if *update {
		t.Setenv(gendoc.UpdateEnv, "1")
	}
	gendoc.Check(t, path, string(want), "go test ./internal/collect/all -run IAMPolicy")
}
