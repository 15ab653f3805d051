package cli

import (
	"github.com/aws/aws-sdk-go-v2/service/accessanalyzer"
	"github.com/aws/aws-sdk-go-v2/service/appsync"
	"github.com/aws/aws-sdk-go-v2/service/auditmanager"
	"github.com/aws/aws-sdk-go-v2/service/cloudfront"
	"github.com/aws/aws-sdk-go-v2/service/detective"
	"github.com/aws/aws-sdk-go-v2/service/fms"
	"github.com/aws/aws-sdk-go-v2/service/guardduty"
	"github.com/aws/aws-sdk-go-v2/service/macie2"
	"github.com/aws/aws-sdk-go-v2/service/resourceexplorer2"
	"github.com/aws/aws-sdk-go-v2/service/securityhub"
	"github.com/aws/aws-sdk-go-v2/service/securitylake"
	"github.com/aws/aws-sdk-go-v2/service/signer"
	"github.com/aws/aws-sdk-go-v2/service/ssoadmin"

	"github.com/awsmap/awsmap/internal/awsx"
)

// securityGaps are empty answers to the security operations moto 5.2.1
// does not serve (the services it lacks entirely, and the lists below a
// GuardDuty detector, a Security Hub hub or a CloudFront account), by SDK
// service id and operation: the scan of the moto estate stays complete
// for them. An empty answer of a service that is off reads NotEnabled.
var securityGaps = map[string]func() any{
	"SSO Admin/ListTagsForResource":            func() any { return &ssoadmin.ListTagsForResourceOutput{} },
	"GuardDuty/ListFilters":                    func() any { return &guardduty.ListFiltersOutput{} },
	"GuardDuty/ListIPSets":                     func() any { return &guardduty.ListIPSetsOutput{} },
	"GuardDuty/ListThreatIntelSets":            func() any { return &guardduty.ListThreatIntelSetsOutput{} },
	"GuardDuty/ListPublishingDestinations":     func() any { return &guardduty.ListPublishingDestinationsOutput{} },
	"GuardDuty/ListMembers":                    func() any { return &guardduty.ListMembersOutput{} },
	"SecurityHub/ListEnabledProductsForImport": func() any { return &securityhub.ListEnabledProductsForImportOutput{} },
	"SecurityHub/ListAutomationRules":          func() any { return &securityhub.ListAutomationRulesOutput{} },
	"SecurityHub/ListFindingAggregators":       func() any { return &securityhub.ListFindingAggregatorsOutput{} },
	"Macie2/ListClassificationJobs":            func() any { return &macie2.ListClassificationJobsOutput{} },
	"Macie2/ListCustomDataIdentifiers":         func() any { return &macie2.ListCustomDataIdentifiersOutput{} },
	"Macie2/ListAllowLists":                    func() any { return &macie2.ListAllowListsOutput{} },
	"Macie2/ListFindingsFilters":               func() any { return &macie2.ListFindingsFiltersOutput{} },
	"signer/ListSigningProfiles":               func() any { return &signer.ListSigningProfilesOutput{} },
	"CloudFront/ListFunctions":                 func() any { return &cloudfront.ListFunctionsOutput{} },
	"CloudFront/ListCachePolicies":             func() any { return &cloudfront.ListCachePoliciesOutput{} },
	"CloudFront/ListOriginRequestPolicies":     func() any { return &cloudfront.ListOriginRequestPoliciesOutput{} },
	"CloudFront/ListResponseHeadersPolicies":   func() any { return &cloudfront.ListResponseHeadersPoliciesOutput{} },
	"CloudFront/ListCloudFrontOriginAccessIdentities": func() any {
		return &cloudfront.ListCloudFrontOriginAccessIdentitiesOutput{}
	},
	"CloudFront/ListRealtimeLogConfigs": func() any { return &cloudfront.ListRealtimeLogConfigsOutput{} },
	"AppSync/ListDataSources":           func() any { return &appsync.ListDataSourcesOutput{} },
	"AppSync/ListDomainNames":           func() any { return &appsync.ListDomainNamesOutput{} },
	"AccessAnalyzer/ListAnalyzers":      func() any { return &accessanalyzer.ListAnalyzersOutput{} },
	"Detective/ListGraphs":              func() any { return &detective.ListGraphsOutput{} },
	"AuditManager/ListAssessments":      func() any { return &auditmanager.ListAssessmentsOutput{} },
	"SecurityLake/ListDataLakes":        func() any { return &securitylake.ListDataLakesOutput{} },
	"FMS/ListPolicies":                  func() any { return &fms.ListPoliciesOutput{} },
	"Resource Explorer 2/ListIndexes":   func() any { return &resourceexplorer2.ListIndexesOutput{} },
	"Resource Explorer 2/ListViews":     func() any { return &resourceexplorer2.ListViewsOutput{} },
}

// securityGap is the empty answer to req when moto lacks its operation.
func securityGap(req awsx.Request) (any, bool) {
	if answer, ok := securityGaps[req.Service+"/"+req.Operation]; ok {
		return answer(), true
	}
	return nil, false
}
