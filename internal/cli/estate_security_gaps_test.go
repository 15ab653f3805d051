package cli

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/accessanalyzer"
	aatypes "github.com/aws/aws-sdk-go-v2/service/accessanalyzer/types"
	"github.com/aws/aws-sdk-go-v2/service/detective"
	dttypes "github.com/aws/aws-sdk-go-v2/service/detective/types"
	"github.com/aws/aws-sdk-go-v2/service/inspector2"
	i2types "github.com/aws/aws-sdk-go-v2/service/inspector2/types"
	"github.com/aws/aws-sdk-go-v2/service/resourceexplorer2"
	retypes "github.com/aws/aws-sdk-go-v2/service/resourceexplorer2/types"
	"github.com/aws/aws-sdk-go-v2/service/securitylake"
	sltypes "github.com/aws/aws-sdk-go-v2/service/securitylake/types"
	"github.com/aws/aws-sdk-go-v2/service/shield"
	shtypes "github.com/aws/aws-sdk-go-v2/service/shield/types"

	"github.com/awsmap/awsmap/internal/awsx"
)

// securityGaps answer the security operations moto 5.2.1 does not serve
// with something to find, by SDK service id and operation: Inspector,
// Access Analyzer, Detective, Security Lake, Resource Explorer and Shield
// Advanced are on (off, their collections would be unsupported, NotEnabled,
// rather than ok).
var securityGaps = map[string]func(awsx.Request) any{
	"Inspector2/BatchGetAccountStatus": func(req awsx.Request) any {
		on := &i2types.State{Status: i2types.StatusEnabled}
		return &inspector2.BatchGetAccountStatusOutput{Accounts: []i2types.AccountState{{AccountId: aws.String(req.Account), State: on,
			ResourceState: &i2types.ResourceState{Ec2: on, Ecr: on, Lambda: on}}}}
	},
	"AccessAnalyzer/ListAnalyzers": func(req awsx.Request) any {
		return &accessanalyzer.ListAnalyzersOutput{Analyzers: []aatypes.AnalyzerSummary{{Name: aws.String("estate"), Type: aatypes.TypeAccount,
			Status: aatypes.AnalyzerStatusActive, Arn: aws.String("arn:aws:access-analyzer:" + req.Region + ":" + req.Account + ":analyzer/estate")}}}
	},
	"Detective/ListGraphs": func(req awsx.Request) any {
		return &detective.ListGraphsOutput{GraphList: []dttypes.Graph{{Arn: aws.String("arn:aws:detective:" + req.Region + ":" + req.Account + ":graph:estate")}}}
	},
	"SecurityLake/ListDataLakes": func(req awsx.Request) any {
		return &securitylake.ListDataLakesOutput{DataLakes: []sltypes.DataLakeResource{{Region: aws.String(req.Region),
			DataLakeArn: aws.String("arn:aws:securitylake:" + req.Region + ":" + req.Account + ":data-lake/default"), CreateStatus: sltypes.DataLakeStatusCompleted}}}
	},
	"Resource Explorer 2/ListIndexes": func(req awsx.Request) any {
		return &resourceexplorer2.ListIndexesOutput{Indexes: []retypes.Index{{Region: aws.String(req.Region), Type: retypes.IndexTypeLocal,
			Arn: aws.String("arn:aws:resource-explorer-2:" + req.Region + ":" + req.Account + ":index/estate")}}}
	},
	// moto answers DescribeSubscription with dates the SDK cannot read.
	"Shield/DescribeSubscription": func(awsx.Request) any {
		return &shield.DescribeSubscriptionOutput{Subscription: &shtypes.Subscription{AutoRenew: shtypes.AutoRenewEnabled, TimeCommitmentInSeconds: 31536000}}
	},
}

