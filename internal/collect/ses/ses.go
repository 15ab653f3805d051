// Package ses collects Amazon SES (API v1) email receiving rule sets; the
// sending side is in package sesv2.
package ses

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ses"
	"github.com/aws/aws-sdk-go-v2/service/ses/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the SES (v1) collector.
var Service = &collect.Service{
	Name:        "ses",
	Description: "Amazon SES email receiving rule sets",
	Types: []collect.Type{
		{Name: "receipt-rule-set", Description: "SES receipt rule set (id = name): what happens to incoming mail; one is active per region",
			Fields: ruleSetFields.Declared(), Tags: collect.NotTaggable, Collect: ruleSets, DetailCalls: 1},
	},
	Calls: "receipt-rule-set: DescribeActiveReceiptRuleSet, ListReceiptRuleSets + per set DescribeReceiptRuleSet",
	Relations: []collect.Relation{
		{From: "receipt-rule-set", Kind: "delivers-to", To: "s3/bucket"},
		{From: "receipt-rule-set", Kind: "triggers", To: "lambda/function"},
		{From: "receipt-rule-set", Kind: "triggers", To: "sns/topic"},
		{From: "receipt-rule-set", Kind: "encrypted-with", To: "kms/key"},
	},
}

// ruleSet is a listed set, whether it is the active one, and its rules
// (nil when DescribeReceiptRuleSet failed).
type ruleSet struct {
	active bool
	rules  []types.ReceiptRule
	known  bool
}

func hasRules(s ruleSet) bool { return s.known }

var ruleSetFields = collect.Fields[ruleSet]{
	collect.Computed("active", model.Boolean, "the set is the region's active rule set (only it receives mail)", func(s ruleSet) any { return s.active }),
	collect.When(hasRules, collect.Computed("rule_count", model.Integer, "number of rules", func(s ruleSet) any { return int64(len(s.rules)) })),
	collect.When(hasRules, collect.Computed("rules_without_scan", model.Integer, "enabled rules that do not scan mail for spam and viruses", func(s ruleSet) any {
		n := 0
		for _, r := range s.rules {
			if r.Enabled && !r.ScanEnabled {
				n++
			}
		}
		return int64(n)
	})),
	collect.When(hasRules, collect.Computed("rules_without_tls", model.Integer, "enabled rules that accept mail sent without TLS (TlsPolicy Optional)", func(s ruleSet) any {
		n := 0
		for _, r := range s.rules {
			if r.Enabled && r.TlsPolicy != types.TlsPolicyRequire {
				n++
			}
		}
		return int64(n)
	})),
}

func ruleSets(ctx context.Context, t *collect.Task) error {
	api := ses.NewFromConfig(t.Config)
	active, err := api.DescribeActiveReceiptRuleSet(ctx, &ses.DescribeActiveReceiptRuleSetInput{})
	if err != nil {
		return err
	}
	activeName := ""
	if active.Metadata != nil {
		activeName = aws.ToString(active.Metadata.Name)
	}
	// ListReceiptRuleSets has no page size and no paginator: follow the token.
	in := &ses.ListReceiptRuleSetsInput{}
	for {
		out, err := api.ListReceiptRuleSets(ctx, in)
		if err != nil {
			return err
		}
		collect.ForEach(ctx, out.RuleSets, func(ctx context.Context, m types.ReceiptRuleSetMetadata) {
			name := aws.ToString(m.Name)
			s := ruleSet{active: name == activeName}
			r := &model.Resource{Key: t.Key("receipt-rule-set", name), Name: name, ARN: collect.ARN(t, "ses", "", "receipt-rule-set/"+name), CreatedAt: model.Time(m.CreatedTimestamp)}
			d, err := api.DescribeReceiptRuleSet(ctx, &ses.DescribeReceiptRuleSetInput{RuleSetName: m.Name})
			t.Warn("DescribeReceiptRuleSet", err)
			if err == nil {
				s.rules, s.known = d.Rules, true
				relate(t, r.Key, d.Rules)
			}
			r.Details = ruleSetFields.Details(s)
			t.Emit(r)
		})
		if aws.ToString(out.NextToken) == "" {
			return nil
		}
		in.NextToken = out.NextToken
	}
}

func relate(t *collect.Task, key model.Key, rules []types.ReceiptRule) {
	for _, rule := range rules {
		for _, a := range rule.Actions {
			if s := a.S3Action; s != nil {
				t.RelateByName(key, "delivers-to", "s3", "bucket", aws.ToString(s.BucketName), t.Region)
				t.Relate(key, "encrypted-with", t.KMSKey(aws.ToString(s.KmsKeyArn)))
			}
			for _, arn := range []*string{lambdaARN(a), snsARN(a)} {
				if k, ok := collect.TargetKey(aws.ToString(arn)); ok {
					t.Relate(key, "triggers", k)
				}
			}
		}
	}
}

func lambdaARN(a types.ReceiptAction) *string {
	if a.LambdaAction == nil {
		return nil
	}
	return a.LambdaAction.FunctionArn
}

func snsARN(a types.ReceiptAction) *string {
	if a.SNSAction == nil {
		return nil
	}
	return a.SNSAction.TopicArn
}
