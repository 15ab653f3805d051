package all_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	s3types "github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/aws/aws-sdk-go-v2/service/ses"
	"github.com/aws/aws-sdk-go-v2/service/ses/types"
	"github.com/aws/aws-sdk-go-v2/service/sns"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/ses"
)

var sesPaged = collecttest.Paged{Cap: 2}

// create makes two rule sets; "inbound" is active and has a rule storing
// mail in S3 (KMS-encrypted) and notifying a topic, without spam scan.
func sesCreate(t *testing.T, cfg aws.Config) (keyID string) {
	t.Helper()
	ctx := context.Background()
	api := ses.NewFromConfig(cfg)
	if _, err := s3.NewFromConfig(cfg, func(o *s3.Options) { o.UsePathStyle = true }).CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String("inbound-mail"),
		CreateBucketConfiguration: &s3types.CreateBucketConfiguration{LocationConstraint: s3types.BucketLocationConstraintEuWest1}}); err != nil {
		t.Fatal(err)
	}
	key, err := kms.NewFromConfig(cfg).CreateKey(ctx, &kms.CreateKeyInput{})
	if err != nil {
		t.Fatal(err)
	}
	topic, err := sns.NewFromConfig(cfg).CreateTopic(ctx, &sns.CreateTopicInput{Name: aws.String("mail-in")})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"inbound", "spare"} {
		if _, err := api.CreateReceiptRuleSet(ctx, &ses.CreateReceiptRuleSetInput{RuleSetName: aws.String(name)}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := api.CreateReceiptRule(ctx, &ses.CreateReceiptRuleInput{RuleSetName: aws.String("inbound"), Rule: &types.ReceiptRule{Name: aws.String("store"),
		Enabled: true, ScanEnabled: false, TlsPolicy: types.TlsPolicyOptional, Recipients: []string{"support@example.com"},
		Actions: []types.ReceiptAction{
			{S3Action: &types.S3Action{BucketName: aws.String("inbound-mail"), KmsKeyArn: key.KeyMetadata.Arn}},
			{SNSAction: &types.SNSAction{TopicArn: topic.TopicArn}}}}}); err != nil {
		t.Fatal(err)
	}
	if _, err := api.SetActiveReceiptRuleSet(ctx, &ses.SetActiveReceiptRuleSetInput{RuleSetName: aws.String("inbound")}); err != nil {
		t.Fatal(err)
	}
	return aws.ToString(key.KeyMetadata.KeyId)
}

func TestSesReceiptRuleSets(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.Config(t, region, nil)
	key := sesCreate(t, cfg)
	got := sesPaged.Run(t, cfg, collector.Service, "receipt-rule-set", region)
	if got.Err != nil || len(got.Resources) != 2 {
		t.Fatalf("rule sets: %v, %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	in := got.ByID()["inbound"]
	for k, v := range map[string]any{"active": true, "rule_count": int64(1), "rules_without_scan": int64(1), "rules_without_tls": int64(1)} {
		if in.Details[k] != v {
			t.Errorf("inbound details[%s] = %v, want %v", k, in.Details[k], v)
		}
	}
	if in.ARN != "arn:aws:ses:eu-west-1:"+account+":receipt-rule-set/inbound" {
		t.Errorf("arn %s", in.ARN)
	}
	if d := got.ByID()["spare"].Details; d["active"] != false || d["rule_count"] != int64(0) {
		t.Errorf("spare: %v", d)
	}
	collecttest.HasEdges(t, got, "inbound -delivers-to-> s3/bucket:inbound-mail", "inbound -encrypted-with-> kms/key:"+key, "inbound -triggers-> sns/topic:mail-in")
}

func TestSesDenied(t *testing.T) {
	collecttest.Setup(t)
	for _, op := range []string{"DescribeActiveReceiptRuleSet", "ListReceiptRuleSets"} {
		cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny(op)})
		collecttest.AssertDenied(t, sesPaged.Run(t, cfg, collector.Service, "receipt-rule-set", region))
	}
	sesCreate(t, collecttest.Config(t, region, nil))
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("DescribeReceiptRuleSet")})
	got := sesPaged.Run(t, cfg, collector.Service, "receipt-rule-set", region)
	if got.Err != nil || len(got.Resources) != 2 || len(got.Task.Warnings()) != 2 || got.ByID()["inbound"].Details["rule_count"] != nil {
		t.Fatalf("want sets without rules and a warning each, got %v, %d, %d", got.Err, len(got.Resources), len(got.Task.Warnings()))
	}
}
