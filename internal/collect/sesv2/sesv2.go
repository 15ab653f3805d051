// Package sesv2 collects Amazon SES (API v2) sending identities,
// configuration sets, contact lists and dedicated IP pools.
package sesv2

import (
	"context"
	"slices"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sesv2"
	"github.com/aws/aws-sdk-go-v2/service/sesv2/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the SES v2 collector.
var Service = &collect.Service{
	Name:        "sesv2",
	Description: "Amazon SES email identities, configuration sets, contact lists and dedicated IP pools",
	Types: []collect.Type{
		{Name: "email-identity", Description: "SES sending identity, a domain or an email address (id = the identity), with its verification and DKIM state",
			Fields: identityFields.Declared(), Tags: collect.TagsListed, Collect: identities, DetailCalls: 1},
		{Name: "configuration-set", Description: "SES configuration set (id = name): TLS policy, sending pool, reputation metrics, suppression",
			Fields: configSetFields.Declared(), Tags: collect.TagsListed, Collect: configurationSets, DetailCalls: 1},
		{Name: "contact-list", Description: "SES contact list (id = name; at most one per region)",
			Fields: contactListFields.Declared(), Tags: collect.TagsPerResource, Collect: contactLists, DetailCalls: 1},
		{Name: "dedicated-ip-pool", Description: "SES dedicated IP pool (id = name), standard or managed",
			Fields: poolFields.Declared(), Tags: collect.TagsPerResource, Collect: dedicatedIPPools, DetailCalls: 2},
	},
	Calls: "email-identity: ListEmailIdentities + per identity GetEmailIdentity. " +
		"configuration-set: ListConfigurationSets + per set GetConfigurationSet. " +
		"contact-list: ListContactLists + per list ListTagsForResource. " +
		"dedicated-ip-pool: ListDedicatedIpPools + per pool GetDedicatedIpPool, ListTagsForResource",
	Relations: []collect.Relation{
		{From: "email-identity", Kind: "uses", To: "sesv2/configuration-set"},
		{From: "configuration-set", Kind: "sends-from", To: "sesv2/dedicated-ip-pool"},
	},
}

func arn(t *collect.Task, resource string) string { return collect.ARN(t, "ses", "", resource) }

func tagMap(tags []types.Tag) map[string]string {
	return collect.TagMap(tags, func(tg types.Tag) (*string, *string) { return tg.Key, tg.Value })
}

// tagsOf reads a resource's tags with ListTagsForResource; a failure is a warning.
func tagsOf(ctx context.Context, t *collect.Task, api *sesv2.Client, arn string) map[string]string {
	out, err := api.ListTagsForResource(ctx, &sesv2.ListTagsForResourceInput{ResourceArn: aws.String(arn)})
	if err != nil {
		t.Warn("ListTagsForResource", err)
		return nil
	}
	return tagMap(out.Tags)
}

// identity is a listed identity with its GetEmailIdentity answer (nil when
// that call failed).
type identity struct {
	info types.IdentityInfo
	get  *sesv2.GetEmailIdentityOutput
}

func dkim(i identity) types.DkimAttributes {
	if i.get == nil || i.get.DkimAttributes == nil {
		return types.DkimAttributes{}
	}
	return *i.get.DkimAttributes
}

func hasIdentity(i identity) bool { return i.get != nil }

var identityFields = collect.Fields[identity]{
	collect.Enum("identity_type", "DOMAIN, EMAIL_ADDRESS or MANAGED_DOMAIN", func(i identity) types.IdentityType { return i.info.IdentityType }),
	collect.Enum("verification_status", "PENDING, SUCCESS, FAILED, TEMPORARY_FAILURE or NOT_STARTED", func(i identity) types.VerificationStatus { return i.info.VerificationStatus }),
	collect.Computed("sending_enabled", model.Boolean, "the identity may send email", func(i identity) any { return i.info.SendingEnabled }),
	collect.When(hasIdentity, collect.Computed("verified_for_sending", model.Boolean, "the identity is verified and can send", func(i identity) any {
		return i.get.VerifiedForSendingStatus
	})),
	collect.When(hasIdentity, collect.Computed("dkim_signing_enabled", model.Boolean, "outgoing mail is DKIM-signed", func(i identity) any { return dkim(i).SigningEnabled })),
	collect.When(hasIdentity, collect.Enum("dkim_status", "DKIM verification: PENDING, SUCCESS, FAILED, TEMPORARY_FAILURE or NOT_STARTED", func(i identity) types.DkimStatus {
		return dkim(i).Status
	})),
	collect.When(hasIdentity, collect.Enum("dkim_origin", "AWS_SES (Easy DKIM) or EXTERNAL (BYODKIM) keys, or a regional AWS_SES_* origin",
		func(i identity) types.DkimSigningAttributesOrigin { return dkim(i).SigningAttributesOrigin })),
	collect.When(hasIdentity, collect.Enum("dkim_key_length", "length of the next DKIM signing key: RSA_1024_BIT or RSA_2048_BIT",
		func(i identity) types.DkimSigningKeyLength { return dkim(i).NextSigningKeyLength })),
	collect.When(hasIdentity, collect.Computed("feedback_forwarding", model.Boolean, "bounces and complaints are forwarded by email", func(i identity) any {
		return i.get.FeedbackForwardingStatus
	})),
	collect.When(hasIdentity, collect.Text("configuration_set", "default configuration set of mail sent from the identity", func(i identity) *string {
		return i.get.ConfigurationSetName
	})),
	collect.When(hasIdentity, collect.Computed("policy_names", model.JSON, "names of the sending authorization policies (other accounts allowed to send)", func(i identity) any {
		names := make([]string, 0, len(i.get.Policies))
		for n := range i.get.Policies {
			names = append(names, n)
		}
		slices.Sort(names)
		return names
	})),
}

func identities(ctx context.Context, t *collect.Task) error {
	api := sesv2.NewFromConfig(t.Config)
	p := sesv2.NewListEmailIdentitiesPaginator(api, &sesv2.ListEmailIdentitiesInput{PageSize: t.PageSize(1000)})
	return collect.EachItem(ctx, p, func(page *sesv2.ListEmailIdentitiesOutput) []types.IdentityInfo { return page.EmailIdentities },
		func(ctx context.Context, info types.IdentityInfo) {
			name := aws.ToString(info.IdentityName)
			i := identity{info: info}
			out, err := api.GetEmailIdentity(ctx, &sesv2.GetEmailIdentityInput{EmailIdentity: info.IdentityName})
			t.Warn("GetEmailIdentity", err)
			r := &model.Resource{Key: t.Key("email-identity", name), Name: name, ARN: arn(t, "identity/"+name)}
			if err == nil {
				i.get, r.Tags = out, tagMap(out.Tags)
				t.Relate(r.Key, "uses", t.Key("configuration-set", aws.ToString(out.ConfigurationSetName)))
			}
			r.Details = identityFields.Details(i)
			t.Emit(r)
		})
}

func delivery(c *sesv2.GetConfigurationSetOutput) types.DeliveryOptions {
	if c.DeliveryOptions == nil {
		return types.DeliveryOptions{}
	}
	return *c.DeliveryOptions
}

var configSetFields = collect.Fields[*sesv2.GetConfigurationSetOutput]{
	collect.Computed("tls_policy", model.Text, "REQUIRE (only over TLS) or OPTIONAL", func(c *sesv2.GetConfigurationSetOutput) any { return string(delivery(c).TlsPolicy) }),
	collect.Computed("sending_pool", model.Text, "dedicated IP pool the set sends from; empty for the shared pool", func(c *sesv2.GetConfigurationSetOutput) any {
		return aws.ToString(delivery(c).SendingPoolName)
	}),
	collect.Computed("sending_enabled", model.Boolean, "email can be sent with the set", func(c *sesv2.GetConfigurationSetOutput) any {
		return c.SendingOptions != nil && c.SendingOptions.SendingEnabled
	}),
	collect.Computed("reputation_metrics", model.Boolean, "bounce and complaint metrics are published to CloudWatch", func(c *sesv2.GetConfigurationSetOutput) any {
		return c.ReputationOptions != nil && c.ReputationOptions.ReputationMetricsEnabled
	}),
	collect.Computed("suppressed_reasons", model.JSON, "reasons that add an address to the suppression list (BOUNCE, COMPLAINT); empty: account default", func(c *sesv2.GetConfigurationSetOutput) any {
		out := []string{}
		if c.SuppressionOptions != nil {
			out = collect.Values(c.SuppressionOptions.SuppressedReasons)
		}
		return out
	}),
	collect.Computed("https_policy", model.Text, "open and click tracking links: REQUIRE, REQUIRE_OPEN_ONLY or OPTIONAL; empty without tracking options", func(c *sesv2.GetConfigurationSetOutput) any {
		if c.TrackingOptions == nil {
			return ""
		}
		return string(c.TrackingOptions.HttpsPolicy)
	}),
}

func configurationSets(ctx context.Context, t *collect.Task) error {
	api := sesv2.NewFromConfig(t.Config)
	p := sesv2.NewListConfigurationSetsPaginator(api, &sesv2.ListConfigurationSetsInput{PageSize: t.PageSize(1000)})
	return collect.EachItem(ctx, p, func(page *sesv2.ListConfigurationSetsOutput) []string { return page.ConfigurationSets },
		func(ctx context.Context, name string) {
			r := &model.Resource{Key: t.Key("configuration-set", name), Name: name, ARN: arn(t, "configuration-set/"+name)}
			out, err := api.GetConfigurationSet(ctx, &sesv2.GetConfigurationSetInput{ConfigurationSetName: aws.String(name)})
			t.Warn("GetConfigurationSet", err)
			if err == nil {
				r.Details, r.Tags = configSetFields.Details(out), tagMap(out.Tags)
				t.Relate(r.Key, "sends-from", t.Key("dedicated-ip-pool", aws.ToString(delivery(out).SendingPoolName)))
			}
			t.Emit(r)
		})
}

var contactListFields = collect.Fields[types.ContactList]{
	collect.Timestamp("last_updated", "when the list was last changed", func(c types.ContactList) *time.Time { return c.LastUpdatedTimestamp }),
}

func contactLists(ctx context.Context, t *collect.Task) error {
	api := sesv2.NewFromConfig(t.Config)
	p := sesv2.NewListContactListsPaginator(api, &sesv2.ListContactListsInput{PageSize: t.PageSize(1000)})
	return collect.EachItem(ctx, p, func(page *sesv2.ListContactListsOutput) []types.ContactList { return page.ContactLists },
		func(ctx context.Context, c types.ContactList) {
			name := aws.ToString(c.ContactListName)
			a := arn(t, "contact-list/"+name)
			t.Emit(&model.Resource{Key: t.Key("contact-list", name), Name: name, ARN: a, Details: contactListFields.Details(c), Tags: tagsOf(ctx, t, api, a)})
		})
}

var poolFields = collect.Fields[*types.DedicatedIpPool]{
	collect.Enum("scaling_mode", "STANDARD (IPs you manage) or MANAGED (SES scales them)", func(p *types.DedicatedIpPool) types.ScalingMode { return p.ScalingMode }),
}

func dedicatedIPPools(ctx context.Context, t *collect.Task) error {
	api := sesv2.NewFromConfig(t.Config)
	p := sesv2.NewListDedicatedIpPoolsPaginator(api, &sesv2.ListDedicatedIpPoolsInput{PageSize: t.PageSize(1000)})
	return collect.EachItem(ctx, p, func(page *sesv2.ListDedicatedIpPoolsOutput) []string { return page.DedicatedIpPools },
		func(ctx context.Context, name string) {
			a := arn(t, "dedicated-ip-pool/"+name)
			r := &model.Resource{Key: t.Key("dedicated-ip-pool", name), Name: name, ARN: a}
			out, err := api.GetDedicatedIpPool(ctx, &sesv2.GetDedicatedIpPoolInput{PoolName: aws.String(name)})
			t.Warn("GetDedicatedIpPool", err)
			if err == nil && out.DedicatedIpPool != nil {
				r.Details = poolFields.Details(out.DedicatedIpPool)
			}
			r.Tags = tagsOf(ctx, t, api, a)
			t.Emit(r)
		})
}