// motoAnswersEmpty are the read operations moto 5.2.1 does not serve (the
// services it lacks entirely, the lists below a GuardDuty detector, a
// Security Hub hub or a CloudFront account, ...), by SDK service id and
// operation. They get the operation's own empty answer (awsx.ErrEmptyAnswer),
// so the scans of the moto estates stay complete for them.
var motoAnswersEmpty = map[string]bool{
	"AccessAnalyzer/ListArchiveRules": true, "AppSync/ListDataSources": true, "AppSync/ListDomainNames": true,
	"AuditManager/ListAssessments": true, "Detective/ListMembers": true, "Detective/ListTagsForResource": true, "FMS/ListPolicies": true,
	"CloudFront/ListFunctions": true, "CloudFront/ListCachePolicies": true, "CloudFront/ListOriginRequestPolicies": true,
	"CloudFront/ListResponseHeadersPolicies": true, "CloudFront/ListCloudFrontOriginAccessIdentities": true, "CloudFront/ListRealtimeLogConfigs": true,
	"CloudWatch/ListDashboards":                true, // CloudWatch's CBOR, which moto cannot parse
	"CloudWatch Logs/DescribeQueryDefinitions": true, "CloudWatch Logs/ListLogAnomalyDetectors": true,
	"Config Service/DescribeConformancePacks": true, "EventBridge/ListEndpoints": true,
	"GuardDuty/ListFilters": true, "GuardDuty/ListIPSets": true, "GuardDuty/ListThreatIntelSets": true, "GuardDuty/ListPublishingDestinations": true,
	"GuardDuty/ListMalwareProtectionPlans": true, "GuardDuty/ListMembers": true,
	"Macie2/ListClassificationJobs": true, "Macie2/ListCustomDataIdentifiers": true, "Macie2/ListAllowLists": true, "Macie2/ListFindingsFilters": true,
	"RAM/ListPermissions":      true, // moto knows the filter values AWS and LOCAL, not CUSTOMER_MANAGED
	"RDS/DescribeOptionGroups": true, "RDS/DescribeReservedDBInstances": true,
	"Resource Explorer 2/ListTagsForResource": true, "Resource Explorer 2/ListViews": true,
	"SecurityHub/GetEnabledStandards": true, "SecurityHub/ListEnabledProductsForImport": true, "SecurityHub/DescribeActionTargets": true,
	"SecurityHub/GetInsights": true, "SecurityHub/ListAutomationRules": true, "SecurityHub/ListFindingAggregators": true,
	"SecurityLake/ListTagsForResource": true, "Shield/ListProtectionGroups": true, "signer/ListSigningProfiles": true,
	"SSO Admin/ListApplications": true, "SSO Admin/ListTagsForResource": true,
	// networking and media listings moto 5.2.1 lacks
	"EC2/DescribePlacementGroups": true, "EC2/DescribeCapacityReservations": true, "EC2/DescribeIpams": true, "EC2/DescribeIpamScopes": true,
	"EC2/DescribeIpamPools": true, "EC2/DescribeClientVpnEndpoints": true, "EC2/DescribeInstanceConnectEndpoints": true,
	"EC2/DescribeNetworkInsightsPaths": true, "Elastic Load Balancing v2/DescribeTrustStores": true,
	"Route 53/ListTrafficPolicies": true, "Route 53/ListCidrCollections": true, "Route53Resolver/ListFirewallRuleGroups": true,
	"Route53Resolver/ListFirewallDomainLists": true, "Route53Resolver/ListFirewallRuleGroupAssociations": true,
	"Lambda/ListCodeSigningConfigs": true, "Lambda/ListFunctionUrlConfigs": true, "Lambda/ListProvisionedConcurrencyConfigs": true,
	"Textract/ListAdapters": true, "Textract/ListAdapterVersions": true,
	"MediaPackageV2/ListChannels": true, "Timestream Query/ListScheduledQueries": true, "WorkSpaces Web/ListIpAccessSettings": true,
	// the services and listings moto 5.2.1 lacks or answers in a form the SDK
	// cannot read (HTTP 500 or 404, CBOR), found by the estate scan
	"Amplify/ListApps": true, "AppConfig/ListApplications": true, "AppConfig/ListDeploymentStrategies": true,
	"AppRunner/ListAutoScalingConfigurations": true, "AppRunner/ListConnections": true, "AppRunner/ListObservabilityConfigurations": true,
	"AppRunner/ListServices": true, "AppRunner/ListVpcConnectors": true, "AppRunner/ListVpcIngressConnections": true,
	"Appflow/DescribeConnectorProfiles": true, "Appflow/ListFlows": true, "Athena/ListPreparedStatements": true,
	"Backup/ListFrameworks": true, "Backup/ListProtectedResources": true, "Backup/ListRestoreTestingPlans": true,
	"Bedrock/ListGuardrails": true, "Bedrock/ListInferenceProfiles": true, "Bedrock/ListProvisionedModelThroughputs": true,
	"Budgets/DescribeBudgetActionsForAccount": true, "CleanRooms/ListCollaborations": true, "CleanRooms/ListMemberships": true,
	"CloudTrail/ListChannels": true, "CloudTrail/ListEventDataStores": true, "CloudWatch/DescribeAlarms": true,
	"CloudWatch/DescribeAnomalyDetectors": true, "CloudWatch/DescribeInsightRules": true, "CloudWatch/ListMetricStreams": true,
	"CodeBuild/ListFleets": true, "CodeBuild/ListReportGroups": true, "CodeBuild/ListSourceCredentials": true,
	"CodeCommit/ListApprovalRuleTemplates": true, "CodeCommit/ListRepositories": true, "CodeDeploy/ListDeploymentConfigs": true,
	"CodePipeline/ListWebhooks": true, "Compute Optimizer/GetEnrollmentStatus": true, "Connect/ListInstances": true,
	"Cost Explorer/GetAnomalyMonitors": true, "Cost Explorer/GetAnomalySubscriptions": true, "Cost Explorer/ListCostAllocationTags": true,
	"Cost Explorer/ListCostCategoryDefinitions": true, "DAX/DescribeParameterGroups": true, "DAX/DescribeSubnetGroups": true,
	"DLM/GetLifecyclePolicies": true, "DSQL/ListClusters": true, "DataBrew/ListProjects": true, "DataSync/ListAgents": true,
	"DataZone/ListDomains": true, "Direct Connect/DescribeVirtualInterfaces": true, "DynamoDB/ListExports": true,
	"DynamoDB/ListGlobalTables": true, "DynamoDB/ListImports": true, "ECR PUBLIC/DescribeRepositories": true,
	"ECR/DescribePullThroughCacheRules": true, "ECS/DescribeCapacityProviders": true, "EFS/DescribeReplicationConfigurations": true,
	"EKS/ListAccessEntries": true, "EKS/ListAddons": true, "EKS/ListPodIdentityAssociations": true, "EMR/ListSecurityConfigurations": true,
	"EMR/ListStudios": true, "ElastiCache/DescribeCacheParameterGroups": true, "ElastiCache/DescribeReservedCacheNodes": true,
	"ElastiCache/DescribeServerlessCaches": true, "ElastiCache/DescribeUserGroups": true,
	"Elastic Beanstalk/DescribeApplicationVersions": true, "FSx/DescribeDataRepositoryAssociations": true,
	"FSx/DescribeStorageVirtualMachines": true, "FSx/DescribeVolumes": true, "GameLift/DescribeFleetAttributes": true,
	"GameLift/DescribeGameSessionQueues": true, "GameLift/DescribeMatchmakingConfigurations": true, "GameLift/ListAliases": true,
	"GameLift/ListBuilds": true, "GameLift/ListContainerGroupDefinitions": true, "GameLift/ListScripts": true,
	"Global Accelerator/ListAccelerators": true, "Global Accelerator/ListCustomRoutingAccelerators": true, "Glue/ListSchemas": true,
	"Health/DescribeEvents": true, "IoTSiteWise/ListAssetModels": true, "IoTSiteWise/ListGateways": true, "IoTSiteWise/ListPortals": true,
	"KMS/DescribeCustomKeyStores": true, "Kafka/ListConfigurations": true, "Kafka/ListVpcConnections": true, "Keyspaces/ListKeyspaces": true,
	"Kinesis Video/ListSignalingChannels": true, "Lightsail/GetBuckets": true, "Lightsail/GetCertificates": true,
	"Lightsail/GetContainerServices": true, "Lightsail/GetDisks": true, "Lightsail/GetDistributions": true, "Lightsail/GetDomains": true,
	"Lightsail/GetInstances": true, "Lightsail/GetKeyPairs": true, "Lightsail/GetLoadBalancers": true,
	"Lightsail/GetRelationalDatabases": true, "Lightsail/GetStaticIps": true, "Location/ListGeofenceCollections": true,
	"Location/ListKeys": true, "Location/ListMaps": true, "Location/ListPlaceIndexes": true, "Location/ListRouteCalculators": true,
	"Location/ListTrackers": true, "MWAA/ListEnvironments": true, "MediaConvert/ListJobTemplates": true, "MediaConvert/ListPresets": true,
	"MediaConvert/ListQueues": true, "MemoryDB/DescribeACLs": true, "MemoryDB/DescribeParameterGroups": true, "MemoryDB/DescribeUsers": true,
	"Network Firewall/ListFirewallPolicies": true, "Network Firewall/ListRuleGroups": true, "NetworkManager/DescribeGlobalNetworks": true,
	"NetworkManager/ListCoreNetworks": true, "OpenSearch/DescribePackages": true, "OpenSearch/DescribeReservedInstances": true,
	"OpenSearchServerless/ListAccessPolicies": true, "OpenSearchServerless/ListVpcEndpoints": true, "Outposts/ListOutposts": true,
	"Outposts/ListSites": true, "QuickSight/ListDataSets": true, "Redshift Serverless/ListNamespaces": true,
	"Redshift Serverless/ListSnapshots": true, "Redshift Serverless/ListWorkgroups": true, "Rekognition/ListCollections": true,
	"S3Tables/ListTableBuckets": true, "SESv2/ListConfigurationSets": true, "SESv2/ListDedicatedIpPools": true,
	"SESv2/ListEmailIdentities": true, "SSM/DescribeOpsItems": true, "SSM/ListAssociations": true, "SSM/ListResourceDataSync": true,
	"SageMaker/ListFeatureGroups": true, "SageMaker/ListUserProfiles": true, "ServerlessApplicationRepository/ListApplications": true,
	"Service Catalog AppRegistry/ListAttributeGroups": true, "Service Catalog/SearchProductsAsAdmin": true,
	"Service Quotas/ListRequestedServiceQuotaChangeHistory": true, "Storage Gateway/ListFileShares": true,
	"Storage Gateway/ListGateways": true, "Storage Gateway/ListTapes": true, "Storage Gateway/ListVolumes": true,
	"Transcribe/ListLanguageModels": true, "Transfer/ListCertificates": true, "Transfer/ListWorkflows": true,
	"Translate/ListParallelData": true, "Translate/ListTerminologies": true, "VPC Lattice/ListTargetGroups": true,
	"WorkSpaces/DescribeIpGroups": true, "XRay/GetEncryptionConfig": true, "XRay/GetGroups": true, "XRay/GetSamplingRules": true,
	"XRay/ListResourcePolicies": true, "amp/ListScrapers": true, "codeartifact/ListDomains": true, "codeartifact/ListRepositories": true,
	"fis/ListExperimentTemplates": true, "grafana/ListWorkspaces": true, "imagebuilder/ListComponents": true,
	"imagebuilder/ListContainerRecipes": true, "imagebuilder/ListDistributionConfigurations": true, "imagebuilder/ListImagePipelines": true,
	"imagebuilder/ListImageRecipes": true, "imagebuilder/ListImages": true, "imagebuilder/ListInfrastructureConfigurations": true,
	"imagebuilder/ListLifecyclePolicies": true, "imagebuilder/ListWorkflows": true, "ivs/ListChannels": true, "kendra/ListIndices": true,
	"schemas/ListDiscoverers": true, "schemas/ListRegistries": true,
}

// motoGaps answers what moto lacks (securityGaps, then motoAnswersEmpty)
// and passes every other call on.
var motoGaps = awsx.ResponderFunc(func(_ context.Context, req awsx.Request) (any, error) {
	op := req.Service + "/" + req.Operation
	if answer, ok := securityGaps[op]; ok {
		return answer(req), nil
	}
	if motoAnswersEmpty[op] {
		return nil, awsx.ErrEmptyAnswer
	}
	return nil, awsx.ErrPassThrough
})
