// Package iot collects AWS IoT Core: things, thing types and groups,
// policies (with their documents), device certificates (status and
// validity, never the PEM), topic rules, role aliases and custom domain
// configurations.
package iot

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/iot"
	"github.com/aws/aws-sdk-go-v2/service/iot/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the IoT Core collector.
var Service = &collect.Service{
	Name:        "iot",
	Description: "IoT Core things, thing types and groups, policies, certificates, topic rules, role aliases and domain configurations",
	Types: []collect.Type{
		{Name: "thing", Description: "IoT thing (id = name)", Fields: thingFields.Declared(), Tags: collect.NotTaggable, Collect: things},
		{Name: "thing-type", Description: "IoT thing type (id = name)", Fields: thingTypeFields.Declared(), Tags: collect.TagsPerResource, Collect: thingTypes, DetailCalls: 1},
		{Name: "thing-group", Description: "IoT thing group (id = name)", Fields: thingGroupFields.Declared(), Tags: collect.TagsPerResource, Collect: thingGroups, DetailCalls: 2},
		{Name: "policy", Description: "IoT policy (id = name), with its default version's document", Fields: policyFields.Declared(), Tags: collect.TagsPerResource,
			Collect: policies, DetailCalls: 2},
		{Name: "certificate", Description: "IoT device certificate (id = certificate id): status and validity, never the PEM", Fields: certificateFields.Declared(),
			Tags: collect.NotTaggable, Collect: certificates, DetailCalls: 1},
		{Name: "topic-rule", Description: "IoT topic rule (id = name): the SQL and where it sends messages", Fields: ruleFields.Declared(), Tags: collect.TagsPerResource,
			Collect: topicRules, DetailCalls: 2},
		{Name: "role-alias", Description: "IoT role alias (id = alias): the IAM role devices get credentials for", Fields: roleAliasFields.Declared(),
			Tags: collect.TagsPerResource, Collect: roleAliases, DetailCalls: 2},
		{Name: "domain-configuration", Description: "IoT custom domain configuration (id = name); AWS-managed iot:* configurations are skipped",
			Fields: domainFields.Declared(), Tags: collect.TagsPerResource, Collect: domainConfigurations, DetailCalls: 2},
	},
	Calls: "thing: ListThings. thing-type: ListThingTypes + per type ListTagsForResource. " +
		"thing-group: ListThingGroups + per group DescribeThingGroup, ListTagsForResource. " +
		"policy: ListPolicies + per policy GetPolicy, ListTagsForResource. certificate: ListCertificates + per certificate DescribeCertificate. " +
		"topic-rule: ListTopicRules + per rule GetTopicRule, ListTagsForResource. role-alias: ListRoleAliases + per alias DescribeRoleAlias, ListTagsForResource. " +
		"domain-configuration: ListDomainConfigurations + per configuration DescribeDomainConfiguration, ListTagsForResource",
	Relations: []collect.Relation{
		{From: "thing", Kind: "of-type", To: "iot/thing-type"},
		{From: "thing-group", Kind: "in-group", To: "iot/thing-group"},
		{From: "role-alias", Kind: "assumes-role", To: "iam/role"},
		{From: "topic-rule", Kind: "assumes-role", To: "iam/role"},
		{From: "topic-rule", Kind: "targets", To: "lambda/function"},
		{From: "topic-rule", Kind: "targets", To: "sqs/queue"},
		{From: "topic-rule", Kind: "targets", To: "sns/topic"},
	},
}

// tags pages through a resource's tags; a failure is a warning.
func tags(ctx context.Context, t *collect.Task, api *iot.Client, arn string) map[string]string {
	out := map[string]string{}
	p := iot.NewListTagsForResourcePaginator(api, &iot.ListTagsForResourceInput{ResourceArn: aws.String(arn)})
	t.Warn("ListTagsForResource", collect.EachPage(ctx, p, func(page *iot.ListTagsForResourceOutput) error {
		for _, tg := range page.Tags {
			out[aws.ToString(tg.Key)] = aws.ToString(tg.Value)
		}
		return nil
	}))
	return out
}

// described emits r after its describe call: details reads the answer and
// relates it; a failed call is a warning and leaves the details unknown.
func described[D any](ctx context.Context, t *collect.Task, api *iot.Client, r *model.Resource, op string, describe func(context.Context) (D, error),
	details func(D)) {
	if d, err := describe(ctx); err != nil {
		t.Warn(op, err)
	} else {
		details(d)
	}
	if r.ARN != "" {
		r.Tags = tags(ctx, t, api, r.ARN)
	}
	t.Emit(r)
}

