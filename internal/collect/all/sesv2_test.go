package all_test

import (
	"context"
	"fmt"
	"strconv"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sesv2"
	"github.com/aws/aws-sdk-go-v2/service/sesv2/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/sesv2"
	"github.com/awsmap/awsmap/internal/model"
)

var sesv2Paged = collecttest.Paged{Cap: 2}

func sesv2Tag(k, v string) []types.Tag {
	return []types.Tag{{Key: aws.String(k), Value: aws.String(v)}}
}

// estate makes three identities (a domain and two addresses), a
// configuration set sending from the second of three pools, and a contact
// list.
func sesv2Estate(t *testing.T, api *sesv2.Client) {
	t.Helper()
	ctx := context.Background()
	must := func(_ any, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	for i := range 3 {
		must(api.CreateDedicatedIpPool(ctx, &sesv2.CreateDedicatedIpPoolInput{PoolName: aws.String(fmt.Sprintf("pool%d", i)),
			ScalingMode: types.ScalingModeManaged, Tags: sesv2Tag("n", fmt.Sprint(i))}))
	}
	must(api.CreateConfigurationSet(ctx, &sesv2.CreateConfigurationSetInput{ConfigurationSetName: aws.String("bulk"), Tags: sesv2Tag("team", "mail"),
		DeliveryOptions:    &types.DeliveryOptions{TlsPolicy: types.TlsPolicyRequire, SendingPoolName: aws.String("pool1")},
		ReputationOptions:  &types.ReputationOptions{ReputationMetricsEnabled: true},
		SuppressionOptions: &types.SuppressionOptions{SuppressedReasons: []types.SuppressionListReason{types.SuppressionListReasonBounce}}}))
	for _, a := range []string{"example.com", "ops@example.com", "noreply@example.com"} {
		must(api.CreateEmailIdentity(ctx, &sesv2.CreateEmailIdentityInput{EmailIdentity: aws.String(a)}))
	}
	must(api.CreateContactList(ctx, &sesv2.CreateContactListInput{ContactListName: aws.String("news"), Tags: sesv2Tag("team", "marketing")}))
}

// page is the page of items a list call with this page size and token
// gets, and the next token.
func sesv2Page[T any](items []T, size *int32, token *string) ([]T, *string) {
	start, _ := strconv.Atoi(aws.ToString(token))
	end := min(start+int(aws.ToInt32(size)), len(items))
	if end == len(items) {
		return items[start:], nil
	}
	return items[start:end], aws.String(strconv.Itoa(end))
}

// answers are what moto cannot answer: its three paged list calls fail on
// a page size (HTTP 500), so they are answered here, in pages, with what
// estate made; ListContactLists, GetConfigurationSet and GetEmailIdentity
// of a DKIM-signed domain (example.com) as AWS answers them (moto sends
// timestamps as strings and SendingEnabled as an object, which the SDK
// refuses). The rest goes to moto.
func sesv2Answers() map[string]func(any) (any, error) {
	return map[string]func(any) (any, error){
		"ListEmailIdentities": func(in any) (any, error) {
			i := in.(*sesv2.ListEmailIdentitiesInput)
			items, next := sesv2Page([]types.IdentityInfo{
				{IdentityName: aws.String("example.com"), IdentityType: types.IdentityTypeDomain, SendingEnabled: true, VerificationStatus: types.VerificationStatusSuccess},
				{IdentityName: aws.String("ops@example.com"), IdentityType: types.IdentityTypeEmailAddress, SendingEnabled: true, VerificationStatus: types.VerificationStatusSuccess},
				{IdentityName: aws.String("noreply@example.com"), IdentityType: types.IdentityTypeEmailAddress, VerificationStatus: types.VerificationStatusPending},
			}, i.PageSize, i.NextToken)
			return &sesv2.ListEmailIdentitiesOutput{EmailIdentities: items, NextToken: next}, nil
		},
		"ListConfigurationSets": func(in any) (any, error) {
			i := in.(*sesv2.ListConfigurationSetsInput)
			items, next := sesv2Page([]string{"bulk"}, i.PageSize, i.NextToken)
			return &sesv2.ListConfigurationSetsOutput{ConfigurationSets: items, NextToken: next}, nil
		},
		"ListDedicatedIpPools": func(in any) (any, error) {
			i := in.(*sesv2.ListDedicatedIpPoolsInput)
			items, next := sesv2Page([]string{"pool0", "pool1", "pool2"}, i.PageSize, i.NextToken)
			return &sesv2.ListDedicatedIpPoolsOutput{DedicatedIpPools: items, NextToken: next}, nil
		},
		"ListContactLists": func(any) (any, error) {
			return &sesv2.ListContactListsOutput{ContactLists: []types.ContactList{{ContactListName: aws.String("news"), LastUpdatedTimestamp: aws.Time(sesv2Updated)}}}, nil
		},
		"GetConfigurationSet": func(any) (any, error) {
			return &sesv2.GetConfigurationSetOutput{ConfigurationSetName: aws.String("bulk"), Tags: sesv2Tag("team", "mail"),
				DeliveryOptions:    &types.DeliveryOptions{TlsPolicy: types.TlsPolicyRequire, SendingPoolName: aws.String("pool1")},
				ReputationOptions:  &types.ReputationOptions{ReputationMetricsEnabled: true},
				SendingOptions:     &types.SendingOptions{SendingEnabled: true},
				SuppressionOptions: &types.SuppressionOptions{SuppressedReasons: []types.SuppressionListReason{types.SuppressionListReasonBounce}}}, nil
		},
		"GetEmailIdentity": func(in any) (any, error) {
			if aws.ToString(in.(*sesv2.GetEmailIdentityInput).EmailIdentity) != "example.com" {
				return nil, awsx.ErrPassThrough
			}
			return &sesv2.GetEmailIdentityOutput{IdentityType: types.IdentityTypeDomain, VerifiedForSendingStatus: true,
				ConfigurationSetName: aws.String("bulk"), Tags: sesv2Tag("team", "mail"), Policies: map[string]string{"partner": "{}"},
				DkimAttributes: &types.DkimAttributes{SigningEnabled: true, Status: types.DkimStatusSuccess,
					SigningAttributesOrigin: types.DkimSigningAttributesOriginAwsSes, NextSigningKeyLength: types.DkimSigningKeyLengthRsa2048Bit}}, nil
		},
	}
}

var sesv2Updated = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

func TestSesv2Collect(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(sesv2Answers())})
	sesv2Estate(t, sesv2.NewFromConfig(cfg))
	run := func(typ string, n int) collecttest.Result {
		t.Helper()
		got := sesv2Paged.Run(t, cfg, collector.Service, typ, region)
		if got.Err != nil || len(got.Resources) != n {
			t.Fatalf("%s: %v, %d resources, want %d", typ, got.Err, len(got.Resources), n)
		}
		collecttest.AssertNoWarnings(t, got)
		return got
	}

	ids := run("email-identity", 3)
	d := ids.ByID()["example.com"]
	if d.ARN != "arn:aws:ses:eu-west-1:"+account+":identity/example.com" || d.Tags["team"] != "mail" {
		t.Errorf("example.com: %s %v", d.ARN, d.Tags)
	}
	sesv2WantDetails(t, d, map[string]any{"identity_type": "DOMAIN", "verification_status": "SUCCESS", "sending_enabled": true,
		"dkim_signing_enabled": true, "dkim_status": "SUCCESS", "dkim_key_length": "RSA_2048_BIT", "configuration_set": "bulk", "verified_for_sending": true})
	if p, _ := d.Details["policy_names"].([]string); len(p) != 1 || p[0] != "partner" {
		t.Errorf("policy_names %v", d.Details["policy_names"])
	}
	sesv2WantDetails(t, ids.ByID()["ops@example.com"], map[string]any{"identity_type": "EMAIL_ADDRESS", "dkim_signing_enabled": false,
		"dkim_status": "NOT_STARTED", "configuration_set": "", "verified_for_sending": false})
	collecttest.HasEdges(t, ids, "example.com -uses-> sesv2/configuration-set:bulk")

	sets := run("configuration-set", 1)
	b := sets.ByID()["bulk"]
	if b.ARN != "arn:aws:ses:eu-west-1:"+account+":configuration-set/bulk" || b.Tags["team"] != "mail" {
		t.Errorf("bulk: %s %v", b.ARN, b.Tags)
	}
	sesv2WantDetails(t, b, map[string]any{"tls_policy": "REQUIRE", "sending_pool": "pool1", "reputation_metrics": true})
	if r, _ := b.Details["suppressed_reasons"].([]string); len(r) != 1 || r[0] != "BOUNCE" {
		t.Errorf("suppressed_reasons %v", b.Details["suppressed_reasons"])
	}
	collecttest.HasEdges(t, sets, "bulk -sends-from-> sesv2/dedicated-ip-pool:pool1")

	pools := run("dedicated-ip-pool", 3)
	p := pools.ByID()["pool2"]
	if p.ARN != "arn:aws:ses:eu-west-1:"+account+":dedicated-ip-pool/pool2" || p.Tags["n"] != "2" || p.Details["scaling_mode"] != "MANAGED" {
		t.Errorf("pool2: %s %v %v", p.ARN, p.Tags, p.Details)
	}

	lists := run("contact-list", 1)
	n := lists.ByID()["news"]
	if n.ARN != "arn:aws:ses:eu-west-1:"+account+":contact-list/news" || n.Tags["team"] != "marketing" || n.Details["last_updated"] != "2026-03-01T12:00:00Z" {
		t.Errorf("news: %s %v %v", n.ARN, n.Tags, n.Details)
	}
}

