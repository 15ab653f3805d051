package demo

import (
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/guardduty"
	gdtypes "github.com/aws/aws-sdk-go-v2/service/guardduty/types"
	"github.com/aws/aws-sdk-go-v2/service/securityhub"
	shtypes "github.com/aws/aws-sdk-go-v2/service/securityhub/types"
)

// The security services are turned on in every region but one: that region
// is what guardduty-not-enabled, securityhub-not-enabled and
// config-not-recording find; config-not-recording also finds the stopped
// recorder of configStoppedRegion.
const (
	securityOffRegion   = "ap-southeast-1"
	configStoppedRegion = "us-west-2"
)

func init() {
	register("GuardDuty", map[string]handler{"ListDetectors": gdDetectors, "GetDetector": gdDetector})
	register("SecurityHub", map[string]handler{"DescribeHub": shHub, "GetEnabledStandards": shStandards})
}

// gdDetectorID is the region's detector id (32 hex digits, like AWS's).
func (c *call) gdDetectorID() string {
	return "d0" + Accounts[c.acct].ID[:10] + strings.Repeat("0", 20)
}

func gdDetectors(c *call) (any, error) {
	if c.region == securityOffRegion {
		return &guardduty.ListDetectorsOutput{}, nil
	}
	return &guardduty.ListDetectorsOutput{DetectorIds: []string{c.gdDetectorID()}}, nil
}

func gdDetector(c *call) (any, error) {
	if c.region == securityOffRegion || aws.ToString(c.in.(*guardduty.GetDetectorInput).DetectorId) != c.gdDetectorID() {
		return nil, notFound("BadRequestException", "The request is rejected because the input detectorId is not owned by the current account.")
	}
	return &guardduty.GetDetectorOutput{
		Status: gdtypes.DetectorStatusEnabled, FindingPublishingFrequency: gdtypes.FindingPublishingFrequencySixHours,
		CreatedAt:   aws.String("2023-05-10T09:00:00.000Z"),
		ServiceRole: aws.String("arn:aws:iam::" + Accounts[c.acct].ID + ":role/aws-service-role/guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDuty"),
		Features: []gdtypes.DetectorFeatureConfigurationResult{
			{Name: gdtypes.DetectorFeatureResultCloudTrail, Status: gdtypes.FeatureStatusEnabled},
			{Name: gdtypes.DetectorFeatureResultS3DataEvents, Status: gdtypes.FeatureStatusEnabled},
			{Name: gdtypes.DetectorFeatureResultEksAuditLogs, Status: gdtypes.FeatureStatusDisabled},
		},
		Tags: map[string]string{"Owner": "security"},
	}, nil
}

func shHub(c *call) (any, error) {
	if c.region == securityOffRegion {
		return nil, notFound("InvalidAccessException", "Account "+Accounts[c.acct].ID+" is not subscribed to AWS Security Hub")
	}
	return &securityhub.DescribeHubOutput{HubArn: aws.String(c.arn("securityhub", "hub/default")),
		SubscribedAt: aws.String("2023-06-01T12:00:00.000Z"), AutoEnableControls: aws.Bool(true),
		ControlFindingGenerator: shtypes.ControlFindingGeneratorSecurityControl}, nil
}

func shStandards(c *call) (any, error) {
	return &securityhub.GetEnabledStandardsOutput{StandardsSubscriptions: []shtypes.StandardsSubscription{{
		StandardsArn: aws.String("arn:aws:securityhub:" + c.region + "::standards/aws-foundational-security-best-practices/v/1.0.0"),
		StandardsSubscriptionArn: aws.String("arn:aws:securityhub:" + c.region + ":" + Accounts[c.acct].ID +
			":subscription/aws-foundational-security-best-practices/v/1.0.0"),
		StandardsStatus: shtypes.StandardsStatusReady,
	}}}, nil
}
