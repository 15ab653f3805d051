package sns

import (
	"context"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/aws-sdk-go-v2/service/sns/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// appAttr reads one attribute of a platform application. Only the named
// attributes below are read: PlatformCredential and PlatformPrincipal
// (keys, certificates, tokens) never are.
func appAttr(name string) func(types.PlatformApplication) *string {
	return func(a types.PlatformApplication) *string {
		if v, ok := a.Attributes[name]; ok {
			return &v
		}
		return nil
	}
}

var platformApplicationFields = collect.Fields[types.PlatformApplication]{
	collect.Computed("platform", model.Text, "push service: APNS, APNS_SANDBOX, GCM (Firebase), ADM, BAIDU, MPNS or WNS", func(a types.PlatformApplication) any {
		return platformAndName(aws.ToString(a.PlatformApplicationArn))[0]
	}),
	collect.Computed("enabled", model.Boolean, "the application delivers notifications", func(a types.PlatformApplication) any {
		return a.Attributes["Enabled"] == "true"
	}),
	collect.Computed("apple_certificate_expires_at", model.Timestamp, "expiry of the APNS certificate (notifications stop after it)", func(a types.PlatformApplication) any {
		return collect.TimeText(appAttr("AppleCertificateExpirationDate")(a))
	}),
	collect.Text("apple_team_id", "Apple team of token-based APNS authentication", appAttr("ApplePlatformTeamID")),
	collect.Text("apple_bundle_id", "app bundle of token-based APNS authentication", appAttr("ApplePlatformBundleID")),
	collect.Text("event_endpoint_created_topic", "topic notified when an endpoint is added", appAttr("EventEndpointCreated")),
	collect.Text("event_endpoint_deleted_topic", "topic notified when an endpoint is deleted", appAttr("EventEndpointDeleted")),
	collect.Text("event_endpoint_updated_topic", "topic notified when an endpoint changes", appAttr("EventEndpointUpdated")),
	collect.Text("event_delivery_failure_topic", "topic notified when a delivery fails", appAttr("EventDeliveryFailure")),
	collect.Text("success_feedback_role_arn", "role logging successful deliveries to CloudWatch Logs", appAttr("SuccessFeedbackRoleArn")),
	collect.Text("failure_feedback_role_arn", "role logging failed deliveries to CloudWatch Logs", appAttr("FailureFeedbackRoleArn")),
}

// eventTopics are the attributes naming a topic the application notifies.
var eventTopics = []string{"EventEndpointCreated", "EventEndpointDeleted", "EventEndpointUpdated", "EventDeliveryFailure"}

// platformAndName splits a platform application ARN
// (arn:aws:sns:r:a:app/GCM/name) into its platform and name.
func platformAndName(arn string) [2]string {
	_, res, _ := strings.Cut(arn, ":app/")
	platform, name, _ := strings.Cut(res, "/")
	return [2]string{platform, name}
}

// platformApplications lists the mobile push applications (id =
// platform/name). AWS lets them carry no tags.
func platformApplications(ctx context.Context, t *collect.Task) error {
	p := sns.NewListPlatformApplicationsPaginator(client(t), &sns.ListPlatformApplicationsInput{})
	return collect.EachPage(ctx, p, func(page *sns.ListPlatformApplicationsOutput) error {
		for _, a := range page.PlatformApplications {
			arn := aws.ToString(a.PlatformApplicationArn)
			pn := platformAndName(arn)
			key := t.Key("platform-application", pn[0]+"/"+pn[1])
			t.Emit(&model.Resource{Key: key, ARN: arn, Name: pn[1], Details: platformApplicationFields.Details(a)})
			for _, attr := range eventTopics {
				t.Relate(key, "notifies", t.Key("topic", collect.ARNResourceName(a.Attributes[attr])))
			}
			for _, attr := range []string{"SuccessFeedbackRoleArn", "FailureFeedbackRoleArn"} {
				t.Relate(key, "assumes-role", t.Role(a.Attributes[attr]))
			}
		}
		return nil
	})
}
