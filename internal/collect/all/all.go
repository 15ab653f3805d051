// Package all is the registry: the one place every service collector is listed.
package all

import (
	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/collect/acm"
	"github.com/awsmap/awsmap/internal/collect/acmpca"
	"github.com/awsmap/awsmap/internal/collect/amp"
	"github.com/awsmap/awsmap/internal/collect/amplify"
	"github.com/awsmap/awsmap/internal/collect/apigateway"
	"github.com/awsmap/awsmap/internal/collect/apigatewayv2"
	"github.com/awsmap/awsmap/internal/collect/appconfig"
	"github.com/awsmap/awsmap/internal/collect/applicationautoscaling"
	"github.com/awsmap/awsmap/internal/collect/appregistry"
	"github.com/awsmap/awsmap/internal/collect/athena"
	"github.com/awsmap/awsmap/internal/collect/autoscaling"
	"github.com/awsmap/awsmap/internal/collect/backup"
	"github.com/awsmap/awsmap/internal/collect/bedrock"
	"github.com/awsmap/awsmap/internal/collect/bedrockagent"
	"github.com/awsmap/awsmap/internal/collect/budgets"
	"github.com/awsmap/awsmap/internal/collect/ce"
	"github.com/awsmap/awsmap/internal/collect/cloudformation"
	"github.com/awsmap/awsmap/internal/collect/cloudfront"
	"github.com/awsmap/awsmap/internal/collect/cloudhsmv2"
	"github.com/awsmap/awsmap/internal/collect/cloudtrail"
	"github.com/awsmap/awsmap/internal/collect/cloudwatch"
	"github.com/awsmap/awsmap/internal/collect/codeartifact"
	"github.com/awsmap/awsmap/internal/collect/codebuild"
	"github.com/awsmap/awsmap/internal/collect/codecommit"
	"github.com/awsmap/awsmap/internal/collect/codedeploy"
	"github.com/awsmap/awsmap/internal/collect/codepipeline"
	"github.com/awsmap/awsmap/internal/collect/cognitoidentity"
	"github.com/awsmap/awsmap/internal/collect/cognitoidp"
	"github.com/awsmap/awsmap/internal/collect/computeoptimizer"
	"github.com/awsmap/awsmap/internal/collect/config"
	"github.com/awsmap/awsmap/internal/collect/devicefarm"
	"github.com/awsmap/awsmap/internal/collect/dms"
	"github.com/awsmap/awsmap/internal/collect/ds"
	"github.com/awsmap/awsmap/internal/collect/dynamodb"
	"github.com/awsmap/awsmap/internal/collect/ec2"
	"github.com/awsmap/awsmap/internal/collect/ecr"
	"github.com/awsmap/awsmap/internal/collect/ecs"
	"github.com/awsmap/awsmap/internal/collect/efs"
	"github.com/awsmap/awsmap/internal/collect/eks"
	"github.com/awsmap/awsmap/internal/collect/elasticache"
	"github.com/awsmap/awsmap/internal/collect/elb"
	"github.com/awsmap/awsmap/internal/collect/elbv2"
	"github.com/awsmap/awsmap/internal/collect/emr"
	"github.com/awsmap/awsmap/internal/collect/events"
	"github.com/awsmap/awsmap/internal/collect/firehose"
	"github.com/awsmap/awsmap/internal/collect/glue"
	"github.com/awsmap/awsmap/internal/collect/grafana"
	"github.com/awsmap/awsmap/internal/collect/guardduty"
	"github.com/awsmap/awsmap/internal/collect/iam"
	"github.com/awsmap/awsmap/internal/collect/identitystore"
	"github.com/awsmap/awsmap/internal/collect/inspector2"
	"github.com/awsmap/awsmap/internal/collect/iot"
	"github.com/awsmap/awsmap/internal/collect/kafka"
	"github.com/awsmap/awsmap/internal/collect/kinesis"
	"github.com/awsmap/awsmap/internal/collect/kinesisanalyticsv2"
	"github.com/awsmap/awsmap/internal/collect/kinesisvideo"
	"github.com/awsmap/awsmap/internal/collect/kms"
	"github.com/awsmap/awsmap/internal/collect/lambda"
	"github.com/awsmap/awsmap/internal/collect/logs"
	"github.com/awsmap/awsmap/internal/collect/macie2"
	"github.com/awsmap/awsmap/internal/collect/mq"
	"github.com/awsmap/awsmap/internal/collect/organizations"
	"github.com/awsmap/awsmap/internal/collect/pipes"
	"github.com/awsmap/awsmap/internal/collect/ram"
	"github.com/awsmap/awsmap/internal/collect/rds"
	"github.com/awsmap/awsmap/internal/collect/redshift"
	"github.com/awsmap/awsmap/internal/collect/resiliencehub"
	"github.com/awsmap/awsmap/internal/collect/resourcegroups"
	"github.com/awsmap/awsmap/internal/collect/route53"
	"github.com/awsmap/awsmap/internal/collect/route53resolver"
	"github.com/awsmap/awsmap/internal/collect/s3"
	"github.com/awsmap/awsmap/internal/collect/sagemaker"
	"github.com/awsmap/awsmap/internal/collect/scheduler"
	"github.com/awsmap/awsmap/internal/collect/secretsmanager"
	"github.com/awsmap/awsmap/internal/collect/securityhub"
	"github.com/awsmap/awsmap/internal/collect/servicecatalog"
	"github.com/awsmap/awsmap/internal/collect/servicequotas"
	"github.com/awsmap/awsmap/internal/collect/sesv2"
	"github.com/awsmap/awsmap/internal/collect/sfn"
	"github.com/awsmap/awsmap/internal/collect/shield"
	"github.com/awsmap/awsmap/internal/collect/signer"
	"github.com/awsmap/awsmap/internal/collect/sns"
	"github.com/awsmap/awsmap/internal/collect/sqs"
	"github.com/awsmap/awsmap/internal/collect/ssm"
	"github.com/awsmap/awsmap/internal/collect/ssoadmin"
	"github.com/awsmap/awsmap/internal/collect/synthetics"
	"github.com/awsmap/awsmap/internal/collect/transfer"
	"github.com/awsmap/awsmap/internal/collect/wafv2"
	"github.com/awsmap/awsmap/internal/collect/xray"

	// b-storage (issue 15).
	"github.com/awsmap/awsmap/internal/collect/datasync"
	"github.com/awsmap/awsmap/internal/collect/dax"
	"github.com/awsmap/awsmap/internal/collect/dlm"
	"github.com/awsmap/awsmap/internal/collect/docdb"
	"github.com/awsmap/awsmap/internal/collect/dsql"
	"github.com/awsmap/awsmap/internal/collect/fsx"
	"github.com/awsmap/awsmap/internal/collect/glacier"
	"github.com/awsmap/awsmap/internal/collect/keyspaces"
	"github.com/awsmap/awsmap/internal/collect/memorydb"
	"github.com/awsmap/awsmap/internal/collect/neptune"
	"github.com/awsmap/awsmap/internal/collect/opensearch"
	"github.com/awsmap/awsmap/internal/collect/opensearchserverless"
	"github.com/awsmap/awsmap/internal/collect/redshiftserverless"
	"github.com/awsmap/awsmap/internal/collect/s3control"
	"github.com/awsmap/awsmap/internal/collect/s3tables"
	"github.com/awsmap/awsmap/internal/collect/storagegateway"
	"github.com/awsmap/awsmap/internal/collect/timestreaminfluxdb"
	"github.com/awsmap/awsmap/internal/collect/timestreamwrite"
	"github.com/awsmap/awsmap/internal/collect/workspaces"
	"github.com/awsmap/awsmap/internal/model"
)

