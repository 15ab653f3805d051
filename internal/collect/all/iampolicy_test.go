package all

import (
	"encoding/json"
	"flag"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/service/accessanalyzer"
	"github.com/aws/aws-sdk-go-v2/service/acm"
	"github.com/aws/aws-sdk-go-v2/service/acmpca"
	"github.com/aws/aws-sdk-go-v2/service/amp"
	"github.com/aws/aws-sdk-go-v2/service/amplify"
	"github.com/aws/aws-sdk-go-v2/service/apigateway"
	"github.com/aws/aws-sdk-go-v2/service/apigatewayv2"
	"github.com/aws/aws-sdk-go-v2/service/appconfig"
	"github.com/aws/aws-sdk-go-v2/service/appflow"
	"github.com/aws/aws-sdk-go-v2/service/applicationautoscaling"
	"github.com/aws/aws-sdk-go-v2/service/appmesh"
	"github.com/aws/aws-sdk-go-v2/service/apprunner"
	"github.com/aws/aws-sdk-go-v2/service/appsync"
	"github.com/aws/aws-sdk-go-v2/service/athena"
	"github.com/aws/aws-sdk-go-v2/service/auditmanager"
	"github.com/aws/aws-sdk-go-v2/service/autoscaling"
	"github.com/aws/aws-sdk-go-v2/service/backup"
	"github.com/aws/aws-sdk-go-v2/service/batch"
	"github.com/aws/aws-sdk-go-v2/service/bedrock"
	"github.com/aws/aws-sdk-go-v2/service/bedrockagent"
	"github.com/aws/aws-sdk-go-v2/service/budgets"
	"github.com/aws/aws-sdk-go-v2/service/cleanrooms"
	"github.com/aws/aws-sdk-go-v2/service/cloudformation"
	"github.com/aws/aws-sdk-go-v2/service/cloudfront"
	"github.com/aws/aws-sdk-go-v2/service/cloudhsmv2"
	"github.com/aws/aws-sdk-go-v2/service/cloudtrail"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"
	"github.com/aws/aws-sdk-go-v2/service/codeartifact"
	"github.com/aws/aws-sdk-go-v2/service/codebuild"
	"github.com/aws/aws-sdk-go-v2/service/codecommit"
	"github.com/aws/aws-sdk-go-v2/service/codedeploy"
	"github.com/aws/aws-sdk-go-v2/service/codepipeline"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentity"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/aws-sdk-go-v2/service/comprehend"
	"github.com/aws/aws-sdk-go-v2/service/computeoptimizer"
	"github.com/aws/aws-sdk-go-v2/service/configservice"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/costexplorer"
	"github.com/aws/aws-sdk-go-v2/service/databasemigrationservice"
	"github.com/aws/aws-sdk-go-v2/service/databrew"
	"github.com/aws/aws-sdk-go-v2/service/datapipeline"
	"github.com/aws/aws-sdk-go-v2/service/datazone"
	"github.com/aws/aws-sdk-go-v2/service/dax"
	"github.com/aws/aws-sdk-go-v2/service/detective"
	"github.com/aws/aws-sdk-go-v2/service/devicefarm"
	"github.com/aws/aws-sdk-go-v2/service/directconnect"
	"github.com/aws/aws-sdk-go-v2/service/directoryservice"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/aws-sdk-go-v2/service/ecr"
	"github.com/aws/aws-sdk-go-v2/service/ecrpublic"
	"github.com/aws/aws-sdk-go-v2/service/ecs"
	"github.com/aws/aws-sdk-go-v2/service/efs"
	"github.com/aws/aws-sdk-go-v2/service/eks"
	"github.com/aws/aws-sdk-go-v2/service/elasticache"
	"github.com/aws/aws-sdk-go-v2/service/elasticbeanstalk"
	"github.com/aws/aws-sdk-go-v2/service/elasticloadbalancing"
	"github.com/aws/aws-sdk-go-v2/service/elasticloadbalancingv2"
	"github.com/aws/aws-sdk-go-v2/service/emr"
	"github.com/aws/aws-sdk-go-v2/service/emrcontainers"
	"github.com/aws/aws-sdk-go-v2/service/emrserverless"
	"github.com/aws/aws-sdk-go-v2/service/eventbridge"
	"github.com/aws/aws-sdk-go-v2/service/firehose"
	"github.com/aws/aws-sdk-go-v2/service/fis"
	"github.com/aws/aws-sdk-go-v2/service/fms"
	"github.com/aws/aws-sdk-go-v2/service/forecast"
	"github.com/aws/aws-sdk-go-v2/service/frauddetector"
	"github.com/aws/aws-sdk-go-v2/service/fsx"
	"github.com/aws/aws-sdk-go-v2/service/gamelift"
	"github.com/aws/aws-sdk-go-v2/service/globalaccelerator"
	"github.com/aws/aws-sdk-go-v2/service/glue"
	"github.com/aws/aws-sdk-go-v2/service/grafana"
	"github.com/aws/aws-sdk-go-v2/service/guardduty"
	"github.com/aws/aws-sdk-go-v2/service/health"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/aws/aws-sdk-go-v2/service/identitystore"
	"github.com/aws/aws-sdk-go-v2/service/imagebuilder"
	"github.com/aws/aws-sdk-go-v2/service/inspector2"
	"github.com/aws/aws-sdk-go-v2/service/iot"
	"github.com/aws/aws-sdk-go-v2/service/iotsitewise"
	"github.com/aws/aws-sdk-go-v2/service/ivs"
	"github.com/aws/aws-sdk-go-v2/service/kafka"
	"github.com/aws/aws-sdk-go-v2/service/kendra"
	"github.com/aws/aws-sdk-go-v2/service/kinesis"
	"github.com/aws/aws-sdk-go-v2/service/kinesisanalyticsv2"
	"github.com/aws/aws-sdk-go-v2/service/kinesisvideo"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	"github.com/aws/aws-sdk-go-v2/service/lakeformation"
	"github.com/aws/aws-sdk-go-v2/service/lambda"
	"github.com/aws/aws-sdk-go-v2/service/lexmodelsv2"
	"github.com/aws/aws-sdk-go-v2/service/lightsail"
	"github.com/aws/aws-sdk-go-v2/service/location"
	"github.com/aws/aws-sdk-go-v2/service/macie2"
	"github.com/aws/aws-sdk-go-v2/service/mediaconnect"
	"github.com/aws/aws-sdk-go-v2/service/mediaconvert"
	"github.com/aws/aws-sdk-go-v2/service/medialive"
	"github.com/aws/aws-sdk-go-v2/service/mediapackage"
	"github.com/aws/aws-sdk-go-v2/service/mediapackagev2"
	"github.com/aws/aws-sdk-go-v2/service/mediastore"
	"github.com/aws/aws-sdk-go-v2/service/mediatailor"
	"github.com/aws/aws-sdk-go-v2/service/memorydb"
	"github.com/aws/aws-sdk-go-v2/service/mq"
	"github.com/aws/aws-sdk-go-v2/service/mwaa"
	"github.com/aws/aws-sdk-go-v2/service/networkfirewall"
	"github.com/aws/aws-sdk-go-v2/service/networkmanager"
	"github.com/aws/aws-sdk-go-v2/service/opensearch"
	"github.com/aws/aws-sdk-go-v2/service/opensearchserverless"
	"github.com/aws/aws-sdk-go-v2/service/organizations"
	"github.com/aws/aws-sdk-go-v2/service/osis"
	"github.com/aws/aws-sdk-go-v2/service/outposts"
	"github.com/aws/aws-sdk-go-v2/service/personalize"
	"github.com/aws/aws-sdk-go-v2/service/pinpoint"
	"github.com/aws/aws-sdk-go-v2/service/pipes"
	"github.com/aws/aws-sdk-go-v2/service/polly"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/ram"
	"github.com/aws/aws-sdk-go-v2/service/rds"
	"github.com/aws/aws-sdk-go-v2/service/redshift"
	"github.com/aws/aws-sdk-go-v2/service/rekognition"
	"github.com/aws/aws-sdk-go-v2/service/resiliencehub"
	"github.com/aws/aws-sdk-go-v2/service/resourceexplorer2"
	"github.com/aws/aws-sdk-go-v2/service/resourcegroups"
	"github.com/aws/aws-sdk-go-v2/service/resourcegroupstaggingapi"
	"github.com/aws/aws-sdk-go-v2/service/route53"
	"github.com/aws/aws-sdk-go-v2/service/route53domains"
	"github.com/aws/aws-sdk-go-v2/service/route53resolver"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3vectors"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker"
	"github.com/aws/aws-sdk-go-v2/service/scheduler"
	"github.com/aws/aws-sdk-go-v2/service/schemas"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/securityhub"
	"github.com/aws/aws-sdk-go-v2/service/securitylake"
	"github.com/aws/aws-sdk-go-v2/service/serverlessapplicationrepository"
	"github.com/aws/aws-sdk-go-v2/service/servicecatalog"
	"github.com/aws/aws-sdk-go-v2/service/servicecatalogappregistry"
	"github.com/aws/aws-sdk-go-v2/service/servicediscovery"
	"github.com/aws/aws-sdk-go-v2/service/servicequotas"
	"github.com/aws/aws-sdk-go-v2/service/ses"
	"github.com/aws/aws-sdk-go-v2/service/sesv2"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
	"github.com/aws/aws-sdk-go-v2/service/shield"
	"github.com/aws/aws-sdk-go-v2/service/signer"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/aws/aws-sdk-go-v2/service/ssoadmin"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/aws/aws-sdk-go-v2/service/swf"
	"github.com/aws/aws-sdk-go-v2/service/synthetics"
	"github.com/aws/aws-sdk-go-v2/service/textract"
	"github.com/aws/aws-sdk-go-v2/service/timestreamquery"
	"github.com/aws/aws-sdk-go-v2/service/transcribe"
	"github.com/aws/aws-sdk-go-v2/service/transfer"
	"github.com/aws/aws-sdk-go-v2/service/translate"
	"github.com/aws/aws-sdk-go-v2/service/vpclattice"
	"github.com/aws/aws-sdk-go-v2/service/wafv2"
	"github.com/aws/aws-sdk-go-v2/service/workspacesweb"
	"github.com/aws/aws-sdk-go-v2/service/xray"

	// b-storage (issue 15).
	"github.com/aws/aws-sdk-go-v2/service/datasync"
	"github.com/aws/aws-sdk-go-v2/service/dlm"
	"github.com/aws/aws-sdk-go-v2/service/dsql"
	"github.com/aws/aws-sdk-go-v2/service/glacier"
	"github.com/aws/aws-sdk-go-v2/service/keyspaces"
	"github.com/aws/aws-sdk-go-v2/service/redshiftserverless"
	"github.com/aws/aws-sdk-go-v2/service/s3control"
	"github.com/aws/aws-sdk-go-v2/service/s3tables"
	"github.com/aws/aws-sdk-go-v2/service/storagegateway"
	"github.com/aws/aws-sdk-go-v2/service/timestreaminfluxdb"
	"github.com/aws/aws-sdk-go-v2/service/timestreamwrite"

	"github.com/aws/aws-sdk-go-v2/service/workspaces"
	// b-storage (issue 15).
	"github.com/awsmap/awsmap/internal/gendoc"
)

