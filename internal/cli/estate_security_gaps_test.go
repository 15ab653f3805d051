package cli

import (
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/accessanalyzer"
	aatypes "github.com/aws/aws-sdk-go-v2/service/accessanalyzer/types"
	"github.com/aws/aws-sdk-go-v2/service/appsync"
	"github.com/aws/aws-sdk-go-v2/service/auditmanager"
	"github.com/aws/aws-sdk-go-v2/service/cloudfront"
	"github.com/aws/aws-sdk-go-v2/service/detective"
	dttypes "github.com/aws/aws-sdk-go-v2/service/detective/types"
	"github.com/aws/aws-sdk-go-v2/service/fms"
	"github.com/aws/aws-sdk-go-v2/service/guardduty"
	"github.com/aws/aws-sdk-go-v2/service/inspector2"
	i2types "github.com/aws/aws-sdk-go-v2/service/inspector2/types"
	"github.com/aws/aws-sdk-go-v2/service/macie2"
	"github.com/aws/aws-sdk-go-v2/service/ram"
	"github.com/aws/aws-sdk-go-v2/service/resourceexplorer2"
	retypes "github.com/aws/aws-sdk-go-v2/service/resourceexplorer2/types"
	"github.com/aws/aws-sdk-go-v2/service/securityhub"
	"github.com/aws/aws-sdk-go-v2/service/securitylake"
	sltypes "github.com/aws/aws-sdk-go-v2/service/securitylake/types"
	"github.com/aws/aws-sdk-go-v2/service/shield"
	shtypes "github.com/aws/aws-sdk-go-v2/service/shield/types"
	"github.com/aws/aws-sdk-go-v2/service/signer"
	"github.com/aws/aws-sdk-go-v2/service/ssoadmin"

	"github.com/awsmap/awsmap/internal/awsx"
)

