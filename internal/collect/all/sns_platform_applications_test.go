package all_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sns"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/sns"
)

func TestSnsPlatformApplications(t *testing.T) {
	collecttest.Setup(t)
	ctx := context.Background()
	cfg := collecttest.Config(t, region, nil)
	api := sns.NewFromConfig(cfg)
	topic, err := api.CreateTopic(ctx, &sns.CreateTopicInput{Name: aws.String("push-events")})
	if err != nil {
		t.Fatal(err)
	}
	role := "arn:aws:iam::" + collecttest.MotoAccount + ":role/sns-feedback"
	apps := map[string]map[string]string{
		"GCM":  {"PlatformCredential": "firebase-server-key-SECRET", "EventDeliveryFailure": aws.ToString(topic.TopicArn), "SuccessFeedbackRoleArn": role},
		"APNS": {"PlatformCredential": "-----BEGIN PRIVATE KEY-----SECRET", "PlatformPrincipal": "-----BEGIN CERTIFICATE-----SECRET", "Enabled": "false"},
		"ADM":  {"PlatformCredential": "adm-client-secret-SECRET", "PlatformPrincipal": "adm-client-id"},
	}
	for platform, attrs := range apps {
		if _, err := api.CreatePlatformApplication(ctx, &sns.CreatePlatformApplicationInput{Name: aws.String("shop-" + strings.ToLower(platform)),
			Platform: aws.String(platform), Attributes: attrs}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := api.SetPlatformApplicationAttributes(ctx, &sns.SetPlatformApplicationAttributesInput{
		PlatformApplicationArn: aws.String("arn:aws:sns:" + region + ":" + collecttest.MotoAccount + ":app/GCM/shop-gcm"), Attributes: map[string]string{"Enabled": "true"}}); err != nil {
		t.Fatal(err)
	}

	got := collecttest.Run(t, cfg, collector.Service, "platform-application", region)
	if got.Err != nil || len(got.Resources) != 3 {
		t.Fatalf("platform applications: %v, %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	for _, r := range got.Resources {
		if strings.Contains(fmt.Sprint(r.Details), "SECRET") {
			t.Errorf("%s stores a credential: %v", r.ID, r.Details)
		}
	}
	gcm, apns := got.ByID()["GCM/shop-gcm"], got.ByID()["APNS/shop-apns"]
	if gcm == nil || apns == nil {
		t.Fatalf("ids: %v", got.ByID())
	}
	if gcm.Name != "shop-gcm" || gcm.ARN != "arn:aws:sns:"+region+":"+collecttest.MotoAccount+":app/GCM/shop-gcm" || gcm.Details["platform"] != "GCM" ||
		gcm.Details["enabled"] != true || gcm.Details["event_delivery_failure_topic"] != aws.ToString(topic.TopicArn) || apns.Details["enabled"] != false {
		t.Errorf("applications: %+v / %+v", gcm, apns)
	}
	collecttest.HasEdges(t, got, "GCM/shop-gcm -notifies-> sns/topic:push-events", "GCM/shop-gcm -assumes-role-> iam/role:sns-feedback")

	denied := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("ListPlatformApplications")})
	collecttest.AssertDenied(t, collecttest.Run(t, denied, collector.Service, "platform-application", region))
}