// Services returns every collector, in the order --list-services shows them.
func Services() []*collect.Service {
	return []*collect.Service{
		ec2.Service,
		s3.Service,
		iam.Service,
		kms.Service,
		secretsmanager.Service,
		ssm.Service,
		acm.Service,
		rds.Service,
		lambda.Service,
		elbv2.Service,
		elb.Service,
		dynamodb.Service,
		sqs.Service,
		sns.Service,
		logs.Service,
		cloudwatch.Service,
		events.Service,
		cloudtrail.Service,
		ecr.Service,
		ecs.Service,
		eks.Service,
		autoscaling.Service,
		cloudformation.Service,
		elasticache.Service,
		efs.Service,
		route53.Service,
		route53resolver.Service,
		cloudfront.Service,
		apigateway.Service,
		apigatewayv2.Service,
		organizations.Service,
		// Security and management breadth (issue 15).
		guardduty.Service,
		securityhub.Service,
		config.Service,
		cognitoidp.Service,
		cognitoidentity.Service,
		wafv2.Service,
		backup.Service,
		acmpca.Service,
		// Analytics and integration (issue 15, breadth-a).
		glue.Service,
		kinesis.Service,
		firehose.Service,
		sfn.Service,
		athena.Service,
		redshift.Service,
		mq.Service,
		kafka.Service,
		emr.Service,
		codebuild.Service,
		scheduler.Service,
		// b-mgmt (issue 15).
		xray.Service,
		amp.Service,
		grafana.Service,
		ce.Service,
		budgets.Service,
		resourcegroups.Service,
		synthetics.Service,
		appconfig.Service,
		servicecatalog.Service,
		appregistry.Service,
		codepipeline.Service,
		codedeploy.Service,
		codecommit.Service,
		resiliencehub.Service,
		codeartifact.Service,
		amplify.Service,
		computeoptimizer.Service,
		servicequotas.Service,
		devicefarm.Service,
		// b-storage (issue 15).
		docdb.Service,
		neptune.Service,
		opensearch.Service,
		opensearchserverless.Service,
		memorydb.Service,
		dax.Service,
		fsx.Service,
		datasync.Service,
		s3control.Service,
		s3tables.Service,
		glacier.Service,
		redshiftserverless.Service,
		keyspaces.Service,
		dsql.Service,
		timestreamwrite.Service,
		timestreaminfluxdb.Service,
		dlm.Service,
		storagegateway.Service,
		// b-integration (issue 15).
		sesv2.Service,
		transfer.Service,
		pipes.Service,
		kinesisanalyticsv2.Service,
		kinesisvideo.Service,
		// b-compute (issue 15).
		applicationautoscaling.Service,
		// b-security (issue 15).
		ssoadmin.Service,
		identitystore.Service,
		inspector2.Service,
		macie2.Service,
		ds.Service,
		cloudhsmv2.Service,
		ram.Service,
		signer.Service,
		shield.Service,
		// b-ml (issue 15).
		sagemaker.Service,
		bedrock.Service,
		bedrockagent.Service,
		dms.Service,
		workspaces.Service,
		iot.Service,
	}
}

// Types describes every resource type of every collector: the catalog the
// offline commands read.
func Types() model.Catalog {
	var out model.Catalog
	for _, s := range Services() {
		for _, t := range s.Types {
			out = append(out, s.Info(t))
		}
	}
	return out
}
