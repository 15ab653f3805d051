package cli

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	"github.com/aws/aws-sdk-go-v2/service/configservice"
	cfgtypes "github.com/aws/aws-sdk-go-v2/service/configservice/types"
	"github.com/aws/aws-sdk-go-v2/service/guardduty"
	gdtypes "github.com/aws/aws-sdk-go-v2/service/guardduty/types"
	"github.com/aws/aws-sdk-go-v2/service/mediapackagev2"
	"github.com/aws/aws-sdk-go-v2/service/securityhub"
	"github.com/aws/aws-sdk-go-v2/service/timestreamquery"
	"github.com/aws/aws-sdk-go-v2/service/workspacesweb"

	"github.com/awsmap/awsmap/internal/awsx"
)

// seedSecurity turns GuardDuty, Security Hub and AWS Config on in region:
// off, their collections would be unsupported (NotEnabled) rather than hold
// resources.
func seedSecurity(ctx context.Context, m *manifest, region string, cfg aws.Config) {
	out, err := guardduty.NewFromConfig(cfg).CreateDetector(ctx, &guardduty.CreateDetectorInput{Enable: aws.Bool(true),
		FindingPublishingFrequency: gdtypes.FindingPublishingFrequencyOneHour, Tags: map[string]string{"Team": "sec"}})
	if m.ok(err, "%s guardduty detector", region) {
		m.add(seeded{region: region, service: "guardduty", typ: "detector", id: aws.ToString(out.DetectorId), tags: map[string]string{"Team": "sec"},
			fields: map[string]any{"status": "ENABLED", "finding_publishing_frequency": "ONE_HOUR"}})
	}
	_, err = securityhub.NewFromConfig(cfg).EnableSecurityHub(ctx, &securityhub.EnableSecurityHubInput{EnableDefaultStandards: aws.Bool(false)})
	if m.ok(err, "%s security hub", region) {
		m.add(seeded{region: region, service: "securityhub", typ: "hub", id: "default", fields: map[string]any{"control_finding_generator": "SECURITY_CONTROL"}})
	}
	cs := configservice.NewFromConfig(cfg)
	_, err = cs.PutConfigurationRecorder(ctx, &configservice.PutConfigurationRecorderInput{ConfigurationRecorder: &cfgtypes.ConfigurationRecorder{
		Name: aws.String("default"), RoleARN: aws.String("arn:aws:iam::" + estateAccount + ":role/config"),
		RecordingGroup: &cfgtypes.RecordingGroup{AllSupported: true}}})
	if !m.ok(err, "%s config recorder", region) {
		return
	}
	_, err = cs.PutDeliveryChannel(ctx, &configservice.PutDeliveryChannelInput{DeliveryChannel: &cfgtypes.DeliveryChannel{
		Name: aws.String("default"), S3BucketName: aws.String("config-" + region)}})
	if m.ok(err, "%s config delivery channel", region) {
		m.add(seeded{region: region, service: "config", typ: "delivery-channel", id: "default", fields: map[string]any{"s3_bucket_name": "config-" + region}})
	}
	_, err = cs.StartConfigurationRecorder(ctx, &configservice.StartConfigurationRecorderInput{ConfigurationRecorderName: aws.String("default")})
	if m.ok(err, "%s config recorder start", region) {
		m.add(seeded{region: region, service: "config", typ: "configuration-recorder", id: "default", fields: map[string]any{"recording": true, "all_supported": true}})
	}
}

// cannedMotoGaps answers the operations moto 5.2.1 does not serve with an
// empty answer, so the scan of the moto estate is not partial for them;
// every other call goes to next.
func cannedMotoGaps(next awsx.Responder) awsx.Responder {
	return awsx.ResponderFunc(func(ctx context.Context, req awsx.Request) (any, error) {
		if answer, ok := securityGap(req); ok {
			return answer, nil
		}
		switch req.Service + "." + req.Operation {
		case "SecurityHub.GetEnabledStandards":
			return &securityhub.GetEnabledStandardsOutput{}, nil
		case "Config Service.DescribeConformancePacks":
			return &configservice.DescribeConformancePacksOutput{}, nil
		case "CloudWatch.ListDashboards": // CloudWatch's CBOR, which moto cannot parse
			return &cloudwatch.ListDashboardsOutput{}, nil
		case "MediaPackageV2.ListChannels":
			return &mediapackagev2.ListChannelsOutput{}, nil
		case "Timestream Query.ListScheduledQueries":
			return &timestreamquery.ListScheduledQueriesOutput{}, nil
		case "WorkSpaces Web.ListIpAccessSettings":
			return &workspacesweb.ListIpAccessSettingsOutput{}, nil
		}
		return next.Respond(ctx, req)
	})
}