// securityGaps answer the security operations moto 5.2.1 does not serve
// (the services it lacks entirely, and the lists below a GuardDuty
// detector, a Security Hub hub or a CloudFront account), by SDK service id
// and operation, so the scan of the moto estate stays complete for them:
// lists are empty, except that Inspector, Access Analyzer, Detective,
// Security Lake, Resource Explorer and Shield Advanced are on (off, their
// collections would be unsupported, NotEnabled, rather than ok).
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
	"AccessAnalyzer/ListArchiveRules": func(awsx.Request) any { return &accessanalyzer.ListArchiveRulesOutput{} },
	"Detective/ListGraphs": func(req awsx.Request) any {
		return &detective.ListGraphsOutput{GraphList: []dttypes.Graph{{Arn: aws.String("arn:aws:detective:" + req.Region + ":" + req.Account + ":graph:estate")}}}
	},
	"Detective/ListMembers":         func(awsx.Request) any { return &detective.ListMembersOutput{} },
	"Detective/ListTagsForResource": func(awsx.Request) any { return &detective.ListTagsForResourceOutput{} },
	"SecurityLake/ListDataLakes": func(req awsx.Request) any {
		return &securitylake.ListDataLakesOutput{DataLakes: []sltypes.DataLakeResource{{Region: aws.String(req.Region),
			DataLakeArn: aws.String("arn:aws:securitylake:" + req.Region + ":" + req.Account + ":data-lake/default"), CreateStatus: sltypes.DataLakeStatusCompleted}}}
	},
	"SecurityLake/ListTagsForResource": func(awsx.Request) any { return &securitylake.ListTagsForResourceOutput{} },
	"Resource Explorer 2/ListIndexes": func(req awsx.Request) any {
		return &resourceexplorer2.ListIndexesOutput{Indexes: []retypes.Index{{Region: aws.String(req.Region), Type: retypes.IndexTypeLocal,
			Arn: aws.String("arn:aws:resource-explorer-2:" + req.Region + ":" + req.Account + ":index/estate")}}}
	},
	"Resource Explorer 2/ListTagsForResource": func(awsx.Request) any { return &resourceexplorer2.ListTagsForResourceOutput{} },
	"Shield/ListProtectionGroups":             func(awsx.Request) any { return &shield.ListProtectionGroupsOutput{} },
	// moto answers DescribeSubscription with dates the SDK cannot read.
	"Shield/DescribeSubscription": func(awsx.Request) any {
		return &shield.DescribeSubscriptionOutput{Subscription: &shtypes.Subscription{AutoRenew: shtypes.AutoRenewEnabled, TimeCommitmentInSeconds: 31536000}}
	},
	// moto knows the filter values AWS and LOCAL, not CUSTOMER_MANAGED.
	"RAM/ListPermissions":                      func(awsx.Request) any { return &ram.ListPermissionsOutput{} },
	"SSO Admin/ListApplications":               func(awsx.Request) any { return &ssoadmin.ListApplicationsOutput{} },
	"SSO Admin/ListTagsForResource":            func(awsx.Request) any { return &ssoadmin.ListTagsForResourceOutput{} },
	"GuardDuty/ListFilters":                    func(awsx.Request) any { return &guardduty.ListFiltersOutput{} },
	"GuardDuty/ListIPSets":                     func(awsx.Request) any { return &guardduty.ListIPSetsOutput{} },
	"GuardDuty/ListThreatIntelSets":            func(awsx.Request) any { return &guardduty.ListThreatIntelSetsOutput{} },
	"GuardDuty/ListPublishingDestinations":     func(awsx.Request) any { return &guardduty.ListPublishingDestinationsOutput{} },
	"GuardDuty/ListMalwareProtectionPlans":     func(awsx.Request) any { return &guardduty.ListMalwareProtectionPlansOutput{} },
	"GuardDuty/ListMembers":                    func(awsx.Request) any { return &guardduty.ListMembersOutput{} },
	"SecurityHub/ListEnabledProductsForImport": func(awsx.Request) any { return &securityhub.ListEnabledProductsForImportOutput{} },
	"SecurityHub/DescribeActionTargets":        func(awsx.Request) any { return &securityhub.DescribeActionTargetsOutput{} },
	"SecurityHub/GetInsights":                  func(awsx.Request) any { return &securityhub.GetInsightsOutput{} },
	"SecurityHub/ListAutomationRules":          func(awsx.Request) any { return &securityhub.ListAutomationRulesOutput{} },
	"SecurityHub/ListFindingAggregators":       func(awsx.Request) any { return &securityhub.ListFindingAggregatorsOutput{} },
	"Macie2/ListClassificationJobs":            func(awsx.Request) any { return &macie2.ListClassificationJobsOutput{} },
	"Macie2/ListCustomDataIdentifiers":         func(awsx.Request) any { return &macie2.ListCustomDataIdentifiersOutput{} },
	"Macie2/ListAllowLists":                    func(awsx.Request) any { return &macie2.ListAllowListsOutput{} },
	"Macie2/ListFindingsFilters":               func(awsx.Request) any { return &macie2.ListFindingsFiltersOutput{} },
	"signer/ListSigningProfiles":               func(awsx.Request) any { return &signer.ListSigningProfilesOutput{} },
	"CloudFront/ListFunctions":                 func(awsx.Request) any { return &cloudfront.ListFunctionsOutput{} },
	"CloudFront/ListCachePolicies":             func(awsx.Request) any { return &cloudfront.ListCachePoliciesOutput{} },
	"CloudFront/ListOriginRequestPolicies":     func(awsx.Request) any { return &cloudfront.ListOriginRequestPoliciesOutput{} },
	"CloudFront/ListResponseHeadersPolicies":   func(awsx.Request) any { return &cloudfront.ListResponseHeadersPoliciesOutput{} },
	"CloudFront/ListCloudFrontOriginAccessIdentities": func(awsx.Request) any {
		return &cloudfront.ListCloudFrontOriginAccessIdentitiesOutput{}
	},
	"CloudFront/ListRealtimeLogConfigs": func(awsx.Request) any { return &cloudfront.ListRealtimeLogConfigsOutput{} },
	"AppSync/ListDataSources":           func(awsx.Request) any { return &appsync.ListDataSourcesOutput{} },
	"AppSync/ListDomainNames":           func(awsx.Request) any { return &appsync.ListDomainNamesOutput{} },
	"AuditManager/ListAssessments":      func(awsx.Request) any { return &auditmanager.ListAssessmentsOutput{} },
	"FMS/ListPolicies":                  func(awsx.Request) any { return &fms.ListPoliciesOutput{} },
	"Resource Explorer 2/ListViews":     func(awsx.Request) any { return &resourceexplorer2.ListViewsOutput{} },
}

// securityGap is the answer to req when moto lacks its operation.
func securityGap(req awsx.Request) (any, bool) {
	if answer, ok := securityGaps[req.Service+"/"+req.Operation]; ok {
		return answer(req), true
	}
	return nil, false
}