var thingFields = collect.Fields[types.ThingAttribute]{
	collect.Text("thing_type", "thing type, if any", func(th types.ThingAttribute) *string { return th.ThingTypeName }),
	collect.Computed("attributes", model.JSON, "searchable attributes (name: value)", func(th types.ThingAttribute) any {
		if th.Attributes == nil {
			return map[string]string{}
		}
		return th.Attributes
	}),
	collect.Computed("version", model.Integer, "registry version of the thing", func(th types.ThingAttribute) any { return th.Version }),
}

func things(ctx context.Context, t *collect.Task) error {
	p := iot.NewListThingsPaginator(iot.NewFromConfig(t.Config), &iot.ListThingsInput{MaxResults: t.PageSize(250)})
	return collect.EachPage(ctx, p, func(page *iot.ListThingsOutput) error {
		for _, th := range page.Things {
			name := aws.ToString(th.ThingName)
			key := t.Key("thing", name)
			t.Emit(&model.Resource{Key: key, Name: name, ARN: aws.ToString(th.ThingArn), Details: thingFields.Details(th)})
			t.Relate(key, "of-type", t.Key("thing-type", aws.ToString(th.ThingTypeName)))
		}
		return nil
	})
}

var thingTypeFields = collect.Fields[types.ThingTypeDefinition]{
	collect.Computed("description", model.Text, "thing type description", func(d types.ThingTypeDefinition) any {
		if d.ThingTypeProperties == nil {
			return ""
		}
		return aws.ToString(d.ThingTypeProperties.ThingTypeDescription)
	}),
	collect.Computed("deprecated", model.Boolean, "no new things may use the type", func(d types.ThingTypeDefinition) any {
		return d.ThingTypeMetadata != nil && d.ThingTypeMetadata.Deprecated
	}),
}

func thingTypes(ctx context.Context, t *collect.Task) error {
	api := iot.NewFromConfig(t.Config)
	p := iot.NewListThingTypesPaginator(api, &iot.ListThingTypesInput{MaxResults: t.PageSize(250)})
	return collect.EachItem(ctx, p, func(page *iot.ListThingTypesOutput) []types.ThingTypeDefinition { return page.ThingTypes },
		func(ctx context.Context, d types.ThingTypeDefinition) {
			name, arn := aws.ToString(d.ThingTypeName), aws.ToString(d.ThingTypeArn)
			r := &model.Resource{Key: t.Key("thing-type", name), Name: name, ARN: arn, Details: thingTypeFields.Details(d), Tags: tags(ctx, t, api, arn)}
			if d.ThingTypeMetadata != nil {
				r.CreatedAt = model.Time(d.ThingTypeMetadata.CreationDate)
			}
			t.Emit(r)
		})
}

var thingGroupFields = collect.Fields[*iot.DescribeThingGroupOutput]{
	collect.Computed("description", model.Text, "group description", func(g *iot.DescribeThingGroupOutput) any {
		if g.ThingGroupProperties == nil {
			return ""
		}
		return aws.ToString(g.ThingGroupProperties.ThingGroupDescription)
	}),
	collect.Computed("parent", model.Text, "parent group; empty: a root group", func(g *iot.DescribeThingGroupOutput) any {
		if g.ThingGroupMetadata == nil {
			return ""
		}
		return aws.ToString(g.ThingGroupMetadata.ParentGroupName)
	}),
	collect.Computed("dynamic", model.Boolean, "membership is a fleet index query", func(g *iot.DescribeThingGroupOutput) any { return aws.ToString(g.QueryString) != "" }),
	collect.Text("query", "fleet index query of a dynamic group", func(g *iot.DescribeThingGroupOutput) *string { return g.QueryString }),
}

func thingGroups(ctx context.Context, t *collect.Task) error {
	api := iot.NewFromConfig(t.Config)
	p := iot.NewListThingGroupsPaginator(api, &iot.ListThingGroupsInput{MaxResults: t.PageSize(250)})
	return collect.EachItem(ctx, p, func(page *iot.ListThingGroupsOutput) []types.GroupNameAndArn { return page.ThingGroups },
		func(ctx context.Context, g types.GroupNameAndArn) {
			name := aws.ToString(g.GroupName)
			key := t.Key("thing-group", name)
			r := &model.Resource{Key: key, Name: name, ARN: aws.ToString(g.GroupArn)}
			described(ctx, t, api, r, "DescribeThingGroup", func(ctx context.Context) (*iot.DescribeThingGroupOutput, error) {
				return api.DescribeThingGroup(ctx, &iot.DescribeThingGroupInput{ThingGroupName: g.GroupName})
			}, func(d *iot.DescribeThingGroupOutput) {
				r.Details = thingGroupFields.Details(d)
				if m := d.ThingGroupMetadata; m != nil {
					r.CreatedAt = model.Time(m.CreationDate)
					t.Relate(key, "in-group", t.Key("thing-group", aws.ToString(m.ParentGroupName)))
				}
			})
		})
}