var update = flag.Bool("update", false, "rewrite docs/iam-policy.json from the code")

// sdkClients are the SDK clients awsmap may call, by package, with the
// prefix of their IAM actions.
var sdkClients = map[string]struct {
	client any
	prefix string
}{
	"acm": {&acm.Client{}, "acm"}, "apigateway": {&apigateway.Client{}, "apigateway"},
	"apigatewayv2": {&apigatewayv2.Client{}, "apigateway"}, "autoscaling": {&autoscaling.Client{}, "autoscaling"},
	"cloudformation": {&cloudformation.Client{}, "cloudformation"}, "cloudfront": {&cloudfront.Client{}, "cloudfront"},
	"cloudtrail": {&cloudtrail.Client{}, "cloudtrail"}, "cloudwatch": {&cloudwatch.Client{}, "cloudwatch"},
	"cloudwatchlogs": {&cloudwatchlogs.Client{}, "logs"}, "dynamodb": {&dynamodb.Client{}, "dynamodb"},
	"ec2": {&ec2.Client{}, "ec2"}, "ecr": {&ecr.Client{}, "ecr"}, "ecs": {&ecs.Client{}, "ecs"},
	"efs": {&efs.Client{}, "elasticfilesystem"}, "eks": {&eks.Client{}, "eks"},
	"elasticache":            {&elasticache.Client{}, "elasticache"},
	"elasticloadbalancing":   {&elasticloadbalancing.Client{}, "elasticloadbalancing"},
	"elasticloadbalancingv2": {&elasticloadbalancingv2.Client{}, "elasticloadbalancing"},
	"eventbridge":            {&eventbridge.Client{}, "events"}, "iam": {&iam.Client{}, "iam"}, "kms": {&kms.Client{}, "kms"},
	"lambda": {&lambda.Client{}, "lambda"}, "organizations": {&organizations.Client{}, "organizations"},
	"rds": {&rds.Client{}, "rds"}, "resourcegroupstaggingapi": {&resourcegroupstaggingapi.Client{}, "tag"},
	"route53": {&route53.Client{}, "route53"}, "route53resolver": {&route53resolver.Client{}, "route53resolver"},
	"s3": {&s3.Client{}, "s3"}, "secretsmanager": {&secretsmanager.Client{}, "secretsmanager"},
	"sns": {&sns.Client{}, "sns"}, "sqs": {&sqs.Client{}, "sqs"}, "ssm": {&ssm.Client{}, "ssm"},
	"sts": {&sts.Client{}, "sts"},
	// Security and management breadth (issue 15).
	"guardduty": {&guardduty.Client{}, "guardduty"}, "securityhub": {&securityhub.Client{}, "securityhub"},
	"configservice": {&configservice.Client{}, "config"}, "cognitoidentity": {&cognitoidentity.Client{}, "cognito-identity"},
	"cognitoidentityprovider": {&cognitoidentityprovider.Client{}, "cognito-idp"}, "wafv2": {&wafv2.Client{}, "wafv2"},
	"backup": {&backup.Client{}, "backup"}, "acmpca": {&acmpca.Client{}, "acm-pca"},
	// Analytics and integration (issue 15, breadth-a).
	"glue": {&glue.Client{}, "glue"}, "kinesis": {&kinesis.Client{}, "kinesis"}, "firehose": {&firehose.Client{}, "firehose"},
	"sfn": {&sfn.Client{}, "states"}, "athena": {&athena.Client{}, "athena"},
	"redshift": {&redshift.Client{}, "redshift"}, "mq": {&mq.Client{}, "mq"}, "kafka": {&kafka.Client{}, "kafka"},
	"emr": {&emr.Client{}, "elasticmapreduce"}, "codebuild": {&codebuild.Client{}, "codebuild"},
	"scheduler": {&scheduler.Client{}, "scheduler"},
	// b-mgmt (issue 15).
	"xray": {&xray.Client{}, "xray"}, "amp": {&amp.Client{}, "aps"}, "grafana": {&grafana.Client{}, "grafana"},
	"costexplorer": {&costexplorer.Client{}, "ce"}, "budgets": {&budgets.Client{}, "budgets"},
	"resourcegroups":            {&resourcegroups.Client{}, "resource-groups"},
	"synthetics":                {&synthetics.Client{}, "synthetics"},
	"appconfig":                 {&appconfig.Client{}, "appconfig"},
	"servicecatalog":            {&servicecatalog.Client{}, "servicecatalog"},
	"servicecatalogappregistry": {&servicecatalogappregistry.Client{}, "servicecatalog"},
	"codepipeline":              {&codepipeline.Client{}, "codepipeline"},
	"codedeploy":                {&codedeploy.Client{}, "codedeploy"},
	"codecommit":                {&codecommit.Client{}, "codecommit"},
	"resiliencehub":             {&resiliencehub.Client{}, "resiliencehub"},
	"codeartifact":              {&codeartifact.Client{}, "codeartifact"},
	"amplify":                   {&amplify.Client{}, "amplify"},
	"computeoptimizer":          {&computeoptimizer.Client{}, "compute-optimizer"},
	"servicequotas":             {&servicequotas.Client{}, "servicequotas"},
	"devicefarm":                {&devicefarm.Client{}, "devicefarm"},
	// b-storage (issue 15).
	"opensearch": {&opensearch.Client{}, "es"}, "opensearchserverless": {&opensearchserverless.Client{}, "aoss"},
	"memorydb":           {&memorydb.Client{}, "memorydb"},
	"dax":                {&dax.Client{}, "dax"},
	"fsx":                {&fsx.Client{}, "fsx"},
	"datasync":           {&datasync.Client{}, "datasync"},
	"s3control":          {&s3control.Client{}, "s3"},
	"s3tables":           {&s3tables.Client{}, "s3tables"},
	"glacier":            {&glacier.Client{}, "glacier"},
	"redshiftserverless": {&redshiftserverless.Client{}, "redshift-serverless"},
	"keyspaces":          {&keyspaces.Client{}, "cassandra"},
	"dsql":               {&dsql.Client{}, "dsql"},
	"timestreamwrite":    {&timestreamwrite.Client{}, "timestream"},
	"timestreaminfluxdb": {&timestreaminfluxdb.Client{}, "timestream-influxdb"},
	"dlm":                {&dlm.Client{}, "dlm"},
	"storagegateway":     {&storagegateway.Client{}, "storagegateway"},
	// b-integration (issue 15).
	"sesv2":              {&sesv2.Client{}, "ses"},
	"transfer":           {&transfer.Client{}, "transfer"},
	"pipes":              {&pipes.Client{}, "pipes"},
	"kinesisanalyticsv2": {&kinesisanalyticsv2.Client{}, "kinesisanalytics"},
	"kinesisvideo":       {&kinesisvideo.Client{}, "kinesisvideo"},
	"emrserverless":      {&emrserverless.Client{}, "emr-serverless"},
	"emrcontainers":      {&emrcontainers.Client{}, "emr-containers"},
	"lakeformation":      {&lakeformation.Client{}, "lakeformation"},
	"mwaa":               {&mwaa.Client{}, "airflow"},
	"databrew":           {&databrew.Client{}, "databrew"},
	"swf":                {&swf.Client{}, "swf"},
	"datapipeline":       {&datapipeline.Client{}, "datapipeline"},
	// b-compute (issue 15).
	"applicationautoscaling": {&applicationautoscaling.Client{}, "application-autoscaling"},
	"ecrpublic":              {&ecrpublic.Client{}, "ecr-public"},
	"networkfirewall":        {&networkfirewall.Client{}, "network-firewall"},
	"directconnect":          {&directconnect.Client{}, "directconnect"},
	"route53domains":         {&route53domains.Client{}, "route53domains"},
	"networkmanager":         {&networkmanager.Client{}, "networkmanager"},
	"vpclattice":             {&vpclattice.Client{}, "vpc-lattice"},
	"servicediscovery":       {&servicediscovery.Client{}, "servicediscovery"},
	"batch":                  {&batch.Client{}, "batch"},
	"elasticbeanstalk":       {&elasticbeanstalk.Client{}, "elasticbeanstalk"},
	// h-edge (issue 15).
	"lightsail": {&lightsail.Client{}, "lightsail"}, "globalaccelerator": {&globalaccelerator.Client{}, "globalaccelerator"},
	"outposts": {&outposts.Client{}, "outposts"}, "apprunner": {&apprunner.Client{}, "apprunner"},
	// b-security (issue 15).
	"ssoadmin": {&ssoadmin.Client{}, "sso"}, "identitystore": {&identitystore.Client{}, "identitystore"},
	"inspector2": {&inspector2.Client{}, "inspector2"}, "macie2": {&macie2.Client{}, "macie2"},
	"directoryservice":  {&directoryservice.Client{}, "ds"},
	"cloudhsmv2":        {&cloudhsmv2.Client{}, "cloudhsm"},
	"ram":               {&ram.Client{}, "ram"},
	"signer":            {&signer.Client{}, "signer"},
	"shield":            {&shield.Client{}, "shield"},
	"appsync":           {&appsync.Client{}, "appsync"},
	"accessanalyzer":    {&accessanalyzer.Client{}, "access-analyzer"},
	"detective":         {&detective.Client{}, "detective"},
	"auditmanager":      {&auditmanager.Client{}, "auditmanager"},
	"securitylake":      {&securitylake.Client{}, "securitylake"},
	"fms":               {&fms.Client{}, "fms"},
	"resourceexplorer2": {&resourceexplorer2.Client{}, "resource-explorer-2"},
	// b-ml (issue 15).
	"sagemaker":                       {&sagemaker.Client{}, "sagemaker"},
	"bedrock":                         {&bedrock.Client{}, "bedrock"},
	"bedrockagent":                    {&bedrockagent.Client{}, "bedrock"},
	"databasemigrationservice":        {&databasemigrationservice.Client{}, "dms"},
	"workspaces":                      {&workspaces.Client{}, "workspaces"},
	"iot":                             {&iot.Client{}, "iot"},
	"quicksight":                      {&quicksight.Client{}, "quicksight"},
	"schemas":                         {&schemas.Client{}, "schemas"},
	"appflow":                         {&appflow.Client{}, "appflow"},
	"serverlessapplicationrepository": {&serverlessapplicationrepository.Client{}, "serverlessrepo"},
	"cleanrooms":                      {&cleanrooms.Client{}, "cleanrooms"},
	"datazone":                        {&datazone.Client{}, "datazone"},
	"ses":                             {&ses.Client{}, "ses"},
	"connect":                         {&connect.Client{}, "connect"},
	"lexmodelsv2":                     {&lexmodelsv2.Client{}, "lex"},
	"comprehend":                      {&comprehend.Client{}, "comprehend"},
	"frauddetector":                   {&frauddetector.Client{}, "frauddetector"},
	"mediastore":                      {&mediastore.Client{}, "mediastore"},
	"polly":                           {&polly.Client{}, "polly"},
	"transcribe":                      {&transcribe.Client{}, "transcribe"},
	"rekognition":                     {&rekognition.Client{}, "rekognition"},
	"fis":                             {&fis.Client{}, "fis"},
	"ivs":                             {&ivs.Client{}, "ivs"},
	"mediaconnect":                    {&mediaconnect.Client{}, "mediaconnect"},
	"medialive":                       {&medialive.Client{}, "medialive"},
	"mediapackage":                    {&mediapackage.Client{}, "mediapackage"},
	"mediatailor":                     {&mediatailor.Client{}, "mediatailor"},
	"kendra":                          {&kendra.Client{}, "kendra"},
	"translate":                       {&translate.Client{}, "translate"},
	"textract":                        {&textract.Client{}, "textract"},
	"personalize":                     {&personalize.Client{}, "personalize"},
	"forecast":                        {&forecast.Client{}, "forecast"},
	"imagebuilder":                    {&imagebuilder.Client{}, "imagebuilder"},
	"gamelift":                        {&gamelift.Client{}, "gamelift"},
	"mediaconvert":                    {&mediaconvert.Client{}, "mediaconvert"},
	// h-geo.
	"appmesh":     {&appmesh.Client{}, "appmesh"},
	"health":      {&health.Client{}, "health"},
	"iotsitewise": {&iotsitewise.Client{}, "iotsitewise"},
	"location":    {&location.Client{}, "geo"},
	// Services moto serves (h-moto).
	"mediapackagev2":  {&mediapackagev2.Client{}, "mediapackagev2"},
	"osis":            {&osis.Client{}, "osis"},
	"pinpoint":        {&pinpoint.Client{}, "mobiletargeting"},
	"s3vectors":       {&s3vectors.Client{}, "s3vectors"},
	"timestreamquery": {&timestreamquery.Client{}, "timestream"},
	"workspacesweb":   {&workspacesweb.Client{}, "workspaces-web"},
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
	selector  = regexp.MustCompile(`\.(?:New)?([A-Z][A-Za-z0-9]+?)(?:Paginator)?\b`)
)

// sdkUse is what the code does with one SDK package: the operations it
// calls and the directories whose code imports it.
type sdkUse struct{ ops, dirs map[string]bool }

// scanCalls finds the SDK operations the code in dirs calls, by SDK package:
// names after a dot that are methods of an imported SDK client (or their
// paginators).
func scanCalls(t *testing.T, dirs ...string) map[string]sdkUse {
	t.Helper()
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
				c, ok := sdkClients[imp[1]]
				if !ok {
					t.Errorf("%s imports the SDK's %s: add it to sdkClients", path, imp[1])
					continue
				}
				use, ok := calls[imp[1]]
				if !ok {
					use = sdkUse{ops: map[string]bool{}, dirs: map[string]bool{}}
					calls[imp[1]] = use
				}
				use.dirs[filepath.Base(filepath.Dir(path))] = true
				client := reflect.TypeOf(c.client)
				for _, m := range selector.FindAllStringSubmatch(string(src), -1) {
					if _, isMethod := client.MethodByName(m[1]); isMethod && m[1] != "Options" {
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
		prefix := sdkClients[pkg].prefix
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
