package cli

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/guardduty"
	gdtypes "github.com/aws/aws-sdk-go-v2/service/guardduty/types"
	"github.com/aws/aws-sdk-go-v2/service/securityhub"

	"github.com/awsmap/awsmap/internal/awsx"
)

// seedSecurity turns GuardDuty and Security Hub on in region: off, their
// collections would be unsupported (NotEnabled) rather than hold resources.
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
}

// cannedMotoGaps answers the operations moto 5.2.1 does not serve with an
// empty answer, so the scan of the moto estate is not partial for them;
// every other call goes to next.
func cannedMotoGaps(next awsx.Responder) awsx.Responder {
	return awsx.ResponderFunc(func(ctx context.Context, req awsx.Request) (any, error) {
		switch req.Operation {
		case "GetEnabledStandards":
			return &securityhub.GetEnabledStandardsOutput{}, nil
		}
		return next.Respond(ctx, req)
	})
}