var policyFields = collect.Fields[*iot.GetPolicyOutput]{
	collect.Text("document", "policy document of the default version (JSON)", func(p *iot.GetPolicyOutput) *string { return p.PolicyDocument }),
	collect.Text("default_version", "default version id", func(p *iot.GetPolicyOutput) *string { return p.DefaultVersionId }),
	collect.Computed("allows_all", model.Boolean, "a statement allows iot:* (or *) on every resource", func(p *iot.GetPolicyOutput) any {
		return allowsAll(aws.ToString(p.PolicyDocument))
	}),
	collect.Timestamp("last_modified", "last change", func(p *iot.GetPolicyOutput) *time.Time { return p.LastModifiedDate }),
}

// oneOrMany is a policy element that is a string or a list of strings.
type oneOrMany []string

func (o *oneOrMany) UnmarshalJSON(b []byte) error {
	var one string
	if json.Unmarshal(b, &one) == nil {
		*o = oneOrMany{one}
		return nil
	}
	return json.Unmarshal(b, (*[]string)(o))
}

// allowsAll reports whether a policy document allows every IoT action on
// every resource; an unreadable document does not.
func allowsAll(document string) bool {
	var doc struct {
		Statement []struct {
			Effect   string
			Action   oneOrMany
			Resource oneOrMany
		}
	}
	if json.Unmarshal([]byte(document), &doc) != nil {
		return false
	}
	for _, s := range doc.Statement {
		if strings.EqualFold(s.Effect, "Allow") && (slices.Contains(s.Action, "iot:*") || slices.Contains(s.Action, "*")) && slices.Contains(s.Resource, "*") {
			return true
		}
	}
	return false
}

func policies(ctx context.Context, t *collect.Task) error {
	api := iot.NewFromConfig(t.Config)
	p := iot.NewListPoliciesPaginator(api, &iot.ListPoliciesInput{PageSize: t.PageSize(250)})
	return collect.EachItem(ctx, p, func(page *iot.ListPoliciesOutput) []types.Policy { return page.Policies },
		func(ctx context.Context, pol types.Policy) {
			name := aws.ToString(pol.PolicyName)
			r := &model.Resource{Key: t.Key("policy", name), Name: name, ARN: aws.ToString(pol.PolicyArn)}
			described(ctx, t, api, r, "GetPolicy", func(ctx context.Context) (*iot.GetPolicyOutput, error) {
				return api.GetPolicy(ctx, &iot.GetPolicyInput{PolicyName: pol.PolicyName})
			}, func(d *iot.GetPolicyOutput) {
				r.Details, r.CreatedAt = policyFields.Details(d), model.Time(d.CreationDate)
			})
		})
}

func hasValidity(c types.CertificateDescription) bool { return c.Validity != nil }

var certificateFields = collect.Fields[types.CertificateDescription]{
	collect.Enum("status", "ACTIVE, INACTIVE, REVOKED, PENDING_TRANSFER, REGISTER_INACTIVE or PENDING_ACTIVATION", func(c types.CertificateDescription) types.CertificateStatus {
		return c.Status
	}),
	collect.Enum("mode", "DEFAULT (CA-signed) or SNI_ONLY", func(c types.CertificateDescription) types.CertificateMode { return c.CertificateMode }),
	collect.Text("ca_certificate_id", "CA certificate that signed it, when registered with its CA", func(c types.CertificateDescription) *string { return c.CaCertificateId }),
	collect.When(hasValidity, collect.Timestamp("not_before", "start of validity; absent when the certificate could not be described", func(c types.CertificateDescription) *time.Time {
		return c.Validity.NotBefore
	})),
	collect.When(hasValidity, collect.Timestamp("not_after", "end of validity: the certificate expires then", func(c types.CertificateDescription) *time.Time {
		return c.Validity.NotAfter
	})),
}

