package all_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/aws-sdk-go-v2/service/sns/types"
	"github.com/aws/aws-sdk-go-v2/service/sqs"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/sns"
)

func createTopic(t *testing.T, api *sns.Client, in *sns.CreateTopicInput) string {
	t.Helper()
	out, err := api.CreateTopic(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	return aws.ToString(out.TopicArn)
}

func snsSubscribe(t *testing.T, api *sns.Client, topic, protocol, endpoint string) string {
	t.Helper()
	out, err := api.Subscribe(context.Background(), &sns.SubscribeInput{TopicArn: aws.String(topic), Protocol: aws.String(protocol),
		Endpoint: aws.String(endpoint), ReturnSubscriptionArn: true})
	if err != nil {
		t.Fatal(err)
	}
	return aws.ToString(out.SubscriptionArn)
}

func TestSnsTopics(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.Config(t, region, nil)
	api := sns.NewFromConfig(cfg)
	alerts := createTopic(t, api, &sns.CreateTopicInput{Name: aws.String("alerts"),
		Attributes: map[string]string{"DisplayName": "Alerts", "KmsMasterKeyId": "alias/aws/sns"},
		Tags:       []types.Tag{{Key: aws.String("Team"), Value: aws.String("sre")}}})
	createTopic(t, api, &sns.CreateTopicInput{Name: aws.String("orders.fifo"), Attributes: map[string]string{"FifoTopic": "true"}})
	for i := range 4 {
		createTopic(t, api, &sns.CreateTopicInput{Name: aws.String(fmt.Sprintf("t-%d", i))})
	}

	got := collecttest.Run(t, cfg, collector.Service, "topic", region)
	if got.Err != nil {
		t.Fatal(got.Err)
	}
	collecttest.AssertNoWarnings(t, got)
	byID := got.ByID()
	if len(byID) != 6 {
		t.Fatalf("want 6 topics, got %d", len(byID))
	}
	tp := byID["alerts"]
	// moto answers the subscription counters with a constant 0.
	checks := map[string]any{"display_name": "Alerts", "kms_key_id": "alias/aws/sns", "subscriptions_confirmed": int64(0),
		"subscriptions_pending": int64(0), "policy_present": true, "fifo": false}
	for k, want := range checks {
		if tp.Details[k] != want {
			t.Errorf("details[%s] = %v (%T), want %v", k, tp.Details[k], tp.Details[k], want)
		}
	}
	if tp.ARN != alerts || tp.Tags["Team"] != "sre" || byID["orders.fifo"].Details["fifo"] != true {
		t.Errorf("arn %q tags %v fifo %v", tp.ARN, tp.Tags, byID["orders.fifo"].Details)
	}
}

func TestSnsSubscriptions(t *testing.T) {
	collecttest.Setup(t)
	ctx := context.Background()
	cfg := collecttest.Config(t, region, nil)
	api := sns.NewFromConfig(cfg)
	topic := createTopic(t, api, &sns.CreateTopicInput{Name: aws.String("alerts")})
	if _, err := sqs.NewFromConfig(cfg).CreateQueue(ctx, &sqs.CreateQueueInput{QueueName: aws.String("inbox")}); err != nil {
		t.Fatal(err)
	}
	queueSub := snsSubscribe(t, api, topic, "sqs", "arn:aws:sqs:"+region+":"+collecttest.MotoAccount+":inbox")
	fnSub := snsSubscribe(t, api, topic, "lambda", "arn:aws:lambda:us-east-1:210987654321:function:notify:live")
	mailSub := snsSubscribe(t, api, topic, "email", "jane.doe@example.com")
	smsSub := snsSubscribe(t, api, topic, "sms", "+15555550123")
	hookSub := snsSubscribe(t, api, topic, "https", "https://hooks.example.com/services/T0/B0/secret-token")
	for i := range 2 {
		snsSubscribe(t, api, topic, "sqs", fmt.Sprintf("arn:aws:sqs:%s:%s:more-%d", region, collecttest.MotoAccount, i))
	}

	got := collecttest.Run(t, cfg, collector.Service, "subscription", region)
	if got.Err != nil {
		t.Fatal(got.Err)
	}
	byID := got.ByID()
	endpoints := map[string]string{
		queueSub: "arn:aws:sqs:" + region + ":" + collecttest.MotoAccount + ":inbox",
		fnSub:    "arn:aws:lambda:us-east-1:210987654321:function:notify:live",
		mailSub:  "*@example.com",
		smsSub:   "**********23",
		hookSub:  "https://hooks.example.com",
	}
	for id, want := range endpoints {
		s := byID[id]
		if s == nil {
			t.Errorf("subscription %s missing; got %v", id, byID)
			continue
		}
		if s.Details["endpoint"] != want || s.Details["topic_arn"] != topic {
			t.Errorf("%s: details = %v, want endpoint %q", id, s.Details, want)
		}
	}
	for _, r := range got.Resources {
		if d := fmt.Sprint(r.Details); strings.Contains(d, "jane.doe") || strings.Contains(d, "0123") || strings.Contains(d, "secret-token") {
			t.Errorf("personal data stored: %v", d)
		}
	}
	edges := strings.Join(got.Edges(), "\n")
	for _, want := range []string{
		queueSub + " -member-of-> sns/topic:alerts",
		queueSub + " -triggers-> sqs/queue:inbox",
		fnSub + " -triggers-> lambda/function:notify",
	} {
		if !strings.Contains(edges, want) {
			t.Errorf("missing relationship %s in\n%s", want, edges)
		}
	}
	for _, rel := range got.Relationships {
		if rel.Kind == "triggers" && rel.To.ID == "notify" && (rel.To.Region != "us-east-1" || rel.To.Account != "210987654321") {
			t.Errorf("cross-account lambda target key = %+v", rel.To)
		}
	}
}

func TestSnsPermissions(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("ListTopics")})
	got := collecttest.Run(t, cfg, collector.Service, "topic", region)
	collecttest.AssertDenied(t, got)

	createTopic(t, sns.NewFromConfig(collecttest.Config(t, region, nil)), &sns.CreateTopicInput{Name: aws.String("alerts")})
	cfg = collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("GetTopicAttributes")})
	got = collecttest.Run(t, cfg, collector.Service, "topic", region)
	if got.Err != nil || len(got.Resources) != 1 {
		t.Fatalf("want the topic despite the denied detail call, got %v and %d", got.Err, len(got.Resources))
	}
	if _, ok := got.Resources[0].Details["policy_present"]; ok || len(got.Task.Warnings()) == 0 {
		t.Errorf("want attributes absent and a warning, got %v / %v", got.Resources[0].Details, got.Task.Warnings())
	}
}