func sesv2WantDetails(t *testing.T, r *model.Resource, want map[string]any) {
	t.Helper()
	if r == nil {
		t.Fatal("resource missing")
	}
	for k, v := range want {
		if r.Details[k] != v {
			t.Errorf("%s details[%s] = %v, want %v", r.ID, k, r.Details[k], v)
		}
	}
}

func TestSesv2Denied(t *testing.T) {
	collecttest.Setup(t)
	for typ, op := range map[string]string{"email-identity": "ListEmailIdentities", "configuration-set": "ListConfigurationSets",
		"contact-list": "ListContactLists", "dedicated-ip-pool": "ListDedicatedIpPools"} {
		cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny(op)})
		collecttest.AssertDenied(t, sesv2Paged.Run(t, cfg, collector.Service, typ, region))
	}
	sesv2Estate(t, sesv2.NewFromConfig(collecttest.Config(t, region, nil)))
	denied := sesv2Answers()
	denied["GetEmailIdentity"] = collecttest.Denied("GetEmailIdentity")
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(denied)})
	got := sesv2Paged.Run(t, cfg, collector.Service, "email-identity", region)
	d := got.ByID()["example.com"]
	if got.Err != nil || len(got.Resources) != 3 || len(got.Task.Warnings()) != 3 || d.Details["dkim_status"] != nil || d.Details["identity_type"] != "DOMAIN" {
		t.Fatalf("want identities with list fields only and a warning each, got %v, %d, %v", got.Err, len(got.Resources), got.Task.Warnings())
	}
}