func certificates(ctx context.Context, t *collect.Task) error {
	api := iot.NewFromConfig(t.Config)
	p := iot.NewListCertificatesPaginator(api, &iot.ListCertificatesInput{PageSize: t.PageSize(250)})
	return collect.EachItem(ctx, p, func(page *iot.ListCertificatesOutput) []types.Certificate { return page.Certificates },
		func(ctx context.Context, c types.Certificate) {
			id := aws.ToString(c.CertificateId)
			r := &model.Resource{Key: t.Key("certificate", id), Name: id, ARN: aws.ToString(c.CertificateArn), CreatedAt: model.Time(c.CreationDate),
				Details: certificateFields.Details(types.CertificateDescription{Status: c.Status, CertificateMode: c.CertificateMode})}
			out, err := api.DescribeCertificate(ctx, &iot.DescribeCertificateInput{CertificateId: c.CertificateId})
			if err != nil {
				t.Warn("DescribeCertificate", err)
			} else if d := out.CertificateDescription; d != nil {
				r.Details = certificateFields.Details(*d)
			}
			t.Emit(r)
		})
}

var ruleFields = collect.Fields[*types.TopicRule]{
	collect.Text("sql", "the rule's query over the topics", func(r *types.TopicRule) *string { return r.Sql }),
	collect.Text("description", "rule description", func(r *types.TopicRule) *string { return r.Description }),
	collect.Bool("disabled", "the rule is disabled", func(r *types.TopicRule) *bool { return r.RuleDisabled }),
	collect.Computed("action_count", model.Integer, "actions the rule runs", func(r *types.TopicRule) any { return int64(len(r.Actions)) }),
	collect.Computed("has_error_action", model.Boolean, "failed actions are sent to an error action", func(r *types.TopicRule) any { return hasErrorAction(r) }),
}

// hasErrorAction reports whether the rule has an error action that does
// something (an empty one is no action).
func hasErrorAction(r *types.TopicRule) bool {
	return r.ErrorAction != nil && *r.ErrorAction != (types.Action{})
}

// ruleTargets are the functions, queues and topics a rule's actions send
// to, and the roles they run with.
func ruleTargets(r *types.TopicRule) (targets, roles []string) {
	actions := slices.Clone(r.Actions)
	if hasErrorAction(r) {
		actions = append(actions, *r.ErrorAction)
	}
	for _, a := range actions {
		if a.Lambda != nil {
			targets = append(targets, aws.ToString(a.Lambda.FunctionArn))
		}
		if a.Sqs != nil {
			roles = append(roles, aws.ToString(a.Sqs.RoleArn))
			targets = append(targets, queueARN(aws.ToString(a.Sqs.QueueUrl)))
		}
		if a.Sns != nil {
			roles, targets = append(roles, aws.ToString(a.Sns.RoleArn)), append(targets, aws.ToString(a.Sns.TargetArn))
		}
		if a.Kinesis != nil {
			roles = append(roles, aws.ToString(a.Kinesis.RoleArn))
		}
		if a.Firehose != nil {
			roles = append(roles, aws.ToString(a.Firehose.RoleArn))
		}
		if a.S3 != nil {
			roles = append(roles, aws.ToString(a.S3.RoleArn))
		}
		if a.DynamoDBv2 != nil {
			roles = append(roles, aws.ToString(a.DynamoDBv2.RoleArn))
		}
	}
	return targets, roles
}

// queueARN turns an SQS queue URL (https://sqs.REGION.amazonaws.com/ACCOUNT/NAME)
// into the queue's ARN; "" for anything else.
func queueARN(url string) string {
	parts := strings.Split(strings.TrimPrefix(url, "https://"), "/")
	host := strings.Split(parts[0], ".")
	if len(parts) != 3 || len(host) < 2 || host[0] != "sqs" {
		return ""
	}
	return "arn:aws:sqs:" + host[1] + ":" + parts[1] + ":" + parts[2]
}

func topicRules(ctx context.Context, t *collect.Task) error {
	api := iot.NewFromConfig(t.Config)
	p := iot.NewListTopicRulesPaginator(api, &iot.ListTopicRulesInput{MaxResults: t.PageSize(10000)})
	return collect.EachItem(ctx, p, func(page *iot.ListTopicRulesOutput) []types.TopicRuleListItem { return page.Rules },
		func(ctx context.Context, item types.TopicRuleListItem) {
			name := aws.ToString(item.RuleName)
			key := t.Key("topic-rule", name)
			r := &model.Resource{Key: key, Name: name, ARN: aws.ToString(item.RuleArn), CreatedAt: model.Time(item.CreatedAt)}
			described(ctx, t, api, r, "GetTopicRule", func(ctx context.Context) (*iot.GetTopicRuleOutput, error) {
				return api.GetTopicRule(ctx, &iot.GetTopicRuleInput{RuleName: item.RuleName})
			}, func(d *iot.GetTopicRuleOutput) {
				if d.Rule == nil {
					return
				}
				r.Details = ruleFields.Details(d.Rule)
				targets, roles := ruleTargets(d.Rule)
				for _, a := range targets {
					if to, ok := collect.TargetKey(a); ok {
						t.Relate(key, "targets", to)
					}
				}
				for _, role := range roles {
					t.Relate(key, "assumes-role", t.Role(role))
				}
			})
		})
}

var roleAliasFields = collect.Fields[*types.RoleAliasDescription]{
	collect.Text("role_arn", "IAM role devices get temporary credentials for", func(a *types.RoleAliasDescription) *string { return a.RoleArn }),
	collect.Int("credential_duration", "seconds the credentials last", func(a *types.RoleAliasDescription) *int32 { return a.CredentialDurationSeconds }),
	collect.Timestamp("last_modified", "last change", func(a *types.RoleAliasDescription) *time.Time { return a.LastModifiedDate }),
}

// roleAliases pages the alias names and describes each: the listing
// gives names only.
func roleAliases(ctx context.Context, t *collect.Task) error {
	api := iot.NewFromConfig(t.Config)
	p := iot.NewListRoleAliasesPaginator(api, &iot.ListRoleAliasesInput{PageSize: t.PageSize(250)})
	return collect.EachItem(ctx, p, func(page *iot.ListRoleAliasesOutput) []string { return page.RoleAliases },
		func(ctx context.Context, alias string) {
			key := t.Key("role-alias", alias)
			r := &model.Resource{Key: key, Name: alias, ARN: collect.ARN(t, "iot", "", "rolealias/"+alias)}
			described(ctx, t, api, r, "DescribeRoleAlias", func(ctx context.Context) (*iot.DescribeRoleAliasOutput, error) {
				return api.DescribeRoleAlias(ctx, &iot.DescribeRoleAliasInput{RoleAlias: aws.String(alias)})
			}, func(d *iot.DescribeRoleAliasOutput) {
				if a := d.RoleAliasDescription; a != nil {
					r.Details, r.CreatedAt = roleAliasFields.Details(a), model.Time(a.CreationDate)
					t.Relate(key, "assumes-role", t.Role(aws.ToString(a.RoleArn)))
				}
			})
		})
}

var domainFields = collect.Fields[*iot.DescribeDomainConfigurationOutput]{
	collect.Text("domain_name", "the custom domain", func(d *iot.DescribeDomainConfigurationOutput) *string { return d.DomainName }),
	collect.Enum("status", "ENABLED or DISABLED", func(d *iot.DescribeDomainConfigurationOutput) types.DomainConfigurationStatus {
		return d.DomainConfigurationStatus
	}),
	collect.Enum("service_type", "DATA, CREDENTIAL_PROVIDER or JOBS", func(d *iot.DescribeDomainConfigurationOutput) types.ServiceType { return d.ServiceType }),
	collect.Enum("authentication_type", "how devices authenticate (AWS_X509, CUSTOM_AUTH, DEFAULT, ...)", func(d *iot.DescribeDomainConfigurationOutput) types.AuthenticationType {
		return d.AuthenticationType
	}),
	collect.Computed("tls_policy", model.Text, "TLS security policy of the endpoint", func(d *iot.DescribeDomainConfigurationOutput) any {
		if d.TlsConfig == nil {
			return ""
		}
		return aws.ToString(d.TlsConfig.SecurityPolicy)
	}),
}

func domainConfigurations(ctx context.Context, t *collect.Task) error {
	api := iot.NewFromConfig(t.Config)
	p := iot.NewListDomainConfigurationsPaginator(api, &iot.ListDomainConfigurationsInput{PageSize: t.PageSize(250)})
	return collect.EachItem(ctx, p, func(page *iot.ListDomainConfigurationsOutput) []types.DomainConfigurationSummary {
		return page.DomainConfigurations
	},
		func(ctx context.Context, s types.DomainConfigurationSummary) {
			name := aws.ToString(s.DomainConfigurationName)
			if strings.HasPrefix(name, "iot:") {
				return
			}
			r := &model.Resource{Key: t.Key("domain-configuration", name), Name: name, ARN: aws.ToString(s.DomainConfigurationArn)}
			described(ctx, t, api, r, "DescribeDomainConfiguration", func(ctx context.Context) (*iot.DescribeDomainConfigurationOutput, error) {
				return api.DescribeDomainConfiguration(ctx, &iot.DescribeDomainConfigurationInput{DomainConfigurationName: s.DomainConfigurationName})
			}, func(d *iot.DescribeDomainConfigurationOutput) { r.Details = domainFields.Details(d) })
		})
}
